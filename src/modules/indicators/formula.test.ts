import { describe, expect, it } from 'vitest';
import { elementsOf, evaluate, FormulaError, indicatorValue, parseFormula } from './formula.js';

const env = (vals: Record<string, number | null>) => (code: string, lag: number) => vals[lag ? `${code}@-${lag}` : code] ?? null;

describe('indicator formulas', () => {
  it('follows precedence and parentheses: 2 + 3 × 4 = 14, (2 + 3) × 4 = 20, 20 ÷ 4 − 1 = 4', () => {
    expect(evaluate(parseFormula('2 + 3 × 4'), env({}))).toBe(14);
    expect(evaluate(parseFormula('(2 + 3) * 4'), env({}))).toBe(20);
    expect(evaluate(parseFormula('20 ÷ 4 − 1'), env({}))).toBe(4);
    expect(evaluate(parseFormula('-3 - -2'), env({}))).toBe(-1);
    expect(evaluate(parseFormula('10 - 4 - 3'), env({}))).toBe(3);
    expect(evaluate(parseFormula('24 / 4 / 2'), env({}))).toBe(3);
  });

  it('resolves element codes and lags', () => {
    const f = parseFormula('admin.coop.land_share - admin.coop.land_share@-1');
    expect(elementsOf(f)).toEqual([{ code: 'admin.coop.land_share', lag: 0 }, { code: 'admin.coop.land_share', lag: 1 }]);
    expect(evaluate(f, env({ 'admin.coop.land_share': 46, 'admin.coop.land_share@-1': 36 }))).toBe(10);
  });

  it('gives null for missing data and division by zero', () => {
    expect(evaluate(parseFormula('a + b'), env({ a: 1 }))).toBeNull();
    expect(evaluate(parseFormula('a / b'), env({ a: 1, b: 0 }))).toBeNull();
  });

  it('computes numerator ÷ denominator × factor: 3,000 poor of 150,000 rural residents = 2%', () => {
    const def = { numerator: parseFormula('poor'), denominator: parseFormula('rural'), factor: 100 };
    expect(indicatorValue(def, env({ poor: 3000, rural: 150000 }))).toBeCloseTo(2, 12);
    expect(indicatorValue({ ...def, denominator: null, factor: 1 }, env({ poor: 3000 }))).toBe(3000);
    expect(indicatorValue(def, env({ poor: 3000, rural: 0 }))).toBeNull();
  });

  it('refuses malformed formulas with a Chinese message and position', () => {
    expect(() => parseFormula('(a + b')).toThrow(FormulaError);
    expect(() => parseFormula('a + ')).toThrow('公式不完整');
    expect(() => parseFormula('a $ b')).toThrow('第 3 个字符');
    expect(() => parseFormula('a b')).toThrow('多余');
    expect(() => parseFormula('')).toThrow('公式为空');
  });
});
