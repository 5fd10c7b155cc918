import { type Metric, percentileOf } from './checks.js';
import { mean, percentile } from './statistics.js';

/** What one color served in an interval; `errors` counts the requests that failed (the probe decides which). */
export interface ColorTraffic {
  kind: 'measured';
  /** Counts may be fractional: Prometheus's increase() extrapolates. */
  requests: number;
  errors: number;
  /** Latencies in milliseconds: every request's, or a sample of them. */
  latenciesMs: readonly number[];
}

/** The source answered with nothing (an empty query, a probe that failed); `reason` is shown in the verdict. */
export interface NoData {
  kind: 'no-data';
  reason: string;
}

export type ColorMeasurement = ColorTraffic | NoData;

/** The new color's and the old color's traffic over the same window. */
export interface IntervalMeasurement {
  start: Date;
  end: Date;
  new: ColorMeasurement;
  old: ColorMeasurement;
}

export type Role = 'new' | 'old';

/** Why a color's measurement cannot be judged (a source gave impossible numbers), or null when it can. */
export function measurementFault(traffic: ColorTraffic): string | null {
  if (!(Number.isFinite(traffic.requests) && traffic.requests >= 0)) return `requests is ${traffic.requests}, expected a count of 0 or more`;
  if (!(Number.isFinite(traffic.errors) && traffic.errors >= 0)) return `errors is ${traffic.errors}, expected a count of 0 or more`;
  if (traffic.errors > traffic.requests) return `errors (${traffic.errors}) exceed requests (${traffic.requests})`;
  const bad = traffic.latenciesMs.find(ms => !(Number.isFinite(ms) && ms >= 0));
  if (bad !== undefined) return `a latency of ${bad}ms, expected milliseconds of 0 or more`;
  return null;
}

/** How many observations `metric` rests on: requests for the error rate, latency samples otherwise. */
export function samplesOf(metric: Metric, traffic: ColorTraffic): number {
  return metric === 'error-rate' ? traffic.requests : traffic.latenciesMs.length;
}

export function samplesUnit(metric: Metric): string {
  return metric === 'error-rate' ? 'requests' : 'samples';
}

/** The value of `metric`; only call it with at least one sample. */
export function valueOf(metric: Metric, traffic: ColorTraffic): number {
  if (metric === 'error-rate') return traffic.errors / traffic.requests;
  if (metric === 'mean-latency') return mean(traffic.latenciesMs);
  return percentile(traffic.latenciesMs, percentileOf(metric) as number);
}

/** Ratios to three significant digits (0.21), milliseconds whole from 100ms up (412ms) and to three digits below (12.3ms). */
export function formatValue(metric: Metric, value: number): string {
  if (metric === 'error-rate') return String(Number(value.toPrecision(3)));
  return `${Math.abs(value) >= 100 ? Math.round(value) : Number(value.toPrecision(3))}ms`;
}
