import { BadInputError } from '../../src/shared/errors.js';
import { parseSql } from '../../src/adapters/database/sql/statements.js';

const FILE = 'db/migrations/0001_x/expand.sql';

/** The message of the bad-input error parsing `sql` must throw. */
async function refusal(sql: string): Promise<string> {
  const error = await parseSql(sql, FILE).then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(BadInputError);
  return (error as Error).message;
}

describe('parseSql: statements', () => {
  it('splits a file into statements with their exact text, first line and kind', async () => {
    const sql = [
      '-- add the plan column',
      'ALTER TABLE users',
      "  ADD COLUMN plan text NOT NULL DEFAULT 'free';",
      '',
      '/* an index',
      '   for lookups */',
      'CREATE INDEX CONCURRENTLY users_plan_idx ON users (plan);',
      "INSERT INTO plans VALUES ('pro'); INSERT INTO plans VALUES ('team')",
      ''
    ].join('\n');
    const statements = await parseSql(sql, FILE);
    expect(statements.map(s => [s.line, s.kind, s.text])).toEqual([
      [2, 'AlterTableStmt', "ALTER TABLE users\n  ADD COLUMN plan text NOT NULL DEFAULT 'free'"],
      [7, 'IndexStmt', 'CREATE INDEX CONCURRENTLY users_plan_idx ON users (plan)'],
      [8, 'InsertStmt', "INSERT INTO plans VALUES ('pro')"],
      [8, 'InsertStmt', "INSERT INTO plans VALUES ('team')"]
    ]);
    expect(statements[1]?.node).toEqual({ IndexStmt: expect.objectContaining({ idxname: 'users_plan_idx', concurrent: true }) });
  });

  it('keeps offsets right after multi-byte characters in comments and strings', async () => {
    const sql = "-- café ☕ naïve\nUPDATE users SET name = 'Zoë 🎉' WHERE id = 1;\n-- ü\nDELETE FROM users WHERE id = 2;";
    const statements = await parseSql(sql, FILE);
    expect(statements.map(s => [s.line, s.text])).toEqual([
      [2, "UPDATE users SET name = 'Zoë 🎉' WHERE id = 1"],
      [4, 'DELETE FROM users WHERE id = 2']
    ]);
  });

  it('keeps comments inside a statement and drops trailing ones', async () => {
    const sql = 'SELECT 1 -- one\n  + 2 /* two */ ;\nSELECT 3 -- end';
    const statements = await parseSql(sql, FILE);
    expect(statements.map(s => s.text)).toEqual(['SELECT 1 -- one\n  + 2', 'SELECT 3']);
  });

  it('reads an empty file, or one with only comments, as no statements', async () => {
    expect(await parseSql('', FILE)).toEqual([]);
    expect(await parseSql('  \n\t\n', FILE)).toEqual([]);
    expect(await parseSql('-- nothing yet\n/* later */\n', FILE)).toEqual([]);
    expect(await parseSql(';;', FILE)).toEqual([]);
  });

  it.each([
    ['CREATE INDEX CONCURRENTLY i ON t (a)', false],
    ['CREATE INDEX i ON t (a)', true],
    ['DROP INDEX CONCURRENTLY i', false],
    ['DROP INDEX i', true],
    ['REINDEX INDEX CONCURRENTLY i', false],
    ['REINDEX (CONCURRENTLY) TABLE t', false],
    ['REINDEX TABLE t', true],
    ['REINDEX DATABASE app', false],
    ['VACUUM t', false],
    ['VACUUM (ANALYZE) t', false],
    ['ANALYZE t', true],
    ['CLUSTER', false],
    ['CLUSTER t USING i', true],
    ['CREATE DATABASE app2', false],
    ['DROP DATABASE app2', false],
    ["ALTER SYSTEM SET work_mem = '64MB'", false],
    ['ALTER DATABASE app SET TABLESPACE fast', false],
    ['ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY', false],
    ['ALTER TABLE p DETACH PARTITION p1', true],
    ["ALTER TYPE mood ADD VALUE 'meh'", true],
    ['REFRESH MATERIALIZED VIEW CONCURRENTLY mv', true],
    ['ALTER TABLE users ADD COLUMN x int', true]
  ])('%s: transactional %s', async (sql, transactional) => {
    const [statement] = await parseSql(sql, FILE);
    expect(statement?.transactional).toBe(transactional);
  });
});

