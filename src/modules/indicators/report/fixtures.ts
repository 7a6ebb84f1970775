/**
 * A synthetic Liaoyang dashboard (city level, 2025) for developing and testing the monitoring report
 * without the indicators service. Figures are invented but plausible (calibrated loosely on the published
 * 2018/2023 levels) and every value is marked synthetic. Not used in production.
 */
import type { CountyRow, Dashboard, IndicatorDefinition, IndicatorValue, KeyGroupRow } from '../../../shared/api/indicators.js';

const SRC = { kind: 'survey' as const, label: '住户收支调查 2025 年度估计（演示）', href: '/survey?tab=estimates&period=2025' };

export function fixtureValue(code: string, value: number | null, extra: Partial<IndicatorValue> = {}): IndicatorValue {
  return { code, period: '2025', region: '211000', value, se: null, ci: null, n: null, suppressed: false, growth: null, source: SRC, synthetic: true, ...extra };
}

const def = (code: string, zh: string, en: string, unit: string, decimals: number, better: 'higher' | 'lower', source: IndicatorDefinition['source'] = 'survey', definition = ''): IndicatorDefinition => ({
  code, name: { zh, en }, unit, periodicity: 'year', numerator: code, denominator: null, factor: 1, decimals, source, department: null, definition: definition || `${zh}（演示口径）`, better,
});

export const FIXTURE_DEFINITIONS: IndicatorDefinition[] = [
  def('income.pc.urban', '城镇常住居民人均可支配收入', 'Urban per-capita disposable income', '元', 0, 'higher', 'survey', '城镇常住居民人均可支配收入 = 可支配收入总额 ÷ 常住人口（国家统计局口径）'),
  def('income.pc.rural', '农村常住居民人均可支配收入', 'Rural per-capita disposable income', '元', 0, 'higher'),
  def('income.pc.all', '全体居民人均可支配收入', 'Per-capita disposable income', '元', 0, 'higher'),
  def('income.ratio.urban_rural', '城乡居民收入比', 'Urban-rural income ratio', '', 2, 'lower'),
  def('inequality.gini', '基尼系数', 'Gini coefficient', '', 3, 'lower'),
  def('middle.share', '中等收入群体比重', 'Middle-income share', '%', 1, 'higher'),
  def('poverty.rural.headcount', '农村贫困人口', 'Rural poor', '人', 0, 'lower', 'registry'),
  def('coop.land_share', '千亩以上土地股份合作社数', 'Land-share cooperatives', '家', 0, 'higher', 'admin'),
];

const URBAN = [20446, 23119, 25865, 28231, 30478, 32349, 34271, 36492, 38521, 40417, 41012, 43864, 45310, 47437, 49541, 51722];
const RURAL = [7615, 8830, 9941, 10978, 11941, 12843, 13723, 14696, 15788, 17050, 18082, 19754, 20993, 22546, 24039, 25566];

function seriesPoints(code: string, values: number[]): IndicatorValue[] {
  return values.map((v, i) => fixtureValue(code, v, { period: String(2010 + i), growth: i === 0 ? null : v / values[i - 1]! - 1 }));
}

const county = (region: string, name: string, urban: number, rural: number, all: number, gu: number, gr: number): CountyRow => ({
  region, name,
  urban: fixtureValue('income.pc.urban', urban, { region, growth: gu }),
  rural: fixtureValue('income.pc.rural', rural, { region, growth: gr }),
  all: fixtureValue('income.pc.all', all, { region }),
  ratio: fixtureValue('income.ratio.urban_rural', urban / rural, { region }),
});

const group = (key: KeyGroupRow['key'], zh: string, en: string, income: number, growth: number, all: number): KeyGroupRow => ({
  key, label: { zh, en },
  income: fixtureValue(`keygroup.${key}.income.pc`, income, { growth, source: { kind: 'registry', label: '收入与财产信息系统 2025（演示）', href: '/registry/tables' } }),
  ratioToAll: income / all,
});

