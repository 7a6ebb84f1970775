/**
 * The ONE way indicator figures are written, shared by the web dashboard (web/src/pages/indicators/**
 * imports it for its cards, charts' tooltips and table views) and by the monitoring report
 * (src/modules/indicators/report: the .docx narrative and tables, the .xlsx). Using the same functions on
 * both sides is what makes "the report's numbers equal the dashboard's" true; do not format indicator
 * figures any other way.
 *
 * Conventions (match src/shared/api/indicators.ts):
 * - a value is rounded to its definition's `decimals`, half away from zero, grouped by thousands
 *   ("52,318"), never in exponent form;
 * - an INDICATOR value whose unit is '%' is already in percent (the catalogue's factor 100: middle.share 31.2 →
 *   "31.2%"), while growth, shares and required growth rates in the contract are FRACTIONS (0.067 → "6.7%",
 *   written by formatPercent / formatGrowth). A spec with `fraction: true` formats a fraction column ('%' unit);
 * - growth (a fraction) is written with one decimal: "6.7%"; in Chinese prose "增长6.7%" / "下降1.2%" / "持平";
 * - null → "—"; a suppressed value → "（已抑制）" (disclosure control).
 * Pure functions, no Intl (so Node and every browser give the same characters).
 */

export interface FormatSpec {
  unit: string;
  decimals: number;
  /** with unit '%': the values are fractions (0.067), not percent (6.7) */
  fraction?: boolean;
}

export const NO_VALUE = '—';
export const SUPPRESSED = '（已抑制）';

/** Round half away from zero at `decimals` places (robust to binary representation: 1.005 → 1.01). */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Math.abs(x) * f;
  // correct values like 100.49999999999999 that stand for 100.5
  const r = Math.round(Number(scaled.toPrecision(15)));
  return (Math.sign(x) * r) / f || 0;
}

/** "52,318" / "1,234.57" / "-3.2": rounded, thousands grouped, fixed number of decimals. */
export function formatNumber(x: number | null | undefined, decimals = 0, grouping = true): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NO_VALUE;
  const r = roundTo(x, decimals);
  const neg = r < 0;
  const [int, frac] = Math.abs(r).toFixed(decimals).split('.');
  const grouped = grouping ? int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int!;
  return `${neg ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** A fraction as a percentage: 0.0674 → "6.7%" (decimals of the percentage figure). */
export function formatPercent(fraction: number | null | undefined, decimals = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return NO_VALUE;
  return `${formatNumber(fraction * 100, decimals, false)}%`;
}

/** Growth on a year before: 0.0674 → "6.7%", −0.012 → "-1.2%". */
export function formatGrowth(growth: number | null | undefined): string {
  return formatPercent(growth, 1);
}

/** Chinese prose for growth: "增长6.7%", "下降1.2%", "持平"; null → "—". */
export function growthWords(growth: number | null | undefined): string {
  if (growth === null || growth === undefined || !Number.isFinite(growth)) return NO_VALUE;
  const r = roundTo(growth * 100, 1);
  if (r === 0) return '持平';
  return r > 0 ? `增长${formatNumber(r, 1, false)}%` : `下降${formatNumber(-r, 1, false)}%`;
}

/** The figure alone, without unit: "52,318", "31.2%" (unit '%': value in percent), "0.356", "2.31". */
export function formatValue(value: number | null | undefined, spec: FormatSpec): string {
  if (spec.unit === '%') {
    if (spec.fraction) return formatPercent(value, spec.decimals);
    const v = formatNumber(value, spec.decimals, false);
    return v === NO_VALUE ? v : `${v}%`;
  }
  return formatNumber(value, spec.decimals);
}

/** The figure with its unit as written in Chinese prose and cards: "52,318元", "31.2%", "2.31", "12家". */
export function formatWithUnit(value: number | null | undefined, spec: FormatSpec): string {
  const v = formatValue(value, spec);
  if (v === NO_VALUE || spec.unit === '%' || spec.unit === '') return v;
  return `${v}${spec.unit}`;
}

/** An IndicatorValue-like object: suppressed and missing values get their marks. */
export function formatIndicator(v: { value: number | null; suppressed?: boolean } | null | undefined, spec: FormatSpec, withUnit = true): string {
  if (!v) return NO_VALUE;
  if (v.suppressed) return SUPPRESSED;
  return withUnit ? formatWithUnit(v.value, spec) : formatValue(v.value, spec);
}

/** "[50,812, 53,824]" — a 95% CI at the value's decimals. */
export function formatCi(ci: readonly [number, number] | null | undefined, spec: FormatSpec): string {
  if (!ci) return NO_VALUE;
  return `[${formatValue(ci[0], spec)}, ${formatValue(ci[1], spec)}]`;
}

/** Default display spec when an indicator has no definition at hand (by unit). */
export function defaultSpec(unit: string): FormatSpec {
  if (unit === '元') return { unit, decimals: 0 };
  if (unit === '%') return { unit, decimals: 1 };
  return { unit, decimals: 2 };
}

export const TARGET_STATUS_ZH: Record<string, string> = {
  achieved: '已实现',
  on_track: '进度正常',
  at_risk: '存在风险',
  off_track: '明显滞后',
  no_data: '暂无数据',
};

/** "2023年" / "2023年第三季度" / "2023年7月". */
export function formatPeriod(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `${q[1]}年第${'一二三四'[Number(q[2]) - 1]}季度`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  return `${period}年`;
}
