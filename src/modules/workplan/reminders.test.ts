import { describe, expect, it } from 'vitest';
import type { TaskSummary } from '../../shared/api/workplan.js';
import { dueReminders } from './reminders.js';

const unit = (id: number, role: 'lead' | 'cooperating', departmentId: number) => ({ id, role, name: `单位${departmentId}`, departmentId, departmentCode: null, unmapped: false, ownerUserId: null, ownerName: null });
const task = (id: number, deadline: string, closedAt: string | null = null): TaskSummary => ({
  id, planId: 1, seq: id, ref: `二(一)${id}`, group: 'g', section: 's', title: `任务${id}`, startDate: '2026-01-01', deadline,
  progress: 50, lastReportOn: null, closeRequested: false, closedAt,
  status: { colour: 'green', reason: 'on_track', planned: 50, behind: 0, overdue: false, daysLeft: 0 },
  units: [unit(id * 10 + 1, 'lead', 1), unit(id * 10 + 2, 'cooperating', 2)], myRole: null,
});

describe('reminders', () => {
  it('warns the lead unit 3 days before the deadline, not 4', () => {
    const r = dueReminders([task(1, '2026-06-18')], new Set(), 'month', '2026-06-15');
    expect(r.filter((x) => x.kind === 'deadline_soon')).toHaveLength(1);
    expect(r[0]).toMatchObject({ departmentId: 1, taskId: 1 });
    expect(dueReminders([task(1, '2026-06-19')], new Set(), 'month', '2026-06-15').filter((x) => x.kind === 'deadline_soon')).toHaveLength(0);
  });
  it('escalates overdue tasks to the supervisors, not closed ones', () => {
    const r = dueReminders([task(1, '2026-06-01'), task(2, '2026-06-01', '2026-05-30T00:00:00Z')], new Set(), 'month', '2026-06-15');
    expect(r.map((x) => x.kind).sort()).toEqual(['overdue', 'overdue_escalation']);
    expect(r.find((x) => x.kind === 'overdue_escalation')!.audience).toBe('supervisors');
  });
  it('asks every unit that has not reported when the period ends within 3 days, once per department', () => {
    const reported = new Set(['1|11|2026-06']);
    const r = dueReminders([task(1, '2026-12-31')], reported, 'month', '2026-06-28');
    expect(r.map((x) => [x.kind, x.departmentId])).toEqual([['report_due', 2]]);
    // Two tasks naming the same departments: one summary each, listing both tasks.
    const two = dueReminders([task(1, '2026-12-31'), task(2, '2026-12-31')], new Set(), 'month', '2026-06-28');
    expect(two.map((x) => x.departmentId).sort()).toEqual([1, 2]);
    expect(two[0]).toMatchObject({ taskId: null, message: expect.stringContaining('2026-06 期有 2 项任务') });
    expect(dueReminders([task(1, '2026-12-31')], reported, 'month', '2026-06-26')).toEqual([]);
    // The same reminder has the same key on the next scan.
    expect(dueReminders([task(1, '2026-12-31')], reported, 'month', '2026-06-29')[0].dedupeKey).toBe(r[0].dedupeKey);
  });
});
