import { BadInputError } from '../../../shared/errors.js';
import { quoteIdent } from '../connection.js';
import type { Field } from './expressions.js';

/** PostgreSQL keeps the first 63 bytes of a name and silently drops the rest, so two long names can become one. */
export const MAX_NAME_BYTES = 63;

/** The objects a change creates for itself: the trigger function and its triggers. */
export interface GeneratedNames {
  /** Schema-qualified when the table is, so the function lives beside its table (the schema written as the table is: unquoted). */
  functionName: string;
  trigger: (suffix: 'insert' | 'update' | 'write') => string;
}

/**
 * `cutover_<id>_<table>_<n>`: the migration id and the operation's number make
 * it unique; the table is there for people reading the catalog. A name that
 * would pass 63 bytes is refused rather than cut by PostgreSQL behind our back.
 */
export function generatedNames(migrationId: string, table: string, n: number, field: Field): GeneratedNames {
  const dot = table.lastIndexOf('.');
  const schema = dot >= 0 ? table.slice(0, dot) : undefined;
  const base = `cutover_${migrationId}_${table.slice(dot + 1)}_${n}`;
  const longest = `${base}_update`;
  if (Buffer.byteLength(longest) > MAX_NAME_BYTES) {
    throw new BadInputError(
      `${field.file}: ${field.path}: the trigger this change creates would be named ${longest}, ${Buffer.byteLength(longest)} bytes; PostgreSQL keeps only ${MAX_NAME_BYTES}. Use a shorter migration id, or write this change as expand.sql, migrate.yml and contract.sql.`
    );
  }
  return {
    functionName: schema === undefined ? quoteIdent(base) : `${schema}.${quoteIdent(base)}`,
    trigger: suffix => quoteIdent(`${base}_${suffix}`)
  };
}
