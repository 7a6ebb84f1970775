import { describe, expect, it } from 'vitest';
import { fitBeta, fitGQ, fitLorenz, groupedFromMeans, type GroupedData, type LorenzFit } from './lorenz-fit.js';
import { integrate, qnorm } from './special.js';
import { pnorm } from './test-util/random.js';

const ps = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

/** Grouped data lying exactly on a curve. */
const onCurve = (L: (p: number) => number, mean: number): GroupedData => ({ p: ps, l: ps.map((p) => (p === 1 ? 1 : L(p))), mean });

/** Checks Gini and poverty of a fit against numerical integration of its own curve. */
function selfConsistent(f: LorenzFit, mean: number, line: number) {
  const gini = 1 - 2 * integrate(f.L, 0, 1, 1e-13);
  expect(f.gini).toBeCloseTo(gini, 9);
  const pov = f.poverty(line);
  const z = line / mean;
  expect(f.slope(pov.headcount)).toBeCloseTo(z, 9); // L'(H) = z/μ
  const gap = integrate((p) => 1 - f.slope(p) / z, 1e-14, pov.headcount, 1e-13);
  const sev = integrate((p) => (1 - f.slope(p) / z) ** 2, 1e-14, pov.headcount, 1e-13);
  expect(pov.gap).toBeCloseTo(gap, 8);
  expect(pov.severity).toBeCloseTo(sev, 8);
}

describe('General Quadratic Lorenz curve', () => {
  // a GQ curve: L(1 − L) = a(p² − L) + bL(p − 1) + c(p − L) with a, b, c below, solved for L
  const [a, b, c] = [0.8, -1.2, 0.4];
  const e = -(a + b + c + 1);
  const m = b * b - 4 * a;
  const n = 2 * b * e - 4 * c;
  const L = (p: number) => -0.5 * (b * p + e + Math.sqrt(m * p * p + n * p + e * e));
  const g = onCurve(L, 10_000);

  it('recovers the parameters of points on the curve and is valid', () => {
    const f = fitGQ(g);
    expect(f.params.a).toBeCloseTo(a, 10);
    expect(f.params.b).toBeCloseTo(b, 10);
    expect(f.params.c).toBeCloseTo(c, 10);
    expect(f.valid).toBe(true);
    expect(f.sse).toBeLessThan(1e-20);
  });
  it('closed-form Gini, headcount, gap and severity agree with integration of the curve', () => {
    selfConsistent(fitGQ(g), g.mean, 7_000);
  });
});

describe('Beta Lorenz curve', () => {
  const [theta, gamma, delta] = [0.5, 0.95, 0.6];
  const L = (p: number) => p - theta * p ** gamma * (1 - p) ** delta;
  const g = onCurve(L, 10_000);

  it('recovers the parameters and is valid', () => {
    const f = fitBeta(g);
    expect(f.params.theta).toBeCloseTo(theta, 10);
    expect(f.params.gamma).toBeCloseTo(gamma, 10);
    expect(f.params.delta).toBeCloseTo(delta, 10);
    expect(f.valid).toBe(true);
  });
  it('closed-form Gini and poverty agree with integration of the curve', () => {
    selfConsistent(fitBeta(g), g.mean, 6_000);
  });
});

describe('World Bank PIP worked example (test data and expected values of the wbpip R package)', () => {
  const g: GroupedData = {
    p: [0.0005, 0.0032, 0.0148, 0.0443, 0.0991, 0.257, 0.4385, 0.5938, 0.7089, 1],
    l: [
      5.824760527229386e-5, 0.000604029410841011, 0.0037949334793616948, 0.013988878652244477, 0.036992164583098786,
      0.12140708906131342, 0.24531391873082081, 0.37446670169288321, 0.48753116241194566, 1,
    ],
    mean: 51.5660557757944,
  };
  const line = 57.791666666666664;
  const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

  it('General Quadratic: coefficients, Gini, headcount, gap, severity', () => {
    const f = fitGQ(g);
    expect(rel(f.params.a, 0.795981535745657)).toBeLessThan(1e-9);
    expect(rel(f.params.b, -1.4445933880119242)).toBeLessThan(1e-9);
    expect(rel(f.params.c, 0.14728191995919815)).toBeLessThan(1e-9);
    expect(rel(f.gini, 0.32126464221602591)).toBeLessThan(1e-9);
    const pov = f.poverty(line);
    expect(rel(pov.headcount, 0.76005810499191284)).toBeLessThan(1e-7);
    expect(rel(pov.gap, 0.27617606019159308)).toBeLessThan(1e-8);
    expect(rel(pov.severity, 0.12832887439632906)).toBeLessThan(1e-8);
    expect(f.valid).toBe(true);
  });
  it('Beta: coefficients, Gini (PIP integrates numerically: 1e-6), headcount, gap, severity', () => {
    const f = fitBeta(g);
    expect(rel(f.params.theta, 0.57803721740313529)).toBeLessThan(1e-9);
    expect(rel(f.params.gamma, 0.94205090386544987)).toBeLessThan(1e-9);
    expect(rel(f.params.delta, 0.52578600019473676)).toBeLessThan(1e-9);
    // PIP integrates the Beta Gini numerically (499 bins); 2θB(1+γ, 1+δ) is exact: they agree to 1e-5
    expect(rel(f.gini, 0.31236656171451094)).toBeLessThan(1e-5);
    expect(f.gini).toBeCloseTo(1 - 2 * integrate(f.L, 0, 1, 1e-13), 9);
    expect(rel(f.curvature(0.001), 47.919869915279428)).toBeLessThan(1e-9);
    const pov = f.poverty(line);
    expect(rel(pov.headcount, 0.71833938360214233)).toBeLessThan(1e-6);
    expect(rel(pov.gap, 0.27137498479545558)).toBeLessThan(1e-6);
    expect(rel(pov.severity, 0.12933674851941607)).toBeLessThan(1e-6);
    expect(f.valid).toBe(true);
  });
});

describe('fitLorenz on quintile means', () => {
  it('decile means of a lognormal population: Gini and headcount close to the exact values', () => {
    // lognormal(σ) with mean 1: group g mean = 10·[Φ(z_g − σ) − Φ(z_{g−1} − σ)], z_g = Φ⁻¹(g/10)
    const sigma = 0.8;
    const z = (g: number) => (g <= 0 ? -Infinity : g >= 10 ? Infinity : qnorm(g / 10));
    const means = Array.from({ length: 10 }, (_, g) => 10 * (pnorm(z(g + 1) - sigma) - pnorm(z(g) - sigma)));
    const r = fitLorenz(groupedFromMeans(means), 0.5);
    expect(r.distributionModel).not.toBeNull();
    expect(r.gini).toBeCloseTo(2 * pnorm(sigma / Math.SQRT2) - 1, 2);
    // exact headcount at half the mean: Φ((ln 0.5 + σ²/2)/σ)
    expect(r.poverty!.headcount).toBeCloseTo(pnorm((Math.log(0.5) + (sigma * sigma) / 2) / sigma), 2);
  });
  it('groupedFromMeans builds cumulative shares', () => {
    const g = groupedFromMeans([1, 2, 3, 4, 5]);
    expect(g.l.map((v) => v * 15)).toEqual([1, 3, 6, 10, 15].map((v, i) => (i === 4 ? 15 : expect.closeTo(v, 12))));
    expect(g.mean).toBeCloseTo(3, 15);
  });
});
