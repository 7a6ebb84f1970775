/** Period keys of the estimates (2024, 2024-Q3, 2024-07), their labels and a sensible default. */
export type PeriodKind = 'year' | 'quarter' | 'month';

export function periodKind(p: string): PeriodKind {
  return p.includes('-Q') ? 'quarter' : p.length === 7 ? 'month' : 'year';
}

export function periodLabel(p: string, locale: string): string {
  const m = /^(\d{4})(?:-Q([1-4])|-(\d{2}))?$/.exec(p);
  if (!m) return p;
  if (locale === 'en-US') return m[2] ? `${m[1]} Q${m[2]}` : m[3] ? `${m[1]}-${m[3]}` : m[1];
  if (m[2]) return `${m[1]}年${['一', '二', '三', '四'][Number(m[2]) - 1]}季度`;
  if (m[3]) return `${m[1]}年${Number(m[3])}月`;
  return `${m[1]}年`;
}

/** Every period of the years, newest first within each kind. */
export function periodsOf(kind: PeriodKind, yearFrom: number, yearTo: number): string[] {
  const out: string[] = [];
  for (let y = yearTo; y >= yearFrom; y--) {
    if (kind === 'year') out.push(String(y));
    else if (kind === 'quarter') for (let q = 4; q >= 1; q--) out.push(`${y}-Q${q}`);
    else for (let m = 12; m >= 1; m--) out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

/** The latest complete year with approved data, else its latest complete quarter, else the month. */
export function defaultPeriod(lastApprovedMonth: string | null, fallbackYear: number): string {
  if (!lastApprovedMonth) return String(fallbackYear);
  const [y, m] = lastApprovedMonth.split('-').map(Number);
  if (m === 12) return String(y);
  if (m >= 3) return `${y}-Q${Math.floor(m / 3)}`;
  return lastApprovedMonth;
}
