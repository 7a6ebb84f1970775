import { bitLength, GenericSorter, INSERTION } from './sort-generic.js';

/**
 * Sorting float64 values (with a float64 payload such as weights) by a radix sort on their IEEE-754
 * bit pattern, with no comparator calls.
 *
 * The 64-bit pattern of a double is made monotone by flipping the sign bit of non-negative values
 * and every bit of negative ones, giving an unsigned key (hi, lo words).
 *
 * Memory traffic dominates on large arrays, so this is a most-significant-digit bucket sort:
 *  1. one scatter of (value, payload) into ~2^11 buckets by the leading bits of the hi key, relative
 *     to a range taken from a sample (values outside it go to the end buckets, order is kept);
 *  2. each bucket, now small enough for the cache, is scattered by the next bits of its own key
 *     range into a chunk buffer, and the resulting runs of a few elements are finished by insertion
 *     sort. A run that is still large (a pathological distribution) is sorted by a general MSD radix
 *     on the full 64-bit key (recursive, each level divides the key range by >= 2^4).
 * Sorted chunks go to a consumer in ascending order (scanSorted), so one-pass statistics never need
 * the whole sorted array in memory. The result is exact whatever the distribution; equal values keep
 * no particular order.
 */

/** Bits of the top-level bucket index (2^TOP_BITS buckets at most). */
const TOP_BITS = 11;

/**
 * The monotone key of a double's high word (sort-generic.ts keyHi) as a signed int32, because V8
 * keeps int32 arithmetic in registers while uint32 values above 2^31 become doubles: non-negative
 * doubles keep their high word, negative ones flip its low 31 bits.
 */
function skey(h: number): number {
  return h ^ ((h >> 31) & 0x7fffffff);
}

/** Reusable temporary buffers, so repeated sorts of large arrays avoid fresh allocations (page faults). */
export class SortWorkspace {
  private ty = new Float64Array(0);
  private tw = new Float64Array(0);
  private cy = new Float64Array(0);
  private cw = new Float64Array(0);
  buffers(n: number): [Float64Array, Float64Array] {
    if (this.ty.length < n) {
      this.ty = new Float64Array(n);
      this.tw = new Float64Array(n);
    }
    return [this.ty, this.tw];
  }
  chunk(m: number): [Float64Array, Float64Array] {
    if (this.cy.length < m) {
      this.cy = new Float64Array(m);
      this.cw = new Float64Array(m);
    }
    return [this.cy, this.cw];
  }
}

/** Receives a sorted sample as consecutive ascending chunks. */
export interface SortedConsumer {
  /** Called once before the chunks: number of values, Σw (summed in double-double, then rounded), Σw·y. */
  begin?(n: number, totalWeight: number, weightedTotal: number): void;
  /** Values y[0, m) ascending with their weights; the arrays are reused after the call returns. */
  chunk(y: Float64Array, w: Float64Array, m: number): void;
}

/** Values and weights reordered by ascending value. */
export interface SortedPairs {
  y: Float64Array;
  w: Float64Array;
}

/** Sorts copies of `values` and `weights` (weights follow their values). NaN is rejected. */
export function sortWithWeights(values: Float64Array, weights: Float64Array, ws?: SortWorkspace): SortedPairs {
  if (weights.length !== values.length) throw new RangeError('values and weights differ in length');
  const y = new Float64Array(values.length);
  const w = new Float64Array(values.length);
  let at = 0;
  scanSorted(values, weights, {
    chunk(cy, cw, m) {
      y.set(cy.subarray(0, m), at);
      w.set(cw.subarray(0, m), at);
      at += m;
    },
  }, ws);
  return { y, w };
}

/** The permutation that sorts `values` ascending. NaN is rejected. */
export function sortOrder(values: Float64Array): Uint32Array {
  const n = values.length;
  if (n >= 2 ** 32) throw new RangeError('too many values to sort');
  const idx = new Float64Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const order = new Uint32Array(n);
  let at = 0;
  scanSorted(values, idx, {
    chunk(_y, w, m) {
      for (let i = 0; i < m; i++) order[at++] = w[i];
    },
  });
  return order;
}

/** Sorts `y` ascending in place, applying the same permutation to `w`. */
export function sortPairsInPlace(y: Float64Array, w: Float64Array, ws?: SortWorkspace): void {
  let at = 0;
  scanSorted(y, w, {
    chunk(cy, cw, m) {
      y.set(cy.subarray(0, m), at);
      w.set(cw.subarray(0, m), at);
      at += m;
    },
  }, ws);
}

/**
 * Feeds `values` (with `weights`) to `consumer` in ascending order, chunk by chunk, without ever
 * materialising the whole sorted array: a statistic computed in one ascending pass (Gini, quantiles,
 * Lorenz ordinates) runs on cache-resident chunks. The inputs are only read.
 */
