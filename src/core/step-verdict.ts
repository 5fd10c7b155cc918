import type { FieldProblem } from './field-problem.js';
import type { CheckVerdict, IntervalVerdict, Outcome } from './interval-verdict.js';

/**
 * What an inconclusive interval (no data, too few samples) means, since no
 * data is the commonest way a canary analysis stalls: `fail` counts it as a
 * failed interval, `pass` as a passed one, and `wait` counts it as neither and
 * waits for data, failing the step once it has lacked conclusive data for
 * `limitMs` (since its last conclusive interval, or since it started).
 */
export type InconclusivePolicy = { kind: 'fail' } | { kind: 'pass' } | { kind: 'wait'; limitMs: number };

export interface StepPolicy {
  /** The least time a step lasts before it may pass (traffic.pause). */
  pauseMs: number;
  /** Failed intervals a step tolerates; one more fails it at once. */
  failuresAllowed: number;
  inconclusive: InconclusivePolicy;
  /** Judge and report exactly the same, but never roll back. */
  dryRun: boolean;
}

/** One traffic step as analysis has seen it so far; intervals in the order they were measured. */
export interface StepProgress {
  /** From 0. */
  index: number;
  /** The new color's share during the step. */
  percent: number;
  startedAt: Date;
  intervals: readonly IntervalVerdict[];
}

/**
 * `continue`: keep measuring. `pass`: move to the next step. `fail`: a check
 * failed in more intervals than allowed. `inconclusive-fail`: the step could
 * not be shown healthy for lack of data. Both failures restore the snapshot's
 * weights unless the policy is a dry run.
 */
export type StepOutcome = 'continue' | 'pass' | 'fail' | 'inconclusive-fail';

/** The record of a step's verdict, for the summary, the log and the release record. */
export interface StepVerdict {
  /** From 0, as in StepProgress; the reason counts from 1 for people. */
  step: number;
  percent: number;
  outcome: StepOutcome;
  /** Restore the snapshot's weights now: a failed outcome outside a dry run. */
  rollback: boolean;
  dryRun: boolean;
  elapsedMs: number;
  /** Intervals by their own outcome, before the inconclusive policy counts them. */
  intervals: Record<Outcome, number>;
  /** Intervals counted as failed: failed ones, and inconclusive ones under `inconclusive: fail`. */
  failures: number;
  failuresAllowed: number;
  /** For a failed outcome: the checks behind it, from the last interval that counted against the step. */
  causes: CheckVerdict[];
  /** One line for the summary and the log. */
  reason: string;
}

/** Everything wrong with the step policy beyond the types a schema enforces; paths start at the top of cutover.yml. */
export function stepPolicyProblems(policy: StepPolicy): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!(Number.isFinite(policy.pauseMs) && policy.pauseMs >= 0)) {
    problems.push({ path: ['traffic', 'pause'], message: 'expected a duration of 0 or more, like 60s', value: policy.pauseMs });
  }
  if (!(Number.isInteger(policy.failuresAllowed) && policy.failuresAllowed >= 0)) {
    problems.push({ path: ['analysis', 'failures-allowed'], message: 'expected a whole number of failed intervals to tolerate, 0 or more', value: policy.failuresAllowed });
  }
  if (policy.inconclusive.kind === 'wait' && !(Number.isFinite(policy.inconclusive.limitMs) && policy.inconclusive.limitMs > 0)) {
    problems.push({
      path: ['analysis', 'wait-limit'],
      message: 'expected how long to wait for data before the step fails, like 5m (or inconclusive: fail to fail at once)',
      value: policy.inconclusive.limitMs
    });
  }
  return problems;
}

/**
 * Decides a step from its intervals so far. It fails as soon as more intervals
 * count as failed than allowed, or (under `wait`) once data has been missing
 * for the limit. It passes once it has lasted the pause with at least one
 * interval, at least one of them conclusive (not needed under `pass`), and
 * under `wait` with its latest interval conclusive: a step whose data just
 * stopped waits for data rather than passing blind.
 */
