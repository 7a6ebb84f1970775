import { describe, expect, it } from 'vitest';
import { groupOfSorted, groupSummary, lorenz } from './distribution.js';
import { sortSample } from './sample.js';

describe('equal-weight groups and the Lorenz curve', () => {
  it('quintiles of ten equal units: pairs of units', () => {
    const s = sortSample(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), new Float64Array(10).fill(1));
    const g = groupSummary(s, 5);
    expect(g.means).toEqual([1.5, 3.5, 5.5, 7.5, 9.5]);
    [3, 7, 11, 15, 19].forEach((v, i) => expect(g.shares[i] * 55).toBeCloseTo(v, 13));
    expect(g.population).toBe(2);
  });
  it('a unit straddling a boundary is split by weight', () => {
    // incomes 10 (weight 3) and 20 (weight 2): halves of N = 5 are 2.5 each
    const s = sortSample(Float64Array.from([20, 10]), Float64Array.from([2, 3]));
    const g = groupSummary(s, 2);
    // lower half: 2.5 × 10 = 25; upper half: 0.5 × 10 + 2 × 20 = 45; total 70
    expect(g.means).toEqual([10, 18]);
    expect(g.shares[0]).toBeCloseTo(25 / 70, 15);
    expect(g.shares[1]).toBeCloseTo(45 / 70, 15);
    expect(lorenz(s, [0, 0.5, 0.6, 1])).toEqual([0, 25 / 70, 30 / 70, 1]);
  });
  it('group membership by the midpoint of each unit, ties together', () => {
    const s = sortSample(Float64Array.from([1, 2, 3, 3, 5, 6]), new Float64Array(6).fill(1));
    expect(Array.from(groupOfSorted(s, 3))).toEqual([1, 1, 2, 2, 3, 3]);
    const t = sortSample(Float64Array.from([1, 2, 2, 2, 5, 6]), new Float64Array(6).fill(1));
    expect(Array.from(groupOfSorted(t, 3))).toEqual([1, 1, 1, 1, 3, 3]);
  });
});
