import path from 'node:path';
import { BadInputError } from '../../src/shared/errors.js';
import { readHistory } from '../../src/adapters/database/history.js';
import { lintPath } from '../../src/adapters/database/lint-files.js';
import type { Finding } from '../../src/adapters/database/lint/lint.js';
import { loadMigrations } from '../../src/adapters/database/migrations.js';
import { openPglite } from '../../src/adapters/database/pglite.js';
import { runPhase } from '../../src/adapters/database/phases.js';
import { parseSql } from '../../src/adapters/database/sql/statements.js';
import { cli } from '../support/cli.js';
import { testPhaseOptions, writeMigrations } from '../support/migrations.js';
import { tempDir } from '../support/servers.js';

/*
 * A backfill that reads columns the old version still writes goes stale as
 * soon as the old version updates a row after its batch. The linter refuses
 * it unless an earlier part installs what keeps the column in step.
 */

const ACCOUNTS = 'CREATE TABLE pgbench_accounts (aid int PRIMARY KEY, bid int, abalance int, filler text);\n';
const ADD_CENTS = 'ALTER TABLE pgbench_accounts ADD COLUMN abalance_cents bigint;\n';
const CENTS_SQL = 'UPDATE pgbench_accounts SET abalance_cents = abalance * 100;\n';
const CENTS_YML = 'table: pgbench_accounts\nset:\n  abalance_cents: abalance * 100\n';
const SYNC = `CREATE FUNCTION pgbench_cents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.abalance_cents := NEW.abalance * 100;
  RETURN NEW;
END $$;
`;
const trigger = (how: string) => `CREATE TRIGGER pgbench_cents ${how} ON pgbench_accounts FOR EACH ROW EXECUTE FUNCTION pgbench_cents();\n`;
const SAFE_EXPAND = ADD_CENTS + SYNC + trigger('BEFORE INSERT OR UPDATE');

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => ({ dir, remove } = await tempDir()));
afterEach(() => remove());

/** The findings of one migration folder (0001 creates the table), as `db lint` judges it. */
async function lint(files: Record<string, string>, folder = '0002_cents'): Promise<Finding[]> {
  await writeMigrations(dir, { [folder]: files });
  return (await lintPath(path.join(dir, folder))).findings;
}
const rules = (findings: Finding[]) => findings.map(f => f.rule);

