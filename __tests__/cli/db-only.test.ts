import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../src/adapters/database/connection.js';
import { readHistory } from '../../src/adapters/database/history.js';
import { openDatabase } from '../../src/adapters/database/open.js';
import { poll } from '../../src/shared/io/wait.js';
import { cli } from '../support/cli.js';
import { columnsOf, SPLIT_NAME, writeDatabaseOnlyConfig, writeDatabaseRelease, writeMigrations } from '../support/migrations.js';
import { describeWithPostgres, startPostgres, type PostgresServer } from '../support/postgres.js';
import { tempDir } from '../support/servers.js';

/** The job a GitHub workflow runs `npx cutover` in: where the history's run id and actor come from. */
const WORKFLOW_ENV = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/shop', GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '1', GITHUB_ACTOR: 'octocat', GITHUB_SHA: 'f'.repeat(40) };

/**
 * expand, migrate and contract of the split-name change through `cutover db`, with no snapshot: contract
 * refuses without the confirmation and drops nothing, then runs with it and records why.
 */
async function phasesAlone(dir: string, url: string, env: NodeJS.ProcessEnv, open: () => Promise<Database>): Promise<void> {
  const service = `db-only-${path.basename(dir).toLowerCase()}`;
  await writeMigrations(path.join(dir, 'migrations'), SPLIT_NAME);
  const config = await writeDatabaseOnlyConfig(dir, service, `  url: ${url}\n  migrations: migrations\n`);
  const db = (args: string[]) => cli(['db', ...args, '--config', config], { ...env, ...WORKFLOW_ENV });

  const expand = await db(['expand']);
  expect([expand.code, expand.err]).toEqual([0, expect.stringContaining('0002_full_name: ')]);
  expect(expand.out).toMatch(/^schema-version: 0002$/m);
  const writer = await open();
  try {
    await writer.query(`INSERT INTO people (first_name, last_name) VALUES ('Ada', 'Lovelace'), ('Alan', 'Turing')`);
    // Rows as the old version left them before the trigger existed: no full_name yet.
    await writer.query('SET session_replication_role = replica');
    await writer.query('UPDATE people SET full_name = NULL');
    await writer.query('RESET session_replication_role');
  } finally {
    await writer.close();
  }
  const migrate = await db(['migrate']);
  expect(migrate.code).toBe(0);
  expect(migrate.err).toMatch(/0002_full_name: 2 rows backfilled/);

  const refused = await db(['contract']);
  expect(refused.code).toBe(2);
  expect(refused.err).toMatch(/--old-version-retired: required for contract with a database-only config\..*give --old-version-retired with how you know/s);
  const before = await open();
  try {
    expect(await columnsOf(before, 'people')).toEqual(['first_name', 'full_name', 'id', 'last_name']);
    expect((await readHistory(before)).filter(row => row.phase === 'contract')).toEqual([]);
  } finally {
    await before.close();
  }

  const contract = await db(['contract', '--old-version-retired', 'v1 undeployed by deploy #812']);
  expect([contract.code, contract.err]).toEqual([0, expect.stringContaining('0002_full_name: 4 statement(s)')]);
  const after = await open();
  try {
    expect(await columnsOf(after, 'people')).toEqual(['full_name', 'id']);
    const history = await readHistory(after);
    expect(history.map(row => [row.id, row.phase, row.status, row.release, row.run_id, row.actor])).toEqual([
      ['0001', 'expand', 'done', null, '4242', 'octocat'],
      ['0002', 'expand', 'done', null, '4242', 'octocat'],
      ['0002', 'migrate', 'done', null, '4242', 'octocat'],
      ['0002', 'contract', 'done', null, '4242', 'octocat']
    ]);
    expect(history.find(row => row.phase === 'contract')?.forced).toBe('old version retired: v1 undeployed by deploy #812');
  } finally {
    await after.close();
  }
  const status = await db(['status']);
  expect([status.code, status.out]).toEqual([0, expect.stringMatching(/^schema version: 0002$/m)]);
  // No release: nothing was recorded where the steps keep one.
  expect(existsSync(path.resolve('.cutover', `${service}.json`))).toBe(false);
}

