/**
 * The income and property registry (个人收入和财产信息系统) as a policy population for one year:
 * every person the population register places in a household (within the user's region scope),
 * with the year's registered amounts as inputs — wages by month (an annual record spread over
 * the year), bonus, labour remuneration, business income, interest, dividends, rent, pensions,
 * imputed rent, property expenses and transfers; employee insurance status, declared base and
 * housing-fund rate from the contribution records; flexible-employment contributions; the 低保
 * records as take-up. Records of merged persons count for the person they were merged into.
 * Weight 1 per household: the registry is a census of the city, not a sample. Taxes, employee
 * contributions and 低保 amounts registered are not inputs: the rules recompute them.
 *
 * Reads pseudonymous ids and amounts only (nothing is decrypted), page by page; one audit event
 * per build (purpose: policy evaluation).
 */
import type { DbHandle } from '../../../db/connect.js';
import { isUrbanCode, regionPrefix } from '../../../shared/region-scope.js';
import { AppError } from '../../app-error.js';
import type { Actor, AuditService } from '../../audit/audit.service.js';
import { MicrodataRepository } from '../../registry/microdata.repository.js';
import { ROOT_REGION } from '../../registry/scope.js';
import type { PolicyPopulation } from './types.js';

export const REGISTRY_PURPOSE = '政策评估（收入分配政策微观模拟）';

export interface RegistryPopulationOptions {
  year: number;
  /** the user's region scope (GB/T 2260 code); the city for a city-wide user or the CLI */
  regionCode?: string;
  actor: Actor;
  audit: AuditService;
  pageSize?: number;
  onProgress?: (stage: 'persons' | 'income' | 'social_insurance' | 'dibao', rows: number) => void;
}

const PERSON_MONTH = ['wage_monthly', 'labour_remuneration_monthly', 'rental_income_monthly'] as const;
const PERSON_YEAR = [
  'bonus_annual', 'business_income_annual', 'deposit_interest_annual', 'dividend_income_annual', 'pension_annual', 'si_insured', 'si_declared_base_monthly',
  'hpf_rate', 'social_insurance_other_annual', 'domiciled', 'days_in_china',
] as const;
const HOUSEHOLD_YEAR = ['urban', 'dibao_take_up', 'imputed_rent_annual', 'property_expense_annual', 'transfers_received_annual', 'transfers_paid_annual'] as const;

/** Income item → [input variable, sign]; month variables take monthly records by month, annual ones spread evenly. */
const ITEM_INPUT: Record<string, { v: string; sign: 1 | -1; entity: 'person' | 'household'; month?: true }> = {
  wage: { v: 'wage_monthly', sign: 1, entity: 'person', month: true },
  labour_service: { v: 'labour_remuneration_monthly', sign: 1, entity: 'person', month: true },
  rent: { v: 'rental_income_monthly', sign: 1, entity: 'person', month: true },
  bonus: { v: 'bonus_annual', sign: 1, entity: 'person' },
  business: { v: 'business_income_annual', sign: 1, entity: 'person' },
  business_revenue: { v: 'business_income_annual', sign: 1, entity: 'person' },
  business_cost: { v: 'business_income_annual', sign: -1, entity: 'person' },
  interest: { v: 'deposit_interest_annual', sign: 1, entity: 'person' },
  dividends: { v: 'dividend_income_annual', sign: 1, entity: 'person' },
  pension: { v: 'pension_annual', sign: 1, entity: 'person' },
  imputed_rent: { v: 'imputed_rent_annual', sign: 1, entity: 'household' },
  property_expense: { v: 'property_expense_annual', sign: 1, entity: 'household' },
  subsidies: { v: 'transfers_received_annual', sign: 1, entity: 'household' },
  other_transfers: { v: 'transfers_received_annual', sign: 1, entity: 'household' },
  support_paid: { v: 'transfers_paid_annual', sign: 1, entity: 'household' },
};

/** Growable int32 column. */
class Ints {
  a = new Int32Array(1024);
  n = 0;
  push(x: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = x;
  }
}

