import { lorenz } from './distribution.js';
import type { SortedSample } from './sample.js';

/**
 * Gini coefficient, PRODUCT.md formula: units sorted by income, r_i the cumulative weight up to and
 * including i, G = Σ (2·r_i − w_i)·w_i·y_i / (N·T) − 1. Since (2r_i − w_i)·w_i = r_i² − r_{i−1}²,
 * the order of tied incomes does not matter. With all weights 1 this is the textbook
 * G = Σ (2i − 1)·y_(i) / (n²·ȳ) − 1 = Σ_i Σ_j |y_i − y_j| / (2n²ȳ).
 */
export function gini(s: SortedSample): number {
  const { y, w } = s;
  let r = 0;
  let acc = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w[i];
    r += wi;
    acc += (2 * r - wi) * wi * y[i];
  }
  return acc / (s.N * s.T) - 1;
}

/**
 * Generalised entropy GE(α) = [ (1/N) Σ w (y/μ)^α − 1 ] / (α(α−1)), with the limits
 * GE(0) = (1/N) Σ w ln(μ/y) (mean log deviation) and GE(1) = (1/N) Σ w (y/μ) ln(y/μ) (Theil T),
 * the definitions of convey::svygei and the World Bank PIP. Order does not matter, so any
 * (y, w) works. Zero incomes make GE(α ≤ 0) infinite; negative incomes make every GE undefined (NaN).
 */
export function generalizedEntropy(y: Float64Array, w: Float64Array, alpha: number): number {
  let N = 0;
  let T = 0;
  let negative = false;
  for (let i = 0; i < y.length; i++) {
    N += w[i];
    T += w[i] * y[i];
    if (y[i] < 0 && w[i] > 0) negative = true;
  }
  if (negative || !(N > 0) || !(T > 0)) return NaN;
  const mu = T / N;
  let acc = 0;
  if (alpha === 0) {
    for (let i = 0; i < y.length; i++) if (w[i] > 0) acc += w[i] * Math.log(mu / y[i]);
    return acc / N;
  }
  if (alpha === 1) {
    for (let i = 0; i < y.length; i++) {
      const r = y[i] / mu;
      if (w[i] > 0 && r > 0) acc += w[i] * r * Math.log(r);
    }
    return acc / N;
  }
  for (let i = 0; i < y.length; i++) if (w[i] > 0) acc += w[i] * Math.pow(y[i] / mu, alpha);
  return (acc / N - 1) / (alpha * (alpha - 1));
}

/** Theil index GE(1). */
export function theil(s: { y: Float64Array; w: Float64Array }): number {
  return generalizedEntropy(s.y, s.w, 1);
}

/** Mean log deviation GE(0). */
export function mld(s: { y: Float64Array; w: Float64Array }): number {
  return generalizedEntropy(s.y, s.w, 0);
}

/** The Lorenz curve through every unit: p_i = cumulative weight share, l_i = cumulative income share. */
export function lorenzPoints(s: SortedSample): { p: Float64Array; l: Float64Array } {
  const n = s.y.length;
  const p = new Float64Array(n + 1);
  const l = new Float64Array(n + 1);
  let cw = 0;
  let ci = 0;
  for (let i = 0; i < n; i++) {
    cw += s.w[i];
    ci += s.w[i] * s.y[i];
    p[i + 1] = cw / s.N;
    l[i + 1] = ci / s.T;
  }
  return { p, l };
}

/** Income share of the top 20% over that of the bottom 20%. */
export function s80s20(s: SortedSample): number {
  const [l20, l80] = lorenz(s, [0.2, 0.8]);
  return (1 - l80) / l20;
}

/** Palma ratio: income share of the top 10% over that of the bottom 40%. */
export function palma(s: SortedSample): number {
  const [l40, l90] = lorenz(s, [0.4, 0.9]);
  return (1 - l90) / l40;
}
