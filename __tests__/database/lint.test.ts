import { BadInputError } from '../../src/shared/errors.js';
import { failing, formatFinding, lintStatements, type Finding, type MigrationPhase } from '../../src/adapters/database/lint/lint.js';
import { ruleIds, rules } from '../../src/adapters/database/lint/rules.js';
import { parseSql } from '../../src/adapters/database/sql/statements.js';

const FILE = 'db/migrations/0007_plans/expand.sql';

async function lint(sql: string, phase: MigrationPhase = 'expand'): Promise<Finding[]> {
  return lintStatements(await parseSql(sql, FILE), phase, FILE);
}

/** `rule@line` of each finding, in order: exact, so a wrong rule or line fails. */
async function found(sql: string, phase: MigrationPhase = 'expand'): Promise<string[]> {
  return (await lint(sql, phase)).map(f => `${f.rule}@${f.line}`);
}

// [sql, phase, rule ids] — every unsafe statement must be refused by exactly these rules.
const UNSAFE: [string, MigrationPhase, string[]][] = [
  ['ALTER TABLE users DROP COLUMN email', 'expand', ['drop-column']],
  ['ALTER TABLE users DROP COLUMN email', 'migrate', ['drop-column']],
  ['DROP TABLE sessions', 'expand', ['drop-table']],
  ['DROP TABLE IF EXISTS app.sessions, app.tokens CASCADE', 'expand', ['drop-table', 'drop-table']],
  ['DROP VIEW active_users', 'expand', ['drop-table']],
  ['ALTER TABLE users RENAME COLUMN email TO email_address', 'expand', ['rename-column']],
  ['ALTER TABLE users RENAME TO members', 'expand', ['rename-table']],
  ['ALTER VIEW active_users RENAME TO current_users', 'expand', ['rename-table']],
  ['ALTER SCHEMA app RENAME TO core', 'expand', ['rename-table']],
  ['ALTER TABLE users SET SCHEMA archive', 'expand', ['rename-table']],
  ["ALTER TABLE users ALTER COLUMN plan DROP DEFAULT", 'expand', ['drop-default']],
  ['ALTER TABLE users ALTER COLUMN age TYPE bigint', 'expand', ['change-column-type']],
  ['ALTER TABLE users ALTER COLUMN name SET DATA TYPE varchar(200)', 'contract', ['change-column-type']],
  ['ALTER TABLE users ADD COLUMN plan text NOT NULL', 'expand', ['add-column-not-null-without-default']],
  ['ALTER TABLE users ADD COLUMN account_id bigint PRIMARY KEY', 'expand', ['add-column-not-null-without-default', 'unique-without-index']],
  ['ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid()', 'expand', ['volatile-default']],
  ['ALTER TABLE users ADD COLUMN seen timestamptz DEFAULT clock_timestamp()', 'contract', ['volatile-default']],
  ['ALTER TABLE users ADD COLUMN lucky int NOT NULL DEFAULT (random() * 10)::int', 'expand', ['volatile-default']],
  ["ALTER TABLE users ADD COLUMN ticket bigint DEFAULT nextval('tickets')", 'expand', ['volatile-default']],
  ['ALTER TABLE users ADD COLUMN serial_no bigserial', 'expand', ['volatile-default']],
  ['ALTER TABLE users ADD COLUMN seq int GENERATED ALWAYS AS IDENTITY', 'expand', ['volatile-default']],
  ['ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty) STORED', 'expand', ['volatile-default']],
  ['ALTER TABLE users ALTER COLUMN email SET NOT NULL', 'expand', ['set-not-null']],
  ['ALTER TABLE users ALTER COLUMN email SET NOT NULL', 'contract', ['set-not-null']],
  ['ALTER TABLE users ADD CONSTRAINT users_email_nn NOT NULL email', 'expand', ['set-not-null']],
  ['ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)', 'expand', ['foreign-key-not-valid']],
  ['ALTER TABLE orders ADD COLUMN coupon_id int REFERENCES coupons (id)', 'expand', ['foreign-key-not-valid']],
  ['ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0)', 'contract', ['check-not-valid']],
  ['ALTER TABLE orders ADD COLUMN qty int CHECK (qty > 0)', 'expand', ['check-not-valid']],
  ['ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)', 'expand', ['unique-without-index']],
  ['ALTER TABLE users ADD PRIMARY KEY (id)', 'contract', ['unique-without-index']],
  ['ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&)', 'expand', ['unique-without-index']],
  ['ALTER TABLE users ADD COLUMN handle text UNIQUE', 'expand', ['unique-without-index']],
  ['CREATE INDEX users_email_idx ON users (email)', 'expand', ['create-index-not-concurrently']],
  ['CREATE INDEX users_email_idx ON users (email)', 'contract', ['create-index-not-concurrently']],
  ['CREATE UNIQUE INDEX users_handle_key ON app.users (lower(handle))', 'expand', ['create-index-not-concurrently']],
  ['DROP INDEX users_email_idx', 'contract', ['drop-index-not-concurrently']],
  ['REINDEX INDEX users_email_idx', 'expand', ['reindex-not-concurrently']],
  ['REINDEX TABLE users', 'contract', ['reindex-not-concurrently']],
  ['REFRESH MATERIALIZED VIEW daily_totals', 'expand', ['refresh-matview-not-concurrently']],
  ['VACUUM FULL users', 'contract', ['vacuum-full']],
  ['CLUSTER users USING users_pkey', 'expand', ['cluster']],
  ['ALTER TABLE users SET TABLESPACE fast_disks', 'expand', ['set-tablespace']],
  ['ALTER INDEX users_email_idx SET TABLESPACE fast_disks', 'contract', ['set-tablespace']],
  ['ALTER TABLE events SET UNLOGGED', 'expand', ['rewrite-table']],
  ['TRUNCATE audit_log', 'expand', ['truncate']],
  ['TRUNCATE audit_log', 'contract', ['truncate']],
  ['DELETE FROM sessions', 'expand', ['delete-without-where']],
  ['WITH gone AS (DELETE FROM sessions RETURNING id) SELECT count(*) FROM gone', 'contract', ['delete-without-where']],
  ["UPDATE users SET plan = 'free'", 'expand', ['update-without-where']],
  ["UPDATE users SET plan = 'free'", 'contract', ['update-without-where']],
  ['LOCK TABLE users IN ACCESS EXCLUSIVE MODE', 'expand', ['lock-table']],
  ['BEGIN', 'expand', ['explicit-transaction']],
  ['COMMIT', 'contract', ['explicit-transaction']],
  ['SAVEPOINT before_drop', 'expand', ['explicit-transaction']],
  ["SET lock_timeout = '2s'", 'expand', ['session-setting']],
  ["DO $$ BEGIN EXECUTE 'DROP TABLE users'; END $$", 'contract', ['do-block']],
  ['SELECT pg_terminate_backend(pid) FROM pg_stat_activity', 'expand', ['side-effect-function']],
  ['DROP TYPE mood', 'expand', ['drop-object']],
  ["ALTER TYPE mood RENAME VALUE 'meh' TO 'okay'", 'expand', ['rename-object']],
  ['ALTER TABLE users DROP COLUMN legacy, ALTER COLUMN age TYPE bigint, ADD COLUMN token uuid DEFAULT gen_random_uuid()', 'expand', ['drop-column', 'change-column-type', 'volatile-default']]
];

