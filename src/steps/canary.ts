import type { Color } from '../core/color.js';
import type { SourcedCheck } from '../core/checks.js';
import { ReleaseError } from '../shared/errors.js';
import { type CheckVerdict, intervalOf, type IntervalVerdict } from '../core/interval-verdict.js';
import { snapshotState } from '../core/release.js';
import { describeRouterState, routerDigest, withWeights, type RouterState } from '../core/router-state.js';
import { judgeStep, type StepPolicy, type StepVerdict } from '../core/step-verdict.js';
import type { TrafficPoint } from '../core/timeline.js';
import { weightsAtStep } from '../core/traffic-steps.js';
import { formatWeights, type Weights } from '../core/weights.js';
import { formatDuration } from '../shared/duration.js';
import { sleepUnlessAborted } from '../shared/io/wait.js';
import type { ReleaseRecord } from '../adapters/store/release-store.js';
import { Analysis, type MeasuredInterval } from './analysis.js';
import type { StepContext } from './context.js';
import { drainColors } from './drain.js';

/** A failed verdict rolled the release back: traffic is as the snapshot recorded, and the step fails. */
export class AnalysisFailedError extends ReleaseError {
  constructor(message: string) {
    super(message, 'back-on-snapshot');
  }
}

export interface CanaryOptions {
  /**
   * `cutover drill`: fail the first step on purpose, with this detail, to
   * prove the automatic rollback. A drill runs on a non-production
   * environment and skips the approval gate.
   */
  forceFailure?: string;
}

/** The splits this release's traffic steps set, so a run stopped mid-canary is recognized as this release's, not as drift. */
export function splitsOf(context: StepContext, record: ReleaseRecord): Weights[] {
  const steps = context.config.traffic.steps;
  const live = record.snapshot.snapshot.live_color;
  return [...steps.map((_, i) => weightsAtStep(steps, i, live)), ...(record.traffic ?? []).map(point => point.weights)];
}

/**
 * Promotes in traffic steps: each step gives the new color its share, then
 * analysis judges interval after interval until the step passes or fails. A
 * failed step (outside a dry run) or a cancelled job puts the snapshot's
 * weights back at once and fails. A run that stops mid-canary resumes at the
 * split the router holds, analysing that step afresh. Returns the final state.
 */
export async function promoteInSteps(context: StepContext, record: ReleaseRecord, from: RouterState, options: CanaryOptions = {}): Promise<RouterState> {
  const { config, logger } = context;
  const { snapshot } = record.snapshot;
  const live = snapshot.live_color;
  const idle = snapshot.idle_color;
  // Steps at or below the share the new color already had at the snapshot would move traffic backwards.
  const steps = config.traffic.steps.filter(share => share > snapshot.weights[idle]);
  // A run stopped mid-canary goes on from the split the router holds, never backwards.
  const resumeAt = Math.max(0, steps.findIndex(share => share >= from.weights[idle]));
  const analysis = config.analysis ? Analysis.open(context, config.analysis) : null;
  const signal = context.signal ?? new AbortController().signal;
  let current = from;
  try {
    for (let i = resumeAt; i < steps.length; i++) {
      const percent = steps[i] as number;
      const weights = weightsAtStep(steps, i, live);
      const target = withWeights(snapshotState(record.snapshot), weights);
      if (routerDigest(target) !== routerDigest(current)) {
        // Recorded before the switch, so a run killed during it still knows the split as its own.
        await addPoint(context, record, { label: `${percent}%`, at: context.now().toISOString(), weights });
        await context.router.apply(current, target);
        current = target;
      }
      logger.info(`step ${i + 1} of ${steps.length}: ${idle} gets ${percent}% (${formatWeights(weights)})`);
      if (weights[live] === 0) await drainColors(context, [live]);
      const checks = analysis?.checksAt(weights[live]) ?? [];
      const forced = i === resumeAt ? options.forceFailure : undefined;
      const last = i === steps.length - 1;
      if (checks.length === 0 && !forced) {
        if (last) break;
        logger.info(`no analysis configured for this step: waiting the pause, ${formatDuration(config.traffic.pause)}`);
        if (!(await sleepUnlessAborted(config.traffic.pause, signal))) await rollBack(context, record, current, `the job was cancelled during step ${i + 1} (${percent}%)`);
        continue;
      }
      const verdict = await watchStep(context, record, { index: i, percent, weights, analysis, checks, forced, signal, roles: { new: idle, old: live } });
      if (verdict.rollback) await rollBack(context, record, current, verdict.reason);
    }
  } finally {
    await analysis?.close();
  }
  return current;
}

interface StepWatch {
  index: number;
  percent: number;
  weights: Weights;
  analysis: Analysis | null;
  checks: readonly SourcedCheck[];
  forced: string | undefined;
  signal: AbortSignal;
  roles: { new: Color; old: Color };
}

