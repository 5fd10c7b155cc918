import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { startLoad } from '../../src/demo/load.js';
import { freePort } from '../../src/shared/io/ports.js';
import { headerValue, httpGet, httpRequest } from '../../src/shared/io/http.js';
import type { ReleaseRecord } from '../../src/adapters/store/release-store.js';
import { cli } from '../support/cli.js';
import { describeWithHaproxy, haproxyBinary, startHaproxy, waitFor, type LocalHaproxy } from '../support/haproxy.js';
import { describeWithPrometheus, startPrometheus } from '../support/prometheus.js';
import { startUpstreams, tempDir, type Upstreams } from '../support/servers.js';

const BACKEND = 'cutover_shop';

/** A canary fast enough for tests: two steps before 100%, short intervals, dense probes. */
const probe = { kind: 'http', path: '/', rate: 60, timeout: '1s' };
const baseAnalysis = {
  interval: '400ms',
  sources: { probe },
  checks: [{ name: 'errors', metric: 'error-rate', max: '5%', 'min-samples': 10 }]
};

describeWithHaproxy('canary promotion with analysis through a real HAProxy', () => {
  let dir: string;
  let removeDir: () => Promise<void>;
  let haproxy: LocalHaproxy;
  let apps: Upstreams;
  let config: string;
  let record: string;

  const writeConfig = (extra: Record<string, unknown>) =>
    writeFile(
      config,
      stringify({
        service: 'shop',
        environment: 'staging',
        colors: {
          blue: { upstream: apps.blue, health: `http://${apps.blue}/healthz`, version: `http://${apps.blue}/version` },
          green: { upstream: apps.green, health: `http://${apps.green}/healthz`, version: `http://${apps.green}/version` }
        },
        router: { ...haproxy.routerSettings, drain: { time: '0s', timeout: '5s' }, confirm: { timeout: '3s' } },
        health: { timeout: '3s', interval: '50ms', 'max-interval': '500ms' },
        traffic: { steps: [10, 50, 100], pause: '800ms' },
        ...extra
      })
    );

  const step = (name: string, ...args: string[]) => cli([name, '--config', config, '--snapshot-file', record, ...args]);
  const fault = (query: string) => httpRequest(`http://${apps.green}/fault?${query}`, { method: 'PUT', timeoutMs: 2000 });
  const weights = async () => (await readFile(haproxy.routerFile, 'utf8')).match(/server (blue|green) \S+ weight \d+/g);
  const released = async () => JSON.parse(await readFile(record, 'utf8')) as ReleaseRecord;

  beforeEach(async () => {
    ({ dir, remove: removeDir } = await tempDir());
    apps = await startUpstreams();
    haproxy = await startHaproxy(haproxyBinary as string, path.join(dir, 'haproxy'), await freePort(), BACKEND);
    config = path.join(dir, 'cutover.yml');
    record = path.join(dir, 'release.json');
  });

  afterEach(async () => {
    await haproxy.stop();
    await apps.stop();
    await removeDir();
  });

  /** init, snapshot and deploy (green is already running), leaving a release ready to promote. */
  async function prepare(extra: Record<string, unknown>): Promise<string> {
    await writeConfig(extra);
    expect((await cli(['init', '--live', 'blue', '--config', config])).code).toBe(0);
    expect((await step('snapshot')).code).toBe(0);
    expect((await step('deploy')).code).toBe(0);
    return await readFile(haproxy.routerFile, 'utf8');
  }

  it('promotes a healthy canary step by step, each step passing its analysis', async () => {
    await prepare({ analysis: baseAnalysis });
    const run = await step('promote');
    expect(run.code).toBe(0);
    expect(await weights()).toEqual([`server blue ${apps.blue} weight 0`, `server green ${apps.green} weight 100`]);
    const { analysis, traffic, phase } = await released();
    expect(phase).toBe('promoted');
    expect(analysis?.map(s => [s.percent, s.outcome])).toEqual([
      [10, 'pass'],
      [50, 'pass'],
      [100, 'pass']
    ]);
    expect(traffic?.filter(p => !p.label.includes('#')).map(p => p.weights.green)).toEqual([10, 50, 100]);
    // Every interval recorded the error rate it measured, for the summary's chart.
    expect(traffic?.filter(p => p.errorRate).every(p => p.errorRate?.green === 0)).toBe(true);
  });

  it('rolls an erroring canary back to the snapshot at its first step, naming the check and its values', async () => {
    const before = await prepare({ analysis: baseAnalysis });
    await fault('fail=0.3');
    const run = await step('promote');
    expect(run.code).not.toBe(0);
    expect(run.err).toMatch(/step 1 \(10%\) failed: 1 failed interval, 0 allowed\. Rolling back/);
    expect(run.err).toMatch(/errors: error-rate 0\.[23]\d* > max 0\.05 \(new color, \d+ requests\)/);
    expect(run.err).toMatch(/rolled back automatically and is as the snapshot recorded/);
    // The CLI says what to do next after the error, chosen by its cause: nothing is left to roll back.
    expect(run.err).toMatch(/\nwhat to do next: Traffic is already back as the snapshot recorded: there is nothing to roll back\./);
    expect(await readFile(haproxy.routerFile, 'utf8')).toBe(before);
    const { phase, history, analysis } = await released();
    expect(phase).toBe('rolled-back');
    expect(history.at(-1)).toMatchObject({ step: 'rollback', outcome: 'done' });
    expect(analysis?.map(s => [s.percent, s.outcome])).toEqual([[10, 'fail']]);
  });

  it('rolls a slow canary back on the Mann-Whitney comparison with the old color', async () => {
    const before = await prepare({
      analysis: { ...baseAnalysis, checks: [{ name: 'slower', compare: 'latency', confidence: 0.99, allowance: '5ms', 'min-samples': 10 }] }
    });
    await fault('delay=40');
    const run = await step('promote');
    expect(run.code).not.toBe(0);
    expect(run.err).toMatch(/slower: latency significantly higher than the old color by more than 5ms: median 4\d(\.\d+)?ms vs \d+(\.\d+)?ms \(Mann-Whitney p [\d.e-]+ < 0\.01/);
    expect(await readFile(haproxy.routerFile, 'utf8')).toBe(before);
  });

  it("rolls back on the router's own counters of the users' traffic", async () => {
    const before = await prepare({
      analysis: { interval: '500ms', sources: { users: { kind: 'router' } }, checks: [{ name: 'errors', metric: 'error-rate', max: '5%', 'min-samples': 20 }] }
    });
    await fault('fail=0.2');
    const users = startLoad({ url: haproxy.url, concurrency: 4, maxRequests: 1_000_000, maxMs: 60_000 });
    const run = await step('promote');
    const served = await users.stop();
    expect(run.code).not.toBe(0);
    expect(run.err).toMatch(/errors: error-rate 0\.[12]\d* > max 0\.05 \(new color, \d+ requests\)/);
    expect(await readFile(haproxy.routerFile, 'utf8')).toBe(before);
    expect(served.byColor.green).toBeGreaterThan(0);
  });

  it('keeps each cookie-holding client on its color through the steps; at 100% everyone moves', async () => {
    await prepare({ traffic: { steps: [10, 50, 100], pause: '1500ms', affinity: { cookie: 'shop_color' } } });
    const promote = step('promote');
    const visit = async (cookie?: string) => {
      const response = await httpGet(haproxy.url, { timeoutMs: 2000, headers: cookie ? { cookie } : {} });
      const set = headerValue(response.headers, 'set-cookie');
      return { color: headerValue(response.headers, 'x-cutover-color'), cookie: set?.split(';')[0], at: Date.now() };
    };
    // A client that lands on green at 10% gets its cookie then; one already holding blue's keeps it.
    const first = await waitFor('a client landing on green', async () => {
      const answer = await visit();
      return answer.color === 'green' ? answer : undefined;
    }, 10_000);
    expect(first.cookie).toBe('shop_color=green');
    const seen: Record<'blue' | 'green', { color?: string; at: number }[]> = { blue: [], green: [] };
    let done = false;
    const result = promote.finally(() => (done = true));
    while (!done) {
      seen.green.push(await visit('shop_color=green'));
      seen.blue.push(await visit('shop_color=blue'));
    }
    expect((await result).code).toBe(0);
    const promotedAt = Date.parse((await released()).traffic?.find(p => p.label === '100%')?.at ?? '');
    expect(seen.green.length).toBeGreaterThan(20);
    expect(seen.green.every(answer => answer.color === 'green')).toBe(true);
    // blue's client stays on blue through 10% and 50%, and moves only once green has everything.
    const moved = seen.blue.findIndex(answer => answer.color === 'green');
    expect(seen.blue.slice(0, moved === -1 ? undefined : moved).every(answer => answer.color === 'blue')).toBe(true);
    expect(seen.blue.slice(moved).every(answer => answer.color === 'green')).toBe(true);
    expect(seen.blue[moved]?.at).toBeGreaterThanOrEqual(promotedAt);
    expect((await visit('shop_color=blue')).color).toBe('green');
  });

  describeWithPrometheus('judged by Prometheus', () => {
    it('rolls back when PromQL shows the new color failing, and names the query values', async () => {
      const prometheus = await startPrometheus({
        targets: [
          { address: apps.blue, labels: { color: 'blue' } },
          { address: apps.green, labels: { color: 'green' } }
        ],
        scrapeInterval: '500ms'
      });
      const users = startLoad({ url: haproxy.url, concurrency: 4, maxRequests: 1_000_000, maxMs: 60_000 });
      try {
        await prometheus.targetsUp();
        const before = await prepare({
          traffic: { steps: [50, 100], pause: '3s' },
          analysis: {
            interval: '2s',
            'failures-allowed': 1,
            sources: {
              prom: {
                kind: 'prometheus',
                url: prometheus.url,
                queries: {
                  requests: 'sum(increase(sample_requests_total{color="$color"}[$interval]))',
                  errors: 'sum(increase(sample_requests_total{color="$color",code="500"}[$interval])) or vector(0)'
                }
              }
            },
            checks: [{ name: 'errors', metric: 'error-rate', max: '5%', 'min-samples': 20 }]
          }
        });
        await fault('fail=0.2');
        const run = await step('promote');
        expect(run.code).not.toBe(0);
        expect(run.err).toMatch(/step 1 \(50%\) failed: 2 failed intervals, 1 allowed/);
        expect(run.err).toMatch(/errors: error-rate 0\.[12]\d* > max 0\.05 \(new color, [\d.]+ requests\)/);
        expect(await readFile(haproxy.routerFile, 'utf8')).toBe(before);
      } finally {
        await users.stop();
        await prometheus.stop();
      }
    });
  });

  it('reports a failing canary in a dry run, and promotes anyway', async () => {
    await prepare({ analysis: { ...baseAnalysis, 'dry-run': true } });
    await fault('fail=0.3');
    const run = await step('promote');
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/step 1 \(10%\) failed: .* Dry run: not rolling back\./);
    expect(await weights()).toEqual([`server blue ${apps.blue} weight 0`, `server green ${apps.green} weight 100`]);
    expect((await released()).analysis?.map(s => [s.percent, s.outcome, s.dryRun])).toEqual([
      [10, 'fail', true],
      [50, 'fail', true],
      [100, 'fail', true]
    ]);
  });

  describe('when a source has no data', () => {
    const missing = { kind: 'command', run: [path.join('/nonexistent', 'canary-check')] };
    const analysis = (policy: Record<string, unknown>) => ({
      interval: '300ms',
      sources: { check: missing },
      checks: [{ name: 'check', metric: 'error-rate', max: 0 }],
      ...policy
    });

    it('fails at once under inconclusive: fail', async () => {
      const before = await prepare({ analysis: analysis({ inconclusive: 'fail' }) });
      const run = await step('promote');
      expect(run.code).not.toBe(0);
      expect(run.err).toMatch(/step 1 \(10%\) failed for lack of data: 1 failed interval, 0 allowed, counting inconclusive intervals as failed/);
      expect(run.err).toMatch(/check: error-rate: no data from the new color \(.*canary-check.*\)/);
      expect(await readFile(haproxy.routerFile, 'utf8')).toBe(before);
    });

    it('waits up to the wait limit, then fails', async () => {
      const before = await prepare({ analysis: analysis({ inconclusive: 'wait', 'wait-limit': '1s' }) });
      const run = await step('promote');
      expect(run.code).not.toBe(0);
      expect(run.err).toMatch(/step 1 \(10%\) failed for lack of data: no conclusive data for 1(\.\d)?s of the 1s wait limit/);
      const { analysis: steps, traffic } = await released();
      expect(steps?.[0]?.outcome).toBe('inconclusive-fail');
      // It kept measuring while it waited: several intervals, none conclusive.
      expect(traffic?.filter(p => p.label.startsWith('10% #')).length).toBeGreaterThanOrEqual(3);
      expect(await readFile(haproxy.routerFile, 'utf8')).toBe(before);
    });

    it('passes under inconclusive: pass', async () => {
      await prepare({ analysis: analysis({ inconclusive: 'pass' }) });
      const run = await step('promote');
      expect(run.code).toBe(0);
      expect(await weights()).toEqual([`server blue ${apps.blue} weight 0`, `server green ${apps.green} weight 100`]);
    });
  });

  it('resumes a canary killed mid-way from the split the router holds, instead of calling it drift', async () => {
    await prepare({ analysis: baseAnalysis, traffic: { steps: [10, 50, 100], pause: '1h' } });
    const killed = spawn(process.execPath, ['dist/cli/index.js', 'promote', '--config', config, '--snapshot-file', record], { stdio: 'ignore' });
    const gone = new Promise(resolve => killed.once('exit', resolve));
    await waitFor('the first canary step', async () => ((await weights())?.[1]?.endsWith('weight 10') ? true : undefined), 20_000);
    killed.kill('SIGKILL');
    await gone;
    await writeConfig({ analysis: baseAnalysis });
    const run = await step('promote');
    expect(run.err).toMatch(/step 1 of 3: green gets 10%/);
    expect(run.code).toBe(0);
    expect(await weights()).toEqual([`server blue ${apps.blue} weight 0`, `server green ${apps.green} weight 100`]);
  });

  it('drills: promotes, fails on purpose, and proves the rollback restored the snapshot exactly', async () => {
    const before = await prepare({ analysis: baseAnalysis });
    const run = await step('drill', '--json');
    expect(run.err).toMatch(/drill passed: the forced failure rolled the release back, and the router holds exactly the snapshot's state/);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ 'live-color': 'blue' });
    expect(await readFile(haproxy.routerFile, 'utf8')).toBe(before);
    expect((await released()).phase).toBe('rolled-back');
  });

  it('refuses a drill on production, changing nothing', async () => {
    const before = await prepare({ analysis: baseAnalysis, environment: 'production' });
    const run = await step('drill');
    expect(run.code).not.toBe(0);
    expect(run.err).toMatch(/drill: environment "production" is production/);
    expect(await readFile(haproxy.routerFile, 'utf8')).toBe(before);
  });
});
