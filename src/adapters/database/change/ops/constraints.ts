import { BadInputError } from '../../../../shared/errors.js';
import type { CompiledOp, OpContext } from '../compiled.js';
import { Expression } from '../expressions.js';
import { generatedNames, MAX_NAME_BYTES } from '../names.js';
import type { OpSpec } from '../schema.js';
import { createTriggers, dropTriggers, rowColumn, type TriggerSet } from '../triggers.js';

/*
 * Constraints in the two steps that keep traffic flowing: added NOT VALID in
 * expand (new writes are checked at once, existing rows are not scanned),
 * validated in contract under a lock that lets reads and writes through.
 * Where rows must be fixed first, a trigger fixes each write of the old
 * version and the backfill fixes the rows already there.
 */

const ident = (name: string) => Expression.column(name).plain();
const list = async (names: readonly string[]) => (await Promise.all(names.map(ident))).join(', ');

/** A trigger that sets `column` to `value` of the row whenever `broken` holds for it. */
async function fixingTrigger(ctx: OpContext, column: string, value: Expression, broken: string): Promise<TriggerSet> {
  return {
    table: ctx.table,
    names: generatedNames(ctx.migrationId, ctx.table, ctx.n, ctx.field('')),
    declare: [],
    body: [`${await rowColumn('new', column)} := ${await value.of('new')};`],
    triggers: [{ suffix: 'write', events: 'INSERT OR UPDATE', when: broken }]
  };
}

export async function addNotNull(op: OpSpec<'add_not_null'>, ctx: OpContext): Promise<CompiledOp> {
  const name = op.name ?? generatedConstraintName(ctx, op.column);
  const fill = await Expression.parse(op.fill, ctx.field('fill'), "'unknown@example.invalid'");
  const column = await ident(op.column);
  const triggers = await fixingTrigger(ctx, op.column, fill, `${await rowColumn('new', op.column)} IS NULL`);
  return {
    expand: [...createTriggers(triggers), `ALTER TABLE ${ctx.table} ADD CONSTRAINT ${await ident(name)} CHECK (${column} IS NOT NULL) NOT VALID`],
    // coalesce: another change's backfill in the same migration may select this row for its own columns.
    backfill: { table: ctx.table, set: [{ column: op.column, expr: `coalesce(${column}, ${await fill.plain()})` }], where: `${column} IS NULL`, verify: `${column} IS NOT NULL`, verifyIsDefault: false },
    contract: [
      `ALTER TABLE ${ctx.table} VALIDATE CONSTRAINT ${await ident(name)}`,
      // The validated CHECK proves there is no NULL, so SET NOT NULL skips its scan.
      `ALTER TABLE ${ctx.table} ALTER COLUMN ${column} SET NOT NULL`,
      `ALTER TABLE ${ctx.table} DROP CONSTRAINT ${await ident(name)}`,
      ...dropTriggers(triggers)
    ]
  };
}

function generatedConstraintName(ctx: OpContext, column: string): string {
  // Not <table>_<column>_not_null: PostgreSQL 18 gives that name to the column's own NOT NULL constraint.
  const name = `${ctx.table.slice(ctx.table.lastIndexOf('.') + 1)}_${column}_not_null_check`;
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) {
    throw new BadInputError(
      `${ctx.file}: ${ctx.field('name').path}: the CHECK constraint this change adds would be named ${name}, longer than the ${MAX_NAME_BYTES} bytes PostgreSQL keeps. Give it a shorter one with name:.`
    );
  }
  return name;
}

export async function addCheck(op: OpSpec<'add_check'>, ctx: OpContext): Promise<CompiledOp> {
  const name = await ident(op.name);
  const check = await Expression.parse(op.check, ctx.field('check'), 'price_cents > 0');
  const added = `ALTER TABLE ${ctx.table} ADD CONSTRAINT ${name} CHECK (${await check.plain()}) NOT VALID`;
  const validate = `ALTER TABLE ${ctx.table} VALIDATE CONSTRAINT ${name}`;
  if (op.column === undefined || op.fix === undefined) return { expand: [added], contract: [validate] };
  const fix = await Expression.parse(op.fix, ctx.field('fix'), 'greatest(price_cents, 1)');
  // A CHECK passes when its condition is true or NULL.
  const passes = (expr: string) => `coalesce((${expr}), true)`;
  const column = await ident(op.column);
  const triggers = await fixingTrigger(ctx, op.column, fix, `NOT ${passes(await check.of('new'))}`);
  return {
    expand: [...createTriggers(triggers), added],
    backfill: {
      table: ctx.table,
      set: [{ column: op.column, expr: `CASE WHEN ${passes(await check.plain())} THEN ${column} ELSE ${await fix.plain()} END` }],
      where: `NOT ${passes(await check.plain())}`,
      verify: passes(await check.plain()),
      verifyIsDefault: false
    },
    contract: [validate, ...dropTriggers(triggers)]
  };
}

export async function addForeignKey(op: OpSpec<'add_foreign_key'>, ctx: OpContext): Promise<CompiledOp> {
  const name = await ident(op.name);
  const onDelete = op.on_delete ? ` ON DELETE ${op.on_delete.toUpperCase()}` : '';
  return {
    expand: [`ALTER TABLE ${ctx.table} ADD CONSTRAINT ${name} FOREIGN KEY (${await list(op.columns)}) REFERENCES ${op.references.table} (${await list(op.references.columns)})${onDelete} NOT VALID`],
    contract: [`ALTER TABLE ${ctx.table} VALIDATE CONSTRAINT ${name}`]
  };
}

export async function addUnique(op: OpSpec<'add_unique'>, ctx: OpContext): Promise<CompiledOp> {
  const name = await ident(op.name);
  return {
    expand: [`CREATE UNIQUE INDEX CONCURRENTLY ${name} ON ${ctx.table} (${await list(op.columns)})`],
    // Takes over the index built in expand: a short lock, no second build.
    contract: [`ALTER TABLE ${ctx.table} ADD CONSTRAINT ${name} UNIQUE USING INDEX ${name}`]
  };
}
