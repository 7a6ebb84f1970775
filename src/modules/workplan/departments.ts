import { LIAOYANG_DIVISIONS } from '../regions/liaoyang-divisions.js';
import type { Measure, UnitRole } from './parser/types.js';

/**
 * The units of Liaoyang that 辽市政发〔2018〕15号 names, under the names the plan uses, plus the seven
 * county-level governments. The Foundation seeds the `departments` table from DEPARTMENTS; `code` is the
 * stable key (never rename one). Aliases are other names of the same unit: full names, common
 * abbreviations, and the unit's name after the 2018–2019 institutional reform only where the unit was
 * renamed rather than merged (市卫生计生委 → 市卫生健康委 is listed; 市工商局 → 市市场监督管理局, 市国税局
 * + 市地税局 → 国家税务总局辽阳市税务局, 市国土资源局 → 市自然资源局, 市政府法制办 → 市司法局,
 * 市文广新体局 + 市旅游发展委 → 市文化旅游和广播电视局 and 辽阳银监分局 → 辽阳银保监分局 are merges and
 * are not listed: a plan naming the merged unit is flagged for an administrator to map).
 */

export type DepartmentKind =
  | 'department' // 市政府工作部门 and 直属机构
  | 'county_government' // 县(市)区人民政府, and the catch-all 各县(市)区政府
  | 'bank'
  | 'association' // 行业协会
  | 'regulator' // financial regulator's local office
  | 'central_unit' // 中央驻辽阳单位 (vertically managed)
  | 'party' // 市委 bodies
  | 'mass_org'; // 群团组织 (工会, 残联 …)

export interface DepartmentSeed {
  /** Stable ASCII slug, the database key. */
  code: string;
  /** The name as the plan writes it. */
  name: string;
  aliases: string[];
  kind: DepartmentKind;
  /** GB/T 2260 code of the region the unit serves: 211000 for city units, the county's for a county. */
  regionCode: string;
}

const CITY = '211000';
const dept = (code: string, name: string, aliases: string[] = [], kind: DepartmentKind = 'department'): DepartmentSeed => ({
  code,
  name,
  aliases,
  kind,
  regionCode: CITY,
});

const countyCode = (county: string): string => {
  const d = LIAOYANG_DIVISIONS.find((x) => x.level === 'county' && x.name === county);
  if (!d) throw new Error(`unknown county ${county}`);
  return d.code;
};
const county = (code: string, county: string): DepartmentSeed => ({
  code,
  name: `${county}人民政府`,
  aliases: [`${county}政府`, county],
  kind: 'county_government',
  regionCode: countyCode(county),
});

export const DEPARTMENTS: readonly DepartmentSeed[] = [
  dept('hrss', '市人力资源社会保障局', ['市人力资源和社会保障局', '市人社局']),
  dept('finance', '市财政局'),
  dept('ndrc', '市发展改革委', ['市发展和改革委员会', '市发展改革委员会', '市发改委']),
  dept('education', '市教育局'),
  dept('agriculture', '市农委', ['市农村经济委员会', '市农业农村局']),
  dept('science', '市科技局', ['市科学技术局']),
  dept('industry', '市经济和信息化委', ['市经济和信息化委员会', '市经信委', '市工业和信息化局', '市工信局']),
  dept('housing', '市住房城乡建设委', ['市住房和城乡建设委员会', '市住建委', '市住房和城乡建设局', '市住建局']),
  dept('poverty', '市扶贫办', ['市扶贫开发领导小组办公室', '市扶贫开发办公室']),
  dept('civil_affairs', '市民政局'),
  dept('sasac', '市国资委', ['市人民政府国有资产监督管理委员会', '市政府国资委', '市国有资产监督管理委员会']),
  dept('commerce', '市商务局'),
  dept('public_security', '市公安局'),
  dept('statistics', '市统计局'),
  dept('state_tax', '市国税局', ['市国家税务局'], 'central_unit'),
  // Local tax was under the province's vertical management, not the central government's.
  dept('local_tax', '市地税局', ['市地方税务局']),
  dept('health', '市卫生计生委', ['市卫生和计划生育委员会', '市卫计委', '市卫生健康委员会', '市卫生健康委', '市卫健委']),
  dept('trade_union', '市总工会', [], 'mass_org'),
  dept('industry_commerce', '市工商局', ['市工商行政管理局']),
  dept('pbc', '人民银行辽阳市中心支行', ['中国人民银行辽阳市中心支行', '人行辽阳市中心支行', '中国人民银行辽阳市分行'], 'bank'),
  dept('cbrc', '辽阳银监分局', ['中国银监会辽阳监管分局', '中国银行业监督管理委员会辽阳监管分局'], 'regulator'),
  dept('insurance_assoc', '市保险行业协会', [], 'association'),
  dept('disabled_fed', '市残联', ['市残疾人联合会'], 'mass_org'),
  dept('land', '市国土资源局', ['市国土局']),
  dept('nbs_survey', '国家统计局辽阳调查队', ['辽阳调查队'], 'central_unit'),
  dept('environment', '市环保局', ['市环境保护局', '市生态环境局']),
  dept('staffing', '市编委办', ['市机构编制委员会办公室', '市委编办', '市编办'], 'party'),
  dept('audit', '市审计局'),
  dept('culture', '市文广新体局'),
  dept('admin_approval', '市行政审批局'),
  dept('tourism', '市旅游发展委', ['市旅游发展委员会', '市旅发委']),
  dept('ethnic_affairs', '市民委', ['市民族事务委员会']),
  dept('legal_affairs', '市政府法制办', ['市人民政府法制办公室', '市法制办']),
  {
    code: 'counties_all',
    name: '各县(市)区政府',
    aliases: ['各县(市)区人民政府', '各区、县(市)政府', '各区、县(市)人民政府', '各县(市)区'],
    kind: 'county_government',
    regionCode: CITY,
  },
  county('gov_baita', '白塔区'),
  county('gov_wensheng', '文圣区'),
  county('gov_hongwei', '宏伟区'),
  county('gov_gongchangling', '弓长岭区'),
  county('gov_taizihe', '太子河区'),
  county('gov_liaoyang_county', '辽阳县'),
  county('gov_dengta', '灯塔市'),
];

