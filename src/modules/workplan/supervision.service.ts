import type { RankingRow, TaskSummary } from '../../shared/api/workplan.js';
import { nowIso } from '../../shared/time.js';
import { notFound } from '../app-error.js';
import type { DepartmentsService } from '../org/departments.service.js';
import type { Viewer } from './access.js';
import { periodsBetween, rankDepartments } from './ranking.js';
import { dueReminders } from './reminders.js';
import type { WorkplanService } from './workplan.service.js';

const today = () => new Date().toISOString().slice(0, 10);

/** The supervision office's views across a plan: rankings, overdue work, reminders. */
export class SupervisionService {
  constructor(
    private readonly plans: WorkplanService,
    private readonly departments: DepartmentsService,
  ) {}

  private async plan(planId: number) {
    const p = await this.plans.repo.plan(planId);
    if (!p) throw notFound('方案');
    return p;
  }

  async ranking(planId: number, v: Viewer, asOf = today(), graceDays = 5): Promise<RankingRow[]> {
    const plan = await this.plan(planId);
    const type = plan.period_type as 'month' | 'quarter' | 'half';
    const tasks = await this.plans.tasks(planId, v, asOf);
    const reports = await this.plans.repo.consolidatedReports(planId);
    const involved = new Set(tasks.flatMap((t) => t.units.map((u) => u.departmentId)).filter((x): x is number => x != null));
    const departments = (await this.departments.list()).filter((d) => involved.has(d.id));
    return rankDepartments({
      tasks: tasks.map((t) => ({ id: t.id, startDate: t.startDate, deadline: t.deadline, progress: t.progress, closedAt: t.closedAt, colour: t.status.colour, units: t.units })),
      departments,
      reports: reports.filter((r) => r.status !== 'returned').map((r) => ({ taskId: r.task_id, period: r.period, submittedAt: r.submitted_at })),
      periods: (a, b) => periodsBetween(type, a, b),
      today: asOf,
      graceDays,
      countFrom: plan.created_at.slice(0, 10),
    });
  }

  async overdue(planId: number, v: Viewer, asOf = today()): Promise<TaskSummary[]> {
    return (await this.plans.tasks(planId, v, asOf)).filter((t) => t.status.overdue).sort((a, b) => a.deadline.localeCompare(b.deadline));
  }

  /** Creates today's reminders for every plan (idempotent); returns how many were new. */
  async scanReminders(asOf = today()): Promise<number> {
    const cityViewer: Viewer = { roles: ['supervisor'], regionCode: '211000', departmentId: null };
    let added = 0;
    for (const p of await this.plans.repo.plans()) {
      const tasks = await this.plans.tasks(p.id, cityViewer, asOf);
      const reported = new Set<string>();
      for (const t of tasks) for (const r of await this.plans.repo.reports(t.id)) if (r.status !== 'returned') reported.add(`${t.id}|${r.task_unit_id}|${r.period}`);
      for (const r of dueReminders(tasks, reported, p.period_type as 'month', asOf)) {
        const ok = await this.plans.repo.addNotification({
          user_id: null, department_id: r.departmentId, audience: r.audience, task_id: r.taskId, kind: r.kind, message: r.message,
          dedupe_key: r.dedupeKey, created_at: nowIso(), read_at: null,
        });
        if (ok) added++;
      }
    }
    return added;
  }
}
