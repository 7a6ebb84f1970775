/**
 * The report's view model: everything the narrative templates, the .docx tables and the .xlsx sheets show,
 * derived from one Dashboard. Every figure carries its raw value and the text written by the shared
 * formatter (src/shared/indicators-format.ts), so the report shows exactly what the dashboard shows.
 */
import type { Dashboard, IndicatorDefinition, IndicatorValue, Target } from '../../../shared/api/indicators.js';
import {
  defaultSpec, formatCi, formatGrowth, formatIndicator, formatNumber, formatPercent, formatPeriod, formatValue, formatWithUnit, growthWords,
  NO_VALUE, TARGET_STATUS_ZH, type FormatSpec,
} from '../../../shared/indicators-format.js';

export interface Fig {
  code: string;
  name: string;
  unit: string;
  value: number | null;
  /** with unit, as in prose and cards: "51,722元" */
  text: string;
  /** without unit: "51,722" */
  valueText: string;
  growth: number | null;
  /** "4.4%" */
  growthText: string;
  /** "增长4.4%" / "下降1.8%" / "持平" */
  growthWords: string;
  /** what the growth compares with: "比上年", or "比上年同期" for a quarter (year to date) */
  compareText: string;
  ciText: string;
  source: string;
  synthetic: boolean;
  suppressed: boolean;
}

export interface TargetView {
  id: number;
  title: string;
  planRef: string;
  status: Target['status'];
  statusText: string;
  baseYear: number;
  targetYear: number;
  baseText: string;
  targetText: string;
  latestPeriod: string;
  latestText: string;
  requiredText: string;
  /** the required annual growth as a fraction (negative: a decline is needed, e.g. for the urban-rural ratio) */
  requiredRaw: number | null;
  trendText: string;
  projectedText: string;
}

export interface CountyView {
  region: string;
  name: string;
  urban: Fig;
  rural: Fig;
  all: Fig;
  ratio: Fig;
}

export interface KeyGroupView {
  key: string;
  name: string;
  income: Fig;
  ratioToAll: number | null;
  ratioText: string;
  /** "高于" / "低于" / "相当于" all residents */
  comparedWords: string;
}

export interface ReportModel {
  region: Dashboard['region'];
  year: number;
  period: string;
  periodText: string;
  periodKind: 'year' | 'quarter' | 'month';
  /** a quarterly report with the quarter's own figures (year to date: 一季度, 上半年, 前三季度, 全年); false: the latest annual figures are used */
  quarterValues: boolean;
  /** 全市 / 全县 / 全区 */
  regionWord: string;
  reportDate: string;
  synthetic: boolean;
  headline: Record<string, Fig>;
  indicators: Fig[];
  doubling: { key: string; name: string; baseYear: number; baseText: string; latestText: string; multiple: number | null; multipleText: string; achieved: boolean }[];
  quintiles: null | { period: string; source: string; means: string[]; shares: string[]; lowText: string; highText: string; highToLowText: string; topShareText: string; bottomShareText: string };
  gini: Fig | null;
  counties: CountyView[];
  countyHigh: CountyView | null;
  countyLow: CountyView | null;
  countyFastestRural: CountyView | null;
  countyHighToLowText: string;
  keyGroups: KeyGroupView[];
  keyGroupsBelowAll: KeyGroupView[];
  keyGroupsAboveAll: KeyGroupView[];
  fastestGroup: KeyGroupView | null;
  targets: TargetView[];
  targetCounts: Record<Target['status'], number>;
  targetsBehind: TargetView[];
  tasks: null | { total: number; red: number; yellow: number; green: number; done: number; redShareText: string; redGroups: { label: string; red: number }[] };
}

/** Semantic names for the headline indicators the default templates use (exact code first, then a pattern). */
const ALIASES: { key: string; exact: string; pattern: RegExp }[] = [
  { key: 'urban', exact: 'income.pc.urban', pattern: /income.*urban(?!.*ratio)/ },
  { key: 'rural', exact: 'income.pc.rural', pattern: /income.*rural(?!.*ratio)/ },
  { key: 'all', exact: 'income.pc.all', pattern: /income\.pc(\.all|\.total)?$/ },
  { key: 'ratio', exact: 'income.ratio.urban_rural', pattern: /ratio/ },
  { key: 'gini', exact: 'inequality.gini', pattern: /gini/ },
  { key: 'middle', exact: 'middle.share', pattern: /middle/ },
  { key: 'poor', exact: 'poverty.rural.headcount', pattern: /poor|poverty.*headcount/ },
  { key: 'coop', exact: 'coop.land_share', pattern: /coop/ },
];

