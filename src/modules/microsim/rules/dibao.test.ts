import { describe, expect, it } from 'vitest';
import { refusalStreaks, REFERRAL_OUTCOME as O } from './referrals.js';
import { calc } from './test-helpers.js';

/** Standard 800 urban, 600 rural; disregard 30% of the standard; stop the share after 3 refusals. */
const STANDARD = {
  name: 'test standards',
  parameters: {
    'dibao.standard.urban': { value: 800 },
    'dibao.standard.rural': { value: 600 },
    'dibao.employment_disregard.share_of_standard': { value: 0.3 },
    'dibao.sanction.reduction_share': { value: 1 },
  },
};

const family = (extra: Record<string, unknown> = {}, reform: Record<string, unknown> = STANDARD) =>
  calc({
    year: 2024,
    people: { a: { wage_monthly: 1000, si_insured: 0 }, b: extra, c: {} },
    households: { h: { members: ['a', 'b', 'c'], area: 'urban' } },
    reform,
  }).households.h;

describe('低保', () => {
  it('pays (standard − per-capita income) × members, disregarding employment costs', () => {
    // income 12,000 − 12 × min(1,000, 240) = 9,120 → 253.33 per member per month; (800 − 253.33) × 3 = 1,640
    const h = family();
    expect(h.dibao_employment_disregard_monthly).toEqual(new Array(12).fill(240));
    expect(h.dibao_assessed_income_per_capita_monthly).toBeCloseTo(253.33, 2);
    expect(h.dibao_monthly).toEqual(new Array(12).fill(1640));
    expect(h.dibao_annual).toBe(1640 * 12);
  });

  it('uses the rural standard for rural households', () => {
    const r = calc({ year: 2024, people: { a: { pension_annual: 1200 } }, households: { h: { members: ['a'], area: 'rural' } }, reform: STANDARD });
    expect(r.households.h.dibao_monthly).toEqual(new Array(12).fill(500));
  });

  it('pays nothing above the standard, or without an application', () => {
    expect(family({ wage_monthly: 3000, si_insured: 0 }).dibao_annual).toBe(0);
    const r = calc({ year: 2024, people: { a: {} }, households: { h: { members: ['a'], dibao_take_up: 0 } }, reform: STANDARD });
    expect(r.households.h.dibao_annual).toBe(0);
  });

  it('stops a member’s share from the month after the third consecutive unjustified refusal', () => {
    const referrals = [
      { date: '2024-01-10', outcome: 'refused_with_reason' },
      { date: '2024-02-03', outcome: 'refused_without_reason' },
      { date: '2024-03-03', outcome: 'no_show' },
      { date: '2024-04-20', outcome: 'refused_without_reason' },
    ];
    const h = family({ referrals });
    const expected = [1640, 1640, 1640, 1640, ...new Array(8).fill(1093.33)];
    expect(h.dibao_monthly).toEqual(expected);
    // half the share when the city only reduces it
    const half = family({ referrals }, { ...STANDARD, parameters: { ...STANDARD.parameters, 'dibao.sanction.reduction_share': { value: 0.5 } } });
    expect((half.dibao_monthly as number[])[11]).toBe(1366.67);
  });

  it('selects the fixed-amount disregard as an alternative formula', () => {
    const h = family({}, { ...STANDARD, parameters: { ...STANDARD.parameters, 'dibao.employment_disregard.fixed_amount': { value: 200 } }, formulas: { dibao_employment_disregard_monthly: 'fixed_amount' } });
    // (12,000 − 2,400) / 36 = 266.67 → (800 − 266.67) × 3 = 1,600
    expect(h.dibao_monthly).toEqual(new Array(12).fill(1600));
  });

  it('raising the standard by 10% raises the benefit by 10% of the standard per member', () => {
    const base = family();
    const plus = family({}, { name: 'plus', parameters: { ...STANDARD.parameters, 'dibao.standard.urban': { value: 880 } } });
    // the disregard follows the standard: 264 → income (12,000 − 3,168) / 36 = 245.33 → (880 − 245.33) × 3 = 1,904
    expect((plus.dibao_monthly as number[])[0]).toBe(1904);
    expect((base.disposable_income_annual as number) + 264 * 12).toBe(plus.disposable_income_annual);
  });
});

describe('referral records → refusal runs', () => {
  it('counts consecutive unjustified refusals, carried over from earlier years', () => {
    const s = refusalStreaks([20231105, 20231210, 20240115, 20240302, 20240601], [O.refused_without_reason, O.no_show, O.refused_without_reason, O.accepted, O.refused_without_reason], 2024, true);
    expect(s.initial).toBe(2);
    expect(s.monthly).toEqual([3, 3, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
    // without counting no-shows the run before 2024 is 1
    expect(refusalStreaks([20231105, 20231210], [O.refused_without_reason, O.no_show], 2024, false).initial).toBe(1);
  });
});
