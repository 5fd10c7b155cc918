import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Database } from '../../src/adapters/database/connection.js';
import { readHistory } from '../../src/adapters/database/history.js';
import { loadMigrations } from '../../src/adapters/database/migrations.js';
import { runPhase } from '../../src/adapters/database/phases.js';
import { poll } from '../../src/shared/io/wait.js';
import { SPLIT_NAME, testPhaseOptions, writeDatabaseRelease, writeMigrations } from '../support/migrations.js';
import { describeWithPostgres, usePostgres } from '../support/postgres.js';
import { tempDir } from '../support/servers.js';

/** A client of the live service, writing as fast as it can, counting every error it sees. */
function startWriter(db: Database, maxId: number) {
  let mode = 'old' as 'old' | 'new';
  let stopped = false;
  const errors: string[] = [];
  let writes = 0;
  let switched = null as (() => void) | null;
  const loop = (async () => {
    while (!stopped) {
      if (mode === 'new') switched?.();
      const id = 1 + Math.floor(Math.random() * maxId);
      try {
        if (mode === 'old') {
          await db.query(`INSERT INTO people (first_name, last_name) VALUES ('new', 'writer')`);
          await db.query(`UPDATE people SET first_name = 'edited' WHERE id = $1`, [id]);
        } else {
          await db.query(`INSERT INTO people (full_name) VALUES ('new writer')`);
          await db.query(`UPDATE people SET full_name = 'edited again' WHERE id = $1`, [id]);
        }
        writes += 2;
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
  })();
  return {
    errors,
    writes: () => writes,
    /** Resolves once no old-version write is in flight, as when the old color is drained before contract. */
    switchToNewVersion: () =>
      new Promise<void>(resolve => {
        switched = resolve;
        mode = 'new';
      }),
    stop: async () => {
      stopped = true;
      await loop;
    }
  };
}

// Sizes that prove the behaviour, leaving millions of rows to bench/backfill.mjs. Default batches at most double from
// 1,000, so ROWS takes at least 6 (1k, 2k, 4k, 8k, 16k and the rest); the killed backfill's batches are at most 4,000
// rows, so KILLED_ROWS takes at least 25, and it is killed after a quarter of them.
const ROWS = 50_000;
const KILLED_ROWS = 100_000;

describeWithPostgres('backfill under load on PostgreSQL', () => {
  const { server, cleanup } = usePostgres();

  async function database(name: string): Promise<Database> {
    await server().createDatabase(name);
    const db = await server().connect(name);
    cleanup(() => db.close());
    return db;
  }

  it('expands, backfills in batches and contracts 50,000 rows while a writer inserts and updates, without one error', async () => {
    const db = await database('loaded');
    const writerDb = await server().connect('loaded', 'live writer');
    cleanup(() => writerDb.close());
    const { dir, remove } = await tempDir();
    cleanup(remove);
    const root = await writeMigrations(path.join(dir, 'migrations'), SPLIT_NAME);
    const migrations = await loadMigrations(root);
    await runPhase(db, [migrations[0]!], 'expand', testPhaseOptions());
    await db.query(`INSERT INTO people (first_name, last_name) SELECT 'first' || g, 'last' || g FROM generate_series(1, ${ROWS}) g`);
    await db.query('ANALYZE people');

    const writer = startWriter(writerDb, ROWS);
    await runPhase(db, migrations, 'expand', testPhaseOptions());
    const migrate = await runPhase(db, migrations, 'migrate', testPhaseOptions());
    expect(migrate.completed).toBe(true);
    const batches = migrate.applied.map(part => /rows backfilled in (\d+) batches/.exec(part.outcome)?.[1]).find(Boolean);
    expect(Number(batches)).toBeGreaterThanOrEqual(6);
    const stale = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM people WHERE full_name IS DISTINCT FROM first_name || ' ' || last_name`);
    expect(stale.rows[0]?.n).toBe(0);
    // Original rows the writer edited: their full_name may have come from the trigger instead of a batch.
    const edited = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM people WHERE id <= ${ROWS} AND first_name = 'edited'`)).rows[0]?.n as number;

    // Promotion happened: the live writer is the new version now, and contract drops what only the old one used.
    await writer.switchToNewVersion();
    await runPhase(db, migrations, 'contract', testPhaseOptions());
    await writer.stop();

    expect(writer.errors).toEqual([]);
    expect(writer.writes()).toBeGreaterThan(100);
    const missing = await db.query<{ n: number; total: number }>(`SELECT count(*) FILTER (WHERE full_name IS NULL)::int AS n, count(*)::int AS total FROM people`);
    expect(missing.rows[0]?.n).toBe(0);
    expect(missing.rows[0]?.total).toBeGreaterThan(ROWS);
    // Rows the writer touched before the backfill reached them got full_name from the trigger, so they were not pending.
    const row = (await readHistory(db)).find(r => r.phase === 'migrate');
    expect(row?.rows_total).toBeGreaterThan(ROWS * 0.99);
    expect(row?.rows_total).toBeLessThanOrEqual(ROWS);
    expect(row?.rows_done).toBeLessThanOrEqual(row?.rows_total as number);
    expect(row?.rows_done).toBeGreaterThanOrEqual((row?.rows_total as number) - edited);
  });

  it('a backfill killed with SIGKILL halfway resumes on rerun: every row is done exactly once', async () => {
    const rows = KILLED_ROWS;
    const db = await database('killed');
    await db.query(`CREATE TABLE ledger (id bigint PRIMARY KEY, touched int NOT NULL DEFAULT 0, note text)`);
    await db.query(`INSERT INTO ledger (id) SELECT g FROM generate_series(1, ${rows}) g`);
    const { dir, remove } = await tempDir();
    cleanup(remove);
    // Not idempotent on purpose: a batch applied twice shows as touched = 2.
    await writeMigrations(path.join(dir, 'db/migrations'), { '0001_touch': { 'migrate.yml': `table: ledger\nset:\n  touched: touched + 1\n  note: "'done'"\n` } });
    await writeDatabaseRelease(dir, 'ledger', '  url: env:DATABASE_URL\n  backfill: { batch-max: 4000, batch-initial: 1000 }\n');
    const env = { ...process.env, DATABASE_URL: server().url('killed') };
    const run = (args: string[]) =>
      spawn(process.execPath, [path.resolve('dist/cli/index.js'), ...args, '--config', path.join(dir, 'cutover.yml'), '--snapshot-file', path.join(dir, 'record.json')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const finished = (child: ReturnType<typeof run>) =>
      new Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }>(resolve => {
        let err = '';
        child.stderr?.on('data', chunk => (err += String(chunk)));
        child.once('exit', (code, signal) => resolve({ code, signal, err }));
      });

    expect((await finished(run(['snapshot']))).code).toBe(0);
    const first = run(['db', 'migrate']);
    const firstExit = finished(first);
    // Kill it once a real share of the rows is committed: the checkpoint in the history says so.
    await poll(
      async () => {
        if (first.exitCode !== null) throw new Error(`the backfill ended before it could be killed: ${(await firstExit).err}`);
        return (await readHistory(db)).find(r => r.phase === 'migrate');
      },
      { what: 'a quarter of the rows to be committed', done: row => row !== undefined && row.rows_done >= rows / 4, timeoutMs: 30_000, intervalMs: 10 }
    );
    first.kill('SIGKILL');
    expect((await firstExit).signal).toBe('SIGKILL');
    const halfway = (await readHistory(db)).find(r => r.phase === 'migrate');
    expect(halfway?.status).toBe('running');
    expect(halfway?.rows_done).toBeLessThan(rows);

    const second = await finished(run(['db', 'migrate']));
    expect(second.err).toContain('0001_touch');
    expect(second.code).toBe(0);
    const check = await db.query<{ total: number; wrong: number; sum: string; expected: string }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE touched <> 1 OR note IS DISTINCT FROM 'done')::int AS wrong,
              md5(string_agg(id || ':' || touched || ':' || note, ',' ORDER BY id)) AS sum,
              (SELECT md5(string_agg(g || ':1:done', ',' ORDER BY g)) FROM generate_series(1, ${rows}) g) AS expected
         FROM ledger`
    );
    expect(check.rows[0]?.total).toBe(rows);
    expect(check.rows[0]?.wrong).toBe(0);
    expect(check.rows[0]?.sum).toBe(check.rows[0]?.expected);
    const done = (await readHistory(db)).find(r => r.phase === 'migrate');
    expect([done?.status, done?.rows_done]).toEqual(['done', rows]);
  });
});
