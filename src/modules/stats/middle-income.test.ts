import { describe, expect, it } from 'vitest';
import { middleIncomeShare } from './middle-income.js';

// household incomes and sizes; per capita: 20,000 / 40,000 / 30,000 / 200,000
const h = { income: Float64Array.from([60_000, 120_000, 150_000, 400_000]), size: Float64Array.from([3, 3, 5, 2]) };

describe('middle-income share (NBS 100,000–500,000 元 for three people)', () => {
  it('per-capita convention, persons: 33,333–166,667 per person', () => {
    const r = middleIncomeShare(h);
    expect(r.comparableLower).toBeCloseTo(100_000 / 3, 9);
    // middle: 40,000 (3 people) and 30,000? no: 30,000 < 33,333; so 3 of 13 persons; above: 2
    expect(r.share).toBeCloseTo(3 / 13, 15);
    expect(r.below).toBeCloseTo(8 / 13, 15);
    expect(r.above).toBeCloseTo(2 / 13, 15);
  });
  it('household convention and household unit', () => {
    const r = middleIncomeShare(h, { convention: 'household', unit: 'household' });
    expect(r.share).toBeCloseTo(3 / 4, 15);
  });
  it('square-root equivalence and a price factor', () => {
    const r = middleIncomeShare(h, { convention: 'equivalence', priceFactor: 1.1 });
    // band / √3 × 1.1 = 63,509 – 317,543; household/√size: 34,641 / 69,282 / 67,082 / 282,843
    expect(r.share).toBeCloseTo(10 / 13, 15);
  });
});
