import { bitLength, GenericSorter, INSERTION } from './sort-generic.js';

/**
 * The monotone key of a double's high word (sort-generic.ts keyHi) as a signed int32, because V8
 * keeps int32 arithmetic in registers while uint32 values above 2^31 become doubles: non-negative
 * doubles keep their high word, negative ones flip its low 31 bits.
 */
export function skey(h: number): number {
  return h ^ ((h >> 31) & 0x7fffffff);
}

/**
 * Sorts one top-level bucket of interleaved (value, weight) pairs into the chunk buffers
 * (cache-resident). `tp` holds pair i at [2i, 2i + 1]; `tbits` is its int32 view (high word of
 * value i at 4i + 1).
 */
export class LocalSorter {
  private counts = new Int32Array(0);
  private generic: GenericSorter | null = null;

  /**
   * Keys of the bucket lie in [lo, hi] (the caller knows them from the bucket index, or passes
   * lo > hi to have them measured). Scatter by the next bits of that range into about one slot per
   * element, then a single insertion pass puts the few elements sharing a slot in order.
   */
  sort(tp: Float64Array, tbits: Int32Array, from: number, m: number, cy: Float64Array, cw: Float64Array, lo: number, hi: number) {
    const to = from + m;
    if (m <= INSERTION) {
      for (let i = 0; i < m; i++) {
        cy[i] = tp[2 * (from + i)];
        cw[i] = tp[2 * (from + i) + 1];
      }
      insertion(cy, cw, 0, m);
      return;
    }
    if (lo > hi) {
      lo = 0x7fffffff;
      hi = -0x80000000;
      for (let i = from; i < to; i++) {
        const k = skey(tbits[4 * i + 1]);
        if (k < lo) lo = k;
        if (k > hi) hi = k;
      }
    }
    if (lo === hi) {
      // All share the hi word: rare enough to hand to the general sorter.
      for (let i = 0; i < m; i++) {
        cy[i] = tp[2 * (from + i)];
        cw[i] = tp[2 * (from + i) + 1];
      }
      (this.generic ??= new GenericSorter()).sort(cy, cw, 0, m);
      return;
    }
    const S = Math.min(15, bitLength(m));
    const sh = Math.max(0, bitLength(hi - lo) - S);
    const sb = ((hi - lo) >>> sh) + 1;
    if (this.counts.length < sb + 1) this.counts = new Int32Array(Math.max(sb + 1, 1 << 12));
    const counts = this.counts;
    counts.fill(0, 0, sb + 1);
    for (let i = from; i < to; i++) counts[((skey(tbits[4 * i + 1]) - lo) >>> sh) + 1]++;
    let big = false;
    for (let c = 0; c < sb; c++) {
      if (counts[c + 1] > INSERTION) big = true;
      counts[c + 1] += counts[c];
    }
    for (let i = from; i < to; i++) {
      const p = counts[(skey(tbits[4 * i + 1]) - lo) >>> sh]++;
      cy[p] = tp[2 * i];
      cw[p] = tp[2 * i + 1];
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

export function insertion(y: Float64Array, w: Float64Array, from: number, to: number) {
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
