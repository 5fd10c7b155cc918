// Switch benchmark: under steady load, switch blue -> green -> blue 20 times on each router setup and count
// what clients lose, with keep-alive off and on. Setups: nginx-reload, nginx-lua, haproxy, haproxy-ssh.
// Figures, against baselines measured in the same run:
//   failed:                non-2xx answers plus connection errors (resets, timeouts), of all requests sent;
//   switch_latency_vs_rtt: median time from the switch call to the first answer from the new color at 100%,
//                          over the median loopback HTTP round trip to an upstream;
//   p99_ratio:             p99 latency while switching over p99 of the same load with no switch.
// BENCH_SETUPS=haproxy,nginx-lua runs some setups only. BENCH_QUICK=1 (npm run bench -- --quick): 2 switches
// (there and back) per keep-alive mode, light load and short baselines, every setup; the figures mean little.
// A setup whose server is not installed is skipped, unless CUTOVER_REQUIRE_INTEGRATION=1 (CI), where it fails.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLoad } from './lib/load.mjs';
import { Secrets } from '../lib/src/shared/secrets.js';
import { findHaproxy, startHaproxy } from '../lib/harness/haproxy-server.js';
import { findLuaModules, findNginx, startNginx } from '../lib/src/demo/nginx-server.js';
import { serveSampleApp, stopGracefully } from '../lib/src/demo/sample-app.js';
import { sshdInstalled, startSshd } from '../lib/harness/sshd-server.js';
import { httpGet } from '../lib/src/shared/io/http.js';
import { freePort } from '../lib/src/shared/io/ports.js';
import { sleep } from '../lib/src/shared/io/wait.js';
import { percentile } from '../lib/src/core/statistics.js';
import { createRouter, ROUTER_KINDS } from '../lib/src/adapters/routers/registry.js';

const QUICK = process.env.BENCH_QUICK === '1';
const SWITCHES = QUICK ? 2 : 20;
const CONCURRENCY = QUICK ? 4 : 16;
const BASELINE_MS = QUICK ? 300 : 3000;
/** How long each state serves before the next switch, so every setup is measured over a similar stretch of load. */
const DWELL_MS = QUICK ? 100 : 250;
const RTT_SAMPLES = QUICK ? 20 : 200;
const quiet = { info() {}, warn: m => console.warn(m), debug() {}, group: (_n, work) => work() };

const median = xs => percentile(xs, 50);
const p99 = xs => percentile(xs, 99);
const now = () => performance.timeOrigin + performance.now();

