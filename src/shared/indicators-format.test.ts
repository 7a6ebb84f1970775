import { describe, expect, it } from 'vitest';
import { formatCi, formatIndicator, formatGrowth, formatNumber, formatPercent, formatPeriod, formatValue, formatWithUnit, growthWords, roundTo } from './indicators-format.js';

describe('indicator formatting shared by dashboard and report', () => {
  it('rounds half away from zero, robust to binary fractions', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(0.0449999, 2)).toBe(0.04);
    expect(roundTo(-0.0001, 2)).toBe(0);
  });
  it('groups thousands and keeps fixed decimals', () => {
    expect(formatNumber(52318.4)).toBe('52,318');
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
    expect(formatNumber(999.5)).toBe('1,000');
    expect(formatNumber(-1234.5)).toBe('-1,235');
    expect(formatNumber(12, 2)).toBe('12.00');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
  it('writes fractions as percentages and growth in Chinese words', () => {
    expect(formatPercent(0.0674)).toBe('6.7%');
    expect(formatPercent(0.23456, 2)).toBe('23.46%');
    expect(formatGrowth(-0.012)).toBe('-1.2%');
    expect(growthWords(0.0674)).toBe('增长6.7%');
    expect(growthWords(-0.0125)).toBe('下降1.3%');
    expect(growthWords(0.0004)).toBe('持平');
    expect(growthWords(null)).toBe('—');
  });
  it('formats by unit and decimals of the definition', () => {
    expect(formatValue(52318.4, { unit: '元', decimals: 0 })).toBe('52,318');
    expect(formatWithUnit(52318.4, { unit: '元', decimals: 0 })).toBe('52,318元');
    // an indicator in '%' holds percent (catalogue factor 100); a fraction column says so
    expect(formatWithUnit(31.247, { unit: '%', decimals: 1 })).toBe('31.2%');
    expect(formatValue(0.0674, { unit: '%', decimals: 1, fraction: true })).toBe('6.7%');
    expect(formatValue(null, { unit: '%', decimals: 1 })).toBe('—');
    expect(formatWithUnit(2.3149, { unit: '', decimals: 2 })).toBe('2.31');
    expect(formatIndicator({ value: 5, suppressed: true }, { unit: '元', decimals: 0 })).toBe('（已抑制）');
    expect(formatIndicator({ value: null }, { unit: '元', decimals: 0 })).toBe('—');
    expect(formatCi([50811.6, 53824.2], { unit: '元', decimals: 0 })).toBe('[50,812, 53,824]');
  });
  it('names periods in Chinese', () => {
    expect(formatPeriod('2025')).toBe('2025年');
    expect(formatPeriod('2025-Q3')).toBe('2025年第三季度');
    expect(formatPeriod('2025-07')).toBe('2025年7月');
  });
});
