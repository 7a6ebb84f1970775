/** Survey periods: a month (2024-07), a quarter (2024-Q3) or a year (2024), and calendar days as numbers. */
export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  key: string;
  kind: PeriodKind;
  year: number;
  /** YYYY-MM, in order */
  months: string[];
  start: string;
  end: string;
}

export const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
export const isoOfDay = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
export const monthOf = (iso: string) => iso.slice(0, 7);

export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return isoOfDay(dayNumber(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`) - 1);
}

export function isValidDate(iso: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && isoOfDay(dayNumber(iso)) === iso;
}

export function parsePeriod(key: string): Period {
  const m = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(key);
  if (!m) throw new RangeError(`not a period: ${key}`);
  const year = Number(m[1]);
  const mm = (k: number) => `${year}-${String(k).padStart(2, '0')}`;
  let months: string[];
  let kind: PeriodKind;
  if (m[2]) {
    const q = Number(m[2]);
    kind = 'quarter';
    months = [1, 2, 3].map((i) => mm((q - 1) * 3 + i));
  } else if (m[3]) {
    kind = 'month';
    months = [mm(Number(m[3]))];
  } else {
    kind = 'year';
    months = Array.from({ length: 12 }, (_, i) => mm(i + 1));
  }
  return { key, kind, year, months, start: `${months[0]}-01`, end: monthEnd(months[months.length - 1]) };
}

/** The same period a year earlier (the base of growth rates). */
export function previousYear(key: string): string {
  return String(Number(key.slice(0, 4)) - 1) + key.slice(4);
}

/** Every day of a month up to and including `until` (ISO dates). */
export function daysOfMonth(month: string, until?: string): string[] {
  const out: string[] = [];
  const last = Math.min(dayNumber(monthEnd(month)), until ? dayNumber(until) : Infinity);
  for (let d = dayNumber(`${month}-01`); d <= last; d++) out.push(isoOfDay(d));
  return out;
}

/** The month k months after (or before, k < 0) a YYYY-MM month. */
export function addMonths(month: string, k: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + k;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
