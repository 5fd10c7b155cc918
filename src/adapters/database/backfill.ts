import { ReleaseError } from '../../shared/errors.js';
import type { BackfillPlan } from './backfill-plan.js';
import { quoteIdent, type Database } from './connection.js';
import { HISTORY_TABLE } from './history.js';
import { keyColumns, KeyRange, keyValues as values, type KeyColumn } from './key-range.js';
import type { LockPolicy } from './lock-policy.js';
import { LockNotGranted, withLockRetries } from './short-locks.js';
import { LockWaitMonitor } from './signals/lock-waits.js';
import { replicaLagSignal } from './signals/replica-lag.js';
import { halved, Throttle, type ThrottleOptions } from './throttle.js';

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
  /** Lock-wait time the last batch caused other sessions; null when not measured (PGlite, no monitor session). */
  othersWaitedMs: number | null;
}

export interface BackfillHooks {
  log: (message: string) => void;
  progress: (progress: BackfillProgress) => void;
  pause: (ms: number) => Promise<void>;
  /** Told once about something the run goes on without (a throttle signal it cannot read); `log` when not given. */
  warn?: (message: string) => void;
  /** Each committed batch: how long its statement held its locks, and how long others waited on them. */
  onBatch?: (batch: { rows: number; lockHeldMs: number; size: number; othersWaitedMs: number | null }) => void;
  /** Checked between batches; a cancelled run stops after a committed batch and resumes later. */
  cancelled?: () => boolean;
  /** What live traffic feels, read between batches; without it, batches are sized by their own duration alone. */
  throttle?: ThrottleOptions;
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