const SAFE: [string, MigrationPhase][] = [
  ['CREATE TABLE invoices (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), total numeric NOT NULL CHECK (total >= 0))', 'expand'],
  ['ALTER TABLE users ADD COLUMN nickname text', 'expand'],
  ["ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free'", 'expand'],
  ['ALTER TABLE users ADD COLUMN created_at timestamptz DEFAULT now()', 'expand'],
  ['ALTER TABLE users ADD COLUMN updated_at timestamptz NOT NULL DEFAULT current_timestamp', 'expand'],
  ['ALTER TABLE users ADD COLUMN doubled int GENERATED ALWAYS AS (score * 2)', 'expand'],
  ['ALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid()', 'expand'],
  ["ALTER TABLE users ALTER COLUMN plan SET DEFAULT 'pro'", 'expand'],
  ['ALTER TABLE users ALTER COLUMN nickname DROP NOT NULL', 'expand'],
  ['CREATE INDEX CONCURRENTLY users_email_idx ON users (email)', 'expand'],
  ['CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_handle_key ON users (handle)', 'contract'],
  ['DROP INDEX CONCURRENTLY IF EXISTS users_old_idx', 'contract'],
  ['REINDEX INDEX CONCURRENTLY users_email_idx', 'expand'],
  ['ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID', 'expand'],
  ['ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk', 'expand'],
  ['ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0) NOT VALID', 'expand'],
  ['ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx', 'expand'],
  ['ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_id_idx', 'contract'],
  ['ALTER TABLE users ADD CONSTRAINT users_email_nn NOT NULL email NOT VALID', 'expand'],
  ['DELETE FROM sessions WHERE expires_at < now()', 'expand'],
  ["UPDATE users SET plan = 'free' WHERE plan IS NULL AND id < 1000", 'expand'],
  ["UPDATE users SET plan = 'free'", 'migrate'],
  ["INSERT INTO plans (name) VALUES ('pro') ON CONFLICT DO NOTHING", 'expand'],
  ['CREATE VIEW active_users AS SELECT * FROM users WHERE active', 'expand'],
  ["CREATE TYPE mood AS ENUM ('ok', 'meh')", 'expand'],
  ["ALTER TYPE mood ADD VALUE 'great'", 'expand'],
  ['CREATE SEQUENCE tickets', 'expand'],
  ['CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$', 'expand'],
  ['CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()', 'expand'],
  ["COMMENT ON COLUMN users.email IS 'login address'", 'expand'],
  ['ALTER TABLE users SET (fillfactor = 90)', 'expand'],
  ['ALTER TABLE users ALTER COLUMN email SET STATISTICS 500', 'expand'],
  ['ANALYZE users', 'expand'],
  ['VACUUM (ANALYZE) users', 'contract'],
  ['REFRESH MATERIALIZED VIEW CONCURRENTLY daily_totals', 'expand'],
  ['GRANT SELECT ON users TO reporting', 'expand'],
  ['CREATE EXTENSION IF NOT EXISTS pgcrypto', 'expand'],
  ["SET LOCAL lock_timeout = '2s'", 'expand'],
  ['SET LOCAL search_path = app, public', 'contract'],
  ["SELECT set_config('statement_timeout', '5min', true)", 'expand'],
  ["SET work_mem = '256MB'", 'expand'],
  ['SELECT count(*) FROM users WHERE created_at > now()', 'expand'],
  ['DROP TYPE mood', 'contract'],
  ['DROP FUNCTION touch()', 'contract'],
  ["ALTER TYPE mood RENAME VALUE 'meh' TO 'okay'", 'contract'],
  ['REVOKE SELECT ON users FROM reporting', 'contract'],
  ['ALTER TABLE users DROP COLUMN legacy', 'contract'],
  ['DROP TABLE sessions', 'contract'],
  ['ALTER TABLE users RENAME COLUMN email TO login', 'contract'],
  ['ALTER TABLE users RENAME TO members', 'contract'],
  ['ALTER TABLE users ALTER COLUMN plan DROP DEFAULT', 'contract']
];

