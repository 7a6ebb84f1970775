/**
 * The report's tables, built once from the Dashboard and written to both the .docx (as text through the
 * shared formatter) and the .xlsx (as numbers rounded the same way, with a matching number format).
 */
import type { Dashboard, IndicatorValue } from '../../../shared/api/indicators.js';
import { formatValue, roundTo, SUPPRESSED, TARGET_STATUS_ZH, type FormatSpec } from '../../../shared/indicators-format.js';
import { specOf } from './model.js';

export const TABLE_NAMES = ['headline', 'series', 'quintiles', 'lorenz', 'counties', 'keyGroups', 'targets', 'tasks'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** a number (raw; formatted by its column's spec), text, or null (no data) */
export type Cell = string | number | null | { suppressed: true };

export interface Column {
  header: string;
  /** numbers in this column are formatted with this spec; a per-row spec wins (the headline's mixed units) */
  spec?: FormatSpec;
  width?: number;
}

export interface ReportTable {
  name: TableName;
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** per-row spec for the value columns (headline table: each indicator has its unit) */
  rowSpecs?: (FormatSpec | undefined)[];
  note?: string;
}

const YUAN: FormatSpec = { unit: '元', decimals: 0 };
const PCT: FormatSpec = { unit: '%', decimals: 1, fraction: true };
const RATIO: FormatSpec = { unit: '', decimals: 2 };

const val = (v: IndicatorValue): Cell => (v.suppressed ? { suppressed: true } : v.value);

/** A cell as the report and the dashboard write it. */
export function cellText(c: Cell, spec: FormatSpec | undefined): string {
  if (c === null) return '—';
  if (typeof c === 'object') return SUPPRESSED;
  if (typeof c === 'string') return c;
  return spec ? formatValue(c, spec) : String(c);
}

/** A cell as stored in the spreadsheet: rounded exactly as displayed ('%' columns stay fractions). */
export function cellNumber(c: Cell, spec: FormatSpec | undefined): number | string | null {
  if (c === null) return null;
  if (typeof c === 'object') return SUPPRESSED;
  if (typeof c === 'string' || !spec) return c;
  // fractions: round the percentage, then drop binary noise (4.4 / 100 = 0.044000000000000004)
  return spec.unit === '%' && spec.fraction ? Number((roundTo(c * 100, spec.decimals) / 100).toFixed(spec.decimals + 2)) : roundTo(c, spec.decimals);
}

export function buildTables(d: Dashboard): ReportTable[] {
  const defs = new Map(d.definitions.map((x) => [x.code, x]));
  const name = (code: string) => defs.get(code)?.name.zh ?? code;
  const tables: ReportTable[] = [];

  const headSpecs = d.headline.map((v) => specOf(defs, v.code));
  tables.push({
    name: 'headline',
    title: '主要指标',
    columns: [{ header: '指标', width: 28 }, { header: '数值', width: 14 }, { header: '单位', width: 6 }, { header: '比上年增长', spec: PCT, width: 12 }, { header: '95%置信区间(下限)', width: 14 }, { header: '95%置信区间(上限)', width: 14 }, { header: '来源', width: 36 }],
    rows: d.headline.map((v, i) => [name(v.code), val(v), headSpecs[i]!.unit === '%' ? '' : headSpecs[i]!.unit, v.growth, v.ci ? v.ci[0] : null, v.ci ? v.ci[1] : null, `${v.source.label}${v.synthetic ? '（合成数据）' : ''}`]),
    rowSpecs: headSpecs,
  });

  const years = [...new Set(d.series.flatMap((s) => s.points.map((p) => p.period)))].sort();
  const seriesCols = d.series.map((s) => ({ header: name(s.code), spec: specOf(defs, s.code), width: 16 }));
  const pathCols = d.doublingPath.map((p) => ({ header: `${name(p.code)}翻番路径`, spec: specOf(defs, p.code), width: 18 }));
  tables.push({
    name: 'series',
    title: '城乡居民收入历年变化与翻番路径',
    columns: [{ header: '年份', width: 8 }, ...seriesCols, ...pathCols],
    rows: years.map((y) => [
      y,
      ...d.series.map((s) => {
        const p = s.points.find((x) => x.period === y);
        return p ? val(p) : null;
      }),
      ...d.doublingPath.map((p) => p.points.find((x) => String(x.year) === y)?.value ?? null),
    ]),
  });

  if (d.quintiles) {
    const labels = ['低收入组', '中间偏下收入组', '中间收入组', '中间偏上收入组', '高收入组'];
    tables.push({
      name: 'quintiles',
      title: '居民五等份收入分组',
      columns: [{ header: '组别', width: 16 }, { header: '人均可支配收入(元)', spec: YUAN, width: 18 }, { header: '收入份额', spec: PCT, width: 12 }],
      rows: d.quintiles.means.map((m, i) => [labels[i] ?? `第${i + 1}组`, m, d.quintiles!.shares[i] ?? null]),
      note: `资料来源：${d.quintiles.source}`,
    });
  }

  if (d.lorenz) {
    const giniSpec = specOf(defs, d.lorenz.gini.code);
    tables.push({
      name: 'lorenz',
      title: '洛伦兹曲线',
      columns: [{ header: '人口累计比重', spec: PCT, width: 14 }, { header: '收入累计比重', spec: PCT, width: 14 }],
      rows: d.lorenz.points.map(([x, y]) => [x, y]),
      note: `基尼系数：${cellText(val(d.lorenz.gini), giniSpec)}`,
    });
  }

  tables.push({
    name: 'counties',
    title: '各县（市）区居民人均可支配收入',
    columns: [
      { header: '地区', width: 12 }, { header: '城镇居民(元)', spec: YUAN, width: 14 }, { header: '增长', spec: PCT, width: 9 }, { header: '农村居民(元)', spec: YUAN, width: 14 },
      { header: '增长', spec: PCT, width: 9 }, { header: '全体居民(元)', spec: YUAN, width: 14 }, { header: '增长', spec: PCT, width: 9 }, { header: '城乡收入比', spec: RATIO, width: 11 },
    ],
    rows: d.counties.map((c) => [c.name, val(c.urban), c.urban.growth, val(c.rural), c.rural.growth, val(c.all), c.all.growth, val(c.ratio)]),
  });

  tables.push({
    name: 'keyGroups',
    title: '七大重点群体收入',
    columns: [{ header: '群体', width: 22 }, { header: '人均可支配收入(元)', spec: YUAN, width: 18 }, { header: '比上年增长', spec: PCT, width: 12 }, { header: '与全体居民之比', spec: RATIO, width: 14 }, { header: '来源', width: 30 }],
    rows: d.keyGroups.map((g) => [g.label.zh, val(g.income), g.income.growth, g.ratioToAll, g.income.source.label]),
  });

  const tSpecs = d.targets.map((t) => specOf(defs, t.indicator));
  tables.push({
    name: 'targets',
    title: '目标完成情况',
    columns: [
      { header: '目标', width: 36 }, { header: '方案条目', width: 12 }, { header: '基期', width: 7 }, { header: '基期值', width: 12 }, { header: '目标年', width: 8 },
      { header: '目标值', width: 12 }, { header: '最新期', width: 8 }, { header: '最新值', width: 12 }, { header: '状态', width: 10 },
      { header: '尚需年均增速', spec: PCT, width: 12 }, { header: '近期年均增速', spec: PCT, width: 12 }, { header: '目标年预测值', width: 12 },
    ],
    rows: d.targets.map((t) => [
      t.title, t.planRef, String(t.baseYear), t.baseValue, String(t.targetYear),
      t.kind === 'multiple' ? (t.baseValue === null ? null : t.baseValue * t.targetValue) : t.targetValue,
      t.latest?.period ?? null, t.latest?.value ?? null, TARGET_STATUS_ZH[t.status] ?? t.status,
      t.requiredAnnualGrowth, t.trendAnnualGrowth, t.projectedValue,
    ]),
    rowSpecs: tSpecs,
    note: '“翻一番”类目标的目标值为基期值的2倍；“不高于”类目标以不超过目标值为实现。',
  });

  if (d.tasks) {
    const row = (kind: string, g: { label: string; red: number; yellow: number; green: number; done: number }): Cell[] => [kind, g.label, g.red, g.yellow, g.green, g.done, g.red + g.yellow + g.green + g.done];
    const COUNT: FormatSpec = { unit: '项', decimals: 0 };
    tables.push({
      name: 'tasks',
      title: '方案任务推进情况',
      columns: [{ header: '分类', width: 10 }, { header: '名称', width: 30 }, { header: '红色', spec: COUNT, width: 8 }, { header: '黄色', spec: COUNT, width: 8 }, { header: '绿色', spec: COUNT, width: 8 }, { header: '已办结', spec: COUNT, width: 8 }, { header: '合计', spec: COUNT, width: 8 }],
      rows: [...d.tasks.byGroup.map((g) => row('激励计划', g)), ...d.tasks.byAction.map((g) => row('支撑行动', g)), row('合计', d.tasks.total)],
    });
  }
  return tables;
}

/** The spec of a column in a row: value columns of tables with rowSpecs use the row's spec. */
export function specAt(t: ReportTable, row: number, col: number): FormatSpec | undefined {
  const c = t.columns[col]!;
  if (c.spec) return c.spec;
  if (t.rowSpecs) {
    const valueCols = t.name === 'headline' ? [1, 4, 5] : t.name === 'targets' ? [3, 5, 7, 11] : [];
    if (valueCols.includes(col)) return t.rowSpecs[row];
  }
  return undefined;
}
