import { formatLock, locksOf, type StatementLock } from '../../src/adapters/database/locks.js';
import { parseSql } from '../../src/adapters/database/sql/statements.js';

const FILE = 'db/migrations/0001_x/expand.sql';

/** `MODE target [rewrite]` of each lock of the file's last statement, earlier statements given as context. */
async function locks(sql: string): Promise<string[]> {
  const statements = await parseSql(sql, FILE);
  const last = statements[statements.length - 1];
  if (!last) throw new Error('no statement');
  return locksOf(last, statements.slice(0, -1)).map(l => `${l.mode} ${l.target}${l.rewrite ? ' [rewrite]' : ''}`);
}

/*
 * Expected modes from the PostgreSQL 15–18 documentation: "Explicit Locking"
 * (table-level lock modes and the commands taking them) and the lock notes of
 * ALTER TABLE, CREATE INDEX, DROP INDEX, REINDEX and CREATE TRIGGER.
 */
const DOCUMENTED: [string, string[]][] = [
  // SELECT takes ACCESS SHARE; SELECT FOR UPDATE takes ROW SHARE.
  ['SELECT * FROM users JOIN orders ON orders.user_id = users.id', ['ACCESS SHARE users', 'ACCESS SHARE orders']],
  ['SELECT * FROM users WHERE id = 1 FOR UPDATE', ['ROW SHARE users']],
  // INSERT, UPDATE, DELETE and MERGE take ROW EXCLUSIVE on the target.
  ["INSERT INTO users (name) VALUES ('a')", ['ROW EXCLUSIVE users']],
  ['UPDATE users SET active = true WHERE id = 1', ['ROW EXCLUSIVE users']],
  ['DELETE FROM users', ['ROW EXCLUSIVE users [rewrite]']],
  ['MERGE INTO users u USING staged s ON u.id = s.id WHEN MATCHED THEN DELETE', ['ROW EXCLUSIVE users']],
  // VACUUM, ANALYZE, CREATE INDEX CONCURRENTLY, CREATE STATISTICS, COMMENT ON, REINDEX CONCURRENTLY: SHARE UPDATE EXCLUSIVE.
  ['VACUUM users', ['SHARE UPDATE EXCLUSIVE users [rewrite]']],
  ['ANALYZE users', ['SHARE UPDATE EXCLUSIVE users']],
  ['CREATE INDEX CONCURRENTLY users_email_idx ON users (email)', ['SHARE UPDATE EXCLUSIVE users [rewrite]']],
  ['CREATE STATISTICS users_stats ON city, zip FROM users', ['SHARE UPDATE EXCLUSIVE users']],
  ["COMMENT ON COLUMN app.users.email IS 'x'", ['SHARE UPDATE EXCLUSIVE app.users']],
  ['REINDEX INDEX CONCURRENTLY users_email_idx', ['SHARE UPDATE EXCLUSIVE users_email_idx [rewrite]']],
  // CREATE INDEX takes SHARE.
  ['CREATE UNIQUE INDEX users_email_idx ON users (email)', ['SHARE users [rewrite]']],
  // CREATE TRIGGER takes SHARE ROW EXCLUSIVE.
  ['CREATE TRIGGER t AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION f()', ['SHARE ROW EXCLUSIVE users']],
  // REFRESH MATERIALIZED VIEW CONCURRENTLY takes EXCLUSIVE; without it ACCESS EXCLUSIVE.
  ['REFRESH MATERIALIZED VIEW CONCURRENTLY totals', ['EXCLUSIVE totals [rewrite]']],
  ['REFRESH MATERIALIZED VIEW totals', ['ACCESS EXCLUSIVE totals [rewrite]']],
  // DROP TABLE, TRUNCATE, CLUSTER, VACUUM FULL: ACCESS EXCLUSIVE.
  ['DROP TABLE sessions, app.tokens', ['ACCESS EXCLUSIVE sessions', 'ACCESS EXCLUSIVE app.tokens']],
  ['TRUNCATE sessions', ['ACCESS EXCLUSIVE sessions']],
  ['CLUSTER users USING users_pkey', ['ACCESS EXCLUSIVE users [rewrite]']],
  ['VACUUM FULL users', ['ACCESS EXCLUSIVE users [rewrite]']],
  // REINDEX: SHARE on the table (writes blocked), ACCESS EXCLUSIVE on the index being rebuilt.
  ['REINDEX TABLE users', ['SHARE users [rewrite]']],
  ['REINDEX INDEX users_email_idx', ['ACCESS EXCLUSIVE users_email_idx [rewrite]']],
  // DROP INDEX: ACCESS EXCLUSIVE on the table; CONCURRENTLY: SHARE UPDATE EXCLUSIVE.
  ['DROP INDEX users_email_idx', ['ACCESS EXCLUSIVE users_email_idx']],
  ['DROP INDEX CONCURRENTLY users_email_idx', ['SHARE UPDATE EXCLUSIVE users_email_idx']],
  // LOCK TABLE takes the mode it names, ACCESS EXCLUSIVE by default.
  ['LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE', ['SHARE ROW EXCLUSIVE users']],
  ['LOCK users', ['ACCESS EXCLUSIVE users']],
  // ALTER TABLE: ACCESS EXCLUSIVE unless noted.
  ['ALTER TABLE users ADD COLUMN nickname text', ['ACCESS EXCLUSIVE users']],
  ["ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free'", ['ACCESS EXCLUSIVE users']],
  ['ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid()', ['ACCESS EXCLUSIVE users [rewrite]']],
  ['ALTER TABLE users DROP COLUMN legacy', ['ACCESS EXCLUSIVE users']],
  ['ALTER TABLE users ALTER COLUMN age TYPE bigint', ['ACCESS EXCLUSIVE users [rewrite]']],
  ['ALTER TABLE users ALTER COLUMN email SET NOT NULL', ['ACCESS EXCLUSIVE users [rewrite]']],
  ["ALTER TABLE users ALTER COLUMN plan SET DEFAULT 'pro'", ['ACCESS EXCLUSIVE users']],
  ['ALTER TABLE users ADD CONSTRAINT c CHECK (age > 0) NOT VALID', ['ACCESS EXCLUSIVE users']],
  ['ALTER TABLE users ADD CONSTRAINT c CHECK (age > 0)', ['ACCESS EXCLUSIVE users [rewrite]']],
  ['ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)', ['ACCESS EXCLUSIVE users [rewrite]']],
  ['ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx', ['ACCESS EXCLUSIVE users']],
  ['ALTER TABLE users SET TABLESPACE fast', ['ACCESS EXCLUSIVE users [rewrite]']],
  // VALIDATE CONSTRAINT, SET STATISTICS, SET (fillfactor), CLUSTER ON: SHARE UPDATE EXCLUSIVE.
  ['ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk', ['SHARE UPDATE EXCLUSIVE orders [rewrite]']],
  ['ALTER TABLE users ALTER COLUMN email SET STATISTICS 500', ['SHARE UPDATE EXCLUSIVE users']],
  ['ALTER TABLE users SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.05)', ['SHARE UPDATE EXCLUSIVE users']],
  ['ALTER TABLE users CLUSTER ON users_pkey', ['SHARE UPDATE EXCLUSIVE users']],
  // ADD FOREIGN KEY: SHARE ROW EXCLUSIVE on both tables; ENABLE/DISABLE TRIGGER: SHARE ROW EXCLUSIVE.
  ['ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID', ['SHARE ROW EXCLUSIVE orders', 'SHARE ROW EXCLUSIVE users']],
  ['ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)', ['SHARE ROW EXCLUSIVE orders [rewrite]', 'SHARE ROW EXCLUSIVE users']],
  ['ALTER TABLE orders DISABLE TRIGGER ALL', ['SHARE ROW EXCLUSIVE orders']],
  // The strongest lock over all subcommands wins.
  ['ALTER TABLE users VALIDATE CONSTRAINT c, ALTER COLUMN email SET STATISTICS 100', ['SHARE UPDATE EXCLUSIVE users [rewrite]']],
  ['ALTER TABLE orders VALIDATE CONSTRAINT c, ENABLE TRIGGER ALL', ['SHARE ROW EXCLUSIVE orders [rewrite]']],
  ['ALTER TABLE users VALIDATE CONSTRAINT c, ADD COLUMN x int', ['ACCESS EXCLUSIVE users [rewrite]']],
  // ATTACH PARTITION: SHARE UPDATE EXCLUSIVE on the parent, ACCESS EXCLUSIVE on the partition it scans.
  ['ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM (1) TO (2)', ['SHARE UPDATE EXCLUSIVE events', 'ACCESS EXCLUSIVE events_2025 [rewrite]']],
  ['ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY', ['SHARE UPDATE EXCLUSIVE events', 'SHARE UPDATE EXCLUSIVE events_2024']],
  ['ALTER TABLE events DETACH PARTITION events_2024', ['ACCESS EXCLUSIVE events', 'ACCESS EXCLUSIVE events_2024']],
  ['ALTER INDEX events_day_idx ATTACH PARTITION events_2025_day_idx', ['SHARE UPDATE EXCLUSIVE events_day_idx']],
  // Renames: ALTER INDEX RENAME takes SHARE UPDATE EXCLUSIVE (PostgreSQL 12+); tables and columns ACCESS EXCLUSIVE.
  ['ALTER INDEX users_email_idx RENAME TO users_email_key', ['SHARE UPDATE EXCLUSIVE users_email_idx']],
  ['ALTER TABLE users RENAME COLUMN email TO login', ['ACCESS EXCLUSIVE users']],
  // CREATE TABLE locks no existing table, but its foreign keys lock the referenced table, and PARTITION OF the parent.
  ['CREATE TABLE invoices (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id))', ['none invoices', 'SHARE ROW EXCLUSIVE users']],
  ['CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM (2) TO (3)', ['none events_2026', 'ACCESS EXCLUSIVE events']],
  ['CREATE TABLE report AS SELECT 1 AS n', ['none report']],
  ['CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$', ['none ']],
  ['CREATE POLICY own ON orders USING (user_id = current_user_id())', ['ACCESS EXCLUSIVE orders']],
  ['DROP TRIGGER users_touch ON app.users', ['ACCESS EXCLUSIVE app.users']]
];

