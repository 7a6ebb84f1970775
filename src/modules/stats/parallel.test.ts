import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generalizedEntropy, gini } from './inequality.js';
import { parallelScan, startStatsPool, stopStatsPool } from './parallel.js';
import { povertyProfile } from './poverty.js';
import { quantiles } from './quantile.js';
import { sortSample } from './sample.js';
import { SortWorkspace } from './sort.js';
import { SummaryScan } from './summary-scan.js';
import { DECILES, distributionScan, inequalitySummary } from './summary.js';
import { seeded } from './test-util/random.js';

// The two-thread scan must give the one-thread results: the same quantiles (the same sorted order)
// and sums that agree to rounding, including ties, zero weights and zero incomes across the split.
describe('two-thread scan equals the one-thread scan', () => {
  beforeAll(() => startStatsPool(), 60_000);
  afterAll(() => stopStatsPool());
  const r = seeded(77);
  const cases = [
    { n: 200_001, ties: false, zeros: false },
    { n: 180_000, ties: true, zeros: true },
    { n: 70, ties: true, zeros: false },
  ];
  for (const c of cases) {
    it(`${c.n} units${c.ties ? ', ties' : ''}${c.zeros ? ', zero weights and incomes' : ''}`, () => {
      const y = Float64Array.from({ length: c.n }, () => (c.ties ? Math.round(Math.exp(9 + 2 * r()) / 1000) * 1000 : Math.exp(9 + 2 * r())));
      const w = Float64Array.from({ length: c.n }, () => (c.zeros && r() < 0.05 ? 0 : 1 + Math.floor(r() * 20)));
      const probs = [...DECILES, 0.5, 0.99];
      const two = distributionScan(y, w, { quantiles: probs, entropy: true, povertyLine: 12_000, parallel: true });
      const one = distributionScan(y, w, { quantiles: probs, entropy: true, povertyLine: 12_000, parallel: false });
      const s = sortSample(y, w);
      // the worker really took part (parallelScan returns false when it would fall back)
      const direct = new SummaryScan(probs, [], undefined, false);
      expect(parallelScan(y, w, direct, new SortWorkspace())).toBe(true);
      expect(direct.finish().quantileValues).toEqual(one.quantileValues);
      expect(two.quantileValues).toEqual(quantiles(s, probs));
      expect(two.quantileValues).toEqual(one.quantileValues);
      const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-11 * Math.max(1, Math.abs(b)));
      close(two.gini, gini(s));
      close(two.theil, generalizedEntropy(s.y, s.w, 1));
      close(two.mld, generalizedEntropy(s.y, s.w, 0));
      const pov = povertyProfile(s, 12_000);
      close(two.poverty.fgt0, pov.fgt0);
      close(two.poverty.fgt1, pov.fgt1);
      close(two.poverty.watts, pov.watts);
    });
  }

  it('reports a NaN income and a negative weight by their unit, as the one-thread scan does', () => {
    const y = Float64Array.from({ length: 100_000 }, (_, i) => 1000 + i);
    const w = new Float64Array(100_000).fill(1);
    y[77_777] = NaN;
    expect(() => inequalitySummary({ income: y, weight: w }, undefined, undefined, true)).toThrow(/unit 77778/);
    y[77_777] = 5;
    w[60_001] = -1;
    expect(() => inequalitySummary({ income: y, weight: w }, undefined, undefined, true)).toThrow(/weight of unit 60002/);
    // the worker is still usable after an error
    w[60_001] = 1;
    const ok = distributionScan(y, w, { quantiles: [0.5], parallel: true });
    expect(ok.quantileValues[0]).toBe(quantiles(sortSample(y, w), [0.5])[0]);
  });
});
