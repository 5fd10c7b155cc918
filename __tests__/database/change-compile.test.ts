import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { backfillPlanOf } from '../../src/adapters/database/backfill-plan.js';
import { compileChange } from '../../src/adapters/database/change/compile.js';
import type { Database } from '../../src/adapters/database/connection.js';
import { readHistory } from '../../src/adapters/database/history.js';
import { lintPath } from '../../src/adapters/database/lint-files.js';
import { loadMigrations, type MigrationPart } from '../../src/adapters/database/migrations.js';
import { openPglite } from '../../src/adapters/database/pglite.js';
import { preparePhase, runPhase } from '../../src/adapters/database/phases.js';
import { describePlan } from '../../src/adapters/database/plan.js';
import { DEFAULT_BATCH } from '../../src/adapters/database/backfill-plan.js';
import { sha256 } from '../../src/core/canonical.js';
import { testPhaseOptions, writeMigrations } from '../support/migrations.js';
import { tempDir } from '../support/servers.js';

const FILE = 'db/migrations/0007_change/change.yml';
const compile = (text: string) => compileChange(text, FILE, '0007');

/** Tables every operation below acts on, as a written migration before the change. */
const TABLES = `CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  abalance int NOT NULL DEFAULT 0,
  filler character(84),
  price numeric(10, 2) NOT NULL DEFAULT 1,
  name text NOT NULL DEFAULT 'ann lee',
  first_name text NOT NULL DEFAULT 'bo',
  last_name text NOT NULL DEFAULT 'berg',
  email text,
  price_cents int,
  customer_id bigint,
  legacy text NOT NULL DEFAULT 'x',
  legacy2 text NOT NULL DEFAULT 'y'
);
CREATE TABLE old_audit (id int);
`;

/** Every operation, on one table, so one backfill serves all that need one. */
const EVERY_OP = `table: accounts
changes:
  - add_column: {column: abalance_cents, type: bigint, up: abalance * 100, down: {abalance: abalance_cents / 100}}
  - rename_column: {from: filler, to: note, type: "character(84)"}
  - change_type: {column: price, to: price_in_cents, type: bigint, up: "round(price * 100)::bigint", down: {price: price_in_cents / 100.0}}
  - split_column: {column: name, into: {given: {type: text, up: "split_part(name, ' ', 1)"}, family: {type: text, up: "split_part(name, ' ', 2)"}}, down: {name: "given || ' ' || family"}}
  - merge_columns: {columns: [first_name, last_name], into: full_name, type: text, up: "first_name || ' ' || last_name"}
  - add_not_null: {column: email, fill: "'user' || id || '@example.invalid'"}
  - add_check: {name: price_positive, check: "price_cents > 0", column: price_cents, fix: "greatest(price_cents, 1)"}
  - add_foreign_key: {name: accounts_customer_fk, columns: [customer_id], references: {table: customers, columns: [id]}, on_delete: cascade}
  - add_unique: {name: accounts_email_key, columns: [email]}
  - drop_column: {column: legacy, down: "'none'"}
  - drop_column: {column: legacy2}
  - drop_table: {table: old_audit}
batch: {target: 20ms}
`;