describe('locksOf', () => {
  it.each(DOCUMENTED)('%s', async (sql, expected) => {
    expect(await locks(sql)).toEqual(expected);
  });

  it('drops the SET NOT NULL scan after a validated CHECK (col IS NOT NULL) earlier in the file', async () => {
    const sql = [
      'ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;',
      'ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;',
      'ALTER TABLE users ALTER COLUMN email SET NOT NULL;'
    ].join('\n');
    expect(await locks(sql)).toEqual(['ACCESS EXCLUSIVE users']);
  });

  it('says in plain words what each mode blocks', async () => {
    const statements = await parseSql('ALTER TABLE users DROP COLUMN a; CREATE INDEX i ON users (a); CREATE INDEX CONCURRENTLY j ON users (a); CREATE TABLE n (id int);', FILE);
    expect(statements.map(s => locksOf(s)[0]?.blocks)).toEqual(['reads and writes', 'writes', 'other DDL only', 'nothing (a new table)']);
  });
});

describe('formatLock', () => {
  it.each([
    [{ mode: 'ACCESS EXCLUSIVE', target: 'users', blocks: 'reads and writes', rewrite: true }, 'ACCESS EXCLUSIVE on users: blocks reads and writes; scans or rewrites the whole table while holding it'],
    [{ mode: 'SHARE UPDATE EXCLUSIVE', target: 'orders', blocks: 'other DDL only', rewrite: false }, 'SHARE UPDATE EXCLUSIVE on orders: blocks other DDL only'],
    [{ mode: 'none', target: 'invoices', blocks: 'nothing (a new table)', rewrite: false }, 'no lock on invoices'],
    [{ mode: 'none', target: '', blocks: 'nothing on existing tables', rewrite: false }, 'no lock on existing tables'],
    [{ mode: 'none', target: 'DO block', blocks: 'unknown: cutover cannot see what a DO block locks', rewrite: false }, 'no lock on DO block: unknown: cutover cannot see what a DO block locks']
  ] as [StatementLock, string][])('%j', (lock, text) => {
    expect(formatLock(lock)).toBe(text);
  });
});
