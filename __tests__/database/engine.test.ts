import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../src/adapters/database/connection.js';
import { readHistory } from '../../src/adapters/database/history.js';
import { loadMigrations } from '../../src/adapters/database/migrations.js';
import { openPglite } from '../../src/adapters/database/pglite.js';
import { runPhase } from '../../src/adapters/database/phases.js';
import { schemaStateOf } from '../../src/adapters/database/status.js';
import { SPLIT_NAME, testPhaseOptions, writeMigrations } from '../support/migrations.js';
import { postgresBin, startPostgres, type PostgresServer } from '../support/postgres.js';
import { requireServer, tempDir } from '../support/servers.js';

/**
 * The same engine tests on both engines: PGlite (the embedded default) and a
 * real PostgreSQL. Locking and concurrency live in postgres-locking.test.ts,
 * because PGlite is a single session.
 */
const engines: [string, () => Promise<{ db: () => Promise<Database>; stop: () => Promise<void> }>][] = [
  [
    'pglite',
    async () => {
      const { dir, remove } = await tempDir();
      let open: Database | undefined;
      return {
        // PGlite owns its folder from one process at a time, as cutover's steps do: open, work, close.
        db: async () => (open = await openPglite(path.join(dir, 'db'))),
        stop: async () => {
          await open?.close().catch(() => undefined);
          await remove();
        }
      };
    }
  ]
];
if (requireServer('postgresql', postgresBin !== null, 'apt-get install postgresql')) {
  let server: PostgresServer | undefined;
  let count = 0;
  engines.push([
    'postgresql',
    async () => {
      server ??= await startPostgres();
      const url = await server.createDatabase(`engine_${++count}`);
      const name = new URL(url).pathname.slice(1);
      return { db: () => (server as PostgresServer).connect(name), stop: async () => undefined };
    }
  ]);
  afterAll(() => server?.stop());
}

