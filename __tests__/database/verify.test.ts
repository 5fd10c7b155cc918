import path from 'node:path';
import type { Database } from '../../src/adapters/database/connection.js';
import { BadInputError, ReleaseError } from '../../src/shared/errors.js';
import { ensureHistory, readHistory } from '../../src/adapters/database/history.js';
import { loadMigrations, type Migration } from '../../src/adapters/database/migrations.js';
import { openPglite } from '../../src/adapters/database/pglite.js';
import { runPhase } from '../../src/adapters/database/phases.js';
import { statusOf } from '../../src/adapters/database/status.js';
import { cli } from '../support/cli.js';
import { SPLIT_NAME, testPhaseOptions, writeMigrations } from '../support/migrations.js';
import { startLiveWriters, type Write } from '../support/live-writers.js';
import { describeWithPostgres, usePostgres } from '../support/postgres.js';
import { proxySetup, type ProxySetup } from '../support/proxy-setup.js';
import { tempDir } from '../support/servers.js';

const PEOPLE = SPLIT_NAME['0001_people'];
/** full_name from first and last name, with no trigger keeping it in step: what verify is there to catch. */
const UNSAFE = {
  '0001_people': PEOPLE,
  '0002_full_name': {
    'expand.sql': 'ALTER TABLE people ADD COLUMN full_name text;\n',
    'migrate.sql': "-- cutover:allow backfill-without-trigger: testing verify\nUPDATE people AS p SET full_name = p.first_name || ' ' || p.last_name;\n"
  }
};
const ledger = (migrate: string) => ({
  '0001_ledger': { 'expand.sql': 'CREATE TABLE ledger (id bigint PRIMARY KEY, n int NOT NULL, touched int NOT NULL DEFAULT 0, note text, label text);\n' },
  '0002_fill': { 'migrate.yml': migrate }
});
const inconsistent = async (db: Database) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM people WHERE full_name IS DISTINCT FROM first_name || ' ' || last_name`)).rows[0]?.n;

describe('verify after a backfill, on PGlite', () => {
  let db: Database;
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
    db = await openPglite(path.join(dir, 'db'));
  });
  afterEach(async () => {
    await db.close();
    await remove();
  });

  async function expandWith(folders: Record<string, Record<string, string>>, rows: number, insert: string): Promise<Migration[]> {
    const migrations = await loadMigrations(await writeMigrations(path.join(dir, 'migrations'), folders));
    await runPhase(db, migrations.slice(0, 1), 'expand', testPhaseOptions());
    await db.query(insert.replace('$ROWS', String(rows)));
    await runPhase(db, migrations, 'expand', testPhaseOptions());
    return migrations;
  }

  /** A migrate whose batches of 100 are each followed by `write`, as a live version writing between batches. */
  const migrateWithWrites = (migrations: Migration[], write: string) =>
    runPhase(db, migrations, 'migrate', testPhaseOptions({ batch: { targetMs: 50, min: 100, max: 100, initial: 100, pauseMs: 1 } }, { pause: async () => void (await db.query(write)) }));
  const migrateRow = async () => (await readHistory(db)).find(r => r.phase === 'migrate');

  it('by default checks a column computed from others: a write after its batch fails migrate, naming the count, the condition and a key', async () => {
    const migrations = await expandWith(UNSAFE, 1000, `INSERT INTO people (first_name, last_name) SELECT 'first' || g, 'last' || g FROM generate_series(1, $ROWS) g`);
    const failed = migrateWithWrites(migrations, `UPDATE people SET first_name = 'edited' WHERE id = 1`);
    await expect(failed).rejects.toThrow(ReleaseError);
    await expect(failed).rejects.toThrow(
      /migrate\.sql: 1 of 1000 rows of people do not satisfy \("full_name" IS NOT DISTINCT FROM \(\(p\.first_name \|\| ' '\) \|\| p\.last_name\)\), for example the rows with key \(1\)\. The backfill reached every row, so the live version updated these after their batch/
    );
    await expect(failed).rejects.toThrow(/BEFORE INSERT OR UPDATE trigger, created in the expand of a new migration .* run migrate again: it verifies again without redoing the batches/);
    expect([(await migrateRow())?.status, (await migrateRow())?.inconsistent_rows]).toEqual(['running', 1]);
    expect(statusOf(migrations, await readHistory(db)).migrations[1]?.verification).toMatch(/^1 inconsistent at \d{4}-\d\d-\d\d /);

    // A rerun finds the batches done and verifies again: still one row, until someone rewrites it.
    await expect(runPhase(db, migrations, 'migrate', testPhaseOptions())).rejects.toThrow(/1 of 1000 rows of people do not satisfy/);
    await db.query(`UPDATE people SET full_name = first_name || ' ' || last_name WHERE id = 1`);
    const rerun = await runPhase(db, migrations, 'migrate', testPhaseOptions());
    expect(rerun.applied[0]?.outcome).toBe("1000 rows backfilled in 1 batches; verified: 0 of 1000 rows inconsistent");
    expect([(await migrateRow())?.status, (await migrateRow())?.inconsistent_rows, (await migrateRow())?.rows_done]).toEqual(['done', 0, 1000]);
    expect(statusOf(migrations, await readHistory(db)).migrations[1]?.verification).toMatch(/^verified 0 inconsistent at \d{4}-\d\d-\d\d /);
  });

  it('does not check a constant fill or a self-update by default: the application may write other values there', async () => {
    const migrations = await expandWith(ledger(`table: ledger\nset:\n  touched: touched + 1\n  note: "'done'"\n`), 1000, 'INSERT INTO ledger (id, n) SELECT g, g FROM generate_series(1, $ROWS) g');
    const done = await migrateWithWrites(migrations, `UPDATE ledger SET note = 'other', touched = 7 WHERE id <= 3`);
    expect(done.applied[0]?.outcome).toMatch(/^1000 rows backfilled in 10 batches$/);
    expect([(await migrateRow())?.status, (await migrateRow())?.inconsistent_rows]).toEqual(['done', null]);
  });

  it('checks a custom verify condition over every row', async () => {
    const custom = await expandWith(ledger(`table: ledger\nset:\n  note: "'done'"\nverify: note = 'done' AND n < 998\n`), 1000, 'INSERT INTO ledger (id, n) SELECT g, g FROM generate_series(1, $ROWS) g');
    await expect(runPhase(db, custom, 'migrate', testPhaseOptions())).rejects.toThrow(/3 of 1000 rows of ledger do not satisfy \(note = 'done' AND n < 998\), for example the rows with key \(998\), \(999\), \(1000\)\./);
    await db.query('DELETE FROM ledger WHERE n >= 998');
    expect((await runPhase(db, custom, 'migrate', testPhaseOptions())).applied[0]?.outcome).toMatch(/; verified: 0 of 997 rows inconsistent$/);
  });

  it('runs no check with verify: false, even where the default would find stale rows', async () => {
    const folders = { ...UNSAFE, '0002_full_name': { 'expand.sql': UNSAFE['0002_full_name']['expand.sql'], 'migrate.yml': "table: people\nset:\n  full_name: first_name || ' ' || last_name\nverify: false\nallow:\n  backfill-without-trigger: testing verify\n" } };
    const migrations = await expandWith(folders, 1000, `INSERT INTO people (first_name, last_name) SELECT 'first' || g, 'last' || g FROM generate_series(1, $ROWS) g`);
    const done = await migrateWithWrites(migrations, `UPDATE people SET first_name = 'edited' WHERE id = 1`);
    expect(done.applied[0]?.outcome).toBe('1000 rows backfilled in 10 batches');
    expect(await inconsistent(db)).toBe(1);
  });

  it.each([
    ['a second statement', 'true; DROP TABLE ledger', /verify: "true; DROP TABLE ledger" is not one expression/],
    ['two expressions', 'n > 0, n < 5', /verify: "n > 0, n < 5" is not one expression/],
    ['a query around it', 'true FROM ledger', /verify: "true FROM ledger" is not one expression/],
    ['a set operation', 'true UNION SELECT false', /is not one expression/],
    ['unparseable text', 'n >', /verify: "n >" is not an SQL expression/],
    ['a function acting on other sessions', 'pg_terminate_backend(1)', /verify: the condition is refused by the linter:\n.*pg_terminate_backend/],
    ['a number', '5', /verify: expected an SQL condition every row must satisfy, or false for no check/]
  ])('refuses a verify condition that is %s, naming the file and the field, and runs nothing', async (_what, condition, message) => {
    const migrations = await expandWith(ledger(`table: ledger\nset:\n  note: "'done'"\nverify: ${JSON.stringify(condition)}\n`.replace('"5"', '5')), 10, 'INSERT INTO ledger (id, n) SELECT g, g FROM generate_series(1, $ROWS) g');
    const refused = runPhase(db, migrations, 'migrate', testPhaseOptions());
    await expect(refused).rejects.toThrow(BadInputError);
    await expect(refused).rejects.toThrow(/0002_fill\/migrate\.yml: /);
    await expect(refused).rejects.toThrow(message);
    expect(await migrateRow()).toBeUndefined();
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ledger WHERE note IS NOT NULL`)).rows[0]?.n).toBe(0);
  });

  it('upgrades a history table of the old shape: it reads before, and a run adds the verification columns', async () => {
    await db.query(`CREATE TABLE cutover_migrations (
      id text NOT NULL, name text NOT NULL, phase text NOT NULL, checksum text NOT NULL, status text NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now(), finished_at timestamptz, statements_done integer NOT NULL DEFAULT 0,
      rows_done bigint NOT NULL DEFAULT 0, rows_total bigint, checkpoint jsonb, high_water jsonb, run_id text, actor text,
      release text, allowed jsonb NOT NULL DEFAULT '[]', forced text, PRIMARY KEY (id, phase))`);
    await db.query(`INSERT INTO cutover_migrations (id, name, phase, checksum, status) VALUES ('0001', 'old', 'expand', 'sha256:x', 'done')`);
    expect((await readHistory(db)).map(r => [r.id, r.inconsistent_rows, r.verified_at])).toEqual([['0001', null, null]]);
    await ensureHistory(db);
    await ensureHistory(db);
    const columns = await db.query<{ name: string; type: string }>(
      `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = 'cutover_migrations' AND column_name IN ('inconsistent_rows', 'verified_at') ORDER BY 1`
    );
    expect(columns.rows).toEqual([
      { name: 'inconsistent_rows', type: 'bigint' },
      { name: 'verified_at', type: 'timestamp with time zone' }
    ]);
    expect((await readHistory(db)).map(r => [r.id, r.status, r.inconsistent_rows])).toEqual([['0001', 'done', null]]);
  });
});