describe('parseSql: allow comments', () => {
  it('applies a comment to the next statement only', async () => {
    const sql = [
      'CREATE TABLE a (id int);',
      '-- cutover:allow drop-column: legacy was never read by a released version',
      'ALTER TABLE users DROP COLUMN legacy;',
      'ALTER TABLE users DROP COLUMN other;'
    ].join('\n');
    const statements = await parseSql(sql, FILE);
    expect(statements.map(s => s.allows)).toEqual([[], [{ rule: 'drop-column', reason: 'legacy was never read by a released version', line: 2 }], []]);
  });

  it('applies a comment trailing a statement to that statement, also when it spans lines', async () => {
    const sql = [
      'ALTER TABLE users DROP COLUMN a; -- cutover:allow drop-column: a is unused',
      'ALTER TABLE users',
      '  DROP COLUMN b; -- cutover:allow drop-column: b is unused',
      'ALTER TABLE users DROP COLUMN c;'
    ].join('\n');
    const statements = await parseSql(sql, FILE);
    expect(statements.map(s => s.allows.map(a => [a.reason, a.line]))).toEqual([[['a is unused', 1]], [['b is unused', 3]], []]);
  });

  it('stacks comments, reads block comments and comments inside a statement', async () => {
    const sql = [
      '-- cutover:allow drop-column: x is unused',
      '/* cutover:allow change-column-type: varchar(20) to text does',
      '   not rewrite */',
      'ALTER TABLE users',
      '  -- cutover:allow drop-default: nothing inserts without it',
      '  DROP COLUMN x, ALTER COLUMN y TYPE text, ALTER COLUMN z DROP DEFAULT;'
    ].join('\n');
    const [statement] = await parseSql(sql, FILE);
    expect(statement?.allows).toEqual([
      { rule: 'drop-column', reason: 'x is unused', line: 1 },
      { rule: 'change-column-type', reason: 'varchar(20) to text does not rewrite', line: 2 },
      { rule: 'drop-default', reason: 'nothing inserts without it', line: 5 }
    ]);
  });

  it('applies a block comment to the statement that follows it on the same line', async () => {
    const sql = 'SELECT 1; /* cutover:allow truncate: emptied nightly anyway */ TRUNCATE cache;';
    const statements = await parseSql(sql, FILE);
    expect(statements.map(s => s.allows.map(a => a.rule))).toEqual([[], ['truncate']]);
  });

  it('ignores ordinary comments that mention cutover', async () => {
    const [statement] = await parseSql('-- cutover runs this before promotion\nSELECT 1;', FILE);
    expect(statement?.allows).toEqual([]);
  });

  it('refuses an unknown rule, naming the file, line, comment and known rules', async () => {
    const message = await refusal('SELECT 1;\n-- cutover:allow drop-colum: unused\nALTER TABLE users DROP COLUMN x;');
    expect(message).toContain(`${FILE}:2: malformed allow comment "-- cutover:allow drop-colum: unused"`);
    expect(message).toContain('there is no rule "drop-colum" (did you mean drop-column?)');
    expect(message).toContain('-- cutover:allow <rule>: <reason>');
    expect(message).toMatch(/Known rules: .*drop-column, .*create-index-not-concurrently/);
  });

  it.each([
    ['-- cutover:allow drop-column', 'it gives no reason after "drop-column:"'],
    ['-- cutover:allow drop-column:   ', 'it gives no reason after "drop-column:"'],
    ['-- cutover:allow drop-column because it is unused', 'it gives no reason after "drop-column:"'],
    ['-- cutover:allow', 'it names no rule'],
    ['-- Cutover: Allow: unused', 'it names no rule']
  ])('refuses %j: %s', async (comment, problem) => {
    const message = await refusal(`${comment}\nALTER TABLE users DROP COLUMN x;`);
    expect(message).toContain(`${FILE}:1: malformed allow comment`);
    expect(message).toContain(problem);
  });

  it('refuses an allow comment that applies to no statement', async () => {
    const message = await refusal('SELECT 1;\n\n-- cutover:allow truncate: emptied on purpose\n');
    expect(message).toContain(`${FILE}:3: the allow comment "-- cutover:allow truncate: emptied on purpose" applies to no statement`);
  });
});

describe('parseSql: syntax errors', () => {
  it('names the file, line and column, the parser message and the fix', async () => {
    const message = await refusal('ALTER TABLE users ADD COLUMN a int;\nALTER TABLE users DROPP COLUMN b;\n');
    expect(message).toContain(`${FILE}:2:19: syntax error at or near "DROPP"`);
    expect(message).toContain('Fix the SQL syntax; cutover parses files with the PostgreSQL 18 parser.');
    expect(message).toContain('  ALTER TABLE users DROPP COLUMN b;\n                    ^');
  });

  it('counts columns in characters after multi-byte text', async () => {
    const message = await refusal("SELECT 'é€🎉' FROMM t;");
    expect(message).toContain(`${FILE}:1:20: syntax error at or near "t"`);
  });

  it('reports an unfinished statement at the end of the file', async () => {
    const message = await refusal('SELECT 1;\nALTER TABLE users ADD COLUMN');
    expect(message).toContain(`${FILE}:2:29: syntax error at end of input`);
  });
});
