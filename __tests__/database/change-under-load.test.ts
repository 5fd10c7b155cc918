import path from 'node:path';
import type { Database } from '../../src/adapters/database/connection.js';
import { readHistory } from '../../src/adapters/database/history.js';
import { loadMigrations } from '../../src/adapters/database/migrations.js';
import { runPhase } from '../../src/adapters/database/phases.js';
import { poll } from '../../src/shared/io/wait.js';
import { testPhaseOptions, writeMigrations } from '../support/migrations.js';
import { startLiveWriters, type Write } from '../support/live-writers.js';
import { describeWithPostgres, usePostgres } from '../support/postgres.js';
import { tempDir } from '../support/servers.js';

const ROWS = 50_000;

/**
 * One table per operation that writes data: the change.yml, the rows the old
 * version inserts and updates, the count of rows out of step, what the new
 * version writes and what it keeps in step, and the columns left after contract.
 */
interface Case {
  table: string;
  create: string;
  seed: string;
  change: string;
  oldWrites: string[];
  inconsistent: string;
  newWrites?: { sql: string; expect: string }[];
  finalColumns: string[];
}

const CASES: Case[] = [
  {
    table: 't_add',
    create: 'abalance int NOT NULL DEFAULT 0',
    seed: 'abalance) SELECT g % 1000',
    change: 'add_column: {column: abalance_cents, type: bigint, up: abalance * 100, down: {abalance: abalance_cents / 100}}',
    oldWrites: ['INSERT INTO t_add (abalance) VALUES ($1::int % 1000)', 'UPDATE t_add SET abalance = abalance + 1 WHERE id = $1::bigint'],
    inconsistent: 'abalance_cents IS DISTINCT FROM abalance * 100',
    newWrites: [
      { sql: 'UPDATE t_add SET abalance_cents = 777700 WHERE id = 5', expect: 'SELECT abalance = 7777 FROM t_add WHERE id = 5' },
      { sql: 'INSERT INTO t_add (id, abalance_cents) OVERRIDING SYSTEM VALUE VALUES (-1, 4200)', expect: 'SELECT abalance = 42 FROM t_add WHERE id = -1' }
    ],
    finalColumns: ['id', 'abalance', 'abalance_cents']
  },
  {
    table: 't_rename',
    create: 'filler character(84)',
    seed: "filler) SELECT 'f' || g",
    change: 'rename_column: {from: filler, to: note, type: "character(84)"}',
    oldWrites: ["INSERT INTO t_rename (filler) VALUES ('w' || $1::text)", "UPDATE t_rename SET filler = 'u' || id WHERE id = $1::bigint"],
    inconsistent: 'note IS DISTINCT FROM filler',
    newWrites: [
      { sql: "UPDATE t_rename SET note = 'newer' WHERE id = 5", expect: "SELECT filler = 'newer' FROM t_rename WHERE id = 5" },
      { sql: "INSERT INTO t_rename (id, note) OVERRIDING SYSTEM VALUE VALUES (-1, 'fresh')", expect: "SELECT filler = 'fresh' FROM t_rename WHERE id = -1" }
    ],
    finalColumns: ['id', 'note']
  },
  {
    table: 't_type',
    create: 'price numeric(10, 2) NOT NULL DEFAULT 0',
    seed: 'price) SELECT g / 100.0',
    change: 'change_type: {column: price, to: price_cents, type: bigint, up: "round(price * 100)::bigint", down: {price: price_cents / 100.0}}',
    oldWrites: ['INSERT INTO t_type (price) VALUES ($1::int / 100.0)', 'UPDATE t_type SET price = price + 0.01 WHERE id = $1::bigint'],
    inconsistent: 'price_cents IS DISTINCT FROM round(price * 100)::bigint',
    newWrites: [
      { sql: 'UPDATE t_type SET price_cents = 1234 WHERE id = 5', expect: 'SELECT price = 12.34 FROM t_type WHERE id = 5' },
      { sql: 'INSERT INTO t_type (id, price_cents) OVERRIDING SYSTEM VALUE VALUES (-1, 250)', expect: 'SELECT price = 2.50 FROM t_type WHERE id = -1' }
    ],
    finalColumns: ['id', 'price_cents']
  },
  {
    table: 't_split',
    create: "name text NOT NULL DEFAULT 'a b'",
    seed: "name) SELECT 'ann' || g || ' lee' || g",
    change: `split_column: {column: name, into: {first_name: {type: text, up: "split_part(name, ' ', 1)"}, last_name: {type: text, up: "split_part(name, ' ', 2)"}}, down: {name: "first_name || ' ' || last_name"}}`,
    oldWrites: ["INSERT INTO t_split (name) VALUES ('x' || $1::text || ' y')", "UPDATE t_split SET name = 'p' || id || ' q' || id WHERE id = $1::bigint"],
    inconsistent: "first_name IS DISTINCT FROM split_part(name, ' ', 1) OR last_name IS DISTINCT FROM split_part(name, ' ', 2)",
    newWrites: [
      { sql: "UPDATE t_split SET first_name = 'Ada' WHERE id = 5", expect: "SELECT name = 'Ada ' || last_name FROM t_split WHERE id = 5" },
      { sql: "INSERT INTO t_split (id, first_name, last_name) OVERRIDING SYSTEM VALUE VALUES (-1, 'Alan', 'Turing')", expect: "SELECT name = 'Alan Turing' FROM t_split WHERE id = -1" }
    ],
    finalColumns: ['id', 'first_name', 'last_name']
  },
  {
    table: 't_merge',
    create: 'first_name text NOT NULL, last_name text NOT NULL',
    seed: "first_name, last_name) SELECT 'ann' || g, 'lee' || g",
    change: `merge_columns: {columns: [first_name, last_name], into: full_name, type: text, up: "first_name || ' ' || last_name", down: {first_name: "split_part(full_name, ' ', 1)", last_name: "split_part(full_name, ' ', 2)"}}`,
    oldWrites: ["INSERT INTO t_merge (first_name, last_name) VALUES ('x' || $1::text, 'y')", "UPDATE t_merge SET last_name = 'z' || id WHERE id = $1::bigint"],
    inconsistent: "full_name IS DISTINCT FROM first_name || ' ' || last_name",
    newWrites: [
      { sql: "UPDATE t_merge SET full_name = 'Grace Hopper' WHERE id = 5", expect: "SELECT (first_name, last_name) = ('Grace', 'Hopper') FROM t_merge WHERE id = 5" },
      { sql: "INSERT INTO t_merge (id, full_name) OVERRIDING SYSTEM VALUE VALUES (-1, 'Edsger Dijkstra')", expect: "SELECT (first_name, last_name) = ('Edsger', 'Dijkstra') FROM t_merge WHERE id = -1" }
    ],
    finalColumns: ['id', 'full_name']
  },
  {
    table: 't_not_null',
    create: 'email text',
    seed: "email) SELECT CASE WHEN g % 3 = 0 THEN NULL ELSE 'e' || g END",
    change: `add_not_null: {column: email, fill: "'user' || id || '@example.invalid'"}`,
    oldWrites: ['INSERT INTO t_not_null (email) VALUES (NULLIF($1::text, $1::text))', 'UPDATE t_not_null SET email = NULL WHERE id = $1::bigint'],
    inconsistent: 'email IS NULL',
    finalColumns: ['id', 'email']
  },
  {
    table: 't_check',
    create: 'price_cents int',
    seed: 'price_cents) SELECT g % 7 - 3',
    change: 'add_check: {name: t_check_price_positive, check: "price_cents > 0", column: price_cents, fix: "greatest(price_cents, 1)"}',
    oldWrites: ['INSERT INTO t_check (price_cents) VALUES (-$1::int)', 'UPDATE t_check SET price_cents = 0 WHERE id = $1::bigint'],
    inconsistent: 'NOT coalesce(price_cents > 0, true)',
    finalColumns: ['id', 'price_cents']
  },
  {
    table: 't_drop',
    // No DEFAULT: a default fills the column before the trigger could, and is what new inserts get.
    create: 'payload text, legacy text NOT NULL',
    seed: "payload, legacy) SELECT 'p' || g, 'l' || g",
    change: `drop_column: {column: legacy, down: "'none'"}`,
    oldWrites: ["INSERT INTO t_drop (payload, legacy) VALUES ('p' || $1::text, 'old')", "UPDATE t_drop SET legacy = 'changed' WHERE id = $1::bigint"],
    inconsistent: 'legacy IS NULL',
    newWrites: [{ sql: "INSERT INTO t_drop (id, payload) OVERRIDING SYSTEM VALUE VALUES (-1, 'new')", expect: "SELECT legacy = 'none' FROM t_drop WHERE id = -1" }],
    finalColumns: ['id', 'payload']
  }
];

