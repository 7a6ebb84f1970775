import { describe, expect, it } from 'vitest';
import { groupSummary, lorenzIncome } from './distribution.js';
import { generalizedEntropy, gini, palma, s80s20 } from './inequality.js';
import { povertyProfile } from './poverty.js';
import { quantiles } from './quantile.js';
import { sortSample } from './sample.js';
import { DECILES, distributionScan, inequalitySummary, summarizeSorted } from './summary.js';
import { seeded } from './test-util/random.js';

describe('fused one-pass summary equals the separate statistics', () => {
  const r = seeded(21);
  const cases = [
    { n: 20, ties: false, zeros: false },
    { n: 5_000, ties: true, zeros: true },
    { n: 150_000, ties: false, zeros: false },
    { n: 120_000, ties: true, zeros: true },
  ];
  for (const c of cases) {
    it(`${c.n} units${c.ties ? ', ties' : ''}${c.zeros ? ', zero weights and incomes' : ''}`, () => {
      const y = Float64Array.from({ length: c.n }, () => (c.ties ? Math.round(Math.exp(9 + 2 * r()) / 1000) * 1000 : Math.exp(9 + 2 * r())));
      const w = Float64Array.from({ length: c.n }, () => (c.zeros && r() < 0.05 ? 0 : 1 + Math.floor(r() * 20)));
      const line = 12_000;
      const sum = inequalitySummary({ income: y, weight: w }, line);
      const s = sortSample(y, w);
      const q = quantiles(s, [...DECILES, 0.5]);
      DECILES.forEach((p, i) => expect(sum.quantiles[String(p)]).toBe(q[i]));
      expect(sum.median).toBe(q[9]);
      const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
      close(sum.gini, gini(s));
      close(sum.theil, generalizedEntropy(s.y, s.w, 1));
      close(sum.mld, generalizedEntropy(s.y, s.w, 0));
      close(sum.s80s20, s80s20(s));
      close(sum.palma, palma(s));
      groupSummary(s, 5).means.forEach((v, i) => close(sum.quintileMeans[i], v));
      groupSummary(s, 10).shares.forEach((v, i) => close(sum.decileShares[i], v));
      const pov = povertyProfile(s, line);
      close(sum.fgt0!, pov.fgt0);
      close(sum.fgt2!, pov.fgt2);
      close(sum.watts!, pov.watts);
      expect(summarizeSorted(s, line).quantiles).toEqual(sum.quantiles);
      const scan = distributionScan(y, w, { quantiles: [0.25, 0.75], lorenz: [0.3, 1] });
      expect(scan.quantileValues).toEqual(quantiles(s, [0.25, 0.75]));
      const L = lorenzIncome(s, [0.3, 1]);
      close(scan.lorenzIncome[0], L[0]);
      close(scan.lorenzIncome[1], L[1]);
    });
  }
  it('rejects bad input', () => {
    expect(() => inequalitySummary({ income: Float64Array.from([1, NaN]) })).toThrow('income of unit 2');
    expect(() => inequalitySummary({ income: Float64Array.from([1, 2]), weight: Float64Array.from([1, -1]) })).toThrow('weight of unit 2');
    expect(() => inequalitySummary({ income: new Float64Array(0) })).toThrow('empty');
    expect(() => inequalitySummary({ income: Float64Array.from([1, 2]), weight: Float64Array.from([0, 0]) })).toThrow('total weight is zero');
  });
});
