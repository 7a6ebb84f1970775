/** Number formatting and status colours of the indicators pages (pure). */
import type { IndicatorDefinition, IndicatorValue, TargetStatus } from './api';

/** A value with the indicator's decimals and unit conventions: 元 with thousands separators, % for shares. */
export function fmtValue(v: number | null | undefined, def?: Pick<IndicatorDefinition, 'unit' | 'decimals'> | null): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const decimals = def?.decimals ?? (Math.abs(v) < 10 ? 2 : 0);
  if (def?.unit === '%') return `${v.toFixed(decimals)}%`;
  return v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A fraction as a signed percentage: 0.067 → "+6.7%". */
export function fmtGrowth(g: number | null | undefined, digits = 1): string {
  if (g === null || g === undefined || !Number.isFinite(g)) return '—';
  const s = (g * 100).toFixed(digits);
  return `${g > 0 ? '+' : ''}${s}%`;
}

/** A fraction as a percentage without sign: 0.2 → "20.0%". */
export function fmtShare(s: number | null | undefined, digits = 1): string {
  if (s === null || s === undefined || !Number.isFinite(s)) return '—';
  return `${(s * 100).toFixed(digits)}%`;
}

export function fmtCi(v: IndicatorValue, def?: Pick<IndicatorDefinition, 'unit' | 'decimals'> | null): string {
  return v.ci ? `${fmtValue(v.ci[0], def)} – ${fmtValue(v.ci[1], def)}` : '';
}

export const STATUS_COLOURS: Record<TargetStatus, string> = {
  achieved: '#389e0d',
  on_track: '#1677ff',
  at_risk: '#d48806',
  off_track: '#cf1322',
  no_data: '#8c8c8c',
};

/** antd Tag colour names for the statuses. */
export const STATUS_TAGS: Record<TargetStatus, string> = {
  achieved: 'success',
  on_track: 'processing',
  at_risk: 'warning',
  off_track: 'error',
  no_data: 'default',
};

export function definitionMap(defs: readonly IndicatorDefinition[]): Map<string, IndicatorDefinition> {
  return new Map(defs.map((d) => [d.code, d]));
}

/** Period label: '2023' → '2023年', '2023-Q3' → '2023年第3季度', '2023-07' → '2023年7月' (English: as given). */
export function periodLabel(p: string, locale: string): string {
  if (locale === 'en-US') return p;
  const q = /^(\d{4})-Q([1-4])$/.exec(p);
  if (q) return `${q[1]}年第${q[2]}季度`;
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  return `${p}年`;
}

/** Years a user may pick: 2010 (the plan's base year) to this year, newest first. */
export function yearOptions(now: Date = new Date()): number[] {
  const out: number[] = [];
  for (let y = now.getFullYear(); y >= 2010; y--) out.push(y);
  return out;
}