/** A write of the old version: an insert or an update of the source columns of a random table, binding one number, $1. */
function oldVersionWrite(): Write {
  const c = CASES[Math.floor(Math.random() * CASES.length)] as Case;
  return { sql: c.oldWrites[Math.floor(Math.random() * c.oldWrites.length)] as string, params: [1 + Math.floor(Math.random() * ROWS)] };
}

describeWithPostgres('change.yml under concurrent writes on PostgreSQL', () => {
  const { server, cleanup } = usePostgres();

  async function inconsistentCounts(db: Database): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const c of CASES) counts[c.table] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${c.table} WHERE ${c.inconsistent}`)).rows[0]?.n as number;
    return counts;
  }
  const none = Object.fromEntries(CASES.map(c => [c.table, 0]));

  it('every operation that writes data leaves 0 rows out of step while the old version writes from 3 connections, keeps old columns in step for the new version, and contracts to the final schema', async () => {
    await server().createDatabase('changes');
    const db = await server().connect('changes');
    cleanup(() => db.close());
    for (const c of CASES) {
      await db.query(`CREATE TABLE ${c.table} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, ${c.create})`);
      await db.query(`INSERT INTO ${c.table} (${c.seed} FROM generate_series(1, ${ROWS}) g`);
      await db.query(`ANALYZE ${c.table}`);
    }
    await db.query('CREATE TABLE customers (id bigint PRIMARY KEY); INSERT INTO customers SELECT generate_series(1, 10)');
    await db.query('CREATE TABLE t_ref (id bigint PRIMARY KEY, customer_id bigint, code text); INSERT INTO t_ref SELECT g, 1 + g % 10, g::text FROM generate_series(1, 1000) g');
    const { dir, remove } = await tempDir();
    cleanup(remove);
    const folders: Record<string, Record<string, string>> = {};
    CASES.forEach((c, i) => (folders[`${String(i + 1).padStart(4, '0')}_${c.table}`] = { 'change.yml': `table: ${c.table}\nchanges:\n  - ${c.change}\n` }));
    folders['0100_t_ref'] = {
      'change.yml': `table: t_ref
changes:
  - add_foreign_key: {name: t_ref_customer_fk, columns: [customer_id], references: {table: customers, columns: [id]}}
  - add_unique: {name: t_ref_code_key, columns: [code]}
`
    };
    const migrations = await loadMigrations(await writeMigrations(path.join(dir, 'migrations'), folders));

    // The old version keeps writing through expand and migrate: until promote it is the live one.
    const old = await startLiveWriters(server(), 'changes', 3, oldVersionWrite);
    // Stopped also when an assertion fails midway.
    cleanup(() => old.stop());
    await runPhase(db, migrations, 'expand', testPhaseOptions());
    const before = old.writes();
    const migrate = await runPhase(db, migrations, 'migrate', testPhaseOptions());
    expect(migrate.completed).toBe(true);
    expect(old.writes() - before).toBeGreaterThan(100);
    expect(await inconsistentCounts(db)).toEqual(none);
    // The backfill is done, the old version still writes: the triggers keep every row in step.
    const after = old.writes();
    await poll(async () => old.writes(), { what: 'the old version to write 500 more rows', done: n => n >= after + 500, timeoutMs: 30_000, intervalMs: 20 });
    await old.stop();
    expect(old.errors).toEqual([]);
    expect(await inconsistentCounts(db)).toEqual(none);

    // The new version writes the new columns: where down says how, the old columns follow.
    for (const c of CASES) {
      for (const write of c.newWrites ?? []) {
        await db.query(write.sql);
        const kept = await db.query<Record<string, boolean>>(write.expect);
        expect([c.table, write.sql, Object.values(kept.rows[0] ?? {})[0]]).toEqual([c.table, write.sql, true]);
      }
    }
    expect(await inconsistentCounts(db)).toEqual(none);

    await runPhase(db, migrations, 'contract', testPhaseOptions());
    for (const c of CASES) {
      const columns = await db.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`, [c.table]);
      expect([c.table, columns.rows.map(r => r.column_name)]).toEqual([c.table, c.finalColumns]);
    }
    const email = await db.query<{ is_nullable: string }>(`SELECT is_nullable FROM information_schema.columns WHERE table_name = 't_not_null' AND column_name = 'email'`);
    expect(email.rows[0]?.is_nullable).toBe('NO');
    const constraints = await db.query<{ conname: string; contype: string; convalidated: boolean }>(
      `SELECT conname, contype, convalidated FROM pg_constraint WHERE conrelid IN ('t_check'::regclass, 't_ref'::regclass, 't_not_null'::regclass) AND contype <> 'p' ORDER BY conname`
    );
    expect(constraints.rows).toEqual([
      { conname: 't_check_price_positive', contype: 'c', convalidated: true },
      { conname: 't_ref_code_key', contype: 'u', convalidated: true },
      { conname: 't_ref_customer_fk', contype: 'f', convalidated: true }
    ]);
    const leftovers = await db.query(`SELECT tgname FROM pg_trigger WHERE tgname LIKE 'cutover%' UNION ALL SELECT proname FROM pg_proc WHERE proname LIKE 'cutover%'`);
    expect(leftovers.rows).toEqual([]);
    const history = await readHistory(db);
    expect(history.filter(r => r.status === 'done')).toHaveLength(history.length);
  });
});
