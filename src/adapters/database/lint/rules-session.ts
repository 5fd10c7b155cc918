import type { VariableSetStmt } from 'libpg-query';
import { lockModeOfNumber } from '../locks.js';
import { nodeAs, nodesAs, relationName } from '../sql/nodes.js';
import { ALL_PHASES, type Rule } from './rule.js';

/* Statements that take over what cutover manages: transactions and locks. */

export const lockTable: Rule = {
  id: 'lock-table',
  phases: ALL_PHASES,
  why: 'An explicit LOCK is held until the transaction ends, and in its default ACCESS EXCLUSIVE mode every query on the table waits for it.',
  fix: 'Remove the LOCK: each statement takes the lock it needs, and cutover runs it in a short transaction with a lock_timeout, retrying rather than letting traffic queue behind it.',
  check: statement => {
    const lock = nodeAs(statement.node, 'LockStmt');
    if (!lock) return [];
    const mode = lockModeOfNumber(lock.mode ?? 8);
    return nodesAs(lock.relations, 'RangeVar').map(table => ({ message: `locks ${relationName(table)} in ${mode} mode`, table }));
  }
};

const TRANSACTION_COMMANDS: Record<string, string> = {
  TRANS_STMT_BEGIN: 'BEGIN',
  TRANS_STMT_START: 'START TRANSACTION',
  TRANS_STMT_COMMIT: 'COMMIT',
  TRANS_STMT_ROLLBACK: 'ROLLBACK',
  TRANS_STMT_SAVEPOINT: 'SAVEPOINT',
  TRANS_STMT_RELEASE: 'RELEASE SAVEPOINT',
  TRANS_STMT_ROLLBACK_TO: 'ROLLBACK TO SAVEPOINT',
  TRANS_STMT_PREPARE: 'PREPARE TRANSACTION',
  TRANS_STMT_COMMIT_PREPARED: 'COMMIT PREPARED',
  TRANS_STMT_ROLLBACK_PREPARED: 'ROLLBACK PREPARED'
};

export const explicitTransaction: Rule = {
  id: 'explicit-transaction',
  phases: ALL_PHASES,
  why: 'cutover runs each statement in its own short transaction (or outside one when PostgreSQL requires it) and records it in the migration history as it commits, so a stopped run resumes at the right statement. Transaction commands in the file break that bookkeeping and hold locks across statements.',
  fix: 'Remove BEGIN, COMMIT, ROLLBACK and SAVEPOINT from the file; cutover manages transactions.',
  check: statement => {
    const stmt = nodeAs(statement.node, 'TransactionStmt');
    if (!stmt) return [];
    return [{ message: `${TRANSACTION_COMMANDS[stmt.kind ?? ''] ?? 'a transaction command'} in a migration file` }];
  }
};

/** Settings cutover sets per statement, or that decide what a name means: a session-wide change outlives the statement. */
const MANAGED_SETTINGS = ['lock_timeout', 'statement_timeout', 'idle_in_transaction_session_timeout', 'transaction_timeout', 'search_path'];

/** `SET lock_timeout`, `RESET search_path`, `SET SESSION AUTHORIZATION` as written, for messages. */
function settingText(set: VariableSetStmt): string {
  const name = set.name === 'session_authorization' ? 'SESSION AUTHORIZATION' : set.name === 'role' ? 'ROLE' : (set.name ?? '');
  return `${set.kind === 'VAR_RESET' ? 'RESET' : set.is_local ? 'SET LOCAL' : 'SET'} ${name}`;
}

export const setRole: Rule = {
  id: 'set-role',
  phases: ALL_PHASES,
  why: 'SET ROLE and SET SESSION AUTHORIZATION make later statements run with another role\'s privileges (and RESET ROLE gives them back): what a statement may do, and who owns what it creates, then depends on the order statements happen to run in rather than on the role cutover connects as.',
  fix: 'Connect as the role the migration should run as (database.url), or GRANT the privileges it needs; create objects with the right owner directly.',
  check: statement => {
    const set = nodeAs(statement.node, 'VariableSetStmt');
    if (!set || (set.name !== 'role' && set.name !== 'session_authorization')) return [];
    return [{ message: `${settingText(set)} changes the role later statements run as` }];
  }
};

export const sessionSetting: Rule = {
  id: 'session-setting',
  phases: ALL_PHASES,
  why: 'cutover sets lock_timeout and statement_timeout for each statement so that none keeps traffic waiting; a session-wide SET, RESET or RESET ALL of them (or of idle_in_transaction_session_timeout, transaction_timeout) outlives the statement and undoes that for every statement after it. A session-wide search_path changes which objects later names mean, behind the back of every rule that reads those names. DISCARD ALL also releases the advisory lock that keeps two runs apart.',
  fix: 'Use SET LOCAL, which ends with the statement\'s transaction, or leave the timeouts to database.lock-timeout and database.statement-timeout; qualify names with their schema instead of setting search_path.',
  check: statement => {
    if (nodeAs(statement.node, 'DiscardStmt')?.target === 'DISCARD_ALL') return [{ message: 'DISCARD ALL resets every setting of the session and releases its advisory locks' }];
    const set = nodeAs(statement.node, 'VariableSetStmt');
    if (!set || set.is_local) return [];
    if (set.kind === 'VAR_RESET_ALL') return [{ message: 'RESET ALL resets every setting of the session, the timeouts cutover set among them' }];
    if (!MANAGED_SETTINGS.includes(set.name ?? '')) return [];
    return [{ message: `${settingText(set)} changes ${set.name} for the rest of the session, not only for this statement` }];
  }
};

export const alterSystem: Rule = {
  id: 'alter-system',
  phases: ALL_PHASES,
  why: 'ALTER SYSTEM changes the configuration of the whole server, and ALTER DATABASE ... SET and ALTER ROLE ... SET change the defaults of every new session: the running version\'s connections get them too, and a rollback of the release does not undo them.',
  fix: 'Change server and role settings outside the release, reviewed as configuration; for one statement of a migration, SET LOCAL is enough.',
  check: statement => {
    const system = nodeAs(statement.node, 'AlterSystemStmt')?.setstmt;
    if (system) return [{ message: `ALTER SYSTEM ${system.kind === 'VAR_RESET_ALL' ? 'RESET ALL' : `${system.kind === 'VAR_RESET' ? 'RESET' : 'SET'} ${system.name}`} changes the configuration of the whole server` }];
    const database = nodeAs(statement.node, 'AlterDatabaseSetStmt');
    if (database) return [{ message: `ALTER DATABASE ${database.dbname} SET ${database.setstmt?.name ?? 'ALL'} changes the default of every new session of the database` }];
    const role = nodeAs(statement.node, 'AlterRoleSetStmt');
    if (role) return [{ message: `ALTER ROLE ${role.role?.rolename ?? 'ALL'} SET ${role.setstmt?.name ?? 'ALL'} changes the default of every new session of the role` }];
    return [];
  }
};
