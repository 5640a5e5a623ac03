/**
 * Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"):
 * α = 1 − D_o / D_e, observed over expected disagreement. Works with any number of raters and
 * missing values: a unit (one answer) counts when it holds at least two values ("pairable").
 *
 *   D_o = 1/n · Σ_u 1/(m_u − 1) · Σ_{i≠j in u} δ²(v_i, v_j)
 *   D_e = 1/(n(n − 1)) · Σ_{i≠j over all pairable values} δ²(v_i, v_j)
 *
 * with m_u the number of values in unit u and n the number of pairable values. The expected
 * disagreement is computed from the counts of each distinct value (scores are few), so the cost
 * is linear in the number of values.
 */
export type Metric = 'interval' | 'nominal';

const DELTA: Record<Metric, (c: number, k: number) => number> = {
  interval: (c, k) => (c - k) ** 2,
  nominal: (c, k) => (c === k ? 0 : 1),
};

export interface AlphaResult {
  /** null with fewer than two pairable units, or when no value differs from any other. */
  alpha: number | null;
  /** Units with at least two values. */
  units: number;
  /** Values in those units. */
  values: number;
}

export function krippendorffAlpha(units: number[][], metric: Metric = 'interval'): AlphaResult {
  const delta = DELTA[metric];
  const pairable = units.filter((u) => u.length >= 2);
  const n = pairable.reduce((sum, u) => sum + u.length, 0);
  const result = { units: pairable.length, values: n };
  if (pairable.length < 2) return { alpha: null, ...result };

  let observed = 0;
  const frequency = new Map<number, number>();
  for (const unit of pairable) {
    const counts = countValues(unit);
    let within = 0;
    for (const [c, nc] of counts) {
      frequency.set(c, (frequency.get(c) ?? 0) + nc);
      for (const [k, nk] of counts) within += nc * nk * delta(c, k);
    }
    observed += within / (unit.length - 1);
  }
  observed /= n;

  let expected = 0;
  for (const [c, nc] of frequency)
    for (const [k, nk] of frequency) expected += nc * nk * delta(c, k);
  expected /= n * (n - 1);
  if (expected === 0) return { alpha: null, ...result };
  return { alpha: 1 - observed / expected, ...result };
}

function countValues(values: number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}
