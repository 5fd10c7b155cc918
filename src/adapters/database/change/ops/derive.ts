import { BadInputError } from '../../../../shared/errors.js';
import type { CompiledOp, OpContext } from '../compiled.js';
import { Expression, SqlType } from '../expressions.js';
import { generatedNames } from '../names.js';
import type { OpSpec } from '../schema.js';
import { createTriggers, dropTriggers, rowColumn, type TriggerSet } from '../triggers.js';

/*
 * add_column, rename_column, change_type, split_column and merge_columns are
 * one thing: new columns N computed from the row (up), optionally old columns
 * kept in step from the new ones (down), and for all but add_column old
 * columns that only the old version uses, dropped in contract.
 */

interface NewColumn {
  column: string;
  type: SqlType;
  /** The value the column holds once in step: up, cast to the column's type as storing it would. */
  value: Expression;
}

interface OldColumn {
  column: string;
  down: Expression;
}

interface Derivation {
  news: NewColumn[];
  olds: OldColumn[];
  /** Old columns contract drops. */
  dropped: string[];
}

const ident = (column: string) => Expression.column(column).plain();

async function newColumn(column: string, typeText: string, upText: string, ctx: OpContext, at: string): Promise<NewColumn> {
  const type = await SqlType.parse(typeText, ctx.field(`${at}type`));
  const up = await Expression.parse(upText, ctx.field(`${at}up`), 'abalance * 100');
  return { column, type, value: up.castTo(type) };
}

async function oldColumns(down: Record<string, string> | undefined, ctx: OpContext): Promise<OldColumn[]> {
  return Promise.all(Object.entries(down ?? {}).map(async ([column, text]) => ({ column, down: await Expression.parse(text, ctx.field(`down.${column}`), 'abalance_cents / 100') })));
}

export async function addColumn(op: OpSpec<'add_column'>, ctx: OpContext): Promise<CompiledOp> {
  return compile({ news: [await newColumn(op.column, op.type, op.up, ctx, '')], olds: await oldColumns(op.down, ctx), dropped: [] }, ctx);
}

export async function renameColumn(op: OpSpec<'rename_column'>, ctx: OpContext): Promise<CompiledOp> {
  const type = await SqlType.parse(op.type, ctx.field('type'));
  // Both versions write: the old one `from`, the new one `to`; each is kept from the other.
  return compile({ news: [{ column: op.to, type, value: Expression.column(op.from).castTo(type) }], olds: [{ column: op.from, down: Expression.column(op.to) }], dropped: [op.from] }, ctx);
}

export async function changeType(op: OpSpec<'change_type'>, ctx: OpContext): Promise<CompiledOp> {
  return compile({ news: [await newColumn(op.to, op.type, op.up, ctx, '')], olds: await oldColumns(op.down, ctx), dropped: [op.column] }, ctx);
}

export async function splitColumn(op: OpSpec<'split_column'>, ctx: OpContext): Promise<CompiledOp> {
  const news = await Promise.all(Object.entries(op.into).map(([column, into]) => newColumn(column, into.type, into.up, ctx, `into.${column}.`)));
  return compile({ news, olds: await oldColumns(op.down, ctx), dropped: [op.column] }, ctx);
}

export async function mergeColumns(op: OpSpec<'merge_columns'>, ctx: OpContext): Promise<CompiledOp> {
  return compile({ news: [await newColumn(op.into, op.type, op.up, ctx, '')], olds: await oldColumns(op.down, ctx), dropped: op.columns }, ctx);
}

const all = (parts: string[], op: 'AND' | 'OR') => (parts.length === 1 ? (parts[0] as string) : parts.map(p => `(${p})`).join(` ${op} `));

/** Whether every new column holds its value computed from the row: the one condition the triggers, the backfill and the check share. */
async function consistent(news: readonly NewColumn[], row: 'new' | undefined): Promise<string> {
  const column = (c: string) => (row ? rowColumn(row, c) : ident(c));
  const value = (e: Expression) => (row ? e.of(row) : e.plain());
  return all(await Promise.all(news.map(async n => `${await column(n.column)} IS NOT DISTINCT FROM ${await value(n.value)}`)), 'AND');
}

