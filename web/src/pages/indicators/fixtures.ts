/**
 * A dashboard that satisfies DashboardSchema, for component tests (and for working on the page
 * without a server). Synthetic numbers of the demo's shape; nothing here is a published statistic.
 */
import type { CountyRow, Dashboard, IndicatorDefinition, IndicatorValue, ManualEntry, Target } from './api';

type Src = IndicatorValue['source'];
const SURVEY = (year: number): Src => ({ kind: 'survey', label: `住户收支调查 ${year} 年度估计`, href: `/survey?tab=estimates&period=${year}` });
const REGISTRY = (year: number): Src => ({ kind: 'registry', label: `收入与财产信息系统 ${year} 年汇总`, href: `/registry?tab=tables&year=${year}` });
const ADMIN: Src = { kind: 'admin', label: '市农委 报送（已审核）', href: null };

export function value(code: string, v: number | null, over: Partial<IndicatorValue> = {}): IndicatorValue {
  return { code, period: '2025', region: '211000', value: v, se: null, ci: null, n: null, suppressed: false, growth: null, source: SURVEY(2025), synthetic: true, ...over };
}

/** A survey estimate with a standard error and its 95% CI. */
export function estimate(code: string, v: number, se: number, over: Partial<IndicatorValue> = {}): IndicatorValue {
  return value(code, v, { se, ci: [v - 1.96 * se, v + 1.96 * se], n: 1480, ...over });
}

const def = (code: string, zh: string, en: string, unit: string, decimals: number, source: IndicatorDefinition['source'], definition: string, better: 'higher' | 'lower' = 'higher', department: string | null = null): IndicatorDefinition => ({
  code, name: { zh, en }, unit, periodicity: 'year', numerator: `${source}.${code}`, denominator: null, factor: 1, decimals, source, department, definition, better,
});

export const DEFINITIONS: IndicatorDefinition[] = [
  def('income.pc.urban', '城镇居民人均可支配收入', 'Urban per-capita disposable income', '元', 0, 'survey', '城镇常住户可支配收入总额除以城镇常住人口（比率估计 Σw·Y / Σw·m）。'),
  def('income.pc.rural', '农村居民人均可支配收入', 'Rural per-capita disposable income', '元', 0, 'survey', '农村常住户可支配收入总额除以农村常住人口。'),
  def('income.pc.all', '全体居民人均可支配收入', 'Per-capita disposable income, all residents', '元', 0, 'survey', '全体常住户可支配收入总额除以常住人口。'),
  def('income.ratio.urban_rural', '城乡居民收入比', 'Urban–rural income ratio', '', 2, 'survey', '城镇居民人均可支配收入 ÷ 农村居民人均可支配收入。', 'lower'),
  def('inequality.gini', '基尼系数', 'Gini coefficient', '', 3, 'survey', '按人均可支配收入排序、以人数加权的基尼系数。', 'lower'),
  def('middle.share', '中等收入群体比重', 'Middle-income share', '%', 1, 'survey', '三口之家年收入 10 万–50 万元（2018 年价格）的人口占比。'),
  def('poverty.rural.headcount', '农村贫困人口', 'Rural poor', '人', 0, 'registry', '农村常住人口中人均可支配收入低于现行贫困标准（2010 年价格 2,300 元）的人数。', 'lower'),
  def('coop.land_share', '千亩以上土地股份合作社', 'Land-share cooperatives over 1,000 mu', '家', 0, 'admin', '市农委报送的累计数，经审核后计入。', 'higher', 'agriculture'),
];

const URBAN_2010 = 16_200;
const RURAL_2010 = 7_300;
const YEARS = Array.from({ length: 16 }, (_, i) => 2010 + i);
const urbanAt = (y: number) => Math.round(URBAN_2010 * 1.062 ** (y - 2010));
const ruralAt = (y: number) => Math.round(RURAL_2010 * 1.075 ** (y - 2010));

function county(code: string, name: string, k: number): CountyRow {
  const u = Math.round(urbanAt(2025) * k);
  const r = Math.round(ruralAt(2025) * (2 - k));
  const v = (c: string, x: number, se: number) => estimate(c, x, se, { region: code, n: 200 });
  return { region: code, name, urban: v('income.pc.urban', u, 600), rural: v('income.pc.rural', r, 450), all: v('income.pc.all', Math.round((u + r) / 2), 500), ratio: value('income.ratio.urban_rural', Math.round((u / r) * 100) / 100, { region: code }) };
}

