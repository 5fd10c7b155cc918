import type { CompiledOp, OpContext } from '../compiled.js';
import { Expression } from '../expressions.js';
import { generatedNames } from '../names.js';
import type { OpSpec } from '../schema.js';
import { createTriggers, dropTriggers, rowColumn } from '../triggers.js';

/* Dropping what only the old version uses: in contract, once that version is gone. */

export async function dropColumn(op: OpSpec<'drop_column'>, ctx: OpContext): Promise<CompiledOp> {
  const column = await Expression.column(op.column).plain();
  const drop = `ALTER TABLE ${ctx.table} DROP COLUMN ${column}`;
  if (op.down === undefined) {
    // The new version's inserts leave the column out: it must accept NULL until it is dropped.
    return { expand: [`ALTER TABLE ${ctx.table} ALTER COLUMN ${column} DROP NOT NULL`], contract: [drop] };
  }
  const down = await Expression.parse(op.down, ctx.field('down'), "''");
  const triggers = {
    table: ctx.table,
    names: generatedNames(ctx.migrationId, ctx.table, ctx.n, ctx.field('')),
    declare: [],
    body: [`${await rowColumn('new', op.column)} := ${await down.of('new')};`],
    triggers: [{ suffix: 'insert' as const, events: 'INSERT' as const, when: `${await rowColumn('new', op.column)} IS NULL` }]
  };
  return { expand: createTriggers(triggers), contract: [...dropTriggers(triggers), drop] };
}

export function dropTable(op: OpSpec<'drop_table'>): CompiledOp {
  return { expand: [], contract: [`DROP TABLE ${op.table}`] };
}
