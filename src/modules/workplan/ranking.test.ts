import { describe, expect, it } from 'vitest';
import { periodsBetween, rankDepartments } from './ranking.js';

describe('periods', () => {
  it('lists months, quarters and halves overlapping a range', () => {
    expect(periodsBetween('month', '2026-01-15', '2026-04-01')).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(periodsBetween('quarter', '2025-11-01', '2026-04-01')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(periodsBetween('half', '2026-03-01', '2026-12-31')).toEqual(['2026-H1', '2026-H2']);
    expect(periodsBetween('month', '2026-05-01', '2026-04-01')).toEqual([]);
  });
});

describe('department ranking', () => {
  it('computes on-time rates and scores by hand-checked rules', () => {
    const tasks = [
      { id: 1, startDate: '2026-01-01', deadline: '2026-12-31', progress: 50, closedAt: null, colour: 'green' as const, units: [{ departmentId: 10, role: 'lead' }, { departmentId: 20, role: 'cooperating' }] },
      { id: 2, startDate: '2026-01-01', deadline: '2026-12-31', progress: 10, closedAt: null, colour: 'red' as const, units: [{ departmentId: 20, role: 'lead' }] },
    ];
    const reports = [
      { taskId: 1, period: '2026-01', submittedAt: '2026-02-03T08:00:00Z' }, // on time (due 02-05)
      { taskId: 1, period: '2026-02', submittedAt: '2026-03-09T08:00:00Z' }, // late (due 03-05)
      { taskId: 1, period: '2026-03', submittedAt: '2026-04-01T08:00:00Z' }, // on time
      { taskId: 2, period: '2026-01', submittedAt: '2026-02-01T08:00:00Z' }, // on time
    ];
    const rows = rankDepartments({
      tasks,
      departments: [{ id: 10, name: '市人力资源社会保障局', kind: 'department' }, { id: 20, name: '市财政局', kind: 'department' }, { id: 30, name: '市审计局', kind: 'department' }],
      reports,
      periods: (a, b) => periodsBetween('month', a, b),
      today: '2026-04-10',
      graceDays: 5,
    });
    // Periods due by 04-10: Jan (02-05), Feb (03-05), Mar (04-05); Apr not yet.
    const hr = rows.find((r) => r.departmentId === 10)!;
    expect(hr).toMatchObject({ leadTasks: 1, reportsDue: 3, reportsOnTime: 2, onTimeRate: 0.6667, avgProgress: 50, red: 0 });
    expect(hr.score).toBeCloseTo(50 * (2 / 3) + 20, 1); // 53.3
    const fin = rows.find((r) => r.departmentId === 20)!;
    expect(fin).toMatchObject({ leadTasks: 1, cooperatingTasks: 1, reportsDue: 3, reportsOnTime: 1, red: 1 });
    expect(fin.score).toBeCloseTo(50 / 3 + 4 - 5, 1); // 15.7
    expect(hr.rank).toBe(1);
    expect(fin.rank).toBe(2);
    expect(rows.some((r) => r.departmentId === 30)).toBe(false);
  });

  it('counts no report as due before the plan was imported, and never scores below 0', () => {
    const tasks = [{ id: 1, startDate: '2026-01-01', deadline: '2026-12-31', progress: 0, closedAt: null, colour: 'red' as const, units: [{ departmentId: 10, role: 'lead' }] }];
    const base = { tasks, departments: [{ id: 10, name: '市财政局', kind: 'department' }], reports: [], periods: (a: string, b: string) => periodsBetween('month', a, b), today: '2026-04-10', graceDays: 5 };
    expect(rankDepartments(base)[0]).toMatchObject({ reportsDue: 3, score: 0 }); // 50·0 + 0 + 0 − 5 → floored
    // Imported on 2026-03-20: only March (due 04-05) counts.
    expect(rankDepartments({ ...base, countFrom: '2026-03-20' })[0]).toMatchObject({ reportsDue: 1, reportsOnTime: 0 });
  });
});
