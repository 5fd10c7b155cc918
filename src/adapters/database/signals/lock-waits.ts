import { formatDuration } from '../../../shared/duration.js';
import { sleepUnlessAborted } from '../../../shared/io/wait.js';
import type { Database } from '../connection.js';
import type { BatchImpact, Levels, Signal } from '../throttle.js';

/**
 * Often enough to see any wait near the warn level (20 ms by default), and rarely enough that the samples
 * take little of the CPU live traffic needs: each is a query, however cheap.
 */
export const SAMPLE_INTERVAL_MS = 10;

/**
 * Sessions waiting on a lock the backfill's session holds. pg_blocking_pids
 * takes the lock manager's locks, so it is asked only about sessions already
 * waiting on a lock (the OFFSET 0 keeps the planner from calling it for every session).
 */
const WAITERS = `SELECT count(*)::int AS n
  FROM (SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> $1 OFFSET 0) w
 WHERE $1 = ANY(pg_blocking_pids(w.pid))`;

/**
 * Watches, from a second session, who waits on the backfill while a batch
 * runs: the number of waiters at each sample times the time since the last one
 * adds up to the lock-wait time the batch caused others.
 */
export class LockWaitMonitor {
  private constructor(
    /** null: it could not be opened, and `problem` says why; every batch then counts as warn. */
    private readonly monitor: Database | null,
    private readonly backfillPid: number,
    private readonly intervalMs: number,
    private problem = ''
  ) {}

  /** `warn` is told when this role cannot see other roles' sessions, whose waits then go unseen. */
  static async open(openMonitor: () => Promise<Database>, backfill: Database, warn: (message: string) => void, intervalMs = SAMPLE_INTERVAL_MS): Promise<LockWaitMonitor> {
    const pid = Number((await backfill.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid);
    let monitor: Database;
    try {
      monitor = await openMonitor();
    } catch (error) {
      return new LockWaitMonitor(null, pid, intervalMs, `cannot open the session that watches them: ${(error as Error).message}`);
    }
    try {
      const { rows } = await monitor.query<{ sees: boolean; role: string }>(
        `SELECT current_user AS role, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) OR pg_has_role('pg_read_all_stats', 'USAGE') AS sees`
      );
      if (rows[0] && !rows[0].sees) {
        warn(`backfill: role ${rows[0].role} sees only its own sessions' lock waits; grant it pg_read_all_stats (or pg_monitor) so the throttle sees those of the application's role too`);
      }
    } catch (error) {
      await monitor.close().catch(() => undefined);
      throw error;
    }
    return new LockWaitMonitor(monitor, pid, intervalMs);
  }

  /** Runs `work` while sampling; othersWaitedMs is null when a sample failed (the signal then says why). */
  async during<T>(work: () => Promise<T>): Promise<{ result: T; othersWaitedMs: number | null }> {
    const monitor = this.monitor;
    if (!monitor) return { result: await work(), othersWaitedMs: null };
    const stop = new AbortController();
    let waitedMs = 0;
    let waiters = 0;
    let last = performance.now();
    let failed: Error | null = null;
    // A count stands for the time since the last sample, and the last count for the rest of the batch too.
    // Nothing waits on a batch that has just begun, so the first sample comes one interval in: a batch shorter
    // than that costs no sample at all.
    const sampling = (async () => {
      for (;;) {
        const slept = await sleepUnlessAborted(this.intervalMs, stop.signal);
        if (!slept) return;
        try {
          const n = (await monitor.query<{ n: number }>(WAITERS, [this.backfillPid])).rows[0]?.n ?? 0;
          // The batch ended during this sample; its end has counted the time since the last one.
          if (stop.signal.aborted) return;
          const now = performance.now();
          waitedMs += n * (now - last);
          [waiters, last] = [n, now];
        } catch (error) {
          failed = error as Error;
          return;
        }
      }
    })();
    let result: T;
    try {
      result = await work();
    } finally {
      stop.abort();
      waitedMs += waiters * (performance.now() - last);
      await sampling;
    }
    this.problem = failed ? `the monitor session failed: ${(failed as Error).message}` : '';
    return { result, othersWaitedMs: failed ? null : waitedMs };
  }

  /** The lock-wait signal: what the last batch caused others; a failed sample cannot be read. */
  signal(levels: Levels): Signal {
    return {
      name: 'lock waits caused to others',
      ...levels,
      show: formatDuration,
      perBatch: true,
      read: async (impact: BatchImpact) => {
        if (impact.othersWaitedMs === null) throw new Error(this.problem || 'not measured');
        return impact.othersWaitedMs;
      }
    };
  }

  async close(): Promise<void> {
    await this.monitor?.close();
  }
}
