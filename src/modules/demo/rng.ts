/**
 * Deterministic randomness for the demo city. Two kinds:
 * - Rng: xoshiro128** (Blackman & Vigna), a sequential stream seeded through splitmix32;
 * - hash draws (mix32/hashU01): stateless, random-access values for (seed, entity, period, purpose),
 *   so any person-month can be recomputed without replaying a stream.
 * Never Math.random.
 */

/** splitmix32 step, used to expand a seed into state words. */
export function splitmix32(state: number): { value: number; state: number } {
  const s = (state + 0x9e3779b9) | 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return { value: z >>> 0, state: s };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = NaN;

  /** From a seed (any 32-bit integer) via splitmix32, or from explicit state words. */
  constructor(seed: number, state?: [number, number, number, number]) {
    if (state) {
      [this.a, this.b, this.c, this.d] = state.map((x) => x | 0) as [number, number, number, number];
    } else {
      let s = seed | 0;
      const w: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = splitmix32(s);
        s = r.state;
        w.push(r.value | 0);
      }
      [this.a, this.b, this.c, this.d] = w as [number, number, number, number];
    }
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1;
  }

  /** Next uint32 (xoshiro128**). */
  next(): number {
    const b = this.b;
    let r = Math.imul(b, 5);
    r = Math.imul((r << 7) | (r >>> 25), 9);
    const t = b << 9;
    this.c ^= this.a;
    this.d ^= b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = (this.d << 11) | (this.d >>> 21);
    return r >>> 0;
  }

  /** Uniform in [0, 1), 32 bits of resolution. */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi] inclusive. */
  range(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  /** Standard normal (Marsaglia polar method). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const v = this.spare;
      this.spare = NaN;
      return v;
    }
    let u: number, v: number, s: number;
    do {
      u = this.float() * 2 - 1;
      v = this.float() * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return u * f;
  }

  /** Index drawn from cumulative weights (ascending, last = total). */
  pickCumulative(cum: ArrayLike<number>): number {
    const x = this.float() * cum[cum.length - 1];
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** A child stream for a numbered purpose, derived from the current state (does not advance it). */
  fork(purpose: number): Rng {
    return new Rng(mix32(this.seedWord() ^ Math.imul(purpose + 1, 0x9e3779b1)));
  }

  private seedWord(): number {
    return this.a ^ Math.imul(this.b, 3) ^ Math.imul(this.c, 7) ^ Math.imul(this.d, 11);
  }
}

/** Cumulative sums of weights, for Rng.pickCumulative. */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) out[i] = s += weights[i];
  return out;
}

/** 32-bit finaliser (murmur3 fmix32): a bijective scramble of a 32-bit integer. */
export function mix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Hash of up to four integers into a uint32. */
export function hash4(a: number, b: number, c = 0, d = 0): number {
  let h = mix32(a ^ 0x5bd1e995);
  h = mix32(h ^ Math.imul(b | 0, 0xcc9e2d51));
  h = mix32(h ^ Math.imul(c | 0, 0x1b873593));
  return mix32(h ^ Math.imul(d | 0, 0xe6546b64));
}

/** Stateless uniform in [0, 1) for a key. */
export function hashU01(a: number, b: number, c = 0, d = 0): number {
  return hash4(a, b, c, d) / 4294967296;
}

/** Stateless standard normal for a key (Box-Muller on two hash draws). */
export function hashNormal(a: number, b: number, c = 0, d = 0): number {
  const u1 = (hash4(a, b, c, d) + 1) / 4294967297;
  const u2 = hash4(a ^ 0x68e31da4, b, c, d) / 4294967296;
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Cheap approximate standard normal for a key: the sum of the four bytes of one hash draw
 * (Irwin–Hall), centred and scaled; bounded at ±3.46, fine for year-to-year noise.
 */
export function hashNormalFast(a: number, b: number, c = 0, d = 0): number {
  const x = hash4(a, b, c, d);
  const s = (x & 255) + ((x >>> 8) & 255) + ((x >>> 16) & 255) + (x >>> 24);
  return (s - 510) / 147.8005; // sd of the sum of 4 uniform bytes = sqrt(4·(256²−1)/12)
}
