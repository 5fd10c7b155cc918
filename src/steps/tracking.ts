import { describeError } from '../shared/errors.js';
import type { StepContext, StepOutputs, TrackedStep } from './context.js';

/**
 * Runs a step between two reports to the tracker: in progress before, then
 * done or failed after. A report that GitHub refuses is a warning; the
 * step's own outcome is what decides success.
 */
export async function tracked(context: StepContext, step: TrackedStep, work: () => Promise<StepOutputs>): Promise<StepOutputs> {
  const { tracker, logger } = context;
  if (!tracker || step === 'snapshot') return work();
  const record = await context.store.load();
  await tracker.begin(record, step);
  let outputs: StepOutputs;
  try {
    outputs = await work();
  } catch (error) {
    await tracker.failed(record, step, context.secrets.redact(describeError(error))).catch(report => logger.warn(`could not record the failure on the GitHub deployment: ${describeError(report)}`));
    throw error;
  }
  await tracker.finished(await context.store.load(), step, outputs);
  return outputs;
}
