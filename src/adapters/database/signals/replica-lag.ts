import { formatDuration } from '../../../shared/duration.js';
import type { Database } from '../connection.js';
import type { Levels, Signal } from '../throttle.js';

/**
 * The replay lag of the furthest-behind replica, as the primary sees it. No
 * replicas: nothing to measure. A caught-up, idle replica reports no lag (NULL), which is 0.
 */
export function replicaLagSignal(db: Database, levels: Levels): Signal {
  return {
    name: 'replica lag',
    ...levels,
    show: formatDuration,
    async read() {
      const { rows } = await db.query<{ replicas: number; hidden: number; ms: number | null }>(
        `SELECT count(*)::int AS replicas, count(*) FILTER (WHERE state IS NULL)::int AS hidden,
                (extract(epoch FROM max(replay_lag)) * 1000)::float8 AS ms
           FROM pg_stat_replication`
      );
      const row = rows[0];
      if (!row || row.replicas === 0) return null;
      // Without the privilege, PostgreSQL shows each replica but hides its state and lag.
      if (row.hidden > 0) throw new Error('this role may not see the replicas in pg_stat_replication; grant it pg_monitor');
      return row.ms ?? 0;
    }
  };
}
