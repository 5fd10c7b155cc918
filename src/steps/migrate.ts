import { BadInputError, ReleaseError } from '../shared/errors.js';
import { contractBlockers } from '../core/contract-guard.js';
import { driftError, positionOf, type DatabaseStep } from '../core/release.js';
import { readHistory, rowOf, type HistoryRow } from '../adapters/database/history.js';
import { runPhase, type PhaseReport } from '../adapters/database/phases.js';
import { schemaStateOf } from '../adapters/database/status.js';
import type { Logger } from '../shared/logging/logger.js';
import type { ReleaseRecord } from '../adapters/store/release-store.js';
import { recordStep, type StepContext, type StepOutputs } from './context.js';
import { databaseSettings, migrationsOf, phaseOptions, refuseOnSchemaDrift, withDatabase } from './database.js';

export const TITLES: Record<DatabaseStep, string> = { expand: 'Expand the schema', migrate: 'Migrate (backfill)', contract: 'Contract the schema' };

function promotedAt(record: ReleaseRecord): Date | undefined {
  const entry = record.history.filter(h => h.step === 'promote').at(-1);
  return entry ? new Date(entry.at) : undefined;
}

/** Refuses a contract the guard does not allow, unless forced with a reason. */
async function checkContractGuard(context: StepContext, record: ReleaseRecord, force: string | undefined): Promise<void> {
  const current = await context.router.read();
  const blockers = contractBlockers({
    sealed: record.snapshot,
    phase: record.phase,
    weights: current.weights,
    promotedAt: promotedAt(record),
    now: context.now(),
    soakMs: databaseSettings(context, 'contract').contract.soak
  });
  if (blockers.length === 0) return;
  if (force === undefined) {
    throw new ReleaseError(
      `contract: refused, because it drops what the old version needs and a rollback would then fail:\n  - ${blockers.join('\n  - ')}\nWait, or finish the promotion. To override, give force with the reason; it is recorded.`,
      'soaking'
    );
  }
  context.logger.warn(`contract forced (${force}) although:\n  - ${blockers.join('\n  - ')}`);
}

export function describeReport(report: PhaseReport): string {
  if (report.applied.length === 0 && report.skipped.length === 0) return `${report.phase}: nothing to do`;
  return [...report.applied.map(a => `${a.id}_${a.name}: ${a.outcome}`), ...report.skipped.map(s => `${s.id}_${s.name}: ${s.outcome}`)].join('; ');
}

/** Logs the findings the phase ran under an allow comment, and fails a phase that stopped before it finished. */
export function checkFinished(step: DatabaseStep, report: PhaseReport, logger: Logger): void {
  for (const allowed of report.allowed) logger.warn(`${allowed.file}:${allowed.line}: ${allowed.rule} allowed: ${allowed.allowed}`);
  if (!report.completed) throw new ReleaseError(`${step}: stopped before it finished (${describeReport(report)}). Run it again to resume.`, 'resumable');
}

/** The outputs of a database step; `release` is the snapshot digest, empty without a release. */
export function databaseOutputs(report: PhaseReport, history: readonly HistoryRow[], release: string): StepOutputs {
  return {
    'schema-version': schemaStateOf(history).schema_version ?? '',
    applied: JSON.stringify(report.applied.map(a => ({ id: a.id, name: a.name, outcome: a.outcome }))),
    'snapshot-digest': release
  };
}

/**
 * When this run applied nothing, the database (the source of truth) may still show this release's
 * contract done: by a run killed before it saved its record. Then the release is contracted, and
 * saying "nothing to do" would leave the record claiming it can still roll back.
 */
function contractDoneEarlier(report: PhaseReport, history: readonly HistoryRow[], release: string): string | null {
  if (report.applied.length > 0) return null;
  const done = history.filter(row => row.phase === 'contract' && row.release === release && row.status === 'done');
  const last = done.map(row => row.finished_at ?? row.started_at).sort().at(-1);
  return last ? `contract: already done by this release at ${last}; recorded` : null;
}

/**
 * expand, migrate and contract: each checks that traffic and schema are as
 * this release left them, then runs its phase of every pending migration.
 */
export async function databaseStep(context: StepContext, step: DatabaseStep, options: { force?: string } = {}): Promise<StepOutputs> {
  const record = await context.store.load();
  if (!context.config.database) {
    // A service without a database still runs the same workflow; its database steps have nothing to do.
    context.logger.info(`${step}: cutover.yml has no database section, so there is nothing to ${step}`);
    return { 'schema-version': '', applied: '[]', 'snapshot-digest': record.snapshot.digest };
  }
  const settings = databaseSettings(context, step);
  const sealed = record.snapshot;
  return context.logger.group(TITLES[step], async () => {
    const current = await context.router.read();
    const position = positionOf(sealed, current);
    if (step === 'contract') {
      await checkContractGuard(context, record, options.force);
    } else {
      if (position === 'drifted') throw driftError(step, sealed, current);
      if (position === 'promoted') {
        throw new ReleaseError(`${step}: this release is already promoted, and ${step} runs before promotion. Put new migrations in a new release.`, 'unchanged');
      }
    }
    const migrations = await migrationsOf(context, step);
    const who = { runId: context.source.run_id, actor: context.source.actor, release: sealed.digest };
    return withDatabase(context, step, async db => {
      const before = await readHistory(db);
      refuseOnSchemaDrift(step, sealed.snapshot.database, before, sealed.digest);
      if (step === 'contract' && migrations.some(m => m.parts.contract && rowOf(before, m.id, 'contract')?.status !== 'done')) {
        // Saved before the database work: a run killed between that work and its record still leaves evidence that contract may have run.
        await recordStep(context, record, step, 'started', 'contract: starting to drop what the old version needed', record.phase);
      }
      const report = await runPhase(db, migrations, step, phaseOptions(settings, context.logger, who, options.force ?? null, context.signal, context));
      checkFinished(step, report, context.logger);
      const after = await readHistory(db);
      const contracted = step === 'contract' ? contractDoneEarlier(report, after, sealed.digest) : null;
      const detail = contracted ?? describeReport(report);
      context.logger.info(detail);
      const phase = step === 'contract' && (report.applied.length > 0 || contracted) ? 'contracted' : record.phase;
      await recordStep(context, record, step, report.applied.length ? 'done' : 'already-done', detail, phase);
      return databaseOutputs(report, after, sealed.digest);
    });
  });
}

/** The `phase` option of the migrate step. */
export function migratePhase(value: string | undefined, label: string): 'expand' | 'migrate' {
  if (value === 'expand' || value === 'migrate') return value;
  throw new BadInputError(`${label}: expected expand or migrate, got ${JSON.stringify(value ?? '')}. Run expand first, then migrate, as two steps.`);
}
