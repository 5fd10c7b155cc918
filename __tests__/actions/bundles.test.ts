import path from 'node:path';
import { describeBundles, olderNode, runBundle, runnerFor, type ActionRun, type Runner } from '../support/action-bundle.js';
import { requireServer } from '../support/servers.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { SPLIT_NAME, writeMigrations } from '../support/migrations.js';
import { proxySetup, type ProxySetup } from '../support/proxy-setup.js';
import { colorsServed } from '../support/traffic.js';

const SHA = 'c'.repeat(40);

describeBundles('the committed action bundles, run as the runner runs them', () => {
  let setup: ProxySetup;
  let github: FakeGitHub;
  let runner: Runner;
  const job = (name: string) => path.join(setup.dir, `job-${name}`);

  async function start(environment: string, extraYaml = ''): Promise<void> {
    github = await startFakeGitHub();
    github.setEnvironment(environment, { reviewers: [{ type: 'User', login: 'reviewer' }] });
    github.setRun(7, { head_sha: SHA, actor: 'octocat', triggering_actor: 'octocat', run_attempt: 1 });
    setup = await proxySetup(`environment: ${environment}\n${extraYaml}`);
    runner = runnerFor(github, { sha: SHA, workspace: setup.dir });
  }
  afterEach(async () => {
    await setup.stop();
    await github.stop();
    expect(github.violations).toEqual([]);
  });

  const succeeded = (run: ActionRun) => {
    expect(run.stdout).not.toMatch(/::error::/);
    expect(run.code).toBe(0);
    return run;
  };

  it('every step runs with nothing but the defaults and its minimum inputs, through the root action and through its own folder', async () => {
    await start('staging', 'database:\n  url: pglite:db\n  migrations: migrations\n  contract: { soak: 0s }\n');
    await writeMigrations(path.join(setup.dir, 'migrations'), SPLIT_NAME);
    // Only what a step cannot do without: migrate's phase. The config is the default cutover.yml in the workspace.
    // Rollback before promote is a release going back before any traffic moved; after contract it is refused.
    const release: [string, Record<string, string>][] = [
      ['snapshot', {}],
      ['deploy', {}],
      ['migrate', { phase: 'expand' }],
      ['migrate', { phase: 'migrate' }],
      ['rollback', {}],
      ['promote', {}],
      ['contract', {}]
    ];
    // Each way is its own workflow run; a reviewer approves once it is prepared, as the environment's rule asks.
    for (const [through, runId] of [['root', 7], ['folder', 8]] as const) {
      github.setRun(runId, { head_sha: SHA, actor: 'octocat', triggering_actor: 'octocat', run_attempt: 1 });
      const inRun = { ...runner, runId };
      const run = (step: string, inputs: Record<string, string>, name: string) =>
        through === 'root' ? runBundle('.', { step, ...inputs }, job(name), inRun) : runBundle(step, inputs, job(name), inRun);
      for (const [step, inputs] of release) {
        if (step === 'promote') github.addApproval(runId, { environment: 'staging', state: 'approved', user: 'reviewer', comment: 'ok' });
        succeeded(await run(step, inputs, through));
      }
      // A finished release leaves the new color live; a drill is its own release on top of it.
      const live = through === 'root' ? 'green' : 'blue';
      expect(await colorsServed(setup.proxy.url)).toEqual({ [live]: 20 });
      succeeded(await run('snapshot', {}, `${through}-drill`));
      succeeded(await run('deploy', {}, `${through}-drill`));
      const drill = succeeded(await run('drill', {}, `${through}-drill`));
      expect(drill.stdout).toMatch(/drill passed/);
      expect(await colorsServed(setup.proxy.url)).toEqual({ [live]: 20 });
    }
    // Twenty steps, each a Node process that also reads the router and the database for its summary.
  }, 180_000);

  it('records where a promote cut short by a cancelled job left traffic, in its post step', async () => {
    await start('production', 'traffic: { steps: canary, pause: 1h }\n');
    const prepare = job('prepare');
    expect((await runBundle('snapshot', {}, prepare, runner)).code).toBe(0);
    expect((await runBundle('deploy', {}, prepare, runner)).code).toBe(0);
    github.addApproval(7, { environment: 'production', state: 'approved', user: 'reviewer', comment: '' });
    // The runner kills a step that outlives the cancellation's grace; here, while the canary holds 10%.
    const main = await runBundle('promote', {}, prepare, runner, { killWhen: /step 1 of 2: green gets 10%/ });
    expect(main.code).not.toBe(0);
    expect(main.state.step).toBe('promote');
    expect(main.state.recorded).toBeUndefined();
    const id = github.deployments.at(-1)?.id as number;
    expect(github.statuses(id).at(-1)).toMatchObject({ state: 'in_progress' });

    const post = await runBundle('promote', {}, prepare, runner, { entry: 'post', state: main.state });
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/::warning::cutover promote cancelled before it finished: traffic is left at blue 90%25 \/ green 10%25; run rollback/);
    expect(github.statuses(id).at(-1)).toMatchObject({ state: 'failure' });
    expect(String(github.statuses(id).at(-1)?.description)).toMatch(/cancelled before it finished/);

    // A step that recorded its own outcome leaves its post step nothing to do.
    const statuses = github.statuses(id).length;
    const quiet = await runBundle('promote', {}, prepare, runner, { entry: 'post', state: { step: 'promote', recorded: 'true' } });
    expect(quiet.stdout).toMatch(/recorded its outcome itself/);
    expect(github.statuses(id)).toHaveLength(statuses);
  });

  it('hand a release from job to job through outputs: snapshot, deploy, promote, rollback', async () => {
    await start('production');
    const prepare = job('prepare');
    const snapshot = await runBundle('snapshot', {}, prepare, runner);
    expect(snapshot.code).toBe(0);
    expect(snapshot.outputs).toMatchObject({ 'live-color': 'blue', 'idle-color': 'green', 'snapshot-file': path.join(prepare, 'cutover', 'shop.json') });
    const sealed = JSON.parse(snapshot.outputs.snapshot as string);
    expect(sealed.digest).toBe(snapshot.outputs.digest);
    expect(sealed.snapshot.source).toEqual({ git_sha: SHA, run_id: '7', actor: 'octocat' });

    const deploy = await runBundle('deploy', { version: '2.0.0' }, prepare, runner);
    expect(deploy.code).toBe(0);
    expect(deploy.outputs).toMatchObject({ color: 'green', upstream: setup.apps.green, version: '2.0.0' });
    expect(deploy.stdout).toMatch(/::group::Deploy green/);

    // Another job, another runner: only the outputs travel.
    github.addApproval(7, { environment: 'production', state: 'approved', user: 'reviewer', comment: '' });
    const handOver = { snapshot: snapshot.outputs.snapshot as string, digest: snapshot.outputs.digest as string };
    const promote = await runBundle('promote', handOver, job('promote'), runner);
    expect(promote.code).toBe(0);
    expect(promote.outputs['live-color']).toBe('green');
    expect(await colorsServed(setup.proxy.url)).toEqual({ green: 20 });

    const rollback = await runBundle('.', { ...handOver, step: 'rollback' }, job('rollback'), runner);
    expect(rollback.code).toBe(0);
    expect(rollback.outputs['live-color']).toBe('blue');
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
  });

  it('fails the step, changing nothing, when the snapshot input was tampered with', async () => {
    await start('production');
    const snapshot = await runBundle('snapshot', {}, job('a'), runner);
    const forged = JSON.parse(snapshot.outputs.snapshot as string);
    forged.snapshot.weights = { blue: 0, green: 100 };
    const promote = await runBundle('promote', { snapshot: JSON.stringify(forged) }, job('b'), runner);
    expect(promote.code).toBe(1);
    expect(promote.stdout).toMatch(/::error::input "snapshot": the snapshot does not match its digest.*weights\.blue, weights\.green/);
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
  });

  const older = olderNode();
  (requireServer('a Node older than 24 (to run a bundle where the runner never would)', older !== null, 'run the tests with the machine\'s Node 20') ? it : it.skip)(
    'fails with a clear message, changing nothing, when a node24 action runs on an older Node',
    async () => {
      await start('production');
      const run = await runBundle('snapshot', {}, job('old'), runner, { node: older as string });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^::error::cutover snapshot runs on Node 24 \(its action\.yml says using: node24\), but this is Node v(1\d|2[0-3])\./);
      expect(run.outputs).toEqual({});
      expect(github.deployments).toEqual([]);
    }
  );

  it('refuses an input the chosen step does not take, even one equal to another step default, and an unknown step', async () => {
    await start('production');
    const wrong = await runBundle('.', { step: 'promote', command: './deploy.sh' }, job('c'), runner);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/::error::input "command": the promote step has no such option/);
    // approval-timeout is promote's; a value other than its default is a mistake on a snapshot step.
    const changed = await runBundle('.', { step: 'snapshot', 'approval-timeout': '2h' }, job('c'), runner);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/::error::input "approval-timeout": the snapshot step has no such option/);
    const unknown = await runBundle('.', { step: 'promot' }, job('d'), runner);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(/::error::input "step": expected one of snapshot, deploy, migrate, promote, contract, rollback, drill, got "promot"/);
  });

});