describe('cutover db with a database-only cutover.yml (no router, no colors)', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
  });
  afterEach(() => remove());

  it('runs expand, migrate and contract on PGlite with release null in the history; contract needs the confirmation', async () => {
    await phasesAlone(dir, 'pglite:db', process.env, () => openDatabase(`pglite:${path.join(dir, 'db')}`, dir));
  });

  it('refuses every step that needs a router up front, naming the fix, and records nothing', async () => {
    const config = await writeDatabaseOnlyConfig(dir, 'refused', '  url: pglite:db\n  migrations: migrations\n');
    const record = path.join(dir, 'record.json');
    for (const step of [['snapshot'], ['deploy'], ['promote'], ['rollback'], ['drill']]) {
      const run = await cli([...step, '--config', config, '--snapshot-file', record]);
      expect([step, run.code]).toEqual([step, 2]);
      expect(run.err).toMatch(new RegExp(`${step[0]}: cutover.yml has no router: it is a database-only config.*add router and colors to cutover.yml, or run only the database phases with cutover db expand\\|migrate\\|contract`));
    }
    const init = await cli(['init', '--live', 'blue', '--config', config]);
    expect([init.code, init.err]).toEqual([2, expect.stringMatching(/init: cutover.yml has no router/)]);
    // Release options have nothing to act on without a release.
    const snapshotFile = await cli(['db', 'migrate', '--config', config, '--snapshot-file', record]);
    expect([snapshotFile.code, snapshotFile.err]).toEqual([2, expect.stringMatching(/--snapshot-file: cutover.yml is a database-only config \(no router\), which keeps no snapshot/)]);
    const force = await cli(['db', 'contract', '--config', config, '--force', 'sure']);
    expect([force.code, force.err]).toEqual([2, expect.stringMatching(/--force: .*confirm that the old version no longer runs with --old-version-retired/)]);
    expect(existsSync(record)).toBe(false);
    expect(existsSync(path.join(dir, 'db'))).toBe(false);
  });

  it('refuses a config with neither router nor database, or with colors and no router, naming router', async () => {
    const bare = path.join(dir, 'bare.yml');
    await writeFile(bare, 'service: shop\n');
    for (const args of [['snapshot'], ['db', 'migrate'], ['db', 'status']]) {
      const run = await cli([...args, '--config', bare]);
      expect([args, run.code]).toEqual([args, 2]);
      expect(run.err).toMatch(/router: required: how traffic moves between blue and green \(router\.kind, like nginx\)\. Only a database-only config leaves it out: one with a database section and no colors, for cutover db expand\|migrate\|contract, got nothing\n/);
    }
    const colored = path.join(dir, 'colored.yml');
    await writeFile(
      colored,
      `service: shop
colors:
  blue: { upstream: 127.0.0.1:8081, health: http://127.0.0.1:8081/healthz }
  green: { upstream: 127.0.0.1:8082, health: http://127.0.0.1:8082/healthz }
database:
  url: pglite:db
`
    );
    const run = await cli(['db', 'expand', '--config', colored]);
    expect([run.code, run.err]).toEqual([2, expect.stringMatching(/router: required: .*; this one has colors/)]);
  });

  it('keeps the release steps for a config with a router, which refuses the database-only confirmation', async () => {
    const config = await writeDatabaseRelease(dir, 'shop', '  url: pglite:db\n  migrations: migrations\n');
    const run = await cli(['db', 'contract', '--config', config, '--old-version-retired', 'gone', '--snapshot-file', path.join(dir, 'record.json')]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/--old-version-retired: only a database-only config \(no router\) takes it\. .*give --force with the reason/);
    // Without a snapshot the release step refuses as it always did: it is still the release step.
    const expand = await cli(['db', 'expand', '--config', config, '--snapshot-file', path.join(dir, 'record.json')]);
    expect(expand.code).not.toBe(0);
    expect(expand.err).toMatch(/record\.json/);
  });
});

describeWithPostgres('cutover db with a database-only cutover.yml on PostgreSQL', () => {
  let server: PostgresServer;
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(() => server.stop());
  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
  });
  afterEach(() => remove());

  it('runs expand, migrate and contract with release null in the history; contract needs the confirmation', async () => {
    await server.createDatabase('phases');
    await phasesAlone(dir, 'env:DATABASE_URL', { ...process.env, DATABASE_URL: server.url('phases') }, () => server.connect('phases'));
  });

  it('resumes a migrate whose connection was killed halfway: every row done exactly once', async () => {
    const rows = 200_000;
    await server.createDatabase('resume');
    const db = await server.connect('resume', 'test');
    try {
      await db.query(`CREATE TABLE ledger (id bigint PRIMARY KEY, touched int NOT NULL DEFAULT 0);
        INSERT INTO ledger (id) SELECT g FROM generate_series(1, ${rows}) g;`);
      // Not idempotent on purpose: a batch applied twice shows as touched = 2.
      await writeMigrations(path.join(dir, 'migrations'), { '0001_touch': { 'migrate.yml': 'table: ledger\nset:\n  touched: touched + 1\n' } });
      const config = await writeDatabaseOnlyConfig(dir, 'ledger', '  url: env:DATABASE_URL\n  migrations: migrations\n  backfill: { batch-max: 4000, batch-initial: 1000 }\n');
      const env = { ...process.env, DATABASE_URL: server.url('resume') };
      const migrateRow = async () => (await readHistory(db)).find(row => row.phase === 'migrate');

      const killed = cli(['db', 'migrate', '--config', config], env);
      await poll(migrateRow, { what: 'a quarter of the rows to be backfilled', done: row => (row?.rows_done ?? 0) >= rows / 4, timeoutMs: 30_000, intervalMs: 10 });
      // The backfill's session dies, as when its runner loses the machine.
      await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'cutover migrate'`);
      const first = await killed;
      expect(first.code).toBe(1);
      const halfway = await migrateRow();
      expect(halfway?.status).toBe('running');
      expect(halfway?.rows_done).toBeLessThan(rows);

      const rerun = await cli(['db', 'migrate', '--config', config], env);
      expect([rerun.code, rerun.err]).toEqual([0, expect.stringMatching(/0001_touch: \d+ rows backfilled/)]);
      const check = await db.query<{ total: number; wrong: number }>(`SELECT count(*)::int AS total, count(*) FILTER (WHERE touched <> 1)::int AS wrong FROM ledger`);
      expect(check.rows[0]).toEqual({ total: rows, wrong: 0 });
      const done = await migrateRow();
      expect([done?.status, done?.rows_done, done?.release]).toEqual(['done', rows, null]);
    } finally {
      await db.close();
    }
  });
});
