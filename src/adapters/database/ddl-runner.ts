import { ReleaseError } from '../../shared/errors.js';
import { qualifiedName, quoteIdent, type Database } from './connection.js';
import { countStatement } from './history.js';
import type { LockPolicy } from './lock-policy.js';
import { inShortTransaction, LockNotGranted, withLockRetries } from './short-locks.js';
import type { MigrationPart } from './migrations.js';
import type { SqlStatement } from './sql/statement.js';

export interface StatementHooks {
  log: (message: string) => void;
  pause: (ms: number) => Promise<void>;
  /** Called when an attempt gave up on its lock, before the pause; tests use it to observe retries. */
  onRetry?: (statement: SqlStatement, attempt: number, error: Error) => void | Promise<void>;
}

interface Target {
  migrationId: string;
  part: MigrationPart;
}

function where(part: MigrationPart, statement: SqlStatement): string {
  const first = statement.text.split('\n')[0] ?? '';
  return `${part.file}:${statement.line}: ${first.length > 100 ? `${first.slice(0, 97)}...` : first}`;
}

/** Sessions that sit in an open transaction: what a lock timeout usually waits on. */
async function describeBlockers(db: Database): Promise<string> {
  const { rows } = await db.query<{ pid: number; application_name: string; state: string; age: string; query: string }>(
    `SELECT pid, application_name, state, (now() - xact_start)::text AS age, left(query, 80) AS query
       FROM pg_stat_activity
      WHERE xact_start IS NOT NULL AND pid <> pg_backend_pid() AND backend_type = 'client backend'
      ORDER BY xact_start LIMIT 5`
  );
  if (rows.length === 0) return '';
  return ` Open transactions now: ${rows.map(r => `pid ${r.pid} (${r.application_name || 'no application_name'}, ${r.state}, open ${r.age}, last query ${JSON.stringify(r.query)})`).join('; ')}.`;
}

interface IndexTarget {
  name: string | undefined;
  table: string;
}

/** The index a CREATE INDEX CONCURRENTLY builds, read from its parse tree. */
function concurrentIndexOf(statement: SqlStatement): IndexTarget | undefined {
  const index = (statement.node as { IndexStmt?: { concurrent?: boolean; idxname?: string; relation?: { schemaname?: string; relname?: string } } }).IndexStmt;
  if (!index?.concurrent || !index.relation?.relname) return undefined;
  const table = index.relation.schemaname ? `${index.relation.schemaname}.${index.relation.relname}` : index.relation.relname;
  return { name: index.idxname, table };
}