export const COUNTIES: CountyRow[] = [
  county('211002', '白塔区', 1.08),
  county('211003', '文圣区', 1.04),
  county('211004', '宏伟区', 1.02),
  county('211005', '弓长岭区', 0.95),
  county('211011', '太子河区', 1.0),
  county('211021', '辽阳县', 0.9),
  county('211081', '灯塔市', 0.93),
];

const target = (over: Partial<Target> & Pick<Target, 'id' | 'indicator' | 'title' | 'status'>): Target => ({
  planRef: '二、主要目标', region: '211000', baseYear: 2010, baseValue: null, targetYear: 2020, targetValue: 2, kind: 'level', latest: null,
  requiredAnnualGrowth: null, trendAnnualGrowth: null, projectedValue: null, ...over,
});

export const TARGETS: Target[] = [
  target({ id: 1, indicator: 'income.pc.urban', title: '城镇居民人均可支配收入比2010年翻一番', kind: 'multiple', baseValue: URBAN_2010, targetValue: 2, latest: { period: '2020', value: 29_700 }, status: 'off_track', requiredAnnualGrowth: null, trendAnnualGrowth: 0.062, projectedValue: 29_700 }),
  target({ id: 2, indicator: 'income.pc.rural', title: '农村居民人均可支配收入比2010年翻一番', kind: 'multiple', baseValue: RURAL_2010, targetValue: 2, latest: { period: '2020', value: 15_050 }, status: 'achieved', trendAnnualGrowth: 0.075, projectedValue: 15_050 }),
  target({ id: 3, indicator: 'income.ratio.urban_rural', title: '城乡居民收入差距缩小', kind: 'at_most', baseValue: 2.22, targetValue: 2.0, targetYear: 2027, latest: { period: '2025', value: 2.05 }, status: 'at_risk', requiredAnnualGrowth: -0.0123, trendAnnualGrowth: -0.008, projectedValue: 2.02 }),
  target({ id: 4, indicator: 'coop.land_share', title: '千亩以上土地股份合作社总数达到80家', planRef: '一(二)3', baseYear: 2018, baseValue: 45, targetYear: 2027, targetValue: 80, latest: { period: '2025', value: 72 }, status: 'on_track', requiredAnnualGrowth: 0.0542, trendAnnualGrowth: 0.07, projectedValue: 82 }),
  target({ id: 5, indicator: 'poverty.rural.headcount', title: '现行标准下农村贫困人口全部脱贫', kind: 'at_most', baseYear: 2018, baseValue: 3_400, targetYear: 2020, targetValue: 0, latest: null, status: 'no_data' }),
];

