import type { Constraint, RangeVar } from 'libpg-query';
import { columnConstraints, nodeAs, relationName, strings } from '../sql/nodes.js';
import type { SqlStatement } from '../sql/statement.js';
import { addedColumns, commandsOf } from '../sql/alter-table.js';
import { ALL_PHASES, type Hit, type Rule } from './rule.js';

/*
 * Constraints PostgreSQL checks against every existing row while it holds
 * the lock. Each has a two-step form that checks rows under a weak lock.
 */

/** The constraints an ALTER TABLE ... ADD CONSTRAINT adds. */
function addedConstraints(statement: SqlStatement): { relation: RangeVar; constraint: Constraint }[] {
  return commandsOf(statement, 'AT_AddConstraint').flatMap(({ relation, cmd }) => {
    const constraint = nodeAs(cmd.def, 'Constraint');
    return constraint ? [{ relation, constraint }] : [];
  });
}

/** Constraints written on the columns an ALTER TABLE ... ADD COLUMN adds. */
function columnConstraintsAdded(statement: SqlStatement): { relation: RangeVar; column: string; constraint: Constraint }[] {
  return addedColumns(statement).flatMap(({ relation, name, column }) => columnConstraints(column.constraints).map(constraint => ({ relation, column: name, constraint })));
}

const named = (constraint: Constraint) => (constraint.conname ? `${constraint.conname} ` : '');

export const setNotNull: Rule = {
  id: 'set-not-null',
  phases: ALL_PHASES,
  why: 'SET NOT NULL scans the whole table for NULLs under an ACCESS EXCLUSIVE lock: reads and writes wait for the scan. PostgreSQL skips the scan when a validated CHECK (col IS NOT NULL) constraint already proves it.',
  fix: 'In the same file: ALTER TABLE t ADD CONSTRAINT t_col_not_null CHECK (col IS NOT NULL) NOT VALID; then ALTER TABLE t VALIDATE CONSTRAINT t_col_not_null (reads and writes continue); then ALTER TABLE t ALTER COLUMN col SET NOT NULL; then you may drop the CHECK. Before promotion, make sure the running version never writes NULL there.',
  check: (statement, facts) => {
    const hits: Hit[] = [];
    for (const { relation, cmd } of commandsOf(statement, 'AT_SetNotNull')) {
      const column = cmd.name ?? '?';
      if (facts.hasValidatedNotNull(relation, column)) continue;
      hits.push({ message: `sets ${relationName(relation)}.${column} NOT NULL without a validated CHECK (${column} IS NOT NULL) earlier in this file`, table: relation });
    }
    // PostgreSQL 18: ADD CONSTRAINT name NOT NULL col, validated at once unless NOT VALID.
    for (const { relation, constraint } of addedConstraints(statement)) {
      if (constraint.contype !== 'CONSTR_NOTNULL' || constraint.skip_validation) continue;
      for (const column of strings(constraint.keys).filter(c => !facts.hasValidatedNotNull(relation, c))) {
        hits.push({ message: `adds NOT NULL constraint ${named(constraint)}on ${relationName(relation)}.${column} without NOT VALID`, table: relation });
      }
    }
    return hits;
  }
};

export const foreignKeyNotValid: Rule = {
  id: 'foreign-key-not-valid',
  phases: ALL_PHASES,
  why: 'Adding a validated foreign key checks every row while holding SHARE ROW EXCLUSIVE locks on both tables: writes to both wait until the check finishes.',
  fix: 'ALTER TABLE t ADD CONSTRAINT t_fk FOREIGN KEY (col) REFERENCES parent (id) NOT VALID; then, as its own statement, ALTER TABLE t VALIDATE CONSTRAINT t_fk (reads and writes continue). For a new column: add the column plain, then the constraint that way.',
  check: statement => [
    ...addedConstraints(statement)
      .filter(({ constraint }) => constraint.contype === 'CONSTR_FOREIGN' && !constraint.skip_validation)
      .map(({ relation, constraint }) => ({
        message: `adds foreign key ${named(constraint)}on ${relationName(relation)} (${strings(constraint.fk_attrs).join(', ')}) referencing ${relationName(constraint.pktable)} without NOT VALID`,
        table: relation
      })),
    ...columnConstraintsAdded(statement)
      .filter(({ constraint }) => constraint.contype === 'CONSTR_FOREIGN')
      .map(({ relation, column, constraint }) => ({
        message: `adds column ${relationName(relation)}.${column} with REFERENCES ${relationName(constraint.pktable)}, validated at once`,
        table: relation
      }))
  ]
};

export const checkNotValid: Rule = {
  id: 'check-not-valid',
  phases: ALL_PHASES,
  why: 'Adding a validated CHECK constraint checks every row under an ACCESS EXCLUSIVE lock: reads and writes wait for the scan.',
  fix: 'ALTER TABLE t ADD CONSTRAINT name CHECK (...) NOT VALID; then, as its own statement, ALTER TABLE t VALIDATE CONSTRAINT name (reads and writes continue). For a new column: add the column plain, then the constraint that way.',
  check: statement => [
    ...addedConstraints(statement)
      .filter(({ constraint }) => constraint.contype === 'CONSTR_CHECK' && !constraint.skip_validation)
      .map(({ relation, constraint }) => ({ message: `adds CHECK constraint ${named(constraint)}on ${relationName(relation)} without NOT VALID`, table: relation })),
    ...columnConstraintsAdded(statement)
      .filter(({ constraint }) => constraint.contype === 'CONSTR_CHECK' && !constraint.skip_validation)
      .map(({ relation, column }) => ({ message: `adds column ${relationName(relation)}.${column} with a CHECK constraint, validated at once`, table: relation }))
  ]
};

const INDEXED: Record<string, string> = { CONSTR_UNIQUE: 'UNIQUE', CONSTR_PRIMARY: 'PRIMARY KEY', CONSTR_EXCLUSION: 'EXCLUDE' };

export const uniqueWithoutIndex: Rule = {
  id: 'unique-without-index',
  phases: ALL_PHASES,
  why: 'A UNIQUE, PRIMARY KEY or EXCLUDE constraint builds its index while holding an ACCESS EXCLUSIVE lock on the table: reads and writes wait for the whole build.',
  fix: 'CREATE UNIQUE INDEX CONCURRENTLY idx ON t (cols); then ALTER TABLE t ADD CONSTRAINT name UNIQUE USING INDEX idx (or PRIMARY KEY USING INDEX idx, once the columns are NOT NULL). An EXCLUDE constraint cannot use an existing index: add it when creating the table, or allow it with a comment.',
  check: statement => [
    ...addedConstraints(statement)
      .filter(({ constraint }) => INDEXED[constraint.contype ?? ''] !== undefined && constraint.indexname === undefined)
      .map(({ relation, constraint }) => {
        const keys = strings(constraint.keys);
        return {
          message: `adds ${INDEXED[constraint.contype ?? '']} constraint ${named(constraint)}on ${relationName(relation)}${keys.length ? ` (${keys.join(', ')})` : ''}, building its index under the lock`,
          table: relation
        };
      }),
    ...columnConstraintsAdded(statement)
      .filter(({ constraint }) => constraint.contype === 'CONSTR_UNIQUE' || constraint.contype === 'CONSTR_PRIMARY')
      .map(({ relation, column, constraint }) => ({
        message: `adds column ${relationName(relation)}.${column} with ${INDEXED[constraint.contype ?? '']}, building its index under the lock`,
        table: relation
      }))
  ]
};
