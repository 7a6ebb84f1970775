/**
 * The shipped indicator catalogue and the plan's main targets (辽市政发〔2018〕15号 二、主要目标 and
 * measure 二(二)9). Definitions are data: seeded once, then edited through the API (audited).
 *
 * Data elements (resolved by elements.ts for a year and region):
 *   survey.income_pc.{all|urban|rural}   住户收支调查 per-capita disposable income (svyratio, SE, CI)
 *   survey.gini                          Gini of per-capita income over persons (svyGini, SE)
 *   survey.middle_share                  share of persons in middle-income households (fraction, SE)
 *   survey.rural_poor / survey.persons.rural   weighted rural persons below the poverty line / all rural persons
 *   registry.income_pc.{all|urban|rural} registered per-capita disposable income (disclosure-controlled)
 *   registry.dibao.recipients            persons on the 低保 roster in the year
 *   registry.persons                     registered persons
 *   admin.<indicator code>               a department's approved entry of that indicator
 *   ind.<indicator code>                 another indicator's value (after its own fallback)
 *   workplan.tasks.{total|done|red}      supervised tasks of the plan in the region (current year)
 *   workplan.milestone.<id>              a plan milestone's reported value
 * Any indicator whose formula gives no value for a period falls back to an approved manual entry of
 * the indicator itself (e.g. the statistics bureau's published series before the survey existed).
 */
import type { IndicatorDefinition } from '../../shared/api/indicators.js';

export interface CatalogueEntry extends IndicatorDefinition {
  /** position among the headline cards (1 first), null: not a headline */
  headline: number | null;
}

const d = (e: Omit<CatalogueEntry, 'periodicity' | 'factor' | 'decimals' | 'department' | 'denominator' | 'better'> & Partial<CatalogueEntry>): CatalogueEntry => ({
  periodicity: 'year',
  factor: 1,
  decimals: 0,
  department: null,
  denominator: null,
  better: 'higher',
  ...e,
});

const INCOME_DEF = '人均可支配收入 =（工资性收入 + 经营净收入 + 财产净收入 + 转移净收入）÷ 常住人口；住户收支调查按比率估计 Σw·Y / Σw·m，附标准误和 95% 置信区间。2023 年以前为市统计局公布数（管理员录入并审核）。';

