import { quantiles as sampleQuantiles, type QuantileRule } from '../quantile.js';
import type { SortedSample } from '../sample.js';
import { sortPairsInPlace } from '../sort.js';
import { qt } from '../special.js';
import { degreesOfFreedom, type SurveyDesign } from './design.js';
import { svyMean } from './estimators.js';

/**
 * Survey quantiles with Woodruff confidence intervals, as R survey 4.1's svyquantile() with its
 * defaults (interval.type = "mean", qrule = "math", alpha = 0.05, df = degf(design)):
 *
 *   q̂ = qrule(y, w, p);  m = svymean(I(y <= q̂));  [p_lo, p_hi] = m ± t_{df, 1−α/2}·se(m)
 *   ci = [qrule(y, w, p_lo), qrule(y, w, p_hi)]   (NaN where p_lo < 0 or p_hi > 1)
 *   se = (ci_hi − ci_lo) / (2·t_{df, 1−α/2})
 */
export interface QuantileEstimate {
  p: number;
  estimate: number;
  ci: [number, number];
  se: number;
  /** The interval for the proportion below q̂, [p_lo, p_hi], inverted into `ci`. */
  pInterval: [number, number];
  /** Degrees of freedom of the t quantile. */
  df: number;
}

export interface QuantileOptions {
  domain?: Uint8Array | null;
  rule?: QuantileRule;
  alpha?: number;
  /** Default: R's degf() for the domain (PSUs − strata). */
  df?: number;
}

/** Sorted (y, w) of the domain rows with positive weight. */
export function domainSample(d: SurveyDesign, y: Float64Array, domain?: Uint8Array | null): SortedSample {
  let m = 0;
  for (let i = 0; i < d.n; i++) if ((!domain || domain[i]) && d.weights[i] > 0) m++;
  const ys = new Float64Array(m);
  const ws = new Float64Array(m);
  for (let i = 0, k = 0; i < d.n; i++) {
    if ((!domain || domain[i]) && d.weights[i] > 0) {
      ys[k] = y[i];
      ws[k++] = d.weights[i];
    }
  }
  sortPairsInPlace(ys, ws);
  let N = 0;
  let T = 0;
  for (let i = 0; i < m; i++) {
    N += ws[i];
    T += ws[i] * ys[i];
  }
  return { y: ys, w: ws, N, T, sorted: true };
}

export function svyQuantile(d: SurveyDesign, y: Float64Array, ps: readonly number[], o: QuantileOptions = {}): QuantileEstimate[] {
  const rule = o.rule ?? 'math';
  const alpha = o.alpha ?? 0.05;
  const df = o.df ?? degreesOfFreedom(d, o.domain);
  const crit = qt(1 - alpha / 2, df);
  const s = domainSample(d, y, o.domain);
  const qhat = sampleQuantiles(s, ps, rule);
  const indicator = new Float64Array(d.n);
  return ps.map((p, j) => {
    const q = qhat[j];
    for (let i = 0; i < d.n; i++) indicator[i] = y[i] <= q ? 1 : 0;
    const m = svyMean(d, indicator, { domain: o.domain });
    const lo = m.estimate - crit * m.se;
    const hi = m.estimate + crit * m.se;
    const [qlo, qhi] = [
      Number.isNaN(lo) || lo < 0 ? NaN : sampleQuantiles(s, [lo], rule)[0],
      Number.isNaN(hi) || hi > 1 ? NaN : sampleQuantiles(s, [hi], rule)[0],
    ];
    return { p, estimate: q, ci: [qlo, qhi], se: (qhi - qlo) / (2 * crit), pInterval: [lo, hi], df };
  });
}
