import type { Database } from './connection.js';
import type { DbPhase } from './migrations.js';

/** One row of cutover_migrations: a phase of a migration, finished or under way. */
export interface HistoryRow {
  id: string;
  name: string;
  phase: DbPhase;
  checksum: string;
  status: 'running' | 'done';
  started_at: string;
  finished_at: string | null;
  statements_done: number;
  rows_done: number;
  rows_total: number | null;
  checkpoint: unknown[] | null;
  high_water: unknown[] | null;
  run_id: string | null;
  actor: string | null;
  release: string | null;
  allowed: { rule: string; line: number; reason: string }[];
  forced: string | null;
  /** migrate: rows that broke the verify condition at the last verification; null before one ran. */
  inconsistent_rows: number | null;
  verified_at: string | null;
}

export const HISTORY_TABLE = 'cutover_migrations';

const CREATE = `CREATE TABLE IF NOT EXISTS ${HISTORY_TABLE} (
  id text NOT NULL,
  name text NOT NULL,
  phase text NOT NULL CHECK (phase IN ('expand', 'migrate', 'contract')),
  checksum text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'done')),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  statements_done integer NOT NULL DEFAULT 0,
  rows_done bigint NOT NULL DEFAULT 0,
  rows_total bigint,
  checkpoint jsonb,
  high_water jsonb,
  run_id text,
  actor text,
  release text,
  allowed jsonb NOT NULL DEFAULT '[]',
  forced text,
  inconsistent_rows bigint,
  verified_at timestamptz,
  PRIMARY KEY (id, phase)
)`;

/** Columns added after the table's first shape, with their types: an existing table gets them on its next run. */
const ADDED_COLUMNS: Record<string, string> = { inconsistent_rows: 'bigint', verified_at: 'timestamptz' };

/** Who runs this, recorded with every phase. */
export interface RunIdentity {
  runId: string | null;
  actor: string | null;
  /** The digest of the snapshot the release started from. */
  release: string | null;
}

export async function ensureHistory(db: Database): Promise<void> {
  await db.query(CREATE);
  // Altered only when a column is missing: even a no-op ADD COLUMN IF NOT EXISTS takes the table's strongest lock.
  const { rows } = await db.query<{ name: string }>('SELECT attname AS name FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped', [HISTORY_TABLE]);
  const missing = Object.entries(ADDED_COLUMNS).filter(([name]) => !rows.some(r => r.name === name));
  if (missing.length) await db.query(`ALTER TABLE ${HISTORY_TABLE} ${missing.map(([name, type]) => `ADD COLUMN IF NOT EXISTS ${name} ${type}`).join(', ')}`);
}

export async function readHistory(db: Database): Promise<HistoryRow[]> {
  const exists = await db.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [HISTORY_TABLE]);
  if (!exists.rows[0]?.t) return [];
  const { rows } = await db.query<HistoryRow>(
    `SELECT id, name, phase, checksum, status, started_at::text, finished_at::text, statements_done,
            rows_done::float8 AS rows_done, rows_total::float8 AS rows_total, checkpoint, high_water,
            run_id, actor, release, allowed, forced,
            -- Read through to_jsonb: a table from an older version, not yet upgraded by a run, lacks these columns.
            (to_jsonb(h) ->> 'inconsistent_rows')::float8 AS inconsistent_rows, (to_jsonb(h) ->> 'verified_at')::timestamptz::text AS verified_at
       FROM ${HISTORY_TABLE} h ORDER BY started_at, id, phase`
  );
  return rows;
}

export async function startPhase(
  db: Database,
  row: Pick<HistoryRow, 'id' | 'name' | 'phase' | 'checksum' | 'allowed'>,
  who: RunIdentity,
  forced: string | null = null
): Promise<void> {
  await db.query(
    `INSERT INTO ${HISTORY_TABLE} (id, name, phase, checksum, status, run_id, actor, release, allowed, forced)
     VALUES ($1, $2, $3, $4, 'running', $5, $6, $7, $8, $9)
     ON CONFLICT (id, phase) DO UPDATE SET run_id = EXCLUDED.run_id, actor = EXCLUDED.actor, allowed = EXCLUDED.allowed`,
    [row.id, row.name, row.phase, row.checksum, who.runId, who.actor, who.release, JSON.stringify(row.allowed), forced]
  );
}

/** Counts one more statement of the phase done; run inside the statement's own transaction. */
export async function countStatement(db: Database, id: string, phase: DbPhase, done: number): Promise<void> {
  await db.query(`UPDATE ${HISTORY_TABLE} SET statements_done = $3 WHERE id = $1 AND phase = $2`, [id, phase, done]);
}

export async function finishPhase(db: Database, id: string, phase: DbPhase): Promise<void> {
  await db.query(`UPDATE ${HISTORY_TABLE} SET status = 'done', finished_at = now() WHERE id = $1 AND phase = $2`, [id, phase]);
}

/** The outcome of a migrate part's verification: how many rows broke its condition, and when. */
export async function recordVerification(db: Database, id: string, inconsistent: number): Promise<void> {
  await db.query(`UPDATE ${HISTORY_TABLE} SET inconsistent_rows = $2, verified_at = now() WHERE id = $1 AND phase = 'migrate'`, [id, inconsistent]);
}

export function rowOf(history: readonly HistoryRow[], id: string, phase: DbPhase): HistoryRow | undefined {
  return history.find(row => row.id === id && row.phase === phase);
}
