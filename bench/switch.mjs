// Switch benchmark: under steady load, switch blue -> green -> blue 20 times and
// count what clients lose, with keep-alive off and on. Setups so far: nginx-reload.
// Figures are ratios against baselines measured in the same run:
//   switch_latency_vs_rtt: median time from the switch call until the router is confirmed serving the new state,
//                          over the median loopback round trip to an upstream;
//   p99_ratio:             p99 latency during switches over p99 of the same load with no switch.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findNginx, startNginx } from '../lib/demo/nginx-server.js';
import { startLoad } from '../lib/demo/load.js';
import { serveSampleApp, stopGracefully } from '../lib/demo/sample-app.js';
import { freePort } from '../lib/io/ports.js';
import { httpGet } from '../lib/io/http.js';
import { createNginxRouter } from '../lib/routers/nginx.js';

const SWITCHES = 20;
const CONCURRENCY = 16;
const quiet = { info() {}, warn: m => console.warn(m), debug() {}, group: (_n, work) => work() };

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p99 = xs => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))];

async function roundTrip(url) {
  const samples = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await httpGet(url, { timeoutMs: 5000 });
    samples.push(performance.now() - started);
  }
  return median(samples);
}

async function nginxReload(binary) {
  const dir = mkdtempSync(path.join(tmpdir(), 'cutover-bench-'));
  const ports = { blue: await freePort(), green: await freePort() };
  const apps = [await serveSampleApp({ port: ports.blue, version: '1', color: 'blue' }), await serveSampleApp({ port: ports.green, version: '2', color: 'green' })];
  const nginx = await startNginx(binary, path.join(dir, 'nginx'), await freePort(), 'cutover_bench');
  try {
    const endpoints = { blue: `127.0.0.1:${ports.blue}`, green: `127.0.0.1:${ports.green}` };
    const router = createNginxRouter(
      { kind: 'nginx', file: nginx.routerFile, probe: nginx.url, binary, test: nginx.test, reload: nginx.reload, confirm: { responses: 5, timeout: 30_000, interval: 20 } },
      { service: 'bench', endpoints, baseDir: dir, logger: quiet }
    );
    await router.initialize({ kind: 'nginx', endpoints, weights: { blue: 100, green: 0 }, settings: {} });
    const rtt = await roundTrip(`http://${endpoints.blue}/`);

    const quietLoad = startLoad({ url: nginx.url, concurrency: CONCURRENCY, maxRequests: 1_000_000, maxMs: 3000, keepAlive: false });
    await new Promise(resolve => setTimeout(resolve, 3000));
    const baseline = await quietLoad.stop();

    const result = { requests: 0, requestsOff: 0, requestsOn: 0, failedOff: 0, failedOn: 0, non2xx: 0, connectionErrors: 0, latencies: [], switchMs: [] };
    for (const keepAlive of [false, true]) {
      const load = startLoad({ url: nginx.url, concurrency: CONCURRENCY, maxRequests: 2_000_000, maxMs: 120_000, keepAlive });
      for (let i = 0; i < SWITCHES; i++) {
        const current = await router.read();
        const to = current.weights.blue === 100 ? { blue: 0, green: 100 } : { blue: 100, green: 0 };
        const started = performance.now();
        await router.apply(current, { ...current, weights: to });
        result.switchMs.push(performance.now() - started);
      }
      const report = await load.stop();
      result.requests += report.requests;
      result.non2xx += report.non2xx;
      result.connectionErrors += report.connectionErrors;
      result[keepAlive ? 'failedOn' : 'failedOff'] += report.non2xx + report.connectionErrors;
      result[keepAlive ? 'requestsOn' : 'requestsOff'] += report.requests;
      result.latencies.push(...report.latenciesMs);
    }
    return {
      requests: result.requests,
      failed: result.non2xx + result.connectionErrors,
      failed_non2xx: result.non2xx,
      failed_connection_errors: result.connectionErrors,
      requests_keepalive_off: result.requestsOff,
      failed_keepalive_off: result.failedOff,
      requests_keepalive_on: result.requestsOn,
      failed_keepalive_on: result.failedOn,
      switch_latency_vs_rtt: median(result.switchMs) / rtt,
      p99_ratio: p99(result.latencies) / p99(baseline.latenciesMs),
      rtt_ms: rtt
    };
  } finally {
    await nginx.stop();
    await Promise.all(apps.map(stopGracefully));
    rmSync(dir, { recursive: true, force: true });
  }
}

const figures = {};
const binary = findNginx();
if (binary) {
  for (const [key, value] of Object.entries(await nginxReload(binary))) figures[`nginx-reload.${key}`] = value;
} else {
  console.log('nginx-reload: skipped, nginx is not installed (apt-get install nginx-light)');
}
for (const [key, value] of Object.entries(figures)) console.log(`${key.padEnd(40)} ${Number.isInteger(value) ? value : value.toFixed(3)}`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/switch.json', JSON.stringify({ figures }, null, 2) + '\n');
