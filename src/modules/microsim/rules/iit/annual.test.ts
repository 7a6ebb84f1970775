import { describe, expect, it } from 'vitest';
import { PARAMS } from '../test-helpers.js';
import { person } from '../test-helpers.js';
import { comprehensiveTax } from './calc.js';
import { isScale } from '../../engine/index.js';

const table = PARAMS.at('iit.comprehensive.annual_table', 20240101);

describe('comprehensive income, annual table', () => {
  it('PRODUCT.md: taxable 120,000 → 9,480', () => {
    if (!isScale(table)) throw new Error('scale expected');
    expect(comprehensiveTax(120000, table)).toBe(9480);
    // the same through the rules: 180,000 of wages, only the basic deduction
    const { p } = person(2024, { wage_monthly: 15000, si_insured: 0 });
    expect(p.iit_comprehensive_income_annual).toBe(180000);
    expect(p.iit_comprehensive_deductions_annual).toBe(60000);
    expect(p.iit_comprehensive_tax_annual).toBe(9480);
  });

  it('is continuous at every bracket limit', () => {
    if (!isScale(table)) throw new Error('scale expected');
    // the tax at each limit from the bracket below equals the tax from the bracket above
    const limits = [36000, 144000, 300000, 420000, 660000, 960000];
    const rates = [0.03, 0.1, 0.2, 0.25, 0.3, 0.35, 0.45];
    let below = 0;
    limits.forEach((x, i) => {
      below += (x - (i === 0 ? 0 : limits[i - 1])) * rates[i];
      expect(comprehensiveTax(x, table)).toBeCloseTo(below, 6);
    });
  });
});

describe('annual settlement (汇算清缴)', () => {
  it('refunds labour remuneration withheld when the year’s income is under the basic deduction', () => {
    // 2,000 a month withheld at (2,000 − 800) × 20% = 240; 80% × 24,000 = 19,200 < 60,000
    const { p } = person(2024, { labour_remuneration: new Array(12).fill(2000) });
    expect(p.iit_withheld_annual).toBe(2880);
    expect(p.iit_settlement_annual).toBe(-2880);
    expect(p.iit_annual).toBe(0);
  });

  it('asks for a payment when withholding rates were below the marginal rate', () => {
    // wages 50,000/month: T(540,000) = 109,080; labour 20,000/month: 16,000 × 20% = 3,200 → 38,400
    // settlement: 600,000 + 0.8 × 240,000 − 60,000 = 732,000 → 35% − 85,920 = 170,280
    const { p } = person(2024, { wage_monthly: 50000, si_insured: 0, labour_remuneration: 20000 });
    expect(p.iit_withheld_annual).toBe(109080 + 38400);
    expect(p.iit_comprehensive_tax_annual).toBe(170280);
    expect(p.iit_settlement_annual).toBe(22800);
    expect(p.iit_annual).toBe(170280);
  });

  it('waives payments when comprehensive income is at most 120,000 (财政部 税务总局公告2019年第94号)', () => {
    // wages 9,000: withheld T(48,000) = 2,280; labour 800/month withheld 0
    // due: 108,000 + 7,680 − 60,000 = 55,680 → 3,048; payment 768, income 117,600 ≤ 120,000
    const { p } = person(2024, { wage_monthly: 9000, si_insured: 0, labour_remuneration: 800 });
    expect(p.iit_comprehensive_tax_annual).toBe(3048);
    expect(p.iit_settlement_annual).toBe(0);
    expect(p.iit_annual).toBe(2280);
    // with 10,000 of wages the income is 129,600 and the 768 is due
    const q = person(2024, { wage_monthly: 10000, si_insured: 0, labour_remuneration: 800 }).p;
    expect(q.iit_settlement_annual).toBe(4248 - 3480);
  });

  it('waives no payment after 2027', () => {
    const { p } = person(2028, { wage_monthly: 9000, si_insured: 0, labour_remuneration: 800 });
    expect(p.iit_settlement_annual).toBe(768);
  });

  it('deducts the serious-illness and certificate amounts at settlement', () => {
    // 20,000 wages a month, no insurance: withheld T(180,000) = 19,080
    // settlement deductions: 60,000 + 3,600 + min(80,000, 50,000 − 15,000) = 98,600 → (240,000 − 98,600) = 141,400 → 11,620
    const { p } = person(2024, { wage_monthly: 20000, si_insured: 0, continuing_education_certificate: 1, serious_illness_expense_annual: 50000 });
    expect(p.special_deductions_extra_annual).toBe(38600);
    expect(p.iit_comprehensive_tax_annual).toBe(11620);
    expect(p.iit_settlement_annual).toBe(11620 - 19080);
  });
});

