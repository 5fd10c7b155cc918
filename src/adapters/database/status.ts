import { BadInputError } from '../../shared/errors.js';
import { rowOf, type HistoryRow } from './history.js';
import { DB_PHASES, type DbPhase, type Migration } from './migrations.js';

export type PartState = 'absent' | 'pending' | 'running' | 'done';

export interface MigrationStatus {
  id: string;
  name: string;
  phases: Record<DbPhase, PartState>;
  /** Progress of a running or finished phase, for people: "3 of 5 statements", "120000 of 1000000 rows". */
  detail: Partial<Record<DbPhase, string>>;
  /** The last check of the migrate part's rows: "verified 0 inconsistent at <time>", "12 inconsistent at <time>"; null before one. */
  verification: string | null;
}

/** What the database holds, as it goes into a snapshot: applied migration ids per phase. */
export interface SchemaState {
  schema_version: string | null;
  applied: Record<DbPhase, string[]>;
}

export interface DatabaseStatus extends SchemaState {
  migrations: MigrationStatus[];
  /** Ids in the history whose folders are gone, e.g. after checking out an older commit. */
  unknown: string[];
}

/**
 * Refuses when a migration file changed after it ran (or while it runs):
 * the database would no longer match the file that describes it.
 */
export function verifyChecksums(migrations: readonly Migration[], history: readonly HistoryRow[]): void {
  const problems: string[] = [];
  for (const migration of migrations) {
    for (const phase of DB_PHASES) {
      const row = rowOf(history, migration.id, phase);
      const part = migration.parts[phase];
      if (!row) continue;
      if (!part) {
        problems.push(`${migration.dir}: its ${phase} part ran (recorded ${row.checksum}) but its file is gone`);
      } else if (row.checksum !== part.checksum) {
        problems.push(`${part.file}: edited after its ${phase} ${row.status === 'done' ? 'ran' : 'started'}; the history records ${row.checksum}, the file now has ${part.checksum}`);
      }
    }
  }
  if (problems.length) {
    throw new BadInputError(
      `${problems.join('\n')}\nA migration that ran is never edited: restore the file as it ran (git log -p on it shows the change) and put the new change in a new migration.`
    );
  }
}

function stateOf(row: HistoryRow | undefined, present: boolean): PartState {
  if (!present && !row) return 'absent';
  if (!row) return 'pending';
  return row.status;
}

function verificationOf(row: HistoryRow | undefined): string | null {
  if (row?.inconsistent_rows == null || !row.verified_at) return null;
  return `${row.inconsistent_rows === 0 ? 'verified 0' : row.inconsistent_rows} inconsistent at ${row.verified_at}`;
}

function detailOf(row: HistoryRow | undefined, phase: DbPhase, migration: Migration, statementCounts: Partial<Record<string, number>>): string | undefined {
  if (!row) return undefined;
  if (phase === 'migrate') return `${row.rows_done} of ${row.rows_total ?? '?'} rows`;
  const count = statementCounts[`${migration.id}:${phase}`];
  return `${row.statements_done}${count === undefined ? '' : ` of ${count}`} statements`;
}

export function statusOf(migrations: readonly Migration[], history: readonly HistoryRow[], statementCounts: Partial<Record<string, number>> = {}): DatabaseStatus {
  const statuses = migrations.map(migration => {
    const phases = {} as Record<DbPhase, PartState>;
    const detail: Partial<Record<DbPhase, string>> = {};
    for (const phase of DB_PHASES) {
      const row = rowOf(history, migration.id, phase);
      phases[phase] = stateOf(row, migration.parts[phase] !== undefined);
      const text = detailOf(row, phase, migration, statementCounts);
      if (text) detail[phase] = text;
    }
    return { id: migration.id, name: migration.name, phases, detail, verification: verificationOf(rowOf(history, migration.id, 'migrate')) };
  });
  const known = new Set(migrations.map(m => m.id));
  return {
    ...schemaStateOf(history),
    migrations: statuses,
    unknown: [...new Set(history.map(r => r.id).filter(id => !known.has(id)))]
  };
}

const byId = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);

/**
 * What a snapshot records of the database: the ids whose phases finished, and
 * the schema version, the newest migration with any finished phase.
 */
export function schemaStateOf(history: readonly HistoryRow[]): SchemaState {
  const applied = { expand: [], migrate: [], contract: [] } as Record<DbPhase, string[]>;
  for (const row of history) if (row.status === 'done') applied[row.phase].push(row.id);
  for (const phase of DB_PHASES) applied[phase].sort(byId);
  const versions = DB_PHASES.flatMap(phase => applied[phase]).sort(byId);
  return { schema_version: versions.at(-1) ?? null, applied };
}
