import { backfillPlanOf, type BatchSettings } from './backfill-plan.js';
import { rowOf, type HistoryRow } from './history.js';
import { formatLock, locksOf } from './locks.js';
import { DB_PHASES, type DbPhase, type Migration } from './migrations.js';
import { parseSql } from './sql/statements.js';

function shorten(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}

export interface PlanRow {
  migration: string;
  phase: DbPhase;
  statement: string;
  lock: string;
}

/** Each statement of each phase with the locks it takes, as rows for a table. */
export async function planRows(migrations: readonly Migration[], batch: BatchSettings): Promise<PlanRow[]> {
  const rows: PlanRow[] = [];
  for (const phase of DB_PHASES) {
    for (const migration of migrations.filter(m => m.parts[phase])) {
      const part = migration.parts[phase] as NonNullable<Migration['parts'][typeof phase]>;
      const name = `${migration.id}_${migration.name}`;
      if (phase === 'migrate') {
        const plan = await backfillPlanOf(part, batch);
        rows.push({ migration: name, phase, statement: `backfill ${plan.table}: SET ${plan.set.map(s => `${s.column} = ${s.expr}`).join(', ')}`, lock: BACKFILL_LOCK });
        continue;
      }
      for (const statement of await parseSql(part.text, part.file)) {
        const locks = locksOf(statement).map(formatLock);
        rows.push({ migration: name, phase, statement: statement.text, lock: [...locks, ...(statement.transactional ? [] : ['outside a transaction'])].join('; ') || 'none' });
      }
    }
  }
  return rows;
}

const BACKFILL_LOCK = 'ROW EXCLUSIVE on the table and row locks on one batch at a time; blocks writes to those rows only';

/**
 * What each phase would run, statement by statement with the lock it takes,
 * and each backfill's batching, without running anything. With a history,
 * parts that already ran are marked.
 */
export async function describePlan(migrations: readonly Migration[], history: readonly HistoryRow[] | undefined, batch: BatchSettings): Promise<string> {
  const lines: string[] = [];
  for (const phase of DB_PHASES) {
    lines.push(`${phase}:`);
    const parts = migrations.filter(m => m.parts[phase]);
    if (parts.length === 0) lines.push('  (nothing)');
    for (const migration of parts) {
      const part = migration.parts[phase] as NonNullable<Migration['parts'][typeof phase]>;
      const row = history && rowOf(history, migration.id, phase);
      const state = history === undefined ? '' : row?.status === 'done' ? ' [done]' : row ? ' [running: resumes]' : ' [pending]';
      lines.push(`  ${migration.id}_${migration.name} (${part.file})${state}`);
      if (phase === 'migrate') {
        const plan = await backfillPlanOf(part, batch);
        lines.push(`    backfill ${plan.table}: SET ${plan.set.map(s => `${s.column} = ${shorten(s.expr, 60)}`).join(', ')}${plan.where ? ` WHERE ${shorten(plan.where, 60)}` : ''}`);
        lines.push(`    batches over ${plan.key ? plan.key.join(', ') : 'the primary key'} up to the high-water mark, about ${plan.batch.targetMs} ms each (${plan.batch.min}..${plan.batch.max} rows), one commit per batch`);
        lines.push(`    lock: ${BACKFILL_LOCK}`);
        continue;
      }
      for (const statement of await parseSql(part.text, part.file)) {
        lines.push(`    line ${statement.line}: ${shorten(statement.text)}`);
        for (const lock of locksOf(statement)) lines.push(`      ${formatLock(lock)}`);
        if (!statement.transactional) lines.push('      runs outside a transaction');
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