export function specOf(defs: Map<string, IndicatorDefinition>, code: string): FormatSpec {
  const d = defs.get(code);
  if (d) return { unit: d.unit, decimals: d.decimals };
  if (/income|keygroup/.test(code)) return defaultSpec('元');
  if (/share|rate/.test(code)) return { unit: '%', decimals: 1 };
  if (/gini/.test(code)) return { unit: '', decimals: 3 };
  return defaultSpec('');
}

export function figOf(defs: Map<string, IndicatorDefinition>, v: IndicatorValue, nameOverride?: string): Fig {
  const spec = specOf(defs, v.code);
  return {
    code: v.code,
    name: nameOverride ?? defs.get(v.code)?.name.zh ?? v.code,
    unit: spec.unit,
    value: v.suppressed ? null : v.value,
    text: formatIndicator(v, spec, true),
    valueText: formatIndicator(v, spec, false),
    growth: v.growth,
    growthText: formatGrowth(v.growth),
    growthWords: growthWords(v.growth),
    compareText: v.period.includes('-Q') ? '比上年同期' : '比上年',
    ciText: formatCi(v.ci, spec),
    source: v.source.label,
    synthetic: v.synthetic,
    suppressed: v.suppressed,
  };
}

function periodKindOf(p: string): ReportModel['periodKind'] {
  return p.includes('-Q') ? 'quarter' : p.includes('-') ? 'month' : 'year';
}