async function invalidIndexes(db: Database, table: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = to_regclass($1) AND NOT i.indisvalid`,
    [qualifiedName(table)]
  );
  return rows.map(r => r.name);
}

async function indexState(db: Database, table: string, name: string): Promise<'valid' | 'invalid' | 'absent'> {
  const { rows } = await db.query<{ valid: boolean }>(
    `SELECT i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = to_regclass($1) AND c.relname = $2`,
    [qualifiedName(table), name]
  );
  return rows.length === 0 ? 'absent' : rows[0]?.valid ? 'valid' : 'invalid';
}

/**
 * Runs one attempt after another under short lock timeouts (see
 * withLockRetries), logging each retry, and turns failures into messages that
 * name the statement and, when the lock never came, the open transactions.
 */
async function retried(
  db: Database,
  policy: LockPolicy,
  hooks: StatementHooks,
  statement: SqlStatement,
  what: string,
  attemptOnce: (lockTimeoutMs: number) => Promise<void>
): Promise<void> {
  try {
    await withLockRetries(
      policy,
      {
        pause: hooks.pause,
        onRetry: async (attempt, error, lockTimeout, pause) => {
          await hooks.onRetry?.(statement, attempt, error);
          hooks.log(`${what}: lock not granted within ${lockTimeout} ms (${error.message}); retry ${attempt} of ${policy.retries} in ${pause} ms`);
        }
      },
      attemptOnce
    );
  } catch (error) {
    if (error instanceof LockNotGranted) {
      throw new ReleaseError(
        `${what}: could not get its lock in ${error.attempts} attempts (lock_timeout up to ${error.lockTimeoutMs} ms, database.lock-retries ${policy.retries}). Live traffic was never kept waiting longer than that.${await describeBlockers(db)} Run the phase again when the blocking transactions are gone; it resumes at this statement.`
      );
    }
    throw new ReleaseError(`${what} failed: ${(error as Error).message}. Nothing of this statement was kept; fix it and run the phase again, which resumes here.`);
  }
}

/** A statement that may run in a transaction: it and the history's count commit together. */
function runInTransaction(db: Database, policy: LockPolicy, target: Target, statement: SqlStatement, done: number, lockTimeout: number): Promise<void> {
  return inShortTransaction(db, lockTimeout, policy.statementTimeoutMs, async () => {
    await db.query(statement.text);
    await countStatement(db, target.migrationId, target.part.phase, done);
  });
}

/** Drops an index left INVALID by a failed concurrent build, itself under short lock timeouts. */
async function dropInvalidIndex(db: Database, policy: LockPolicy, hooks: StatementHooks, statement: SqlStatement, table: string, name: string): Promise<void> {
  const schema = table.includes('.') ? `${quoteIdent(table.split('.')[0] as string)}.` : '';
  hooks.log(`dropping INVALID index ${name} left by a failed concurrent build before trying again`);
  await retried(db, policy, hooks, statement, `DROP INDEX CONCURRENTLY ${name}`, async lockTimeout => {
    await db.query(`SET lock_timeout = ${lockTimeout}`);
    try {
      await db.query(`DROP INDEX CONCURRENTLY IF EXISTS ${schema}${quoteIdent(name)}`);
    } finally {
      await db.query('RESET lock_timeout');
    }
  });
}

/**
 * A statement PostgreSQL refuses inside a transaction block, such as
 * CREATE INDEX CONCURRENTLY. A failed concurrent build leaves an INVALID
 * index behind; it is dropped before the next attempt, and before giving up,
 * so no run leaves one. An index a killed run already finished is kept.
 */
async function runOutsideTransaction(db: Database, policy: LockPolicy, hooks: StatementHooks, target: Target, statement: SqlStatement, done: number, what: string): Promise<void> {
  const index = concurrentIndexOf(statement);
  if (index?.name) {
    const state = await indexState(db, index.table, index.name);
    if (state === 'valid') {
      hooks.log(`${what}: index ${index.name} already exists and is valid (an earlier run built it); not building it again`);
      await countStatement(db, target.migrationId, target.part.phase, done);
      return;
    }
    if (state === 'invalid') await dropInvalidIndex(db, policy, hooks, statement, index.table, index.name);
  }
  const invalidBefore = index ? new Set(await invalidIndexes(db, index.table)) : new Set<string>();
  await retried(db, policy, hooks, statement, what, async lockTimeout => {
    await db.query(`SET lock_timeout = ${lockTimeout}`);
    await db.query(`SET statement_timeout = ${policy.indexBuildTimeoutMs}`);
    try {
      await db.query(statement.text);
    } catch (error) {
      if (index) {
        for (const name of await invalidIndexes(db, index.table)) {
          if (!invalidBefore.has(name)) await dropInvalidIndex(db, policy, hooks, statement, index.table, name);
        }
      }
      throw error;
    } finally {
      await db.query('RESET lock_timeout');
      await db.query('RESET statement_timeout');
    }
  });
  await countStatement(db, target.migrationId, target.part.phase, done);
}

/**
 * Runs the statements of one expand or contract file from `from` on, each
 * in its own short transaction (or none, when PostgreSQL requires that), and
 * counts each in the history as it commits, so a failed or killed run
 * resumes at the statement that did not finish.
 */
export async function runStatements(
  db: Database,
  policy: LockPolicy,
  hooks: StatementHooks,
  target: Target,
  statements: readonly SqlStatement[],
  from: number
): Promise<void> {
  for (let i = from; i < statements.length; i++) {
    const statement = statements[i] as SqlStatement;
    const what = where(target.part, statement);
    const started = Date.now();
    if (statement.transactional) {
      await retried(db, policy, hooks, statement, what, lockTimeout => runInTransaction(db, policy, target, statement, i + 1, lockTimeout));
    } else {
      await runOutsideTransaction(db, policy, hooks, target, statement, i + 1, what);
    }
    hooks.log(`${what} (${Date.now() - started} ms)`);
  }
}
