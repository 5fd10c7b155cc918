import type { ColumnDef } from 'libpg-query';
import { isSerial, rowsToFill } from '../sql/column-fill.js';
import { columnConstraints, nodeAs, relationName, typeText } from '../sql/nodes.js';
import { addedColumns, commandsOf } from '../sql/alter-table.js';
import { ALL_PHASES, type Rule } from './rule.js';

/* Adding and changing columns: what forces PostgreSQL to touch every row. */

export const changeColumnType: Rule = {
  id: 'change-column-type',
  phases: ALL_PHASES,
  why: 'ALTER COLUMN ... TYPE rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole rewrite. Before promotion the running version also still reads and writes the old type.',
  fix: 'Add a column of the new type in expand.sql, keep both written (by the new version or a trigger), backfill it in migrate, switch reads, and drop the old column in contract.sql. A change PostgreSQL makes without a rewrite (varchar(n) to text or to a longer varchar) still takes the lock, briefly: allow it with "-- cutover:allow change-column-type: <reason>".',
  check: statement =>
    commandsOf(statement, 'AT_AlterColumnType').map(({ relation, cmd }) => ({
      message: `changes the type of ${relationName(relation)}.${cmd.name} to ${typeText(nodeAs(cmd.def, 'ColumnDef')?.typeName)}`,
      table: relation
    }))
};

export const volatileDefault: Rule = {
  id: 'volatile-default',
  phases: ALL_PHASES,
  why: 'PostgreSQL adds a column with a constant or stable DEFAULT (a literal, now()) without touching rows. A volatile DEFAULT (random(), clock_timestamp(), gen_random_uuid(), nextval()), a serial or identity column, or a STORED generated column needs a value per existing row: the whole table is rewritten under an ACCESS EXCLUSIVE lock that blocks reads and writes.',
  fix: 'Add the column without a default (or with a constant one), set the volatile default in a separate ALTER TABLE ... ALTER COLUMN ... SET DEFAULT (it applies to new rows only), and backfill existing rows in migrate. For a computed column, PostgreSQL 18 virtual generated columns (no STORED) need no rewrite.',
  check: statement =>
    addedColumns(statement).flatMap(({ relation, name, column }) => {
      const reason = rowsToFill(column);
      return reason === undefined ? [] : [{ message: `adds column ${relationName(relation)}.${name} ${reason}`, table: relation }];
    })
};

/** Whether the column gets a value for existing rows without a DEFAULT clause (serial, identity, generated). */
function valueProvided(column: ColumnDef): boolean {
  const providing = ['CONSTR_DEFAULT', 'CONSTR_IDENTITY', 'CONSTR_GENERATED'];
  return isSerial(column) || columnConstraints(column.constraints).some(c => providing.includes(c.contype ?? ''));
}

function isNotNull(column: ColumnDef): boolean {
  // A PRIMARY KEY column is NOT NULL too.
  return column.is_not_null === true || columnConstraints(column.constraints).some(c => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY');
}

export const addColumnNotNullWithoutDefault: Rule = {
  id: 'add-column-not-null-without-default',
  phases: ALL_PHASES,
  why: 'Existing rows would hold NULL, so PostgreSQL refuses it on a table that has rows; and the running version does not set the new column, so its INSERTs would fail.',
  fix: 'Give it a constant DEFAULT (ADD COLUMN c type NOT NULL DEFAULT <constant>: no rewrite since PostgreSQL 11), or add it nullable, backfill it in migrate, and make it NOT NULL with CHECK (c IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, then SET NOT NULL.',
  check: statement =>
    addedColumns(statement)
      .filter(({ column }) => isNotNull(column) && !valueProvided(column))
      .map(({ relation, name }) => ({ message: `adds column ${relationName(relation)}.${name} NOT NULL without a DEFAULT`, table: relation }))
};
