import { describe, expect, it } from 'vitest';
import { calc } from './test-helpers.js';

/** Known average wages for hand computation: combined = 0.6 × 10,000 + 0.4 × 5,000 = 8,000. */
const wages = (reference?: string) => ({
  name: 'test wages',
  parameters: {
    'social_insurance.average_wage.non_private': { value: 10000 },
    'social_insurance.average_wage.private': { value: 5000 },
    'social_insurance.average_wage.private_employment_share': { value: 0.4 },
    ...(reference ? { 'social_insurance.base.reference': { value: reference } } : {}),
  },
});

function one(year: number, inputs: Record<string, unknown>, reference?: string) {
  return calc({ year, people: { p: inputs }, reform: wages(reference) }).people.p;
}

describe('employee social insurance and housing fund', () => {
  it('caps the base at 300% of the combined average wage (国办发〔2019〕13号)', () => {
    const p = one(2024, { wage_monthly: 30000 });
    expect((p.si_contribution_base_monthly as number[])[0]).toBe(24000);
    // 8% + 2% + 0.5% of 24,000
    expect((p.si_pension_employee_monthly as number[])[0]).toBe(1920);
    expect((p.si_medical_employee_monthly as number[])[0]).toBe(480);
    expect((p.si_unemployment_employee_monthly as number[])[0]).toBe(120);
    expect(p.social_insurance_employee_annual).toBe(2520 * 12);
  });

  it('raises a low wage to 60% of the average', () => {
    const p = one(2024, { wage_monthly: 3000 });
    expect((p.social_insurance_employee_monthly as number[])[0]).toBe(4800 * 0.105);
  });

  it('plan 三(三)4: the non-private reference gives a higher floor and cap than the combined average', () => {
    // non-private reference: floor 6,000, cap 30,000
    expect((one(2024, { wage_monthly: 3000 }, 'non_private').social_insurance_employee_monthly as number[])[0]).toBe(630);
    expect((one(2024, { wage_monthly: 40000 }, 'non_private').social_insurance_employee_monthly as number[])[0]).toBe(3150);
    // before 2019-05-01 the baseline is the non-private average; from May the combined one
    const p = one(2019, { wage_monthly: 3000 });
    expect((p.si_contribution_base_monthly as number[]).slice(3, 5)).toEqual([6000, 4800]);
  });

  it('uses the declared base when there is one, and nothing for uninsured or unpaid months', () => {
    const p = one(2024, { wage_monthly: [0, 9000, 9000, 9000, 9000, 9000, 9000, 9000, 9000, 9000, 9000, 9000], si_declared_base_monthly: 7000 });
    expect((p.si_contribution_base_monthly as number[]).slice(0, 2)).toEqual([0, 7000]);
    expect((one(2024, { wage_monthly: 9000, si_insured: 0 }).social_insurance_employee_monthly as number[])[0]).toBe(0);
  });

  it('adds the housing fund at the person’s rate, capped at 12% of 3 × the average wage', () => {
    const p = one(2024, { wage_monthly: 30000, hpf_rate: 0.12 });
    expect((p.hpf_employee_monthly as number[])[0]).toBe(2880);
    expect((p.social_insurance_employee_monthly as number[])[0]).toBe(2520 + 2880);
    expect((one(2024, { wage_monthly: 10000, hpf_rate: 0.2 }).hpf_employee_monthly as number[])[0]).toBe(1200);
  });

  it('reduces the income tax through the special deduction', () => {
    // 10,000 wage: insurance 1,050 → cumulative (10,000 − 5,000 − 1,050) × 3% = 118.50 in January
    const p = one(2024, { wage_monthly: 10000 });
    expect((p.iit_withheld_monthly as number[])[0]).toBe(118.5);
  });
});