  /**
   * One batch as one statement, which commits as a whole with its checkpoint:
   * the next `size` keys past the checkpoint, their rows updated, and the
   * history row moved past them. When fewer than `size` keys remain, the
   * checkpoint becomes the high-water mark. Parameters: the checkpoint (when
   * `lower`), the high-water mark, size, migration id, the high-water mark as JSON.
   */
  batch(lower: boolean): string {
    const size = `$${(lower ? 2 : 1) * this.key.length + 1}`;
    const [id, highWater] = [`$${(lower ? 2 : 1) * this.key.length + 2}`, `$${(lower ? 2 : 1) * this.key.length + 3}`];
    const names = this.key.map(k => quoteIdent(k.name));
    const set = this.plan.set.map(s => `${quoteIdent(s.column)} = ${s.expr}`).join(', ');
    // Named so that no table the plan's expressions read is shadowed.
    return `WITH cutover_batch AS (
  SELECT ${this.keyList} FROM ${this.table} WHERE ${this.range(lower)} ORDER BY ${this.keyList} LIMIT ${size}
), cutover_last AS (
  SELECT ${this.keyList} FROM cutover_batch ORDER BY ${names.map(k => `${k} DESC`).join(', ')} LIMIT 1
), cutover_updated AS (
  UPDATE ${this.table} SET ${set}
   WHERE ${lower ? `${this.compare('>', 1)} AND ` : ''}(${this.keyList}) <= (SELECT ${this.keyList} FROM cutover_last)${this.plan.where ? ` AND (${this.plan.where})` : ''}
  RETURNING 1
), cutover_progress AS (
  UPDATE ${HISTORY_TABLE}
     SET rows_done = rows_done + (SELECT count(*) FROM cutover_updated),
         checkpoint = CASE WHEN (SELECT count(*) FROM cutover_batch) < ${size} THEN ${highWater}::jsonb
                      ELSE (SELECT jsonb_build_array(${names.map(k => `${k}::text`).join(', ')}) FROM cutover_last) END
   WHERE id = ${id} AND phase = 'migrate'
  RETURNING checkpoint
)
SELECT (SELECT count(*) FROM cutover_updated)::int AS rows, checkpoint FROM cutover_progress`;
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
 * to write). Each batch is one statement that also moves the checkpoint, so a
 * killed run resumes after the last committed batch: no row is done twice or
 * skipped. Between batches the throttle, if given, reads what live traffic
 * feels and shrinks or pauses the batches.
 */
export async function runBackfill(
  db: Database,
  plan: BackfillPlan,
  migrationId: string,
  state: BackfillState,
  policy: LockPolicy,
  hooks: BackfillHooks
): Promise<BackfillResult> {
  const key = await keyColumns(db, plan);
  const sql = new BackfillSql(plan, key);
  let { highWater, rowsTotal } = state;
  if (!highWater) {
    highWater = values((await db.query<Record<string, unknown>>(sql.highWater())).rows[0]);
    rowsTotal = highWater ? Number((await withoutParallelWorkers(db, () => db.query<{ n: number }>(sql.pending(), highWater as string[]))).rows[0]?.n ?? 0) : 0;
    await db.query(`UPDATE ${HISTORY_TABLE} SET high_water = $2, rows_total = $3 WHERE id = $1 AND phase = 'migrate'`, [
      migrationId,
      JSON.stringify(highWater ?? []),
      rowsTotal
    ]);
    hooks.log(`backfill ${plan.table}: ${rowsTotal} rows to update, up to key (${(highWater ?? []).join(', ') || 'empty table'})`);
  }
  if (!highWater || highWater.length === 0) return { rowsDone: state.rowsDone, batches: 0, completed: true };
  const checkpoint = state.checkpoint?.length ? state.checkpoint : null;
  const walk = { sql, plan, migrationId, highWater, checkpoint, rowsDone: state.rowsDone, total: rowsTotal ?? 0 };
  const monitor = hooks.throttle?.openMonitor && db.engine === 'postgresql' ? await LockWaitMonitor.open(hooks.throttle.openMonitor, db, warnOf(hooks)) : null;
  try {
    return await withBatchSession(db, policy, () => batches(db, walk, policy, hooks, monitor));
  } finally {
    await monitor?.close().catch(() => undefined);
  }
}

const warnOf = (hooks: BackfillHooks) => hooks.warn ?? ((message: string) => hooks.log(`warning: ${message}`));

interface Walk {
  sql: BackfillSql;
  plan: BackfillPlan;
  migrationId: string;
  highWater: string[];
  checkpoint: string[] | null;
  rowsDone: number;
  total: number;
}

/** The batches, from the checkpoint to the high-water mark, sized toward the target and by the throttle. */
async function batches(db: Database, walk: Walk, policy: LockPolicy, hooks: BackfillHooks, monitor: LockWaitMonitor | null): Promise<BackfillResult> {
  const { plan, highWater } = walk;
  const settings = hooks.throttle?.settings;
  const signals = settings
    ? [...(monitor ? [monitor.signal(settings.lockWait)] : []), ...(db.engine === 'postgresql' ? [replicaLagSignal(db, settings.replicaLag)] : []), ...(hooks.throttle?.signals ?? [])]
    : [];
  const throttle = settings ? new Throttle(settings, signals, { ...hooks, warn: warnOf(hooks) }) : null;
  let { checkpoint, rowsDone } = walk;
  let size = plan.batch.initial;
  let count = 0;
  const started = Date.now();
  for (;;) {
    if (hooks.cancelled?.()) return { rowsDone, batches: count, completed: false };
    const params = [...(checkpoint ?? []), ...highWater, size, walk.migrationId, JSON.stringify(highWater)];
    const run = () => runBatch(db, policy, hooks, walk.sql.batch(checkpoint !== null), params, checkpoint);
    const { result, othersWaitedMs } = monitor ? await monitor.during(run) : { result: await run(), othersWaitedMs: null };
    count++;
    rowsDone += result.rows;
    checkpoint = result.checkpoint;
    hooks.onBatch?.({ rows: result.rows, lockHeldMs: result.heldMs, size, othersWaitedMs });
    const elapsed = Date.now() - started;
    const rate = elapsed > 0 ? ((rowsDone - walk.rowsDone) * 1000) / elapsed : 0;
    const total = Math.max(walk.total, rowsDone);
    hooks.progress({ table: plan.table, rowsDone, rowsTotal: total, rowsPerSecond: rate, etaMs: rate > 0 ? ((total - rowsDone) * 1000) / rate : null, batchSize: size, othersWaitedMs });
    if (checkpoint.every((v, i) => v === highWater[i])) return { rowsDone, batches: count, completed: true };
    const verdict = throttle ? await throttle.afterBatch({ othersWaitedMs }) : 'ok';
    if (verdict === 'cancelled') return { rowsDone, batches: count, completed: false };
    size = verdict === 'warn' ? halved(size, plan.batch.min) : nextBatchSize(size, result.heldMs, plan);
    if (plan.batch.pauseMs > 0) await hooks.pause(plan.batch.pauseMs);
  }
}

/**
 * The session a backfill's batches run in. Each batch is one statement in
 * autocommit, so its lock and statement timeouts are the session's. Parallel
 * workers would let a batch take several of the cores live traffic needs. A
 * batch's commit does not wait for its WAL to reach the disk, so it lets go of
 * its row locks sooner: a crash may lose the last batches, but each loses its
 * checkpoint with it, and the rerun does them again. All are put back after,
 * also on failure (a broken session stays broken).
 */
async function withBatchSession<T>(db: Database, policy: LockPolicy, work: () => Promise<T>): Promise<T> {
  const settings = { lock_timeout: policy.lockTimeoutMs, statement_timeout: policy.statementTimeoutMs, max_parallel_workers_per_gather: 0, synchronous_commit: 'off' };
  for (const [name, value] of Object.entries(settings)) await db.query(`SET ${name} = ${value}`);
  try {
    return await work();
  } finally {
    for (const name of Object.keys(settings)) await db.query(`RESET ${name}`).catch(() => undefined);
  }
}

/** The initial count too would take several cores with parallel workers. */
async function withoutParallelWorkers<T>(db: Database, work: () => Promise<T>): Promise<T> {
  await db.query('SET max_parallel_workers_per_gather = 0');
  try {
    return await work();
  } finally {
    await db.query('RESET max_parallel_workers_per_gather').catch(() => undefined);
  }
}

/** One batch, retried with a longer lock_timeout when it cannot get a row lock in time. */
async function runBatch(
  db: Database,
  policy: LockPolicy,
  hooks: BackfillHooks,
  statement: string,
  params: unknown[],
  from: string[] | null
): Promise<{ rows: number; heldMs: number; checkpoint: string[] }> {
  const where = `backfill batch after key (${from?.join(', ') ?? 'start'})`;
  const retryHooks = {
    pause: hooks.pause,
    onRetry: (attempt: number, error: Error, _lockTimeout: number, pause: number) => hooks.log(`${where}: ${error.message}; retry ${attempt} of ${policy.retries} in ${pause} ms`)
  };
  let lockTimeoutMs = policy.lockTimeoutMs;
  try {
    return await withLockRetries(policy, retryHooks, async lockTimeout => {
      if (lockTimeout !== lockTimeoutMs) await db.query(`SET lock_timeout = ${lockTimeout}`);
      lockTimeoutMs = lockTimeout;
      const began = performance.now();
      const { rows } = await db.query<{ rows: number; checkpoint: string[] }>(statement, params);
      const done = rows[0];
      if (!done) throw new ReleaseError(`the migrate row of this migration is missing from ${HISTORY_TABLE}`);
      return { rows: done.rows, heldMs: performance.now() - began, checkpoint: done.checkpoint };
    });
  } catch (error) {
    const last = error instanceof LockNotGranted ? (error.cause as Error) : (error as Error);
    throw new ReleaseError(`${where} failed: ${last.message}. Committed batches are kept; run migrate again to resume after the last one.`);
  } finally {
    if (lockTimeoutMs !== policy.lockTimeoutMs) await db.query(`SET lock_timeout = ${policy.lockTimeoutMs}`).catch(() => undefined);
  }
}