export const CATALOGUE: CatalogueEntry[] = [
  d({ code: 'income.pc.urban', name: { zh: '城镇常住居民人均可支配收入', en: 'Per-capita disposable income, urban residents' }, unit: '元', numerator: 'survey.income_pc.urban', source: 'survey', definition: `${INCOME_DEF} 城镇按《统计上划分城乡的规定》城乡代码 111–123。`, headline: 1 }),
  d({ code: 'income.pc.rural', name: { zh: '农村常住居民人均可支配收入', en: 'Per-capita disposable income, rural residents' }, unit: '元', numerator: 'survey.income_pc.rural', source: 'survey', definition: `${INCOME_DEF} 农村按城乡代码 210/220。`, headline: 2 }),
  d({ code: 'income.pc.all', name: { zh: '全体居民人均可支配收入', en: 'Per-capita disposable income, all residents' }, unit: '元', numerator: 'survey.income_pc.all', source: 'survey', definition: INCOME_DEF, headline: 3 }),
  d({
    code: 'income.ratio.urban_rural', name: { zh: '城乡居民收入比', en: 'Urban-rural income ratio' }, unit: '', numerator: 'ind.income.pc.urban', denominator: 'ind.income.pc.rural', decimals: 2, source: 'survey', better: 'lower',
    definition: '城镇常住居民人均可支配收入 ÷ 农村常住居民人均可支配收入（农村 = 1）。标准误按增量法近似（忽略城乡估计的协方差）。', headline: 4,
  }),
  d({ code: 'inequality.gini', name: { zh: '基尼系数', en: 'Gini coefficient' }, unit: '', numerator: 'survey.gini', decimals: 3, source: 'survey', better: 'lower', definition: '按人均可支配收入排序、以人口（户权数 × 常住人口）加权的基尼系数 G = Σ(2r_i − w_i)w_i y_i /(N·T) − 1；标准误按线性化（R convey::svygini）。', headline: 5 }),
  d({ code: 'middle.share', name: { zh: '中等收入群体比重', en: 'Middle-income group share' }, unit: '%', numerator: 'survey.middle_share', factor: 100, decimals: 1, source: 'survey', definition: '家庭年收入 10 万–50 万元（三口之家，2018 年价格，国家统计局口径）按人均 33,333–166,667 元比较，中等收入家庭人口占常住人口的比重。', headline: 6 }),
  d({ code: 'poverty.rural.headcount', name: { zh: '农村贫困人口', en: 'Rural poor' }, unit: '人', numerator: 'survey.rural_poor', source: 'survey', better: 'lower', definition: '人均可支配收入低于现行农村贫困标准（2010 年价格每人每年 2,300 元；2015 年 2,855 元，2016 年 2,952 元，2020 年约 4,000 元）的农村常住人口（加权推算数）。', headline: 7 }),
  d({ code: 'coop.land_share', name: { zh: '千亩以上土地股份合作社数', en: 'Land-share cooperatives of 1,000 mu or more' }, unit: '家', numerator: 'admin.coop.land_share', source: 'admin', department: 'agriculture', definition: '全市千亩以上农村土地股份合作社年末总数，市农委报送，经审核后计入。', headline: 8 }),
  d({ code: 'coop.land_share.new', name: { zh: '当年新建千亩以上土地股份合作社数', en: 'New land-share cooperatives in the year' }, unit: '家', numerator: 'ind.coop.land_share - ind.coop.land_share@-1', source: 'admin', department: 'agriculture', definition: '年末总数减上年末总数。', headline: null }),
  d({ code: 'poverty.rural.rate', name: { zh: '农村贫困发生率', en: 'Rural poverty rate' }, unit: '%', numerator: 'survey.rural_poor', denominator: 'survey.persons.rural', factor: 100, decimals: 2, source: 'survey', better: 'lower', definition: '农村贫困人口 ÷ 农村常住人口 × 100。', headline: null }),
  d({ code: 'dibao.recipients', name: { zh: '低保对象人数', en: '低保 recipients' }, unit: '人', numerator: 'registry.dibao.recipients', source: 'registry', department: 'civil_affairs', better: 'lower', definition: '年内在低保名册上的人数（个人收入和财产信息系统，民政渠道）。', headline: null }),
  d({ code: 'income.pc.registry', name: { zh: '登记收入人均可支配收入', en: 'Registered per-capita disposable income' }, unit: '元', numerator: 'registry.income_pc.all', source: 'registry', definition: '个人收入和财产信息系统中登记的各渠道收入（税务、社保、民政、不动产）按户汇总后的人均数；少于 3 户或一户占 85% 以上的单元格不公布。', headline: null }),
  d({ code: 'plan.tasks.done_share', name: { zh: '方案任务办结率', en: 'Plan tasks closed' }, unit: '%', numerator: 'workplan.tasks.done', denominator: 'workplan.tasks.total', factor: 100, decimals: 1, source: 'workplan', definition: '已办结销号的督办任务 ÷ 区域内督办任务总数 × 100（当年）。', headline: null }),
];

export interface SeedTarget {
  indicator: string;
  title: string;
  planRef: string;
  baseYear: number;
  /** null: taken from the indicator's value in the base year when targets are evaluated */
  baseValue: number | null;
  targetYear: number;
  targetValue: number;
  kind: 'level' | 'multiple' | 'at_most';
}

export const SEED_TARGETS: SeedTarget[] = [
  { indicator: 'income.pc.urban', title: '到2020年城镇居民人均可支配收入比2010年翻一番', planRef: '一(二)', baseYear: 2010, baseValue: null, targetYear: 2020, targetValue: 2, kind: 'multiple' },
  { indicator: 'income.pc.rural', title: '到2020年农村居民人均可支配收入比2010年翻一番', planRef: '一(二)', baseYear: 2010, baseValue: null, targetYear: 2020, targetValue: 2, kind: 'multiple' },
  { indicator: 'income.ratio.urban_rural', title: '城乡居民收入差距缩小（收入比不高于2017年水平）', planRef: '一(二)', baseYear: 2017, baseValue: null, targetYear: 2020, targetValue: NaN, kind: 'at_most' },
  { indicator: 'middle.share', title: '中等收入群体比重上升（高于2017年水平）', planRef: '一(二)', baseYear: 2017, baseValue: null, targetYear: 2020, targetValue: NaN, kind: 'level' },
  { indicator: 'poverty.rural.headcount', title: '现行标准下农村贫困人口全部脱贫', planRef: '一(二)', baseYear: 2017, baseValue: null, targetYear: 2020, targetValue: 0, kind: 'at_most' },
  { indicator: 'coop.land_share.new', title: '2018年再建成10个千亩以上土地股份合作社', planRef: '二(二)9', baseYear: 2017, baseValue: null, targetYear: 2018, targetValue: 10, kind: 'level' },
  { indicator: 'coop.land_share', title: '到2022年全市千亩以上农村土地股份合作社总数达到80家', planRef: '二(二)9', baseYear: 2017, baseValue: null, targetYear: 2022, targetValue: 80, kind: 'level' },
];
