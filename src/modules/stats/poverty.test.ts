import { describe, expect, it } from 'vitest';
import { fgt, povertyProfile, relativePoverty, watts } from './poverty.js';

const s = { y: Float64Array.from([50, 100, 150, 200]), w: Float64Array.from([1, 2, 1, 4]) };

describe('poverty at a line', () => {
  it('hand-computed FGT and Watts at z = 150 (150 itself is not poor)', () => {
    // poor: 50 (w 1, gap 2/3), 100 (w 2, gap 1/3); N = 8
    expect(fgt(s, 150, 0)).toBeCloseTo(3 / 8, 15);
    expect(fgt(s, 150, 1)).toBeCloseTo((2 / 3 + 2 / 3) / 8, 15);
    expect(fgt(s, 150, 2)).toBeCloseTo((4 / 9 + 2 / 9) / 8, 15);
    expect(fgt(s, 150, 3)).toBeCloseTo((8 / 27 + 2 / 27) / 8, 15);
    expect(watts(s, 150)).toBeCloseTo((Math.log(3) + 2 * Math.log(1.5)) / 8, 15);
    const p = povertyProfile(s, 150);
    expect([p.fgt0, p.fgt1, p.fgt2, p.watts]).toEqual([fgt(s, 150, 0), fgt(s, 150, 1), fgt(s, 150, 2), watts(s, 150)]);
  });
  it('FGT(α) is non-increasing in α and zero below the poorest', () => {
    expect(fgt(s, 40, 0)).toBe(0);
    expect(fgt(s, 180, 0)).toBeGreaterThan(fgt(s, 180, 1));
    expect(fgt(s, 180, 1)).toBeGreaterThan(fgt(s, 180, 2));
  });
  it('Watts is infinite with a poor zero income', () => {
    expect(watts({ y: Float64Array.from([0, 10]), w: Float64Array.from([1, 1]) }, 5)).toBe(Infinity);
  });
  it('relative poverty: share below 60% of the median', () => {
    expect(relativePoverty(s, 150, 0.6)).toEqual({ line: 90, headcount: 1 / 8 });
  });
  it('rejects a non-positive line', () => {
    expect(() => fgt(s, 0, 0)).toThrow(RangeError);
  });
});
