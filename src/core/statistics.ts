/**
 * The statistics that canary analysis needs, with no dependencies: a
 * percentile, a mean, and the Mann–Whitney U test (the rank test Kayenta uses to
 * compare the new color's latencies with the old color's).
 */

function requireSamples(values: readonly number[], what: string): void {
  if (values.length === 0) throw new RangeError(`${what} of no values is undefined`);
  if (!values.every(Number.isFinite)) throw new RangeError(`${what} needs finite numbers`);
}

/**
 * The p-th percentile (0 ≤ p ≤ 100) by linear interpolation between closest
 * ranks: with the values sorted and h = (n − 1)·p/100, the result lies between
 * the values at ranks ⌊h⌋ and ⌈h⌉ (counting from 0). This is Hyndman and Fan's
 * type 7, the default of numpy and R and Excel's PERCENTILE.INC; unlike
 * nearest rank it moves smoothly as samples arrive, so a single request does
 * not make p95 jump from one sample to the next.
 */
export function percentile(values: readonly number[], p: number): number {
  requireSamples(values, 'a percentile');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be from 0 to 100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const h = ((sorted.length - 1) * p) / 100;
  const below = sorted[Math.floor(h)] as number;
  const above = sorted[Math.ceil(h)] as number;
  return below + (h - Math.floor(h)) * (above - below);
}

export function mean(values: readonly number[]): number {
  requireSamples(values, 'a mean');
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** `greater`: the first sample tends to be larger than the second; `less`: smaller. */
export type Alternative = 'two-sided' | 'greater' | 'less';

export interface MannWhitneyOptions {
  alternative: Alternative;
  /** Below this many values in either sample the normal approximation is too rough, and the test refuses. */
  minSamples: number;
  /** Half a unit taken off |U − mean| because U is discrete; on by default, as in scipy. */
  continuity?: boolean;
}

export interface MannWhitneyResult {
  /** U of the first sample: how many (x, y) pairs have x > y, ties counting one half. */
  u: number;
  /** The standardized statistic the p-value comes from. */
  z: number;
  pValue: number;
  sizes: [number, number];
}

/**
 * The Mann–Whitney U test by the normal approximation, with the variance
 * corrected for ties. It reproduces scipy.stats.mannwhitneyu with
 * method="asymptotic": U is the first sample's statistic; the one-sided tests
 * use U₁ (greater) or U₂ (less), the two-sided test the larger of the two,
 * doubled and capped at 1. When every value is tied the variance is zero and
 * the p-value is 1: the samples show no difference.
 *
 * Exact small-sample p-values are not computed; samples smaller than
 * `minSamples` are refused instead, and the caller reports too few samples.
 */
export function mannWhitneyU(x: readonly number[], y: readonly number[], options: MannWhitneyOptions): MannWhitneyResult {
  const n1 = x.length;
  const n2 = y.length;
  const least = Math.max(1, options.minSamples);
  if (n1 < least || n2 < least) {
    throw new RangeError(`the Mann-Whitney U test needs at least ${least} ${least === 1 ? 'value' : 'values'} per sample, got ${n1} and ${n2}`);
  }
  requireSamples(x, 'a rank test');
  requireSamples(y, 'a rank test');
  const { rankSumOfFirst, tieTerm } = rank(x, y);
  const u1 = rankSumOfFirst - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const u = options.alternative === 'greater' ? u1 : options.alternative === 'less' ? u2 : Math.max(u1, u2);
  const n = n1 + n2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const numerator = u - (n1 * n2) / 2 - (options.continuity === false ? 0 : 0.5);
  // sigma is 0 only when all values tie; numerator is then negative and z is −∞, so p is 1.
  const z = numerator / sigma;
  const oneSided = normalSurvival(z);
  const pValue = options.alternative === 'two-sided' ? Math.min(1, 2 * oneSided) : oneSided;
  return { u: u1, z, pValue, sizes: [n1, n2] };
}

/** Ranks both samples together, tied values sharing their average rank; also Σ(t³ − t) over groups of t ties. */
function rank(x: readonly number[], y: readonly number[]): { rankSumOfFirst: number; tieTerm: number } {
  const all = [...x.map(value => ({ value, first: true })), ...y.map(value => ({ value, first: false }))].sort((a, b) => a.value - b.value);
  let rankSumOfFirst = 0;
  let tieTerm = 0;
  let rankOfLast = 0;
  let group: boolean[] = []; // whether each value in the current run of equal values is from the first sample
  const closeGroup = () => {
    const t = group.length;
    rankSumOfFirst += (rankOfLast - (t - 1) / 2) * group.filter(Boolean).length;
    tieTerm += t * t * t - t;
    group = [];
  };
  all.forEach(({ value, first }, i) => {
    if (i > 0 && value !== all[i - 1]?.value) closeGroup();
    group.push(first);
    rankOfLast = i + 1;
  });
  closeGroup();
  return { rankSumOfFirst, tieTerm };
}

/** P(Z > z) for a standard normal Z, to about 1e-12 relative (far more than a p-value needs). */
export function normalSurvival(z: number): number {
  return erfc(z / Math.SQRT2) / 2;
}

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/**
 * The complementary error function. Near zero, erf's series with all terms
 * positive (no cancellation) and erfc = 1 − erf; further out, erfc's continued
 * fraction, which keeps full relative precision deep in the tail where 1 − erf
 * would round to 0.
 */
function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 2) {
    // erf(x) = 2/√π · e^(−x²) · Σ (2x²)ⁿ x / (1·3·…·(2n+1))
    let term = x;
    let sum = x;
    for (let k = 1; term > sum * 1e-17; k++) {
      term *= (2 * x * x) / (2 * k + 1);
      sum += term;
    }
    return 1 - TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
  }
  if (x > 27) return 0; // e^(−x²) underflows
  // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), by the modified Lentz method.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (TWO_OVER_SQRT_PI / 2) * Math.exp(-x * x) / f;
}
