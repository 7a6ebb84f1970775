import { describe, expect, it } from 'vitest';
import { degreesOfFreedom, surveyDesign, withLonelyPsu } from './design.js';
import { svyBy, svyMean, svyTotal } from './estimators.js';

const w = Float64Array.from([10, 10, 20, 20, 30, 30]);

describe('survey design', () => {
  it('rejects PSUs that cross strata unless nested, like svydesign(nest = FALSE)', () => {
    const strata = ['a', 'a', 'b', 'b', 'c', 'c'];
    const psu = [1, 2, 1, 2, 1, 2];
    expect(() => surveyDesign({ weights: w, strata, psu })).toThrow('Clusters not nested in strata');
    const d = surveyDesign({ weights: w, strata, psu, nest: true });
    expect(d.nPsu).toBe(6);
    expect(degreesOfFreedom(d)).toBe(3);
  });
  it('rejects one PSU, negative weights, mixed fpc forms, fpc varying in a stratum', () => {
    expect(() => surveyDesign({ weights: w, psu: [1, 1, 1, 1, 1, 1] })).toThrow('only one primary sampling unit');
    expect(() => surveyDesign({ weights: Float64Array.from([1, -1]) })).toThrow('row 2');
    expect(() => surveyDesign({ weights: w, fpc: [0.5, 0.5, 10, 10, 10, 10] })).toThrow('all fpc');
    expect(() => surveyDesign({ weights: w, fpc: [100, 100, 100, 100, 100, 90] })).toThrow('varies within stratum');
    expect(() => surveyDesign({ weights: w, fpc: [3, 3, 3, 3, 3, 3] })).toThrow('more than 100%');
  });
  it('SRS by hand: mean and total with and without fpc', () => {
    // y = 1..4, equal weights 25 (N = 100): mean 2.5, s² = 5/3, se² = (1 − f) s²/n
    const y = Float64Array.from([1, 2, 3, 4]);
    const d = surveyDesign({ weights: new Float64Array(4).fill(25) });
    const m = svyMean(d, y);
    expect(m.estimate).toBe(2.5);
    expect(m.se).toBeCloseTo(Math.sqrt(5 / 3 / 4), 14);
    const f = surveyDesign({ weights: new Float64Array(4).fill(25), fpc: [100, 100, 100, 100] });
    expect(svyMean(f, y).se).toBeCloseTo(Math.sqrt(((1 - 0.04) * 5) / 3 / 4), 14);
    const t = svyTotal(d, y);
    expect(t.estimate).toBe(250);
    expect(t.se).toBeCloseTo(100 * Math.sqrt(5 / 3 / 4), 11);
    expect(t.ci[0]).toBeCloseTo(250 - 1.959963984540054 * t.se, 9);
  });
  it('a single-PSU stratum fails by default with R message, and rules change it', () => {
    const d = surveyDesign({ weights: Float64Array.from([1, 1, 1]), strata: ['x', 'y', 'y'] });
    const y = Float64Array.from([1, 2, 4]);
    expect(() => svyMean(d, y)).toThrow('Stratum (x) has only one PSU at stage 1');
    expect(svyMean(withLonelyPsu(d, 'certainty'), y).variance).toBe(svyMean(withLonelyPsu(d, 'remove'), y).variance);
    // average: the one stratum with 2 PSUs stands for both
    expect(svyMean(withLonelyPsu(d, 'average'), y).variance).toBeCloseTo(2 * svyMean(withLonelyPsu(d, 'remove'), y).variance, 15);
  });
  it('svyBy orders domains as R factor levels (numeric labels numerically)', () => {
    const d = surveyDesign({ weights: w });
    const by = ['10', '9', '10', '2', '9', '2'];
    expect(svyBy(d, by, (o) => svyTotal(d, new Float64Array(6).fill(1), o)).map((e) => [e.domain, e.estimate, e.n])).toEqual([
      ['2', 50, 2],
      ['9', 40, 2],
      ['10', 30, 2],
    ]);
  });
});
