import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readHistory } from '../../src/adapters/database/history.js';
import { describeBundles, runBundle, runnerFor, type ActionRun, type Runner } from '../support/action-bundle.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { columnsOf, SPLIT_NAME, writeDatabaseOnlyConfig, writeMigrations } from '../support/migrations.js';
import { describeWithPostgres, usePostgres } from '../support/postgres.js';
import { proxySetup, type ProxySetup } from '../support/proxy-setup.js';
import { tempDir } from '../support/servers.js';
import { keepSummary } from '../support/summary.js';
import { colorsServed } from '../support/traffic.js';

const describeBoth = describeBundles === describe ? describeWithPostgres : describe.skip;

// The server trusts loopback, so the PASSWORD is never checked; it stands for a real secret.
const PASSWORD = 'pw-4f9c2b7e';

/** What a run printed outside the ::add-mask:: lines, which the runner takes as commands and never shows, and its outputs. */
const shown = (run: ActionRun) => `${run.stdout.replace(/^::add-mask::.*$/gm, '')}\n${JSON.stringify(run.outputs)}`;

describeBoth('the database action bundles on PostgreSQL', () => {
  const { server, cleanup } = usePostgres();
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
    cleanup(() => github.stop());
  });
  /** A new database named `name`, its URL with the PASSWORD in it, and a connection to it. */
  async function database(name: string) {
    const url = (await server().createDatabase(name)).replace('cutover@', `cutover:${PASSWORD}@`);
    const db = await server().connect(name);
    cleanup(() => db.close());
    return { url, db };
  }

  // A workflow that keeps no GitHub deployment records: every step gets github-token: '', and promote require-approval: false.
  describe('without GitHub records', () => {
    let setup: ProxySetup;
    afterEach(async () => {
      await setup.stop();
      // Without a token nothing may reach GitHub.
      expect(github.requests).toEqual([]);
    });

    it('run a whole release across jobs, keep the database URL masked, and refuse rollback after contract', async () => {
      const { url, db } = await database('actions');
      setup = await proxySetup('database:\n  url: env:DATABASE_URL\n  migrations: migrations\n  contract: { soak: 0s }\n');
      await writeMigrations(path.join(setup.dir, 'migrations'), SPLIT_NAME);
      const runner: Runner = runnerFor(github, { workspace: setup.dir, env: { DATABASE_URL: url } });
      const noRecords = { config: setup.config, 'github-token': '' };
      const job = (name: string) => path.join(setup.dir, `job-${name}`);

      const snapshot = await runBundle('snapshot', noRecords, job('prepare'), runner);
      expect(snapshot.code).toBe(0);
      expect(JSON.parse(snapshot.outputs.snapshot as string).snapshot.database).toEqual({
        engine: 'postgresql',
        schema_version: null,
        applied: { expand: [], migrate: [], contract: [] }
      });
      expect(snapshot.stdout).toContain(`::add-mask::${url}`);
      // The password alone is masked too, wherever it shows up without the rest of the URL.
      expect(snapshot.stdout).toContain(`::add-mask::${PASSWORD}`);
      const handOver = { ...noRecords, snapshot: snapshot.outputs.snapshot as string, digest: snapshot.outputs.digest as string };

      expect((await runBundle('deploy', handOver, job('prepare'), runner)).code).toBe(0);
      const early = await runBundle('promote', { ...handOver, 'require-approval': 'false' }, job('early'), runner);
      expect(early.code).toBe(1);
      expect(early.stdout).toMatch(/::error::promote: the new version expects a schema that is not there yet; not done: 0001_people expand, 0002_full_name expand, 0002_full_name migrate/);

      const expand = await runBundle('migrate', { ...handOver, phase: 'expand' }, job('prepare'), runner);
      expect(expand.code).toBe(0);
      expect(JSON.parse(expand.outputs.applied as string).map((a: { id: string }) => a.id)).toEqual(['0001', '0002']);
      await db.query(`INSERT INTO people (first_name, last_name) VALUES ('Ada', 'Lovelace'), ('Alan', 'Turing')`);
      // Rows as the old version left them before the trigger existed: no full_name yet.
      await db.query('SET session_replication_role = replica');
      await db.query('UPDATE people SET full_name = NULL');
      await db.query('RESET session_replication_role');
      const migrate = await runBundle('migrate', { ...handOver, phase: 'migrate' }, job('prepare'), runner);
      expect(migrate.code).toBe(0);
      expect(migrate.outputs['schema-version']).toBe('0002');
      // The prepare job's summary has one review page, by migrate, which made the release ready: the digest and every statement with its lock.
      const review = await readFile(path.join(job('prepare'), 'summary.md'), 'utf8');
      expect(review.split('\n').filter(line => line.startsWith('## '))).toHaveLength(1);
      expect(review).toContain(handOver.digest);
      expect(review).toMatch(/ADD COLUMN full_name[^\n]*ACCESS EXCLUSIVE/);
      expect(review).not.toContain(PASSWORD);

      expect((await runBundle('promote', { ...handOver, 'require-approval': 'false' }, job('promote'), runner)).code).toBe(0);
      expect(await colorsServed(setup.proxy.url)).toEqual({ green: 20 });
      // Another job has only the bare snapshot: it cannot know when promotion finished, so contract needs force.
      const guarded = await runBundle('contract', handOver, job('contract'), runner);
      expect(guarded.code).toBe(1);
      expect(guarded.stdout).toContain('the release record has no promotion time');
      const contract = await runBundle('contract', { ...handOver, force: 'soaked for a day in staging' }, job('contract'), runner);
      expect(contract.code).toBe(0);
      // The contract page says what it dropped and why it was forced past its guard.
      const dropped = (await readFile(path.join(job('contract'), 'summary.md'), 'utf8')).split(/^(?=## )/m).at(-1) ?? '';
      await keepSummary('contract-forced', dropped);
      expect(dropped).toContain('**Contract dropped** what the old version needed; there is no rollback past this:');
      expect(dropped).toContain('Forced past its guard: soaked for a day in staging');
      expect(dropped).not.toContain(PASSWORD);

      const rollback = await runBundle('rollback', handOver, job('rollback'), runner);
      expect(rollback.code).toBe(1);
      expect(rollback.stdout).toMatch(/::error::rollback: this release already ran contract \(0002_full_name, done\)/);
      expect(await colorsServed(setup.proxy.url)).toEqual({ green: 20 });

      const history = await readHistory(db);
      expect(history.find(r => r.phase === 'contract')).toMatchObject({ forced: 'soaked for a day in staging', actor: 'octocat', run_id: '7' });
      expect(history.find(r => r.phase === 'migrate')?.rows_done).toBe(2);
      for (const run of [snapshot, expand, migrate, contract, rollback]) expect(shown(run)).not.toContain(PASSWORD);
    });
  });

  // Every input at its action.yml default (config, github-token included) unless the step gives it, as the runner passes them.
  describe('with a database-only cutover.yml', () => {
    // No release, so no deployment record: even with the job token, nothing reaches GitHub.
    afterEach(() => expect(github.requests).toEqual([]));

    /** A workspace whose cutover.yml has a service and a database and no router or colors, with the split-name migrations. */
    async function workspace(url: string): Promise<Runner> {
      const { dir, remove } = await tempDir();
      cleanup(remove);
      await writeDatabaseOnlyConfig(dir, 'shop', '  url: env:DATABASE_URL\n  migrations: migrations\n');
      await writeMigrations(path.join(dir, 'migrations'), SPLIT_NAME);
      return runnerFor(github, { workspace: dir, env: { DATABASE_URL: url } });
    }

    it('migrate runs expand then migrate; contract refuses without old-version-retired and drops nothing, then drops and records why; the URL stays masked', async () => {
      const { url, db } = await database('database_only');
      const runner = await workspace(url);
      const job = (name: string) => path.join(runner.workspace, `job-${name}`);

      const expand = await runBundle('migrate', { phase: 'expand' }, job('migrate'), runner);
      expect([expand.code, expand.outputs['schema-version']]).toEqual([0, '0002']);
      expect(JSON.parse(expand.outputs.applied as string).map((a: { id: string }) => a.id)).toEqual(['0001', '0002']);
      expect(expand.stdout).toContain(`::add-mask::${url}`);
      await db.query(`INSERT INTO people (first_name, last_name) VALUES ('Ada', 'Lovelace'), ('Alan', 'Turing')`);
      // Rows as the old version left them before the trigger existed: no full_name yet.
      await db.query('SET session_replication_role = replica');
      await db.query('UPDATE people SET full_name = NULL');
      await db.query('RESET session_replication_role');
      const migrate = await runBundle('migrate', { phase: 'migrate' }, job('migrate'), runner);
      expect([migrate.code, migrate.stdout]).toEqual([0, expect.stringMatching(/0002_full_name: 2 rows backfilled/)]);

      const refused = await runBundle('contract', {}, job('contract'), runner);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toMatch(/::error::input "old-version-retired": required for contract with a database-only config\..*give input "old-version-retired" with how you know/);
      expect(await columnsOf(db, 'people')).toEqual(['first_name', 'full_name', 'id', 'last_name']);
      expect((await readHistory(db)).filter(row => row.phase === 'contract')).toEqual([]);

      const contract = await runBundle('contract', { 'old-version-retired': 'v1 scaled to zero in deploy #812' }, job('contract'), runner);
      expect([contract.code, contract.stdout]).toEqual([0, expect.stringContaining('0002_full_name: 4 statement(s)')]);
      expect(contract.outputs['snapshot-digest'] ?? '').toBe('');
      expect(await columnsOf(db, 'people')).toEqual(['full_name', 'id']);
      const history = await readHistory(db);
      expect(history.map(row => [row.id, row.phase, row.status, row.release, row.run_id, row.actor])).toEqual([
        ['0001', 'expand', 'done', null, '7', 'octocat'],
        ['0002', 'expand', 'done', null, '7', 'octocat'],
        ['0002', 'migrate', 'done', null, '7', 'octocat'],
        ['0002', 'contract', 'done', null, '7', 'octocat']
      ]);
      expect(history.at(-1)?.forced).toBe('old version retired: v1 scaled to zero in deploy #812');
      for (const run of [expand, migrate, refused, contract]) {
        expect(shown(run)).not.toContain(PASSWORD);
        expect(shown(run)).not.toContain(url);
      }
    });

    it('snapshot refuses the config before it does anything, with the fix in its error annotation', async () => {
      const { url, db } = await database('database_only_snapshot');
      const runner = await workspace(url);
      const snapshot = await runBundle('snapshot', {}, path.join(runner.workspace, 'job-prepare'), runner);
      expect(snapshot.code).toBe(1);
      expect(snapshot.stdout).toMatch(
        /^::error::snapshot: cutover\.yml has no router: it is a database-only config.*To use it, add router and colors to cutover\.yml, or run only the database phases with cutover db expand\|migrate\|contract \(the migrate and contract actions in a workflow\)\.$/m
      );
      expect(snapshot.outputs).toEqual({});
      expect((await db.query<{ found: string | null }>(`SELECT to_regclass('cutover_migrations')::text AS found`)).rows[0]?.found).toBeNull();
      expect(shown(snapshot)).not.toContain(PASSWORD);
    });
  });
});
