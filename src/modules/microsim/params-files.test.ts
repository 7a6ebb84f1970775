import { describe, expect, it } from 'vitest';
import { loadParameters, readParameterFiles } from './params-files.js';

describe('params/*.yaml', () => {
  const files = readParameterFiles();

  it('holds one file per programme', () => {
    expect(files.map((f) => f.programme).sort()).toEqual(['dibao', 'iit', 'minimum_wage', 'social_insurance']);
  });

  it('labels every placeholder as one, in the reference an administrator reads', () => {
    const placeholders = files.flatMap((f) => f.parameters.flatMap((p) => p.values.filter((v) => v.placeholder).map((v) => ({ p: p.name, ref: v.ref }))));
    for (const x of placeholders) expect(x.ref, x.p).toMatch(/PLACEHOLDER/);
    // the 低保 standards are placeholders in every year: we do not have Liaoyang's notices
    const set = loadParameters();
    for (const area of ['urban', 'rural']) {
      for (const v of set.def(`dibao.standard.${area}`).values) expect(v.placeholder).toBe(true);
    }
    // and figures from the law are not
    expect(set.entry('iit.comprehensive.basic_deduction', 20240101)?.placeholder).toBeUndefined();
  });

  it('gives the Liaoning minimum wage tiers from 2024-05-01', () => {
    const set = loadParameters();
    expect([1, 2, 3].map((t) => set.at(`minimum_wage.tier${t}`, 20240501))).toEqual([2100, 1900, 1700]);
    expect(set.entry('minimum_wage.tier1', 20240430)).toBeUndefined();
  });

  it('switches the monthly wage deduction from 3,500 to 5,000 on 2018-10-01', () => {
    const set = loadParameters();
    expect(set.at('iit.monthly_deduction', 20180901)).toBe(3500);
    expect(set.at('iit.monthly_deduction', 20181001)).toBe(5000);
  });
});