export function scanSorted(values: Float64Array, weights: Float64Array, consumer: SortedConsumer, ws = new SortWorkspace()): void {
  const n = values.length;
  if (weights.length !== n) throw new RangeError('values and weights differ in length');
  if (n <= INSERTION) {
    const [cy, cw] = ws.chunk(Math.max(n, 1));
    let th = 0;
    let tl = 0;
    let wy = 0;
    for (let i = 0; i < n; i++) {
      if (values[i] !== values[i]) throw new RangeError(`value ${i} is NaN`);
      const wi = weights[i];
      if (!(wi >= 0 && wi < Infinity)) throw new RangeError(`weight ${i} is negative or not finite`);
      cy[i] = values[i];
      cw[i] = wi;
      [th, tl] = ddAdd(th, tl, wi);
      wy += wi * values[i];
    }
    insertion(cy, cw, 0, n);
    consumer.begin?.(n, th, wy);
    if (n > 0) consumer.chunk(cy, cw, n);
    return;
  }
  const bits = new Int32Array(values.buffer, values.byteOffset, 2 * n);
  // Range of the key from a sample; values outside fall into the first or last bucket.
  const step = Math.max(1, Math.floor(n / 4096));
  let minK = 0x7fffffff;
  let maxK = -0x80000000;
  for (let i = 0; i < n; i += step) {
    const k = skey(bits[2 * i + 1]);
    if (k < minK) minK = k;
    if (k > maxK) maxK = k;
  }
  const G = Math.min(TOP_BITS, Math.max(1, bitLength(n >>> 6)));
  const shift = Math.max(0, bitLength(maxK - minK) - G);
  const last = (maxK - minK) >>> shift;
  const start = histogram(bits, n, minK, maxK, shift, last);
  const N = exactSum(weights);
  const nb = last + 1;
  const [ty, tw] = ws.buffers(n);
  const T = scatter(values, weights, bits, start, minK, maxK, shift, last, ty, tw);
  consumer.begin?.(n, N, T);
  let maxBucket = 0;
  for (let b = 0; b < nb; b++) maxBucket = Math.max(maxBucket, start[b + 1] - start[b]);
  const [cy, cw] = ws.chunk(maxBucket);
  const tbits = new Int32Array(ty.buffer, ty.byteOffset, 2 * ty.length);
  const local = new LocalSorter();
  for (let b = 0; b < nb; b++) {
    const from = start[b];
    const m = start[b + 1] - from;
    if (m === 0) continue;
    // interior buckets hold keys minK + [b, b + 1)·2^shift; the end buckets also hold the outliers
    const edge = b === 0 || b === last;
    const lo = edge ? 1 : minK + b * 2 ** shift;
    const hi = edge ? 0 : lo + 2 ** shift - 1;
    local.sort(ty, tw, tbits, from, m, cy, cw, lo, hi);
    consumer.chunk(cy, cw, m);
  }
}

/** Bucket counts as exclusive prefix sums (start[b] .. start[b + 1]); rejects NaN. */
function histogram(bits: Int32Array, n: number, minK: number, maxK: number, shift: number, last: number): Uint32Array {
  const start = new Uint32Array(last + 2);
  for (let j = 1; j < 2 * n; j += 2) {
    const h = bits[j];
    if ((h & 0x7ff00000) === 0x7ff00000 && ((h & 0xfffff) !== 0 || bits[j - 1] !== 0)) {
      throw new RangeError(`value ${(j - 1) / 2} is NaN`);
    }
    const k = skey(h);
    start[(k <= minK ? 0 : k >= maxK ? last : (k - minK) >>> shift) + 1]++;
  }
  for (let b = 0; b <= last; b++) start[b + 1] += start[b];
  return start;
}

/**
 * Σw in double-double, rounded (as R's long double sums), in two interleaved lanes so that the
 * dependency chain of the compensated additions is half as long. Rejects invalid weights.
 */
function exactSum(w: Float64Array): number {
  const n = w.length;
  let h0 = 0;
  let l0 = 0;
  let h1 = 0;
  let l1 = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const a = w[i];
    const b = w[i + 1];
    if (!(a >= 0 && a < Infinity)) throw new RangeError(`weight ${i} is negative or not finite`);
    if (!(b >= 0 && b < Infinity)) throw new RangeError(`weight ${i + 1} is negative or not finite`);
    let s = h0 + a;
    let bb = s - h0;
    let l = l0 + (h0 - (s - bb) + (a - bb));
    h0 = s + l;
    l0 = l - (h0 - s);
    s = h1 + b;
    bb = s - h1;
    l = l1 + (h1 - (s - bb) + (b - bb));
    h1 = s + l;
    l1 = l - (h1 - s);
  }
  if (i < n) {
    if (!(w[i] >= 0 && w[i] < Infinity)) throw new RangeError(`weight ${i} is negative or not finite`);
    [h0, l0] = ddAdd(h0, l0, w[i]);
  }
  [h0, l0] = ddAdd(h0, l0, h1);
  [h0, l0] = ddAdd(h0, l0, l1);
  return h0;
}

