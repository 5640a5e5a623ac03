/**
 * The statistics of an adverse-impact report, pure and dependency-free (docs/fairness.md):
 * selection rates, the impact ratio of the Uniform Guidelines' four-fifths rule
 * (29 CFR 1607.4(D)), the pooled two-proportion z-test and Fisher's exact test on a 2×2 table.
 * No npm package for Fisher's test is worth trusting, and the rest is a few lines each.
 */

/** A group's count and how many of it were selected. */
export interface Tally {
  n: number;
  selected: number;
}

export function rate(t: Tally): number {
  return t.n === 0 ? 0 : t.selected / t.n;
}

/** A group's rate over the reference group's (the highest rate); 1 when both are zero. */
export function impactRatio(group: Tally, reference: Tally): number {
  const ref = rate(reference);
  return ref === 0 ? 1 : rate(group) / ref;
}

/**
 * Pooled two-proportion z-test of `group` against `reference`. The sign follows the EEOC's
 * worked example: z = (reference rate − group rate) / SE, so a group selected less has a
 * positive z. With no variation at all (everyone or no one selected) z is 0 and p is 1.
 */
export function twoProportionZ(group: Tally, reference: Tally): { z: number; pTwoSided: number } {
  const pooled = (group.selected + reference.selected) / (group.n + reference.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / group.n + 1 / reference.n));
  if (!(se > 0)) return { z: 0, pTwoSided: 1 };
  const z = (rate(reference) - rate(group)) / se;
  return { z, pTwoSided: Math.min(1, erfc(Math.abs(z) / Math.SQRT2)) };
}

/** Standard normal upper tail, P(Z > x). */
export function normalUpperTail(x: number): number {
  return 0.5 * erfc(x / Math.SQRT2);
}

/**
 * The complementary error function, to about 1e-15 relative error: erfc(x) = Q(1/2, x²), the
 * regularised upper incomplete gamma function, by its power series below x² = 1.5 and by its
 * continued fraction (modified Lentz) above, where each converges fast.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  const t = x * x;
  if (t === 0) return 1;
  return t < 1.5 ? 1 - lowerGammaHalf(t) : upperGammaHalf(t);
}

const LOG_GAMMA_HALF = Math.log(Math.sqrt(Math.PI)); // ln Γ(1/2)
const EPS = 1e-16;
const MAX_TERMS = 500;

/** P(1/2, t) by its series: e^(−t) t^a / Γ(a + 1) · Σ tⁿ / ((a + 1)…(a + n)), a = 1/2. */
function lowerGammaHalf(t: number): number {
  const a = 0.5;
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_TERMS; n++) {
    term *= t / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum * Math.exp(-t + a * Math.log(t) - LOG_GAMMA_HALF);
}

/** Q(1/2, t) by its continued fraction, evaluated with the modified Lentz method. */
function upperGammaHalf(t: number): number {
  const a = 0.5;
  const tiny = 1e-300;
  let b = t + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.exp(-t + a * Math.log(t) - LOG_GAMMA_HALF) * h;
}

/** ln(k!) for k = 0…n, by running sums of logarithms (exact enough for any count of people). */
function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) table[k] = table[k - 1]! + Math.log(k);
  return table;
}

/** R's `fisher.test` tolerance: tables within this relative distance count as "as extreme". */
const RELATIVE_TOLERANCE = 1 + 1e-7;

/**
 * Two-sided Fisher exact test of the 2×2 table [[a, b], [c, d]] (rows: groups; columns:
 * selected, not selected), as R's `fisher.test` computes it: the sum of the hypergeometric
 * probabilities of every table with the same margins that is no more probable than the one
 * observed. Probabilities are taken from log-factorials and scaled by the largest, so no count
 * overflows or underflows.
 */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  for (const v of [a, b, c, d])
    if (!Number.isInteger(v) || v < 0) throw new RangeError('counts must be whole and ≥ 0');
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const n = row1 + row2;
  const lf = logFactorials(n);
  const lo = Math.max(0, col1 - row2);
  const hi = Math.min(row1, col1);
  // ln P(x) up to a constant: C(row1, x) · C(row2, col1 − x).
  const logP = (x: number) => -lf[x]! - lf[row1 - x]! - lf[col1 - x]! - lf[row2 - col1 + x]!;
  const logs: number[] = [];
  for (let x = lo; x <= hi; x++) logs.push(logP(x));
  const top = Math.max(...logs);
  const weights = logs.map((l) => Math.exp(l - top));
  const observed = weights[a - lo]!;
  let total = 0;
  let extreme = 0;
  for (const w of weights) {
    total += w;
    if (w <= observed * RELATIVE_TOLERANCE) extreme += w;
  }
  return Math.min(1, extreme / total);
}

/** The comparison of one group with the reference group, as the report shows it. */
export interface Comparison {
  impactRatio: number;
  z: number;
  pTwoSided: number;
  pFisher: number;
  /** Under the four-fifths line and unlikely to be chance: a signal to investigate. */
  flagged: boolean;
}

export const FOUR_FIFTHS = 0.8;
export const SIGNIFICANCE = 0.05;

export function compareWithReference(group: Tally, reference: Tally): Comparison {
  const ratio = impactRatio(group, reference);
  const { z, pTwoSided } = twoProportionZ(group, reference);
  const pFisher = fisherExactTwoSided(
    group.selected,
    group.n - group.selected,
    reference.selected,
    reference.n - reference.selected,
  );
  return {
    impactRatio: ratio,
    z,
    pTwoSided,
    pFisher,
    flagged: ratio < FOUR_FIFTHS && pFisher < SIGNIFICANCE,
  };
}

/** Rounds to 4 decimals (the report's precision), without a negative zero. */
export function round4(value: number): number {
  const rounded = Math.round(value * 10_000) / 10_000;
  return Object.is(rounded, -0) ? 0 : rounded;
}