function targetView(defs: Map<string, IndicatorDefinition>, t: Target): TargetView {
  const spec = specOf(defs, t.indicator);
  const targetText = t.kind === 'multiple'
    ? `${t.baseValue === null ? '' : `${formatWithUnit(t.baseValue * t.targetValue, spec)}（`}${t.baseYear}年的${formatNumber(t.targetValue, 1).replace(/\.0$/, '')}倍${t.baseValue === null ? '' : '）'}`
    : `${t.kind === 'at_most' ? '不高于' : ''}${formatWithUnit(t.targetValue, spec)}`;
  return {
    id: t.id,
    title: t.title,
    planRef: t.planRef,
    status: t.status,
    statusText: TARGET_STATUS_ZH[t.status] ?? t.status,
    baseYear: t.baseYear,
    targetYear: t.targetYear,
    baseText: formatWithUnit(t.baseValue, spec),
    targetText,
    latestPeriod: t.latest ? formatPeriod(t.latest.period) : NO_VALUE,
    latestText: t.latest ? formatWithUnit(t.latest.value, spec) : NO_VALUE,
    requiredText: formatPercent(t.requiredAnnualGrowth, 1),
    requiredRaw: t.requiredAnnualGrowth,
    trendText: formatPercent(t.trendAnnualGrowth, 1),
    projectedText: formatWithUnit(t.projectedValue, spec),
  };
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 一季度, 上半年, 前三季度, 全年 (cumulative quarters, as sources.ts YTD_NAMES; kept here so the model stays free of server imports). */
const YTD_NAMES = ['一季度', '上半年', '前三季度', '全年'];

export function buildReportModel(d: Dashboard, period?: string, today = d.generatedAt): ReportModel {
  const defs = new Map(d.definitions.map((x) => [x.code, x]));
  const p = period ?? String(d.year);
  const quarterValues = periodKindOf(p) === 'quarter' && d.period === p && d.headline.some((v) => v.period === p && v.value !== null);
  const indicators = d.headline.map((v) => figOf(defs, v));
  const headline: Record<string, Fig> = {};
  for (const f of indicators) headline[f.code] = f;
  for (const a of ALIASES) {
    const hit = indicators.find((f) => f.code === a.exact) ?? indicators.find((f) => a.pattern.test(f.code));
    if (hit) headline[a.key] = hit;
  }

  const doubling = d.doublingPath.map((path) => {
    const series = d.series.find((s) => s.code === path.code);
    const last = series?.points.filter((x) => x.value !== null).at(-1) ?? null;
    const spec = specOf(defs, path.code);
    const multiple = last?.value != null && path.baseValue ? last.value / path.baseValue : null;
    return {
      key: ALIASES.find((a) => a.exact === path.code || a.pattern.test(path.code))?.key ?? path.code,
      name: defs.get(path.code)?.name.zh ?? path.code,
      baseYear: path.baseYear,
      baseText: formatWithUnit(path.baseValue, spec),
      latestText: last ? formatWithUnit(last.value, spec) : NO_VALUE,
      multiple,
      multipleText: multiple === null ? NO_VALUE : formatNumber(multiple, 2),
      achieved: multiple !== null && multiple >= 2,
    };
  });

  const q = d.quintiles;
  const quintiles = q && q.means.length === 5
    ? {
        period: q.period,
        source: q.source,
        means: q.means.map((m) => formatWithUnit(m, defaultSpec('元'))),
        shares: q.shares.map((s) => formatPercent(s, 1)),
        lowText: formatWithUnit(q.means[0], defaultSpec('元')),
        highText: formatWithUnit(q.means[4], defaultSpec('元')),
        highToLowText: q.means[0] ? formatNumber(q.means[4]! / q.means[0], 2) : NO_VALUE,
        topShareText: formatPercent(q.shares[4], 1),
        bottomShareText: formatPercent(q.shares[0], 1),
      }
    : null;

  const counties: CountyView[] = d.counties.map((c) => ({ region: c.region, name: c.name, urban: figOf(defs, c.urban), rural: figOf(defs, c.rural), all: figOf(defs, c.all), ratio: figOf(defs, c.ratio) }));
  const withAll = counties.filter((c) => c.all.value !== null).sort((a, b) => b.all.value! - a.all.value!);
  const ruralGrowth = counties.filter((c) => c.rural.growth !== null).sort((a, b) => b.rural.growth! - a.rural.growth!);

  const keyGroups: KeyGroupView[] = d.keyGroups.map((g) => {
    const r = g.ratioToAll;
    return {
      key: g.key,
      name: g.label.zh,
      income: figOf(defs, g.income, g.label.zh),
      ratioToAll: r,
      ratioText: r === null ? NO_VALUE : formatNumber(r, 2),
      comparedWords: r === null ? NO_VALUE : r > 1.005 ? '高于' : r < 0.995 ? '低于' : '相当于',
    };
  });
  const groupsByGrowth = keyGroups.filter((g) => g.income.growth !== null).sort((a, b) => b.income.growth! - a.income.growth!);

  const targets = d.targets.map((t) => targetView(defs, t));
  const targetCounts = { achieved: 0, on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const t of targets) targetCounts[t.status]++;

  const tk = d.tasks;
  const tasks = tk
    ? {
        total: tk.total.red + tk.total.yellow + tk.total.green + tk.total.done,
        red: tk.total.red,
        yellow: tk.total.yellow,
        green: tk.total.green,
        done: tk.total.done,
        redShareText: formatPercent(tk.total.red / Math.max(1, tk.total.red + tk.total.yellow + tk.total.green + tk.total.done), 1),
        redGroups: [...tk.byGroup, ...tk.byAction].filter((g) => g.red > 0).sort((a, b) => b.red - a.red).map((g) => ({ label: g.label, red: g.red })),
      }
    : null;

  return {
    region: d.region,
    year: d.year,
    period: p,
    periodText: quarterValues ? `${p.slice(0, 4)}年${YTD_NAMES[Number(p.slice(-1)) - 1]}` : formatPeriod(p),
    periodKind: periodKindOf(p),
    quarterValues,
    regionWord: `全${d.region.level === 'city' ? '市' : d.region.level === 'township' ? (d.region.name.endsWith('镇') ? '镇' : d.region.name.endsWith('乡') ? '乡' : '街道') : (d.region.name.at(-1) ?? '县')}`,
    reportDate: chineseDate(today),
    synthetic: d.headline.some((v) => v.synthetic),
    headline,
    indicators,
    doubling,
    quintiles,
    gini: d.lorenz ? figOf(defs, d.lorenz.gini) : (headline.gini ?? null),
    counties,
    // comparisons need two counties at least (a county's own report has one row)
    countyHigh: withAll.length > 1 ? withAll[0]! : null,
    countyLow: withAll.length > 1 ? withAll.at(-1)! : null,
    countyFastestRural: ruralGrowth.length > 1 ? ruralGrowth[0]! : null,
    countyHighToLowText: withAll.length > 1 && withAll.at(-1)!.all.value ? formatNumber(withAll[0]!.all.value! / withAll.at(-1)!.all.value!, 2) : NO_VALUE,
    keyGroups,
    keyGroupsBelowAll: keyGroups.filter((g) => g.ratioToAll !== null && g.ratioToAll < 0.995),
    keyGroupsAboveAll: keyGroups.filter((g) => g.ratioToAll !== null && g.ratioToAll > 1.005),
    fastestGroup: groupsByGrowth[0] ?? null,
    targets,
    targetCounts,
    targetsBehind: targets.filter((t) => t.status === 'at_risk' || t.status === 'off_track'),
    tasks,
  };
}

export { formatValue };
