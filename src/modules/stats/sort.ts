import { bitLength, INSERTION } from './sort-generic.js';
import { insertion, LocalSorter, skey } from './sort-local.js';

/**
 * Sorting float64 values (with a float64 payload such as weights) by a radix sort on their IEEE-754
 * bit pattern, with no comparator calls.
 *
 * The 64-bit pattern of a double is made monotone by flipping the sign bit of non-negative values
 * and every bit of negative ones, giving an unsigned key (hi, lo words).
 *
 * Memory traffic dominates on large arrays, so this is a most-significant-digit bucket sort:
 *  1. a count of the values per top-level bucket (~2^11 of them, by the leading bits of the hi key
 *     relative to a range taken from a sample; values outside it go to the end buckets);
 *  2. one scatter of (value, payload) pairs, interleaved in one buffer, into their buckets, order
 *     kept; the same pass sums the payload in double-double and Σ payload·value;
 *  3. each bucket, now small enough for the cache, is scattered by the next bits of its own key
 *     range into a chunk buffer, and the resulting runs of a few elements are finished by insertion
 *     sort (sort-local.ts). A run that is still large (a pathological distribution) is sorted by a
 *     general MSD radix on the full 64-bit key (sort-generic.ts).
 * Sorted chunks go to a consumer in ascending order (scanSorted), so one-pass statistics never need
 * the whole sorted array in memory. The result is exact whatever the distribution; equal values keep
 * no particular order. Each phase works on a range (of input positions, or of buckets), so that
 * parallel.ts can run the halves of a large input on two threads.
 */

/** Bits of the top-level bucket index (2^TOP_BITS buckets at most). */
const TOP_BITS = 11;

