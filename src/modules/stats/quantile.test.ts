import { describe, expect, it } from 'vitest';
import { quantile, quantiles } from './quantile.js';
import { sortSample } from './sample.js';

const sample = (y: number[], w?: number[]) => sortSample(Float64Array.from(y), Float64Array.from(w ?? y.map(() => 1)));

describe('weighted quantiles', () => {
  it('math rule: smallest value whose cumulative weight share reaches p', () => {
    // sorted 10, 20, 30, 40 with weights 1, 3, 2, 4 (N = 10): cumulative shares .1 .4 .6 1
    const s = sample([30, 10, 40, 20], [2, 1, 4, 3]);
    expect(quantiles(s, [0.05, 0.1, 0.11, 0.4, 0.41, 0.6, 0.61, 1])).toEqual([10, 10, 20, 20, 30, 30, 40, 40]);
    expect(quantile(s, 0)).toBe(10);
  });
  it('math rule with unit weights is the inverse empirical distribution (type 1)', () => {
    const s = sample([5, 1, 4, 2, 3]);
    expect(quantiles(s, [0.2, 0.21, 0.5, 0.6, 0.61, 0.99])).toEqual([1, 2, 3, 3, 4, 5]);
  });
  it('below the first weight share gives the smallest value (R survey 4.1 returns the second)', () => {
    const s = sample([1, 2, 3]);
    expect(quantile(s, 0.1)).toBe(1);
  });
  it('hf7 with unit weights is R quantile(type = 7)', () => {
    // R: quantile(c(3, 1, 2, 5), c(.3, .5, .9), type = 7) = 1.9, 2.5, 4.4
    const s = sample([3, 1, 2, 5]);
    const q = quantiles(s, [0.3, 0.5, 0.9], 'hf7');
    expect(q[0]).toBeCloseTo(1.9, 14);
    expect(q[1]).toBeCloseTo(2.5, 14);
    expect(q[2]).toBeCloseTo(4.4, 14);
  });
  it('zero weights are ignored', () => {
    expect(quantile(sample([1, 100, 2, 3], [1, 0, 1, 1]), 1)).toBe(3);
    expect(quantile(sample([1, 100, 2, 3], [1, 0, 1, 1]), 0.9, 'hf7')).toBeCloseTo(2.8, 14);
  });
  it('rejects p outside [0, 1]', () => {
    expect(() => quantile(sample([1, 2]), 1.5)).toThrow(RangeError);
  });
});
