import type { SortedConsumer } from './sort.js';

/** What a SummaryScan computes besides Gini (the same settings on every thread of a parallel scan). */
export interface ScanSettings {
  quantiles: readonly number[];
  lorenz: readonly number[];
  povertyLine?: number;
  entropy: boolean;
}

/** The accumulators of a scan over the units above a first range, for SummaryScan.absorb. */
export interface ScanState {
  r: number;
  S: number;
  ci: number;
  ch: number;
  cl: number;
  qkStart: number;
  qk: number;
  lkStart: number;
  lk: number;
  /** NaN where the answer is the last positive-weight value of the first range. */
  quantileValues: number[];
  /** Cumulative income within this range only. */
  lorenzIncome: number[];
  seenLocal: boolean;
  prevY: number;
  firstY: number;
  firstPositiveY: number;
  ge0: number;
  ge1: number;
  negative: boolean;
  h: number;
  g1: number;
  g2: number;
  wt: number;
  nonFinite: boolean;
}

/**
 * Every statistic of the summary in one ascending pass over sorted chunks (see scanSorted): the same
 * formulas as gini(), quantiles(… 'math'), lorenzIncome(), generalizedEntropy() and povertyProfile(),
 * fused so that ten million units are read once. Its results equal theirs (summary.test.ts).
 *
 * A scan can also start after a first range of units scanned by another thread (continueAfter) and
 * hand its state to that thread's scan (absorb): cumulative weight and income of the first range are
 * offsets, sums add, and a quantile whose answer is "the previous value" at the start of the second
 * range takes the first range's last value.
 */
export class SummaryScan implements SortedConsumer {
  n = 0;
  N = 0;
  T = 0;
  private mu = 0;
  // Gini; r is also the cumulative weight of the Lorenz search
  private r = 0;
  private S = 0;
  // quantiles, rule "math" (cumulative positive weight in double-double), sorted by p
  private readonly qp: number[];
  private readonly qi: number[];
  private qv: number[] = [];
  readonly quantileValues: number[];
  private qk = 0;
  private qkStart = 0;
  private ch = 0;
  private cl = 0;
  private prevY = NaN;
  private seen = false;
  private seenLocal = false;
  private firstY = NaN;
  private firstPositiveY = NaN;
  // Lorenz: cumulative income at p·N, sorted by p; the first nlOpen have p < 1
  private readonly lp: number[];
  private readonly li: number[];
  private readonly nlOpen: number;
  private lv: number[] = [];
  readonly lorenzIncome: number[];
  private lk = 0;
  private lkStart = 0;
  private ci = 0;
  // generalised entropy and poverty
  private ge0 = 0;
  private ge1 = 0;
  private negative = false;
  private readonly line: number;
  private h = 0;
  private g1 = 0;
  private g2 = 0;
  private wt = 0;

  private readonly entropy: boolean;
  /** An infinite income was seen (NaN is rejected by the sort itself). */
  nonFinite = false;

  constructor(quantileProbs: readonly number[], lorenzProbs: readonly number[], povertyLine?: number, entropy = true) {
    this.entropy = entropy;
    const qs = quantileProbs.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
    const ls = lorenzProbs.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
    this.qp = qs.map((q) => q.p);
    this.qi = qs.map((q) => q.i);
    this.lp = ls.map((l) => l.p);
    this.li = ls.map((l) => l.i);
    this.nlOpen = ls.filter((l) => l.p < 1).length;
    this.quantileValues = new Array(quantileProbs.length).fill(NaN);
    this.lorenzIncome = new Array(lorenzProbs.length).fill(NaN);
    this.line = povertyLine ?? NaN;
  }

  get settings(): ScanSettings {
    const q = new Array<number>(this.qp.length);
    this.qi.forEach((i, k) => (q[i] = this.qp[k]));
    const l = new Array<number>(this.lp.length);
    this.li.forEach((i, k) => (l[i] = this.lp[k]));
    return { quantiles: q, lorenz: l, povertyLine: Number.isNaN(this.line) ? undefined : this.line, entropy: this.entropy };
  }

  static of(s: ScanSettings): SummaryScan {
    return new SummaryScan(s.quantiles, s.lorenz, s.povertyLine, s.entropy);
  }

  begin(n: number, N: number, T: number) {
    this.n = n;
    this.N = N;
    this.T = T;
    this.mu = T / N;
    this.qv = this.qp.map((p) => p * N);
    this.lv = this.lp.map((p) => p * N);
  }

  /**
   * Starts after a first range of units (scanned by another SummaryScan) whose weights sum to
   * cumHi + cumLo (double-double). Call after begin().
   */
  continueAfter(cumHi: number, cumLo: number) {
    this.r = cumHi;
    this.ch = cumHi;
    this.cl = cumLo;
    this.seen = cumHi > 0;
    while (this.qk < this.qv.length && cumHi > this.qv[this.qk]) this.qk++;
    while (this.lk < this.nlOpen && cumHi > this.lv[this.lk]) this.lk++;
    this.qkStart = this.qk;
    this.lkStart = this.lk;
  }

