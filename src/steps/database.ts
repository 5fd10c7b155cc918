import path from 'node:path';
import type { DatabaseSettings } from '../config/schema.js';
import { formatDuration } from '../shared/duration.js';
import { fieldFrom } from '../shared/secrets.js';
import { contractNotRuledOut } from '../core/contract-guard.js';
import { BadInputError, DriftError, ReleaseError } from '../shared/errors.js';
import type { DatabaseSnapshot } from '../core/snapshot.js';
import type { BatchSettings } from '../adapters/database/backfill-plan.js';
import type { BackfillProgress } from '../adapters/database/backfill.js';
import type { Database } from '../adapters/database/connection.js';
import { readHistory, rowOf, type HistoryRow, type RunIdentity } from '../adapters/database/history.js';
import type { LockPolicy } from '../adapters/database/lock-policy.js';
import { loadMigrations, type Migration } from '../adapters/database/migrations.js';
import { openDatabase } from '../adapters/database/open.js';
import type { PhaseOptions } from '../adapters/database/phases.js';
import type { ThrottleOptions } from '../adapters/database/throttle.js';
import { prometheusSignal } from '../adapters/probes/prometheus-signal.js';
import { schemaStateOf } from '../adapters/database/status.js';
import { inconsistentBeforePromote } from '../adapters/database/verify.js';
import { sleep } from '../shared/io/wait.js';
import type { Logger } from '../shared/logging/logger.js';
import type { ReleaseRecord } from '../adapters/store/release-store.js';
import type { StepContext } from './context.js';

/** The database section, or a clear refusal for a step that needs one. */
export function databaseSettings(context: Pick<StepContext, 'config'>, step: string): DatabaseSettings {
  const settings = context.config.database;
  if (!settings) {
    throw new BadInputError(`${step}: cutover.yml has no database section. Add database.url (like env:DATABASE_URL) and database.migrations.`);
  }
  return settings;
}

/** Opens the configured database, its URL masked as a secret; `session` names the connection in pg_stat_activity. */
function openConfigured(context: Pick<StepContext, 'config' | 'secrets' | 'baseDir'>, step: string, session = `cutover ${step}`): Promise<Database> {
  const settings = databaseSettings(context, step);
  const url = context.secrets.resolve('database.url', settings.url);
  context.secrets.add(url);
  return openDatabase(url, context.baseDir, session, settings.url);
}

