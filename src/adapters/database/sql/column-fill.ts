import type { ColumnDef, Node } from 'libpg-query';
import { columnConstraints, functionCalls, strings, typeText } from './nodes.js';

/*
 * Whether ADD COLUMN must write a value into every existing row. Since
 * PostgreSQL 11 a constant or stable DEFAULT is stored once in the catalog;
 * anything evaluated per row rewrites the table. Shared by the linter and
 * the lock plan so both say the same.
 */

const SERIAL_TYPES = new Set(['serial', 'bigserial', 'smallserial', 'serial2', 'serial4', 'serial8']);
/** Volatile functions common in defaults; now(), current_timestamp and literals are stable and safe. */
const VOLATILE_FUNCTIONS = new Set([
  'random',
  'random_normal',
  'clock_timestamp',
  'timeofday',
  'gen_random_uuid',
  'uuidv4',
  'uuidv7',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'gen_random_bytes',
  'nextval'
]);

export function isSerial(column: ColumnDef): boolean {
  const names = strings(column.typeName?.names);
  return names.length === 1 && SERIAL_TYPES.has(names[0] as string);
}

/** The first volatile function an expression calls, if any. */
function volatileCall(expr: Node | undefined): string | undefined {
  return functionCalls(expr).find(call => VOLATILE_FUNCTIONS.has(call.name))?.name;
}

/** Why adding this column writes every existing row, or undefined when it does not. */
export function rowsToFill(column: ColumnDef): string | undefined {
  if (isSerial(column)) return `as ${typeText(column.typeName)}: every existing row takes a value from its sequence`;
  for (const constraint of columnConstraints(column.constraints)) {
    if (constraint.contype === 'CONSTR_IDENTITY') return 'as an identity column: every existing row takes a value from its sequence';
    if (constraint.contype === 'CONSTR_GENERATED' && constraint.generated_kind === 's') return 'as a STORED generated column: computed and written for every existing row';
    const call = constraint.contype === 'CONSTR_DEFAULT' ? volatileCall(constraint.raw_expr) : undefined;
    if (call !== undefined) return `with a DEFAULT calling ${call}(), a volatile function: evaluated and written for every existing row`;
  }
  return undefined;
}
