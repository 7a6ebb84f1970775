import { periodEnd } from './status.js';
import type { TaskColour } from './status.js';

/**
 * Department ranking for a supervision bulletin. Pure. For each department:
 * - reports due: for each task it leads (or is responsible for), every reporting period that has
 *   ended (plus the grace days) between the later of the task's start and the plan's import (no report
 *   could be asked for before the plan was in the system) and its close or today;
 * - on time: those periods with a consolidated report submitted by period end + grace;
 * - score = 50 × on-time rate + 40 × average progress / 100 + 10 × closed share − 5 × red tasks,
 *   not below 0 (a transparent rule the supervision office can read; shown beside the figures it comes from).
 */
export interface RankingTask {
  id: number;
  startDate: string;
  deadline: string;
  progress: number;
  closedAt: string | null;
  colour: TaskColour;
  units: { departmentId: number | null; role: string }[];
}

export interface RankingDepartment {
  id: number;
  name: string;
  kind: string;
}

export interface RankingInput {
  tasks: RankingTask[];
  departments: RankingDepartment[];
  /** Consolidated reports: task, period, submission time. */
  reports: { taskId: number; period: string; submittedAt: string }[];
  periods: (from: string, to: string) => string[];
  today: string;
  graceDays: number;
  /** Date the plan entered the system: periods ending before it are not counted as due. */
  countFrom?: string;
}

export interface RankingResult {
  departmentId: number;
  departmentName: string;
  kind: string;
  leadTasks: number;
  cooperatingTasks: number;
  reportsDue: number;
  reportsOnTime: number;
  onTimeRate: number;
  avgProgress: number;
  closed: number;
  red: number;
  yellow: number;
  score: number;
  rank: number;
}

const addDays = (d: string, n: number) => new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10);

export function rankDepartments(input: RankingInput): RankingResult[] {
  const firstReport = new Map<string, string>();
  for (const r of input.reports) {
    const k = `${r.taskId}|${r.period}`;
    const prev = firstReport.get(k);
    if (!prev || r.submittedAt < prev) firstReport.set(k, r.submittedAt);
  }
  const rows: RankingResult[] = [];
  for (const d of input.departments) {
    const led = input.tasks.filter((t) => t.units.some((u) => u.departmentId === d.id && u.role !== 'cooperating'));
    const coop = input.tasks.filter((t) => t.units.some((u) => u.departmentId === d.id && u.role === 'cooperating') && !led.includes(t));
    if (led.length + coop.length === 0) continue;
    let due = 0;
    let onTime = 0;
    for (const t of led) {
      const until = t.closedAt ? t.closedAt.slice(0, 10) : input.today < t.deadline ? input.today : t.deadline;
      const from = input.countFrom && input.countFrom > t.startDate ? input.countFrom : t.startDate;
      for (const p of input.periods(from, until)) {
        const dueOn = addDays(periodEnd(p), input.graceDays);
        if (dueOn >= input.today) continue; // not yet due
        due++;
        const sub = firstReport.get(`${t.id}|${p}`);
        if (sub && sub.slice(0, 10) <= dueOn) onTime++;
      }
    }
    const onTimeRate = due ? onTime / due : 1;
    const avgProgress = led.length ? led.reduce((s, t) => s + t.progress, 0) / led.length : 0;
    const closed = led.filter((t) => t.closedAt).length;
    const red = led.filter((t) => t.colour === 'red').length;
    const yellow = led.filter((t) => t.colour === 'yellow').length;
    const score = led.length ? Math.max(0, 50 * onTimeRate + (40 * avgProgress) / 100 + (10 * closed) / led.length - 5 * red) : 0;
    rows.push({
      departmentId: d.id, departmentName: d.name, kind: d.kind, leadTasks: led.length, cooperatingTasks: coop.length,
      reportsDue: due, reportsOnTime: onTime, onTimeRate: round(onTimeRate, 4), avgProgress: round(avgProgress, 1),
      closed, red, yellow, score: round(score, 1), rank: 0,
    });
  }
  // Rank within each kind of unit (departments with departments, county governments with county governments).
  const byKind = new Map<string, RankingResult[]>();
  for (const r of rows) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  for (const group of byKind.values()) {
    const ranked = group.filter((r) => r.leadTasks > 0).sort((a, b) => b.score - a.score || a.departmentName.localeCompare(b.departmentName, 'zh'));
    ranked.forEach((r, i) => (r.rank = i > 0 && ranked[i - 1].score === r.score ? ranked[i - 1].rank : i + 1));
  }
  return rows.sort((a, b) => a.kind.localeCompare(b.kind) || (a.rank || 999) - (b.rank || 999));
}

function round(x: number, digits: number) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Reporting periods overlapping [from, to]: months, quarters or half years. */
export function periodsBetween(type: 'month' | 'quarter' | 'half', from: string, to: string): string[] {
  const out: string[] = [];
  if (to < from) return out;
  const step = type === 'month' ? 1 : type === 'quarter' ? 3 : 6;
  let y = Number(from.slice(0, 4));
  let m = Math.floor((Number(from.slice(5, 7)) - 1) / step) * step + 1;
  const endKey = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (y * 12 + m <= endKey) {
    out.push(type === 'month' ? `${y}-${String(m).padStart(2, '0')}` : type === 'quarter' ? `${y}-Q${(m + 2) / 3}` : `${y}-H${m === 1 ? 1 : 2}`);
    m += step;
    if (m > 12) {
      m -= 12;
      y++;
    }
  }
  return out;
}
