/** UI text of the indicators pages: [中文, English]. Figures' names, definitions and source labels come from the server. */
import { useCallback } from 'react';
import type { Locale } from '../../api/types';
import { useI18n } from '../../i18n';

export const INDICATOR_MESSAGES = {
  'ind.title': ['指标与目标', 'Indicators & targets'],
  'tab.dashboard': ['监测看板', 'Dashboard'],
  'tab.targets': ['目标进度', 'Targets'],
  'tab.entries': ['指标填报', 'Indicator entry'],

  'ind.region': ['地区', 'Region'],
  'ind.year': ['年份', 'Year'],
  'ind.year.latest': ['最新年份', 'Latest year'],
  'ind.period': ['期别（累计）', 'Period (year to date)'],
  'ind.period.year': ['全年', 'Full year'],
  'ind.period.Q1': ['一季度', 'Q1'],
  'ind.period.Q2': ['上半年', 'First half'],
  'ind.period.Q3': ['前三季度', 'Q1–Q3'],
  'ind.period.month': ['{n}月（月度指标）', 'Month {n} (monthly indicators)'],
  'ind.generatedAt': ['数据生成于 {at}', 'Generated {at}'],
  'ind.synthetic': ['合成演示数据', 'Synthetic demo data'],
  'ind.synthetic.hint': ['由合成演示城市推算，不是真实统计数据', 'Derived from the synthetic demo city, not real statistics'],
  'ind.suppressed': ['已抑制（披露控制）', 'Suppressed (disclosure control)'],
  'ind.noData': ['暂无数据', 'No data'],
  'ind.growth': ['比上年 {g}', '{g} on the year before'],
  'ind.ci': ['95% 置信区间 {lo} – {hi}', '95% CI {lo} – {hi}'],
  'ind.n': ['样本/贡献者 {n}', 'n = {n}'],
  'ind.source': ['来源', 'Source'],
  'ind.definition': ['定义', 'Definition'],
  'ind.formula': ['计算：{f}', 'Formula: {f}'],
  'ind.report': ['监测报告', 'Monitoring report'],
  'ind.schematic': ['示意图：各县（市）区相对位置的简化图形，不是测绘边界', 'Schematic: simplified shapes in approximate relative positions, not surveyed boundaries'],

  'view.chart': ['图', 'Chart'],
  'view.table': ['表', 'Table'],
  'view.export': ['导出 Excel', 'Export to Excel'],
  'view.exporting': ['正在生成…', 'Preparing…'],

  'chart.series': ['城乡居民人均可支配收入与翻番路径', 'Urban and rural per-capita disposable income against the doubling path'],
  'chart.ratio': ['城乡收入比', 'Urban–rural income ratio'],
  'chart.quintiles': ['五等份收入组人均可支配收入', 'Per-capita disposable income by quintile group'],
  'chart.lorenz': ['洛伦兹曲线与基尼系数', 'Lorenz curve and Gini coefficient'],
  'chart.counties': ['县（市）区比较', 'Counties and districts compared'],
  'chart.map': ['县（市）区分布图（示意图）', 'County map (schematic)'],
  'chart.keyGroups': ['七大重点群体与全体居民', 'The seven key groups and all residents'],
  'chart.tasks': ['方案任务状态', 'Plan task status'],
  'chart.distribution': ['中等收入群体与贫困', 'Middle-income share and poverty'],

  'col.year': ['年份', 'Year'],
  'col.urban': ['城镇', 'Urban'],
  'col.rural': ['农村', 'Rural'],
  'col.all': ['全体', 'All'],
  'col.ratio': ['城乡比', 'Ratio'],
  'col.path': ['翻番路径', 'Doubling path'],
  'col.ci': ['95% 置信区间', '95% CI'],
  'col.se': ['标准误', 'SE'],
  'col.n': ['样本', 'n'],
  'col.growth': ['增长', 'Growth'],
  'col.group': ['组别', 'Group'],
  'col.mean': ['人均可支配收入（元）', 'Mean income (yuan)'],
  'col.share': ['收入份额', 'Income share'],
  'col.popShare': ['人口累计占比', 'Cumulative population'],
  'col.incShare': ['收入累计占比', 'Cumulative income'],
  'col.region': ['地区', 'Region'],
  'col.code': ['代码', 'Code'],
  'col.income': ['人均可支配收入（元）', 'Per-capita income (yuan)'],
  'col.ratioToAll': ['与全体居民之比', 'Ratio to all residents'],
  'col.indicator': ['指标', 'Indicator'],
  'col.value': ['数值', 'Value'],
  'col.source': ['来源', 'Source'],
  'col.red': ['红', 'Red'],
  'col.yellow': ['黄', 'Yellow'],
  'col.green': ['绿', 'Green'],
  'col.done': ['办结', 'Closed'],
  'col.key': ['分组', 'Group'],
  'q1': ['低收入组', 'Lowest 20%'],
  'q2': ['中等偏下收入组', 'Lower middle'],
  'q3': ['中等收入组', 'Middle'],
  'q4': ['中等偏上收入组', 'Upper middle'],
  'q5': ['高收入组', 'Highest 20%'],
  'lorenz.equality': ['绝对平均线', 'Line of equality'],
  'gini': ['基尼系数 {g}', 'Gini {g}'],
  'tasks.byGroup': ['按群体（激励计划）', 'By group (incentive plan)'],
  'tasks.byAction': ['按支撑行动', 'By supporting action'],
  'tasks.total': ['合计：红 {red}，黄 {yellow}，绿 {green}，办结 {done}', 'Total: {red} red, {yellow} yellow, {green} green, {done} closed'],

  'target.title': ['目标', 'Target'],
  'target.planRef': ['方案条目', 'Plan ref.'],
  'target.base': ['基期', 'Base'],
  'target.goal': ['目标值', 'Target'],
  'target.latest': ['最新值', 'Latest'],
  'target.status': ['状态', 'Status'],
  'target.required': ['尚需年均增长', 'Growth still needed / yr'],
  'target.trend': ['近期年均增长', 'Recent trend / yr'],
  'target.projected': ['按趋势预计（目标年）', 'Projection (target year)'],
  'target.kind.multiple': ['{base} 的 {m} 倍', '{m} × {base}'],
  'target.kind.at_most': ['不高于 {v}', 'at most {v}'],
  'status.achieved': ['已实现', 'Achieved'],
  'status.on_track': ['进度正常', 'On track'],
  'status.at_risk': ['有风险', 'At risk'],
  'status.off_track': ['滞后', 'Off track'],
  'status.no_data': ['无数据', 'No data'],
  'targets.empty': ['尚无目标', 'No targets yet'],

  'entry.new': ['填报指标值', 'Enter a value'],
  'entry.indicator': ['指标', 'Indicator'],
  'entry.period': ['期别', 'Period'],
  'entry.period.hint': ['如 2023、2023-Q3 或 2023-07', 'e.g. 2023, 2023-Q3 or 2023-07'],
  'entry.period.invalid': ['期别格式应为 2023、2023-Q3 或 2023-07', 'Use 2023, 2023-Q3 or 2023-07'],
  'entry.region': ['地区', 'Region'],
  'entry.value': ['数值', 'Value'],
  'entry.note': ['说明（可不填）', 'Note (optional)'],
  'entry.submit': ['提交审核', 'Submit for approval'],
  'entry.submitted': ['已提交，等待审核', 'Submitted for approval'],
  'entry.list': ['填报记录', 'Entries'],
  'entry.status': ['状态', 'Status'],
  'entry.status.submitted': ['待审核', 'Awaiting approval'],
  'entry.status.approved': ['已审核', 'Approved'],
  'entry.status.returned': ['已退回', 'Returned'],
  'entry.enteredBy': ['填报人', 'Entered by'],
  'entry.enteredAt': ['填报时间', 'Entered'],
  'entry.review': ['审核意见', 'Review'],
  'entry.approve': ['审核通过', 'Approve'],
  'entry.return': ['退回', 'Return'],
  'entry.return.comment': ['退回原因', 'Reason for returning'],
  'entry.return.required': ['请填写退回原因', 'Give a reason'],
  'entry.approved': ['已审核通过', 'Approved'],
  'entry.returned': ['已退回', 'Returned'],
  'entry.none': ['没有可由本单位填报的行政指标', 'No administrative indicators for your unit to report'],
  'entry.counts': ['只有审核通过的数值才计入指标', 'Only approved values count'],
  'entry.unit': ['单位：{unit}', 'Unit: {unit}'],
} as const satisfies Record<string, readonly [string, string]>;

export type IndKey = keyof typeof INDICATOR_MESSAGES;
export type IndT = (key: IndKey, vars?: Record<string, string | number>) => string;

export function indText(locale: string, key: IndKey, vars?: Record<string, string | number>): string {
  let text: string = INDICATOR_MESSAGES[key][locale === 'en-US' ? 1 : 0];
  if (vars) for (const [k, v] of Object.entries(vars)) text = text.split(`{${k}}`).join(String(v));
  return text;
}

/** The shell's locale with this folder's message table. */
export function useIndI18n(): { t: IndT; locale: Locale } {
  const { locale } = useI18n();
  const t = useCallback<IndT>((key, vars) => indText(locale, key, vars), [locale]);
  return { t, locale };
}