async function roundTrip(url) {
  const samples = [];
  for (let i = 0; i < RTT_SAMPLES; i++) {
    const started = performance.now();
    await httpGet(url, { timeoutMs: 5000 });
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/** cutover's router of this kind, loaded from the registry as a release step loads it. */
function routerOf(options, dir, endpoints) {
  const parsed = ROUTER_KINDS[options.kind].schema.parse(options);
  return createRouter(parsed, { service: 'bench', endpoints, baseDir: dir, logger: quiet, secrets: new Secrets({}, () => {}) });
}

/** Each setup starts its router in `dir` in front of the two upstreams and returns { url, router, stop }. */
const SETUPS = {
  'nginx-reload': {
    missing: () => (findNginx() ? null : 'apt-get install nginx-light'),
    start: (dir, endpoints) => nginxSetup(dir, endpoints, { mode: 'reload' })
  },
  'nginx-lua': {
    missing: () => (!findNginx() ? 'apt-get install nginx-light' : findLuaModules() ? null : 'apt-get install libnginx-mod-http-lua'),
    start: async (dir, endpoints) => nginxSetup(dir, endpoints, { mode: 'lua', admin: `127.0.0.1:${await freePort()}` }, findLuaModules())
  },
  haproxy: {
    missing: () => (findHaproxy() ? null : 'apt-get install haproxy'),
    start: (dir, endpoints) => haproxySetup(dir, endpoints, null)
  },
  'haproxy-ssh': {
    missing: () => (!findHaproxy() ? 'apt-get install haproxy' : sshdInstalled() ? null : 'apt-get install openssh-server'),
    async start(dir, endpoints) {
      const sshd = await startSshd();
      const setup = await haproxySetup(dir, endpoints, { ...sshd.options, 'connect-timeout': '10s' });
      return { ...setup, stop: async () => (await setup.stop(), await sshd.stop()) };
    }
  }
};

async function nginxSetup(dir, endpoints, settings, lua) {
  const binary = findNginx();
  const nginx = await startNginx(binary, path.join(dir, 'nginx'), await freePort(), 'cutover_bench', { lua: lua ?? undefined });
  const router = await routerOf(
    {
      kind: 'nginx',
      file: nginx.routerFile,
      probe: nginx.url,
      binary,
      test: nginx.test,
      reload: nginx.reload,
      ...(settings.mode === 'reload' ? { 'pid-file': nginx.pidFile } : {}),
      confirm: { responses: 5, timeout: '30s', interval: '20ms' },
      ...settings
    },
    dir,
    endpoints
  );
  return { url: nginx.url, router, stop: () => nginx.stop() };
}

async function haproxySetup(dir, endpoints, ssh) {
  const haproxy = await startHaproxy(findHaproxy(), path.join(dir, 'haproxy'), await freePort(), 'cutover_bench');
  const router = await routerOf({ ...haproxy.routerSettings, confirm: { responses: 5, timeout: '30s', interval: '20ms' }, ...(ssh ? { ssh } : {}) }, dir, endpoints);
  return { url: haproxy.url, router, stop: () => haproxy.stop() };
}

async function measure(name, setup) {
  const dir = mkdtempSync(path.join(tmpdir(), `cutover-bench-${name}-`));
  const ports = { blue: await freePort(), green: await freePort() };
  const apps = [await serveSampleApp({ port: ports.blue, version: '1', color: 'blue' }), await serveSampleApp({ port: ports.green, version: '2', color: 'green' })];
  const endpoints = { blue: `127.0.0.1:${ports.blue}`, green: `127.0.0.1:${ports.green}` };
  let running;
  try {
    running = await setup.start(dir, endpoints);
    const { router, url } = running;
    await router.initialize({ kind: router.kind, endpoints, weights: { blue: 100, green: 0 }, settings: {} });
    const rtt = await roundTrip(`http://${endpoints.blue}/`);

    let baseline = [];
    for (const keepAlive of [false, true]) {
      const load = await startLoad({ url, keepAlive, concurrency: CONCURRENCY });
      await sleep(BASELINE_MS);
      baseline = baseline.concat((await load.stop()).latenciesMs);
    }

    const result = { requests: 0, non2xx: 0, connectionErrors: 0, latencies: [], switchMs: [], modes: {} };
    for (const keepAlive of [false, true]) {
      const load = await startLoad({ url, keepAlive, concurrency: CONCURRENCY, trace: true });
      const switches = [];
      for (let i = 0; i < SWITCHES; i++) {
        const current = await router.read();
        const [from, to] = current.weights.blue === 100 ? ['blue', 'green'] : ['green', 'blue'];
        const at = now();
        await router.apply(current, { ...current, weights: { [from]: 0, [to]: 100 } });
        switches.push({ at, to });
        await router.drain(from);
        await sleep(DWELL_MS);
      }
      const report = await load.stop();
      for (const { at, to } of switches) {
        const first = report.answers.find(answer => answer.at >= at && answer.color === to);
        if (first) result.switchMs.push(first.at - at);
      }
      result.requests += report.requests;
      result.non2xx += report.non2xx;
      result.connectionErrors += report.connectionErrors;
      result.latencies = result.latencies.concat(report.latenciesMs);
      result.modes[keepAlive ? 'keepalive_on' : 'keepalive_off'] = { requests: report.requests, failed: report.non2xx + report.connectionErrors, errors: report.firstErrors };
    }
    for (const [mode, { errors }] of Object.entries(result.modes)) if (errors.length) console.log(`${name} ${mode}: first errors: ${errors.slice(0, 3).join(' | ')}`);
    return {
      requests: result.requests,
      failed: result.non2xx + result.connectionErrors,
      failed_non2xx: result.non2xx,
      failed_connection_errors: result.connectionErrors,
      requests_keepalive_off: result.modes.keepalive_off.requests,
      failed_keepalive_off: result.modes.keepalive_off.failed,
      requests_keepalive_on: result.modes.keepalive_on.requests,
      failed_keepalive_on: result.modes.keepalive_on.failed,
      switches_seen: result.switchMs.length,
      switch_latency_ms: median(result.switchMs),
      switch_latency_vs_rtt: median(result.switchMs) / rtt,
      rtt_ms: rtt,
      p99_ms: p99(result.latencies),
      p99_baseline_ms: p99(baseline),
      p99_ratio: p99(result.latencies) / p99(baseline)
    };
  } finally {
    await running?.router.close();
    await running?.stop();
    await Promise.all(apps.map(stopGracefully));
    rmSync(dir, { recursive: true, force: true });
  }
}

const wanted = process.env.BENCH_SETUPS ? process.env.BENCH_SETUPS.split(',') : Object.keys(SETUPS);
const figures = {};
const rows = [];
for (const name of wanted) {
  const setup = SETUPS[name];
  if (!setup) throw new Error(`no setup named ${name}; there are: ${Object.keys(SETUPS).join(', ')}`);
  const missing = setup.missing();
  if (missing) {
    if (process.env.CUTOVER_REQUIRE_INTEGRATION === '1') {
      console.error(`${name}: CUTOVER_REQUIRE_INTEGRATION=1 but a server is missing (${missing})`);
      process.exit(1);
    }
    console.log(`${name}: skipped, a server is missing (${missing})`);
    continue;
  }
  const measured = await measure(name, setup);
  for (const [key, value] of Object.entries(measured)) figures[`${name}.${key}`] = value;
  rows.push([
    name,
    measured.requests,
    `${measured.failed} (${measured.failed_non2xx} non-2xx, ${measured.failed_connection_errors} conn)`,
    `${measured.failed_keepalive_off}/${measured.requests_keepalive_off}`,
    `${measured.failed_keepalive_on}/${measured.requests_keepalive_on}`,
    `${measured.switch_latency_vs_rtt.toFixed(1)} (${measured.switch_latency_ms.toFixed(1)} ms)`,
    measured.p99_ratio.toFixed(2)
  ]);
}
const header = ['setup', 'requests', 'failed', 'keep-alive off', 'keep-alive on', 'switch latency x RTT', 'p99 ratio'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)));
for (const row of [header, ...rows]) console.log(row.map((cell, i) => String(cell).padEnd(widths[i])).join('  '));
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/switch.json', JSON.stringify({ figures }, null, 2) + '\n');
