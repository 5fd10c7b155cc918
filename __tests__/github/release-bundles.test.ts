import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeBundles, runBundle, runnerFor, TEST_TOKEN as TOKEN } from '../support/action-bundle.js';
import { SPLIT_NAME, writeMigrations } from '../support/migrations.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { proxySetup, type ProxySetup } from '../support/proxy-setup.js';
import { colorsServed } from '../support/traffic.js';

const SHA = 'a'.repeat(40);

describeBundles('the step bundles against GitHub (a fake that checks every call against the OpenAPI description)', () => {
  let github: FakeGitHub;
  let setup: ProxySetup;
  beforeEach(async () => {
    github = await startFakeGitHub();
    github.setEnvironment('production', { reviewers: [{ type: 'User', login: 'reviewer' }] });
    github.setRun(7, { head_sha: SHA, actor: 'octocat', triggering_actor: 'octocat', run_attempt: 1 });
    setup = await proxySetup('url: https://shop.example.test/\n');
  });
  afterEach(async () => {
    await setup.stop();
    await github.stop();
    expect(github.violations).toEqual([]);
  });

  const env = () => runnerFor(github, { sha: SHA, workspace: setup.dir });
  const job = (name: string) => path.join(setup.dir, `job-${name}`);

  it('records the release as a deployment, finds it in a later job by digest alone, gates promote on a fresh approval, and leaks no token', async () => {
    const snapshot = await runBundle('snapshot', { config: setup.config }, job('prepare'), env());
    expect(snapshot.code).toBe(0);
    const id = Number(snapshot.outputs['deployment-id']);
    const deployment = github.deployments.find(d => d.id === id) as { payload: { cutover: { snapshot: { digest: string } } }; environment: string; task: string };
    expect(deployment).toMatchObject({ environment: 'production', task: 'deploy:cutover' });
    expect(deployment.payload.cutover.snapshot.digest).toBe(snapshot.outputs.digest);
    expect((await runBundle('deploy', { config: setup.config }, job('prepare'), env())).code).toBe(0);
    // Without a database section the database steps have nothing to do, so one workflow fits every service.
    const expand = await runBundle('migrate', { config: setup.config, phase: 'expand' }, job('prepare'), env());
    expect(expand.code).toBe(0);
    expect(expand.outputs.applied).toBe('[]');

    // The promote job has only the digest: no snapshot, no record file.
    const inputs = { config: setup.config, digest: snapshot.outputs.digest as string };
    const unapproved = await runBundle('promote', inputs, job('promote'), env());
    expect(unapproved.code).toBe(1);
    expect(unapproved.stdout).toMatch(/::error::No reviewer approved the promotion to production/);
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });

    github.addApproval(7, { environment: 'production', state: 'approved', user: 'reviewer', comment: 'ship it <b>now</b>' });
    const promote = await runBundle('promote', inputs, job('promote'), env());
    expect(promote.code).toBe(0);
    expect(JSON.parse(promote.outputs.approvers as string)).toEqual([{ user: 'reviewer', comment: 'ship it <b>now</b>' }]);
    expect(await colorsServed(setup.proxy.url)).toEqual({ green: 20 });

    const statuses = github.statuses(id).map(s => ({ state: s.state, description: s.description, log: s.log_url, url: s.environment_url }));
    expect(statuses.map(s => `${s.state} ${s.description}`)).toEqual(
      expect.arrayContaining([
        'in_progress cutover snapshot: done; live blue',
        'in_progress cutover deploy: done',
        'in_progress cutover expand: done',
        'failure cutover promote: failed; ' + (statuses.find(s => s.state === 'failure')?.description as string).replace('cutover promote: failed; ', ''),
        'in_progress cutover promote: started; approved by reviewer',
        'success cutover promote: done; approved by reviewer'
      ])
    );
    expect(statuses.every(s => s.log === 'https://github.example.test/octo-org/app/actions/runs/7' && s.url === 'https://shop.example.test/')).toBe(true);

    const summary = await readFile(path.join(job('promote'), 'summary.md'), 'utf8');
    expect(summary).toContain('reviewer');
    expect(summary).toContain('&lt;b&gt;now&lt;/b&gt;');
    // One switch at once is no ramp to draw; the colors are the router's after it.
    expect(summary).not.toMatch(/xychart-beta/);
    expect(summary).toContain('| green | live | — | 100% | healthy |');

    // A rollback in yet another job also finds the release, and marks its deployment inactive.
    const rollback = await runBundle('rollback', inputs, job('rollback'), env());
    expect(rollback.code).toBe(0);
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
    expect(github.statuses(id).at(-1)).toMatchObject({ state: 'inactive' });

    const written = [
      JSON.stringify(github.requests.map(r => ({ path: r.path, query: r.query, body: r.body }))),
      ...(await Promise.all(['prepare', 'promote', 'rollback'].map(name => readFile(path.join(job(name), 'summary.md'), 'utf8')))),
      ...[snapshot, unapproved, promote, rollback].map(run => run.stdout.replace(`::add-mask::${TOKEN}`, ''))
    ];
    for (const text of written) expect(text).not.toContain(TOKEN);
    expect(github.requests.every(r => r.headers.authorization === `token ${TOKEN}`)).toBe(true);
  });

  it('lets contract in a later job read the promotion time from the deployment, so the soak guard needs no force', async () => {
    const migrations = path.join(setup.dir, 'migrations');
    await writeMigrations(migrations, SPLIT_NAME);
    const withDatabase = path.join(setup.dir, 'with-database.yml');
    await writeFile(
      withDatabase,
      `${await readFile(setup.config, 'utf8')}\ndatabase:\n  url: pglite:${path.join(setup.dir, 'db')}\n  migrations: migrations\n  contract: { soak: 0s }\n`
    );
    const prepare = { config: withDatabase };
    const snapshot = await runBundle('snapshot', prepare, job('prepare'), env());
    expect(snapshot.code).toBe(0);
    for (const [step, phase] of [['deploy'], ['migrate', 'expand'], ['migrate', 'migrate']]) {
      const run = await runBundle(step as string, phase ? { ...prepare, phase } : prepare, job('prepare'), env());
      expect(run.code).toBe(0);
    }
    const later = { config: withDatabase, digest: snapshot.outputs.digest as string };
    github.addApproval(7, { environment: 'production', state: 'approved', user: 'reviewer', comment: '' });
    expect((await runBundle('promote', later, job('promote'), env())).code).toBe(0);
    const contract = await runBundle('contract', later, job('contract'), env());
    expect(contract.code).toBe(0);
    expect(JSON.parse(contract.outputs.applied as string).map((a: { id: string }) => a.id)).toEqual(['0002']);
    expect(github.statuses(Number(snapshot.outputs['deployment-id'])).at(-1)).toMatchObject({ state: 'success', description: 'cutover contract: done' });
    const rollback = await runBundle('rollback', later, job('rollback'), env());
    expect(rollback.code).toBe(1);
    expect(rollback.stdout).toMatch(/::error::rollback: .*contract/);
  });

  it('refuses to promote when the environment has no required reviewers, and when the run builds another commit', async () => {
    github.setEnvironment('production');
    const snapshot = await runBundle('snapshot', { config: setup.config }, job('prepare'), env());
    expect(snapshot.code).toBe(0);
    expect((await runBundle('deploy', { config: setup.config }, job('prepare'), env())).code).toBe(0);
    const inputs = { config: setup.config, digest: snapshot.outputs.digest as string };
    github.addApproval(7, { environment: 'production', state: 'approved', user: 'reviewer', comment: '' });
    const open = await runBundle('promote', inputs, job('promote'), env());
    expect(open.code).toBe(1);
    expect(open.stdout).toContain('environment "production" has no required reviewers');

    github.setEnvironment('production', { reviewers: [{ type: 'User', login: 'reviewer' }] });
    github.setRun(7, { head_sha: 'b'.repeat(40), actor: 'octocat', triggering_actor: 'octocat', run_attempt: 1 });
    const moved = await runBundle('promote', inputs, job('promote'), env());
    expect(moved.code).toBe(1);
    expect(moved.stdout).toContain(`this run builds ${'b'.repeat(40)}, but the release was prepared from ${SHA}`);
    expect(await colorsServed(setup.proxy.url)).toEqual({ blue: 20 });
  });
});
