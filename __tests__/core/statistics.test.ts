import { mannWhitneyU, mean, normalSurvival, percentile } from '../../src/core/statistics.js';

/** |actual − expected| relative to expected, for reference values given to full double precision. */
const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe('percentile (linear interpolation between closest ranks)', () => {
  // By hand: sorted [15, 20, 35, 40, 50], rank h = (5 − 1)·p/100 from 0.
  //   p40: h = 1.6 → 20 + 0.6·(35 − 20) = 29;  p5: h = 0.2 → 15 + 0.2·5 = 16;  p95: h = 3.8 → 40 + 0.8·10 = 48.
  // numpy 2.4 agrees: np.percentile([15, 20, 35, 40, 50], [0, 5, 30, 40, 50, 95, 100]) = [15, 16, 23, 29, 35, 48, 50].
  it('matches the hand computation and numpy', () => {
    const values = [40, 15, 50, 35, 20];
    expect([0, 5, 30, 40, 50, 95, 100].map(p => percentile(values, p))).toEqual([15, 16, 23, 29, 35, 48, 50]);
    expect(values).toEqual([40, 15, 50, 35, 20]);
  });

  it('gives the only value of a single sample', () => {
    expect([0, 50, 100].map(p => percentile([7], p))).toEqual([7, 7, 7]);
  });

  it('refuses what has no percentile', () => {
    expect(() => percentile([], 50)).toThrow('a percentile of no values is undefined');
    expect(() => percentile([1, 2], 101)).toThrow('percentile must be from 0 to 100, got 101');
    expect(() => percentile([1, 2], NaN)).toThrow(RangeError);
    expect(() => percentile([1, NaN], 50)).toThrow('a percentile needs finite numbers');
  });
});

describe('mean', () => {
  it('averages, and refuses no values', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([-3])).toBe(-3);
    expect(() => mean([])).toThrow('a mean of no values is undefined');
  });
});

describe('normal survival function', () => {
  // Reference: scipy 1.17.1, scipy.stats.norm.sf(z) printed with repr().
  it.each([
    [0, 0.5],
    [1.96, 0.024997895148220435],
    [-1, 0.8413447460685429],
    [5, 2.866515718791933e-7],
    [8.5, 9.47953482220325e-18]
  ])('P(Z > %p) = %p', (z, expected) => {
    expect(relativeError(normalSurvival(z), expected)).toBeLessThan(1e-12);
  });

  it('reaches 0 and 1 at the ends', () => {
    expect(normalSurvival(Infinity)).toBe(0);
    expect(normalSurvival(-Infinity)).toBe(1);
    expect(normalSurvival(40)).toBe(0);
  });
});

