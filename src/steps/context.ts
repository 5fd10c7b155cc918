import type { AnalysisSettings, Config } from '../config/schema.js';
import type { AnalysisSource, SourceContext } from '../adapters/probes/source.js';
import type { Secrets } from '../shared/secrets.js';
import type { Phase, Step } from '../core/release.js';
import type { Snapshot } from '../core/snapshot.js';
import type { Logger } from '../shared/logging/logger.js';
import type { JournalEntry, Router } from '../adapters/routers/router.js';
import type { HistoryEntry, ReleaseRecord, ReleaseStore } from '../adapters/store/release-store.js';
import type { ReleaseTracker, StepOutputs, TrackedStep } from '../adapters/store/release-tracker.js';

/** Everything a step needs, built by the entry point (Action or CLI) from one validated config. */
export interface StepContext {
  config: Config;
  baseDir: string;
  logger: Logger;
  secrets: Secrets;
  router: Router;
  store: ReleaseStore;
  tracker: ReleaseTracker | null;
  /** Makes the analysis sources `analysis.sources` names (the probe registry's, wired by the app). */
  sources: SourceFactory;
  /** Environment the user's commands inherit. */
  env: NodeJS.ProcessEnv;
  source: Snapshot['source'];
  now: () => Date;
  /** Aborted when the job is cancelled: a canary then puts traffic back as the snapshot recorded. */
  signal?: AbortSignal;
  /** What the router did besides moving traffic during this step, not yet saved with the record. */
  journal: JournalEntry[];
}

export type { ReleaseTracker, StepOutputs, TrackedStep };

export type SourceFactory = (options: AnalysisSettings['sources'][string], context: SourceContext) => AnalysisSource;

export async function recordStep(
  context: StepContext,
  record: ReleaseRecord,
  step: Step,
  outcome: HistoryEntry['outcome'],
  detail: string,
  phase: Phase | undefined,
  version?: string
): Promise<void> {
  if (phase) record.phase = phase;
  keepJournal(context, record, step);
  record.history.push({ step, at: context.now().toISOString(), outcome, detail, ...(version ? { version } : {}) });
  await context.store.save(record);
}

/**
 * A failed step still keeps what the router did (a transaction sent before the
 * failure), so that a re-run and the summary know of it.
 */
export async function saveJournal(context: StepContext, step: TrackedStep): Promise<void> {
  if (context.journal.length === 0) return;
  try {
    const record = await context.store.load();
    keepJournal(context, record, step);
    await context.store.save(record);
  } catch (error) {
    context.logger.warn(`could not save to the release record what the router did: ${(error as Error).message}; it is in the log above`);
  }
}

/** Moves what the router did in this step into the record; saved with it by the caller. */
export function keepJournal(context: StepContext, record: ReleaseRecord, step: TrackedStep): void {
  if (context.journal.length === 0) return;
  const at = context.now().toISOString();
  record.journal = [...(record.journal ?? []), ...context.journal.splice(0).map(entry => ({ ...entry, step, at }))];
}
