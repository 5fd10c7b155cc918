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
