import { ReleaseError } from '../core/errors.js';
import type { BackfillPlan } from './backfill-plan.js';
import { quoteIdent, type Database } from './connection.js';
import { HISTORY_TABLE } from './history.js';
import { keyColumns, KeyRange, keyValues as values, type KeyColumn } from './key-range.js';
import type { LockPolicy } from './lock-policy.js';
import { inShortTransaction, LockNotGranted, withLockRetries } from './short-locks.js';

/** Where a backfill stands, as the history table keeps it. */
export interface BackfillState {
  checkpoint: string[] | null;
  highWater: string[] | null;
  rowsDone: number;
  rowsTotal: number | null;
}

export interface BackfillProgress {
  table: string;
  rowsDone: number;
  rowsTotal: number;
  rowsPerSecond: number;
  etaMs: number | null;
  batchSize: number;
}

export interface BackfillHooks {
  log: (message: string) => void;
  progress: (progress: BackfillProgress) => void;
  pause: (ms: number) => Promise<void>;
  /** Each committed batch: how long its transaction held its locks. */
  onBatch?: (batch: { rows: number; lockHeldMs: number; size: number }) => void;
  /** Checked between batches; a cancelled run stops after a committed batch and resumes later. */
  cancelled?: () => boolean;
}

export interface BackfillResult {
  rowsDone: number;
  batches: number;
  completed: boolean;
}

/** The SQL a backfill runs, built once from the plan and its key. */
class BackfillSql extends KeyRange {
  constructor(
    private readonly plan: BackfillPlan,
    key: KeyColumn[]
  ) {
    super(plan, key);
  }

  pending(): string {
    return `SELECT count(*)::float8 AS n FROM ${this.table} WHERE ${this.range(false)}${this.plan.where ? ` AND (${this.plan.where})` : ''}`;
  }

  update(lower: boolean): string {
    const set = this.plan.set.map(s => `${quoteIdent(s.column)} = ${s.expr}`).join(', ');
    return `UPDATE ${this.table} SET ${set} WHERE ${this.range(lower)}${this.plan.where ? ` AND (${this.plan.where})` : ''}`;
  }
}

/** Next batch size: toward the target duration, at most halving or doubling, within the limits. */
export function nextBatchSize(size: number, elapsedMs: number, plan: BackfillPlan): number {
  const wanted = Math.round((size * plan.batch.targetMs) / Math.max(elapsedMs, 1));
  const bounded = Math.min(size * 2, Math.max(Math.floor(size / 2), wanted));
  return Math.min(plan.batch.max, Math.max(plan.batch.min, bounded));
}

/**
 * Runs a backfill in batches keyed on the primary key, up to the high-water
 * mark taken when it first started (rows inserted later are the new version's
 * to write). Each batch and the checkpoint that follows it commit in one
 * transaction, so a killed run resumes after the last committed batch:
 * no row is done twice or skipped.
 */
export async function runBackfill(
  db: Database,
  plan: BackfillPlan,
  migrationId: string,
  state: BackfillState,
  policy: LockPolicy,
  hooks: BackfillHooks
): Promise<BackfillResult> {
  return withoutParallelWorkers(db, async () => {
    const key = await keyColumns(db, plan);
    const sql = new BackfillSql(plan, key);
    let { checkpoint, highWater, rowsDone, rowsTotal } = state;
    if (!highWater) {
      highWater = values((await db.query<Record<string, unknown>>(sql.highWater())).rows[0]);
      rowsTotal = highWater ? Number((await db.query<{ n: number }>(sql.pending(), highWater)).rows[0]?.n ?? 0) : 0;
      await db.query(`UPDATE ${HISTORY_TABLE} SET high_water = $2, rows_total = $3 WHERE id = $1 AND phase = 'migrate'`, [
        migrationId,
        JSON.stringify(highWater ?? []),
        rowsTotal
      ]);
      hooks.log(`backfill ${plan.table}: ${rowsTotal} rows to update, up to key (${(highWater ?? []).join(', ') || 'empty table'})`);
    }
    const total = rowsTotal ?? 0;
    if (!highWater || highWater.length === 0) return { rowsDone, batches: 0, completed: true };
    if (checkpoint && checkpoint.length === 0) checkpoint = null;

    let size = plan.batch.initial;
    let batches = 0;
    const started = Date.now();
    const doneAtStart = rowsDone;
    for (;;) {
      if (hooks.cancelled?.()) return { rowsDone, batches, completed: false };
      const lower = checkpoint !== null;
      const bounds = lower ? [...(checkpoint as string[]), ...highWater] : [...highWater];
      const end = values((await db.query<Record<string, unknown>>(sql.batchEnd(lower), [...bounds, size - 1])).rows[0]) ?? highWater;
      const params = lower ? [...(checkpoint as string[]), ...end] : [...end];
      const { rows, heldMs } = await runBatch(db, policy, hooks, sql.update(lower), params, migrationId, end);
      batches++;
      rowsDone += rows;
      checkpoint = end;
      hooks.onBatch?.({ rows, lockHeldMs: heldMs, size });
      const elapsed = Date.now() - started;
      const rate = elapsed > 0 ? ((rowsDone - doneAtStart) * 1000) / elapsed : 0;
      hooks.progress({ table: plan.table, rowsDone, rowsTotal: Math.max(total, rowsDone), rowsPerSecond: rate, etaMs: rate > 0 ? ((Math.max(total, rowsDone) - rowsDone) * 1000) / rate : null, batchSize: size });
      if (end.every((v, i) => v === highWater[i])) return { rowsDone, batches, completed: true };
      size = nextBatchSize(size, heldMs, plan);
      if (plan.batch.pauseMs > 0) await hooks.pause(plan.batch.pauseMs);
    }
  });
}

/**
 * Parallel workers would let the initial count and the batches take several of the cores live traffic needs;
 * a backfill is paced by its batches, so one backend is all it should use. After a failure the session ends.
 */
async function withoutParallelWorkers<T>(db: Database, work: () => Promise<T>): Promise<T> {
  await db.query('SET max_parallel_workers_per_gather = 0');
  const result = await work();
  await db.query('RESET max_parallel_workers_per_gather');
  return result;
}

/** One batch and its checkpoint in one short transaction, retried when it cannot get a row lock in time. */
async function runBatch(
  db: Database,
  policy: LockPolicy,
  hooks: BackfillHooks,
  update: string,
  params: string[],
  migrationId: string,
  end: string[]
): Promise<{ rows: number; heldMs: number }> {
  const where = `backfill batch up to key (${end.join(', ')})`;
  const retryHooks = {
    pause: hooks.pause,
    onRetry: (attempt: number, error: Error, _lockTimeout: number, pause: number) => hooks.log(`${where}: ${error.message}; retry ${attempt} of ${policy.retries} in ${pause} ms`)
  };
  try {
    return await withLockRetries(policy, retryHooks, async lockTimeout => {
      const began = performance.now();
      const rows = await inShortTransaction(db, lockTimeout, policy.statementTimeoutMs, async () => {
        const result = await db.query(update, params);
        await db.query(`UPDATE ${HISTORY_TABLE} SET checkpoint = $2, rows_done = rows_done + $3 WHERE id = $1 AND phase = 'migrate'`, [migrationId, JSON.stringify(end), result.rowCount]);
        return result.rowCount;
      });
      return { rows, heldMs: performance.now() - began };
    });
  } catch (error) {
    const last = error instanceof LockNotGranted ? (error.cause as Error) : (error as Error);
    throw new ReleaseError(`${where} failed: ${last.message}. Committed batches are kept; run migrate again to resume after the last one.`);
  }
}