/** Measures and judges one step's intervals until its verdict; rolls back itself only on cancellation. */
async function watchStep(context: StepContext, record: ReleaseRecord, watch: StepWatch): Promise<StepVerdict> {
  const { config, logger } = context;
  const settings = config.analysis;
  const policy: StepPolicy = watch.forced
    ? // A drill fails the first interval whatever the settings, without waiting for more.
      { pauseMs: 0, failuresAllowed: 0, inconclusive: { kind: 'fail' }, dryRun: false }
    : {
        pauseMs: config.traffic.pause,
        failuresAllowed: settings?.failuresAllowed ?? 0,
        inconclusive: settings?.inconclusive ?? { kind: 'fail' },
        dryRun: settings?.dryRun ?? false
      };
  const label = `step ${watch.index + 1} (${watch.percent}%)`;
  const startedAt = context.now();
  const intervals: IntervalVerdict[] = [];
  for (;;) {
    const measured = await measure(context, watch);
    if (watch.signal.aborted) await rollBack(context, record, currentOf(record, watch), `the job was cancelled during ${label}`);
    intervals.push(measured.verdict);
    logInterval(context, label, intervals.length, measured.verdict);
    const point = { label: `${watch.percent}% #${intervals.length}`, at: measured.verdict.end.toISOString(), weights: watch.weights, errorRate: measured.errorRate };
    await addPoint(context, record, point);
    const verdict = judgeStep({ index: watch.index, percent: watch.percent, startedAt, intervals }, policy, context.now());
    if (verdict.outcome === 'continue') continue;
    const judged = stepRecordOf(verdict, intervals, context.now());
    record.analysis = [...(record.analysis ?? []), judged];
    await context.store.save(record);
    await context.tracker?.judged(record, judged, point);
    if (verdict.outcome === 'pass') logger.info(verdict.reason);
    else if (!verdict.rollback) logger.warn(verdict.reason);
    return verdict;
  }
}

async function measure(context: StepContext, watch: StepWatch): Promise<MeasuredInterval> {
  const measured = watch.analysis
    ? await watch.analysis.interval({ roles: watch.roles, weights: watch.weights, checks: watch.checks, signal: watch.signal })
    : { verdict: intervalOf(context.now(), context.now(), []), errorRate: { blue: null, green: null } };
  if (!watch.forced) return measured;
  const { start, end, checks } = measured.verdict;
  return { ...measured, verdict: intervalOf(start, end, [...checks, forcedFailure(watch.forced)]) };
}

function forcedFailure(detail: string): CheckVerdict {
  return { name: 'drill', outcome: 'fail', metric: 'error-rate', value: null, baseline: null, max: null, min: null, pValue: null, alpha: null, samples: { new: null, old: null }, detail };
}

/** The state the step's weights stand for; the router was set to it when the step began. */
function currentOf(record: ReleaseRecord, watch: StepWatch): RouterState {
  return withWeights(snapshotState(record.snapshot), watch.weights);
}

function logInterval(context: StepContext, label: string, n: number, verdict: IntervalVerdict): void {
  context.logger.info(`${label} interval ${n}: ${verdict.outcome}`);
  for (const check of verdict.checks) context.logger.info(`  ${check.name} ${check.outcome}: ${check.detail}`);
}

function stepRecordOf(verdict: StepVerdict, intervals: readonly IntervalVerdict[], at: Date) {
  const last = intervals[intervals.length - 1];
  return {
    step: verdict.step,
    percent: verdict.percent,
    outcome: verdict.outcome as Exclude<StepVerdict['outcome'], 'continue'>,
    dryRun: verdict.dryRun,
    at: at.toISOString(),
    elapsedMs: verdict.elapsedMs,
    reason: verdict.reason,
    checks: (last?.checks ?? []).map(c => ({ name: c.name, outcome: c.outcome, detail: c.detail }))
  };
}

async function addPoint(context: StepContext, record: ReleaseRecord, point: TrafficPoint): Promise<void> {
  record.traffic = [...(record.traffic ?? []), point];
  await context.store.save(record);
}

/** Puts the snapshot's weights back at once, records it, and fails the step with `reason`. */
async function rollBack(context: StepContext, record: ReleaseRecord, current: RouterState, reason: string): Promise<never> {
  const { logger } = context;
  const target = snapshotState(record.snapshot);
  const idle = record.snapshot.snapshot.idle_color;
  logger.warn(`${reason}\nRolling back automatically to ${describeRouterState(target)}`);
  await context.router.apply(current, target);
  const at = context.now().toISOString();
  record.phase = 'rolled-back';
  const detail = `automatic rollback: ${reason.split('\n')[0]}`;
  record.history.push({ step: 'rollback', at, outcome: 'done', detail });
  await context.store.save(record);
  // Before the step's failure is recorded, so that the deployment's history agrees with the file: rolled back.
  await context.tracker?.rolledBack(record, detail);
  if (target.weights[idle] === 0 && current.weights[idle] > 0) await drainColors(context, [idle]);
  throw new AnalysisFailedError(`${reason}\nTraffic was rolled back automatically and is as the snapshot recorded: ${describeRouterState(target)}.`);
}