describe('lint: the rules', () => {
  it('has unique kebab-case ids, phases, and why and fix texts', () => {
    expect(new Set(ruleIds).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.phases.length).toBeGreaterThan(0);
      expect(rule.why.length).toBeGreaterThan(30);
      expect(rule.fix.length).toBeGreaterThan(20);
    }
    expect(ruleIds).toEqual(
      expect.arrayContaining([
        'drop-column', 'drop-table', 'rename-column', 'rename-table', 'change-column-type', 'set-not-null', 'add-column-not-null-without-default',
        'volatile-default', 'create-index-not-concurrently', 'drop-index-not-concurrently', 'reindex-not-concurrently', 'foreign-key-not-valid',
        'check-not-valid', 'unique-without-index', 'truncate', 'delete-without-where', 'update-without-where', 'drop-default', 'vacuum-full',
        'cluster', 'set-tablespace', 'lock-table', 'explicit-transaction', 'drop-object', 'rename-object', 'revoke-access', 'do-block',
        'call-procedure', 'execute-prepared', 'call-new-function', 'side-effect-function', 'load-library', 'copy-server-file', 'set-role',
        'session-setting', 'alter-system'
      ])
    );
  });

  it('has more than 30 unsafe and 30 safe cases', () => {
    expect(UNSAFE.length).toBeGreaterThan(30);
    expect(SAFE.length).toBeGreaterThan(30);
  });

  it.each(UNSAFE)('refuses %s in %s: %j', async (sql, phase, expected) => {
    const findings = await lint(`${sql};`, phase);
    expect(findings.map(f => f.rule)).toEqual(expected);
    expect(findings.every(f => f.line === 1 && f.file === FILE && f.statement === sql)).toBe(true);
    expect(failing(findings)).toEqual(findings);
  });

  it.each(SAFE)('accepts %s in %s', async (sql, phase) => {
    expect(await found(`${sql};`, phase)).toEqual([]);
  });
});

