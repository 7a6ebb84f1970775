/**
 * The demo city (src/modules/demo) as a policy population for one year: every resident member of
 * every household present that year, with the demo's incomes as inputs (wages by month, bonus,
 * business and farm income, pensions, property income, transfers, special deductions, employer
 * housing-fund rates, 低保 roster as take-up, job-referral records), weights 1 / scale. The
 * taxes, contributions and 低保 the demo computed itself are not used: the rules recompute them.
 */
import { CAREER, generateCity, HouseholdPlan, KEY_GROUPS, planHousehold, REFERRAL_OUTCOME as DEMO_OUTCOME, yearParams, type City, type GenerateOptions } from '../../demo/index.js';
import type { Label } from '../engine/index.js';
import { REFERRAL_OUTCOME, refusalStreaks } from '../rules/referrals.js';
import type { PolicyPopulation } from './types.js';

const GROUP_EN: Record<string, string> = {
  skilled: 'Skilled workers',
  newFarmer: 'New professional farmers',
  researcher: 'Researchers',
  entrepreneur: 'Small and micro entrepreneurs',
  manager: 'Enterprise managers',
  cadre: 'Grassroots cadres',
  hardshipAbleToWork: 'People in hardship able to work',
};

const PERSON_MONTH = ['wage_monthly', 'rental_income_monthly', 'special_deductions_monthly', 'job_refusal_streak_monthly'] as const;
const PERSON_YEAR = [
  'bonus_annual', 'business_income_annual', 'agricultural_income_annual', 'pension_annual', 'deposit_interest_annual', 'listed_dividend_long_annual',
  'si_insured', 'hpf_rate', 'social_insurance_other_annual', 'job_refusal_streak_initial',
] as const;
const HOUSEHOLD_YEAR = ['urban', 'dibao_take_up', 'imputed_rent_annual', 'property_expense_annual', 'transfers_received_annual'] as const;

/** Generates the demo city and converts it (scale 0.05 by default). */
export function demoPopulation(year: number, options: GenerateOptions = {}): PolicyPopulation {
  return cityPopulation(generateCity({ scale: 0.05, ...options }), year);
}

