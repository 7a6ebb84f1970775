/** The task matrix as data: unit columns, rows grouped by 重点任务, filters. Pure. */
import type { TaskColour, TaskSummary, TaskUnit, UnitRole } from './api';

export interface UnitColumn {
  /** departmentId as a string, or `name:<unit name>` for a name not in the directory. */
  key: string;
  name: string;
  departmentId: number | null;
  unmapped: boolean;
  county: boolean;
  lead: number;
  cooperating: number;
}

export const unitKey = (u: Pick<TaskUnit, 'departmentId' | 'name'>): string => (u.departmentId != null ? String(u.departmentId) : `name:${u.name}`);

const isCounty = (u: Pick<TaskUnit, 'departmentCode'>) => !!u.departmentCode && (u.departmentCode.startsWith('gov_') || u.departmentCode === 'counties_all');

/**
 * Every unit named by the tasks, one column each: city units first, most leading roles first (then most
 * tasks overall), then county governments, then names an administrator still has to map.
 */
export function unitColumns(tasks: readonly TaskSummary[]): UnitColumn[] {
  const cols = new Map<string, UnitColumn>();
  for (const t of tasks) {
    const seen = new Set<string>();
    for (const u of t.units) {
      const key = unitKey(u);
      if (seen.has(key)) continue;
      seen.add(key);
      let c = cols.get(key);
      if (!c) {
        c = { key, name: u.name, departmentId: u.departmentId, unmapped: u.unmapped, county: isCounty(u), lead: 0, cooperating: 0 };
        cols.set(key, c);
      }
      if (u.role === 'cooperating') c.cooperating++;
      else c.lead++;
    }
  }
  const rank = (c: UnitColumn) => (c.unmapped ? 2 : c.county ? 1 : 0);
  return [...cols.values()].sort(
    (a, b) => rank(a) - rank(b) || b.lead - a.lead || b.lead + b.cooperating - (a.lead + a.cooperating) || a.name.localeCompare(b.name, 'zh'),
  );
}

/** The strongest part a unit plays in a task (a unit named twice keeps its lead role). */
export function roleOf(task: TaskSummary, key: string): UnitRole | null {
  let best: UnitRole | null = null;
  for (const u of task.units) {
    if (unitKey(u) !== key) continue;
    if (u.role !== 'cooperating') return u.role;
    best = 'cooperating';
  }
  return best;
}

export interface TaskGroup {
  group: string;
  section: string;
  tasks: TaskSummary[];
}

/** Rows in document order, grouped by consecutive 重点任务. */
export function groupTasks(tasks: readonly TaskSummary[]): TaskGroup[] {
  const out: TaskGroup[] = [];
  for (const t of [...tasks].sort((a, b) => a.seq - b.seq)) {
    const last = out[out.length - 1];
    if (last && last.group === t.group && last.section === t.section) last.tasks.push(t);
    else out.push({ group: t.group, section: t.section, tasks: [t] });
  }
  return out;
}

export interface MatrixFilter {
  colour?: TaskColour;
  unit?: string;
}

export function filterTasks(tasks: readonly TaskSummary[], f: MatrixFilter): TaskSummary[] {
  return tasks.filter((t) => (!f.colour || t.status.colour === f.colour) && (!f.unit || t.units.some((u) => unitKey(u) === f.unit)));
}

/** Names of the lead (or responsible) units of a task. */
export function leadNames(t: Pick<TaskSummary, 'units'>): string[] {
  return t.units.filter((u) => u.role !== 'cooperating').map((u) => u.name);
}
