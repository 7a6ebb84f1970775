import { describe, expect, it } from 'vitest';
import { periodEnd, periodOf, plannedProgress, taskStatus } from './status.js';

const task = (progress: number, closed = false) => ({ startDate: '2026-01-01', deadline: '2026-12-31', progress, closed });

describe('序时进度 status', () => {
  it('computes planned progress linearly (hand-computed: 181 of 364 days = 49.7%)', () => {
    expect(plannedProgress('2026-01-01', '2026-12-31', '2026-07-01')).toBe(49.7);
    expect(plannedProgress('2026-01-01', '2026-12-31', '2025-12-01')).toBe(0);
    expect(plannedProgress('2026-01-01', '2026-12-31', '2027-03-01')).toBe(100);
  });
  it('is green up to 10 points behind, yellow from 10 to 30, red beyond 30', () => {
    // planned on 2026-07-01 is 49.7
    expect(taskStatus(task(40), '2026-07-01').colour).toBe('green'); // 9.7 behind
    expect(taskStatus(task(39.7), '2026-07-01').colour).toBe('yellow'); // exactly 10
    expect(taskStatus(task(19.7), '2026-07-01').colour).toBe('yellow'); // exactly 30
    expect(taskStatus(task(19), '2026-07-01')).toMatchObject({ colour: 'red', reason: 'far_behind', behind: 30.7 });
    expect(taskStatus(task(80), '2026-07-01')).toMatchObject({ colour: 'green', behind: -30.3 });
  });
  it('is red when overdue or unstarted for 3 months, done when closed', () => {
    expect(taskStatus(task(95), '2027-01-02')).toMatchObject({ colour: 'red', reason: 'overdue', overdue: true, daysLeft: -2 });
    expect(taskStatus(task(0), '2026-04-01')).toMatchObject({ colour: 'red', reason: 'unstarted' });
    expect(taskStatus(task(0), '2026-03-31').colour).toBe('yellow'); // 89 days: 24.5 behind, not yet "unstarted"
    expect(taskStatus(task(100, true), '2027-06-01').colour).toBe('done');
  });
  it('honours custom thresholds', () => {
    expect(taskStatus(task(44), '2026-07-01', { yellowBehind: 5, redBehind: 20, unstartedDays: 60 }).colour).toBe('yellow');
  });
  it('names periods and their due dates', () => {
    expect(periodOf('2026-11-27', 'month')).toBe('2026-11');
    expect(periodOf('2026-11-27', 'quarter')).toBe('2026-Q4');
    expect(periodOf('2026-05-01', 'half')).toBe('2026-H1');
    expect(periodEnd('2026-02')).toBe('2026-02-28');
    expect(periodEnd('2024-02')).toBe('2024-02-29');
    expect(periodEnd('2026-Q3')).toBe('2026-09-30');
    expect(periodEnd('2026-H2')).toBe('2026-12-31');
  });
});
