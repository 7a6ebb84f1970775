import { describe, expect, it } from 'vitest';
import { applyReformParameters, parseReform } from '../engine/index.js';
import { buildSystem } from '../rules/index.js';
import { PARAMS } from '../rules/test-helpers.js';
import { runReform } from './run.js';
import type { PolicyPopulation } from './types.js';

/** Baseline standards 800 urban / 600 rural (instead of the placeholders) so amounts are hand-checkable. */
const system = buildSystem(
  applyReformParameters(PARAMS, parseReform({ name: 'fixed', parameters: { 'dibao.standard.urban': { value: 800 }, 'dibao.standard.rural': { value: 600 } } })),
);
const plus10 = parseReform({ name: 'plus10', parameters: { 'dibao.standard.urban': { scale: 1.1 }, 'dibao.standard.rural': { scale: 1.1 } } });

/**
 * h0: one person, no income (urban); h1: two earners of 10,000 a month; h2: three persons, one
 * pension of 31,000 (per capita 861.11 a month, above 800, below 880); h3: one rural farmer with 6,000.
 */
function tiny(): PolicyPopulation {
  const persons = 7;
  const wage = new Float64Array(persons * 12);
  wage.fill(10000, 12, 36);
  return {
    persons,
    households: 4,
    personHousehold: Int32Array.from([0, 1, 1, 2, 2, 2, 3]),
    householdWeight: new Float64Array([1, 1, 1, 1]),
    inputs: {
      wage_monthly: wage,
      pension_annual: Float64Array.from([0, 0, 0, 31000, 0, 0, 0]),
      agricultural_income_annual: Float64Array.from([0, 0, 0, 0, 0, 0, 6000]),
      urban: Float64Array.from([1, 1, 1, 0]),
    },
    householdIds: ['h0', 'h1', 'h2', 'h3'],
    householdCounty: Uint16Array.from([0, 0, 1, 1]),
    counties: [{ code: 'A', name: 'A' }, { code: 'B', name: 'B' }],
    personGroups: Uint8Array.from([1, 0, 2, 1, 0, 0, 1]),
    groups: [{ key: 'g0', label: { zh: 'g0', en: 'g0' } }, { key: 'g1', label: { zh: 'g1', en: 'g1' } }],
    source: { kind: 'demo', description: 'test', year: 2024 },
  };
}

describe('reform results', () => {
  const r = runReform(system, tiny(), { year: 2024, reform: plus10 });

  it('costs the extra 低保: h0 +960, h2 +680 (newly eligible), h3 +720', () => {
    const dibao = r.budget.programmes.find((p) => p.programme === 'dibao')!;
    expect(dibao.baseline).toBeCloseTo(9600 + 1200, 6);
    // h2: (880 − 861.11) × 3 = 56.67 a month, rounded to the fen
    expect(dibao.change).toBeCloseTo(960 + 680.04 + 720, 6);
    expect(r.budget.netCost).toBeCloseTo(960 + 680.04 + 720, 6);
    expect(r.budget.programmes.find((p) => p.programme === 'iit')!.change).toBe(0);
  });

  it('classifies winners by their household’s relative gain (persons weighted)', () => {
    // h0 +10%, h3 +10%: gain more than 5%; h2 +680 / 31,000 = 2.2%; h1 unchanged
    expect(r.winnersLosers.gainMore5).toBeCloseTo(2 / 7, 12);
    expect(r.winnersLosers.gainLess5).toBeCloseTo(3 / 7, 12);
    expect(r.winnersLosers.noChange).toBeCloseTo(2 / 7, 12);
    expect(r.winnersLosers.loseLess5 + r.winnersLosers.loseMore5).toBe(0);
  });

  it('ranks households into deciles by baseline per-capita income', () => {
    // order: h3 (7,200), h0 (9,600), h2 (10,333), h1 → deciles 1, 3, 6, 8 of four equal households
    const share = (d: number) => r.deciles[d - 1].shareOfGains;
    expect(share(1)).toBeCloseTo(720 / 2360, 2);
    expect(share(3)).toBeCloseTo(960 / 2360, 2);
    expect(share(6)).toBeCloseTo(680 / 2360, 2);
    expect(share(8)).toBe(0);
    expect(r.deciles[0].change).toBeCloseTo(720, 6);
  });

  it('computes the Gini over persons as the pairwise-difference formula does', () => {
    // per-capita disposable income of each person's household, from the decile means (one household per decile here)
    const byHousehold = new Map<number, number>([[3, r.deciles[0].baseline], [0, r.deciles[2].baseline], [2, r.deciles[5].baseline], [1, r.deciles[7].baseline]]);
    const y = [0, 1, 1, 2, 2, 2, 3].map((h) => byHousehold.get(h)!);
    let diff = 0;
    for (const a of y) for (const b of y) diff += Math.abs(a - b);
    const mean = y.reduce((s, x) => s + x, 0) / y.length;
    expect(r.inequality.gini.baseline).toBeCloseTo(diff / (2 * y.length * y.length * mean), 12);
    expect(r.inequality.gini.reform).toBeLessThan(r.inequality.gini.baseline);
  });

  it('breaks results down by group and county, and is plain JSON', () => {
    const g0 = r.keyGroups[0];
    expect(g0.persons).toBe(3); // persons 0, 3 and 6
    expect(g0.budgetEffect).toBeCloseTo(960 + 680.04 / 3 + 720, 6);
    expect(r.counties.map((c) => c.persons)).toEqual([3, 4]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r.examples[0]).toMatchObject({ id: 'h0', why: '增收最多的家庭' });
  });
});
