import { ReleaseError } from '../../shared/errors.js';
import { poll, sleep } from '../../shared/io/wait.js';
import type { Database } from './connection.js';

// A fixed 64-bit key: every cutover run against this database contends for the same lock.
const MIGRATION_LOCK_KEY = '7306447239162618197';

interface Holder {
  pid: number;
  application_name: string;
  state: string | null;
  since: string | null;
}

async function holders(db: Database): Promise<Holder[]> {
  const { rows } = await db.query<Holder>(
    `SELECT a.pid, a.application_name, a.state, a.backend_start::text AS since
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted
        AND ((l.classid::bigint << 32) | l.objid::bigint) = $1::bigint AND a.pid <> pg_backend_pid()`,
    [MIGRATION_LOCK_KEY]
  );
  return rows;
}

/**
 * Runs `work` holding the session-level advisory lock that keeps two
 * migration runs from interleaving. A session lock, not a row: when a runner
 * is killed its connection closes and PostgreSQL frees the lock. A second run
 * polls for up to `waitMs` (every 50 ms, backing off to 1 s), then fails
 * naming who holds the lock.
 */
export async function withMigrationLock<T>(
  db: Database,
  waitMs: number,
  work: () => Promise<T>,
  wait: (ms: number) => Promise<void> = sleep,
  onWaiting: (message: string) => void = () => undefined
): Promise<T> {
  const tryLock = async (attempt: number): Promise<boolean> => {
    const { rows } = await db.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS ok', [MIGRATION_LOCK_KEY]);
    const ok = rows[0]?.ok === true;
    if (!ok && attempt === 1 && waitMs > 0) onWaiting(`waiting for another migration run to release the cutover lock (up to ${Math.round(waitMs / 1000)}s)`);
    return ok;
  };
  await poll(tryLock, {
    what: 'the cutover migration lock',
    done: ok => ok,
    timeoutMs: waitMs,
    intervalMs: 50,
    backoff: { maxIntervalMs: 1000 },
    clock: { now: () => Date.now(), sleep: ms => wait(ms) },
    timeoutError: async (_ok, polled) => {
      const who = (await holders(db)).map(h => `pid ${h.pid} (${h.application_name || 'no application_name'}, ${h.state ?? 'unknown state'}, connected ${h.since})`);
      return new ReleaseError(
        `database ${db.label}: another migration run holds the cutover lock${who.length ? `: ${who.join('; ')}` : ''}. Waited ${Math.round(polled.elapsedMs / 1000)}s (database.lock-wait). Let that run finish, or stop it; its lock ends with its connection.`
      );
    }
  });
  try {
    return await work();
  } finally {
    await db.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
  }
}