/** Builds the registry population of `year` in the actor's scope; REGISTRY_EMPTY when it holds no household with members. */
export async function registryPopulation(handle: DbHandle, opts: RegistryPopulationOptions): Promise<PolicyPopulation> {
  const t0 = performance.now();
  const { year } = opts;
  const scope = opts.regionCode ?? ROOT_REGION;
  const prefix = regionPrefix(scope);
  const like = `${prefix}%`;
  const cityWide = ROOT_REGION.startsWith(prefix);
  const recordScope = cityWide ? null : like;
  const repo = new MicrodataRepository(handle.db);
  const progress = opts.onProgress ?? (() => {});
  const pageSize = opts.pageSize;

  // 1. persons (merged ones too) and their households
  const pid = new Ints();
  const canon = new Ints();
  const hid = new Ints();
  const regionOfHousehold = new Map<number, string>();
  const nonResident = new Set<number>();
  let maxId = 0;
  for await (const page of repo.persons(like, pageSize)) {
    for (const p of page) {
      pid.push(p.id);
      canon.push(p.canonicalId);
      hid.push(p.householdId);
      if (p.id > maxId) maxId = p.id;
      if (p.canonicalId > maxId) maxId = p.canonicalId;
      regionOfHousehold.set(p.householdId, p.region);
      if (p.residence === 'non_resident') nonResident.add(p.canonicalId);
    }
    progress('persons', pid.n);
  }
  // members: the canonical persons, grouped by household (then by id)
  const members: number[] = [];
  for (let i = 0; i < pid.n; i++) if (pid.a[i] === canon.a[i]) members.push(i);
  members.sort((x, y) => hid.a[x] - hid.a[y] || pid.a[x] - pid.a[y]);
  const np = members.length;
  if (np === 0) {
    throw new AppError(422, 'REGISTRY_EMPTY', `收入与财产信息系统中没有可用于模拟的住户${cityWide ? '' : `（您的管辖区域 ${scope}）`}：请先导入人口与家庭户信息（population 渠道）和 ${year} 年的收入记录（npx zengshou registry import，或演示用 npx zengshou demo load --year ${year}）`);
  }
  const rowOf = new Int32Array(maxId + 1).fill(-1);
  const personHousehold = new Int32Array(np);
  const householdIds: string[] = [];
  const householdRegion: string[] = [];
  let nh = 0;
  for (let r = 0; r < np; r++) {
    const i = members[r];
    if (r === 0 || hid.a[i] !== hid.a[members[r - 1]]) {
      householdIds.push(`R${hid.a[i]}`);
      householdRegion.push(regionOfHousehold.get(hid.a[i])!);
      nh++;
    }
    personHousehold[r] = nh - 1;
    rowOf[pid.a[i]] = r;
  }
  for (let i = 0; i < pid.n; i++) if (pid.a[i] !== canon.a[i]) rowOf[pid.a[i]] = rowOf[canon.a[i]];
  const rowOfPerson = (id: number) => (id >= 0 && id < rowOf.length ? rowOf[id] : -1);

  const inputs: Record<string, Float64Array> = {};
  for (const n of PERSON_MONTH) inputs[n] = new Float64Array(np * 12);
  for (const n of PERSON_YEAR) inputs[n] = new Float64Array(np);
  for (const n of HOUSEHOLD_YEAR) inputs[n] = new Float64Array(nh);
  const I = inputs;
  I.domiciled.fill(1);
  I.days_in_china.fill(365);
  for (const c of nonResident) {
    const r = rowOfPerson(c);
    if (r >= 0) {
      I.domiciled[r] = 0;
      I.days_in_china[r] = 0;
    }
  }

  // 2. income records (fen → 元)
  const counts = { income: 0, socialInsurance: 0, dibao: 0, outsideHouseholds: 0 };
  const monthOf = (period: string) => (period.length === 7 && period.startsWith(`${year}-`) ? Number(period.slice(5, 7)) : 0);
  for await (const page of repo.income(year, recordScope, pageSize)) {
    for (const rec of page) {
      const r = rowOfPerson(rec.personId);
      if (r < 0) {
        counts.outsideHouseholds++;
        continue;
      }
      const def = ITEM_INPUT[rec.item];
      if (!def) continue;
      counts.income++;
      const amount = (def.sign * rec.amountFen) / 100;
      const col = I[def.v];
      if (def.entity === 'household') col[personHousehold[r]] += amount;
      else if (!def.month) col[r] += amount;
      else {
        const m = monthOf(rec.period);
        if (m >= 1 && m <= 12) col[r * 12 + m - 1] += amount;
        else for (let k = 0; k < 12; k++) col[r * 12 + k] += amount / 12;
      }
    }
    progress('income', counts.income);
  }

  // 3. contributions: employee status, declared base and housing-fund rate; flexible-employment contributions
  const baseSum = new Float64Array(np);
  const baseMonths = new Float64Array(np);
  const hpfPersonal = new Float64Array(np);
  const hpfBase = new Float64Array(np);
  for await (const page of repo.socialInsurance(year, recordScope, pageSize)) {
    for (const s of page) {
      const r = rowOfPerson(s.personId);
      if (r < 0) {
        counts.outsideHouseholds++;
        continue;
      }
      counts.socialInsurance++;
      const employee = s.employerCode !== null || (s.employerFen ?? 0) > 0;
      if (s.scheme === 'housing_fund') {
        if (s.baseFen && s.baseFen > 0) {
          hpfPersonal[r] += s.personalFen;
          hpfBase[r] += s.baseFen;
        }
      } else if (employee) {
        I.si_insured[r] = 1;
        if (s.scheme === 'pension' && s.baseFen && s.baseFen > 0) {
          baseSum[r] += s.baseFen;
          baseMonths[r]++;
        }
      } else {
        I.social_insurance_other_annual[r] += s.personalFen / 100;
      }
    }
    progress('social_insurance', counts.socialInsurance);
  }
  if (counts.income === 0 && counts.socialInsurance === 0) {
    const years = await repo.incomeYears();
    throw new AppError(422, 'REGISTRY_NO_RECORDS', `收入与财产信息系统中没有 ${year} 年的收入或社保缴费记录${cityWide ? '' : `（您的管辖区域 ${scope}）`}${years.length ? `；有记录的年度：${years.join('、')}` : '；请先导入各渠道的记录'}`);
  }
  for (let r = 0; r < np; r++) {
    if (baseMonths[r] > 0) I.si_declared_base_monthly[r] = Math.round(baseSum[r] / baseMonths[r]) / 100;
    if (hpfBase[r] > 0) I.hpf_rate[r] = Math.round((1000 * hpfPersonal[r]) / hpfBase[r]) / 1000;
  }

  // 4. 低保 take-up: a household with a member on the year's roster
  for (const p of await repo.dibaoPersons(year, recordScope)) {
    const r = rowOfPerson(p);
    if (r < 0) continue;
    counts.dibao++;
    I.dibao_take_up[personHousehold[r]] = 1;
  }
  progress('dibao', counts.dibao);

  // 5. urban/rural from the village's urban-rural code, county from the region code
  const regions = await repo.regions(cityWide ? `${regionPrefix(ROOT_REGION)}%` : like);
  const urbanRural = new Map(regions.filter((g) => g.level === 'village' && g.urbanRuralCode).map((g) => [g.code, g.urbanRuralCode!]));
  const counties = regions.filter((g) => g.level === 'county').map((g) => ({ code: g.code, name: g.name }));
  const countyIndex = new Map(counties.map((c, i) => [c.code, i]));
  const householdCounty = new Uint16Array(nh);
  let unplaced = -1;
  let noUrbanCode = 0;
  for (let h = 0; h < nh; h++) {
    const code = householdRegion[h];
    const ur = urbanRural.get(code);
    if (ur === undefined) {
      noUrbanCode++;
      I.urban[h] = 1;
    } else I.urban[h] = isUrbanCode(ur) ? 1 : 0;
    let c = countyIndex.get(code.slice(0, 6));
    if (c === undefined) {
      if (unplaced < 0) {
        unplaced = counties.length;
        counties.push({ code: ROOT_REGION, name: '未定位到县（市、区）' });
      }
      c = unplaced;
    }
    householdCounty[h] = c;
  }

  const where = cityWide ? '全市' : `管辖区域 ${scope}`;
  const notes = [
    `收入与财产信息系统 ${year} 年登记数据（${where}，${nh} 户 ${np} 人，普查口径，每户权数 1）`,
    '重点群体：登记数据中没有职业、技能与岗位信息，未划分',
    '未登记的项目按零计：专项附加扣除、农业经营收入（经营收入均按经营所得计税）、介绍就业记录（不触发拒绝就业的低保扣减）',
    ...(noUrbanCode ? [`${noUrbanCode} 户所在区划无城乡分类代码，按城镇计`] : []),
    ...(counts.outsideHouseholds ? [`${counts.outsideHouseholds} 条记录属于不在人口与家庭户信息中的人员，未计入`] : []),
  ];
  const pp: PolicyPopulation = {
    persons: np,
    households: nh,
    personHousehold,
    householdWeight: new Float64Array(nh).fill(1),
    inputs,
    householdIds,
    householdCounty,
    counties,
    personGroups: new Uint8Array(np),
    groups: [],
    source: { kind: 'registry', description: notes.join('；'), year },
  };
  await opts.audit.record(opts.actor, {
    action: 'microsim.population.registry',
    objectType: 'registry_population',
    regionCode: scope,
    detail: {
      purpose: REGISTRY_PURPOSE, year, households: nh, persons: np, incomeRecords: counts.income, socialInsuranceRecords: counts.socialInsurance,
      dibaoPersons: counts.dibao, fields: 'pseudonymous ids, regions, amounts (no identifiers decrypted)', ms: Math.round(performance.now() - t0),
    },
  });
  return pp;
}