describe('lint: messages', () => {
  it('names the table, column and index concerned', async () => {
    const messages = (
      await lint(
        [
          'ALTER TABLE app.users DROP COLUMN email;',
          'ALTER TABLE users ALTER COLUMN age TYPE varchar(20);',
          "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();",
          'CREATE UNIQUE INDEX users_handle_key ON users (handle);',
          'DROP INDEX app.users_email_idx;',
          'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
          'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
          'LOCK TABLE users IN SHARE MODE;',
          'ROLLBACK;'
        ].join('\n'),
        'expand'
      )
    ).map(f => f.message);
    expect(messages).toEqual([
      'drops column app.users.email',
      'changes the type of users.age to varchar(20)',
      'adds column users.token with a DEFAULT calling gen_random_uuid(), a volatile function: evaluated and written for every existing row',
      'creates unique index users_handle_key on users without CONCURRENTLY',
      'drops index app.users_email_idx',
      'drops index app.users_email_idx without CONCURRENTLY',
      'adds foreign key orders_user_fk on orders (user_id) referencing users without NOT VALID',
      'sets users.email NOT NULL without a validated CHECK (email IS NOT NULL) earlier in this file',
      'locks users in SHARE mode',
      'ROLLBACK in a migration file'
    ]);
  });

  it('formats a finding with the rule, line, statement, why and fix', async () => {
    const [finding] = await lint('SELECT 1;\n\nALTER TABLE users\n    DROP COLUMN email;');
    expect(formatFinding(finding as Finding)).toBe(
      [
        `${FILE}:3 drop-column: drops column users.email`,
        '  ALTER TABLE users DROP COLUMN email',
        '  why: The running version still reads and writes this column: its queries fail from the moment the column is gone.',
        '  fix: Ship a version that no longer uses the column, then drop it in contract.sql, which runs after promotion.',
        '  allow: -- cutover:allow drop-column: <reason>, on the line above the statement'
      ].join('\n')
    );
  });

  it('shortens a long statement to one line', async () => {
    const columns = Array.from({ length: 40 }, (_, i) => `DROP COLUMN c${i}`).join(',\n  ');
    const [finding] = await lint(`ALTER TABLE users\n  ${columns};`);
    const statementLine = formatFinding(finding as Finding).split('\n')[1] as string;
    expect(statementLine).toMatch(/^ {2}ALTER TABLE users DROP COLUMN c0, DROP COLUMN c1, .*…$/);
    expect(statementLine.length).toBe(122);
  });
});

