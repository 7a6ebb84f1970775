import { DesignError, type SurveyDesign } from './design.js';
import { finish, type Estimate, type EstimateOptions } from './estimators.js';
import { domainOrder } from './order.js';
import { totalVariance } from './variance.js';

/**
 * Gini coefficient with its Taylor-linearised standard error.
 *
 * Estimator (PRODUCT.md): units sorted by income, r_k = cumulative weight to k inclusive,
 *   Ĝ = S/(N·T) − 1,  S = Σ (2r_k − w_k)·w_k·y_k,  N = Σ w,  T = Σ w·y.
 * Its linearised variable is the derivative of Ĝ with respect to each weight (Deville 1999; the
 * influence function of Langel & Tillé 2013), derived exactly for this estimator:
 *   ∂S/∂w_k = 2·(r_k·y_k + T − C_k),  C_k = Σ_{j<=k} w_j·y_j  (tied incomes: any order gives the same sum)
 *   u_k = ∂Ĝ/∂w_k = ∂S/∂w_k / (N·T) − (Ĝ + 1)·(1/N + y_k/T)
 * and the variance is that of the estimated total Σ w_k·u_k (totalVariance). convey::svygini uses
 * the variant Σ (2r_k − 1)·w_k·y_k, which differs from this one unless all weights are 1.
 */
export function svyGini(d: SurveyDesign, y: Float64Array, o: EstimateOptions = {}): Estimate {
  if (y.length !== d.n) throw new DesignError('variable length differs from the design');
  const { gini, u, n } = giniInfluence(d.weights, y, o.domain);
  const z = new Float64Array(d.n);
  for (let i = 0; i < d.n; i++) z[i] = d.weights[i] * u[i];
  return finish(gini, totalVariance(d, z, o.domain), n, o);
}

/** Ĝ and u_k (0 outside the domain) for weights w. */
export function giniInfluence(w: Float64Array, y: Float64Array, domain?: Uint8Array | null): { gini: number; u: Float64Array; n: number } {
  const order = domainOrder(y, domain);
  const m = order.length;
  let N = 0;
  let T = 0;
  for (let k = 0; k < m; k++) {
    const i = order[k];
    N += w[i];
    T += w[i] * y[i];
  }
  let r = 0;
  let S = 0;
  for (let k = 0; k < m; k++) {
    const i = order[k];
    r += w[i];
    S += (2 * r - w[i]) * w[i] * y[i];
  }
  const G = S / (N * T) - 1;
  const u = new Float64Array(w.length);
  // walk tie runs so that every unit of a run gets the run's end values of r and C
  let k = 0;
  r = 0;
  let C = 0;
  while (k < m) {
    let e = k;
    let rr = r;
    let cc = C;
    while (e < m && y[order[e]] === y[order[k]]) {
      rr += w[order[e]];
      cc += w[order[e]] * y[order[e]];
      e++;
    }
    for (let j = k; j < e; j++) {
      const i = order[j];
      const dS = 2 * (rr * y[i] + T - cc);
      u[i] = dS / (N * T) - (G + 1) * (1 / N + y[i] / T);
    }
    r = rr;
    C = cc;
    k = e;
  }
  return { gini: G, u, n: m };
}
