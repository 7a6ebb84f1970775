import { describe, expect, it } from 'vitest';
import { seeded } from '../test-util/random.js';
import { surveyDesign } from './design.js';
import { giniInfluence, svyGini } from './gini.js';
import { totalVariance } from './variance.js';

/** Ĝ for given weights, straight from the PRODUCT.md formula with a comparator sort (test oracle). */
function giniOf(y: number[], w: number[]): number {
  const idx = y.map((_, i) => i).sort((a, b) => y[a] - y[b]);
  let N = 0;
  let T = 0;
  for (const i of idx) {
    N += w[i];
    T += w[i] * y[i];
  }
  let r = 0;
  let S = 0;
  for (const i of idx) {
    r += w[i];
    S += (2 * r - w[i]) * w[i] * y[i];
  }
  return S / (N * T) - 1;
}

describe('Gini influence function', () => {
  const r = seeded(5);
  const n = 60;
  // incomes with ties, weights of different sizes
  const y = Array.from({ length: n }, () => Math.round(Math.exp(9 + r() * 2) / 500) * 500);
  const w = Array.from({ length: n }, () => 5 + r() * 100);

  it('equals the brute-force numerical derivative of Ĝ with respect to every weight', () => {
    const { gini, u } = giniInfluence(Float64Array.from(w), Float64Array.from(y));
    expect(gini).toBeCloseTo(giniOf(y, w), 14);
    for (let k = 0; k < n; k++) {
      const h = 1e-4 * w[k];
      const up = w.slice();
      up[k] += h;
      const down = w.slice();
      down[k] -= h;
      const numeric = (giniOf(y, up) - giniOf(y, down)) / (2 * h);
      // central differences: truncation ~(h/w)², rounding ~1e-16/h; agreement to ~1e-8 relative
      expect(Math.abs(u[k] - numeric)).toBeLessThan(1e-7 * Math.abs(numeric) + 1e-12);
    }
  });

  it('the Taylor variance equals the variance of the linearised total; zero outside a domain', () => {
    const strata = y.map((_, i) => (i < 30 ? 'a' : 'b'));
    const psu = y.map((_, i) => Math.floor(i / 5));
    const d = surveyDesign({ weights: Float64Array.from(w), strata, psu });
    const domain = Uint8Array.from(y, (_, i) => (i % 3 === 0 ? 1 : 0));
    const e = svyGini(d, Float64Array.from(y), { domain });
    const { gini, u } = giniInfluence(d.weights, Float64Array.from(y), domain);
    expect(e.estimate).toBe(gini);
    for (let i = 0; i < n; i++) if (!domain[i]) expect(u[i]).toBe(0);
    expect(e.variance).toBe(totalVariance(d, Float64Array.from(u, (v, i) => v * d.weights[i]), domain));
    expect(e.n).toBe(20);
  });
});
