import { StatsInputError } from './sample.js';
import { insertion } from './sort-local.js';

/**
 * A weighted quantile ("math" rule, as quantile.ts) by selection instead of a full sort: expected
 * linear time, for a single quantile of a large sample (the median of a region table's row).
 *
 * quantile.ts takes k = the last unit (in ascending order) whose cumulative weight is ≤ p·N, and
 * answers y[k] when p − cum[k]/N is exactly 0, else y[k + 1]. Here a three-way quickselect narrows
 * the range that holds the first unit whose cumulative weight exceeds p·N (call its value u),
 * keeping the weight and the largest value of what lies to its left; then the same test chooses
 * between that value and u. Cumulative weights are plain sums, so the answer equals quantile()'s
 * whenever the sums are exact (integer weights, as household sizes are); otherwise it can differ
 * only where p·N falls within rounding of a cumulative weight.
 *
 * `y` and `w` are reordered in place. Weights must be positive.
 */
export function selectQuantile(y: Float64Array, w: Float64Array, p: number): number {
  if (y.length !== w.length) throw new StatsInputError('income and weight differ in length');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability ${p} is outside [0, 1]`);
  const n = y.length;
  if (n === 0) return NaN;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!(w[i] > 0) || !Number.isFinite(w[i])) throw new StatsInputError('weights must be positive numbers');
    if (Number.isNaN(y[i])) throw new StatsInputError('income is not a number');
    total += w[i];
  }
  const target = p * total;
  // Chooses between u (the first unit past the target) and the unit just before it.
  const resolve = (u: number, cumBefore: number, before: number | null) => (before !== null && p - cumBefore / total === 0 ? before : u);

  let lo = 0;
  let hi = n;
  let below = 0; // weight of the units left of [lo, hi): all smaller than any value in it
  let leftMax: number | null = null;
  while (hi - lo > 16) {
    const pivot = medianOf3(y[lo], y[(lo + hi) >>> 1], y[hi - 1]);
    // Dutch-flag partition: [lo, lt) < pivot, [lt, i) == pivot, [gt, hi) > pivot.
    let lt = lo;
    let i = lo;
    let gt = hi;
    let wl = 0;
    let we = 0;
    while (i < gt) {
      const v = y[i];
      if (v < pivot) {
        wl += w[i];
        swap(y, w, lt++, i++);
      } else if (v > pivot) {
        swap(y, w, i, --gt);
      } else {
        we += w[i];
        i++;
      }
    }
    if (below + wl > target) {
      hi = lt;
    } else if (below + wl + we > target) {
      let before = leftMax;
      if (lt > lo) {
        before = y[lo];
        for (let k = lo + 1; k < lt; k++) if (y[k] > before) before = y[k];
      }
      return resolve(pivot, below + wl, before);
    } else {
      below += wl + we;
      leftMax = pivot;
      lo = gt;
      if (lo === hi) return leftMax; // every unit is at or below p·N: the largest value
    }
  }
  // A few units left: sort them (insertion) and walk the cumulative weight.
  insertion(y, w, lo, hi);
  let cum = below;
  let before = leftMax;
  for (let i = lo; i < hi; i++) {
    if (cum + w[i] > target) return resolve(y[i], cum, before);
    cum += w[i];
    before = y[i];
  }
  return before as number;
}

function medianOf3(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}

function swap(y: Float64Array, w: Float64Array, i: number, j: number): void {
  const t = y[i];
  y[i] = y[j];
  y[j] = t;
  const u = w[i];
  w[i] = w[j];
  w[j] = u;
}
