import type { SortedSample } from './sample.js';
import { ddAdd } from './sort.js';

/**
 * Weighted quantiles on a sorted sample.
 *
 * "math" (default, PRODUCT.md and R survey's qrule = "math"): the smallest y whose cumulative weight
 * share reaches p. The search follows survey's code (`qs`): pos = last unit with cumw <= p·N; the
 * answer is y[pos] when p − cumw[pos]/N is exactly 0, otherwise y[pos + 1]. One deliberate
 * difference: when p·N is below the first unit's weight, survey 4.1 returns the second value (its
 * `last()` falls back to index 1); we return the first, as the definition says.
 *
 * "hf7": survey's weighted Hyndman–Fan type 7 (qrule_hf7): linear interpolation of y against
 * pk_i = cumw_{i−1} / cumw_{n−1} (so R's quantile(type = 7) when all weights are 1), clamped at the ends.
 *
 * Units with zero weight are ignored by both rules, as in survey. Cumulative weights are summed in
 * double-double precision and rounded, as R's cumsum/sum accumulate in long double: a quantile whose
 * p·N falls exactly on a cumulative weight then gets R's answer.
 */
export type QuantileRule = 'math' | 'hf7';

export function quantile(s: SortedSample, p: number, rule: QuantileRule = 'math'): number {
  return quantiles(s, [p], rule)[0];
}

/** Several quantiles in one pass over the sample (`ps` in any order). */
export function quantiles(s: SortedSample, ps: readonly number[], rule: QuantileRule = 'math'): number[] {
  for (const p of ps) if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability ${p} is outside [0, 1]`);
  return rule === 'hf7' ? hf7(s.y, s.w, ps) : math(s.y, s.w, ps);
}

/** Indices (into the sample) of units with positive weight. Zero weights are rare, so usually all. */
function positive(w: Float64Array): Uint32Array | null {
  let zeros = 0;
  for (let i = 0; i < w.length; i++) if (w[i] === 0) zeros++;
  if (zeros === 0) return null;
  const idx = new Uint32Array(w.length - zeros);
  for (let i = 0, j = 0; i < w.length; i++) if (w[i] !== 0) idx[j++] = i;
  return idx;
}

function math(y: Float64Array, w: Float64Array, ps: readonly number[]): number[] {
  const keep = positive(w);
  const n = keep ? keep.length : y.length;
  if (n === 0) return ps.map(() => NaN);
  const at = keep ? (k: number) => keep[k] : (k: number) => k;
  let th = 0;
  let tl = 0;
  for (let k = 0; k < n; k++) [th, tl] = ddAdd(th, tl, w[at(k)]);
  const total = th;
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const out = new Array<number>(ps.length);
  let k = 0;
  let [ch, cl] = ddAdd(0, 0, w[at(0)]); // cumulative weight of units 0..k
  for (const { p, i } of order) {
    const target = p * total;
    // advance to the last unit whose cumulative weight is <= target
    while (k + 1 < n) {
      const [nh, nl] = ddAdd(ch, cl, w[at(k + 1)]);
      if (nh > target) break;
      k++;
      ch = nh;
      cl = nl;
    }
    if (ch > target) out[i] = y[at(k)]; // even the first unit's weight exceeds p·N
    else if (p - ch / total === 0) out[i] = y[at(k)];
    else out[i] = y[at(Math.min(k + 1, n - 1))];
  }
  return out;
}

function hf7(y: Float64Array, w: Float64Array, ps: readonly number[]): number[] {
  const keep = positive(w);
  const n = keep ? keep.length : y.length;
  if (n === 0) return ps.map(() => NaN);
  if (n === 1) return ps.map(() => y[keep ? keep[0] : 0]);
  const at = keep ? (k: number) => keep[k] : (k: number) => k;
  // cumulative weights rounded from double-double sums (R's long double cumsum)
  const cum = new Float64Array(n);
  let h = 0;
  let l = 0;
  for (let k = 0; k < n; k++) {
    [h, l] = ddAdd(h, l, w[at(k)]);
    cum[k] = h;
  }
  const denom = cum[n - 2]; // cumw_{n-1}: all but the last unit
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const out = new Array<number>(ps.length);
  // pk[j] = cum[j − 1] / denom (pk[0] = 0); walk j upward as p increases
  let j = 0;
  let pkj = 0;
  let pkNext = cum[0] / denom;
  for (const { p, i } of order) {
    if (p <= 0) {
      out[i] = y[at(0)];
      continue;
    }
    if (p >= 1) {
      out[i] = y[at(n - 1)];
      continue;
    }
    while (j + 1 < n - 1 && pkNext <= p) {
      j++;
      pkj = cum[j - 1] / denom;
      pkNext = cum[j] / denom;
    }
    if (j + 1 === n - 1) pkNext = 1;
    // R's approx1: exact hits return the node, otherwise linear interpolation
    const x0 = pkj;
    const x1 = pkNext;
    const y0 = y[at(j)];
    const y1 = y[at(j + 1)];
    if (p === x1) out[i] = y1;
    else if (p === x0) out[i] = y0;
    else out[i] = y0 + (y1 - y0) * ((p - x0) / (x1 - x0));
  }
  return out;
}
