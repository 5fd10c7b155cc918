import type { Check, ErrorRateComparison, LatencyComparison, Metric, SourcedCheck, ThresholdCheck } from './checks.js';
import {
  type ColorTraffic,
  formatValue,
  type IntervalMeasurement,
  measurementFault,
  type Role,
  samplesOf,
  samplesUnit,
  valueOf
} from './measurement.js';
import { mannWhitneyU, percentile } from './statistics.js';

/** `inconclusive`: no data, unusable data or too few samples to decide either way. */
export type Outcome = 'pass' | 'fail' | 'inconclusive';

/**
 * One check in one interval, as the summary and the log print it and as the
 * release record keeps it. Numbers are ratios or milliseconds; null where they
 * do not apply or could not be measured.
 */
export interface CheckVerdict {
  name: string;
  outcome: Outcome;
  /** What was measured; `latency` for the rank test, which compares whole distributions. */
  metric: Metric | 'latency';
  /** The new color's value; for the rank test, its median. */
  value: number | null;
  /** The old color's value, for comparisons. */
  baseline: number | null;
  /** The limits `value` was held to: a threshold's, or the old color's error rate plus the allowance. */
  max: number | null;
  min: number | null;
  /** The rank test's one-sided p-value and the level below which it fails (1 − confidence). */
  pValue: number | null;
  alpha: number | null;
  samples: { new: number | null; old: number | null };
  /** One line, e.g. "error-rate 0.21 > max 0.01 (new color, 480 requests)". */
  detail: string;
}

export interface IntervalVerdict {
  start: Date;
  end: Date;
  /** fail when any check fails; otherwise inconclusive when any check is, so a check that never gets data cannot go unnoticed. */
  outcome: Outcome;
  checks: CheckVerdict[];
}

export function judgeInterval(checks: readonly Check[], measurement: IntervalMeasurement): IntervalVerdict {
  return intervalOf(measurement.start, measurement.end, checks.map(check => judgeCheck(check, measurement)));
}

/** An interval's verdict from its checks' verdicts: the worst of them. */
export function intervalOf(start: Date, end: Date, verdicts: CheckVerdict[]): IntervalVerdict {
  const any = (outcome: Outcome) => verdicts.some(v => v.outcome === outcome);
  const outcome: Outcome = any('fail') ? 'fail' : any('inconclusive') ? 'inconclusive' : 'pass';
  return { start, end, outcome, checks: verdicts };
}

/** Judges each check against its own source's measurement of the same window, in the order the checks are configured. */
export function judgeSourcedInterval(
  checks: readonly SourcedCheck[],
  measurements: ReadonlyMap<string, Pick<IntervalMeasurement, 'new' | 'old'>>,
  start: Date,
  end: Date
): IntervalVerdict {
  const verdicts = checks.map(({ source, check }) => {
    const measured = measurements.get(source);
    const missing = { kind: 'no-data' as const, reason: `source ${source} was not measured` };
    return judgeCheck(check, { start, end, new: measured?.new ?? missing, old: measured?.old ?? missing });
  });
  return intervalOf(start, end, verdicts);
}

function judgeCheck(check: Check, measurement: IntervalMeasurement): CheckVerdict {
  switch (check.kind) {
    case 'threshold':
      return judgeThreshold(check, measurement);
    case 'error-rate-vs-old':
      return judgeErrorRateComparison(check, measurement);
    case 'latency-vs-old':
      return judgeLatencyComparison(check, measurement);
  }
}

/** The fields a check leaves null when they do not apply to it or could not be measured. */
const unmeasured = () => ({ value: null, baseline: null, max: null, min: null, pValue: null, alpha: null, samples: { new: null, old: null } });

/** The color's traffic, or why it cannot be judged. */
function trafficOf(measurement: IntervalMeasurement, role: Role): ColorTraffic | string {
  const m = measurement[role];
  if (m.kind === 'no-data') return `no data from the ${role} color (${m.reason})`;
  const fault = measurementFault(m);
  return fault === null ? m : `the ${role} color's measurement is unusable: ${fault}`;
}

/** Both colors' traffic, or the reasons either cannot be judged. */
function bothColors(measurement: IntervalMeasurement): { new: ColorTraffic; old: ColorTraffic } | string {
  const fresh = trafficOf(measurement, 'new');
  const old = trafficOf(measurement, 'old');
  if (typeof fresh === 'string' || typeof old === 'string') return [fresh, old].filter(t => typeof t === 'string').join('; ');
  return { new: fresh, old };
}

