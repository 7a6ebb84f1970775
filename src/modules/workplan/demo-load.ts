import { readFileSync } from 'node:fs';
import type { Actor } from '../audit/audit.service.js';
import { demoHistory } from './demo-history.js';
import type { WorkplanService } from './workplan.service.js';

export const SEED_PLAN_FILE = new URL('./seeds/liaoyang-2018-15-income-plan.txt', import.meta.url);

const addDays = (d: string, n: number) => new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Loads the Liaoyang plan with a supervision history. The document is from 2018; the demo supervises
 * it over a two-year period that started eleven months before `today`, so every status colour shows
 * against today's date (README says so). Reports are written by each lead unit's liaison
 * (`liaisonFor(departmentId)` gives the username) and reviewed by `supervisor`.
 */
export async function loadDemoPlan(
  plans: WorkplanService,
  opts: { today: string; supervisor: string; liaisonFor: (departmentId: number) => string | undefined; actor: Actor },
): Promise<{ planId: number; tasks: number; reports: number }> {
  const t = new Date(`${opts.today}T00:00:00Z`);
  const start = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - 11, 1)).toISOString().slice(0, 10);
  const end = addDays(new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 13, 1)).toISOString().slice(0, 10), -1);
  const { planId, duplicate } = await plans.importBytes(readFileSync(SEED_PLAN_FILE), 'liaoyang-2018-15-income-plan.txt', { startDate: start, endDate: end, periodType: 'month' }, opts.actor);
  if (duplicate) return { planId, tasks: 0, reports: 0 };
  const repo = plans.repo;
  await repo.setPlanCreatedAt(planId, `${start}T09:00:00.000Z`);
  const tasks = await repo.tasks(planId);
  const units = await repo.units(planId);
  const history = demoHistory(tasks.length, start, end, opts.today);
  let reports = 0;
  await repo.db.transaction().execute(async (trx) => {
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[i];
      const h = history[i];
      const lead = units.find((u) => u.task_id === task.id && u.role !== 'cooperating' && u.department_id != null);
      const coop = units.filter((u) => u.task_id === task.id && u.role === 'cooperating' && u.department_id != null);
      const leadUser = lead && opts.liaisonFor(lead.department_id!);
      let progress = 0;
      let lastOn: string | null = null;
      let closeRequested = 0;
      for (const r of h.reports) {
        if (!lead || !leadUser) break;
        const at = `${r.submittedOn}T09:30:00.000Z`;
        const reviewedAt = `${addDays(r.submittedOn, 2)}T15:00:00.000Z`;
        const c = coop[reports % Math.max(1, coop.length)];
        const coopUser = c && opts.liaisonFor(c.department_id!);
        if (c && coopUser && reports % 3 === 0) {
          await repo.insertReport({ task_id: task.id, task_unit_id: c.id, period: r.period, kind: 'unit', content: `${c.unit_name}按职责分工配合推进，本月完成相关配套工作。`, percent: r.percent, indicators: '[]', request_close: 0, status: 'incorporated', submitted_by: coopUser, submitted_at: `${addDays(r.submittedOn, -2)}T09:00:00.000Z`, reviewed_by: null, reviewed_at: null, review_comment: null }, trx);
          reports++;
        }
        if (r.returnedFirst) {
          await repo.insertReport({ task_id: task.id, task_unit_id: lead.id, period: r.period, kind: 'consolidated', content: `${r.period} 工作进展：推进中。`, percent: r.percent, indicators: '[]', request_close: 0, status: 'returned', submitted_by: leadUser, submitted_at: at, reviewed_by: opts.supervisor, reviewed_at: reviewedAt, review_comment: '进展描述过于笼统，请补充具体举措和量化成果' }, trx);
          reports++;
        }
        await repo.insertReport({
          task_id: task.id, task_unit_id: lead.id, period: r.period, kind: 'consolidated',
          content: progressText(task.title, r.percent), percent: r.percent, indicators: '[]', request_close: r.requestClose ? 1 : 0,
          status: r.approved ? 'approved' : 'submitted', submitted_by: leadUser, submitted_at: r.returnedFirst ? `${addDays(r.submittedOn, 2)}T10:00:00.000Z` : at,
          reviewed_by: r.approved ? opts.supervisor : null, reviewed_at: r.approved ? reviewedAt : null, review_comment: null,
        }, trx);
        reports++;
        if (r.approved) {
          progress = r.percent;
          lastOn = r.submittedOn;
          closeRequested = r.requestClose ? 1 : 0;
        }
      }
      await repo.updateTask(task.id, {
        deadline: h.deadline, progress, last_report_on: lastOn, close_requested: closeRequested,
        closed_at: h.closedOn ? `${h.closedOn}T16:00:00.000Z` : null, closed_by: h.closedOn ? opts.supervisor : null,
      }, trx);
    }
  });
  for (const task of tasks) {
    // Confirm the parser's proposed milestones (the demo supervisor "reviewed" them).
    for (const m of await repo.milestones(task.id)) await repo.updateMilestone(m.id, { proposed: 0 });
  }
  return { planId, tasks: tasks.length, reports };
}

function progressText(title: string, percent: number): string {
  if (percent >= 100) return `“${title}”各项工作已全部完成，相关制度文件已印发实施，申请办结销号。`;
  if (percent >= 60) return `“${title}”主体工作基本完成，正在督促配合单位落实剩余事项，完成进度约 ${percent}%。`;
  if (percent >= 30) return `“${title}”已制定实施方案并召开推进会，正在分解落实，完成进度约 ${percent}%。`;
  return `“${title}”正在开展调研、起草工作方案，完成进度约 ${percent}%。`;
}
