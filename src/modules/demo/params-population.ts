/**
 * Assumptions for the synthetic population (who lives where, in which households, with which
 * education and work). None of these are published figures; ASSUMPTIONS.md explains each.
 */

/** The census standard time the population describes (ages, household composition). */
export const REFERENCE_DATE = { year: 2020, month: 11, day: 1 };
export const FIRST_YEAR = 2010;
export const LAST_YEAR = 2024;

/** County share of residents and share of the county's residents living in urban places (assumed). */
export const COUNTIES: readonly { code: string; popShare: number; urbanShare: number }[] = [
  { code: '211002', popShare: 0.15, urbanShare: 1.0 }, // 白塔区: 4 subdistricts, city core
  { code: '211003', popShare: 0.118, urbanShare: 0.86 }, // 文圣区
  { code: '211004', popShare: 0.1, urbanShare: 0.88 }, // 宏伟区 (petrochemical base)
  { code: '211005', popShare: 0.042, urbanShare: 0.8 }, // 弓长岭区 (iron mining)
  { code: '211011', popShare: 0.11, urbanShare: 0.7 }, // 太子河区
  { code: '211021', popShare: 0.23, urbanShare: 0.33 }, // 辽阳县 (seat 首山镇)
  { code: '211081', popShare: 0.25, urbanShare: 0.4 }, // 灯塔市 (county-level city)
];

/** Town that hosts the county seat (more urban) for the two non-district counties. */
export const COUNTY_SEAT_TOWNS = new Set(['211021100']);
/** Average residents per village (村) and per community (社区) at scale 1, for generating geography. */
export const VILLAGE_SIZE = 1300;
export const COMMUNITY_SIZE = 5200;

/** GB/T 4761-2008 family relationship codes (major categories) used in the household roster. */
export const RELATION = {
  head: 2, // 户主
  spouse: 10, // 配偶
  son: 20, // 子
  daughter: 30, // 女
  grandchild: 40, // 孙子、孙女
  parent: 50, // 父母
  sibling: 70, // 兄弟姐妹
  childInLaw: 80, // 其他 (儿媳、女婿)
} as const;

/**
 * Household types and their probabilities among urban / rural households (assumed; average size
 * about 2.5 urban and 2.7 rural, the 2020 census gives 2.4 for Liaoning).
 */
export const HOUSEHOLD_TYPES = [
  { key: 'singleYoung', urban: 0.05, rural: 0.03 },
  { key: 'singleOld', urban: 0.11, rural: 0.12 },
  { key: 'coupleYoung', urban: 0.05, rural: 0.03 },
  { key: 'coupleMiddle', urban: 0.13, rural: 0.15 },
  { key: 'coupleOld', urban: 0.17, rural: 0.19 },
  { key: 'couple1', urban: 0.28, rural: 0.2 },
  { key: 'couple2', urban: 0.04, rural: 0.08 },
  { key: 'threeGenA', urban: 0.07, rural: 0.07 }, // working couple + child + grandparent(s)
  { key: 'threeGenB', urban: 0.05, rural: 0.09 }, // older couple + married child + grandchild
  { key: 'singleParent', urban: 0.05, rural: 0.04 },
] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number]['key'];

/**
 * Households present in 2010 that died out or left the city before the 2020 census; as many persons
 * as the 2010 census total (1,858,768 × scale) requires. Ages are drawn as of 2010-11-01; each leaves
 * in a year 2011–2020 (assumed mix: a third elderly households dying out, the rest out-migration).
 */
export const DEPARTED_TYPES: readonly { key: HouseholdType; weight: number }[] = [
  { key: 'singleOld', weight: 0.22 },
  { key: 'coupleOld', weight: 0.13 },
  { key: 'singleYoung', weight: 0.2 },
  { key: 'coupleYoung', weight: 0.15 },
  { key: 'couple1', weight: 0.3 },
];

