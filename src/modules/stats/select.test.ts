import { describe, expect, it } from 'vitest';
import { quantile } from './quantile.js';
import { sortSample } from './sample.js';
import { selectQuantile } from './select.js';
import { seeded } from './test-util/random.js';

const PS = [0, 0.1, 0.25, 0.3, 0.5, 0.75, 0.9, 0.99, 1];

describe('selectQuantile', () => {
  it('works a small example by hand', () => {
    // values 1..5 with weights 1, 2, 1, 3, 1 (N = 8): cumulative 1, 3, 4, 7, 8.
    const y = () => Float64Array.from([4, 2, 5, 1, 3]);
    const w = () => Float64Array.from([3, 2, 1, 1, 1]);
    // p·N = 4 falls exactly on the third unit's cumulative weight: the rule answers that unit (3).
    expect(selectQuantile(y(), w(), 0.5)).toBe(3);
    // p·N = 4.8: the first unit past it is 4.
    expect(selectQuantile(y(), w(), 0.6)).toBe(4);
    expect(selectQuantile(y(), w(), 0)).toBe(1);
    expect(selectQuantile(y(), w(), 1)).toBe(5);
  });

  it('equals the sort-based quantile on random samples with ties and integer weights', () => {
    const rnd = seeded(20261129);
    for (const n of [1, 2, 3, 17, 100, 1001, 20_000]) {
      for (const ties of [false, true]) {
        const y = Float64Array.from({ length: n }, () => (ties ? Math.floor(rnd() * 30) : (rnd() - 0.2) * 1e5));
        const w = Float64Array.from({ length: n }, () => 1 + Math.floor(rnd() * 6));
        const sorted = sortSample(y, w);
        for (const p of PS) expect(selectQuantile(new Float64Array(y), new Float64Array(w), p), `n ${n} ties ${ties} p ${p}`).toBe(quantile(sorted, p));
      }
    }
  });

  it('equals the sort-based quantile where p·N lands exactly on a cumulative weight', () => {
    // All weights 1 and n even: the median's p·N is a whole unit count (the lower middle value).
    const rnd = seeded(7);
    for (const n of [2, 10, 64, 5000]) {
      const y = Float64Array.from({ length: n }, () => rnd());
      const w = new Float64Array(n).fill(1);
      const expected = quantile(sortSample(y, w), 0.5);
      expect(selectQuantile(new Float64Array(y), new Float64Array(w), 0.5)).toBe(expected);
      const sorted = [...y].sort((a, b) => a - b);
      expect(expected).toBe(sorted[n / 2 - 1]);
    }
  });

  it('rejects non-positive weights and bad probabilities', () => {
    expect(() => selectQuantile(Float64Array.from([1, 2]), Float64Array.from([1, 0]), 0.5)).toThrow(/positive/);
    expect(() => selectQuantile(Float64Array.from([1]), Float64Array.from([1]), 1.5)).toThrow(RangeError);
    expect(selectQuantile(new Float64Array(0), new Float64Array(0), 0.5)).toBeNaN();
  });
});
