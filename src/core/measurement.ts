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
  /**
   * Values the source computed itself, where it has no samples to compute them
   * from: a Prometheus quantile, a router's mean response time. They count as
   * resting on `requests` observations.
   */
  values?: Partial<Record<Metric, number>>;
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
  for (const [metric, value] of Object.entries(traffic.values ?? {})) {
    const ok = value !== undefined && Number.isFinite(value) && value >= 0 && (metric !== 'error-rate' || value <= 1);
    if (!ok) return `${metric} is ${value}, expected ${metric === 'error-rate' ? 'a ratio from 0 to 1' : 'milliseconds of 0 or more'}`;
  }
  return null;
}

/** A value the source computed for `metric`, used when there are no samples to compute it from. */
function givenValue(metric: Metric, traffic: ColorTraffic): number | undefined {
  const value = traffic.values?.[metric];
  const computable = metric === 'error-rate' ? traffic.requests > 0 : traffic.latenciesMs.length > 0;
  return computable ? undefined : value;
}

/** How many observations `metric` rests on: requests for the error rate and for values the source computed, latency samples otherwise. */
export function samplesOf(metric: Metric, traffic: ColorTraffic): number {
  if (givenValue(metric, traffic) !== undefined) return traffic.requests;
  return metric === 'error-rate' ? traffic.requests : traffic.latenciesMs.length;
}

export function samplesUnit(metric: Metric): string {
  return metric === 'error-rate' ? 'requests' : 'samples';
}

/** The value of `metric`; only call it with at least one sample. */
export function valueOf(metric: Metric, traffic: ColorTraffic): number {
  const given = givenValue(metric, traffic);
  if (given !== undefined) return given;
  if (metric === 'error-rate') return traffic.errors / traffic.requests;
  if (metric === 'mean-latency') return mean(traffic.latenciesMs);
  return percentile(traffic.latenciesMs, percentileOf(metric) as number);
}

/** Ratios to three significant digits (0.21), milliseconds whole from 100ms up (412ms) and to three digits below (12.3ms). */
export function formatValue(metric: Metric, value: number): string {
  if (metric === 'error-rate') return String(Number(value.toPrecision(3)));
  return `${Math.abs(value) >= 100 ? Math.round(value) : Number(value.toPrecision(3))}ms`;
}