const ALL = 40318.6;

export const FIXTURE_DASHBOARD: Dashboard = {
  region: { code: '211000', name: '辽阳市', level: 'city' },
  year: 2025,
  generatedAt: '2026-11-27T08:00:00.000Z',
  headline: [
    fixtureValue('income.pc.urban', 51722.4, { growth: 0.04403, se: 612.3, ci: [50522.3, 52922.5], n: 1012 }),
    fixtureValue('income.pc.rural', 25565.5, { growth: 0.06352, se: 498.1, ci: [24589.2, 26541.8], n: 488 }),
    fixtureValue('income.pc.all', ALL, { growth: 0.05071, se: 455.0, ci: [39426.8, 41210.4], n: 1500 }),
    fixtureValue('income.ratio.urban_rural', 2.02313, { growth: -0.01836 }),
    fixtureValue('inequality.gini', 0.36149, { growth: -0.0052, se: 0.0061, ci: [0.3495, 0.3735] }),
    fixtureValue('middle.share', 31.247, { growth: 0.0213 }),
    fixtureValue('poverty.rural.headcount', 0, { growth: null, source: { kind: 'registry', label: '收入与财产信息系统（演示）', href: null } }),
    fixtureValue('coop.land_share', 62, { growth: 0.1071, source: { kind: 'admin', label: '市农委 报送（已审核，演示）', href: null } }),
  ],
  series: [
    { code: 'income.pc.urban', points: seriesPoints('income.pc.urban', URBAN) },
    { code: 'income.pc.rural', points: seriesPoints('income.pc.rural', RURAL) },
    { code: 'income.ratio.urban_rural', points: URBAN.map((u, i) => fixtureValue('income.ratio.urban_rural', u / RURAL[i]!, { period: String(2010 + i) })) },
  ],
  doublingPath: [
    { code: 'income.pc.urban', baseYear: 2010, baseValue: URBAN[0]!, points: Array.from({ length: 11 }, (_, i) => ({ year: 2010 + i, value: URBAN[0]! * 2 ** (i / 10) })) },
    { code: 'income.pc.rural', baseYear: 2010, baseValue: RURAL[0]!, points: Array.from({ length: 11 }, (_, i) => ({ year: 2010 + i, value: RURAL[0]! * 2 ** (i / 10) })) },
  ],
  quintiles: { period: '2025', source: '住户收支调查 2025 年度估计（演示）', means: [11876.3, 22410.8, 33105.2, 46388.9, 87812.4], shares: [0.0589, 0.1112, 0.1642, 0.2301, 0.4356] },
  lorenz: {
    points: [[0, 0], [0.2, 0.0589], [0.4, 0.1701], [0.6, 0.3343], [0.8, 0.5644], [1, 1]],
    gini: fixtureValue('inequality.gini', 0.36149, { growth: -0.0052 }),
  },
  counties: [
    county('211002', '白塔区', 54210.5, 27102.2, 53870.1, 0.0421, 0.061),
    county('211003', '文圣区', 52890.7, 26433.9, 47215.3, 0.0436, 0.0622),
    county('211004', '宏伟区', 53611.2, 26901.4, 51008.8, 0.0409, 0.0597),
    county('211005', '弓长岭区', 49807.3, 25370.6, 43112.4, 0.0452, 0.0645),
    county('211011', '太子河区', 50988.1, 25978.3, 42610.9, 0.0447, 0.0631),
    county('211021', '辽阳县', 44312.6, 24892.5, 30511.7, 0.0468, 0.0671),
    county('211081', '灯塔市', 45120.9, 26033.1, 31842.6, 0.0462, 0.0658),
  ],
  keyGroups: [
    group('skilled', '技能人才', 'Skilled workers', 56210.3, 0.0581, ALL),
    group('newFarmer', '新型职业农民', 'New professional farmers', 33712.8, 0.0812, ALL),
    group('researcher', '科研人员', 'Researchers', 78403.1, 0.0497, ALL),
    group('entrepreneur', '小微创业者', 'Small and micro entrepreneurs', 61022.4, 0.0356, ALL),
    group('manager', '企业经营管理人员', 'Enterprise managers', 92511.9, 0.0412, ALL),
    group('cadre', '基层干部队伍', 'Grassroots cadres', 58760.2, 0.0388, ALL),
    group('hardshipAbleToWork', '有劳动能力的困难群体', 'People in hardship able to work', 14233.5, 0.0921, ALL),
  ],
  targets: [
    { id: 1, indicator: 'income.pc.urban', title: '城镇居民人均可支配收入比2010年翻一番', planRef: '二、主要目标', region: '211000', baseYear: 2010, baseValue: 20446, targetYear: 2020, targetValue: 2, kind: 'multiple', latest: { period: '2020', value: 41012 }, status: 'achieved', requiredAnnualGrowth: null, trendAnnualGrowth: 0.0482, projectedValue: null },
    { id: 2, indicator: 'income.pc.rural', title: '农村居民人均可支配收入比2010年翻一番', planRef: '二、主要目标', region: '211000', baseYear: 2010, baseValue: 7615, targetYear: 2020, targetValue: 2, kind: 'multiple', latest: { period: '2020', value: 18082 }, status: 'achieved', requiredAnnualGrowth: null, trendAnnualGrowth: 0.0663, projectedValue: null },
    { id: 3, indicator: 'income.ratio.urban_rural', title: '城乡居民收入差距持续缩小（城乡收入比不高于2.0）', planRef: '二、主要目标', region: '211000', baseYear: 2018, baseValue: 2.44, targetYear: 2027, targetValue: 2.0, kind: 'at_most', latest: { period: '2025', value: 2.02313 }, status: 'on_track', requiredAnnualGrowth: -0.00573, trendAnnualGrowth: -0.0183, projectedValue: 1.9502 },
    { id: 4, indicator: 'middle.share', title: '中等收入群体比重达到35%', planRef: '二、主要目标', region: '211000', baseYear: 2018, baseValue: 26.2, targetYear: 2027, targetValue: 35, kind: 'level', latest: { period: '2025', value: 31.247 }, status: 'at_risk', requiredAnnualGrowth: 0.05833, trendAnnualGrowth: 0.0251, projectedValue: 32.834 },
    { id: 5, indicator: 'coop.land_share', title: '千亩以上土地股份合作社总数达到80家', planRef: '一(二)3', region: '211000', baseYear: 2018, baseValue: 28, targetYear: 2022, targetValue: 80, kind: 'level', latest: { period: '2025', value: 62 }, status: 'off_track', requiredAnnualGrowth: null, trendAnnualGrowth: 0.1207, projectedValue: 62 },
    { id: 6, indicator: 'poverty.rural.headcount', title: '现行标准下农村贫困人口全部脱贫', planRef: '二、主要目标', region: '211000', baseYear: 2018, baseValue: 3120, targetYear: 2020, targetValue: 0, kind: 'at_most', latest: { period: '2025', value: 0 }, status: 'achieved', requiredAnnualGrowth: null, trendAnnualGrowth: null, projectedValue: null },
  ],
  tasks: {
    byGroup: [
      { key: 'skilled', label: '技能人才激励计划', red: 1, yellow: 2, green: 5, done: 1 },
      { key: 'newFarmer', label: '新型职业农民激励计划', red: 2, yellow: 1, green: 4, done: 0 },
      { key: 'researcher', label: '科研人员激励计划', red: 0, yellow: 1, green: 5, done: 2 },
    ],
    byAction: [
      { key: 'employment', label: '就业促进行动', red: 1, yellow: 0, green: 3, done: 1 },
      { key: 'infosystem', label: '收入监测能力提升行动', red: 0, yellow: 2, green: 3, done: 0 },
    ],
    total: { key: 'total', label: '合计', red: 4, yellow: 6, green: 20, done: 4 },
  },
  definitions: FIXTURE_DEFINITIONS,
};
