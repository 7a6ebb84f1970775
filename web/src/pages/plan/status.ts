/** Status colours, labels and tags shared by every view of a task. */
import type { TaskColour, TaskSummary } from './api';
import type { PlanKey, PlanT } from './messages';

export const COLOURS: readonly TaskColour[] = ['red', 'yellow', 'green', 'done'];

/** Strong colour (dots, bars) and light tint (row backgrounds) per status. */
export const COLOUR_STYLE: Record<TaskColour, { strong: string; tint: string; tag: string }> = {
  red: { strong: '#cf1322', tint: '#fff1f0', tag: 'red' },
  yellow: { strong: '#d48806', tint: '#fffbe6', tag: 'gold' },
  green: { strong: '#389e0d', tint: '#ffffff', tag: 'green' },
  done: { strong: '#1d4f91', tint: '#f0f5ff', tag: 'blue' },
};

export const colourKey = (c: TaskColour): PlanKey => `colour.${c}`;

/** One line saying why a task has its colour. */
export function statusReason(t: PlanT, s: TaskSummary['status']): string {
  if (s.reason === 'behind' || s.reason === 'far_behind') return t(`reason.${s.reason}`, { n: s.behind });
  return t(`reason.${s.reason}`);
}

export function countColours(tasks: readonly Pick<TaskSummary, 'status'>[]): Record<TaskColour, number> {
  const c: Record<TaskColour, number> = { red: 0, yellow: 0, green: 0, done: 0 };
  for (const x of tasks) c[x.status.colour]++;
  return c;
}
