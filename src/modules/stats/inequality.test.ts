import { describe, expect, it } from 'vitest';
import { groupSummary } from './distribution.js';
import { generalizedEntropy, gini, lorenzPoints, mld, palma, s80s20, theil } from './inequality.js';
import { sortSample, type SortedSample } from './sample.js';
import { qnorm } from './special.js';
import { seeded } from './test-util/random.js';

const sample = (y: ArrayLike<number>, w?: ArrayLike<number>) =>
  sortSample(Float64Array.from(y), w ? Float64Array.from(w) : new Float64Array(y.length).fill(1));

/** Σ_i Σ_j w_i w_j |y_i − y_j| / (2 N² μ): the Gini by its definition, O(n²). */
function giniPairs(s: SortedSample): number {
  let acc = 0;
  for (let i = 0; i < s.y.length; i++) for (let j = 0; j < s.y.length; j++) acc += s.w[i] * s.w[j] * Math.abs(s.y[i] - s.y[j]);
  return acc / (2 * s.N * s.N * (s.T / s.N));
}

/** Deterministic "sample" of a continuous distribution: its quantile function at (i − ½)/n. */
const fromQuantiles = (n: number, q: (u: number) => number) => sample(Float64Array.from({ length: n }, (_, i) => q((i + 0.5) / n)));

describe('Gini (PRODUCT.md formula)', () => {
  it('hand-computed: 1, 2, 3, 4', () => {
    // Σ|yi − yj| over ordered pairs = 20; 2 n² ȳ = 2·16·2.5 = 80
    expect(gini(sample([4, 1, 3, 2]))).toBeCloseTo(0.25, 15);
  });
  it('equals the mean absolute difference definition, with weights', () => {
    const r = seeded(3);
    for (let t = 0; t < 20; t++) {
      const n = 2 + Math.floor(r() * 30);
      const s = sample(Array.from({ length: n }, () => Math.floor(r() * 10) * 1000), Array.from({ length: n }, () => 0.5 + r() * 4));
      expect(gini(s)).toBeCloseTo(giniPairs(s), 13);
    }
  });
  it('two-point distribution: q(1 − q)(b − a)/μ', () => {
    const [q, a, b] = [0.3, 1000, 5000];
    const mu = q * a + (1 - q) * b;
    expect(gini(sample([a, b], [q, 1 - q]))).toBeCloseTo((q * (1 - q) * (b - a)) / mu, 15);
  });
  it('uniform: 1, 2, …, n gives (n − 1)/(3n) → 1/3', () => {
    const n = 100_000;
    expect(gini(sample(Float64Array.from({ length: n }, (_, i) => i + 1)))).toBeCloseTo((n - 1) / (3 * n), 12);
  });
  it('Pareto(α): 1/(2α − 1)', () => {
    for (const alpha of [1.5, 2, 3]) {
      const s = fromQuantiles(400_000, (u) => Math.pow(1 - u, -1 / alpha));
      expect(Math.abs(gini(s) - 1 / (2 * alpha - 1))).toBeLessThan(alpha === 1.5 ? 5e-3 : 1e-3);
    }
  });
  it('lognormal(σ): 2Φ(σ/√2) − 1', () => {
    const sigma = 0.8;
    const s = fromQuantiles(400_000, (u) => Math.exp(sigma * qnorm(u)));
    const phi = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));
    expect(gini(s)).toBeCloseTo(2 * phi(sigma / Math.SQRT2) - 1, 4);
  });
});