/** GB/T 4658-2006 education codes, from highest to lowest. */
export const EDUCATION_CODES = [10, 20, 30, 40, 60, 70, 80, 90] as const;
export const EDUCATION_LABELS: Record<number, string> = {
  10: '研究生', 20: '大学本科', 30: '大学专科', 40: '中等专业', 60: '普通高中', 70: '初中', 80: '小学', 90: '未上过学',
};
/** Age at which someone with this education leaves school. */
export const SCHOOL_LEAVING_AGE: Record<number, number> = { 10: 25, 20: 22, 30: 21, 40: 19, 60: 19, 70: 16, 80: 15, 90: 15 };

/** Education distribution (order of EDUCATION_CODES) by birth cohort upper bound (assumed, census-like). */
export const EDUCATION_BY_COHORT: readonly { bornBy: number; urban: number[]; rural: number[] }[] = [
  { bornBy: 1950, urban: [0, 0.04, 0.04, 0.06, 0.16, 0.34, 0.28, 0.08], rural: [0, 0.003, 0.005, 0.01, 0.05, 0.25, 0.52, 0.162] },
  { bornBy: 1965, urban: [0.003, 0.07, 0.07, 0.08, 0.22, 0.42, 0.12, 0.017], rural: [0, 0.008, 0.012, 0.02, 0.09, 0.52, 0.31, 0.04] },
  { bornBy: 1980, urban: [0.01, 0.14, 0.13, 0.09, 0.2, 0.38, 0.045, 0.005], rural: [0, 0.02, 0.03, 0.04, 0.11, 0.64, 0.15, 0.01] },
  { bornBy: 1995, urban: [0.04, 0.28, 0.22, 0.08, 0.15, 0.22, 0.01, 0], rural: [0.003, 0.07, 0.09, 0.07, 0.13, 0.59, 0.045, 0.002] },
  { bornBy: 9999, urban: [0.06, 0.34, 0.26, 0.08, 0.14, 0.12, 0, 0], rural: [0.01, 0.16, 0.2, 0.1, 0.15, 0.38, 0, 0] },
];

/** Main working-life activity ("career") of adults. */
export const CAREER = { employee: 1, selfEmployed: 2, farmer: 3, unemployed: 4, inactive: 5, disabled: 6 } as const;
/** Career probabilities (order: employee, self-employed, farmer, unemployed, inactive, disabled). */
export const CAREER_PROBS = {
  urban: [0.62, 0.12, 0.01, 0.07, 0.15, 0.03],
  rural: [0.31, 0.07, 0.5, 0.02, 0.07, 0.03],
};
/** Share of employees in formal jobs (employee social insurance and tax withholding). */
export const FORMAL_SHARE = { urban: 0.9, rural: 0.45 };

/** Employment status codes (in a given month), as written in the canonical files. */
export const STATUS = {
  none: 0, // not yet born
  employee: 1, // 雇员
  selfEmployed: 2, // 雇主/个体经营
  farmer: 3, // 农业经营
  unemployed: 4, // 失业
  retired: 5, // 离退休
  student: 6, // 在校学生
  preschool: 7, // 学龄前
  inactive: 8, // 料理家务/其他不在业
  disabled: 9, // 丧失劳动能力
} as const;
export const STATUS_LABELS = ['', '雇员', '雇主/个体经营', '农业经营', '失业', '离退休', '在校学生', '学龄前', '料理家务/其他不在业', '丧失劳动能力'];

/** Retirement ages (before the 2025 reform): men 60; women 50 as workers, 55 as cadres/professionals. */
export const RETIREMENT_AGE = { male: 60, femaleWorker: 50, femaleCadre: 55, selfEmployed: 65, farmer: 72 };

