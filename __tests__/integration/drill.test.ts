import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { ReleaseRecord } from '../../src/adapters/store/release-store.js';
import { cli } from '../support/cli.js';
import { startUpstreams, tempDir, type Upstreams } from '../support/servers.js';

const FAKE_LB = path.resolve('__tests__/fixtures/command-router/fake-lb.mjs');

/**
 * Drills against the command router's one-file balancer, whose behaviour files can break a
 * rollback the way a real balancer breaks one: a switch that lands elsewhere, or one that fails.
 */
describe('cutover drill', () => {
  let dir: string;
  let removeDir: () => Promise<void>;
  let apps: Upstreams;
  let stateFile: string;
  let config: string;
  let record: string;

  beforeEach(async () => {
    ({ dir, remove: removeDir } = await tempDir());
    apps = await startUpstreams();
    stateFile = path.join(dir, 'lb.json');
    config = path.join(dir, 'cutover.yml');
    record = path.join(dir, 'release.json');
    await writeFile(stateFile, JSON.stringify({ weights: { blue: 100, green: 0 }, serving: { blue: 100, green: 0 } }));
    await writeFile(
      config,
      stringify({
        service: 'shop',
        environment: 'staging',
        colors: {
          blue: { upstream: apps.blue, health: `http://${apps.blue}/healthz` },
          green: { upstream: apps.green, health: `http://${apps.green}/healthz` }
        },
        router: {
          kind: 'command',
          read: [process.execPath, FAKE_LB, 'read', stateFile],
          switch: [process.execPath, FAKE_LB, 'switch', stateFile],
          lock: path.join(dir, 'balancer'),
          drain: { time: '0s' }
        },
        health: { timeout: '3s', interval: '50ms' },
        traffic: { steps: 'canary', pause: '1h' }
      })
    );
    for (const step of ['snapshot', 'deploy']) expect((await cli([step, '--config', config, '--snapshot-file', record])).code).toBe(0);
  });

  afterEach(async () => {
    await apps.stop();
    await removeDir();
  });

  const drill = () => cli(['drill', '--config', config, '--snapshot-file', record]);
  const balancer = async () => (JSON.parse(await readFile(stateFile, 'utf8')) as { weights: Record<string, number> }).weights;

  it('passes when the forced failure rolls the canary back to exactly the snapshot', async () => {
    const run = await drill();
    expect(run.err).toMatch(/step 1 of 2: green gets 10%/);
    expect(run.err).toMatch(/drill fail: forced failure: cutover drill fails the first step on purpose/);
    expect(run.err).toMatch(/drill passed/);
    expect(run.code).toBe(0);
    expect(await balancer()).toEqual({ blue: 100, green: 0 });
    const released = JSON.parse(await readFile(record, 'utf8')) as ReleaseRecord;
    expect(released.phase).toBe('rolled-back');
    expect(released.analysis?.map(s => [s.percent, s.outcome])).toEqual([[10, 'fail']]);
  });

  it('passes with promotion in one switch too (traffic steps all-at-once, the default)', async () => {
    const oneSwitch = path.join(dir, 'one-switch.yml');
    await writeFile(oneSwitch, (await readFile(config, 'utf8')).replace(/traffic:[^\n]*\n(\s+[^\n]*\n)*/, ''));
    expect(await readFile(oneSwitch, 'utf8')).not.toContain('traffic');
    const run = await cli(['drill', '--config', oneSwitch, '--snapshot-file', record]);
    expect(run.err).toMatch(/drill fail: forced failure/);
    expect(run.err).toMatch(/drill passed/);
    expect(run.code).toBe(0);
    expect(await balancer()).toEqual({ blue: 100, green: 0 });
  });

  it('fails when the rollback lands somewhere else than the snapshot', async () => {
    // The balancer rounds the way back to 90/10, as an API with its own idea of weights might.
    await writeFile(path.join(dir, 'switch-to-100-0.sets'), JSON.stringify({ blue: 90, green: 10 }));
    const run = await drill();
    expect(run.code).not.toBe(0);
    expect(run.err).toMatch(/drill failed: the promotion or its automatic rollback did not complete/);
    expect(await balancer()).not.toEqual({ blue: 100, green: 0 });
  });

  it('fails when the rollback switch itself fails', async () => {
    await writeFile(path.join(dir, 'switch-to-100-0.fails'), 'balancer API: 503 Service Unavailable');
    const run = await drill();
    expect(run.code).not.toBe(0);
    expect(run.err).toMatch(/drill failed: the promotion or its automatic rollback did not complete: .*503 Service Unavailable/s);
  });
});
