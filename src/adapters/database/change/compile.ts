import { stringify } from 'yaml';
import { BadInputError } from '../../../shared/errors.js';
import type { Backfill, CompiledOp, OpContext } from './compiled.js';
import { addCheck, addForeignKey, addNotNull, addUnique } from './ops/constraints.js';
import { addColumn, changeType, mergeColumns, renameColumn, splitColumn } from './ops/derive.js';
import { dropColumn, dropTable } from './ops/drop.js';
import { readChangeSpec, type AnyOp, type OpKind, type OpSpec } from './schema.js';

/** The three texts a change.yml stands for, as a user could have written them. */
export interface CompiledChange {
  expand?: string;
  /** migrate.yml, when some change needs a backfill. */
  migrate?: string;
  contract?: string;
}

type Compiler<K extends OpKind> = (op: OpSpec<K>, ctx: OpContext) => CompiledOp | Promise<CompiledOp>;

const COMPILERS: { [K in OpKind]: Compiler<K> } = {
  add_column: addColumn,
  rename_column: renameColumn,
  change_type: changeType,
  split_column: splitColumn,
  merge_columns: mergeColumns,
  add_not_null: addNotNull,
  add_check: addCheck,
  add_foreign_key: addForeignKey,
  add_unique: addUnique,
  drop_column: dropColumn,
  drop_table: dropTable
};

function compileOp(op: AnyOp, ctx: OpContext): CompiledOp | Promise<CompiledOp> {
  return (COMPILERS[op.kind] as Compiler<typeof op.kind>)(op.spec as never, ctx);
}

const sqlText = (statements: readonly string[]) => (statements.length ? `${statements.join(';\n\n')};\n` : undefined);

/**
 * One migrate phase runs one backfill, so every change that needs one must
 * be on one table; their columns are set in one UPDATE, of the rows any of
 * them still needs, and every row must then satisfy all of their checks.
 */
function mergedBackfill(backfills: { backfill: Backfill; op: AnyOp }[], file: string): Backfill | undefined {
  const [first, ...rest] = backfills;
  if (!first) return undefined;
  const other = rest.find(b => b.backfill.table !== first.backfill.table);
  if (other) {
    throw new BadInputError(
      `${file}: ${first.op.path} backfills ${first.backfill.table} and ${other.op.path} backfills ${other.backfill.table}; a migration runs one backfill, on one table. Split these changes into two migrations.`
    );
  }
  const setBy = new Map<string, string>();
  for (const { backfill, op } of backfills) {
    for (const { column } of backfill.set) {
      const earlier = setBy.get(column);
      if (earlier) throw new BadInputError(`${file}: ${earlier} and ${op.path} both write column ${column} in the backfill. Split these changes into two migrations.`);
      setBy.set(column, op.path);
    }
  }
  const parts = backfills.map(b => b.backfill);
  const joined = (texts: string[], op: 'AND' | 'OR') => (texts.length === 1 ? (texts[0] as string) : texts.map(t => `(${t})`).join(` ${op} `));
  return {
    table: first.backfill.table,
    set: parts.flatMap(b => b.set),
    where: joined(parts.map(b => b.where), 'OR'),
    verify: joined(parts.map(b => b.verify), 'AND'),
    verifyIsDefault: parts.every(b => b.verifyIsDefault)
  };
}

/** migrate.yml's text; `verify` only where its default would not check exactly what the changes need. */
function migrateYaml(backfill: Backfill, batch: Record<string, unknown> | undefined): string {
  return stringify({
    table: backfill.table,
    set: Object.fromEntries(backfill.set.map(s => [s.column, s.expr])),
    where: backfill.where,
    ...(backfill.verifyIsDefault ? {} : { verify: backfill.verify }),
    ...(batch ? { batch } : {})
  }, { lineWidth: 0 });
}

/** Compiles change.yml into expand SQL, migrate.yml and contract SQL. */
export async function compileChange(text: string, file: string, migrationId: string): Promise<CompiledChange> {
  const spec = readChangeSpec(text, file);
  const compiled: { op: AnyOp; result: CompiledOp }[] = [];
  for (const [i, op] of spec.ops.entries()) {
    const table = (op.spec as { table?: string }).table ?? spec.table;
    if (table === undefined) throw new BadInputError(`${file}: ${op.path}.table: no table given. Give table: at the top of change.yml, or in this change.`);
    const ctx: OpContext = { file, migrationId, n: i + 1, table, field: name => ({ file, path: name ? `${op.path}.${name}` : op.path }) };
    compiled.push({ op, result: await compileOp(op, ctx) });
  }
  const backfill = mergedBackfill(
    compiled.flatMap(({ op, result }) => (result.backfill ? [{ backfill: result.backfill, op }] : [])),
    file
  );
  if (!backfill && spec.batch) throw new BadInputError(`${file}: batch: no change here needs a backfill, so there is nothing to batch. Remove batch.`);
  const expand = sqlText(compiled.flatMap(c => c.result.expand));
  const contract = sqlText(compiled.flatMap(c => c.result.contract));
  return { ...(expand ? { expand } : {}), ...(backfill ? { migrate: migrateYaml(backfill, spec.batch) } : {}), ...(contract ? { contract } : {}) };
}