/** GB/T 4754-2017 sections A–S and their employment weights among urban / rural employees (assumed). */
export const SECTORS = 'ABCDEFGHIJKLMNOPQRS'.split('');
export const SECTOR_LABELS: Record<string, string> = {
  A: '农、林、牧、渔业', B: '采矿业', C: '制造业', D: '电力、热力、燃气及水生产和供应业', E: '建筑业', F: '批发和零售业',
  G: '交通运输、仓储和邮政业', H: '住宿和餐饮业', I: '信息传输、软件和信息技术服务业', J: '金融业', K: '房地产业',
  L: '租赁和商务服务业', M: '科学研究和技术服务业', N: '水利、环境和公共设施管理业', O: '居民服务、修理和其他服务业',
  P: '教育', Q: '卫生和社会工作', R: '文化、体育和娱乐业', S: '公共管理、社会保障和社会组织',
};
export const SECTOR_WEIGHTS = {
  urban: [0.01, 0.03, 0.275, 0.025, 0.06, 0.14, 0.05, 0.05, 0.015, 0.025, 0.02, 0.025, 0.01, 0.015, 0.04, 0.07, 0.05, 0.01, 0.08],
  rural: [0.06, 0.03, 0.3, 0.01, 0.15, 0.14, 0.06, 0.06, 0.002, 0.005, 0.01, 0.02, 0.003, 0.02, 0.05, 0.03, 0.02, 0.005, 0.025],
};
/** County tilts on sector weights: 宏伟区 petrochemicals, 弓长岭区 iron mining, 灯塔市 leather (佟二堡). */
export const COUNTY_SECTOR_TILT: Record<string, Partial<Record<string, number>>> = {
  '211004': { C: 2 },
  '211005': { B: 6 },
  '211081': { C: 1.3, F: 1.3 },
};
/** Sectors that mostly employ graduates, and those that mostly do not. */
export const SKILLED_SECTORS = new Set(['I', 'J', 'M', 'P', 'Q', 'S']);
export const MANUAL_SECTORS = new Set(['B', 'C', 'E', 'H', 'O']);
/** Public-sector employers (机关 / 事业单位). */
export const PUBLIC_SECTORS = new Set(['P', 'Q', 'S']);
export const SELF_EMPLOYED_SECTORS = { F: 0.4, H: 0.2, O: 0.15, G: 0.1, C: 0.08, E: 0.07 } as Record<string, number>;

/** GB/T 6565-2015 major occupation groups. */
export const OCCUPATION_LABELS: Record<number, string> = {
  1: '党的机关、国家机关、群众团体和社会组织、企事业单位负责人',
  2: '专业技术人员',
  3: '办事人员和有关人员',
  4: '社会生产服务和生活服务人员',
  5: '农、林、牧、渔业生产及辅助人员',
  6: '生产制造及有关人员',
  8: '不便分类的其他从业人员',
};

/** 国家职业资格 levels: 5 五级/初级工 … 1 一级/高级技师 (0 none). */
export const QUALIFICATION_LABELS = ['', '一级/高级技师', '二级/技师', '三级/高级工', '四级/中级工', '五级/初级工'];

/** The seven key groups of the plan, as bits of Person.keyGroups. */
export const KEY_GROUPS = [
  { bit: 0, key: 'skilled', label: '技能人才' },
  { bit: 1, key: 'newFarmer', label: '新型职业农民' },
  { bit: 2, key: 'researcher', label: '科研人员' },
  { bit: 3, key: 'entrepreneur', label: '小微创业者' },
  { bit: 4, key: 'manager', label: '企业经营管理人员' },
  { bit: 5, key: 'cadre', label: '基层干部队伍' },
  { bit: 6, key: 'hardshipAbleToWork', label: '有劳动能力的困难群体' },
] as const;

/** Share of local residents whose ID number was first issued outside Liaoyang, and of migrants. */
export const BORN_ELSEWHERE_SHARE = 0.08;
export const MIGRANT_HOUSEHOLD_SHARE = { urban: 0.06, rural: 0.02 };
/** Real county-level codes outside Liaoyang used as ID-number prefixes and hukou places of migrants. */
export const OTHER_REGIONS = [
  '210102', '210103', '210302', '210303', '210402', '210502', '210602', '210702', '210802', '210902', '211202',
  '211302', '211402', '220102', '220202', '230102', '130102', '130203', '150102', '370102', '371002', '410102',
];
