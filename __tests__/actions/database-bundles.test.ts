import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readHistory } from '../../src/database/history.js';
import { describeBundles, runBundle, runnerFor, type Runner } from '../support/action-bundle.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { SPLIT_NAME, writeMigrations } from '../support/migrations.js';
import { describeWithPostgres, startPostgres, type PostgresServer } from '../support/postgres.js';
import { proxySetup, type ProxySetup } from '../support/proxy-setup.js';
import { colorsServed } from '../support/traffic.js';

const describeBoth = describeBundles === describe ? describeWithPostgres : describe.skip;

// A workflow that keeps no GitHub deployment records: every step gets github-token: '', and promote require-approval: false.
describeBoth('the migrate and contract action bundles on PostgreSQL, without GitHub records', () => {
  let server: PostgresServer;
  let setup: ProxySetup;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(() => server.stop());
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
  });
  afterEach(async () => {
    await setup.stop();
    await github.stop();
    // Without a token nothing may reach GitHub.
    expect(github.requests).toEqual([]);
  });

  it('run a whole release across jobs, keep the database URL masked, and refuse rollback after contract', async () => {
    await server.createDatabase('actions');
    // The server trusts loopback, so the password is never checked; it stands for a real secret.
    const password = 'pw-4f9c2b7e';
    const url = server.url('actions').replace('cutover@', `cutover:${password}@`);
    setup = await proxySetup('database:\n  url: env:DATABASE_URL\n  migrations: migrations\n  contract: { soak: 0s }\n');
    await writeMigrations(path.join(setup.dir, 'migrations'), SPLIT_NAME);
    const runner: Runner = runnerFor(github, { workspace: setup.dir, env: { DATABASE_URL: url } });
    const noRecords = { config: setup.config, 'github-token': '' };
    const job = (name: string) => path.join(setup.dir, `job-${name}`);
    const db = await server.connect('actions');

    try {
      const snapshot = await runBundle('snapshot', noRecords, job('prepare'), runner);
      expect(snapshot.code).toBe(0);
      expect(JSON.parse(snapshot.outputs.snapshot as string).snapshot.database).toEqual({
        engine: 'postgresql',
        schema_version: null,
        applied: { expand: [], migrate: [], contract: [] }
      });
      expect(snapshot.stdout).toContain(`::add-mask::${url}`);
      // The password alone is masked too, wherever it shows up without the rest of the URL.
      expect(snapshot.stdout).toContain(`::add-mask::${password}`);
      const handOver = { ...noRecords, snapshot: snapshot.outputs.snapshot as string, digest: snapshot.outputs.digest as string };

      expect((await runBundle('deploy', handOver, job('prepare'), runner)).code).toBe(0);
      const early = await runBundle('promote', { ...handOver, 'require-approval': 'false' }, job('early'), runner);
      expect(early.code).toBe(1);
      expect(early.stdout).toMatch(/::error::promote: the new version expects a schema that is not there yet; not done: 0001_people expand, 0002_full_name expand, 0002_full_name migrate/);

      const expand = await runBundle('migrate', { ...handOver, phase: 'expand' }, job('prepare'), runner);
      expect(expand.code).toBe(0);
      expect(JSON.parse(expand.outputs.applied as string).map((a: { id: string }) => a.id)).toEqual(['0001', '0002']);
      // The prepare job's summary is the review page: the digest and every statement with its lock.
      const review = await readFile(path.join(job('prepare'), 'summary.md'), 'utf8');
      expect(review).toContain(handOver.digest);
      expect(review).toMatch(/ADD COLUMN full_name[^\n]*ACCESS EXCLUSIVE/);
      expect(review).not.toContain(password);
      await db.query(`INSERT INTO people (first_name, last_name) VALUES ('Ada', 'Lovelace'), ('Alan', 'Turing')`);
      // Rows as the old version left them before the trigger existed: no full_name yet.
      await db.query('SET session_replication_role = replica');
      await db.query('UPDATE people SET full_name = NULL');
      await db.query('RESET session_replication_role');
      const migrate = await runBundle('migrate', { ...handOver, phase: 'migrate' }, job('prepare'), runner);
      expect(migrate.code).toBe(0);
      expect(migrate.outputs['schema-version']).toBe('0002');

      expect((await runBundle('promote', { ...handOver, 'require-approval': 'false' }, job('promote'), runner)).code).toBe(0);
      expect(await colorsServed(setup.proxy.url)).toEqual({ green: 20 });
      // Another job has only the bare snapshot: it cannot know when promotion finished, so contract needs force.
      const guarded = await runBundle('contract', handOver, job('contract'), runner);
      expect(guarded.code).toBe(1);
      expect(guarded.stdout).toContain('the release record has no promotion time');
      const contract = await runBundle('contract', { ...handOver, force: 'soaked for a day in staging' }, job('contract'), runner);
      expect(contract.code).toBe(0);

      const rollback = await runBundle('rollback', handOver, job('rollback'), runner);
      expect(rollback.code).toBe(1);
      expect(rollback.stdout).toMatch(/::error::rollback: this release already ran contract \(0002_full_name, done\)/);
      expect(await colorsServed(setup.proxy.url)).toEqual({ green: 20 });

      const history = await readHistory(db);
      expect(history.find(r => r.phase === 'contract')).toMatchObject({ forced: 'soaked for a day in staging', actor: 'octocat', run_id: '7' });
      expect(history.find(r => r.phase === 'migrate')?.rows_done).toBe(2);
      for (const run of [snapshot, expand, migrate, contract, rollback]) {
        // The runner takes ::add-mask:: lines as commands and never shows them.
        expect(run.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(password);
        expect(JSON.stringify(run.outputs)).not.toContain(password);
      }
    } finally {
      await db.close();
    }
  });
});
