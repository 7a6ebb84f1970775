/**
 * The plan's task status for the dashboard: red/yellow/green/done counts by group of 二、激发七大重点群体活力
 * (byGroup), by action of 三、实施六大支撑行动 (byAction) and in total, over the supervised tasks in the region
 * (the city sees every task; a county the tasks that name its government). Live (not cached): cheap.
 */
import type { Dashboard } from '../../shared/api/indicators.js';
import type { TaskSummary } from '../../shared/api/workplan.js';
import type { WorkplanService } from '../workplan/workplan.service.js';

type Counts = Dashboard['tasks'] extends infer T ? (T extends { total: infer C } ? C : never) : never;

export function countTasks(tasks: readonly Pick<TaskSummary, 'group' | 'section' | 'status'>[]): NonNullable<Dashboard['tasks']> {
  const make = (key: string, label: string): Counts => ({ key, label, red: 0, yellow: 0, green: 0, done: 0 });
  const groups = new Map<string, Counts>();
  const actions = new Map<string, Counts>();
  const total = make('total', '合计');
  for (const t of tasks) {
    const into = /支撑行动/.test(t.section) ? actions : groups;
    const key = t.group || t.section || '其他';
    if (!into.has(key)) into.set(key, make(key, key));
    const c = into.get(key)!;
    c[t.status.colour]++;
    total[t.status.colour]++;
  }
  return { byGroup: [...groups.values()], byAction: [...actions.values()], total };
}

export async function taskCounts(plans: WorkplanService, region: string): Promise<Dashboard['tasks']> {
  const list = await plans.repo.plans();
  if (!list.length) return null;
  const plan = list[0];
  const tasks = await plans.tasks(plan.id, { roles: ['supervisor'], regionCode: region, departmentId: null });
  return countTasks(tasks);
}