  chunk(y: Float64Array, w: Float64Array, m: number) {
    const { N, mu, line, qp, qi, qv, lv, li, nlOpen, entropy, quantileValues, lorenzIncome } = this;
    let { r, S, qk, ch, cl, prevY, seen, seenLocal, lk, ci, ge0, ge1, h, g1, g2, wt, negative, nonFinite } = this;
    const nq = qv.length;
    let qNext = qk < nq ? qv[qk] : Infinity;
    let lNext = lk < nlOpen ? lv[lk] : Infinity;
    if (m > 0 && Number.isNaN(this.firstY)) this.firstY = y[0];
    for (let i = 0; i < m; i++) {
      const yi = y[i];
      const wi = w[i];
      if (yi - yi !== 0) nonFinite = true;
      const r0 = r;
      r = r0 + wi;
      S += (2 * r - wi) * wi * yi;
      if (wi > 0) {
        if (qk < nq) {
          // cumulative weight in double-double (ddAdd, inlined)
          const s = ch + wi;
          const bb = s - ch;
          const l = cl + (ch - (s - bb) + (wi - bb));
          const nh = s + l;
          if (nh > qNext) {
            while (qk < nq && nh > qv[qk]) {
              quantileValues[qi[qk]] = !seen ? yi : qp[qk] - ch / N === 0 ? prevY : yi;
              qk++;
            }
            qNext = qk < nq ? qv[qk] : Infinity;
          }
          ch = nh;
          cl = l - (nh - s);
        }
        if (!seenLocal) {
          seenLocal = true;
          this.firstPositiveY = yi;
        }
        prevY = yi;
        seen = true;
        if (entropy) {
          if (yi < 0) negative = true;
          const q = yi / mu;
          const lq = Math.log(q);
          ge0 -= wi * lq;
          if (q > 0) ge1 += wi * q * lq;
        }
        if (yi < line) {
          const g = (line - yi) / line;
          h += wi;
          g1 += wi * g;
          g2 += wi * g * g;
          wt += yi > 0 ? wi * Math.log(line / yi) : Infinity;
        }
      }
      if (r > lNext) {
        while (lk < nlOpen && r > lv[lk]) {
          lorenzIncome[li[lk]] = ci + (lv[lk] - r0) * yi;
          lk++;
        }
        lNext = lk < nlOpen ? lv[lk] : Infinity;
      }
      ci += wi * yi;
    }
    this.r = r;
    this.S = S;
    this.qk = qk;
    this.ch = ch;
    this.cl = cl;
    this.prevY = prevY;
    this.seen = seen;
    this.seenLocal = seenLocal;
    this.lk = lk;
    this.ci = ci;
    this.ge0 = ge0;
    this.ge1 = ge1;
    this.h = h;
    this.g1 = g1;
    this.g2 = g2;
    this.wt = wt;
    this.negative = negative;
    this.nonFinite = nonFinite;
  }

  /** The state to hand to the scan of the first range (see absorb). */
  state(): ScanState {
    const { r, S, ci, ch, cl, qkStart, qk, lkStart, lk, quantileValues, lorenzIncome, seenLocal, prevY, firstY, firstPositiveY } = this;
    const { ge0, ge1, negative, h, g1, g2, wt, nonFinite } = this;
    return { r, S, ci, ch, cl, qkStart, qk, lkStart, lk, quantileValues, lorenzIncome, seenLocal, prevY, firstY, firstPositiveY, ge0, ge1, negative, h, g1, g2, wt, nonFinite };
  }

  /**
   * Appends the scan of the units after this one's (started with continueAfter at this scan's
   * cumulative weight), leaving the state of a scan over both ranges; call finish() after.
   */
  absorb(b: ScanState) {
    const { qi, li } = this;
    // Quantiles: this range resolved [0, qk), the next [qkStart, qk) of b. The two cumulative weights
    // agree unless Σw is inexact in double-double; if they do not, this range's answers win, and one
    // neither resolved is the next range's first value.
    for (let k = this.qk; k < b.qk; k++) {
      const v = k < b.qkStart ? b.firstPositiveY : b.quantileValues[qi[k]];
      this.quantileValues[qi[k]] = Number.isNaN(v) ? this.prevY : v;
    }
    for (let k = this.lk; k < b.lk; k++) {
      this.lorenzIncome[li[k]] = k < b.lkStart ? this.ci + (this.lv[k] - this.r) * b.firstY : this.ci + b.lorenzIncome[li[k]];
    }
    this.qk = Math.max(this.qk, b.qk);
    this.lk = Math.max(this.lk, b.lk);
    this.S += b.S;
    this.r = b.r;
    this.ci += b.ci;
    this.ch = b.ch;
    this.cl = b.cl;
    if (b.seenLocal) {
      this.prevY = b.prevY;
      this.seen = true;
    }
    this.ge0 += b.ge0;
    this.ge1 += b.ge1;
    this.negative ||= b.negative;
    this.h += b.h;
    this.g1 += b.g1;
    this.g2 += b.g2;
    this.wt += b.wt;
    this.nonFinite ||= b.nonFinite;
  }

  /** Resolves what the last chunk left open; call after the scan. */
  finish() {
    for (; this.qk < this.qv.length; this.qk++) this.quantileValues[this.qi[this.qk]] = this.prevY;
    for (; this.lk < this.lp.length; this.lk++) this.lorenzIncome[this.li[this.lk]] = this.lp[this.lk] === 1 ? this.T : this.ci;
    return this;
  }

  get gini() {
    return this.S / (this.N * this.T) - 1;
  }
  get theil() {
    return this.negative || !(this.T > 0) ? NaN : this.ge1 / this.N;
  }
  get mld() {
    return this.negative || !(this.T > 0) ? NaN : this.ge0 / this.N;
  }
  get poverty() {
    return { fgt0: this.h / this.N, fgt1: this.g1 / this.N, fgt2: this.g2 / this.N, watts: this.wt / this.N };
  }
}
