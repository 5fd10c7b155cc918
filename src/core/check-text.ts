import type { Check, Metric } from './checks.js';

/** A ratio as a percentage for people: 0.01 is `1%`, 0.0025 is `0.25%`. */
export function percentText(ratio: number): string {
  return `${Number((ratio * 100).toPrecision(3))}%`;
}

function limitText(metric: Metric, value: number): string {
  return metric === 'error-rate' ? percentText(value) : `${value}ms`;
}

function metricText(metric: Metric): string {
  if (metric === 'error-rate') return 'error rate';
  if (metric === 'mean-latency') return 'mean latency';
  return `${metric} latency`;
}

/** A check and its limit in words, as a reviewer reads it before approving: `errors: the new color's error rate at most 1%`. */
export function describeCheck(check: Check): string {
  switch (check.kind) {
    case 'threshold': {
      const bounds = [check.max === undefined ? null : `at most ${limitText(check.metric, check.max)}`, check.min === undefined ? null : `at least ${limitText(check.metric, check.min)}`];
      return `${check.name}: the new color's ${metricText(check.metric)} ${bounds.filter(Boolean).join(' and ')} (from ${check.minSamples} samples)`;
    }
    case 'error-rate-vs-old':
      return `${check.name}: the new color's error rate at most the old color's plus ${percentText(check.allowance)} (from ${check.minSamples} requests each)`;
    case 'latency-vs-old':
      return `${check.name}: the new color not slower than the old${check.allowanceMs ? ` by more than ${check.allowanceMs}ms` : ''} (Mann–Whitney U at ${percentText(check.confidence)} confidence, from ${check.minSamples} samples each)`;
  }
}
