import { describe, expect, it } from 'vitest';
import { annualComprehensiveTax, bonusTax, businessIncomeTax, cumulativeWithholding, monthlyWageTaxOld } from './tax.js';

describe('annual comprehensive income table (PRODUCT.md)', () => {
  it('taxable 120,000 → 9,480', () => {
    expect(annualComprehensiveTax(120_000_00)).toBe(9_480_00);
  });
  it('is continuous at bracket edges: 36,000 → 1,080 both ways', () => {
    expect(annualComprehensiveTax(36_000_00)).toBe(1_080_00);
    expect(annualComprehensiveTax(36_000_01)).toBe(Math.round(36_000.01 * 0.1 * 100 - 2520_00));
  });
});

describe('cumulative withholding, PRODUCT.md worked case', () => {
  it('wage 30,000/month, social insurance 4,500, special deductions 2,000', () => {
    const out: number[] = [];
    let withheld = 0;
    for (let m = 1; m <= 12; m++) {
      const taxable = m * (30_000 - 4_500 - 2_000 - 5_000) * 100;
      const r = cumulativeWithholding(taxable, withheld);
      withheld = r.cumulative;
      out.push(r.thisMonth / 100);
    }
    expect(out).toEqual([555, 625, 1850, 1850, 1850, 1850, 1850, 2250, 3700, 3700, 3700, 3700]);
    expect(withheld).toBe(27_480_00);
  });
});

describe('annual one-off bonus (PRODUCT.md)', () => {
  it('36,000 → 1,080 and 36,001 → 3,390.10', () => {
    expect(bonusTax(2023, 36_000_00)).toBe(1_080_00);
    expect(bonusTax(2023, 36_001_00)).toBe(3_390_10);
  });
  it('uses the 2011 table before 2018: 24,000 → 2,400 − 105 = 2,295', () => {
    // 24,000 / 12 = 2,000 → 10 % bracket, quick deduction 105
    expect(bonusTax(2015, 24_000_00)).toBe(2_295_00);
  });
});

describe('monthly wage tax before 2019 (hand computations)', () => {
  it('2015: wage 8,000, social insurance 840 → (8,000 − 840 − 3,500) = 3,660 at 10 % − 105 = 261', () => {
    expect(monthlyWageTaxOld(2015, 6, 8_000_00, 840_00)).toBe(261_00);
  });
  it('2018 October uses 5,000 and the new table: 8,000 − 840 − 5,000 = 2,160 at 3 % = 64.80', () => {
    expect(monthlyWageTaxOld(2018, 10, 8_000_00, 840_00)).toBe(64_80);
  });
  it('2010 uses the 2,000 threshold and 9-bracket table: 4,000 − 400 − 2,000 = 1,600 at 10 % − 25 = 135', () => {
    expect(monthlyWageTaxOld(2010, 3, 4_000_00, 400_00)).toBe(135_00);
  });
});

describe('business income', () => {
  it('2019: 100,000 − 60,000 deduction = 40,000 at 10 % − 1,500 = 2,500', () => {
    expect(businessIncomeTax(2019, 100_000_00, 0, 12)).toBe(2_500_00);
  });
  it('2023: the same taxable income is halved to 1,250', () => {
    expect(businessIncomeTax(2023, 100_000_00, 0, 12)).toBe(1_250_00);
  });
  it('no tax below the deduction', () => {
    expect(businessIncomeTax(2020, 50_000_00, 0, 12)).toBe(0);
  });
});
