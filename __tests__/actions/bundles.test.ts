import path from 'node:path';
import { runBundle } from '../support/action-bundle.js';
import { proxySetup, type ProxySetup } from '../support/proxy-setup.js';
import { colorsServed } from '../support/traffic.js';

describe('the committed action bundles', () => {
  let setup: ProxySetup;
  beforeEach(async () => {
    setup = await proxySetup();
  });
  afterEach(() => setup.stop());

  it('hand a release from job to job through outputs: snapshot, deploy, promote, rollback', async () => {
    const prepare = path.join(setup.dir, 'job-prepare');
    const snapshot = await runBundle('snapshot', { config: setup.config }, prepare);
    expect(snapshot.code).toBe(0);
    expect(snapshot.outputs).toMatchObject({ 'live-color': 'blue', 'idle-color': 'green', 'snapshot-file': path.join(prepare, 'cutover', 'shop.json') });
    const sealed = JSON.parse(snapshot.outputs.snapshot as string);
    expect(sealed.digest).toBe(snapshot.outputs.digest);
    expect(sealed.snapshot.source).toEqual({ git_sha: 'f00d', run_id: '7', actor: 'octocat' });

    const deploy = await runBundle('deploy', { config: setup.config, version: '2.0.0' }, prepare);
    expect(deploy.code).toBe(0);
    expect(deploy.outputs).toMatchObject({ color: 'green', upstream: setup.apps.green, version: '2.0.0' });
    expect(deploy.stdout).toMatch(/::group::Deploy green/);

    // Another job, another runner: only the outputs travel.
    const handOver = { config: setup.config, snapshot: snapshot.outputs.snapshot as string, digest: snapshot.outputs.digest as string };
    const promote = await runBundle('promote', handOver, path.join(setup.dir, 'job-promote'));
    expect(promote.code).toBe(0);
    expect(promote.outputs['live-color']).toBe('green');
    expect(await colorsServed(setup.proxy.url)).toEqual({ green: 20 });

    const rollback = await runBundle('main', { ...handOver, step: 'rollback' }, path.join(setup.dir, 'job-rollback'));
    expect(rollback.code).toBe(0);
    expect(rollback.outputs['live-color']).toBe('blue');
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
  });

  it('fails the step, changing nothing, when the snapshot input was tampered with', async () => {
    const snapshot = await runBundle('snapshot', { config: setup.config }, path.join(setup.dir, 'a'));
    const forged = JSON.parse(snapshot.outputs.snapshot as string);
    forged.snapshot.weights = { blue: 0, green: 100 };
    const promote = await runBundle('promote', { config: setup.config, snapshot: JSON.stringify(forged) }, path.join(setup.dir, 'b'));
    expect(promote.code).toBe(1);
    expect(promote.stdout).toMatch(/::error::input "snapshot": the snapshot does not match its digest.*weights\.blue, weights\.green/);
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
  });

  it('refuses an input the chosen step does not take, and an unknown step', async () => {
    const wrong = await runBundle('main', { config: setup.config, step: 'promote', command: './deploy.sh' }, path.join(setup.dir, 'c'));
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/::error::input "command": the promote step has no such option/);
    const unknown = await runBundle('main', { step: 'promot' }, path.join(setup.dir, 'd'));
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(/::error::input "step": expected one of snapshot, deploy, migrate, promote, contract, rollback, drill, got "promot"/);
  });
});
