/**
 * Number formatting and status colours of the indicators pages. Figures are written by the shared
 * formatter (src/shared/indicators-format.ts), the same functions the monitoring report uses, so the
 * dashboard and the .docx/.xlsx show the same characters.
 */
import {
  defaultSpec, formatCi, formatGrowth, formatPercent, formatPeriod, formatValue, type FormatSpec,
} from '../../../../src/shared/indicators-format';
import type { IndicatorDefinition, IndicatorValue, TargetStatus } from './api';

const specOf = (def: Partial<FormatSpec> | null | undefined): FormatSpec => (def && def.unit !== undefined && def.decimals !== undefined ? { unit: def.unit, decimals: def.decimals } : defaultSpec(def?.unit ?? ''));

/** A value at the indicator's decimals ('%' indicators hold fractions: 0.234 → "23.4%"). */
export function fmtValue(v: number | null | undefined, def?: Pick<IndicatorDefinition, 'unit' | 'decimals'> | null): string {
  return formatValue(v, specOf(def));
}

/** Growth on the year before, a fraction: 0.067 → "6.7%". */
export function fmtGrowth(g: number | null | undefined): string {
  return formatGrowth(g);
}

/** A fraction as a percentage: 0.2 → "20.0%". */
export function fmtShare(s: number | null | undefined, digits = 1): string {
  return formatPercent(s, digits);
}

/** "[50,812, 53,824]", or '' without a CI. */
export function fmtCi(v: IndicatorValue, def?: Pick<IndicatorDefinition, 'unit' | 'decimals'> | null): string {
  return v.ci ? formatCi(v.ci, specOf(def)) : '';
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

/** Period label: '2023' → '2023年', '2023-Q3' → '2023年第三季度', '2023-07' → '2023年7月' (English: as given). */
export function periodLabel(p: string, locale: string): string {
  return locale === 'en-US' ? p : formatPeriod(p);
}

/** Years a user may pick: 2010 (the plan's base year) to this year, newest first. */
export function yearOptions(now: Date = new Date()): number[] {
  const out: number[] = [];
  for (let y = now.getFullYear(); y >= 2010; y--) out.push(y);
  return out;
}