/** A write of the old version: it updates the first name of a random row, or inserts a row. */
const oldVersionWrite = (maxId: number) => (): Write =>
  Math.random() < 0.5
    ? { sql: `UPDATE people SET first_name = 'edited' || $2 WHERE id = $1`, params: [1 + Math.floor(Math.random() * maxId), Math.random()] }
    : { sql: `INSERT INTO people (first_name, last_name) VALUES ('new', 'writer')` };

describeWithPostgres('verify on PostgreSQL under live writes', () => {
  const { server, cleanup } = usePostgres();
  let count = 0;

  async function expanded(folders: Record<string, Record<string, string>>, rows: number) {
    const name = `verify_${++count}`;
    await server().createDatabase(name);
    const db = await server().connect(name);
    cleanup(() => db.close());
    const { dir, remove } = await tempDir();
    cleanup(remove);
    const migrations = await loadMigrations(await writeMigrations(path.join(dir, 'migrations'), folders));
    await runPhase(db, migrations.slice(0, 1), 'expand', testPhaseOptions());
    await db.query(`INSERT INTO people (first_name, last_name) SELECT 'first' || g, 'last' || g FROM generate_series(1, ${rows}) g`);
    await runPhase(db, migrations, 'expand', testPhaseOptions());
    return { db, name, migrations };
  }
  const paced = { batch: { targetMs: 50, min: 100, max: 2000, initial: 1000, pauseMs: 2 } };

  it('fails migrate when nothing keeps the column in step with the writers; a rerun fails until the rows are fixed, then passes', async () => {
    const { db, name, migrations } = await expanded(UNSAFE, 100_000);
    const writers = await startLiveWriters(server(), name, 3, oldVersionWrite(100_000));
    cleanup(() => writers.stop());
    const failed = await runPhase(db, migrations, 'migrate', testPhaseOptions(paced)).catch((error: Error) => error);
    await writers.stop();
    expect(writers.errors).toEqual([]);
    expect(writers.writes()).toBeGreaterThan(100);
    expect(failed).toBeInstanceOf(ReleaseError);
    const [, counted, checked] = /: (\d+) of (\d+) rows of people do not satisfy/.exec((failed as Error).message) ?? [];
    expect(Number(counted)).toBeGreaterThan(0);
    expect(Number(checked)).toBeGreaterThan(100_000);
    expect((failed as Error).message).toMatch(/for example the rows with key \(\d+\)(, \(\d+\)){0,4}\. /);
    const row = (await readHistory(db)).find(r => r.phase === 'migrate');
    expect([row?.status, row?.inconsistent_rows]).toEqual(['running', Number(counted)]);

    // The writers are gone, but their rows stay wrong: a rerun verifies again and still fails, with the count now.
    const still = await inconsistent(db);
    await expect(runPhase(db, migrations, 'migrate', testPhaseOptions())).rejects.toThrow(`: ${still} of `);
    await db.query(`UPDATE people SET full_name = first_name || ' ' || last_name WHERE full_name IS DISTINCT FROM first_name || ' ' || last_name`);
    const rerun = await runPhase(db, migrations, 'migrate', testPhaseOptions());
    expect(rerun.applied[0]?.outcome).toMatch(/^\d+ rows backfilled in 1 batches; verified: 0 of \d+ rows inconsistent$/);
    const done = (await readHistory(db)).find(r => r.phase === 'migrate');
    expect([done?.status, done?.inconsistent_rows]).toEqual(['done', 0]);
  });

  it('passes with 0 inconsistent rows when a trigger from expand keeps the column in step under the same writers', async () => {
    const { db, name, migrations } = await expanded(SPLIT_NAME, 100_000);
    const writers = await startLiveWriters(server(), name, 3, oldVersionWrite(100_000));
    cleanup(() => writers.stop());
    const migrate = await runPhase(db, migrations, 'migrate', testPhaseOptions(paced));
    await writers.stop();
    expect(writers.errors).toEqual([]);
    expect(writers.writes()).toBeGreaterThan(100);
    expect(migrate.applied[0]?.outcome).toMatch(/; verified: 0 of \d+ rows inconsistent$/);
    expect(await inconsistent(db)).toBe(0);
    expect((await readHistory(db)).find(r => r.phase === 'migrate')?.inconsistent_rows).toBe(0);
  });

  describe('promote re-checks the backfill', () => {
    let setup: ProxySetup;
    afterEach(() => setup.stop());

    /** A release through migrate against a fresh database, with `rows` people inserted after 0001's expand. */
    async function migrated(rows: number) {
      const name = `promote_${++count}`;
      const url = await server().createDatabase(name);
      const db = await server().connect(name);
      cleanup(() => db.close());
      setup = await proxySetup('database:\n  url: env:DATABASE_URL\n  migrations: migrations\n');
      const root = await writeMigrations(path.join(setup.dir, 'migrations'), SPLIT_NAME);
      await runPhase(db, (await loadMigrations(root)).slice(0, 1), 'expand', testPhaseOptions());
      await db.query(`INSERT INTO people (first_name, last_name) SELECT 'first' || g, 'last' || g FROM generate_series(1, ${rows}) g`);
      await db.query('ANALYZE people');
      const step = (...args: string[]) => cli([...args, '--config', setup.config, '--snapshot-file', path.join(setup.dir, 'release.json')], { ...process.env, DATABASE_URL: url });
      for (const args of [['snapshot'], ['deploy'], ['migrate', '--phase', 'expand'], ['migrate', '--phase', 'migrate']]) {
        const run = await step(...args);
        expect({ step: args.join(' '), code: run.code, err: run.code ? run.err : '' }).toEqual({ step: args.join(' '), code: 0, err: '' });
      }
      const history = async () => JSON.stringify(await readHistory(db));
      return { db, promote: () => step('promote'), history };
    }

    it('refuses rows written past the high-water mark that nothing kept in step, and promotes once they are fixed', async () => {
      const { db, promote, history } = await migrated(5000);
      // A live write that bypassed the trigger (as if expand had not created it): full_name stays empty.
      await db.query('ALTER TABLE people DISABLE TRIGGER people_full_name');
      await db.query(`INSERT INTO people (first_name, last_name) SELECT 'late', 'writer' || g FROM generate_series(1, 3) g`);
      await db.query('ALTER TABLE people ENABLE TRIGGER people_full_name');
      const before = await history();
      const refused = await promote();
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/promote: refused: rows this release backfilled are inconsistent/);
      expect(refused.err).toMatch(/0002_full_name: 3 of \d+ rows checked in people \(rows written since the backfill, and a sample of the rest\) do not satisfy .* for example the rows with key \(5001\), \(5002\), \(5003\)\./);
      expect(refused.err).toMatch(/BEFORE INSERT OR UPDATE trigger.* run promote again/);
      expect(await history()).toBe(before);

      await db.query(`UPDATE people SET first_name = first_name WHERE full_name IS NULL`);
      const promoted = await promote();
      expect({ code: promoted.code, err: promoted.code ? promoted.err : '' }).toEqual({ code: 0, err: '' });
    });

    it('refuses when sampled rows below the high-water mark went stale, and promotes once they are fixed', async () => {
      const { db, promote } = await migrated(50_000);
      await db.query('ALTER TABLE people DISABLE TRIGGER people_full_name');
      await db.query(`UPDATE people SET first_name = 'stale'`);
      await db.query('ALTER TABLE people ENABLE TRIGGER people_full_name');
      const refused = await promote();
      expect(refused.code).toBe(1);
      const [, counted] = /0002_full_name: (\d+) of \d+ rows checked in people/.exec(refused.err) ?? [];
      // Only a sample: about 10,000 of the 50,000 rows, all of them stale.
      expect(Number(counted)).toBeGreaterThan(1000);
      expect(Number(counted)).toBeLessThan(50_000);

      await db.query(`UPDATE people SET first_name = first_name`);
      const promoted = await promote();
      expect({ code: promoted.code, err: promoted.code ? promoted.err : '' }).toEqual({ code: 0, err: '' });
      expect(promoted.err).toMatch(/promote: re-checked people: 0 of \d+ rows inconsistent/);
    });
  });
});