function judgeThreshold(check: ThresholdCheck, measurement: IntervalMeasurement): CheckVerdict {
  const base = { ...unmeasured(), name: check.name, metric: check.metric, max: check.max ?? null, min: check.min ?? null };
  const traffic = trafficOf(measurement, 'new');
  if (typeof traffic === 'string') return { ...base, outcome: 'inconclusive', detail: `${check.metric}: ${traffic}` };
  const samples = samplesOf(check.metric, traffic);
  const unit = samplesUnit(check.metric);
  const fmt = (v: number) => formatValue(check.metric, v);
  if (samples === 0) {
    return { ...base, outcome: 'inconclusive', samples: { new: 0, old: null }, detail: `${check.metric}: no ${unit} on the new color; needs at least ${check.minSamples} (min-samples)` };
  }
  const value = valueOf(check.metric, traffic);
  const measured = { ...base, value, samples: { new: samples, old: null } };
  const stated = `${check.metric} ${fmt(value)}`;
  const where = `(new color, ${samples} ${unit})`;
  if (samples < check.minSamples) {
    return { ...measured, outcome: 'inconclusive', detail: `${stated} from only ${samples} ${unit} on the new color; needs at least ${check.minSamples} (min-samples)` };
  }
  if (check.max !== undefined && value > check.max) return { ...measured, outcome: 'fail', detail: `${stated} > max ${fmt(check.max)} ${where}` };
  if (check.min !== undefined && value < check.min) return { ...measured, outcome: 'fail', detail: `${stated} < min ${fmt(check.min)} ${where}` };
  const kept =
    check.max !== undefined && check.min !== undefined
      ? `between min ${fmt(check.min)} and max ${fmt(check.max)}`
      : check.max !== undefined
        ? `<= max ${fmt(check.max)}`
        : `>= min ${fmt(check.min as number)}`;
  return { ...measured, outcome: 'pass', detail: `${stated} ${kept} ${where}` };
}

function judgeErrorRateComparison(check: ErrorRateComparison, measurement: IntervalMeasurement): CheckVerdict {
  const base = { ...unmeasured(), name: check.name, metric: 'error-rate' as const };
  const both = bothColors(measurement);
  if (typeof both === 'string') return { ...base, outcome: 'inconclusive', detail: `error-rate vs old color: ${both}` };
  const samples = { new: both.new.requests, old: both.old.requests };
  const counts = `${samples.new} requests on the new color, ${samples.old} on the old`;
  if (samples.new < check.minSamples || samples.old < check.minSamples) {
    return { ...base, samples, outcome: 'inconclusive', detail: `error-rate vs old color: needs at least ${check.minSamples} requests on each color (min-samples); ${counts}` };
  }
  const value = valueOf('error-rate', both.new);
  const baseline = valueOf('error-rate', both.old);
  const max = baseline + check.allowance;
  const fmt = (v: number) => formatValue('error-rate', v);
  const passed = value <= max;
  return {
    ...base,
    value,
    baseline,
    max,
    samples,
    outcome: passed ? 'pass' : 'fail',
    detail: `error-rate ${fmt(value)} ${passed ? '<=' : '>'} ${fmt(max)} (old color ${fmt(baseline)} + allowance ${fmt(check.allowance)}; ${counts})`
  };
}

function judgeLatencyComparison(check: LatencyComparison, measurement: IntervalMeasurement): CheckVerdict {
  const base = { ...unmeasured(), name: check.name, metric: 'latency' as const };
  const both = bothColors(measurement);
  if (typeof both === 'string') return { ...base, outcome: 'inconclusive', detail: `latency vs old color: ${both}` };
  const samples = { new: both.new.latenciesMs.length, old: both.old.latenciesMs.length };
  const counts = `${samples.new} samples on the new color, ${samples.old} on the old`;
  if (samples.new < check.minSamples || samples.old < check.minSamples) {
    return { ...base, samples, outcome: 'inconclusive', detail: `latency vs old color: needs at least ${check.minSamples} latency samples on each color (min-samples); ${counts}` };
  }
  const shifted = both.new.latenciesMs.map(ms => ms - check.allowanceMs);
  const { pValue } = mannWhitneyU(shifted, both.old.latenciesMs, { alternative: 'greater', minSamples: check.minSamples });
  const alpha = 1 - check.confidence;
  const value = percentile(both.new.latenciesMs, 50);
  const baseline = percentile(both.old.latenciesMs, 50);
  const failed = pValue < alpha;
  const by = check.allowanceMs > 0 ? ` by more than ${formatValue('mean-latency', check.allowanceMs)}` : '';
  const p = (x: number) => String(Number(x.toPrecision(2)));
  const medians = `median ${formatValue('p50', value)} vs ${formatValue('p50', baseline)}`;
  return {
    ...base,
    value,
    baseline,
    pValue,
    alpha,
    samples,
    outcome: failed ? 'fail' : 'pass',
    detail: failed
      ? `latency significantly higher than the old color${by}: ${medians} (Mann-Whitney p ${p(pValue)} < ${p(alpha)}; ${counts})`
      : `latency not significantly higher than the old color${by}: ${medians} (Mann-Whitney p ${p(pValue)} >= ${p(alpha)}; ${counts})`
  };
}
