import type { TaskSummary } from '../../shared/api/workplan.js';
import { periodEnd, periodOf } from './status.js';

/**
 * Which reminders are due today (pure). Each has a dedupe key, so running the scan again adds nothing:
 * - deadline_soon: an open task's deadline is within 3 days → its lead/responsible units;
 * - report_due: the current period ends within 3 days and a unit has not reported for it → one summary
 *   per department and period, listing its tasks (not one reminder per task);
 * - overdue: an open task is past its deadline → its lead units, and escalated to the supervisors.
 */
export interface Reminder {
  audience: 'department' | 'supervisors';
  departmentId: number | null;
  /** The task concerned; null for a department's summary of several tasks. */
  taskId: number | null;
  kind: 'deadline_soon' | 'report_due' | 'overdue' | 'overdue_escalation';
  message: string;
  dedupeKey: string;
}

const DAY = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);

export function dueReminders(
  tasks: TaskSummary[],
  reported: Set<string>, // `${taskId}|${unitId}|${period}`
  periodType: 'month' | 'quarter' | 'half',
  today: string,
  leadDays = 3,
): Reminder[] {
  const out: Reminder[] = [];
  const period = periodOf(today, periodType);
  const periodDue = periodEnd(period);
  const dueByDept = new Map<number, string[]>();
  for (const t of tasks) {
    if (t.closedAt) continue;
    const leads = t.units.filter((u) => u.role !== 'cooperating' && u.departmentId != null);
    const left = daysBetween(today, t.deadline);
    const label = `【${t.ref}】${t.title}`;
    if (left >= 0 && left <= leadDays) {
      for (const u of leads) {
        out.push({ audience: 'department', departmentId: u.departmentId, taskId: t.id, kind: 'deadline_soon', message: `${label} 将于 ${t.deadline} 到期（还剩 ${left} 天），请抓紧推进并报送进展`, dedupeKey: `deadline_soon:${t.id}:${u.id}:${t.deadline}` });
      }
    }
    if (left < 0) {
      for (const u of leads) {
        out.push({ audience: 'department', departmentId: u.departmentId, taskId: t.id, kind: 'overdue', message: `${label} 已超过完成时限 ${t.deadline}，请说明情况`, dedupeKey: `overdue:${t.id}:${u.id}` });
      }
      out.push({ audience: 'supervisors', departmentId: null, taskId: t.id, kind: 'overdue_escalation', message: `${label} 已逾期（完成时限 ${t.deadline}，牵头单位：${leads.map((u) => u.name).join('、') || '未指定'}）`, dedupeKey: `overdue_escalation:${t.id}` });
    }
    const toPeriodEnd = daysBetween(today, periodDue);
    if (left >= 0 && toPeriodEnd >= 0 && toPeriodEnd <= leadDays && t.startDate <= periodDue) {
      for (const u of t.units) {
        if (u.departmentId == null || reported.has(`${t.id}|${u.id}|${period}`)) continue;
        dueByDept.set(u.departmentId, [...(dueByDept.get(u.departmentId) ?? []), t.ref]);
      }
    }
  }
  for (const [departmentId, refs] of dueByDept) {
    const list = refs.length > 6 ? `${refs.slice(0, 6).join('、')} 等` : refs.join('、');
    out.push({
      audience: 'department', departmentId, taskId: refs.length === 1 ? tasks.find((t) => t.ref === refs[0])!.id : null, kind: 'report_due',
      message: `${period} 期有 ${refs.length} 项任务的进展报告将于 ${periodDue} 截止，请按时报送：${list}`, dedupeKey: `report_due:${departmentId}:${period}`,
    });
  }
  return out;
}
