import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { closest, describeIssues } from '../../../shared/problems.js';
import { BadInputError } from '../../../shared/errors.js';
import { MAX_NAME_BYTES } from './names.js';

/*
 * change.yml: a migration written as operations. Read here into plain
 * objects; each operation's SQL fields are parsed by the operation itself.
 */

/** PostgreSQL keeps the first 63 bytes of a name and silently drops the rest, so two long names can become one. */
const fits = (text: string) => text.split('.').every(part => Buffer.byteLength(part) <= MAX_NAME_BYTES);
const TOO_LONG = `longer than the ${MAX_NAME_BYTES} bytes PostgreSQL keeps (it would silently cut it); choose a shorter name`;
/** Written unquoted, as migrate.yml writes it, so the generated SQL and the backfill fold a name alike. */
const tableName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?$/, 'expected a table name, like users or app.users')
  .refine(fits, TOO_LONG);
const name = z.string().min(1, 'expected a name').refine(fits, TOO_LONG);
const sql = z.string().min(1, 'expected an SQL expression');
const columns = z.array(name).min(1, 'expected at least one column');
/** A map keyed by column names; its keys are checked here, where a message can name the key. */
function byColumn<T extends z.ZodType>(value: T) {
  return z.record(z.string(), value).superRefine((map, ctx) => {
    for (const key of Object.keys(map)) if (!key || !fits(key)) ctx.addIssue({ code: 'custom', message: key ? TOO_LONG : 'expected a column name', path: [key] });
  });
}
/** Old columns the new version no longer writes, each with the expression that keeps it in step from the new ones. */
const down = byColumn(sql).optional();

export const OP_SCHEMAS = {
  add_column: z.strictObject({ table: tableName.optional(), column: name, type: sql, up: sql, down }),
  rename_column: z.strictObject({ table: tableName.optional(), from: name, to: name, type: sql }),
  change_type: z.strictObject({ table: tableName.optional(), column: name, to: name, type: sql, up: sql, down }),
  split_column: z.strictObject({
    table: tableName.optional(),
    column: name,
    into: byColumn(z.strictObject({ type: sql, up: sql })).refine(into => Object.keys(into).length > 0, 'expected at least one column'),
    down
  }),
  merge_columns: z.strictObject({ table: tableName.optional(), columns: z.array(name).min(2, 'expected at least two columns'), into: name, type: sql, up: sql, down }),
  add_not_null: z.strictObject({ table: tableName.optional(), column: name, fill: sql, name: name.optional() }),
  add_check: z
    .strictObject({ table: tableName.optional(), name, check: sql, column: name.optional(), fix: sql.optional() })
    .refine(op => (op.column === undefined) === (op.fix === undefined), { message: 'give column and fix together (the column fix rewrites in rows that fail the check), or neither', path: ['fix'] }),
  add_foreign_key: z.strictObject({
    table: tableName.optional(),
    name,
    columns,
    references: z.strictObject({ table: tableName, columns }),
    on_delete: z.enum(['cascade', 'restrict', 'set null', 'set default', 'no action']).optional()
  }),
  add_unique: z.strictObject({ table: tableName.optional(), name, columns }),
  drop_column: z.strictObject({ table: tableName.optional(), column: name, down: sql.optional() }),
  drop_table: z.strictObject({ table: tableName })
};

export type OpKind = keyof typeof OP_SCHEMAS;
export type OpSpec<K extends OpKind> = z.output<(typeof OP_SCHEMAS)[K]>;
export type AnyOp = { [K in OpKind]: { kind: K; spec: OpSpec<K>; path: string } }[OpKind];

const changeSchema = z.strictObject({
  table: tableName.optional(),
  changes: z.array(z.record(z.string(), z.unknown())).min(1, 'expected at least one change'),
  /** Passed to the generated migrate.yml as written; it checks them. */
  batch: z.record(z.string(), z.unknown()).optional()
});

export interface ChangeSpec {
  table?: string;
  ops: AnyOp[];
  batch?: Record<string, unknown>;
}

const KINDS = Object.keys(OP_SCHEMAS) as OpKind[];

function invalid(file: string, issues: z.core.$ZodIssue[], raw: unknown, schema: z.ZodType, prefix: string): BadInputError {
  const lines = describeIssues(issues, raw, schema, path => (path === '(top level)' ? prefix || path : [prefix, path].filter(Boolean).join('.')));
  return new BadInputError(`${file}: ${lines.join('; ')}.`);
}

/** Reads change.yml: its fields and each change's operation, refusing anything unknown with the name meant. */
export function readChangeSpec(text: string, file: string): ChangeSpec {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new BadInputError(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  const top = changeSchema.safeParse(raw ?? {});
  if (!top.success) throw invalid(file, top.error.issues, raw, changeSchema, '');
  const ops = top.data.changes.map((entry, i): AnyOp => {
    const keys = Object.keys(entry);
    const kind = keys[0] as OpKind;
    if (keys.length !== 1 || !KINDS.includes(kind)) {
      const guess = keys.length === 1 ? closest(keys[0] as string, KINDS) : undefined;
      throw new BadInputError(
        `${file}: changes.${i}: expected one operation (${KINDS.join(', ')}), got ${keys.length ? keys.join(', ') : 'nothing'}${guess ? `; did you mean ${guess}?` : ''}. Write each change as its own list item, like "- add_column: {column: c, type: bigint, up: a * 100}".`
      );
    }
    const path = `changes.${i}.${kind}`;
    const schema = OP_SCHEMAS[kind] as z.ZodType;
    const parsed = schema.safeParse(entry[kind] ?? {});
    if (!parsed.success) throw invalid(file, parsed.error.issues, entry[kind], schema, path);
    return { kind, spec: parsed.data, path } as AnyOp;
  });
  return { ...(top.data.table ? { table: top.data.table } : {}), ops, ...(top.data.batch ? { batch: top.data.batch } : {}) };
}
