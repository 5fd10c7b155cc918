import type { Check } from '../../src/core/checks.js';
import { judgeInterval } from '../../src/core/interval-verdict.js';
import { at, errorRateMax, errorRateVsOld, interval, latencies, latencyVsOld, noData, p95Max, traffic } from './analysis-fixtures.js';

const all: Check[] = [errorRateMax, p95Max, errorRateVsOld, latencyVsOld];
// The old color over the same window: 9 errors in 4500 requests (0.002), latencies 150..250ms.
const old = traffic(4500, 9, latencies(200, 200));

const verdictOf = (checks: readonly Check[], fresh: Parameters<typeof interval>[1], before: Parameters<typeof interval>[2] = old) =>
  judgeInterval(checks, interval(20, fresh, before));
const byName = (verdict: ReturnType<typeof judgeInterval>) => Object.fromEntries(verdict.checks.map(c => [c.name, c]));

describe('judging one interval', () => {
  it('passes a healthy new color, with the values and limits each check was held to', () => {
    const verdict = verdictOf(all, traffic(480, 1, latencies(200, 200)));
    expect(verdict).toMatchObject({ start: at(10), end: at(20), outcome: 'pass' });
    const checks = byName(verdict);
    expect(checks.errors).toEqual({
      name: 'errors',
      outcome: 'pass',
      metric: 'error-rate',
      value: 1 / 480,
      baseline: null,
      max: 0.01,
      min: null,
      pValue: null,
      alpha: null,
      samples: { new: 480, old: null },
      detail: 'error-rate 0.00208 <= max 0.01 (new color, 480 requests)'
    });
    // p95 of 200 values evenly spread over 150..250ms: 150 + 100·(199·0.95)/199 = 245.
    expect(checks.p95?.detail).toBe('p95 245ms <= max 300ms (new color, 200 samples)');
    expect(checks['errors-vs-old']).toMatchObject({ outcome: 'pass', value: 1 / 480, baseline: 0.002, max: 0.002 + 0.005, samples: { new: 480, old: 4500 } });
    expect(checks['errors-vs-old']?.detail).toBe('error-rate 0.00208 <= 0.007 (old color 0.002 + allowance 0.005; 480 requests on the new color, 4500 on the old)');
    expect(checks['latency-vs-old']).toMatchObject({ outcome: 'pass', value: 200, baseline: 200, alpha: 1 - 0.95, samples: { new: 200, old: 200 } });
    expect(checks['latency-vs-old']?.pValue).toBeGreaterThan(0.4);
    expect(checks['latency-vs-old']?.detail).toMatch(
      /^latency not significantly higher than the old color: median 200ms vs 200ms \(Mann-Whitney p 0\.\d+ >= 0\.05; 200 samples on the new color, 200 on the old\)$/
    );
  });

  it('fails an erroring new color on the threshold and on the comparison with the old color', () => {
    const verdict = verdictOf(all, traffic(480, 101, latencies(200, 200)));
    expect(verdict.outcome).toBe('fail');
    const checks = byName(verdict);
    expect(checks.errors).toMatchObject({ outcome: 'fail', value: 101 / 480, max: 0.01, detail: 'error-rate 0.21 > max 0.01 (new color, 480 requests)' });
    expect(checks['errors-vs-old']).toMatchObject({
      outcome: 'fail',
      detail: 'error-rate 0.21 > 0.007 (old color 0.002 + allowance 0.005; 480 requests on the new color, 4500 on the old)'
    });
    expect(checks.p95?.outcome).toBe('pass');
  });

  it('tolerates the allowance over the old error rate, and no more', () => {
    // 0.002 + 0.005 = 0.007: 3 errors in 480 (0.00625) pass, 4 (0.00833) fail.
    expect(byName(verdictOf([errorRateVsOld], traffic(480, 3)))['errors-vs-old']?.outcome).toBe('pass');
    expect(byName(verdictOf([errorRateVsOld], traffic(480, 4)))['errors-vs-old']?.outcome).toBe('fail');
  });

  it('fails a slow new color on the p95 threshold and on the Mann-Whitney comparison', () => {
    const checks = byName(verdictOf(all, traffic(480, 1, latencies(200, 320))));
    expect(checks.p95).toMatchObject({ outcome: 'fail', value: expect.closeTo(365, 9), detail: 'p95 365ms > max 300ms (new color, 200 samples)' });
    expect(checks['latency-vs-old']).toMatchObject({ outcome: 'fail', value: 320, baseline: 200 });
    expect(checks['latency-vs-old']?.pValue).toBeLessThan(1e-20);
    expect(checks['latency-vs-old']?.detail).toMatch(
      /^latency significantly higher than the old color: median 320ms vs 200ms \(Mann-Whitney p \d(\.\d)?e-\d+ < 0\.05; 200 samples on the new color, 200 on the old\)$/
    );
  });

  it('catches with Mann-Whitney a slowdown that stays under the fixed p95 limit', () => {
    // 30ms slower at the median; p95 is 275ms, under the 300ms limit.
    const verdict = verdictOf([p95Max, latencyVsOld], traffic(480, 1, latencies(200, 230)));
    expect(verdict.outcome).toBe('fail');
    expect(byName(verdict).p95?.outcome).toBe('pass');
    expect(byName(verdict)['latency-vs-old']?.outcome).toBe('fail');
  });

  it('forgives a slowdown within the latency allowance, which the test alone would flag on large samples', () => {
    const slightlySlower = traffic(4000, 4, latencies(400, 205));
    const baseline = traffic(4000, 4, latencies(400, 200));
    const strict = byName(verdictOf([latencyVsOld], slightlySlower, baseline))['latency-vs-old'];
    expect(strict?.outcome).toBe('fail');
    const lenient = byName(verdictOf([{ ...latencyVsOld, allowanceMs: 20 }], slightlySlower, baseline))['latency-vs-old'];
    expect(lenient?.outcome).toBe('pass');
    expect(lenient?.detail).toMatch(/^latency not significantly higher than the old color by more than 20ms: median 205ms vs 200ms \(Mann-Whitney p /);
  });

  it('is inconclusive with too few samples, showing what was measured and what is needed', () => {
    const verdict = verdictOf([errorRateMax, latencyVsOld], traffic(30, 0, latencies(30, 200)));
    expect(verdict.outcome).toBe('inconclusive');
    const checks = byName(verdict);
    expect(checks.errors).toMatchObject({
      outcome: 'inconclusive',
      value: 0,
      samples: { new: 30, old: null },
      detail: 'error-rate 0 from only 30 requests on the new color; needs at least 100 (min-samples)'
    });
    expect(checks['latency-vs-old']).toMatchObject({
      outcome: 'inconclusive',
      value: null,
      pValue: null,
      samples: { new: 30, old: 200 },
      detail: 'latency vs old color: needs at least 50 latency samples on each color (min-samples); 30 samples on the new color, 200 on the old'
    });
    expect(byName(verdictOf([errorRateMax], traffic(0, 0))).errors?.detail).toBe('error-rate: no requests on the new color; needs at least 100 (min-samples)');
    expect(byName(verdictOf([errorRateVsOld], traffic(480, 1), traffic(99, 0)))['errors-vs-old']?.outcome).toBe('inconclusive');
  });

  it('is inconclusive without data, saying which color and why', () => {
    const fromNew = byName(verdictOf(all, noData('prometheus returned no series')));
    for (const check of Object.values(fromNew)) expect(check.outcome).toBe('inconclusive');
    expect(fromNew.errors?.detail).toBe('error-rate: no data from the new color (prometheus returned no series)');
    expect(fromNew['latency-vs-old']?.detail).toBe('latency vs old color: no data from the new color (prometheus returned no series)');

    // Without data from the old color only the comparisons are undecided; the thresholds still judge the new color.
    const fromOld = verdictOf(all, traffic(480, 1, latencies(200, 200)), noData('stats socket timed out'));
    expect(fromOld.outcome).toBe('inconclusive');
    expect(fromOld.checks.map(c => c.outcome)).toEqual(['pass', 'pass', 'inconclusive', 'inconclusive']);
    expect(byName(fromOld)['errors-vs-old']?.detail).toBe('error-rate vs old color: no data from the old color (stats socket timed out)');
    expect(byName(verdictOf([errorRateVsOld], noData('a'), noData('b')))['errors-vs-old']?.detail).toBe(
      'error-rate vs old color: no data from the new color (a); no data from the old color (b)'
    );
  });

  it('is inconclusive on impossible numbers rather than judging them', () => {
    expect(byName(verdictOf([errorRateMax], traffic(3, 5))).errors?.detail).toBe("error-rate: the new color's measurement is unusable: errors (5) exceed requests (3)");
    expect(byName(verdictOf([p95Max], traffic(100, 0, [12, -1]))).p95?.detail).toBe(
      "p95: the new color's measurement is unusable: a latency of -1ms, expected milliseconds of 0 or more"
    );
    expect(byName(verdictOf([errorRateVsOld], traffic(480, 1), traffic(NaN, 0)))['errors-vs-old']?.detail).toBe(
      "error-rate vs old color: the old color's measurement is unusable: requests is NaN, expected a count of 0 or more"
    );
  });

  it('lets a failure outrank an inconclusive check in the interval', () => {
    const verdict = verdictOf([errorRateMax, latencyVsOld], traffic(480, 101, latencies(10, 200)));
    expect(verdict.checks.map(c => c.outcome)).toEqual(['fail', 'inconclusive']);
    expect(verdict.outcome).toBe('fail');
  });

  it('holds values to a min, and to a range', () => {
    const tooFast = { kind: 'threshold', name: 'suspiciously-fast', metric: 'mean-latency', min: 20, minSamples: 10 } as const;
    const fast = traffic(480, 0, Array.from({ length: 20 }, () => 0.5));
    expect(byName(verdictOf([tooFast], fast))['suspiciously-fast']).toMatchObject({ outcome: 'fail', value: 0.5, min: 20, detail: 'mean-latency 0.5ms < min 20ms (new color, 20 samples)' });
    const band = { ...tooFast, name: 'band', max: 300 };
    expect(byName(verdictOf([band], traffic(480, 0, latencies(20, 200)))).band?.detail).toBe('mean-latency 200ms between min 20ms and max 300ms (new color, 20 samples)');
    expect(byName(verdictOf([{ ...tooFast, name: 'floor' }], traffic(480, 0, latencies(20, 200)))).floor?.detail).toBe('mean-latency 200ms >= min 20ms (new color, 20 samples)');
  });
});
