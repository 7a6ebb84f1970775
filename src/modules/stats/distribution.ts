import type { SortedSample } from './sample.js';

/**
 * Equal-weight groups (五等份 quintiles, deciles) and the Lorenz curve of a sorted sample.
 *
 * Groups hold exactly N/k weight each: a unit whose weight straddles a boundary is split between
 * the two groups in proportion (as if its weight were a continuum of identical people). Group shares
 * are then differences of the Lorenz curve, L(g/k) − L((g−1)/k), where L is the piecewise-linear
 * curve through the points (cumulative weight share, cumulative income share) of the sorted units.
 */
export interface GroupSummary {
  /** Group means (income per unit of weight), lowest group first. */
  means: number[];
  /** Income shares, summing to 1. */
  shares: number[];
  /** Weight (population) of each group: N / k. */
  population: number;
}

export function groupSummary(s: SortedSample, k: number): GroupSummary {
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError('number of groups must be a positive integer');
  const cum = lorenzIncome(s, Array.from({ length: k + 1 }, (_, g) => g / k));
  const population = s.N / k;
  const means: number[] = [];
  const shares: number[] = [];
  for (let g = 0; g < k; g++) {
    const income = cum[g + 1] - cum[g];
    means.push(income / population);
    shares.push(income / s.T);
  }
  return { means, shares, population };
}

/**
 * Cumulative income of the poorest p·N weight, for each p (ascending or not), in one pass.
 * A unit straddling p·N contributes the fraction of its weight below it.
 */
export function lorenzIncome(s: SortedSample, ps: readonly number[]): number[] {
  const { y, w, N } = s;
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const out = new Array<number>(ps.length);
  let k = 0;
  let cw = 0; // weight of units before k
  let ci = 0; // income of units before k
  const n = y.length;
  for (const { p, i } of order) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`Lorenz abscissa ${p} is outside [0, 1]`);
    if (p === 1) {
      out[i] = s.T;
      continue;
    }
    const target = p * N;
    while (k < n && cw + w[k] <= target) {
      cw += w[k];
      ci += w[k] * y[k];
      k++;
    }
    out[i] = k < n ? ci + (target - cw) * y[k] : ci;
  }
  return out;
}

/** Lorenz ordinates L(p) = cumulative income share at each p. */
export function lorenz(s: SortedSample, ps: readonly number[]): number[] {
  return lorenzIncome(s, ps).map((v) => v / s.T);
}

/**
 * Group (1..k) of each unit of a sorted sample, by the midpoint of its weight: group g holds the
 * units whose mid cumulative weight lies in ((g−1)N/k, gN/k]. Used to estimate by quintile group
 * (each unit belongs to one group; the equal-weight split of `groupSummary` is for shares).
 */
export function groupOfSorted(s: SortedSample, k: number): Uint8Array | Uint16Array {
  const n = s.y.length;
  const out = k < 256 ? new Uint8Array(n) : new Uint16Array(n);
  let cw = 0;
  for (let i = 0; i < n; i++) {
    const mid = cw + s.w[i] / 2;
    cw += s.w[i];
    out[i] = Math.min(k, Math.max(1, Math.ceil((mid / s.N) * k)));
  }
  // units tied in income must share a group: give each tie run the group of its first unit
  for (let i = 1; i < n; i++) if (s.y[i] === s.y[i - 1]) out[i] = out[i - 1];
  return out;
}
