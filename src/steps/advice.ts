import { causeOf } from '../shared/errors.js';
import { adviceAfterFailure, type Advice, type ReportedStep } from '../core/next-step.js';
import { positionOf } from '../core/release.js';
import { formatWeights } from '../core/weights.js';
import type { ReleaseRecord } from '../adapters/store/release-store.js';
import { splitsOf } from './canary.js';
import type { StepContext, TrackedStep } from './context.js';

/** What to do after a failed step, chosen by its cause, or by where traffic and schema are when it gave none. */
export async function adviceFor(context: StepContext, step: TrackedStep, error: unknown): Promise<Advice> {
  let record: ReleaseRecord | null = null;
  try {
    record = await context.store.load();
  } catch {
    // no release to judge by: the cause the error carries, or the step, decides
  }
  const state = await context.router.read().catch(() => null);
  const weights = state?.weights ?? null;
  const position = record && state ? positionOf(record.snapshot, state, splitsOf(context, record)) : 'unknown';
  return adviceAfterFailure({
    step: step as ReportedStep,
    cause: causeOf(error),
    position,
    weightsNow: weights ? formatWeights(weights) : null,
    contractStarted: record ? record.phase === 'contracted' || record.history.some(h => h.step === 'contract') : false
  });
}
