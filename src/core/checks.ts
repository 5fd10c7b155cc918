import type { FieldProblem } from './field-problem.js';

/**
 * What analysis measures on a color: `error-rate` as a ratio (0.01 is 1%),
 * `mean-latency` and latency percentiles (`p95`, `p99.9`) in milliseconds.
 */
export type Metric = 'error-rate' | 'mean-latency' | `p${number}`;

const PERCENTILE = /^p(\d{1,3}(?:\.\d+)?)$/;

/** The percentile a `pNN` metric names, or undefined for other metrics. */
export function percentileOf(metric: Metric): number | undefined {
  const match = PERCENTILE.exec(metric);
  return match ? Number(match[1]) : undefined;
}

export function isMetric(text: string): text is Metric {
  if (text === 'error-rate' || text === 'mean-latency') return true;
  const p = percentileOf(text as Metric);
  return p !== undefined && p <= 100;
}

/** A fixed limit on the new color's value of `metric`. */
export interface ThresholdCheck {
  kind: 'threshold';
  name: string;
  metric: Metric;
  max?: number;
  min?: number;
  /** Requests (error-rate) or latency samples needed on the new color before the value counts. */
  minSamples: number;
}

/** The new color's error rate may exceed the old color's by at most `allowance` (a ratio). */
export interface ErrorRateComparison {
  kind: 'error-rate-vs-old';
  name: string;
  allowance: number;
  /** Requests needed on each color. */
  minSamples: number;
}

/**
 * The new color's latencies may not be significantly higher than the old
 * color's: a one-sided Mann–Whitney U test at `confidence`. `allowanceMs` is
 * taken off every new sample first, so being slower by less than that never fails.
 */
export interface LatencyComparison {
  kind: 'latency-vs-old';
  name: string;
  confidence: number;
  allowanceMs: number;
  /** Latency samples needed on each color. */
  minSamples: number;
}

export type Check = ThresholdCheck | ErrorRateComparison | LatencyComparison;

/** A check and the analysis source whose measurements it judges (`analysis.sources.<source>`). */
export interface SourcedCheck {
  source: string;
  check: Check;
}

/** Whether a check compares the new color with the old one, which needs the old color to carry traffic. */
export function comparesColors(check: Check): boolean {
  return check.kind !== 'threshold';
}

/** Below this many samples per color the normal approximation of the U test is too rough to act on. */
export const MANN_WHITNEY_MIN_SAMPLES = 10;

const METRIC_HINT = 'expected error-rate, mean-latency or a latency percentile from p0 to p100 like p95';

/** Everything wrong with `analysis.checks` beyond the types a schema enforces; paths start at the top of cutover.yml. */
export function checkProblems(checks: readonly Check[]): FieldProblem[] {
  const at = (i: number, key?: string) => (key === undefined ? ['analysis', 'checks', i] : ['analysis', 'checks', i, key]);
  if (checks.length === 0) {
    return [{ path: ['analysis', 'checks'], message: 'expected at least one check, like { name: errors, metric: error-rate, max: 0.01 }', value: checks }];
  }
  const problems: FieldProblem[] = [];
  const firstWithName = new Map<string, number>();
  checks.forEach((check, i) => {
    const earlier = firstWithName.get(check.name);
    if (check.name.trim() === '') {
      problems.push({ path: at(i, 'name'), message: 'expected a name that the summary and the log can show', value: check.name });
    } else if (earlier !== undefined) {
      problems.push({ path: at(i, 'name'), message: `expected a name of its own: analysis.checks.${earlier}.name is the same`, value: check.name });
    } else {
      firstWithName.set(check.name, i);
    }
    if (!(Number.isInteger(check.minSamples) && check.minSamples >= 1)) {
      problems.push({ path: at(i, 'min-samples'), message: 'expected a whole number of samples, at least 1', value: check.minSamples });
    }
    switch (check.kind) {
      case 'threshold':
        problems.push(...thresholdProblems(check, at(i)));
        break;
      case 'error-rate-vs-old':
        if (!isRatio(check.allowance)) {
          problems.push({ path: at(i, 'allowance'), message: 'expected a ratio from 0 to 1 added to the old color\'s error rate (0.005 is half a percent)', value: check.allowance });
        }
        break;
      case 'latency-vs-old':
        if (!(check.confidence > 0 && check.confidence < 1)) {
          problems.push({ path: at(i, 'confidence'), message: 'expected a level between 0 and 1, like 0.95 or 0.99', value: check.confidence });
        }
        if (!(Number.isFinite(check.allowanceMs) && check.allowanceMs >= 0)) {
          problems.push({ path: at(i, 'allowance'), message: 'expected milliseconds the new color may be slower by, 0 or more', value: check.allowanceMs });
        }
        if (Number.isInteger(check.minSamples) && check.minSamples >= 1 && check.minSamples < MANN_WHITNEY_MIN_SAMPLES) {
          problems.push({
            path: at(i, 'min-samples'),
            message: `expected at least ${MANN_WHITNEY_MIN_SAMPLES}: with fewer latency samples per color the Mann-Whitney test is too rough to decide a rollback`,
            value: check.minSamples
          });
        }
        break;
    }
  });
  return problems;
}

function thresholdProblems(check: ThresholdCheck, path: (string | number)[]): FieldProblem[] {
  if (!isMetric(check.metric)) return [{ path: [...path, 'metric'], message: METRIC_HINT, value: check.metric }];
  if (check.max === undefined && check.min === undefined) {
    return [{ path: [...path, 'max'], message: `expected a limit on the new color's ${check.metric} (max, or min for a floor)`, value: undefined }];
  }
  const problems: FieldProblem[] = [];
  for (const key of ['max', 'min'] as const) {
    const bound = check[key];
    if (bound === undefined) continue;
    if (check.metric === 'error-rate' && !isRatio(bound)) {
      problems.push({ path: [...path, key], message: 'expected a ratio from 0 to 1 (0.01 is 1%)', value: bound });
    } else if (!(Number.isFinite(bound) && bound >= 0)) {
      problems.push({ path: [...path, key], message: `expected milliseconds, 0 or more, for ${check.metric}`, value: bound });
    }
  }
  if (problems.length === 0 && check.max !== undefined && check.min !== undefined && check.min > check.max) {
    problems.push({ path: [...path, 'min'], message: `expected at most max (${check.max}): no value could pass`, value: check.min });
  }
  return problems;
}

function isRatio(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 1;
}
