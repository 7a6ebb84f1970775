import { qnorm, qt } from '../special.js';
import { DesignError, encode, type Labels, type SurveyDesign } from './design.js';
import { totalVariance } from './variance.js';

/**
 * Design-based estimates with Taylor-linearised standard errors, as R's svytotal, svymean, svyratio
 * and svyby. Each linearised score (weight × influence) goes to totalVariance().
 *
 *   total  Ŷ = Σ w y                        z = w·y
 *   mean   ȳ = Σ w y / Σ w                  z = w·(y − ȳ)/N̂
 *   ratio  R = Σ w y / Σ w x                z = w·(y − R·x)/X̂
 *
 * In a domain, scores are zero outside it (subset() semantics, see variance.ts).
 * The confidence interval is estimate ± q·se with q the normal quantile (R's confint() default,
 * df = Inf) unless `df` is given.
 */
export interface Estimate {
  /** Domain label, or null for the whole population. */
  domain: string | null;
  estimate: number;
  se: number;
  variance: number;
  cv: number;
  ci: [number, number];
  /** Sample rows in the domain. */
  n: number;
}

export interface EstimateOptions {
  /** 1 for rows in the domain. */
  domain?: Uint8Array | null;
  /** Confidence level, default 0.95. */
  level?: number;
  /** Degrees of freedom for the interval, default Infinity (normal). */
  df?: number;
}

export function finish(estimate: number, variance: number, n: number, o: EstimateOptions = {}, domain: string | null = null): Estimate {
  const level = o.level ?? 0.95;
  const df = o.df ?? Infinity;
  const q = df === Infinity ? qnorm(1 - (1 - level) / 2) : qt(1 - (1 - level) / 2, df);
  const se = Math.sqrt(variance);
  return { domain, estimate, se, variance, cv: se / estimate, ci: [estimate - q * se, estimate + q * se], n };
}

function check(d: SurveyDesign, ...cols: Float64Array[]) {
  for (const c of cols) if (c.length !== d.n) throw new DesignError('variable length differs from the design');
}

function rowsIn(d: SurveyDesign, domain?: Uint8Array | null): number {
  if (!domain) return d.n;
  let k = 0;
  for (let i = 0; i < d.n; i++) if (domain[i]) k++;
  return k;
}

export function svyTotal(d: SurveyDesign, y: Float64Array, o: EstimateOptions = {}): Estimate {
  check(d, y);
  const dom = o.domain;
  const z = new Float64Array(d.n);
  let total = 0;
  for (let i = 0; i < d.n; i++) {
    if (dom && !dom[i]) continue;
    z[i] = d.weights[i] * y[i];
    total += z[i];
  }
  return finish(total, totalVariance(d, z, dom), rowsIn(d, dom), o);
}

export function svyMean(d: SurveyDesign, y: Float64Array, o: EstimateOptions = {}): Estimate {
  check(d, y);
  const dom = o.domain;
  let N = 0;
  let T = 0;
  for (let i = 0; i < d.n; i++) {
    if (dom && !dom[i]) continue;
    N += d.weights[i];
    T += d.weights[i] * y[i];
  }
  const m = T / N;
  const z = new Float64Array(d.n);
  for (let i = 0; i < d.n; i++) {
    if (dom && !dom[i]) continue;
    z[i] = (d.weights[i] * (y[i] - m)) / N;
  }
  return finish(m, totalVariance(d, z, dom), rowsIn(d, dom), o);
}

export function svyRatio(d: SurveyDesign, num: Float64Array, den: Float64Array, o: EstimateOptions = {}): Estimate {
  check(d, num, den);
  const dom = o.domain;
  let Y = 0;
  let X = 0;
  for (let i = 0; i < d.n; i++) {
    if (dom && !dom[i]) continue;
    Y += d.weights[i] * num[i];
    X += d.weights[i] * den[i];
  }
  const R = Y / X;
  const z = new Float64Array(d.n);
  for (let i = 0; i < d.n; i++) {
    if (dom && !dom[i]) continue;
    z[i] = (d.weights[i] * (num[i] - R * den[i])) / X;
  }
  return finish(R, totalVariance(d, z, dom), rowsIn(d, dom), o);
}

/** Domains of a labelling variable, sorted as R's factor levels (numerically when all labels are numbers). */
export function domains(labels: Labels, n: number): { label: string; mask: Uint8Array }[] {
  const { codes, levels } = encode(labels, n);
  const numeric = levels.every((l) => l.trim() !== '' && Number.isFinite(Number(l)));
  const order = levels.map((l, i) => ({ l, i }));
  order.sort((a, b) => (numeric ? Number(a.l) - Number(b.l) : a.l < b.l ? -1 : a.l > b.l ? 1 : 0));
  return order.map(({ l, i }) => {
    const mask = new Uint8Array(n);
    for (let r = 0; r < n; r++) if (codes[r] === i) mask[r] = 1;
    return { label: l, mask };
  });
}

/** Runs an estimator in every domain of `by` (R's svyby), domains in sorted order. */
export function svyBy(
  d: SurveyDesign,
  by: Labels,
  estimator: (o: EstimateOptions) => Estimate,
  o: EstimateOptions = {},
): Estimate[] {
  return domains(by, d.n).map(({ label, mask }) => {
    let dom = mask;
    if (o.domain) {
      dom = new Uint8Array(d.n);
      for (let i = 0; i < d.n; i++) dom[i] = mask[i] & o.domain[i];
    }
    return { ...estimator({ ...o, domain: dom }), domain: label };
  });
}