describe('Mann-Whitney U test (normal approximation, tie and continuity corrections)', () => {
  // scipy's documented example (scipy.stats.mannwhitneyu, Examples, after Shier, "Statistics: 2.3 The
  // Mann-Whitney U Test"): U = 17 for the males, two-sided asymptotic p = 0.11134688653314041. The
  // one-sided and uncorrected values are scipy 1.17.1's for the same data (alternative="greater" /
  // "less", use_continuity=False); Shier reports p = 0.09 without the continuity correction.
  const males = [19, 22, 16, 29, 24];
  const females = [20, 11, 17, 12];
  const test = (alternative: 'two-sided' | 'greater' | 'less', continuity = true) => mannWhitneyU(males, females, { alternative, minSamples: 4, continuity });

  it("reproduces scipy's documented example", () => {
    expect(test('two-sided').u).toBe(17);
    expect(relativeError(test('two-sided').pValue, 0.11134688653314041)).toBeLessThan(1e-9);
    expect(relativeError(test('greater').pValue, 0.055673443266570206)).toBeLessThan(1e-9);
    expect(relativeError(test('less').pValue, 0.9669037101389033)).toBeLessThan(1e-9);
    expect(relativeError(test('two-sided', false).pValue, 0.0864107329737)).toBeLessThan(1e-9);
    expect(test('two-sided').sizes).toEqual([5, 4]);
  });

  it('reports U of the first sample, so swapping the samples gives n1·n2 − U', () => {
    expect(mannWhitneyU(females, males, { alternative: 'two-sided', minSamples: 4 }).u).toBe(3);
    expect(mannWhitneyU(females, males, { alternative: 'less', minSamples: 4 }).pValue).toBeCloseTo(test('greater').pValue, 15);
  });

  // Worked by hand. x = [1, 2, 2], y = [2, 3, 4]; ranks 1 | 3 3 3 (the tied 2s share ranks 2..4) | 5 | 6.
  //   R1 = 1 + 3 + 3 = 7, U1 = 7 − 3·4/2 = 1, U2 = 9 − 1 = 8, one tie group of t = 3: Σ(t³ − t) = 24.
  //   σ² = (3·3/12)·((6 + 1) − 24/(6·5)) = 0.75·6.2 = 4.65.
  //   two-sided: z = (max(U1, U2) − 4.5 − 0.5)/√4.65 = 1.3912166872805047, p = 2·P(Z > z) = 0.16415972847851523.
  // scipy 1.17.1 gives the same p, and 0.08207986423925762 (less) and 0.9681987151896232 (greater).
  it('matches a small example with ties worked by hand', () => {
    const run = (alternative: 'two-sided' | 'greater' | 'less') => mannWhitneyU([1, 2, 2], [2, 3, 4], { alternative, minSamples: 3 });
    expect(run('two-sided').u).toBe(1);
    expect(run('two-sided').z).toBeCloseTo(1.3912166872805047, 12);
    expect(relativeError(run('two-sided').pValue, 0.16415972847851523)).toBeLessThan(1e-9);
    expect(relativeError(run('less').pValue, 0.08207986423925762)).toBeLessThan(1e-9);
    expect(relativeError(run('greater').pValue, 0.9681987151896232)).toBeLessThan(1e-9);
  });

  // Latencies in ms with ties within and across the samples. Reference: scipy 1.17.1,
  // mannwhitneyu(slower, faster, alternative=..., method="asymptotic") → U = 150 and the p-values below.
  it('matches scipy on latency-like samples with ties', () => {
    const slower = [120, 131, 118, 150, 142, 160, 155, 133, 149, 171, 138, 152];
    const faster = [101, 118, 99, 120, 113, 108, 131, 97, 115, 120, 104, 111, 109];
    const run = (alternative: 'two-sided' | 'greater' | 'less') => mannWhitneyU(slower, faster, { alternative, minSamples: 10 });
    expect(run('greater').u).toBe(150);
    expect(relativeError(run('two-sided').pValue, 9.877459431945044e-5)).toBeLessThan(1e-9);
    expect(relativeError(run('greater').pValue, 4.938729715972522e-5)).toBeLessThan(1e-9);
    expect(relativeError(run('less').pValue, 0.999960602880692)).toBeLessThan(1e-9);
  });

  it('gives p = 1 when every value ties (zero variance), as scipy does', () => {
    const same = Array.from({ length: 10 }, () => 5);
    for (const alternative of ['two-sided', 'greater', 'less'] as const) {
      expect(mannWhitneyU(same, same, { alternative, minSamples: 10 })).toMatchObject({ u: 50, pValue: 1 });
    }
  });

  it('refuses samples below the minimum the caller sets, and empty or non-finite samples', () => {
    expect(() => mannWhitneyU(males, females, { alternative: 'two-sided', minSamples: 5 })).toThrow(
      'the Mann-Whitney U test needs at least 5 values per sample, got 5 and 4'
    );
    expect(() => mannWhitneyU([], [1], { alternative: 'two-sided', minSamples: 0 })).toThrow('needs at least 1 value per sample, got 0 and 1');
    expect(() => mannWhitneyU([1, Infinity], [1, 2], { alternative: 'two-sided', minSamples: 2 })).toThrow('a rank test needs finite numbers');
  });
});