describe('generalised entropy', () => {
  it('hand-computed Theil and MLD of 1 and 3', () => {
    // μ = 2: Theil = ½(½ ln ½ + 3/2 ln 3/2), MLD = ½(ln 2 + ln 2/3)
    const s = sample([1, 3]);
    expect(theil(s)).toBeCloseTo(0.5 * (0.5 * Math.log(0.5) + 1.5 * Math.log(1.5)), 15);
    expect(mld(s)).toBeCloseTo(0.5 * (Math.log(2) + Math.log(2 / 3)), 15);
    // GE(2) is half the squared coefficient of variation: ½ · (1/2)² = 1/8
    expect(generalizedEntropy(s.y, s.w, 2)).toBeCloseTo(0.125, 15);
  });
  it('Pareto(α): Theil = 1/(α−1) − ln(α/(α−1)), MLD = ln(α/(α−1)) − 1/α', () => {
    const alpha = 3;
    const s = fromQuantiles(400_000, (u) => Math.pow(1 - u, -1 / alpha));
    expect(theil(s)).toBeCloseTo(1 / (alpha - 1) - Math.log(alpha / (alpha - 1)), 3);
    expect(mld(s)).toBeCloseTo(Math.log(alpha / (alpha - 1)) - 1 / alpha, 4);
  });
  it('uniform(0, 1): Theil = ln 2 − ½, MLD = 1 − ln 2', () => {
    const s = fromQuantiles(400_000, (u) => u);
    expect(theil(s)).toBeCloseTo(Math.log(2) - 0.5, 6);
    expect(mld(s)).toBeCloseTo(1 - Math.log(2), 4);
  });
  it('zero incomes make MLD infinite; negative ones make GE undefined', () => {
    expect(mld(sample([0, 1]))).toBe(Infinity);
    expect(theil(sample([0, 1]))).toBeCloseTo(Math.log(2), 15);
    expect(theil(sample([-1, 3]))).toBeNaN();
  });
});

describe('S80/S20, Palma and Lorenz points', () => {
  it('ten equal units 1..10', () => {
    const s = sample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s80s20(s)).toBeCloseTo(19 / 3, 14);
    expect(palma(s)).toBeCloseTo(10 / 10, 14);
    const { p, l } = lorenzPoints(s);
    expect(p[10]).toBe(1);
    expect(l[2]).toBeCloseTo(3 / 55, 15);
  });
});

describe('properties', () => {
  const r = seeded(11);
  const randomSample = (n: number) => ({
    y: Float64Array.from({ length: n }, () => Math.exp(9 + r() * 3)),
    w: Float64Array.from({ length: n }, () => 1 + Math.floor(r() * 5)),
  });
  const measures = (s: SortedSample) => [gini(s), theil(s), mld(s), s80s20(s), palma(s), ...groupSummary(s, 10).shares];

  it('scale invariance', () => {
    for (let t = 0; t < 10; t++) {
      const { y, w } = randomSample(50 + t);
      const a = measures(sortSample(y, w));
      const b = measures(sortSample(y.map((v) => v * 6.85), w));
      a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 12));
    }
  });
  it('population replication: integer weights equal repeated units; doubling every weight changes nothing', () => {
    for (let t = 0; t < 10; t++) {
      const { y, w } = randomSample(40 + t);
      const rep: number[] = [];
      y.forEach((v, i) => {
        for (let k = 0; k < w[i]; k++) rep.push(v);
      });
      const a = measures(sortSample(y, w));
      const b = measures(sample(rep));
      const c = measures(sortSample(y, w.map((v) => 2 * v)));
      a.forEach((v, i) => {
        expect(b[i]).toBeCloseTo(v, 12);
        expect(c[i]).toBeCloseTo(v, 12);
      });
    }
  });
  it('Pigou–Dalton: a rank-preserving transfer from richer to poorer lowers Gini, Theil and MLD', () => {
    for (let t = 0; t < 50; t++) {
      const y = Array.from({ length: 30 }, () => Math.round(Math.exp(8 + r() * 4)));
      y.sort((a, b) => a - b);
      const i = Math.floor(r() * 15);
      const j = 15 + Math.floor(r() * 15);
      if (y[j] - y[i] < 2) continue;
      const d = Math.min((y[i + 1] - y[i]) / 2, (y[j] - y[j - 1]) / 2, (y[j] - y[i]) / 4);
      if (!(d > 0)) continue;
      const after = y.slice();
      after[i] += d;
      after[j] -= d;
      const before = sample(y);
      const now = sample(after);
      expect(gini(now)).toBeLessThan(gini(before));
      expect(theil(now)).toBeLessThan(theil(before));
      expect(mld(now)).toBeLessThan(mld(before));
    }
  });
});

/** erf to ~1e-15 via its Taylor series / continued fraction (test helper). */
function erf(x: number): number {
  if (Math.abs(x) < 3) {
    let sum = x;
    let term = x;
    for (let n = 1; n < 200; n++) {
      term *= (-x * x) / n;
      sum += term / (2 * n + 1);
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  return Math.sign(x) * (1 - Math.exp(-x * x) / (Math.abs(x) * Math.sqrt(Math.PI)));
}
