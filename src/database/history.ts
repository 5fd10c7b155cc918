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
  PRIMARY KEY (id, phase)
)`;

/** Who runs this, recorded with every phase. */
export interface RunIdentity {
  runId: string | null;
  actor: string | null;
  /** The digest of the snapshot the release started from. */
  release: string | null;
}

export async function ensureHistory(db: Database): Promise<void> {
  await db.query(CREATE);
}

export async function readHistory(db: Database): Promise<HistoryRow[]> {
  const exists = await db.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [HISTORY_TABLE]);
  if (!exists.rows[0]?.t) return [];
  const { rows } = await db.query<HistoryRow>(
    `SELECT id, name, phase, checksum, status, started_at::text, finished_at::text, statements_done,
            rows_done::float8 AS rows_done, rows_total::float8 AS rows_total, checkpoint, high_water,
            run_id, actor, release, allowed, forced
       FROM ${HISTORY_TABLE} ORDER BY started_at, id, phase`
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

export function rowOf(history: readonly HistoryRow[], id: string, phase: DbPhase): HistoryRow | undefined {
  return history.find(row => row.id === id && row.phase === phase);
}