describe('change.yml compiles into expand, migrate and contract', () => {
  it('a derived column gets a nullable column, a function and INSERT and UPDATE triggers that fire only for rows out of step', async () => {
    const out = await compile(`table: pgbench_accounts\nchanges:\n  - add_column: {column: abalance_cents, type: bigint, up: abalance * 100, down: {abalance: abalance_cents / 100}}\n`);
    const name = 'cutover_0007_pgbench_accounts_1';
    expect(out.expand).toContain('ALTER TABLE pgbench_accounts ADD COLUMN abalance_cents bigint;');
    expect(out.expand).toContain(`CREATE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $cutover$`);
    // The new version wrote: keep the old column from it; otherwise compute the new one, as the backfill does.
    expect(out.expand).toMatch(/IF written THEN\n\s+new\.abalance := new\.abalance_cents \/ 100;\n\s+ELSE\n\s+new\.abalance_cents := CAST\(new\.abalance \* 100 AS bigint\);/);
    expect(out.expand).toContain(
      `CREATE TRIGGER "${name}_insert" BEFORE INSERT ON pgbench_accounts FOR EACH ROW WHEN (NOT (new.abalance_cents IS NOT DISTINCT FROM CAST(new.abalance * 100 AS bigint))) EXECUTE FUNCTION "${name}"()`
    );
    expect(out.expand).toContain(
      `CREATE TRIGGER "${name}_update" BEFORE UPDATE ON pgbench_accounts FOR EACH ROW WHEN ((old.abalance IS DISTINCT FROM new.abalance OR old.abalance_cents IS DISTINCT FROM new.abalance_cents) AND NOT (new.abalance_cents IS NOT DISTINCT FROM CAST(new.abalance * 100 AS bigint))) EXECUTE FUNCTION "${name}"()`
    );
    // The default verification of migrate.yml is exactly the triggers' condition, so no verify key.
    expect(out.migrate).toBe('table: pgbench_accounts\nset:\n  abalance_cents: CAST(abalance * 100 AS bigint)\nwhere: NOT (abalance_cents IS NOT DISTINCT FROM CAST(abalance * 100 AS bigint))\n');
    // add_column keeps both columns: contract drops only what kept them in step.
    expect(out.contract).toBe(`DROP TRIGGER "${name}_insert" ON pgbench_accounts;\n\nDROP TRIGGER "${name}_update" ON pgbench_accounts;\n\nDROP FUNCTION "${name}"();\n`);
  });

  it('rename, type change, split and merge drop the old columns in contract; one nothing keeps in step accepts NULL from expand on', async () => {
    const out = await compile(EVERY_OP);
    expect(out.expand).toContain('new.filler := new.note;');
    expect(out.expand).toContain('ALTER TABLE accounts ALTER COLUMN first_name DROP NOT NULL, ALTER COLUMN last_name DROP NOT NULL');
    expect(out.expand).not.toMatch(/ALTER COLUMN (filler|price|name) DROP NOT NULL/);
    for (const dropped of ['filler', 'price', 'name', 'first_name, DROP COLUMN last_name', 'legacy', 'legacy2']) expect(out.contract).toContain(`DROP COLUMN ${dropped};`);
    expect(out.contract).toContain('DROP TABLE old_audit;');
    // Triggers go before the columns their WHEN clauses read.
    expect(out.contract?.indexOf('DROP TRIGGER "cutover_0007_accounts_2_update"')).toBeLessThan(out.contract?.indexOf('DROP COLUMN filler') as number);
  });

  it('constraints are added NOT VALID (or as a concurrent index) in expand and validated in contract; NOT NULL goes through a validated CHECK', async () => {
    const out = await compile(EVERY_OP);
    expect(out.expand).toContain('ALTER TABLE accounts ADD CONSTRAINT accounts_email_not_null_check CHECK (email IS NOT NULL) NOT VALID;');
    expect(out.expand).toContain('WHEN (new.email IS NULL)');
    expect(out.expand).toContain('ALTER TABLE accounts ADD CONSTRAINT price_positive CHECK (price_cents > 0) NOT VALID;');
    expect(out.expand).toContain('WHEN (NOT coalesce((new.price_cents > 0), true))');
    expect(out.expand).toContain('ADD CONSTRAINT accounts_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE NOT VALID;');
    expect(out.expand).toContain('CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email);');
    expect(out.expand).toContain("new.legacy := 'none';");
    expect(out.expand).toContain('ALTER TABLE accounts ALTER COLUMN legacy2 DROP NOT NULL;');
    expect(out.contract).toContain(
      'ALTER TABLE accounts VALIDATE CONSTRAINT accounts_email_not_null_check;\n\nALTER TABLE accounts ALTER COLUMN email SET NOT NULL;\n\nALTER TABLE accounts DROP CONSTRAINT accounts_email_not_null_check;'
    );
    expect(out.contract).toContain('ALTER TABLE accounts VALIDATE CONSTRAINT price_positive;');
    expect(out.contract).toContain('ALTER TABLE accounts VALIDATE CONSTRAINT accounts_customer_fk;');
    expect(out.contract).toContain('ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_key;');
  });

  it('merges every backfill on the table into one migrate.yml: all columns, the rows any needs, every check', async () => {
    const out = await compile(EVERY_OP);
    const part: MigrationPart = { phase: 'migrate', file: FILE, format: 'yaml', text: out.migrate as string, checksum: '' };
    const plan = await backfillPlanOf(part);
    expect(plan.set.map(s => s.column)).toEqual(['abalance_cents', 'note', 'price_in_cents', 'given', 'family', 'full_name', 'email', 'price_cents']);
    expect(plan.set.find(s => s.column === 'email')?.expr).toBe("COALESCE(email, ('user' || id) || '@example.invalid')");
    const flat = (text: string | undefined) => text?.replace(/\s+/g, ' ');
    expect(flat(plan.where)).toContain('OR email IS NULL OR NOT (COALESCE(price_cents > 0, true))');
    expect(flat(plan.verify)).toContain('AND email IS NOT NULL AND COALESCE(price_cents > 0, true)');
    expect(plan.batch.targetMs).toBe(20);
  });

  it('picks a dollar-quote tag no expression contains', async () => {
    const out = await compile(`table: t\nchanges:\n  - add_column: {column: b, type: text, up: "a || '$cutover$'"}\n`);
    expect(out.expand).toContain('AS $cutover_1$');
    expect(out.expand).toContain("new.b := CAST(new.a || '$cutover$' AS text);");
  });
});

