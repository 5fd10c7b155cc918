import type { Node } from 'libpg-query';
import { deparse } from 'pgsql-deparser';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { durationSchema } from '../../shared/duration.js';
import { closest, describeIssues } from '../../shared/problems.js';
import { BadInputError } from '../../shared/errors.js';
import type { MigrationPart } from './migrations.js';
import { ruleIds } from './lint/rules.js';
import { parseSql } from './sql/statements.js';
import { conditionOf, derivedCondition } from './verify-condition.js';

/** How batches are sized: toward `targetMs` per batch, never outside `min`..`max` rows. */
export interface BatchSettings {
  targetMs: number;
  min: number;
  max: number;
  initial: number;
  /** Rest between batches, to leave the database room under heavy load. */
  pauseMs: number;
}

/** 20 ms per batch: a live writer that needs one of its rows waits up to that long; longer batches gain little speed. */
export const DEFAULT_BATCH: BatchSettings = { targetMs: 20, min: 100, max: 50_000, initial: 1000, pauseMs: 0 };

/** A backfill: one UPDATE, run in batches over the key. */
export interface BackfillPlan {
  table: string;
  alias?: string;
  set: { column: string; expr: string }[];
  where?: string;
  /** Key columns; the table's primary key when not given. */
  key?: string[];
  batch: BatchSettings;
  /** What every row must satisfy once the backfill is done (a row is inconsistent when it IS NOT TRUE); none: no check. */
  verify?: string;
  /** migrate.yml's lint rules allowed, by id, with the reason recorded in the history: its form of a `-- cutover:allow` comment. */
  allow?: Record<string, string>;
}

const batchSchema = z
  .strictObject({
    target: durationSchema.optional(),
    min: z.number().int().positive().optional(),
    max: z.number().int().positive().optional(),
    initial: z.number().int().positive().optional(),
    pause: durationSchema.optional()
  })
  .default({});

const specSchema = z.strictObject({
  table: z.string().regex(/^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?$/, 'expected a table name, like users or app.users'),
  key: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  set: z.record(z.string(), z.string().min(1), { error: 'expected column: SQL expression pairs' }).refine(set => Object.keys(set).length > 0, 'expected at least one column'),
  where: z.string().min(1).optional(),
  batch: batchSchema,
  verify: z.union([z.literal(false), z.string().min(1)], { error: 'expected an SQL condition every row must satisfy, or false for no check' }).optional(),
  allow: z.record(z.string(), z.string().trim().min(1, 'expected the reason it is fine here; it is recorded in the migration history'), { error: 'expected rule: reason pairs' }).optional()
});

/** The allowed rules, each a known rule id: a misspelt one would allow nothing and fail the lint confusingly. */
function allowsOf(given: Record<string, string>, file: string): Record<string, string> {
  for (const rule of Object.keys(given)) {
    if (ruleIds.includes(rule)) continue;
    const guess = closest(rule, ruleIds);
    throw new BadInputError(`${file}: allow: there is no rule "${rule}"${guess ? ` (did you mean ${guess}?)` : ''}. Known rules: ${ruleIds.join(', ')}.`);
  }
  return Object.fromEntries(Object.entries(given).map(([rule, reason]) => [rule, reason.replace(/\s+/g, ' ')]));
}

function batchSettings(given: z.output<typeof batchSchema>, defaults: BatchSettings, file: string): BatchSettings {
  const settings: BatchSettings = {
    targetMs: given.target ?? defaults.targetMs,
    min: given.min ?? defaults.min,
    max: given.max ?? defaults.max,
    initial: given.initial ?? defaults.initial,
    pauseMs: given.pause ?? defaults.pauseMs
  };
  if (settings.min > settings.max) throw new BadInputError(`${file}: batch.min (${settings.min}) is larger than batch.max (${settings.max}). Make min at most max.`);
  settings.initial = Math.min(settings.max, Math.max(settings.min, settings.initial));
  return settings;
}

interface UpdateNode {
  relation: { schemaname?: string; relname: string; alias?: { aliasname: string } };
  targetList: { ResTarget: { name?: string; indirection?: unknown[]; val: unknown } }[];
  whereClause?: unknown;
  fromClause?: unknown[];
  returningList?: unknown[];
  withClause?: unknown;
}

