// Rollback benchmark: a canary through a real HAProxy under steady load. While the new color carries 10%
// of the traffic it starts failing 20% of its requests; analysis of HAProxy's own per-color counters
// (source kind router, failures-allowed 0) must roll the release back. Ten runs, each starting the
// failure at a different point of the analysis interval. Figures:
//   restore_intervals: time from the first failed answer to the last answer from the new color (traffic
//                      fully back on the old one), in analysis intervals; goal <= 2 intervals + 1 s;
//   failed_share:      failed answers of all answers in that window.
// Median and worst of the ten runs. BENCH_INTERVAL=2s sets the analysis interval. BENCH_QUICK=1
// (npm run bench -- --quick): one run with a 500ms interval and light load; it still has to roll back.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLoad } from './lib/load.mjs';
import { stringify } from 'yaml';
import { main } from '../lib/src/cli/main.js';
import { parseDuration } from '../lib/src/shared/duration.js';
import { askSocket, findHaproxy, startHaproxy, waitFor } from '../lib/harness/haproxy-server.js';
import { serveSampleApp, stopGracefully } from '../lib/src/demo/sample-app.js';
import { httpRequest } from '../lib/src/shared/io/http.js';
import { freePort } from '../lib/src/shared/io/ports.js';
import { sleep } from '../lib/src/shared/io/wait.js';
import { percentile } from '../lib/src/core/statistics.js';

const QUICK = process.env.BENCH_QUICK === '1';
const RUNS = QUICK ? 1 : 10;
const CONCURRENCY = QUICK ? 4 : 16;
const FAIL_RATE = 0.2;
const INTERVAL_MS = parseDuration(process.env.BENCH_INTERVAL ?? (QUICK ? '500ms' : '2s'));
const GOAL_MS = 2 * INTERVAL_MS + 1000;

const median = xs => percentile(xs, 50);
const now = () => performance.timeOrigin + performance.now();
const round = (x, digits = 3) => Number(x.toPrecision(digits));


const binary = findHaproxy();
if (!binary) {
  console.error('haproxy is not installed: apt-get install haproxy');
  process.exit(1);
}

const dir = mkdtempSync(path.join(tmpdir(), 'cutover-bench-rollback-'));
const ports = { blue: await freePort(), green: await freePort() };
const apps = [await serveSampleApp({ port: ports.blue, version: '1', color: 'blue' }), await serveSampleApp({ port: ports.green, version: '2', color: 'green' })];
const haproxy = await startHaproxy(binary, path.join(dir, 'haproxy'), await freePort(), 'cutover_shop');
const config = path.join(dir, 'cutover.yml');
const green = `http://127.0.0.1:${ports.green}`;
writeFileSync(
  config,
  stringify({
    service: 'shop',
    environment: 'staging',
    colors: {
      blue: { upstream: `127.0.0.1:${ports.blue}`, health: `http://127.0.0.1:${ports.blue}/healthz` },
      green: { upstream: `127.0.0.1:${ports.green}`, health: `${green}/healthz` }
    },
    router: { ...haproxy.routerSettings, drain: { time: '0s', timeout: '10s' } },
    health: { timeout: '5s', interval: '50ms' },
    traffic: { steps: 'canary', pause: '10m' },
    analysis: {
      interval: `${INTERVAL_MS}ms`,
      'failures-allowed': 0,
      sources: { haproxy: { kind: 'router' } },
      checks: [{ name: 'errors', metric: 'error-rate', max: '5%' }]
    }
  })
);
const silent = { out: () => undefined, env: process.env, self: [process.execPath, 'dist/cli/index.js'] };
const cutover = async (...args) => {
  let err = '';
  const code = await main([...args, '--config', config, '--snapshot-file', path.join(dir, 'release.json')], { ...silent, err: text => (err += text) });
  return { code, err };
};
const setFault = rate => httpRequest(`${green}/fault?fail=${rate}`, { method: 'PUT', timeoutMs: 2000 });
/** green's weight from `show servers state` (srv_uweight is the eighth column). */
const greenShare = async () => {
  const state = await askSocket(haproxy.socket, 'show servers state cutover_shop');
  const row = state.split('\n').find(line => / green /.test(line));
  return Number(row?.trim().split(/\s+/)[7]);
};

const restoreMs = [];
const failedShare = [];
try {
  if ((await main(['init', '--live', 'blue', '--config', config], { ...silent, err: () => undefined })) !== 0) throw new Error('cutover init failed');
  for (let run = 0; run < RUNS; run++) {
    rmSync(path.join(dir, 'release.json'), { force: true });
    for (const step of ['snapshot', 'deploy']) {
      const result = await cutover(step);
      if (result.code !== 0) throw new Error(`${step} failed:\n${result.err}`);
    }
    const load = await startLoad({ url: haproxy.url, concurrency: CONCURRENCY, trace: true });
    const promote = cutover('promote');
    await waitFor('the canary step at 10%', async () => ((await greenShare()) === 10 ? true : undefined), 20_000);
    const stepStarted = now();
    // Each run starts failing at a different point of the analysis interval: (run + 0.5) tenths of it in.
    await sleep(((run + 0.5) / RUNS) * INTERVAL_MS);
    await setFault(FAIL_RATE);
    const result = await promote;
    await sleep(200);
    const report = await load.stop();
    await setFault(0);
    if (result.code === 0) throw new Error('promote went through: the failing canary was not rolled back');
    if (!/Traffic was rolled back automatically/.test(result.err)) throw new Error(`promote failed otherwise:\n${result.err}`);
    const failed = report.answers.filter(a => a.status >= 500);
    const first = failed[0]?.at;
    const lastGreen = report.answers.filter(a => a.color === 'green').at(-1)?.at;
    if (first === undefined || lastGreen === undefined) throw new Error('no failed answer was seen: the fault did not reach the users');
    const window = report.answers.filter(a => a.at >= first && a.at <= lastGreen);
    const inWindow = window.filter(a => a.status >= 500).length;
    restoreMs.push(lastGreen - first);
    failedShare.push(inWindow / window.length);
    console.log(
      `run ${run + 1}: fault ${Math.round(first - stepStarted)}ms into the step, restored ${Math.round(lastGreen - first)}ms later ` +
        `(${round((lastGreen - first) / INTERVAL_MS)} intervals); ${inWindow} of ${window.length} answers failed in that window; ${report.connectionErrors} connection errors`
    );
  }
} finally {
  await haproxy.stop();
  await Promise.all(apps.map(stopGracefully));
  rmSync(dir, { recursive: true, force: true });
}

const figures = {
  restore_intervals_median: round(median(restoreMs) / INTERVAL_MS),
  restore_intervals_worst: round(Math.max(...restoreMs) / INTERVAL_MS),
  failed_share_median: round(median(failedShare)),
  failed_share_worst: round(Math.max(...failedShare))
};
console.log(`analysis interval ${INTERVAL_MS}ms; goal: restored within 2 intervals + 1s = ${round(GOAL_MS / INTERVAL_MS)} intervals`);
console.log(JSON.stringify(figures, null, 2));
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/rollback.json', JSON.stringify({ figures }, null, 2) + '\n');
