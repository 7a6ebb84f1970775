import { describe, expect, it } from 'vitest';
import { doublingPath, evaluateTarget, requiredGrowth, trendGrowth } from './targets.js';

const series = (start: number, values: number[]) => values.map((value, i) => ({ year: start + i, value }));

describe('target status', () => {
  it('trend: geometric mean growth over the last five years', () => {
    // 2013..2018 with 100 in 2013 and 161.051 in 2018: 10% a year
    expect(trendGrowth(series(2010, [50, 60, 70, 100, 110, 121, 133.1, 146.41, 161.051]))).toBeCloseTo(0.1, 10);
    // a two-year span is too short
    expect(trendGrowth(series(2016, [100, 110, 121]))).toBeNull();
    expect(trendGrowth(series(2016, [100, 110, 121, 133.1]))).toBeCloseTo(0.1, 10);
  });

  it('required growth: 100 → 121 in two years needs 10% a year', () => {
    expect(requiredGrowth(100, 121, 2)).toBeCloseTo(0.1, 12);
    expect(requiredGrowth(100, 121, 0)).toBeNull();
  });

  it('doubling by 2020 vs 2010 (multiple 2): on track when the trend projects past the goal', () => {
    // base 10,000 in 2010, goal 20,000; 2014..2017 grow 8% a year from 14,000
    const s = [{ year: 2010, value: 10000 }, ...series(2014, [14000, 15120, 16329.6, 17636.0])];
    const e = evaluateTarget({ kind: 'multiple', baseYear: 2010, baseValue: 10000, targetYear: 2020, targetValue: 2 }, s, 2017);
    expect(e.goal).toBe(20000);
    expect(e.latest).toEqual({ year: 2017, value: 17636.0 });
    // trend from 2014 (window 2012..2017): (17636/14000)^(1/3) − 1 ≈ 0.08
    expect(e.trendAnnualGrowth!).toBeCloseTo(0.08, 4);
    expect(e.projectedValue!).toBeCloseTo(17636 * 1.08 ** 3, 0); // ≈ 22,216
    expect(e.requiredAnnualGrowth!).toBeCloseTo((20000 / 17636) ** (1 / 3) - 1, 12); // ≈ 4.28%
    expect(e.status).toBe('on_track');
  });

  it('at risk within 10% short, off track beyond', () => {
    // 100 growing 2%/yr from 2014 to 2017: 106.1208; projection to 2020 ≈ 112.616; goal 120 → 6.2% short
    const s = series(2014, [100, 102, 104.04, 106.1208]);
    expect(evaluateTarget({ kind: 'level', baseYear: 2014, baseValue: 100, targetYear: 2020, targetValue: 120 }, s, 2017).status).toBe('at_risk');
    // goal 130 → 13.4% short
    expect(evaluateTarget({ kind: 'level', baseYear: 2014, baseValue: 100, targetYear: 2020, targetValue: 130 }, s, 2017).status).toBe('off_track');
  });

  it('at_most: the urban-rural ratio must not exceed the goal', () => {
    const s = series(2014, [2.6, 2.55, 2.5, 2.45]);
    const e = evaluateTarget({ kind: 'at_most', baseYear: 2017, baseValue: 2.45, targetYear: 2020, targetValue: 2.45 }, s, 2017);
    expect(e.status).toBe('achieved');
    const rising = series(2014, [2.3, 2.35, 2.4, 2.45]);
    const r = evaluateTarget({ kind: 'at_most', baseYear: 2014, baseValue: 2.3, targetYear: 2020, targetValue: 2.3 }, rising, 2017);
    // projection 2.45 × (2.45/2.3)^(3/3) = 2.6098 > 2.3 × 1.1 = 2.53
    expect(r.projectedValue!).toBeCloseTo(2.45 * (2.45 / 2.3), 10);
    expect(r.status).toBe('off_track');
  });

  it('after the target year, the value of the target year decides', () => {
    const s = series(2017, [36, 46, 52, 58, 63, 71, 78]);
    const t = { kind: 'level' as const, baseYear: 2017, baseValue: 36, targetYear: 2022, targetValue: 80 };
    expect(evaluateTarget(t, s, 2023).status).toBe('off_track'); // 71 < 80 in 2022
    expect(evaluateTarget({ ...t, targetValue: 70 }, s, 2023).status).toBe('achieved');
    expect(evaluateTarget({ ...t, targetValue: 70 }, s, 2023).requiredAnnualGrowth).toBeNull();
  });

  it('no data without values or without a base for a multiple', () => {
    expect(evaluateTarget({ kind: 'level', baseYear: 2018, baseValue: null, targetYear: 2020, targetValue: 0 }, [], 2020).status).toBe('no_data');
    expect(evaluateTarget({ kind: 'multiple', baseYear: 2010, baseValue: null, targetYear: 2020, targetValue: 2 }, series(2015, [1, 2]), 2016).status).toBe('no_data');
  });

  it('lower-is-better level targets: zero rural poor by 2020', () => {
    const s = series(2015, [12000, 8000, 5000]);
    // "at_most 0": not yet achieved, the trend (span 2 < 3) is too short → at risk
    expect(evaluateTarget({ kind: 'at_most', baseYear: 2015, baseValue: 12000, targetYear: 2020, targetValue: 0 }, s, 2017).status).toBe('at_risk');
    expect(evaluateTarget({ kind: 'at_most', baseYear: 2015, baseValue: 12000, targetYear: 2020, targetValue: 0 }, [...s, { year: 2020, value: 0 }], 2020).status).toBe('achieved');
  });

  it('doubling path: 2^(k/10) from the base', () => {
    const p = doublingPath(2010, 10000, 2020);
    expect(p).toHaveLength(11);
    expect(p[0].value).toBe(10000);
    expect(p[5].value).toBeCloseTo(10000 * Math.SQRT2, 8);
    expect(p[10].value).toBeCloseTo(20000, 8);
  });
});
