import { shorten } from '../../shared/logging/outside-text.js';
import { backfillPlanOf, type BackfillPlan, type BatchSettings } from './backfill-plan.js';
import { rowOf, type HistoryRow } from './history.js';
import { statementsBefore } from './lint/migration-parts.js';
import { formatLock, locksOf } from './locks.js';
import { DB_PHASES, isGenerated, type DbPhase, type Migration, type MigrationPart } from './migrations.js';
import { parseSql } from './sql/statements.js';
import type { SqlStatement } from './sql/statement.js';

export interface PlanRow {
  migration: string;
  phase: DbPhase;
  statement: string;
  lock: string;
}

/**
 * A part's statements, each with what runs before it: the earlier parts of its
 * migration and the earlier statements of the part (a CHECK added NOT VALID in
 * expand and validated in contract lets SET NOT NULL skip its scan).
 */
async function statementsWithContext(migration: Migration, part: MigrationPart): Promise<{ statement: SqlStatement; earlier: SqlStatement[] }[]> {
  const before = await statementsBefore(migration.parts, part.phase);
  const statements = await parseSql(part.text, part.file);
  return statements.map((statement, i) => ({ statement, earlier: [...before, ...statements.slice(0, i)] }));
}

const backfillText = (plan: BackfillPlan, cut: (text: string) => string) =>
  `backfill ${plan.table}: SET ${plan.set.map(s => `${s.column} = ${cut(s.expr)}`).join(', ')}${plan.where ? ` WHERE ${cut(plan.where)}` : ''}`;

/** Each statement of each phase with the locks it takes, as rows for a table. */
export async function planRows(migrations: readonly Migration[], batch: BatchSettings): Promise<PlanRow[]> {
  const rows: PlanRow[] = [];
  for (const phase of DB_PHASES) {
    for (const migration of migrations.filter(m => m.parts[phase])) {
      const part = migration.parts[phase] as MigrationPart;
      const name = `${migration.id}_${migration.name}`;
      if (phase === 'migrate') {
        rows.push({ migration: name, phase, statement: backfillText(await backfillPlanOf(part, batch), text => text), lock: BACKFILL_LOCK });
        continue;
      }
      for (const { statement, earlier } of await statementsWithContext(migration, part)) {
        const locks = locksOf(statement, earlier).map(formatLock);
        rows.push({ migration: name, phase, statement: statement.text, lock: [...locks, ...(statement.transactional ? [] : ['outside a transaction'])].join('; ') || 'none' });
      }
    }
  }
  return rows;
}

const BACKFILL_LOCK = 'ROW EXCLUSIVE on the table and row locks on one batch at a time; blocks writes to those rows only';

/** A generated part's text is shown whole, indented under its line: nobody wrote it, so the plan is where it is read. */
function statementLines(statement: SqlStatement, generated: boolean): string[] {
  if (!generated) return [`    line ${statement.line}: ${shorten(statement.text, 100)}`];
  const [first, ...rest] = statement.text.split('\n');
  return [`    line ${statement.line}: ${first ?? ''}`, ...rest.map(line => `      ${line}`)];
}

/** A generated backfill whole, a line per column: its expressions are read here, not in a file. */
function generatedBackfillLines(plan: BackfillPlan): string[] {
  const flat = (text: string) => shorten(text, Infinity);
  return [`    backfill ${plan.table}:`, ...plan.set.map(s => `      SET ${s.column} = ${flat(s.expr)}`), ...(plan.where ? [`      WHERE ${flat(plan.where)}`] : [])];
}

/**
 * What each phase would run, statement by statement with the lock it takes,
 * and each backfill's batching, without running anything. With a history,
 * parts that already ran are marked. Parts generated from change.yml are
 * shown in full.
 */
export async function describePlan(migrations: readonly Migration[], history: readonly HistoryRow[] | undefined, batch: BatchSettings): Promise<string> {
  const lines: string[] = [];
  for (const phase of DB_PHASES) {
    lines.push(`${phase}:`);
    const parts = migrations.filter(m => m.parts[phase]);
    if (parts.length === 0) lines.push('  (nothing)');
    for (const migration of parts) {
      const part = migration.parts[phase] as MigrationPart;
      const generated = isGenerated(part);
      const row = history && rowOf(history, migration.id, phase);
      const state = history === undefined ? '' : row?.status === 'done' ? ' [done]' : row ? ' [running: resumes]' : ' [pending]';
      lines.push(`  ${migration.id}_${migration.name} (${part.file}${generated ? `, generated ${phase === 'migrate' ? 'migrate.yml' : `${phase}.sql`}` : ''})${state}`);
      if (phase === 'migrate') {
        const plan = await backfillPlanOf(part, batch);
        if (generated) lines.push(...generatedBackfillLines(plan));
        else lines.push(`    ${backfillText(plan, text => shorten(text, 60))}`);
        if (plan.verify) lines.push(`    then every row must satisfy: ${shorten(plan.verify, generated ? Infinity : 60)}`);
        lines.push(`    batches over ${plan.key ? plan.key.join(', ') : 'the primary key'} up to the high-water mark, about ${plan.batch.targetMs} ms each (${plan.batch.min}..${plan.batch.max} rows), one commit per batch`);
        lines.push(`    lock: ${BACKFILL_LOCK}`);
        continue;
      }
      for (const { statement, earlier } of await statementsWithContext(migration, part)) {
        lines.push(...statementLines(statement, generated));
        for (const lock of locksOf(statement, earlier)) lines.push(`      ${formatLock(lock)}`);
        if (!statement.transactional) lines.push('      runs outside a transaction');
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