export function cityPopulation(city: City, year: number, countNoShow = true): PolicyPopulation {
  const ps = city.persons;
  const hh = city.households;
  const P = yearParams(city, year);
  const plan = new HouseholdPlan();
  const fen = 0.01;

  // pass 1: who is counted
  const memberRows: number[] = [];
  const householdRows: number[] = [];
  const rowOfPerson = new Int32Array(ps.count).fill(-1);
  for (let h = 0; h < hh.count; h++) {
    planHousehold(city, h, P, plan);
    if (plan.members === 0) continue;
    householdRows.push(h);
    for (let k = 0; k < plan.size; k++) {
      if (!plan.isMember[k]) continue;
      rowOfPerson[hh.first[h] + k] = memberRows.length;
      memberRows.push(hh.first[h] + k);
    }
  }
  const np = memberRows.length;
  const nh = householdRows.length;
  const inputs: Record<string, Float64Array> = {};
  for (const n of PERSON_MONTH) inputs[n] = new Float64Array(np * 12);
  for (const n of PERSON_YEAR) inputs[n] = new Float64Array(np);
  for (const n of HOUSEHOLD_YEAR) inputs[n] = new Float64Array(nh);
  const I = inputs;
  const personHousehold = new Int32Array(np);
  const personGroups = new Uint8Array(np);
  const householdCounty = new Uint16Array(nh);
  const householdWeight = new Float64Array(nh).fill(1 / city.scale);
  const householdIds: string[] = new Array(nh);

  // pass 2: inputs
  let row = 0;
  for (let r = 0; r < nh; r++) {
    const h = householdRows[r];
    planHousehold(city, h, P, plan);
    householdIds[r] = `H${h}`;
    householdCounty[r] = city.geography.villages.county[hh.village[h]];
    I.urban[r] = hh.urban[h];
    I.dibao_take_up[r] = plan.onRoster ? 1 : 0;
    I.imputed_rent_annual[r] = plan.imputedRent * fen;
    I.property_expense_annual[r] = plan.propertyExpense * fen;
    I.transfers_received_annual[r] = (plan.subsidy + plan.support) * fen;
    let head = true;
    for (let k = 0; k < plan.size; k++) {
      if (!plan.isMember[k]) continue;
      const p = hh.first[h] + k;
      personHousehold[row] = r;
      personGroups[row] = ps.keyGroups[p];
      for (let m = plan.wFirst[k]; m < plan.wFirst[k] + plan.wCount[k]; m++) I.wage_monthly[row * 12 + m - 1] = plan.wm[k] * fen;
      I.bonus_annual[row] = plan.bonus[k] * fen;
      if (plan.farm[k] || ps.career[p] === CAREER.farmer) I.agricultural_income_annual[row] = plan.biz[k] * fen;
      else I.business_income_annual[row] = plan.biz[k] * fen;
      I.pension_annual[row] = plan.pen[k] * plan.pCount[k] * fen;
      I.special_deductions_monthly.fill(plan.specialDeduction[k] * fen, row * 12, row * 12 + 12);
      const formal = plan.formal[k] === 1;
      I.si_insured[row] = formal ? 1 : 0;
      const e = ps.employer[p];
      I.hpf_rate[row] = formal && plan.hpf[k] > 0 && e >= 0 ? city.employers.hpfRate[e] / 100 : 0;
      I.social_insurance_other_annual[row] = (plan.resSI[k] + (formal ? 0 : plan.siPersonalMonthly(k) * plan.siCount[k])) * fen;
      if (head) {
        // household property income sits with the head, as the demo records it
        I.deposit_interest_annual[row] = plan.interest * fen;
        I.listed_dividend_long_annual[row] = plan.dividends * fen;
        I.rental_income_monthly.fill((plan.rent * fen) / 12, row * 12, row * 12 + 12);
        head = false;
      }
      row++;
    }
  }

  // referral records → refusal runs (records are grouped by person here)
  const ref = city.referrals;
  const outcome = new Uint8Array(8);
  outcome[DEMO_OUTCOME.accepted] = REFERRAL_OUTCOME.accepted;
  outcome[DEMO_OUTCOME.refusedWithReason] = REFERRAL_OUTCOME.refused_with_reason;
  outcome[DEMO_OUTCOME.refusedWithoutReason] = REFERRAL_OUTCOME.refused_without_reason;
  outcome[DEMO_OUTCOME.noShow] = REFERRAL_OUTCOME.no_show;
  const order = Array.from({ length: ref.count }, (_, i) => i).sort((a, b) => ref.person[a] - ref.person[b] || ref.date[a] - ref.date[b]);
  for (let i = 0; i < order.length; ) {
    const p = ref.person[order[i]];
    let j = i;
    while (j < order.length && ref.person[order[j]] === p) j++;
    const r = rowOfPerson[p];
    if (r >= 0) {
      const idx = order.slice(i, j);
      const s = refusalStreaks(idx.map((x) => ref.date[x]), idx.map((x) => outcome[ref.outcome[x]]), year, countNoShow);
      I.job_refusal_streak_initial[r] = s.initial;
      for (let m = 0; m < 12; m++) I.job_refusal_streak_monthly[r * 12 + m] = s.monthly[m];
    }
    i = j;
  }

  return {
    persons: np,
    households: nh,
    personHousehold,
    householdWeight,
    inputs,
    householdIds,
    householdCounty,
    counties: city.geography.counties.map((c) => ({ code: c.code, name: c.name })),
    personGroups,
    groups: KEY_GROUPS.map((g) => ({ key: g.key, label: { zh: g.label, en: GROUP_EN[g.key] ?? g.key } as Label })),
    source: { kind: 'demo', description: '合成示范城市（人口全部为合成数据）', year, scale: city.scale, seed: city.seed },
  };
}

/**
 * `copies` copies of a population side by side (weights divided by `copies`): the demo city at
 * scale 0.05 tiled 20 times has the census population of 1,604,580, for benchmarks.
 */
export function tilePopulation(pp: PolicyPopulation, copies: number): PolicyPopulation {
  const tile = <T extends Float64Array | Int32Array | Uint8Array | Uint16Array>(a: T, shift = 0): T => {
    const out = new (a.constructor as new (n: number) => T)(a.length * copies);
    for (let c = 0; c < copies; c++) {
      out.set(a, c * a.length);
      if (shift) for (let i = c * a.length; i < (c + 1) * a.length; i++) out[i] += c * shift;
    }
    return out;
  };
  const inputs: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(pp.inputs)) inputs[k] = tile(v);
  const weight = tile(pp.householdWeight);
  for (let h = 0; h < weight.length; h++) weight[h] /= copies;
  return {
    ...pp,
    persons: pp.persons * copies,
    households: pp.households * copies,
    personHousehold: tile(pp.personHousehold, pp.households),
    householdWeight: weight,
    inputs,
    householdIds: Array.from({ length: copies }, (_, c) => (pp.householdIds ?? []).map((id) => `${id}#${c + 1}`)).flat(),
    householdCounty: tile(pp.householdCounty),
    personGroups: tile(pp.personGroups),
  };
}
