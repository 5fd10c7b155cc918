import type { ErrorRateComparison, LatencyComparison, ThresholdCheck } from '../../src/core/checks.js';
import type { ColorTraffic, IntervalMeasurement, NoData } from '../../src/core/measurement.js';

/** Seconds after a fixed start, so every time in a test is explicit. */
export const at = (seconds: number) => new Date(Date.UTC(2026, 10, 23, 10, 0, 0) + seconds * 1000);

/**
 * `n` latencies spread evenly from median − 50 to median + 50 ms. Even spacing
 * instead of random draws keeps every statistic the same on every run, and
 * makes percentiles easy to check: with h = (n − 1)·p/100, the p-th is median − 50 + 100·h/(n − 1).
 */
export function latencies(n: number, medianMs: number): number[] {
  return Array.from({ length: n }, (_, i) => medianMs - 50 + (100 * i) / (n - 1));
}

export const traffic = (requests: number, errors: number, latenciesMs: readonly number[] = []): ColorTraffic => ({
  kind: 'measured',
  requests,
  errors,
  latenciesMs
});

export const noData = (reason = 'the query returned no series'): NoData => ({ kind: 'no-data', reason });

export const interval = (endSeconds: number, fresh: IntervalMeasurement['new'], old: IntervalMeasurement['old']): IntervalMeasurement => ({
  start: at(endSeconds - 10),
  end: at(endSeconds),
  new: fresh,
  old
});

export const errorRateMax: ThresholdCheck = { kind: 'threshold', name: 'errors', metric: 'error-rate', max: 0.01, minSamples: 100 };
export const p95Max: ThresholdCheck = { kind: 'threshold', name: 'p95', metric: 'p95', max: 300, minSamples: 50 };
export const errorRateVsOld: ErrorRateComparison = { kind: 'error-rate-vs-old', name: 'errors-vs-old', allowance: 0.005, minSamples: 100 };
export const latencyVsOld: LatencyComparison = { kind: 'latency-vs-old', name: 'latency-vs-old', confidence: 0.95, allowanceMs: 0, minSamples: 50 };