describe.each(engines)('database phases on %s', (_engine, setUp) => {
  let env: Awaited<ReturnType<typeof setUp>>;
  let db: Database;
  let root: string;
  let removeRoot: () => Promise<void>;

  beforeEach(async () => {
    env = await setUp();
    db = await env.db();
    const temp = await tempDir();
    removeRoot = temp.remove;
    root = await writeMigrations(path.join(temp.dir, 'migrations'), SPLIT_NAME);
  });
  afterEach(async () => {
    await db.close().catch(() => undefined);
    await env.stop();
    await removeRoot();
  });

  async function seed(rows: number): Promise<void> {
    await runPhase(db, await loadMigrations(root), 'expand', testPhaseOptions()).catch(() => undefined);
    await db.query(`INSERT INTO people (first_name, last_name) SELECT 'first' || g, 'last' || g FROM generate_series(1, ${rows}) g`);
  }

  it('runs expand, migrate and contract in order, records each, and a rerun does nothing', async () => {
    const migrations = await loadMigrations(root);
    const first = await runPhase(db, [migrations[0]!], 'expand', testPhaseOptions());
    expect(first.applied.map(a => a.id)).toEqual(['0001']);
    // Old-version rows written before the new column existed.
    await db.query(`INSERT INTO people (first_name, last_name) SELECT 'first' || g, 'last' || g FROM generate_series(1, 2500) g`);

    const expand = await runPhase(db, migrations, 'expand', testPhaseOptions());
    expect(expand.applied.map(a => a.id)).toEqual(['0002']);
    const valid = await db.query<{ valid: boolean }>(`SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'people_full_name_idx'::regclass`);
    expect(valid.rows).toEqual([{ valid: true }]);

    const options = testPhaseOptions({ batch: { targetMs: 50, min: 100, max: 1000, initial: 300, pauseMs: 0 } });
    const migrate = await runPhase(db, migrations, 'migrate', options);
    expect(migrate.applied[0]?.outcome).toMatch(/^2500 rows backfilled in \d+ batches; verified: 0 of 2500 rows inconsistent$/);
    const left = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM people WHERE full_name IS DISTINCT FROM first_name || ' ' || last_name`);
    expect(left.rows[0]?.n).toBe(0);

    const contract = await runPhase(db, migrations, 'contract', testPhaseOptions());
    expect(contract.applied.map(a => a.id)).toEqual(['0002']);
    const columns = await db.query<{ name: string }>(`SELECT attname AS name FROM pg_attribute WHERE attrelid = 'people'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`);
    expect(columns.rows.map(r => r.name)).toEqual(['id', 'full_name']);

    const history = await readHistory(db);
    expect(history.map(r => [r.id, r.phase, r.status, r.actor, r.run_id])).toEqual([
      ['0001', 'expand', 'done', 'octocat', '77'],
      ['0002', 'expand', 'done', 'octocat', '77'],
      ['0002', 'migrate', 'done', 'octocat', '77'],
      ['0002', 'contract', 'done', 'octocat', '77']
    ]);
    expect(history.find(r => r.phase === 'migrate')?.rows_done).toBe(2500);
    expect(schemaStateOf(history)).toEqual({ schema_version: '0002', applied: { expand: ['0001', '0002'], migrate: ['0002'], contract: ['0002'] } });

    for (const phase of ['expand', 'migrate', 'contract'] as const) {
      expect((await runPhase(db, migrations, phase, testPhaseOptions())).applied).toEqual([]);
    }
  });

  it('refuses a migration edited after it ran, naming the file and both checksums, and runs nothing', async () => {
    await seed(10);
    const file = path.join(root, '0001_people', 'expand.sql');
    const before = (await loadMigrations(root))[0]!.parts.expand!.checksum;
    await writeFile(file, `${await readFile(file, 'utf8')}-- tidied up\n`);
    const after = (await loadMigrations(root))[0]!.parts.expand!.checksum;
    const error = await runPhase(db, await loadMigrations(root), 'migrate', testPhaseOptions()).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain(before);
    expect((error as Error).message).toContain(after);
    const history = await readHistory(db);
    expect(history.filter(r => r.phase === 'migrate')).toEqual([]);
  });

  it('refuses an expand that would break the running version before touching anything', async () => {
    await seed(10);
    await writeMigrations(root, { '0003_drop_last': { 'expand.sql': 'ALTER TABLE people ADD COLUMN nickname text;\nALTER TABLE people DROP COLUMN last_name;\n' } });
    const error = await runPhase(db, await loadMigrations(root), 'expand', testPhaseOptions()).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/0003_drop_last\/expand\.sql:2 drop-column/);
    const nickname = await db.query(`SELECT 1 FROM pg_attribute WHERE attrelid = 'people'::regclass AND attname = 'nickname'`);
    expect(nickname.rows).toEqual([]);
    expect((await readHistory(db)).some(r => r.id === '0003')).toBe(false);
  });

  it('records the reason of an allowed statement in the history', async () => {
    await seed(10);
    await writeMigrations(root, {
      '0003_scratch': { 'expand.sql': '-- cutover:allow drop-table: scratch table nobody reads since 2025\nDROP TABLE IF EXISTS scratch;\n' }
    });
    const report = await runPhase(db, await loadMigrations(root), 'expand', testPhaseOptions());
    expect(report.allowed.map(f => [f.rule, f.allowed])).toEqual([['drop-table', 'scratch table nobody reads since 2025']]);
    const row = (await readHistory(db)).find(r => r.id === '0003');
    expect(row?.allowed).toEqual([{ rule: 'drop-table', line: 2, reason: 'scratch table nobody reads since 2025' }]);
  });

  it('contract waits for migrations whose earlier phases have not run', async () => {
    await seed(10);
    const migrations = await loadMigrations(root);
    const report = await runPhase(db, migrations, 'contract', testPhaseOptions());
    expect(report.applied).toEqual([]);
    expect(report.skipped.map(s => [s.id, s.outcome])).toEqual([['0002', 'waits: its migrate has not run (a later release contracts it)']]);
    const columns = await db.query(`SELECT 1 FROM pg_attribute WHERE attrelid = 'people'::regclass AND attname = 'first_name' AND NOT attisdropped`);
    expect(columns.rows).toHaveLength(1);
  });
});
