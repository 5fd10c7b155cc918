import { type Check, checkProblems, isMetric, percentileOf } from '../../src/core/checks.js';
import { describeFieldProblem, rejectProblems } from '../../src/core/field-problem.js';
import { stepPolicyProblems, type StepPolicy } from '../../src/core/step-verdict.js';
import { refusalOf } from '../support/refusal.js';
import { errorRateMax, errorRateVsOld, latencyVsOld, p95Max } from './analysis-fixtures.js';

const lines = (checks: Check[]) => checkProblems(checks).map(describeFieldProblem);

describe('metrics', () => {
  it('knows the error rate, the mean latency and latency percentiles from p0 to p100', () => {
    for (const name of ['error-rate', 'mean-latency', 'p0', 'p50', 'p95', 'p99.9', 'p100']) expect(isMetric(name)).toBe(true);
    for (const name of ['p101', 'P95', 'p', 'p95ms', 'latency', 'p-1', 'error_rate', '']) expect(isMetric(name)).toBe(false);
    expect(percentileOf('p99.9')).toBe(99.9);
    expect(percentileOf('error-rate')).toBeUndefined();
  });
});

describe('validating checks', () => {
  it('accepts sound checks of every kind', () => {
    expect(checkProblems([errorRateMax, p95Max, errorRateVsOld, latencyVsOld])).toEqual([]);
  });

  it('asks for at least one check', () => {
    expect(lines([])).toEqual(['analysis.checks: expected at least one check, like { name: errors, metric: error-rate, max: 0.01 }, got []']);
  });

  it('wants names that are present and unique', () => {
    expect(lines([errorRateMax, { ...p95Max, name: 'errors' }, { ...p95Max, name: ' ' }])).toEqual([
      'analysis.checks.1.name: expected a name of its own: analysis.checks.0.name is the same, got "errors"',
      'analysis.checks.2.name: expected a name that the summary and the log can show, got " "'
    ]);
  });

  it('refuses unknown metrics and thresholds without a limit', () => {
    expect(lines([{ ...p95Max, metric: 'p150' }])).toEqual([
      'analysis.checks.0.metric: expected error-rate, mean-latency or a latency percentile from p0 to p100 like p95, got "p150"'
    ]);
    expect(lines([{ kind: 'threshold', name: 'p99', metric: 'p99', minSamples: 10 }])).toEqual([
      "analysis.checks.0.max: expected a limit on the new color's p99 (max, or min for a floor), got nothing"
    ]);
  });

  it('reads error-rate limits as ratios and latency limits as milliseconds', () => {
    expect(lines([{ ...errorRateMax, max: 5 }])).toEqual(['analysis.checks.0.max: expected a ratio from 0 to 1 (0.01 is 1%), got 5']);
    expect(lines([{ ...p95Max, max: -1 }, { ...p95Max, name: 'p95-nan', max: NaN }])).toEqual([
      'analysis.checks.0.max: expected milliseconds, 0 or more, for p95, got -1',
      'analysis.checks.1.max: expected milliseconds, 0 or more, for p95, got NaN'
    ]);
    expect(lines([{ ...p95Max, min: 400 }])).toEqual(['analysis.checks.0.min: expected at most max (300): no value could pass, got 400']);
    expect(lines([{ ...p95Max, max: 5000 }])).toEqual([]);
  });

  it('checks sample minimums, allowances and confidence', () => {
    expect(lines([{ ...errorRateMax, minSamples: 0 }, { ...p95Max, minSamples: 2.5 }])).toEqual([
      'analysis.checks.0.min-samples: expected a whole number of samples, at least 1, got 0',
      'analysis.checks.1.min-samples: expected a whole number of samples, at least 1, got 2.5'
    ]);
    expect(lines([{ ...errorRateVsOld, allowance: 1.5 }])).toEqual([
      "analysis.checks.0.allowance: expected a ratio from 0 to 1 added to the old color's error rate (0.005 is half a percent), got 1.5"
    ]);
    expect(lines([{ ...latencyVsOld, confidence: 95, allowanceMs: -5 }])).toEqual([
      'analysis.checks.0.confidence: expected a level between 0 and 1, like 0.95 or 0.99, got 95',
      'analysis.checks.0.allowance: expected milliseconds the new color may be slower by, 0 or more, got -5'
    ]);
  });

  it('refuses a rank test on fewer than 10 samples per color, saying why', () => {
    expect(lines([{ ...latencyVsOld, minSamples: 5 }])).toEqual([
      'analysis.checks.0.min-samples: expected at least 10: with fewer latency samples per color the Mann-Whitney test is too rough to decide a rollback, got 5'
    ]);
    expect(lines([{ ...latencyVsOld, minSamples: 10 }])).toEqual([]);
  });

  it('throws every problem at once as bad input', () => {
    const message = refusalOf(() => rejectProblems(checkProblems([{ ...errorRateMax, max: 2 }, { ...latencyVsOld, confidence: 1 }])));
    expect(message).toBe(
      '2 problems; nothing was changed:\n' +
        '  analysis.checks.0.max: expected a ratio from 0 to 1 (0.01 is 1%), got 2\n' +
        '  analysis.checks.1.confidence: expected a level between 0 and 1, like 0.95 or 0.99, got 1'
    );
    expect(() => rejectProblems([])).not.toThrow();
  });
});

describe('validating the step policy', () => {
  const sound: StepPolicy = { pauseMs: 60_000, failuresAllowed: 1, inconclusive: { kind: 'wait', limitMs: 300_000 }, dryRun: false };

  it('accepts a sound policy, including no pause and no failures allowed', () => {
    expect(stepPolicyProblems(sound)).toEqual([]);
    expect(stepPolicyProblems({ ...sound, pauseMs: 0, failuresAllowed: 0, inconclusive: { kind: 'fail' } })).toEqual([]);
  });

  it('names each bad field where cutover.yml holds it', () => {
    expect(stepPolicyProblems({ ...sound, pauseMs: -1, failuresAllowed: 1.5, inconclusive: { kind: 'wait', limitMs: 0 } }).map(describeFieldProblem)).toEqual([
      'traffic.pause: expected a duration of 0 or more, like 60s, got -1',
      'analysis.failures-allowed: expected a whole number of failed intervals to tolerate, 0 or more, got 1.5',
      'analysis.wait-limit: expected how long to wait for data before the step fails, like 5m (or inconclusive: fail to fail at once), got 0'
    ]);
  });
});