/**
 * The trigger: a write that sets a new column came from the new version,
 * which keeps the old columns from it (when down says how); any other write
 * came from the old version, and the new columns are computed from it.
 */
async function triggerSet(d: Derivation, ctx: OpContext): Promise<TriggerSet> {
  const newCols = d.news.map(n => n.column);
  const sources = [...new Set([...d.news.flatMap(n => n.value.reads), ...newCols])];
  const inConsistent = `NOT (${await consistent(d.news, 'new')})`;
  const changed = await Promise.all(sources.map(async c => `${await rowColumn('old', c)} IS DISTINCT FROM ${await rowColumn('new', c)}`));
  const insertWritten = await Promise.all(newCols.map(async c => `${await rowColumn('new', c)} IS NOT NULL`));
  const updateWritten = await Promise.all(newCols.map(async c => `${await rowColumn('new', c)} IS DISTINCT FROM ${await rowColumn('old', c)}`));
  const computeNew = await Promise.all(d.news.map(async n => `  ${await rowColumn('new', n.column)} := ${await n.value.of('new')};`));
  const keepOld = await Promise.all(d.olds.map(async o => `  ${await rowColumn('new', o.column)} := ${await o.down.of('new')};`));
  const branch = keepOld.length ? ['IF written THEN', ...keepOld, 'ELSE', ...computeNew, 'END IF;'] : ['IF NOT written THEN', ...computeNew, 'END IF;'];
  return {
    table: ctx.table,
    names: generatedNames(ctx.migrationId, ctx.table, ctx.n, ctx.field('')),
    declare: ['written boolean;'],
    body: ["IF TG_OP = 'INSERT' THEN", `  written := ${insertWritten.join(' OR ')};`, 'ELSE', `  written := ${updateWritten.join(' OR ')};`, 'END IF;', ...branch],
    triggers: [
      { suffix: 'insert', events: 'INSERT', when: inConsistent },
      { suffix: 'update', events: 'UPDATE', when: `(${changed.join(' OR ')}) AND ${inConsistent}` }
    ]
  };
}

async function compile(d: Derivation, ctx: OpContext): Promise<CompiledOp> {
  const both = d.olds.find(o => d.news.some(n => n.column === o.column));
  if (both) {
    throw new BadInputError(`${ctx.file}: ${ctx.field(`down.${both.column}`).path}: ${both.column} is a new column; down keeps the old version's columns in step from the new ones. Name an old column there.`);
  }
  const triggers = await triggerSet(d, ctx);
  const added = await Promise.all(d.news.map(async n => `ADD COLUMN ${await ident(n.column)} ${await n.type.text()}`));
  const keptFromNew = new Set(d.olds.map(o => o.column));
  // An old column nothing keeps in step gets no value from the new version's inserts: it must accept NULL until contract drops it.
  const nullable = await Promise.all(d.dropped.filter(c => !keptFromNew.has(c)).map(async c => `ALTER COLUMN ${await ident(c)} DROP NOT NULL`));
  const dropped = await Promise.all(d.dropped.map(async c => `DROP COLUMN ${await ident(c)}`));
  const check = await consistent(d.news, undefined);
  return {
    expand: [`ALTER TABLE ${ctx.table} ${added.join(', ')}`, ...(nullable.length ? [`ALTER TABLE ${ctx.table} ${nullable.join(', ')}`] : []), ...createTriggers(triggers)],
    backfill: {
      table: ctx.table,
      set: await Promise.all(d.news.map(async n => ({ column: n.column, expr: await n.value.plain() }))),
      where: `NOT (${check})`,
      verify: check,
      // migrate.yml checks by default each SET column whose expression reads another column.
      verifyIsDefault: d.news.every(n => n.value.reads.some(c => c !== n.column))
    },
    // Triggers first: their WHEN clauses depend on the columns dropped after them.
    contract: [...dropTriggers(triggers), ...(dropped.length ? [`ALTER TABLE ${ctx.table} ${dropped.join(', ')}`] : [])]
  };
}