/** Moves (value, weight) into their buckets; returns Σw·y. */
function scatter(
  values: Float64Array,
  weights: Float64Array,
  bits: Int32Array,
  start: Uint32Array,
  minK: number,
  maxK: number,
  shift: number,
  last: number,
  ty: Float64Array,
  tw: Float64Array,
): number {
  const n = values.length;
  const pos = start.slice(0, last + 1);
  let wy = 0;
  for (let i = 0; i < n; i++) {
    const k = skey(bits[2 * i + 1]);
    const p = pos[k <= minK ? 0 : k >= maxK ? last : (k - minK) >>> shift]++;
    const wi = weights[i];
    const yi = values[i];
    ty[p] = yi;
    tw[p] = wi;
    wy += wi * yi;
  }
  return wy;
}

/** Sorts one top-level bucket into the chunk buffers (cache-resident). */
class LocalSorter {
  private counts = new Uint32Array(0);
  private generic: GenericSorter | null = null;

  /**
   * Keys of the bucket lie in [lo, hi] (the caller knows them from the bucket index, or passes
   * lo > hi to have them measured). Scatter by the next bits of that range into about one slot per
   * element, then a single insertion pass puts the few elements sharing a slot in order.
   */
  sort(ty: Float64Array, tw: Float64Array, tbits: Int32Array, from: number, m: number, cy: Float64Array, cw: Float64Array, lo: number, hi: number) {
    const to = from + m;
    if (m <= INSERTION) {
      for (let i = 0; i < m; i++) {
        cy[i] = ty[from + i];
        cw[i] = tw[from + i];
      }
      insertion(cy, cw, 0, m);
      return;
    }
    if (lo > hi) {
      lo = 0x7fffffff;
      hi = -0x80000000;
      for (let j = 2 * from + 1; j < 2 * to; j += 2) {
        const k = skey(tbits[j]);
        if (k < lo) lo = k;
        if (k > hi) hi = k;
      }
    }
    if (lo === hi) {
      // All share the hi word: rare enough to hand to the general sorter.
      cy.set(ty.subarray(from, to));
      cw.set(tw.subarray(from, to));
      (this.generic ??= new GenericSorter()).sort(cy, cw, 0, m);
      return;
    }
    const S = Math.min(15, bitLength(m));
    const sh = Math.max(0, bitLength(hi - lo) - S);
    const sb = ((hi - lo) >>> sh) + 1;
    if (this.counts.length < sb + 1) this.counts = new Uint32Array(Math.max(sb + 1, 1 << 12));
    const counts = this.counts;
    counts.fill(0, 0, sb + 1);
    for (let j = 2 * from + 1; j < 2 * to; j += 2) counts[((skey(tbits[j]) - lo) >>> sh) + 1]++;
    let big = false;
    for (let c = 0; c < sb; c++) {
      if (counts[c + 1] > INSERTION) big = true;
      counts[c + 1] += counts[c];
    }
    for (let i = from; i < to; i++) {
      const p = counts[(skey(tbits[2 * i + 1]) - lo) >>> sh]++;
      cy[p] = ty[i];
      cw[p] = tw[i];
    }
    if (big) {
      // counts[c] is now the end of slot c: sort the crowded slots first
      let a = 0;
      for (let c = 0; c < sb; c++) {
        const e = counts[c];
        if (e - a > INSERTION) (this.generic ??= new GenericSorter()).sort(cy, cw, a, e);
        a = e;
      }
    }
    insertion(cy, cw, 0, m);
  }
}

/** hi + lo + x in double-double, normalised: [rounded sum, remainder]. */
export function ddAdd(hi: number, lo: number, x: number): [number, number] {
  const s = hi + x;
  const bb = s - hi;
  const l = lo + (hi - (s - bb) + (x - bb));
  const h = s + l;
  return [h, l - (h - s)];
}

function insertion(y: Float64Array, w: Float64Array, from: number, to: number) {
  for (let i = from + 1; i < to; i++) {
    const v = y[i];
    if (y[i - 1] <= v) continue;
    const x = w[i];
    let j = i - 1;
    while (j >= from && y[j] > v) {
      y[j + 1] = y[j];
      w[j + 1] = w[j];
      j--;
    }
    y[j + 1] = v;
    w[j + 1] = x;
  }
}
