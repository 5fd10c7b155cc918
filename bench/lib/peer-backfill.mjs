// The peer method the backfill benchmark compares cutover with: pgroll's, as its documentation describes it,
// reimplemented here for one column. A plpgsql BEFORE INSERT OR UPDATE trigger with no WHEN clause (pgroll's
// generated triggers fire on every row and decide inside, from search_path, whether the writer is the old
// version) computes the new column; the backfill only touches rows, in batches of 1,000 by keyset on the primary
// key, each batch one autocommitted statement, with no pause between them, so the trigger writes the value.
import { DEFAULT_LOCK_POLICY } from '../../lib/src/adapters/database/lock-policy.js';
import { inShortTransaction, withLockRetries } from '../../lib/src/adapters/database/short-locks.js';
import { sleep } from '../../lib/src/shared/io/wait.js';

const BATCH_ROWS = 1000;
const PEER_TRIGGER = 'peer_abalance_cents';

/** Adds the column and its trigger like pgroll's start does: short transactions under a lock timeout, retried. */
export async function peerExpand(db) {
  await withLockRetries(DEFAULT_LOCK_POLICY, { pause: sleep }, lockTimeoutMs =>
    inShortTransaction(db, lockTimeoutMs, 60_000, async () => {
      await db.query('ALTER TABLE pgbench_accounts ADD COLUMN abalance_cents bigint');
      await db.query(`CREATE FUNCTION ${PEER_TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          -- The new version's schema would set the column itself; every other writer is the old version.
          IF current_setting('search_path') IS DISTINCT FROM 'bench_new_version' THEN
            NEW.abalance_cents := NEW.abalance * 100;
          END IF;
          RETURN NEW;
        END $$`);
      await db.query(`CREATE TRIGGER ${PEER_TRIGGER} BEFORE INSERT OR UPDATE ON pgbench_accounts FOR EACH ROW EXECUTE FUNCTION ${PEER_TRIGGER}()`);
    })
  );
}

/**
 * Touches every row, 1,000 at a time in key order, locking each batch's rows as it selects them. The batch's keys
 * are an array, so the UPDATE finds its rows through the primary key at any table size; as a join with the batch,
 * the planner scans the whole table for each batch on a small one.
 */
export async function peerBackfill(db) {
  let last = 0;
  let rows = 0;
  let batches = 0;
  for (;;) {
    const { n, max } = (
      await db.query(
        `WITH touched AS (
           UPDATE pgbench_accounts SET aid = aid
            WHERE aid = ANY (ARRAY(SELECT aid FROM pgbench_accounts WHERE aid > $1 ORDER BY aid LIMIT ${BATCH_ROWS} FOR NO KEY UPDATE))
           RETURNING aid)
         SELECT count(*)::int AS n, max(aid) AS max FROM touched`,
        [last]
      )
    ).rows[0];
    if (n === 0) return { rows, batches };
    last = max;
    rows += n;
    batches++;
  }
}
