/**
 * Red/yellow/green status of a supervised task against its planned progress to date (序时进度).
 * Pure: dates in, status out. Dates are ISO yyyy-mm-dd.
 */
export interface StatusThresholds {
  /** Points behind planned progress from which a task is yellow (inclusive). */
  yellowBehind: number;
  /** Points behind from which a task is red (exclusive: more than this is red). */
  redBehind: number;
  /** A task with no progress this many days after its start is red. */
  unstartedDays: number;
}

export const DEFAULT_THRESHOLDS: StatusThresholds = { yellowBehind: 10, redBehind: 30, unstartedDays: 90 };

export type TaskColour = 'green' | 'yellow' | 'red' | 'done';
export type StatusReason = 'done' | 'on_track' | 'behind' | 'far_behind' | 'overdue' | 'unstarted';

export interface TaskStatus {
  colour: TaskColour;
  reason: StatusReason;
  /** Planned progress to date, 0–100. */
  planned: number;
  /** Planned minus actual, in points (negative when ahead). */
  behind: number;
  overdue: boolean;
  daysLeft: number;
}

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/** Linear planned progress between start and deadline, clamped to 0–100, rounded to 0.1. */
export function plannedProgress(start: string, deadline: string, today: string): number {
  const total = days(start, deadline);
  if (total <= 0) return today >= deadline ? 100 : 0;
  const p = (days(start, today) / total) * 100;
  return Math.round(Math.min(100, Math.max(0, p)) * 10) / 10;
}

export function taskStatus(
  t: { startDate: string; deadline: string; progress: number; closed: boolean },
  today: string,
  th: StatusThresholds = DEFAULT_THRESHOLDS,
): TaskStatus {
  const planned = plannedProgress(t.startDate, t.deadline, today);
  const behind = Math.round((planned - t.progress) * 10) / 10;
  const daysLeft = days(today, t.deadline);
  const overdue = !t.closed && today > t.deadline;
  const base = { planned, behind, overdue, daysLeft };
  if (t.closed) return { ...base, colour: 'done', reason: 'done' };
  if (overdue) return { ...base, colour: 'red', reason: 'overdue' };
  if (t.progress === 0 && days(t.startDate, today) >= th.unstartedDays) return { ...base, colour: 'red', reason: 'unstarted' };
  if (behind > th.redBehind) return { ...base, colour: 'red', reason: 'far_behind' };
  if (behind >= th.yellowBehind) return { ...base, colour: 'yellow', reason: 'behind' };
  return { ...base, colour: 'green', reason: 'on_track' };
}

/** The reporting period containing a date: "2026-11" (month), "2026-Q4" (quarter), "2026-H2" (half year). */
export function periodOf(date: string, type: 'month' | 'quarter' | 'half'): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  if (type === 'month') return `${y}-${String(m).padStart(2, '0')}`;
  if (type === 'quarter') return `${y}-Q${Math.ceil(m / 3)}`;
  return `${y}-H${m <= 6 ? 1 : 2}`;
}

/** Last day of a period, when its report is due. */
export function periodEnd(period: string): string {
  const y = Number(period.slice(0, 4));
  const rest = period.slice(5);
  const endMonth = rest.startsWith('Q') ? Number(rest[1]) * 3 : rest.startsWith('H') ? Number(rest[1]) * 6 : Number(rest);
  return new Date(Date.UTC(y, endMonth, 0)).toISOString().slice(0, 10);
}
