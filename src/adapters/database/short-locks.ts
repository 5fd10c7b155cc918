import { DEADLOCK_DETECTED, LOCK_NOT_AVAILABLE, sqlState, type Database } from './connection.js';
import { backoffBefore, lockTimeoutFor, type LockPolicy } from './lock-policy.js';

/** Every attempt gave up waiting for its lock; `cause` is the last attempt's error. */
export class LockNotGranted extends Error {
  constructor(
    readonly attempts: number,
    readonly lockTimeoutMs: number,
    cause: unknown
  ) {
    super(`lock not granted in ${attempts} attempts`, { cause });
    this.name = 'LockNotGranted';
  }
}

/** A lock timeout or a lost deadlock: worth another attempt. */
export const isLockTimeout = (error: unknown): boolean => [LOCK_NOT_AVAILABLE, DEADLOCK_DETECTED].includes(sqlState(error) ?? '');

export interface RetryHooks {
  pause: (ms: number) => Promise<void>;
  /** Before the pause that precedes attempt `attempt` (1 is the first retry). */
  onRetry?: (attempt: number, error: Error, lockTimeoutMs: number, pauseMs: number) => void | Promise<void>;
}

/**
 * Runs `attemptOnce` with short lock timeouts: an attempt that cannot get its
 * lock in time gives up, and the next waits longer, up to the policy's cap and
 * number of retries. Any other error is thrown as it is, at once.
 */
export async function withLockRetries<T>(policy: LockPolicy, hooks: RetryHooks, attemptOnce: (lockTimeoutMs: number) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const lockTimeout = lockTimeoutFor(policy, attempt);
    try {
      return await attemptOnce(lockTimeout);
    } catch (error) {
      if (!isLockTimeout(error)) throw error;
      if (attempt >= policy.retries) throw new LockNotGranted(attempt + 1, lockTimeout, error);
      const pause = backoffBefore(policy, attempt + 1);
      await hooks.onRetry?.(attempt + 1, error as Error, lockTimeout, pause);
      await hooks.pause(pause);
    }
  }
}

/** `work` in one transaction whose lock waits and statements are bounded; rolled back on any error. */
export async function inShortTransaction<T>(db: Database, lockTimeoutMs: number, statementTimeoutMs: number, work: () => Promise<T>): Promise<T> {
  await db.query('BEGIN');
  try {
    await db.query(`SET LOCAL lock_timeout = ${lockTimeoutMs}`);
    await db.query(`SET LOCAL statement_timeout = ${statementTimeoutMs}`);
    const result = await work();
    await db.query('COMMIT');
    return result;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
