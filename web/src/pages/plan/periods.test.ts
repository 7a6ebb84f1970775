import { describe, expect, it } from 'vitest';
import { localToday, periodOf, recentPeriods } from './periods';

describe('reporting periods', () => {
  it('names the period containing a date as the server does', () => {
    expect(periodOf('2026-11-27', 'month')).toBe('2026-11');
    expect(periodOf('2026-11-27', 'quarter')).toBe('2026-Q4');
    expect(periodOf('2026-06-30', 'half')).toBe('2026-H1');
    expect(periodOf('2026-07-01', 'half')).toBe('2026-H2');
    expect(periodOf('2026-03-31', 'quarter')).toBe('2026-Q1');
  });

  it('lists the current period first, then earlier ones across the year boundary', () => {
    expect(recentPeriods('2026-02-15', 'month', 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(recentPeriods('2026-02-15', 'quarter', 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    expect(recentPeriods('2026-08-01', 'half', 3)).toEqual(['2026-H2', '2026-H1', '2025-H2']);
  });

  it('formats the local date', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
