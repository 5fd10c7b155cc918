import type { BackfillPlan } from '../backfill-plan.js';
import { quoteIdent } from '../connection.js';
import { DB_PHASES, type DbPhase, type MigrationPart } from '../migrations.js';
import { parseSql } from '../sql/statements.js';
import type { SqlStatement } from '../sql/statement.js';
import { lintStatements, type Finding } from './lint.js';

/*
 * Linting a part as one of its migration: `cutover db lint` and the phases
 * both go through here, so a file is judged the same before and at release.
 */

/** The SQL statements of the parts that run before `phase`: what they create exists when it runs. */
export async function statementsBefore(parts: Partial<Record<DbPhase, MigrationPart>>, phase: DbPhase): Promise<SqlStatement[]> {
  const before = DB_PHASES.slice(0, DB_PHASES.indexOf(phase)).flatMap(p => {
    const part = parts[p];
    return part?.format === 'sql' ? [part] : [];
  });
  return (await Promise.all(before.map(part => parseSql(part.text, part.file)))).flat();
}

/** The UPDATE a backfill runs in batches, without the key range each batch adds. */
function backfillUpdate(plan: BackfillPlan): string {
  const set = plan.set.map(s => `${quoteIdent(s.column)} = ${s.expr}`).join(', ');
  return `UPDATE ${plan.table}${plan.alias ? ` AS ${plan.alias}` : ''} SET ${set}${plan.where ? ` WHERE ${plan.where}` : ''}`;
}

/**
 * The findings of a migrate part. migrate.sql is linted as written, so its
 * allow comments count; migrate.yml is linted as the UPDATE its fields form,
 * and its `allow:` map allows findings as those comments do.
 */
export async function lintBackfill(part: MigrationPart, plan: BackfillPlan, earlier: readonly SqlStatement[]): Promise<Finding[]> {
  const text = part.format === 'sql' ? part.text : backfillUpdate(plan);
  const findings = lintStatements(await parseSql(text, part.file), 'migrate', part.file, earlier);
  const allow = new Map(Object.entries(plan.allow ?? {}));
  return findings.map(f => (f.allowed === undefined && allow.has(f.rule) ? { ...f, allowed: allow.get(f.rule) } : f));
}
