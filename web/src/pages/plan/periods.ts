/** Reporting periods as the server names them: 2026-11 (month), 2026-Q4 (quarter), 2026-H2 (half year). */
import type { PeriodType } from './api';

const STEP: Record<PeriodType, number> = { month: 1, quarter: 3, half: 6 };

export function periodOf(date: string, type: PeriodType): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  if (type === 'month') return `${y}-${String(m).padStart(2, '0')}`;
  if (type === 'quarter') return `${y}-Q${Math.ceil(m / 3)}`;
  return `${y}-H${m <= 6 ? 1 : 2}`;
}

/** The period containing `today` and the `count - 1` before it, newest first. */
export function recentPeriods(today: string, type: PeriodType, count = 6): string[] {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(periodOf(`${y}-${String(m).padStart(2, '0')}-01`, type));
    m -= STEP[type];
    if (m < 1) {
      m += 12;
      y--;
    }
  }
  return out;
}

/** Today as yyyy-mm-dd in the browser's time zone. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