describe('backfill-without-trigger', () => {
  it.each([
    ['migrate.sql', CENTS_SQL],
    ['migrate.yml', CENTS_YML]
  ])('refuses the pgbench backfill in %s when expand only adds the column, naming the column, its source and the fix', async (name, text) => {
    const [finding, ...others] = await lint({ 'expand.sql': ADD_CENTS, [name]: text });
    expect(others).toEqual([]);
    expect(finding?.rule).toBe('backfill-without-trigger');
    expect(finding?.file).toBe(path.join(dir, '0002_cents', name));
    expect(finding?.message).toBe(
      'backfills abalance_cents of pgbench_accounts from abalance, which the running version still writes, and no earlier part keeps abalance_cents in step on INSERT or UPDATE'
    );
    expect(finding?.why).toContain('thousands of rows wrong within seconds');
    expect(finding?.fix).toContain('NEW.abalance_cents := new.abalance * 100; RETURN NEW;');
    expect(finding?.fix).toContain('CREATE TRIGGER pgbench_accounts_abalance_cents_sync BEFORE INSERT OR UPDATE ON pgbench_accounts');
    expect(finding?.fix).toContain('DROP TRIGGER pgbench_accounts_abalance_cents_sync ON pgbench_accounts; DROP FUNCTION pgbench_accounts_abalance_cents_sync();');
    expect(finding?.fix).toContain('change.yml');
  });

  it("the fix's trigger, pasted into expand.sql, satisfies the rule and keeps the column right when the old version writes", async () => {
    const [finding] = await lint({ 'expand.sql': ADD_CENTS, 'migrate.sql': CENTS_SQL });
    const lines = (finding?.fix ?? '').split('\n');
    const sql = lines.slice(1, 5).join('\n') + '\n';
    expect(await lint({ 'expand.sql': ADD_CENTS + sql, 'migrate.sql': CENTS_SQL })).toEqual([]);

    const db = await openPglite(path.join(dir, 'db'));
    try {
      for (const statement of await parseSql(ACCOUNTS + ADD_CENTS + sql, 'expand.sql')) await db.query(statement.text);
      await db.query('INSERT INTO pgbench_accounts (aid, abalance) VALUES (1, 7)');
      await db.query('UPDATE pgbench_accounts SET abalance = abalance + 5 WHERE aid = 1');
      expect((await db.query<{ cents: string }>('SELECT abalance_cents::text AS cents FROM pgbench_accounts')).rows).toEqual([{ cents: '1200' }]);
    } finally {
      await db.close();
    }
  });

  it.each([
    ['one BEFORE INSERT OR UPDATE trigger', SAFE_EXPAND],
    ['a trigger with a WHEN clause on a schema-qualified function', ADD_CENTS + SYNC.replace('pgbench_cents()', 'public.pgbench_cents()') + trigger('BEFORE INSERT OR UPDATE').replace('FOR EACH ROW', 'FOR EACH ROW WHEN (NEW.abalance IS NOT NULL)')],
    ['two triggers sharing the function, one UPDATE OF the source', ADD_CENTS + SYNC + trigger('BEFORE INSERT') + trigger('BEFORE UPDATE OF abalance').replace('pgbench_cents BEFORE', 'pgbench_cents_u BEFORE')],
    ['a function replaced with one that assigns NEW."abalance_cents" with =', ADD_CENTS + SYNC.replace('NEW.abalance_cents :=', 'NEW.filler :=') + SYNC.replace('CREATE', 'CREATE OR REPLACE').replace('NEW.abalance_cents :=', 'new."abalance_cents" =') + trigger('BEFORE UPDATE OR INSERT')],
    ['a trigger on a function the migration did not create', ADD_CENTS + trigger('BEFORE INSERT OR UPDATE')],
    [
      'a rule for INSERT and one for UPDATE that write the column',
      ADD_CENTS +
        'CREATE RULE cents_i AS ON INSERT TO pgbench_accounts DO ALSO UPDATE pgbench_accounts SET abalance_cents = NEW.abalance * 100 WHERE aid = NEW.aid;\n' +
        'CREATE RULE cents_u AS ON UPDATE TO pgbench_accounts DO ALSO UPDATE pgbench_accounts SET abalance_cents = NEW.abalance * 100 WHERE aid = NEW.aid;\n'
    ]
  ])('accepts the backfill when expand keeps the column in step: %s', async (_what, expand) => {
    expect(await lint({ 'expand.sql': expand, 'migrate.sql': CENTS_SQL })).toEqual([]);
    expect(await lint({ 'expand.sql': expand, 'migrate.yml': CENTS_YML }, '0003_cents')).toEqual([]);
  });

  it.each([
    ['a column from itself', 'table: pgbench_accounts\nset:\n  abalance: abalance + 1\n'],
    ['a constant', 'table: pgbench_accounts\nset:\n  filler: "\'x\'"\n  bid: "NULL"\nwhere: filler IS NULL\n'],
    ['columns this migration added', 'table: pgbench_accounts\nset:\n  abalance_cents: (bonus * 100)::bigint\n'],
    ['a table this migration created', 'table: audit\nset:\n  total: amount * 2\n']
  ])('accepts a backfill from %s: the old version writes none of it', async (_what, migrate) => {
    const expand = ADD_CENTS + 'ALTER TABLE pgbench_accounts ADD COLUMN bonus numeric;\nCREATE TABLE audit (id int PRIMARY KEY, amount int, total int);\n';
    expect(await lint({ 'expand.sql': expand, 'migrate.yml': migrate })).toEqual([]);
  });

  it.each([
    ['AFTER', SAFE_EXPAND.replace('BEFORE', 'AFTER'), 'INSERT or UPDATE', 'trigger pgbench_cents fires AFTER the row is written, too late to set it'],
    ['FOR EACH STATEMENT', SAFE_EXPAND.replace('FOR EACH ROW', 'FOR EACH STATEMENT'), 'INSERT or UPDATE', 'trigger pgbench_cents fires FOR EACH STATEMENT, so it sees no row'],
    ['INSERT only', ADD_CENTS + SYNC + trigger('BEFORE INSERT'), 'UPDATE', ''],
    ['UPDATE OF another column', ADD_CENTS + SYNC + trigger('BEFORE INSERT OR UPDATE OF bid'), 'UPDATE', 'trigger pgbench_cents fires on UPDATE OF bid, not when abalance change'],
    [
      'a function that assigns another column, and this one only in a comment',
      ADD_CENTS + SYNC.replace('NEW.abalance_cents :=', '-- NEW.abalance_cents := NEW.abalance * 100;\n  NEW.filler :=') + trigger('BEFORE INSERT OR UPDATE'),
      'INSERT or UPDATE',
      'trigger pgbench_cents runs pgbench_cents(), which never assigns NEW.abalance_cents'
    ],
    ['a trigger on another table', SAFE_EXPAND.replace('ON pgbench_accounts', 'ON pgbench_history'), 'INSERT or UPDATE', ''],
    ['a rule for UPDATE only', ADD_CENTS + 'CREATE RULE cents AS ON UPDATE TO pgbench_accounts DO ALSO UPDATE pgbench_accounts SET abalance_cents = NEW.abalance * 100 WHERE aid = NEW.aid;\n', 'INSERT', '']
  ])('refuses the backfill when expand has a trigger that does not keep the column: %s', async (_what, expand, events, reason) => {
    const findings = await lint({ 'expand.sql': expand, 'migrate.sql': CENTS_SQL });
    expect(rules(findings)).toEqual(['backfill-without-trigger']);
    expect(findings[0]?.message).toContain(`keeps abalance_cents in step on ${events}`);
    expect(findings[0]?.message).toContain(reason);
  });

  it('counts the columns a subquery reads, and names each unsafe column of a backfill that sets several', async () => {
    const expand = ADD_CENTS + 'ALTER TABLE pgbench_accounts ADD COLUMN branch_balance int, ADD COLUMN tag text;\n';
    const migrate = 'table: pgbench_accounts\nset:\n  branch_balance: (SELECT sum(b.bbalance) FROM pgbench_branches b WHERE b.bid = pgbench_accounts.bid)\n  tag: "\'v2\'"\n  abalance_cents: abalance * 100\n';
    const findings = await lint({ 'expand.sql': expand, 'migrate.yml': migrate });
    expect(findings.map(f => f.message.split(', which')[0])).toEqual([
      'backfills branch_balance of pgbench_accounts from bbalance, bid',
      'backfills abalance_cents of pgbench_accounts from abalance'
    ]);
  });

  it("migrate.yml's allow: lets the backfill run and records the reason in the history", async () => {
    const reason = 'the old version never writes abalance; only the nightly job does, and it is paused';
    const allow = `${CENTS_YML}allow:\n  backfill-without-trigger: >-\n    ${reason}\n`;
    const migrations = await writeMigrations(path.join(dir, 'migrations'), { '0001_accounts': { 'expand.sql': ACCOUNTS }, '0002_cents': { 'expand.sql': ADD_CENTS, 'migrate.yml': allow } });
    const [finding] = (await lintPath(path.join(migrations, '0002_cents'))).findings;
    expect(finding).toMatchObject({ rule: 'backfill-without-trigger', allowed: reason });

    const db = await openPglite(path.join(dir, 'db'));
    try {
      const loaded = await loadMigrations(migrations);
      await runPhase(db, loaded, 'expand', testPhaseOptions());
      await db.query('INSERT INTO pgbench_accounts (aid, abalance) SELECT g, g FROM generate_series(1, 50) g');
      const report = await runPhase(db, loaded, 'migrate', testPhaseOptions());
      expect(report.allowed.map(f => [f.rule, f.allowed])).toEqual([['backfill-without-trigger', reason]]);
      const row = (await readHistory(db)).find(r => r.id === '0002' && r.phase === 'migrate');
      expect(row?.allowed).toEqual([{ rule: 'backfill-without-trigger', line: 1, reason }]);
      expect((await db.query<{ n: number }>('SELECT count(*) AS n FROM pgbench_accounts WHERE abalance_cents = abalance * 100')).rows[0]?.n).toBe(50);
    } finally {
      await db.close();
    }
  });

  it("migrate.yml's allow: refuses an unknown rule, naming the closest one, and an empty reason", async () => {
    const misspelt = await lint({ 'migrate.yml': `${CENTS_YML}allow:\n  backfill-without-triggers: fine\n` }).catch((e: unknown) => e);
    expect(misspelt).toBeInstanceOf(BadInputError);
    expect((misspelt as Error).message).toContain('migrate.yml: allow: there is no rule "backfill-without-triggers" (did you mean backfill-without-trigger?)');
    const empty = await lint({ 'migrate.yml': `${CENTS_YML}allow:\n  backfill-without-trigger: "  "\n` }).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(BadInputError);
    expect((empty as Error).message).toMatch(/migrate\.yml: .*allow.*backfill-without-trigger.*reason/);
  });

  it('cutover db lint exits 1 on the unsafe backfill, printing the rule, the fix with the real names and how migrate.yml allows it', async () => {
    await writeMigrations(dir, { '0002_cents': { 'expand.sql': ADD_CENTS, 'migrate.yml': CENTS_YML } });
    const folder = path.join(dir, '0002_cents');
    const run = await cli(['db', 'lint', folder]);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`${path.join(folder, 'migrate.yml')}:1 backfill-without-trigger: backfills abalance_cents of pgbench_accounts from abalance`);
    expect(run.out).toContain('  fix: add to expand.sql a trigger that sets abalance_cents from the same expression on every write of the old version:');
    expect(run.out).toContain('    BEGIN NEW.abalance_cents := new.abalance * 100; RETURN NEW; END $$;');
    expect(run.out).toContain('  allow: add "allow: { backfill-without-trigger: <reason> }" to migrate.yml');
    expect(run.out).toContain('2 file(s): 1 refused, 0 allowed');

    await writeMigrations(dir, { '0002_cents': { 'expand.sql': SAFE_EXPAND } });
    expect(await cli(['db', 'lint', folder])).toMatchObject({ code: 0 });
  });
});