/** Reads the one UPDATE of a migrate.sql into a plan; anything else belongs in expand.sql or migrate.yml. */
async function planFromUpdate(part: MigrationPart, text: string, batch: BatchSettings): Promise<BackfillPlan> {
  const statements = await parseSql(text, part.file);
  const refuse = (line: number, what: string) =>
    new BadInputError(`${part.file}:${line}: ${what}. migrate.sql holds exactly one UPDATE, which cutover runs in batches over the primary key; use migrate.yml for more control, and expand.sql for DDL.`);
  if (statements.length !== 1) throw refuse(statements[1]?.line ?? 1, `found ${statements.length} statements`);
  const statement = statements[0] as (typeof statements)[number];
  const update = (statement.node as { UpdateStmt?: UpdateNode }).UpdateStmt;
  if (!update) throw refuse(statement.line, `found ${statement.kind}, not UPDATE`);
  if (update.fromClause?.length || update.returningList?.length || update.withClause) throw refuse(statement.line, 'UPDATE ... FROM, RETURNING and WITH are not batched');
  const set = [];
  for (const target of update.targetList) {
    if (!target.ResTarget.name || target.ResTarget.indirection?.length || (target.ResTarget.val as { MultiAssignRef?: unknown }).MultiAssignRef) {
      throw refuse(statement.line, 'each SET must assign one whole column (column = expression)');
    }
    set.push({ column: target.ResTarget.name, expr: await deparse(target.ResTarget.val as never), tree: target.ResTarget.val as Node });
  }
  const relation = update.relation;
  const verify = derivedCondition(set);
  return {
    table: relation.schemaname ? `${relation.schemaname}.${relation.relname}` : relation.relname,
    ...(relation.alias ? { alias: relation.alias.aliasname } : {}),
    set: set.map(({ column, expr }) => ({ column, expr })),
    ...(update.whereClause ? { where: await deparse(update.whereClause as never) } : {}),
    batch,
    ...(verify ? { verify } : {})
  };
}

/**
 * The backfill a migrate part describes. migrate.sql: one UPDATE. migrate.yml:
 * table, set (column: expression), optional where, key, batch settings and
 * verify (the condition rows must satisfy after it; derived from set by default);
 * its expressions are checked by parsing the UPDATE they form, so a fragment
 * cannot smuggle in a second statement.
 */
export async function backfillPlanOf(part: MigrationPart, defaults: BatchSettings = DEFAULT_BATCH): Promise<BackfillPlan> {
  if (part.format === 'sql') return planFromUpdate(part, part.text, defaults);
  let raw: unknown;
  try {
    raw = parseYaml(part.text);
  } catch (error) {
    throw new BadInputError(`${part.file}: not valid YAML: ${(error as Error).message}`);
  }
  const result = specSchema.safeParse(raw ?? {});
  if (!result.success) {
    throw new BadInputError(`${part.file}: ${describeIssues(result.error.issues, raw, specSchema, path => path).join('; ')}.`);
  }
  const spec = result.data;
  const composed = `UPDATE ${spec.table} SET ${Object.entries(spec.set)
    .map(([column, expr]) => `${JSON.stringify(column)} = ${expr}`)
    .join(', ')}${spec.where ? ` WHERE ${spec.where}` : ''}`;
  const plan = await planFromUpdate(part, composed, batchSettings(spec.batch, defaults, part.file)).catch((error: unknown) => {
    throw new BadInputError(`${part.file}: set and where must be SQL expressions; together they do not form one UPDATE: ${(error as Error).message}`);
  });
  const { verify: derived, ...rest } = plan;
  const verify = spec.verify === undefined ? derived : spec.verify === false ? undefined : await conditionOf(spec.verify, part.file);
  return { ...rest, ...(spec.key ? { key: Array.isArray(spec.key) ? spec.key : [spec.key] } : {}), ...(verify ? { verify } : {}), ...(spec.allow ? { allow: allowsOf(spec.allow, part.file) } : {}) };
}