describe('change.yml refuses what it cannot compile, naming the field, the value and the fix', () => {
  const cases: [string, string, string[]][] = [
    ['an unknown operation', 'table: t\nchanges:\n  - add_colum: {column: a}\n', ['changes.0', 'add_colum', 'did you mean add_column?']],
    ['an unknown field', 'table: t\nchanges:\n  - add_column: {colum: a, type: int, up: b}\n', ['changes.0.add_column.colum', 'did you mean "column"?']],
    ['two items where one expression goes', 'table: t\nchanges:\n  - add_column: {column: a, type: int, up: "b), (c"}\n', ['changes.0.add_column.up', '"b), (c"', 'not one SQL expression']],
    ['a FROM after the expression', 'table: t\nchanges:\n  - add_column: {column: a, type: int, up: "b) FROM t WHERE (true"}\n', ['changes.0.add_column.up', 'without a trailing FROM']],
    ['a second statement', 'table: t\nchanges:\n  - add_column: {column: a, type: int, up: "1); DROP TABLE t; SELECT (1"}\n', ['changes.0.add_column.up', 'DROP TABLE t']],
    ['a type that is not one type', 'table: t\nchanges:\n  - add_column: {column: a, type: "int), (1", up: b}\n', ['changes.0.add_column.type', 'one column type']],
    ['a subquery', 'table: t\nchanges:\n  - add_column: {column: a, type: int, up: "(SELECT max(x) FROM u)"}\n', ['changes.0.add_column.up', 'subquery']],
    ['no table', 'changes:\n  - add_unique: {name: u, columns: [a]}\n', ['changes.0.add_unique.table', 'no table given']],
    ['a name PostgreSQL would cut', `table: t\nchanges:\n  - add_unique: {name: ${'u'.repeat(64)}, columns: [a]}\n`, ['changes.0.add_unique.name', 'longer than the 63 bytes PostgreSQL keeps', 'choose a shorter name']],
    ['a column name PostgreSQL would cut', `table: t\nchanges:\n  - split_column: {column: a, into: {${'c'.repeat(70)}: {type: text, up: a}}}\n`, ['changes.0.split_column.into', 'longer than the 63 bytes']],
    ['down naming a new column', 'table: t\nchanges:\n  - add_column: {column: b, type: int, up: a, down: {b: "1"}}\n', ['changes.0.add_column.down.b', 'Name an old column there']],
    ['a generated name PostgreSQL would cut', `table: ${'t'.repeat(50)}\nchanges:\n  - add_column: {column: a, type: int, up: b}\n`, ['changes.0.add_column', 'would be named', 'bytes']],
    [
      'backfills on two tables',
      'changes:\n  - add_column: {table: a, column: x, type: int, up: y}\n  - add_not_null: {table: b, column: z, fill: "0"}\n',
      ['changes.0.add_column backfills a', 'changes.1.add_not_null backfills b', 'Split these changes into two migrations']
    ],
    ['one column written by two backfills', 'table: t\nchanges:\n  - add_column: {column: x, type: int, up: y}\n  - add_not_null: {column: x, fill: "0"}\n', ['both write column x']],
    ['batch with nothing to batch', 'table: t\nchanges:\n  - drop_table: {table: t}\nbatch: {target: 10ms}\n', ['batch:', 'Remove batch']],
    ['a check fix without its column', 'table: t\nchanges:\n  - add_check: {name: c, check: "a > 0", fix: "1"}\n', ['changes.0.add_check.fix', 'column and fix together']],
    ['no changes', 'table: t\nchanges: []\n', ['changes', 'at least one change']]
  ];
  it.each(cases)('%s', async (_what, text, expected) => {
    const error = await compile(text).then(
      () => undefined,
      (e: unknown) => e as Error
    );
    expect(error?.name).toBe('BadInputError');
    expect(error?.message).toContain(FILE);
    for (const piece of expected) expect(error?.message).toContain(piece);
  });
});

