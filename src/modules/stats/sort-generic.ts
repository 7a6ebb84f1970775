/**
 * General MSD radix sort on full 64-bit keys (hi, lo words of the IEEE-754 pattern, made monotone),
 * for the runs that sort.ts's fast path leaves large: values sharing their high word, or crowded
 * slots. Recursive; each level divides the key range by >= 2^4, and equal keys end a branch.
 */

/** Runs of at most this many elements are finished by insertion sort. */
export const INSERTION = 32;

function keyHi(h: number): number {
  return h & 0x80000000 ? ~h >>> 0 : (h | 0x80000000) >>> 0;
}
function keyLo(h: number, l: number): number {
  return h & 0x80000000 ? ~l >>> 0 : l;
}

export function bitLength(x: number): number {
  return x === 0 ? 0 : 32 - Math.clz32(x);
}

export class GenericSorter {
  private kh = new Uint32Array(0);
  private kl = new Uint32Array(0);
  private ix = new Uint32Array(0);
  private th = new Uint32Array(0);
  private tl = new Uint32Array(0);
  private ti = new Uint32Array(0);
  private fy = new Float64Array(0);
  private counts: Uint32Array[] = [];

  sort(y: Float64Array, w: Float64Array, from: number, to: number) {
    const m = to - from;
    if (this.kh.length < m) {
      this.kh = new Uint32Array(m);
      this.kl = new Uint32Array(m);
      this.ix = new Uint32Array(m);
      this.th = new Uint32Array(m);
      this.tl = new Uint32Array(m);
      this.ti = new Uint32Array(m);
      this.fy = new Float64Array(m);
    }
    const bits = new Uint32Array(y.buffer, y.byteOffset + 8 * from, 2 * m);
    for (let i = 0; i < m; i++) {
      const h = bits[2 * i + 1];
      this.kh[i] = keyHi(h);
      this.kl[i] = keyLo(h, bits[2 * i]);
      this.ix[i] = i;
    }
    this.range(0, m, 0);
    const { ix, fy } = this;
    for (let i = 0; i < m; i++) fy[i] = y[from + ix[i]];
    y.set(fy.subarray(0, m), from);
    for (let i = 0; i < m; i++) fy[i] = w[from + ix[i]];
    w.set(fy.subarray(0, m), from);
  }

  private range(from: number, to: number, depth: number) {
    const m = to - from;
    const { kh, kl, ix, th, tl, ti } = this;
    if (m <= INSERTION) {
      for (let i = from + 1; i < to; i++) {
        const h = kh[i];
        const l = kl[i];
        const x = ix[i];
        let j = i - 1;
        while (j >= from && (kh[j] > h || (kh[j] === h && kl[j] > l))) {
          kh[j + 1] = kh[j];
          kl[j + 1] = kl[j];
          ix[j + 1] = ix[j];
          j--;
        }
        kh[j + 1] = h;
        kl[j + 1] = l;
        ix[j + 1] = x;
      }
      return;
    }
    let min = 0xffffffff;
    let max = 0;
    for (let i = from; i < to; i++) {
      const k = kh[i];
      if (k < min) min = k;
      if (k > max) max = k;
    }
    const useHi = max !== min;
    if (!useHi) {
      min = 0xffffffff;
      max = 0;
      for (let i = from; i < to; i++) {
        const k = kl[i];
        if (k < min) min = k;
        if (k > max) max = k;
      }
      if (min === max) return; // all keys equal
    }
    const S = Math.min(11, Math.max(4, bitLength(m >>> 2)));
    const shift = Math.max(0, bitLength(max - min) - S);
    const nb = ((max - min) >>> shift) + 1;
    while (this.counts.length <= depth) this.counts.push(new Uint32Array((1 << 11) + 1));
    const c = this.counts[depth];
    c.fill(0, 0, nb + 1);
    const src = useHi ? kh : kl;
    for (let i = from; i < to; i++) c[((src[i] - min) >>> shift) + 1]++;
    for (let b = 0; b < nb; b++) c[b + 1] += c[b];
    for (let i = from; i < to; i++) {
      const p = from + c[(src[i] - min) >>> shift]++;
      th[p] = kh[i];
      tl[p] = kl[i];
      ti[p] = ix[i];
    }
    kh.set(th.subarray(from, to), from);
    kl.set(tl.subarray(from, to), from);
    ix.set(ti.subarray(from, to), from);
    let a = from;
    for (let b = 0; b < nb; b++) {
      const e = from + c[b];
      if (e - a > 1) this.range(a, e, depth + 1);
      a = e;
    }
  }
}
