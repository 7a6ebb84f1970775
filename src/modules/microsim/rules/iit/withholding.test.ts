import { describe, expect, it } from 'vitest';
import { person } from '../test-helpers.js';

describe('cumulative withholding of wages (国家税务总局公告2018年第61号)', () => {
  it('PRODUCT.md worked case: wage 30,000, social insurance 4,500, special deductions 2,000', () => {
    // also the second example in the 税务总局 解读 of 公告2018年第61号
    const { p } = person(2024, { wage_monthly: 30000, social_insurance_employee_monthly: 4500, special_deductions_monthly: 2000 });
    expect(p.iit_withheld_monthly).toEqual([555, 625, 1850, 1850, 1850, 1850, 1850, 2250, 3700, 3700, 3700, 3700]);
    expect(p.iit_withheld_annual).toBe(27480);
    expect(p.iit_comprehensive_tax_annual).toBe(27480);
    expect(p.iit_settlement_annual).toBe(0);
    expect(p.iit_annual).toBe(27480);
  });

  it('税务总局 解读 of 公告2018年第61号, first example: wage 10,000, 三险一金 1,500, children 1,000 → 75 a month', () => {
    const { p } = person(2019, { wage_monthly: 10000, social_insurance_employee_monthly: 1500, children_in_education: 1 });
    expect(p.special_deductions_monthly).toEqual(new Array(12).fill(1000));
    expect((p.iit_withheld_monthly as number[]).slice(0, 3)).toEqual([75, 75, 75]);
    // (10,000 − 5,000 − 1,500 − 1,000) × 12 = 30,000 → 3% all year
    expect(p.iit_annual).toBe(900);
  });

  it('counts the deduction only for months with a wage', () => {
    // employed from July: 6 × (20,000 − 5,000) = 90,000 cumulative by December
    const wages = [0, 0, 0, 0, 0, 0, 20000, 20000, 20000, 20000, 20000, 20000];
    const { p } = person(2024, { wage_monthly: wages, si_insured: 0 });
    const w = p.iit_withheld_monthly as number[];
    expect(w.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(w[6]).toBe(450); // 15,000 × 3%
    expect(w.reduce((a, b) => a + b, 0)).toBe(6480); // 90,000 × 10% − 2,520
    // at settlement the full 60,000 basic deduction applies: (120,000 − 60,000) × 10% − 2,520 = 3,480 → refund 3,000
    expect(p.iit_settlement_annual).toBe(-3000);
    expect(p.iit_annual).toBe(3480);
  });
});

describe('2018: three regimes', () => {
  it('3,500 with the old table Jan–Sep, 5,000 with the new monthly table Oct–Dec', () => {
    // Jan–Sep: 10,000 − 1,500 − 3,500 = 5,000 → 20% − 555 = 445; Oct–Dec: 3,500 → 10% − 210 = 140
    const { p } = person(2018, { wage_monthly: 10000, social_insurance_employee_monthly: 1500 });
    expect(p.iit_withheld_monthly).toEqual([445, 445, 445, 445, 445, 445, 445, 445, 445, 140, 140, 140]);
    expect(p.iit_annual).toBe(4425);
    expect(p.iit_settlement_annual).toBe(0);
    expect(p.special_deductions_monthly).toEqual(new Array(12).fill(0));
  });

  it('2017 is the old table all year', () => {
    const { p } = person(2017, { wage_monthly: 10000, social_insurance_employee_monthly: 1500 });
    expect(p.iit_annual).toBe(445 * 12);
  });

  it('2010: the 2,000 threshold and the nine-bracket table', () => {
    // 8,000 − 1,000 − 2,000 = 5,000 → 15% − 125 = 625
    const { p } = person(2010, { wage_monthly: 8000, social_insurance_employee_monthly: 1000 });
    expect(p.iit_withheld_monthly).toEqual(new Array(12).fill(625));
  });
});

describe('annual one-off bonus taxed separately', () => {
  it('PRODUCT.md: 36,000 → 1,080; 36,001 → 3,390.10', () => {
    expect(person(2024, { bonus_annual: 36000 }).p.iit_bonus_withheld).toBe(1080);
    expect(person(2024, { bonus_annual: 36001 }).p.iit_bonus_withheld).toBe(3390.1);
  });

  it('is withheld in the month it is paid', () => {
    const { p } = person(2024, { wage_monthly: 30000, social_insurance_employee_monthly: 4500, special_deductions_monthly: 2000, bonus_annual: 36000, bonus_month: 1 });
    expect((p.iit_withheld_monthly as number[])[0]).toBe(555 + 1080);
    expect(p.iit_bonus_method).toBe(1);
    expect(p.iit_annual).toBe(27480 + 1080);
  });

  it('before 2019, a wage below the deduction is made up from the bonus first (国税发〔2005〕9号)', () => {
    // 2010, wage 1,500 in December (threshold 2,000): bonus 60,000 − 500 = 59,500; ÷ 12 = 4,958.33 → 15% − 125
    const { p } = person(2010, { wage_monthly: 1500, social_insurance_employee_monthly: 0, bonus_annual: 60000 });
    expect(p.iit_bonus_withheld).toBe(8800);
  });

  it('non-residents: [(bonus ÷ 6) × rate − quick] × 6 (财政部 税务总局公告2019年第35号)', () => {
    // 60,000 ÷ 6 = 10,000 → 10% − 210 → (1,000 − 210) × 6
    const { p } = person(2024, { domiciled: 0, days_in_china: 100, bonus_annual: 60000 });
    expect(p.iit_resident).toBe(0);
    expect(p.iit_bonus_withheld).toBe(4740);
  });

  it('after 2027 the bonus joins the wages', () => {
    const { p } = person(2028, { wage_monthly: 30000, social_insurance_employee_monthly: 4500, special_deductions_monthly: 2000, bonus_annual: 36000 });
    expect(p.iit_bonus_withheld).toBe(0);
    expect(p.iit_bonus_method).toBe(2);
    // (222,000 + 36,000) × 20% − 16,920 = 34,680
    expect(p.iit_annual).toBe(34680);
    expect(p.iit_withheld_annual).toBe(34680);
  });
});

describe("labour remuneration, author's fees, royalties (公告2018年第61号 and its 解读)", () => {
  it('labour remuneration 2,000 → (2,000 − 800) × 20% = 240', () => {
    const { p } = person(2024, { labour_remuneration: [2000] });
    expect((p.iit_remuneration_withheld_monthly as number[])[0]).toBe(240);
  });

  it("author's fees 40,000 → (40,000 − 8,000) × 70% × 20% = 4,480", () => {
    const { p } = person(2024, { author_fees: [{ month: 3, amount: 40000 }] });
    expect((p.iit_withheld_monthly as number[])[2]).toBe(4480);
  });

  it('labour remuneration on 预扣率表二: 30,000 → 24,000 × 30% − 2,000; 100,000 → 80,000 × 40% − 7,000', () => {
    const { p } = person(2024, { labour_remuneration: [30000, 100000] });
    expect((p.iit_remuneration_withheld_monthly as number[]).slice(0, 2)).toEqual([5200, 25000]);
  });

  it('royalties 3,000 → (3,000 − 800) × 20% = 440; payments in one month add up', () => {
    const { p } = person(2024, { royalties: [{ month: 5, amount: 1000 }, { month: 5, amount: 2000 }] });
    expect((p.iit_remuneration_withheld_monthly as number[])[4]).toBe(440);
  });

  it('non-resident labour remuneration 20,000 → 16,000 × 20% − 1,410 = 1,790; author 10,000 → 5,600 × 10% − 210 = 350', () => {
    const { p } = person(2024, { domiciled: 0, days_in_china: 90, labour_remuneration: [20000, 0, 0], author_fees: [0, 10000] });
    expect((p.iit_remuneration_withheld_monthly as number[]).slice(0, 2)).toEqual([1790, 350]);
    expect(p.iit_settlement_annual).toBe(0);
    expect(p.iit_annual).toBe(2140);
  });

  it('non-resident wages: monthly table on wage − 5,000, no social-insurance deduction', () => {
    // 20,000 − 5,000 = 15,000 → 20% − 1,410 = 1,590
    const { p } = person(2024, { domiciled: 0, days_in_china: 182, wage_monthly: 20000, social_insurance_employee_monthly: 1000 });
    expect(p.iit_withheld_monthly).toEqual(new Array(12).fill(1590));
    // 183 days make a resident from 2019
    expect(person(2024, { domiciled: 0, days_in_china: 183 }).p.iit_resident).toBe(1);
    expect(person(2018, { domiciled: 0, days_in_china: 200 }).p.iit_resident).toBe(0);
  });
});