describe('change.yml in a migration folder', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let db: Database | undefined;
  beforeEach(async () => ({ dir, remove } = await tempDir()));
  afterEach(async () => {
    await db?.close();
    db = undefined;
    await remove();
  });

  it('is refused beside written parts, naming both and the fix', async () => {
    const root = await writeMigrations(path.join(dir, 'm'), { '0001_both': { 'change.yml': 'table: t\nchanges:\n  - drop_table: {table: t}\n', 'expand.sql': 'SELECT 1;\n' } });
    for (const load of [() => loadMigrations(root), () => lintPath(path.join(root, '0001_both'))]) {
      await expect(load()).rejects.toThrow(/0001_both: has both change\.yml and expand\.sql\. change\.yml generates expand, migrate and contract itself: keep either/);
    }
  });

  it('generates parts the linter passes with no allow comments, that run on PGlite with change.yml as their file and checksum', async () => {
    const root = await writeMigrations(path.join(dir, 'm'), { '0001_tables': { 'expand.sql': TABLES }, '0002_every_op': { 'change.yml': EVERY_OP } });
    const lint = await lintPath(path.join(root, '0002_every_op'));
    expect(lint.findings).toEqual([]);
    expect(lint.files).toEqual([path.join(root, '0002_every_op', 'change.yml')]);
    const migrations = await loadMigrations(root);
    for (const phase of ['expand', 'migrate', 'contract'] as const) await expect(preparePhase(migrations, phase, DEFAULT_BATCH)).resolves.toBeDefined();

    db = await openPglite(undefined);
    await runPhase(db, migrations, 'expand', testPhaseOptions());
    await db.query(`INSERT INTO customers VALUES (1)`);
    await db.query(`INSERT INTO accounts (abalance, filler, price, name, email, price_cents, customer_id) SELECT g, 'f' || g, g / 4.0, 'a' || g || ' b', NULL, -g, 1 FROM generate_series(1, 300) g`);
    const migrate = await runPhase(db, migrations, 'migrate', testPhaseOptions());
    expect(migrate.completed).toBe(true);
    const wrong = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM accounts WHERE abalance_cents IS DISTINCT FROM abalance * 100 OR note IS DISTINCT FROM filler
          OR price_in_cents IS DISTINCT FROM round(price * 100) OR given || ' ' || family IS DISTINCT FROM name
          OR full_name IS DISTINCT FROM first_name || ' ' || last_name OR email IS DISTINCT FROM 'user' || id || '@example.invalid' OR price_cents <> 1`
    );
    expect(wrong.rows[0]?.n).toBe(0);
    await runPhase(db, migrations, 'contract', testPhaseOptions());

    const columns = await db.query<{ column_name: string; is_nullable: string }>(`SELECT column_name, is_nullable FROM information_schema.columns WHERE table_name = 'accounts' ORDER BY ordinal_position`);
    expect(columns.rows.map(c => c.column_name)).toEqual(['id', 'abalance', 'email', 'price_cents', 'customer_id', 'abalance_cents', 'note', 'price_in_cents', 'given', 'family', 'full_name']);
    expect(columns.rows.find(c => c.column_name === 'email')?.is_nullable).toBe('NO');
    const constraints = await db.query<{ conname: string; convalidated: boolean }>(`SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'accounts'::regclass AND contype IN ('c', 'f', 'u') ORDER BY conname`);
    expect(constraints.rows).toEqual([
      { conname: 'accounts_customer_fk', convalidated: true },
      { conname: 'accounts_email_key', convalidated: true },
      { conname: 'price_positive', convalidated: true }
    ]);
    const leftovers = await db.query(`SELECT tgname FROM pg_trigger WHERE tgname LIKE 'cutover%' UNION ALL SELECT proname FROM pg_proc WHERE proname LIKE 'cutover%'`);
    expect(leftovers.rows).toEqual([]);
    expect((await db.query(`SELECT to_regclass('old_audit') AS t`)).rows[0]).toEqual({ t: null });
    const checksum = sha256(await readFile(path.join(root, '0002_every_op', 'change.yml'), 'utf8'));
    const recorded = (await readHistory(db)).filter(r => r.id === '0002');
    expect(recorded.map(r => [r.phase, r.checksum, r.status])).toEqual([
      ['expand', checksum, 'done'],
      ['migrate', checksum, 'done'],
      ['contract', checksum, 'done']
    ]);
  });

  it('db plan shows the generated SQL in full, each statement with its locks, and the generated backfill', async () => {
    const root = await writeMigrations(path.join(dir, 'm'), { '0002_every_op': { 'change.yml': EVERY_OP } });
    const plan = await describePlan(await loadMigrations(root), undefined, DEFAULT_BATCH);
    const file = path.join(root, '0002_every_op', 'change.yml');
    expect(plan).toContain(`  0002_every_op (${file}, generated expand.sql)`);
    expect(plan).toContain('    line 3: CREATE FUNCTION "cutover_0002_accounts_1"() RETURNS trigger LANGUAGE plpgsql AS $cutover$\n      DECLARE\n        written boolean;');
    expect(plan).toContain(
      'FOR EACH ROW WHEN ((old.filler IS DISTINCT FROM new.filler OR old.note IS DISTINCT FROM new.note) AND NOT (new.note IS NOT DISTINCT FROM CAST(new.filler AS char(84)))) EXECUTE FUNCTION "cutover_0002_accounts_2"()\n      SHARE ROW EXCLUSIVE on accounts: blocks writes'
    );
    expect(plan).toMatch(/CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts \(email\)\n {6}SHARE UPDATE EXCLUSIVE on accounts: blocks other DDL only; scans or rewrites the whole table while holding it\n {6}runs outside a transaction/);
    expect(plan).toContain(`  0002_every_op (${file}, generated migrate.yml)`);
    expect(plan).toContain('    backfill accounts:\n      SET abalance_cents = CAST(abalance * 100 AS bigint)\n      SET note = CAST(filler AS char(84))\n');
    expect(plan).toContain('      SET price_cents = CASE WHEN COALESCE(price_cents > 0, true) THEN price_cents ELSE GREATEST(price_cents, 1) END\n');
    expect(plan).toContain('      WHERE NOT (abalance_cents IS NOT DISTINCT FROM CAST(abalance * 100 AS bigint)) OR NOT (note IS NOT DISTINCT FROM');
    expect(plan).toContain(' OR email IS NULL OR NOT (COALESCE(price_cents > 0, true))\n');
    expect(plan).toContain('    then every row must satisfy: abalance_cents IS NOT DISTINCT FROM CAST(abalance * 100 AS bigint) AND note IS NOT DISTINCT FROM');
    // SET NOT NULL after the CHECK that expand added and contract validated: no scan under the lock.
    expect(plan).toMatch(/ALTER TABLE accounts ALTER COLUMN email SET NOT NULL\n {6}ACCESS EXCLUSIVE on accounts: blocks reads and writes\n/);
  });
});