export function judgeStep(progress: StepProgress, policy: StepPolicy, now: Date): StepVerdict {
  const { intervals } = progress;
  const elapsedMs = now.getTime() - progress.startedAt.getTime();
  const count = (outcome: Outcome) => intervals.filter(i => i.outcome === outcome).length;
  const counted = intervals.filter(i => i.outcome === 'fail' || (i.outcome === 'inconclusive' && policy.inconclusive.kind === 'fail'));
  const label = `step ${progress.index + 1} (${progress.percent}%)`;
  const verdict = (outcome: StepOutcome, reason: string, causes: CheckVerdict[] = []): StepVerdict => {
    const failed = outcome === 'fail' || outcome === 'inconclusive-fail';
    const action = !failed ? '' : policy.dryRun ? ' Dry run: not rolling back.' : " Rolling back to the snapshot's weights.";
    const lines = [`${label} ${reason}.${action}`, ...causes.map(c => `  ${c.name}: ${c.detail}`)];
    return {
      step: progress.index,
      percent: progress.percent,
      outcome,
      rollback: failed && !policy.dryRun,
      dryRun: policy.dryRun,
      elapsedMs,
      intervals: { pass: count('pass'), fail: count('fail'), inconclusive: count('inconclusive') },
      failures: counted.length,
      failuresAllowed: policy.failuresAllowed,
      causes,
      reason: lines.join('\n')
    };
  };
  const failures = `${plural(counted.length, 'failed interval')}, ${policy.failuresAllowed} allowed`;

  if (counted.length > policy.failuresAllowed) {
    const failedOnce = [...intervals].reverse().find(i => i.outcome === 'fail');
    if (failedOnce) return verdict('fail', `failed: ${failures}`, failedOnce.checks.filter(c => c.outcome === 'fail'));
    const last = counted[counted.length - 1] as IntervalVerdict;
    return verdict('inconclusive-fail', `failed for lack of data: ${failures}, counting inconclusive intervals as failed (inconclusive: fail)`, inconclusiveChecks(last));
  }

  const latest = intervals[intervals.length - 1];
  const conclusive = intervals.filter(i => i.outcome !== 'inconclusive');
  if (policy.inconclusive.kind === 'wait' && latest?.outcome === 'inconclusive') {
    const since = conclusive[conclusive.length - 1]?.end ?? progress.startedAt;
    const waitedMs = now.getTime() - since.getTime();
    const waited = `no conclusive data for ${seconds(waitedMs)} of the ${seconds(policy.inconclusive.limitMs)} wait limit`;
    if (waitedMs >= policy.inconclusive.limitMs) {
      return verdict('inconclusive-fail', `failed for lack of data: ${waited}`, inconclusiveChecks(latest));
    }
    return verdict('continue', `waits for data: ${waited}`);
  }

  const progressed = `${seconds(elapsedMs)} of ${seconds(policy.pauseMs)} pause, ${plural(intervals.length, 'interval')} (${count('pass')} pass, ${count('fail')} fail, ${count('inconclusive')} inconclusive)`;
  if (elapsedMs < policy.pauseMs || latest === undefined) return verdict('continue', `continues: ${progressed}`);
  if (conclusive.length === 0 && policy.inconclusive.kind !== 'pass') return verdict('continue', `continues: ${progressed}; no interval has been conclusive yet`);
  return verdict('pass', `passed: ${progressed}; ${failures}`);
}

function inconclusiveChecks(interval: IntervalVerdict): CheckVerdict[] {
  return interval.checks.filter(c => c.outcome === 'inconclusive');
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Whole seconds, with tenths where a setting is that short (an 800ms pause reads 0.8s, not 0s). */
function seconds(ms: number): string {
  return `${Math.floor(ms / 100) / 10}s`;
}
