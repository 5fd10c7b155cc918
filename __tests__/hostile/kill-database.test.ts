import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../src/adapters/database/connection.js';
import { readHistory } from '../../src/adapters/database/history.js';
import { columnsOf, writeDatabaseRelease, writeMigrations } from '../support/migrations.js';
import { describeWithPostgres, usePostgres } from '../support/postgres.js';
import { tempDir } from '../support/servers.js';
import { killHard, readJson, runCli, startCli, whileRunning } from './kill-run.js';

/** Database steps killed with SIGKILL at points tied to their progress, then run again: nothing lost, nothing twice. */
describeWithPostgres('database steps killed with SIGKILL, then run again', () => {
  const { server, cleanup } = usePostgres();

  /** A database holding `setup`, a release folder with `migrations`, and the step runner for that release. */
  async function release(name: string, setup: string, migrations: Record<string, Record<string, string>>) {
    await server().createDatabase(name);
    const db: Database = await server().connect(name, 'test');
    cleanup(() => db.close());
    await db.query(setup);
    const { dir, remove } = await tempDir();
    cleanup(remove);
    await writeMigrations(path.join(dir, 'db/migrations'), migrations);
    await writeDatabaseRelease(dir, 'ledger', '  url: env:DATABASE_URL\n  backfill: { batch-max: 4000, batch-initial: 1000 }\n');
    const env = { ...process.env, DATABASE_URL: server().url(name) };
    const record = path.join(dir, 'record.json');
    const args = (step: string[]) => [...step, '--config', path.join(dir, 'cutover.yml'), '--snapshot-file', record];
    return {
      db,
      record,
      start: (...step: string[]) => startCli(args(step), env),
      run: (...step: string[]) => runCli(args(step), env),
      history: async (phase: string) => (await readHistory(db)).find(row => row.phase === phase)
    };
  }

  it('migrate killed after a quarter of the rows resumes: every row done exactly once', async () => {
    const rows = 200_000;
    const { db, start, run, history } = await release(
      'backfill',
      `CREATE TABLE ledger (id bigint PRIMARY KEY, touched int NOT NULL DEFAULT 0, note text);
       INSERT INTO ledger (id) SELECT g FROM generate_series(1, ${rows}) g;`,
      // Not idempotent on purpose: a batch applied twice shows as touched = 2.
      { '0001_touch': { 'migrate.yml': `table: ledger\nset:\n  touched: touched + 1\n  note: "'done'"\n` } }
    );
    expect((await run('snapshot')).code).toBe(0);

    const killed = start('migrate', '--phase', 'migrate');
    await whileRunning(killed, 'a quarter of the rows to be backfilled', async () => ((await history('migrate'))?.rows_done ?? 0) >= rows / 4);
    await killHard(killed);
    const halfway = await history('migrate');
    expect(halfway?.status).toBe('running');
    expect(halfway?.rows_done).toBeLessThan(rows);

    const rerun = await run('migrate', '--phase', 'migrate');
    expect(rerun.output).toContain('0001_touch');
    expect(rerun.code).toBe(0);
    const check = await db.query<{ total: number; wrong: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE touched <> 1 OR note IS DISTINCT FROM 'done')::int AS wrong FROM ledger`
    );
    expect(check.rows[0]).toEqual({ total: rows, wrong: 0 });
    const done = await history('migrate');
    expect([done?.status, done?.rows_done]).toEqual(['done', rows]);
  });

  it('expand killed in the middle of a concurrent index build completes on rerun, with one valid index', async () => {
    const { db, start, run, history } = await release(
      'index',
      `CREATE TABLE ledger (id bigint PRIMARY KEY, note text);
       INSERT INTO ledger SELECT g, md5(g::text) || md5((g * 7)::text) FROM generate_series(1, 600000) g;`,
      { '0001_note_index': { 'expand.sql': 'CREATE INDEX CONCURRENTLY ledger_note_idx ON ledger (note);\n' } }
    );
    expect((await run('snapshot')).code).toBe(0);

    const killed = start('migrate', '--phase', 'expand');
    const building = async () =>
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query ILIKE 'CREATE INDEX CONCURRENTLY%'`)).rows[0]?.n === 1;
    await whileRunning(killed, 'the index build to be under way', building);
    await killHard(killed);
    expect((await history('expand'))?.status).toBe('running');

    const rerun = await run('migrate', '--phase', 'expand');
    expect(rerun.code).toBe(0);
    const indexes = await db.query<{ name: string; valid: boolean }>(
      `SELECT c.relname AS name, i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'ledger'::regclass ORDER BY 1`
    );
    expect(indexes.rows).toEqual([
      { name: 'ledger_note_idx', valid: true },
      { name: 'ledger_pkey', valid: true }
    ]);
    expect((await history('expand'))?.status).toBe('done');
  });

  it('contract that dropped its columns but died before saving the record: the rerun records contracted, and rollback refuses', async () => {
    const { db, record, run } = await release('contracted', `CREATE TABLE ledger (id bigint PRIMARY KEY, note text, legacy text);`, {
      '0001_drop_legacy': { 'expand.sql': 'ALTER TABLE ledger ADD COLUMN summary text;\n', 'contract.sql': 'ALTER TABLE ledger DROP COLUMN legacy;\n' }
    });
    expect((await run('snapshot')).code).toBe(0);
    expect((await run('migrate', '--phase', 'expand')).code).toBe(0);
    // A contract killed right after its database work and before it saved the record leaves the record as it was before.
    const before = `${record}.before-contract`;
    await copyFile(record, before);
    expect((await run('contract', '--force', 'no traffic in this test')).code).toBe(0);
    await copyFile(before, record);
    expect(await columnsOf(db, 'ledger')).toEqual(['id', 'note', 'summary']);

    const rerun = await run('contract', '--force', 'no traffic in this test');
    expect(rerun.code).toBe(0);
    expect((await readJson<{ phase: string }>(record))?.phase).toBe('contracted');
    const rollback = await run('rollback');
    expect(rollback.code).toBe(1);
    expect(rollback.output).toMatch(/rollback: this release's contract already ran/);
    expect(await columnsOf(db, 'ledger')).toEqual(['id', 'note', 'summary']);
  });

  it('contract killed while its statement waits for a lock: rollback refuses the half-done contract, and the rerun finishes and records contracted', async () => {
    const { db, record, start, run, history } = await release('contract-killed', `CREATE TABLE ledger (id bigint PRIMARY KEY, note text, legacy text);`, {
      '0001_drop_legacy': { 'expand.sql': 'ALTER TABLE ledger ADD COLUMN summary text;\n', 'contract.sql': 'ALTER TABLE ledger DROP COLUMN legacy;\n' }
    });
    expect((await run('snapshot')).code).toBe(0);
    expect((await run('migrate', '--phase', 'expand')).code).toBe(0);
    // The old version reading the table, in a transaction: contract's DROP COLUMN waits behind it.
    const reader: Database = await server().connect('contract-killed', 'old version');
    cleanup(() => reader.close());
    await reader.query('BEGIN');
    await reader.query('LOCK TABLE ledger IN ACCESS SHARE MODE');

    const killed = start('contract', '--force', 'no traffic in this test');
    await whileRunning(killed, 'contract to be under way', async () => (await history('contract'))?.status === 'running');
    await killHard(killed);
    await reader.query('COMMIT');
    expect((await readJson<{ phase: string; history: { step: string }[] }>(record))?.history.map(h => h.step)).toContain('contract');

    const refused = await run('rollback');
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/rollback: this release already ran contract \(0001_drop_legacy, running\)/);

    const rerun = await run('contract', '--force', 'no traffic in this test');
    expect(rerun.code).toBe(0);
    expect((await readJson<{ phase: string }>(record))?.phase).toBe('contracted');
    expect((await history('contract'))?.status).toBe('done');
    expect(await columnsOf(db, 'ledger')).toEqual(['id', 'note', 'summary']);
  });
});