/** Reusable temporary buffers, so repeated sorts of large arrays avoid fresh allocations (page faults). */
export class SortWorkspace {
  private tp: Float64Array = new Float64Array(0);
  private cy = new Float64Array(0);
  private cw = new Float64Array(0);
  private sy: Float64Array = new Float64Array(0);
  private sw: Float64Array = new Float64Array(0);
  readonly local = new LocalSorter();
  /** Room for n interleaved (value, weight) pairs; in shared memory when asked (kept shared after). */
  pairs(n: number, shared = false): Float64Array {
    const isShared = this.tp.buffer instanceof SharedArrayBuffer;
    if (this.tp.length < 2 * n || (shared && !isShared)) {
      const bytes = 16 * n;
      this.tp = new Float64Array(shared || isShared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    }
    return this.tp;
  }
  chunk(m: number): [Float64Array, Float64Array] {
    if (this.cy.length < m) {
      this.cy = new Float64Array(m);
      this.cw = new Float64Array(m);
    }
    return [this.cy, this.cw];
  }
  /** Shared-memory room for m values and m weights (the part of the input another thread reads). */
  sharedInput(m: number): [Float64Array, Float64Array] {
    if (this.sy.length < m) {
      this.sy = new Float64Array(new SharedArrayBuffer(8 * m));
      this.sw = new Float64Array(new SharedArrayBuffer(8 * m));
    }
    return [this.sy, this.sw];
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
 * Lorenz ordinates) runs on cache-resident chunks. The inputs are only read (all of them before
 * the first chunk, so the consumer may write the sorted values back into them).
 */
export function scanSorted(values: Float64Array, weights: Float64Array, consumer: SortedConsumer, ws = new SortWorkspace()): void {
  const n = values.length;
  if (weights.length !== n) throw new RangeError('values and weights differ in length');
  if (n <= INSERTION) {
    scanSmall(values, weights, consumer, ws);
    return;
  }
  const bits = int32View(values);
  const plan = planBuckets(bits, n);
  const nb = plan.last + 1;
  const start = new Int32Array(nb + 1);
  const nan = countKeys(bits, 0, n, plan, start);
  if (nan >= 0) throw new RangeError(`value ${nan} is NaN`);
  for (let b = 0; b < nb; b++) start[b + 1] += start[b];
  const tp = ws.pairs(n);
  const acc = new Float64Array(ACC);
  const bad = scatterPairs(values, weights, bits, 0, n, plan, start.slice(0, nb), tp, nb, acc);
  if (bad >= 0) throw new RangeError(`weight ${bad} is negative or not finite`);
  consumer.begin?.(n, ddTotal(acc, acc), acc[4]);
  sortBuckets(tp, start, 0, nb, plan, consumer, ws);
}

function scanSmall(values: Float64Array, weights: Float64Array, consumer: SortedConsumer, ws: SortWorkspace) {
  const n = values.length;
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
}

export function int32View(a: Float64Array): Int32Array {
  return new Int32Array(a.buffer, a.byteOffset, 2 * a.length);
}

/** How hi keys map to top-level buckets: (k − minK) >>> shift, clamped to [0, last]. */
export interface BucketPlan {
  minK: number;
  maxK: number;
  shift: number;
  last: number;
}

/** The bucket plan for n values (bits: their int32 view), from the key range of a sample. */
export function planBuckets(bits: Int32Array, n: number): BucketPlan {
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
  return { minK, maxK, shift, last: (maxK - minK) >>> shift };
}

/**
 * Adds the number of values [from, to) in each bucket b to counts[b + 1]. Returns the position of
 * the first NaN, or −1.
 */
export function countKeys(bits: Int32Array, from: number, to: number, plan: BucketPlan, counts: Int32Array): number {
  const { minK, maxK, shift, last } = plan;
  for (let j = 2 * from + 1; j < 2 * to; j += 2) {
    const h = bits[j];
    if ((h & 0x7ff00000) === 0x7ff00000 && ((h & 0xfffff) !== 0 || bits[j - 1] !== 0)) return (j - 1) / 2;
    const k = skey(h);
    counts[(k <= minK ? 0 : k >= maxK ? last : (k - minK) >>> shift) + 1]++;
  }
  return -1;
}

/** Length of the accumulator array of scatterPairs. */
export const ACC = 5;

/**
 * Moves the pairs [from, to) into their buckets: pair i goes to out[2p, 2p + 1] with p = pos[b]++.
 * Accumulates into acc: Σw in double-double over buckets below `split` (acc[0], acc[1]) and from
 * `split` on (acc[2], acc[3]), and Σw·y (acc[4]). Returns the position of the first weight that is
 * negative or not finite (the pass stops there), or −1.
 */
export function scatterPairs(
  values: Float64Array,
  weights: Float64Array,
  bits: Int32Array,
  from: number,
  to: number,
  plan: BucketPlan,
  pos: Int32Array,
  out: Float64Array,
  split: number,
  acc: Float64Array,
): number {
  const { minK, maxK, shift, last } = plan;
  let ha = acc[0];
  let la = acc[1];
  let hb = acc[2];
  let lb = acc[3];
  let wy = acc[4];
  let bad = -1;
  for (let i = from; i < to; i++) {
    const k = skey(bits[2 * i + 1]);
    const b = k <= minK ? 0 : k >= maxK ? last : (k - minK) >>> shift;
    const wi = weights[i];
    if (!(wi >= 0 && wi < Infinity)) {
      bad = i;
      break;
    }
    const yi = values[i];
    const p = 2 * pos[b]++;
    out[p] = yi;
    out[p + 1] = wi;
    wy += wi * yi;
    // two double-double sums (ddAdd, inlined): the weight goes to one, 0 to the other
    const a = b < split ? wi : 0;
    const c = wi - a;
    let s = ha + a;
    let e = s - ha;
    let l = la + (ha - (s - e) + (a - e));
    ha = s + l;
    la = l - (ha - s);
    s = hb + c;
    e = s - hb;
    l = lb + (hb - (s - e) + (c - e));
    hb = s + l;
    lb = l - (hb - s);
  }
  acc[0] = ha;
  acc[1] = la;
  acc[2] = hb;
  acc[3] = lb;
  acc[4] = wy;
  return bad;
}

/** Σw of two scatter accumulators (both halves of each), in double-double, rounded. */
export function ddTotal(a: Float64Array, b: Float64Array): number {
  let [h, l] = ddAdd(a[0], a[1], a[2]);
  [h, l] = ddAdd(h, l, a[3]);
  if (b !== a) for (let j = 0; j < 4; j++) [h, l] = ddAdd(h, l, b[j]);
  return h;
}

/**
 * Sorts the buckets [bFrom, bTo) of the scattered pairs (bucket b at pairs start[b] .. start[b + 1])
 * and feeds them to the consumer in ascending order.
 */
export function sortBuckets(tp: Float64Array, start: Int32Array, bFrom: number, bTo: number, plan: BucketPlan, consumer: SortedConsumer, ws: SortWorkspace): void {
  let maxBucket = 0;
  for (let b = bFrom; b < bTo; b++) maxBucket = Math.max(maxBucket, start[b + 1] - start[b]);
  const [cy, cw] = ws.chunk(maxBucket);
  const tbits = int32View(tp);
  const { minK, shift, last } = plan;
  for (let b = bFrom; b < bTo; b++) {
    const from = start[b];
    const m = start[b + 1] - from;
    if (m === 0) continue;
    // interior buckets hold keys minK + [b, b + 1)·2^shift; the end buckets also hold the outliers
    const edge = b === 0 || b === last;
    const lo = edge ? 1 : minK + b * 2 ** shift;
    const hi = edge ? 0 : lo + 2 ** shift - 1;
    ws.local.sort(tp, tbits, from, m, cy, cw, lo, hi);
    consumer.chunk(cy, cw, m);
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