/** Opens the configured database (its URL masked as a secret) for the length of `work`. */
export async function withDatabase<T>(context: Pick<StepContext, 'config' | 'secrets' | 'baseDir'>, step: string, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openConfigured(context, step);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

export function migrationsOf(context: Pick<StepContext, 'config' | 'baseDir'>, step: string): Promise<Migration[]> {
  return loadMigrations(path.resolve(context.baseDir, databaseSettings(context, step).migrations));
}

export function lockPolicyOf(settings: DatabaseSettings): LockPolicy {
  return {
    lockTimeoutMs: settings['lock-timeout'],
    lockTimeoutMaxMs: settings['lock-timeout-max'],
    retries: settings['lock-retries'],
    statementTimeoutMs: settings['statement-timeout'],
    indexBuildTimeoutMs: settings['index-build-timeout']
  };
}

export async function databaseSnapshot(db: Database): Promise<DatabaseSnapshot> {
  return { engine: db.engine, ...schemaStateOf(await readHistory(db)) };
}

function describeProgress(p: BackfillProgress): string {
  const eta = p.etaMs === null ? '' : `, ETA ${formatDuration(p.etaMs)}`;
  const waited = p.othersWaitedMs === null ? '' : `, others waited ${formatDuration(p.othersWaitedMs)}`;
  return `backfill ${p.table}: ${p.rowsDone.toLocaleString('en-US')} of ${p.rowsTotal.toLocaleString('en-US')} rows, ${Math.round(p.rowsPerSecond).toLocaleString('en-US')} rows/s${eta}, batch ${p.batchSize}${waited}`;
}

export function batchOf(settings: DatabaseSettings): BatchSettings {
  return {
    targetMs: settings.backfill['batch-target'],
    min: settings.backfill['batch-min'],
    max: settings.backfill['batch-max'],
    initial: settings.backfill['batch-initial'],
    pauseMs: settings.backfill.pause
  };
}

/** database.backfill.throttle, with its metric's URL resolved; `context` opens the session that watches lock waits. */
function throttleOf(settings: DatabaseSettings, context: Pick<StepContext, 'config' | 'secrets' | 'baseDir'>): ThrottleOptions {
  const throttle = settings.backfill.throttle;
  const metric = throttle.metric;
  const field = 'database.backfill.throttle.metric.url';
  return {
    settings: { lockWait: throttle['lock-wait'], replicaLag: throttle['replica-lag'], checkMs: throttle.check, maxPauseMs: throttle['max-pause'] },
    signals: metric ? [prometheusSignal(metric, context.secrets.resolve(field, metric.url), fieldFrom(field, metric.url))] : [],
    openMonitor: () => openConfigured(context, 'migrate', 'cutover migrate lock-wait monitor')
  };
}

/**
 * `signal` is the step's: a cancelled job stops a backfill after its committed batch, and ends any wait with an AbortedError.
 * `context` gives the backfill its throttle's second session and metric; without it, batches are sized by their duration alone.
 */
export function phaseOptions(
  settings: DatabaseSettings,
  logger: Logger,
  who: RunIdentity,
  forced: string | null = null,
  signal?: AbortSignal,
  context?: Pick<StepContext, 'config' | 'secrets' | 'baseDir'>
): PhaseOptions {
  return {
    policy: lockPolicyOf(settings),
    lockWaitMs: settings['lock-wait'],
    batch: batchOf(settings),
    who,
    forced,
    hooks: {
      log: message => logger.info(message),
      warn: message => logger.warn(message),
      progress: p => logger.progress(describeProgress(p), p.rowsTotal > 0 ? Math.min(1, p.rowsDone / p.rowsTotal) : 1),
      pause: ms => sleep(ms, signal),
      cancelled: () => signal?.aborted === true,
      ...(context ? { throttle: throttleOf(settings, context) } : {})
    }
  };
}

/**
 * Migrations that finished after the snapshot and were not run by this
 * release: someone else changed the schema underneath it.
 */
export function schemaDrift(recorded: DatabaseSnapshot, history: readonly HistoryRow[], release: string): string[] {
  const changes: string[] = [];
  for (const row of history) {
    if (row.release === release || recorded.applied[row.phase].includes(row.id)) continue;
    changes.push(`${row.id}_${row.name} ${row.phase} (${row.status}, run ${row.run_id ?? 'unknown'} by ${row.actor ?? 'unknown'}, release ${row.release ?? 'none'})`);
  }
  for (const phase of ['expand', 'migrate', 'contract'] as const) {
    for (const id of recorded.applied[phase]) {
      if (!history.some(r => r.id === id && r.phase === phase && r.status === 'done')) changes.push(`${id} ${phase} was applied at the snapshot and is no longer in the history`);
    }
  }
  return changes;
}

export function refuseOnSchemaDrift(step: string, recorded: DatabaseSnapshot | null, history: readonly HistoryRow[], release: string): void {
  if (!recorded) {
    throw new ReleaseError(`${step}: the snapshot recorded no database (cutover.yml had no database section when it was taken). Take a new snapshot so the release knows the schema it starts from.`, 'unchanged');
  }
  const changes = schemaDrift(recorded, history, release);
  if (changes.length) {
    throw new DriftError(
      `${step}: the schema changed since the snapshot, by someone other than this release:\n  ${changes.join('\n  ')}\nFind out who ran those migrations, then take a new snapshot and start the release again.`
    );
  }
}

/**
 * Promote needs every expand and migrate part done: the new version expects
 * that schema. Rollback needs no contract of this release to have run: the
 * old version needs what contract drops. Rollback is for emergencies, so an
 * unreachable database only warns when the release record rules contract out
 * (sealed, before contract, none started); otherwise it refuses unless forced.
 */
export async function checkDatabaseBeforeSwitch(context: StepContext, step: 'promote' | 'rollback', record: ReleaseRecord, force?: string): Promise<void> {
  const release = record.snapshot.digest;
  if (!context.config.database) return;
  if (step === 'promote') {
    const migrations = await migrationsOf(context, step);
    const settings = databaseSettings(context, step);
    const hooks = { log: (message: string) => context.logger.info(message), pause: (ms: number) => sleep(ms, context.signal) };
    await withDatabase(context, step, async db => {
      const history = await readHistory(db);
      const pending = migrations.flatMap(m =>
        (['expand', 'migrate'] as const).filter(p => m.parts[p] && rowOf(history, m.id, p)?.status !== 'done').map(p => `${m.id}_${m.name} ${p}`)
      );
      if (pending.length) {
        throw new ReleaseError(`promote: the new version expects a schema that is not there yet; not done: ${pending.join(', ')}. Run the migrate step (phase expand, then migrate) first.`, 'unchanged');
      }
      // The live version kept writing since migrate verified; its backfills are checked again, cheaply.
      const doneAtSnapshot = record.snapshot.snapshot.database?.applied.migrate ?? [];
      const problems = await inconsistentBeforePromote(db, migrations, history, doneAtSnapshot, batchOf(settings), lockPolicyOf(settings), hooks);
      if (problems.length) throw new ReleaseError(`promote: refused: rows this release backfilled are inconsistent, and the new version would read them:\n  ${problems.join('\n  ')}`, 'unchanged');
    });
    return;
  }
  let history: HistoryRow[];
  try {
    history = await withDatabase(context, step, readHistory);
  } catch (error) {
    const cause = `could not read the migration history (${(error as Error).message})`;
    const unproven = contractNotRuledOut({ sealed: record.sealed === true, phase: record.phase, history: record.history });
    if (unproven === null) {
      context.logger.warn(`rollback: ${cause}; going by the release record alone, which is sealed at ${record.phase} with no contract started`);
    } else if (force !== undefined) {
      context.logger.warn(`rollback forced (${force}) although it ${cause}, and ${unproven}`);
    } else {
      throw new ReleaseError(
        `rollback: refused: it ${cause}, and ${unproven}, so nothing shows that contract left the schema the old version needs. ` +
          'Restore the connection to the database and run rollback again; or, if you know contract never ran, run rollback with force and the reason.',
        'unchanged'
      );
    }
    return;
  }
  const contracted = history.filter(r => r.phase === 'contract' && r.release === release);
  if (contracted.length) {
    throw new ReleaseError(
      `rollback: this release already ran contract (${contracted.map(r => `${r.id}_${r.name}, ${r.status}`).join('; ')}), so the schema the old version needs is gone. Rolling traffic back would send users to a version that fails. Fix forward with a new release.`,
      'fix-forward'
    );
  }
}
