/**
 * How long a statement may wait for its lock, and how often it tries. A DDL
 * statement waiting for a lock makes every query behind it wait too, so each
 * attempt gives up quickly and the next waits a little longer, up to a cap.
 */
export interface LockPolicy {
  /** lock_timeout of the first attempt. */
  lockTimeoutMs: number;
  /** lock_timeout never grows past this. */
  lockTimeoutMaxMs: number;
  /** Attempts after the first. */
  retries: number;
  /** statement_timeout of statements run inside a transaction, and of each backfill batch. */
  statementTimeoutMs: number;
  /** statement_timeout of concurrent index builds, which scan the whole table. */
  indexBuildTimeoutMs: number;
}

export const DEFAULT_LOCK_POLICY: LockPolicy = {
  lockTimeoutMs: 100,
  lockTimeoutMaxMs: 2000,
  retries: 8,
  statementTimeoutMs: 60_000,
  indexBuildTimeoutMs: 6 * 3_600_000
};

/** lock_timeout of attempt `n` (0 is the first): doubling from the start up to the cap. */
export function lockTimeoutFor(policy: LockPolicy, attempt: number): number {
  return Math.min(policy.lockTimeoutMaxMs, policy.lockTimeoutMs * 2 ** attempt);
}

/** Pause before attempt `n`, jittered so that two waiting runs do not retry in step. */
export function backoffBefore(policy: LockPolicy, attempt: number, random: () => number = Math.random): number {
  const base = lockTimeoutFor(policy, attempt - 1);
  return Math.round(base / 2 + random() * base);
}