export function fixtureDashboard(region: { code: string; name: string; level: 'city' | 'county' } = { code: '211000', name: '辽阳市', level: 'city' }, year = 2025): Dashboard {
  const k = region.level === 'city' ? 1 : (COUNTIES.find((c) => c.region === region.code)?.urban.value ?? urbanAt(year)) / urbanAt(year);
  const at = (v: number) => Math.round(v * k);
  const r = region.code;
  const urban = estimate('income.pc.urban', at(urbanAt(year)), 610, { region: r, growth: 0.062 });
  const rural = estimate('income.pc.rural', at(ruralAt(year)), 420, { region: r, growth: 0.075 });
  const all = estimate('income.pc.all', at(Math.round((urbanAt(year) * 0.62 + ruralAt(year) * 0.38))), 480, { region: r, growth: 0.066 });
  const gini = estimate('inequality.gini', 0.352, 0.006, { region: r });
  return {
    region,
    year,
    generatedAt: '2026-11-27T08:00:00.000Z',
    headline: [
      urban,
      rural,
      all,
      value('income.ratio.urban_rural', Math.round((urban.value! / rural.value!) * 100) / 100, { region: r, growth: -0.011 }),
      gini,
      estimate('middle.share', 31.4, 1.2, { region: r, growth: 0.021 }),
      value('poverty.rural.headcount', 0, { region: r, source: REGISTRY(year), n: 48_000 }),
      value('coop.land_share', region.level === 'city' ? 72 : null, { region: r, source: ADMIN, synthetic: false, suppressed: false }),
    ],
    series: [
      { code: 'income.pc.urban', points: YEARS.filter((y) => y <= year).map((y) => estimate('income.pc.urban', at(urbanAt(y)), 600, { period: String(y), region: r, growth: y > 2010 ? 0.062 : null })) },
      { code: 'income.pc.rural', points: YEARS.filter((y) => y <= year).map((y) => estimate('income.pc.rural', at(ruralAt(y)), 400, { period: String(y), region: r, growth: y > 2010 ? 0.075 : null })) },
      { code: 'income.ratio.urban_rural', points: YEARS.filter((y) => y <= year).map((y) => value('income.ratio.urban_rural', Math.round((urbanAt(y) / ruralAt(y)) * 100) / 100, { period: String(y), region: r })) },
    ],
    doublingPath: [
      { code: 'income.pc.urban', baseYear: 2010, baseValue: at(URBAN_2010), points: YEARS.filter((y) => y <= 2020).map((y) => ({ year: y, value: at(URBAN_2010) * 2 ** ((y - 2010) / 10) })) },
      { code: 'income.pc.rural', baseYear: 2010, baseValue: at(RURAL_2010), points: YEARS.filter((y) => y <= 2020).map((y) => ({ year: y, value: at(RURAL_2010) * 2 ** ((y - 2010) / 10) })) },
    ],
    quintiles: { period: String(year), source: `住户收支调查 ${year} 年度估计`, means: [9_800, 18_600, 27_400, 38_900, 71_200], shares: [0.059, 0.112, 0.165, 0.234, 0.43] },
    lorenz: { points: [[0, 0], [0.2, 0.059], [0.4, 0.171], [0.6, 0.336], [0.8, 0.57], [1, 1]], gini },
    counties: region.level === 'city' ? COUNTIES : COUNTIES.filter((c) => c.region === region.code),
    keyGroups: [
      { key: 'skilled', label: { zh: '技能人才', en: 'Skilled workers' }, income: value('income.group.skilled', at(48_200), { region: r, source: REGISTRY(year), n: 5_210, growth: 0.071 }), ratioToAll: 1.52 },
      { key: 'newFarmer', label: { zh: '新型职业农民', en: 'New professional farmers' }, income: value('income.group.newFarmer', at(26_900), { region: r, source: REGISTRY(year), n: 830, growth: 0.09 }), ratioToAll: 0.85 },
      { key: 'researcher', label: { zh: '科研人员', en: 'Researchers' }, income: value('income.group.researcher', null, { region: r, source: REGISTRY(year), suppressed: true, n: 2 }), ratioToAll: null },
      { key: 'entrepreneur', label: { zh: '小微创业者', en: 'Small and micro entrepreneurs' }, income: value('income.group.entrepreneur', at(41_500), { region: r, source: REGISTRY(year), n: 2_940, growth: 0.052 }), ratioToAll: 1.31 },
      { key: 'manager', label: { zh: '企业经营管理人员', en: 'Enterprise managers' }, income: value('income.group.manager', at(66_300), { region: r, source: REGISTRY(year), n: 1_120, growth: 0.048 }), ratioToAll: 2.09 },
      { key: 'cadre', label: { zh: '基层干部队伍', en: 'Grassroots cadres' }, income: value('income.group.cadre', at(44_800), { region: r, source: REGISTRY(year), n: 1_760, growth: 0.04 }), ratioToAll: 1.41 },
      { key: 'hardshipAbleToWork', label: { zh: '有劳动能力的困难群体', en: 'People in hardship who can work' }, income: value('income.group.hardshipAbleToWork', at(9_600), { region: r, source: REGISTRY(year), n: 640, growth: 0.11 }), ratioToAll: 0.3 },
    ],
    targets: region.level === 'city' ? TARGETS : TARGETS.slice(0, 2).map((t) => ({ ...t, region: r })),
    tasks: {
      byGroup: [
        { key: 'g1', label: '技能人才激励计划', red: 1, yellow: 2, green: 4, done: 1 },
        { key: 'g2', label: '新型职业农民激励计划', red: 0, yellow: 1, green: 5, done: 0 },
      ],
      byAction: [{ key: 'a1', label: '收入信息监测行动', red: 2, yellow: 0, green: 1, done: 0 }],
      total: { key: 'total', label: '合计', red: 3, yellow: 3, green: 10, done: 1 },
    },
    definitions: DEFINITIONS,
  };
}

export function entry(over: Partial<ManualEntry> & Pick<ManualEntry, 'id'>): ManualEntry {
  return {
    indicator: 'coop.land_share', period: '2025', region: '211000', value: 72, status: 'submitted', enteredBy: '市农委联络员（演示）', enteredAt: '2026-11-20T09:00:00.000Z',
    reviewedBy: null, reviewedAt: null, reviewComment: null, ...over,
  };
}