describe('lint: allow comments', () => {
  it('marks the finding allowed with the reason; it no longer fails but is still reported', async () => {
    const findings = await lint(['-- cutover:allow drop-column: legacy has not been read since v12', 'ALTER TABLE users DROP COLUMN legacy;', 'ALTER TABLE users DROP COLUMN other;'].join('\n'));
    expect(findings.map(f => [f.rule, f.line, f.allowed])).toEqual([
      ['drop-column', 2, 'legacy has not been read since v12'],
      ['drop-column', 3, undefined]
    ]);
    expect(failing(findings).map(f => f.line)).toEqual([3]);
    expect(formatFinding(findings[0] as Finding)).toBe(
      [`${FILE}:2 drop-column: drops column users.legacy`, '  ALTER TABLE users DROP COLUMN legacy', '  allowed: legacy has not been read since v12'].join('\n')
    );
  });

  it('allows only the rule it names', async () => {
    const findings = await lint(['ALTER TABLE users DROP COLUMN a, ALTER COLUMN b TYPE text; -- cutover:allow change-column-type: varchar to text does not rewrite'].join('\n'));
    expect(findings.map(f => [f.rule, f.allowed])).toEqual([
      ['drop-column', undefined],
      ['change-column-type', 'varchar to text does not rewrite']
    ]);
    expect(failing(findings).map(f => f.rule)).toEqual(['drop-column']);
  });
});

describe('lint: earlier statements of the same file', () => {
  const SAFE_SET_NOT_NULL = [
    'ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;',
    'ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;',
    'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
    'ALTER TABLE users DROP CONSTRAINT users_email_not_null;'
  ];

  it.each(['expand', 'contract'] as const)('accepts SET NOT NULL after a validated CHECK (col IS NOT NULL) in %s', async phase => {
    expect(await found(SAFE_SET_NOT_NULL.join('\n'), phase)).toEqual([]);
  });

  it('accepts an unnamed CHECK validated by the name PostgreSQL gives it, and AND-ed checks', async () => {
    const sql = [
      'ALTER TABLE users ADD CHECK (email IS NOT NULL) NOT VALID;',
      'ALTER TABLE users VALIDATE CONSTRAINT users_email_check;',
      'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      'ALTER TABLE app.users ADD CONSTRAINT both_nn CHECK (a IS NOT NULL AND b IS NOT NULL) NOT VALID;',
      'ALTER TABLE app.users VALIDATE CONSTRAINT both_nn;',
      'ALTER TABLE app.users ALTER COLUMN a SET NOT NULL, ALTER COLUMN b SET NOT NULL;'
    ].join('\n');
    expect(await found(sql)).toEqual([]);
  });

  it.each([
    ['without VALIDATE', [SAFE_SET_NOT_NULL[0], SAFE_SET_NOT_NULL[2]], ['set-not-null@2']],
    ['with VALIDATE in the same statement', [SAFE_SET_NOT_NULL[0], 'ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null, ALTER COLUMN email SET NOT NULL;'], ['set-not-null@2']],
    ['validating another constraint', [SAFE_SET_NOT_NULL[0], 'ALTER TABLE users VALIDATE CONSTRAINT other;', SAFE_SET_NOT_NULL[2]], ['set-not-null@3']],
    ['with the CHECK on another column', ['ALTER TABLE users ADD CONSTRAINT c CHECK (name IS NOT NULL) NOT VALID;', 'ALTER TABLE users VALIDATE CONSTRAINT c;', SAFE_SET_NOT_NULL[2]], ['set-not-null@3']],
    ['with the CHECK on another table', ['ALTER TABLE orders ADD CONSTRAINT c CHECK (email IS NOT NULL) NOT VALID;', 'ALTER TABLE orders VALIDATE CONSTRAINT c;', SAFE_SET_NOT_NULL[2]], ['set-not-null@3']],
    ['with a CHECK that does not prove NOT NULL', ["ALTER TABLE users ADD CONSTRAINT c CHECK (email IS NOT NULL OR name <> '') NOT VALID;", 'ALTER TABLE users VALIDATE CONSTRAINT c;', SAFE_SET_NOT_NULL[2]], ['set-not-null@3']],
    ['after the CHECK was dropped', [SAFE_SET_NOT_NULL[0], SAFE_SET_NOT_NULL[1], SAFE_SET_NOT_NULL[3], SAFE_SET_NOT_NULL[2]], ['set-not-null@4']],
    ['in the wrong order', [SAFE_SET_NOT_NULL[2], SAFE_SET_NOT_NULL[0], SAFE_SET_NOT_NULL[1]], ['set-not-null@1']]
  ])('refuses SET NOT NULL %s', async (_, lines, expected) => {
    expect(await found((lines as string[]).join('\n'))).toEqual(expected);
  });

  it('exempts statements on a table created earlier in the file: it is new and empty', async () => {
    const sql = [
      'CREATE TABLE app.invoices (id bigint, user_id bigint);',
      'CREATE INDEX invoices_user_idx ON invoices (user_id);',
      'ALTER TABLE invoices ADD COLUMN total numeric NOT NULL, ADD COLUMN token uuid DEFAULT gen_random_uuid();',
      'ALTER TABLE invoices ADD CONSTRAINT invoices_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
      'ALTER TABLE invoices ADD PRIMARY KEY (id), ALTER COLUMN user_id SET NOT NULL;',
      'ALTER TABLE invoices RENAME COLUMN total TO amount;',
      'DROP INDEX invoices_user_idx;',
      'CREATE TABLE report AS SELECT 1 AS n;',
      'CREATE INDEX ON report (n);',
      'ALTER TABLE report RENAME TO monthly_report;',
      'CREATE INDEX ON monthly_report (n);'
    ].join('\n');
    expect(await found(sql)).toEqual([]);
  });

  it('does not exempt other tables, tables created later, or another schema', async () => {
    const sql = [
      'CREATE INDEX invoices_user_idx ON invoices (user_id);',
      'CREATE TABLE app.invoices (id bigint, user_id bigint);',
      'CREATE INDEX invoices_id_idx ON billing.invoices (id);',
      'CREATE INDEX users_id_idx ON users (id);',
      // IF NOT EXISTS may have found an existing table full of rows.
      'CREATE TABLE IF NOT EXISTS plans (id int);',
      'CREATE INDEX plans_id_idx ON plans (id);'
    ].join('\n');
    expect(await found(sql)).toEqual(['create-index-not-concurrently@1', 'create-index-not-concurrently@3', 'create-index-not-concurrently@4', 'create-index-not-concurrently@6']);
  });
});

