import path from 'node:path';
import { withMigrationLock } from '../../src/adapters/database/advisory-lock.js';
import type { Database } from '../../src/adapters/database/connection.js';
import { readHistory } from '../../src/adapters/database/history.js';
import { loadMigrations } from '../../src/adapters/database/migrations.js';
import { runPhase } from '../../src/adapters/database/phases.js';
import { SPLIT_NAME, testPhaseOptions, writeMigrations } from '../support/migrations.js';
import { describeWithPostgres, startPostgres, type PostgresServer } from '../support/postgres.js';
import { tempDir } from '../support/servers.js';

/** Locking needs a real server: PGlite is one session, where no lock ever waits. */
describeWithPostgres('database locking on PostgreSQL', () => {
  let server: PostgresServer;
  let count = 0;
  let open: Database[] = [];
  let cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(() => server.stop());
  afterEach(async () => {
    await Promise.all(open.map(db => db.close().catch(() => undefined)));
    await Promise.all(cleanups.map(c => c()));
    open = [];
    cleanups = [];
  });

  /** A fresh database with the people table expanded, and a helper to open more sessions on it. */
  async function setUp(rows = 1000) {
    const name = `locking_${++count}`;
    await server.createDatabase(name);
    const session = async (app = 'cutover-test') => {
      const db = await server.connect(name, app);
      open.push(db);
      return db;
    };
    const temp = await tempDir();
    cleanups.push(temp.remove);
    const root = await writeMigrations(path.join(temp.dir, 'migrations'), { '0001_people': SPLIT_NAME['0001_people'] });
    const db = await session();
    await runPhase(db, await loadMigrations(root), 'expand', testPhaseOptions());
    await db.query(`INSERT INTO people (first_name, last_name) SELECT 'f' || g, 'l' || g FROM generate_series(1, ${rows}) g`);
    return { db, root, session };
  }

  it('a second run waits for the migration lock, then fails naming the holder; a killed holder frees it', async () => {
    const { db, root, session } = await setUp();
    const holder = await session('cutover holder');
    let release!: () => void;
    const held = new Promise<void>(resolve => (release = resolve));
    let holding!: () => void;
    const isHolding = new Promise<void>(resolve => (holding = resolve));
    const first = withMigrationLock(holder, 1000, async () => {
      holding();
      await held;
    });
    await isHolding;
    const error = await runPhase(db, await loadMigrations(root), 'expand', testPhaseOptions({ lockWaitMs: 300 })).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/another migration run holds the cutover lock: pid \d+ \(cutover holder/);
    expect((error as Error).message).toContain('Waited 0s (database.lock-wait)');

    // A runner killed mid-run: its session ends, and PostgreSQL frees its lock with it.
    const pid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    await db.query('SELECT pg_terminate_backend($1)', [pid]);
    release();
    await first.catch(() => undefined);
    const report = await runPhase(db, await loadMigrations(root), 'expand', testPhaseOptions({ lockWaitMs: 5000 }));
    expect(report.completed).toBe(true);
  });

  it('DDL blocked by an open transaction gives up within its lock timeout and retries with longer ones', async () => {
    const { db, root, session } = await setUp();
    await writeMigrations(root, { '0002_nickname': { 'expand.sql': 'ALTER TABLE people ADD COLUMN nickname text;\n' } });
    const blocker = await session('long reader');
    await blocker.query('BEGIN');
    await blocker.query('SELECT count(*) FROM people');
    const timeouts: number[] = [];
    const options = testPhaseOptions({ policy: { lockTimeoutMs: 50, lockTimeoutMaxMs: 200, retries: 5, statementTimeoutMs: 10_000, indexBuildTimeoutMs: 60_000 } }, {
      onRetry: async (_statement, attempt) => {
        timeouts.push(attempt);
        // While cutover waits, other sessions still get through: it never queues in front of them for long.
        const live = await session('live traffic');
        await live.query('SELECT count(*) FROM people');
        if (attempt === 3) await blocker.query('COMMIT');
      }
    });
    const report = await runPhase(db, await loadMigrations(root), 'expand', options);
    expect(report.applied.map(a => a.id)).toEqual(['0002']);
    expect(timeouts).toEqual([1, 2, 3]);
    expect(options.recorded.lines.filter(l => /lock not granted within (\d+) ms/.test(l)).map(l => Number(/within (\d+) ms/.exec(l)![1]))).toEqual([50, 100, 200]);
  });

  it('after the last retry it fails, names the open transaction, and changes nothing', async () => {
    const { db, root, session } = await setUp();
    await writeMigrations(root, { '0002_nickname': { 'expand.sql': 'ALTER TABLE people ADD COLUMN nickname text;\nALTER TABLE people ADD COLUMN title text;\n' } });
    const blocker = await session('stuck report');
    await blocker.query('BEGIN');
    await blocker.query('SELECT count(*) FROM people');
    const options = testPhaseOptions({ policy: { lockTimeoutMs: 20, lockTimeoutMaxMs: 40, retries: 2, statementTimeoutMs: 10_000, indexBuildTimeoutMs: 60_000 } });
    const error = await runPhase(db, await loadMigrations(root), 'expand', options).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/could not get its lock in 3 attempts/);
    expect((error as Error).message).toMatch(/stuck report, idle in transaction/);
    await blocker.query('ROLLBACK');
    const columns = await db.query(`SELECT attname FROM pg_attribute WHERE attrelid = 'people'::regclass AND attname IN ('nickname', 'title')`);
    expect(columns.rows).toEqual([]);
    const row = (await readHistory(db)).find(r => r.id === '0002');
    expect([row?.status, row?.statements_done]).toEqual(['running', 0]);
    // The rerun resumes and finishes.
    const report = await runPhase(db, await loadMigrations(root), 'expand', testPhaseOptions());
    expect(report.applied.map(a => a.id)).toEqual(['0002']);
  });

  describe('CREATE INDEX CONCURRENTLY while another session sits idle in a transaction', () => {
    const INDEX = { '0002_index': { 'expand.sql': 'CREATE INDEX CONCURRENTLY people_last_name_idx ON people (last_name);\n' } };
    const policy = { lockTimeoutMs: 50, lockTimeoutMaxMs: 100, retries: 3, statementTimeoutMs: 10_000, indexBuildTimeoutMs: 60_000 };

    async function indexes(db: Database) {
      const { rows } = await db.query<{ name: string; valid: boolean }>(
        `SELECT c.relname AS name, i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'people'::regclass AND c.relname <> 'people_pkey'`
      );
      return rows;
    }

    async function idleTransaction(session: (app?: string) => Promise<Database>) {
      const idle = await session('idle in transaction');
      await idle.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await idle.query('SELECT 1');
      return idle;
    }

    it('is retried cleanly once the transaction ends: the index ends built and valid', async () => {
      const { db, root, session } = await setUp(20_000);
      await writeMigrations(root, INDEX);
      const idle = await idleTransaction(session);
      const states: { name: string; valid: boolean }[][] = [];
      const options = testPhaseOptions({ policy }, {
        onRetry: async (_statement, attempt) => {
          states.push(await indexes(db));
          if (attempt === 2) await idle.query('COMMIT');
        }
      });
      const report = await runPhase(db, await loadMigrations(root), 'expand', options);
      expect(report.applied.map(a => a.id)).toEqual(['0002']);
      // Each failed attempt's INVALID index was dropped before the retry.
      expect(states).toEqual([[], []]);
      expect(options.recorded.lines.filter(l => l.startsWith('dropping INVALID index people_last_name_idx'))).toHaveLength(2);
      expect(await indexes(db)).toEqual([{ name: 'people_last_name_idx', valid: true }]);
    });

    it('fails cleanly when the transaction never ends: no INVALID index is left behind', async () => {
      const { db, root, session } = await setUp(20_000);
      await writeMigrations(root, INDEX);
      const idle = await idleTransaction(session);
      const error = await runPhase(db, await loadMigrations(root), 'expand', testPhaseOptions({ policy })).catch((e: Error) => e);
      expect((error as Error).message).toMatch(/could not get its lock in 4 attempts/);
      expect((error as Error).message).toContain('idle in transaction');
      expect(await indexes(db)).toEqual([]);
      await idle.query('ROLLBACK');
    });

    it('drops an INVALID index a killed run left behind, and keeps a valid one it finished', async () => {
      const { db, root } = await setUp(2000);
      await writeMigrations(root, INDEX);
      await db.query('CREATE INDEX people_last_name_idx ON people (last_name)');
      // What a build killed midway leaves: an index marked invalid.
      await db.query(`UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'people_last_name_idx'::regclass`);
      const options = testPhaseOptions({ policy });
      await runPhase(db, await loadMigrations(root), 'expand', options);
      expect(options.recorded.lines.some(l => l.startsWith('dropping INVALID index people_last_name_idx'))).toBe(true);
      expect(await indexes(db)).toEqual([{ name: 'people_last_name_idx', valid: true }]);
    });
  });
});