/** The outcome of matching a unit name against the directory. */
export interface UnitResolution {
  /** Directory code, or null when the name is not in the directory. */
  code: string | null;
  /** The directory's name for the unit, or the name as written (trimmed) when unknown. */
  canonical: string;
  /** True when an administrator must map the name (not in the directory). */
  flagged: boolean;
  kind: DepartmentKind | null;
}

/**
 * Key for comparing unit names: NFKC (full-width brackets, letters, digits → half-width), 〔〕【】 → (),
 * 、 kept, whitespace removed.
 */
export function unitKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[〔【〖［]/g, '(')
    .replace(/[〕】〗］]/g, ')')
    .replace(/[\s\u3000\u00a0]+/g, '');
}

type Index = Map<string, DepartmentSeed>;
const indexes = new WeakMap<readonly DepartmentSeed[], Index>();

function indexOf(directory: readonly DepartmentSeed[]): Index {
  let idx = indexes.get(directory);
  if (idx) return idx;
  idx = new Map();
  for (const d of directory) {
    for (const n of [d.name, ...d.aliases]) {
      const k = unitKey(n);
      const prior = idx.get(k);
      if (prior && prior !== d) throw new Error(`unit name ${n} belongs to both ${prior.code} and ${d.code}`);
      idx.set(k, d);
    }
  }
  indexes.set(directory, idx);
  return idx;
}

/**
 * Resolves a unit name as written in a plan to a directory entry. Brackets of either width and
 * whitespace do not matter; "辽阳市财政局" matches "市财政局" (the city's own name may be written out;
 * `cityName` says which city that is). An unknown name comes back as written, flagged.
 */
export function resolveUnit(
  name: string,
  directory: readonly DepartmentSeed[] = DEPARTMENTS,
  options: { cityName?: string } = {},
): UnitResolution {
  const idx = indexOf(directory);
  const key = unitKey(name);
  const city = options.cityName ?? '辽阳市';
  let d = idx.get(key);
  if (!d && key.startsWith(city)) d = idx.get('市' + key.slice(city.length));
  if (!d) return { code: null, canonical: name.trim(), flagged: true, kind: null };
  return { code: d.code, canonical: d.name, flagged: false, kind: d.kind };
}

/** One unit of a measure with its role and resolution, in the order lead, cooperating, responsible. */
export interface MeasureUnit extends UnitResolution {
  role: UnitRole;
  /** The name as written in the plan. */
  name: string;
}

/** Resolves every unit a measure names (what a supervision import needs for its task's units). */
export function resolveMeasureUnits(
  m: Pick<Measure, 'lead' | 'cooperating' | 'responsible'>,
  directory: readonly DepartmentSeed[] = DEPARTMENTS,
  options: { cityName?: string } = {},
): MeasureUnit[] {
  const out: MeasureUnit[] = [];
  for (const role of ['lead', 'cooperating', 'responsible'] as const) {
    for (const name of m[role]) out.push({ role, name, ...resolveUnit(name, directory, options) });
  }
  return out;
}
