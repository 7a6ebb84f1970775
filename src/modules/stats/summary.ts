import { unitArrays, StatsInputError, type IncomeInput, type SortedSample } from './sample.js';
import { ddAdd, scanSorted, SortWorkspace, type SortedConsumer } from './sort.js';

/** The distribution summary printed by `zengshou stats inequality`. */
export interface InequalitySummary {
  /** Units read (households, or persons when there is no household size). */
  n: number;
  /** Σ weight (persons when household sizes are given). */
  population: number;
  mean: number;
  median: number;
  /** Deciles keyed "0.1" … "0.9" (which include the quintile cut points). */
  quantiles: Record<string, number>;
  quintileMeans: number[];
  quintileShares: number[];
  decileShares: number[];
  gini: number;
  theil: number;
  mld: number;
  s80s20: number;
  palma: number;
  fgt0?: number;
  fgt1?: number;
  fgt2?: number;
  watts?: number;
}

export const DECILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/**
 * Every statistic of the summary in one ascending pass over sorted chunks (see scanSorted): the same
 * formulas as gini(), quantiles(… 'math'), lorenzIncome(), generalizedEntropy() and povertyProfile(),
 * fused so that ten million units are read once. Its results equal theirs (summary.test.ts).
 */
export class SummaryScan implements SortedConsumer {
  n = 0;
  N = 0;
  T = 0;
  private mu = 0;
  // Gini
  private r = 0;
  private S = 0;
  // quantiles, rule "math" (cumulative positive weight in double-double)
  private readonly qs: { p: number; i: number }[];
  readonly quantileValues: number[];
  private qk = 0;
  private ch = 0;
  private cl = 0;
  private prevY = NaN;
  private seen = false;
  // Lorenz: cumulative income at p·N
  private readonly ls: { p: number; i: number }[];
  readonly lorenzIncome: number[];
  private lk = 0;
  private cw = 0;
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
    this.qs = quantileProbs.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
    this.ls = lorenzProbs.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
    this.quantileValues = new Array(quantileProbs.length).fill(NaN);
    this.lorenzIncome = new Array(lorenzProbs.length).fill(NaN);
    this.line = povertyLine ?? NaN;
  }

  begin(n: number, N: number, T: number) {
    this.n = n;
    this.N = N;
    this.T = T;
    this.mu = T / N;
  }

  chunk(y: Float64Array, w: Float64Array, m: number) {
    const { N, mu, line, qs, ls } = this;
    let { r, S, qk, ch, cl, prevY, seen, lk, cw, ci, ge0, ge1, h, g1, g2, wt } = this;
    const nq = qs.length;
    const nl = ls.length;
    for (let i = 0; i < m; i++) {
      const yi = y[i];
      const wi = w[i];
      if (yi === Infinity || yi === -Infinity) this.nonFinite = true;
      r += wi;
      S += (2 * r - wi) * wi * yi;
      if (wi > 0) {
        if (qk < nq) {
          // cumulative weight in double-double (ddAdd, inlined)
          const s = ch + wi;
          const bb = s - ch;
          const l = cl + (ch - (s - bb) + (wi - bb));
          const nh = s + l;
          while (qk < nq && nh > qs[qk].p * N) {
            const p = qs[qk].p;
            this.quantileValues[qs[qk].i] = !seen ? yi : p - ch / N === 0 ? prevY : yi;
            qk++;
          }
          ch = nh;
          cl = l - (nh - s);
        }
        prevY = yi;
        seen = true;
        if (this.entropy) {
          if (yi < 0) this.negative = true;
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
      while (lk < nl && ls[lk].p < 1 && cw + wi > ls[lk].p * N) {
        this.lorenzIncome[ls[lk].i] = ci + (ls[lk].p * N - cw) * yi;
        lk++;
      }
      cw += wi;
      ci += wi * yi;
    }
    Object.assign(this, { r, S, qk, ch, cl, prevY, seen, lk, cw, ci, ge0, ge1, h, g1, g2, wt });
  }

  /** Resolves what the last chunk left open; call after the scan. */
  finish() {
    for (; this.qk < this.qs.length; this.qk++) this.quantileValues[this.qs[this.qk].i] = this.prevY;
    for (; this.lk < this.ls.length; this.lk++) this.lorenzIncome[this.ls[this.lk].i] = this.ls[this.lk].p === 1 ? this.T : this.ci;
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

const LORENZ = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

function fromScan(s: SummaryScan, povertyLine?: number): InequalitySummary {
  const L = s.lorenzIncome; // cumulative income at 0, .1, …, 1
  const decileIncome = Array.from({ length: 10 }, (_, g) => L[g + 1] - L[g]);
  const quintileIncome = Array.from({ length: 5 }, (_, g) => L[2 * g + 2] - L[2 * g]);
  const out: InequalitySummary = {
    n: s.n,
    population: s.N,
    mean: s.T / s.N,
    median: s.quantileValues[DECILES.length],
    quantiles: Object.fromEntries(DECILES.map((p, i) => [String(p), s.quantileValues[i]])),
    quintileMeans: quintileIncome.map((v) => v / (s.N / 5)),
    quintileShares: quintileIncome.map((v) => v / s.T),
    decileShares: decileIncome.map((v) => v / s.T),
    gini: s.gini,
    theil: s.theil,
    mld: s.mld,
    s80s20: (s.T - L[8]) / L[2],
    palma: (s.T - L[9]) / L[4],
  };
  if (povertyLine !== undefined) Object.assign(out, s.poverty);
  return out;
}

/**
 * The summary of an income distribution (unit or per-capita, see IncomeInput), sorting chunk by chunk
 * without materialising the sorted sample. The inputs are not modified.
 */
export function inequalitySummary(input: IncomeInput, povertyLine?: number, workspace = new SortWorkspace()): InequalitySummary {
  if (povertyLine !== undefined && !(povertyLine > 0 && Number.isFinite(povertyLine))) {
    throw new StatsInputError('the poverty line must be a positive number');
  }
  let y = input.income;
  let w = input.weight;
  if (input.householdSize || !w) ({ y, w } = unitArrays(input));
  if (y.length === 0) throw new StatsInputError('no units: the distribution is empty');
  const scan = new SummaryScan([...DECILES, 0.5], LORENZ, povertyLine);
  const badIncome = () => {
    const i = y.findIndex((v) => !Number.isFinite(v));
    return new StatsInputError(`income of unit ${i + 1} is not a finite number`);
  };
  try {
    scanSorted(y, w!, scan, workspace);
  } catch (e) {
    const m = e instanceof RangeError ? /^(weight|value) (\d+)/.exec(e.message) : null;
    if (m && m[1] === 'weight') throw new StatsInputError(`weight of unit ${Number(m[2]) + 1} is negative or not finite`);
    if (m) throw badIncome();
    throw e;
  }
  if (scan.nonFinite) throw badIncome();
  scan.finish();
  if (!(scan.N > 0)) throw new StatsInputError('the total weight is zero: no population to describe');
  return fromScan(scan, povertyLine);
}

/**
 * Gini, quantiles ("math" rule) and Lorenz ordinates (cumulative income at p·N) of weighted values in
 * one sorted scan, with generalised entropy and poverty when asked. Inputs are not modified.
 */
export function distributionScan(
  y: Float64Array,
  w: Float64Array,
  o: { quantiles?: readonly number[]; lorenz?: readonly number[]; povertyLine?: number; entropy?: boolean; workspace?: SortWorkspace } = {},
): SummaryScan {
  const scan = new SummaryScan(o.quantiles ?? [], o.lorenz ?? [], o.povertyLine, o.entropy ?? false);
  scanSorted(y, w, scan, o.workspace);
  return scan.finish();
}

/** The same summary from an already sorted sample. */
export function summarizeSorted(s: SortedSample, povertyLine?: number): InequalitySummary {
  const scan = new SummaryScan([...DECILES, 0.5], LORENZ, povertyLine);
  let h = 0;
  let l = 0;
  for (let i = 0; i < s.w.length; i++) [h, l] = ddAdd(h, l, s.w[i]);
  scan.begin(s.y.length, h, s.T);
  scan.chunk(s.y, s.w, s.y.length);
  return fromScan(scan.finish(), povertyLine);
}