describe('lint: whole files', () => {
  it('reports every finding with the line of its statement, in file order', async () => {
    const sql = [
      '-- 0007: plans',
      'CREATE TABLE plans (id bigserial PRIMARY KEY, name text NOT NULL);',
      '',
      'ALTER TABLE users',
      '  ADD COLUMN plan_id bigint REFERENCES plans (id),',
      '  DROP COLUMN legacy_plan;',
      '/* lookups by plan */',
      'CREATE INDEX users_plan_idx ON users (plan_id);',
      'CREATE INDEX CONCURRENTLY users_plan2_idx ON users (plan_id);',
      "UPDATE users SET plan_id = 1; DELETE FROM sessions;"
    ].join('\n');
    expect(await found(sql)).toEqual(['drop-column@4', 'foreign-key-not-valid@4', 'create-index-not-concurrently@8', 'update-without-where@10', 'delete-without-where@10']);
    expect(await found(sql, 'contract')).toEqual(['foreign-key-not-valid@4', 'create-index-not-concurrently@8', 'update-without-where@10', 'delete-without-where@10']);
    expect(await found(sql, 'migrate')).toEqual(['drop-column@4', 'foreign-key-not-valid@4', 'create-index-not-concurrently@8', 'delete-without-where@10']);
  });

  it('refuses a file that does not parse before linting anything, naming line and column', async () => {
    const error = await parseSql('ALTER TABLE users ADD COLUMN a int;\n\nCREATE INDEX CONCURRENTLY ON users (a;', FILE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as Error).message).toContain(`${FILE}:3:38: syntax error at or near ";"`);
    expect((error as Error).message).toContain('Fix the SQL syntax; cutover parses files with the PostgreSQL 18 parser.');
  });

  it('lints nothing in an empty file', async () => {
    expect(await lint('-- nothing to expand in this release\n')).toEqual([]);
  });
});