describe('annual bonus: separately or combined, whichever is lower', () => {
  it('keeps the bonus separate for a high earner (PRODUCT.md case plus a 36,000 bonus)', () => {
    const { p } = person(2024, { wage_monthly: 30000, social_insurance_employee_monthly: 4500, special_deductions_monthly: 2000, bonus_annual: 36000 });
    expect(p.iit_bonus_method).toBe(1);
    expect(p.iit_comprehensive_tax_annual).toBe(27480 + 1080); // combined would be 34,680
    expect(p.iit_settlement_annual).toBe(0);
  });

  it('combines it when the wages leave deductions unused, and refunds the bonus tax', () => {
    // wages 3,000 a month: 36,000 + 20,000 − 60,000 < 0 → no tax combined; 600 withheld separately
    const { p } = person(2024, { wage_monthly: 3000, si_insured: 0, bonus_annual: 20000 });
    expect(p.iit_bonus_withheld).toBe(600);
    expect(p.iit_bonus_method).toBe(2);
    expect(p.iit_comprehensive_tax_annual).toBe(0);
    expect(p.iit_settlement_annual).toBe(-600);
    expect(p.iit_annual).toBe(0);
  });
});

describe('special additional deductions, 2019 and 2023 amounts', () => {
  const inputs = { children_in_education: 2, elderly_support: 1, housing_loan: 1, continuing_education_degree: 1 };
  it('2019: 2 × 1,000 + 2,000 + 1,000 + 400', () => {
    expect((person(2019, inputs).p.special_deductions_monthly as number[])[0]).toBe(5400);
  });
  it('2023: 2 × 2,000 + 3,000 + 1,000 + 400 (国发〔2023〕13号)', () => {
    expect((person(2023, inputs).p.special_deductions_monthly as number[])[0]).toBe(8400);
  });
  it('infant care from 2022 (1,000), 2,000 from 2023; half when shared', () => {
    expect((person(2021, { infants: 1 }).p.special_deductions_monthly as number[])[0]).toBe(0);
    expect((person(2022, { infants: 1 }).p.special_deductions_monthly as number[])[0]).toBe(1000);
    expect((person(2023, { infants: 1, child_deduction_share: 0.5 }).p.special_deductions_monthly as number[])[0]).toBe(1000);
  });
  it('siblings share elderly support up to the cap; rent by city tier, not with a housing loan', () => {
    expect((person(2024, { elderly_support: 2 }).p.special_deductions_monthly as number[])[0]).toBe(1500);
    expect((person(2024, { rent_city_tier: 2 }).p.special_deductions_monthly as number[])[0]).toBe(1100);
    expect((person(2024, { rent_city_tier: 3, housing_loan: 1 }).p.special_deductions_monthly as number[])[0]).toBe(1000);
  });
  it('none for non-residents', () => {
    expect((person(2024, { ...inputs, domiciled: 0, days_in_china: 10 }).p.special_deductions_monthly as number[])[0]).toBe(0);
  });
});

describe('business income (经营所得)', () => {
  it('2024: owner without wages deducts 60,000 and insurance; half the tax relieved', () => {
    // 200,000 − 60,000 − 10,000 = 130,000 → 20% − 10,500 = 15,500; relief 50% → 7,750
    const { p } = person(2024, { business_income_annual: 200000, social_insurance_other_annual: 10000 });
    expect(p.iit_business_tax_annual).toBe(7750);
  });

  it('2024: relief only on the part of taxable income up to 2 million', () => {
    // taxable 3,000,000: T = 3,000,000 × 35% − 65,500 = 984,500; relief ½ × T(2,000,000) = ½ × 634,500
    const { p } = person(2024, { business_income_annual: 3060000 });
    expect(p.iit_business_tax_annual).toBe(984500 - 317250);
  });

  it('an owner with wages takes the deductions against the wages', () => {
    const { p } = person(2020, { business_income_annual: 100000, wage_monthly: 6000, si_insured: 0 });
    // 2020: no relief; 100,000 → 20% − 10,500 = 9,500
    expect(p.iit_business_tax_annual).toBe(9500);
  });

  it('2018: 9 months on the old table (3,500 a month), 3 on the new (5,000 a month) — 财税〔2018〕98号', () => {
    // taxable 100,000 − 3,500 × 9 − 5,000 × 3 = 53,500; old: 20% − 3,750 = 6,950; new: 10% − 1,500 = 3,850
    const { p } = person(2018, { business_income_annual: 100000 });
    expect(p.iit_business_tax_annual).toBe((6950 * 9 + 3850 * 3) / 12);
  });

  it('farming income is exempt', () => {
    expect(person(2024, { agricultural_income_annual: 100000 }).p.iit_annual).toBe(0);
  });
});

describe('the 20% classes', () => {
  it('dividends 20%, listed long-held exempt, deposit interest exempt since 2008-10-09', () => {
    const { p } = person(2024, { dividend_income_annual: 10000, listed_dividend_long_annual: 5000, deposit_interest_annual: 3000 });
    expect(p.iit_property_tax_annual).toBe(2000);
  });

  it('letting a home: 800 or 20% off each month’s rent, 10% (财税〔2008〕24号)', () => {
    const rent = [3000, 5000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    // (3,000 − 800) × 10% + 5,000 × 80% × 10%
    expect(person(2024, { rental_income: rent }).p.iit_property_tax_annual).toBe(220 + 400);
  });

  it('transfers and incidental income 20%, added to the year’s tax', () => {
    const { p } = person(2024, { property_transfer_gain_annual: 100000, incidental_income_annual: 10000 });
    expect(p.iit_annual).toBe(22000);
  });
});
