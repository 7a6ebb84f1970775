/**
 * The income model, monthly form. computeHousehold plans the household's year (income-plan.ts)
 * and spreads it over the months: wages and pensions in their months, farm income by season,
 * interest quarterly, dividends in July, subsidies in May, support weighted to the Spring Festival,
 * residents' insurance in December, wage tax month by month by the year's withholding method.
 * Every monthly total equals the plan's annual amount exactly (income.test.ts checks).
 */
import { ITEM, MAX_MEMBERS, NI, disposable, splitByWeights } from './income-items.js';
import { HouseholdPlan, planHousehold } from './income-plan.js';
import { cumulativeWithholding, monthlyWageTaxOld } from './tax.js';
import type { City } from './types.js';

export { ageProfile, businessRaw, propertyRaw, regularWageRaw } from './income-raw.js';
import type { YearParams } from './year-params.js';

export { yearParams, type YearParams } from './year-params.js';

const FARM_SEASON = [0.02, 0.02, 0.03, 0.04, 0.05, 0.05, 0.06, 0.07, 0.15, 0.25, 0.18, 0.08];
const QUARTERLY = [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1];
const JULY = [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0];
const MAY = [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0];
const EVEN = new Array<number>(12).fill(1);
const SUPPORT_SEASON = [0.25, ...new Array<number>(11).fill(0.75 / 11)];
/** One household-year month by month: v[(k·12 + m − 1)·NI + item] in fen, plus details. */
export class HouseholdYear {
  readonly plan = new HouseholdPlan();
  h = -1;
  year = 0;
  size = 0;
  members = 0;
  readonly isMember = new Uint8Array(MAX_MEMBERS);
  readonly v = new Float64Array(MAX_MEMBERS * 12 * NI);
  /** per member-month (index k·12 + m − 1), fen: social-insurance base and personal parts, employer part */
  readonly siBase = new Float64Array(MAX_MEMBERS * 12);
  readonly siPension = new Float64Array(MAX_MEMBERS * 12);
  readonly siMedical = new Float64Array(MAX_MEMBERS * 12);
  readonly siUnemployment = new Float64Array(MAX_MEMBERS * 12);
  readonly hpf = new Float64Array(MAX_MEMBERS * 12);
  readonly siEmployer = new Float64Array(MAX_MEMBERS * 12);
  /** regular wage of formal employees and the tax withheld on it, per member-month (fen) */
  readonly regularWage = new Float64Array(MAX_MEMBERS * 12);
  readonly wageTax = new Float64Array(MAX_MEMBERS * 12);

  at(k: number, m: number): number {
    return (k * 12 + m - 1) * NI;
  }
  annual(k: number, item: number): number {
    let s = 0;
    for (let m = 0; m < 12; m++) s += this.v[(k * 12 + m) * NI + item];
    return s;
  }
  total(item: number): number {
    let s = 0;
    for (let k = 0; k < this.size; k++) s += this.annual(k, item);
    return s;
  }
  disposableTotal(): number {
    let s = 0;
    for (let i = 0; i < this.size * 12; i++) s += disposable(this.v, i * NI);
    return s;
  }
}

export function computeHousehold(city: City, h: number, P: YearParams, out: HouseholdYear): HouseholdYear {
  const plan = planHousehold(city, h, P, out.plan);
  const size = plan.size;
  out.h = h;
  out.year = P.year;
  out.size = size;
  out.members = plan.members;
  const n = size * 12;
  out.v.fill(0, 0, n * NI);
  for (const a of [out.siBase, out.siPension, out.siMedical, out.siUnemployment, out.hpf, out.siEmployer, out.regularWage, out.wageTax]) a.fill(0, 0, n);
  const v = out.v;
  const w = new Array<number>(12);
  for (let k = 0; k < size; k++) {
    out.isMember[k] = plan.isMember[k];
    if (!plan.isMember[k]) continue;
    const wEnd = plan.wFirst[k] + plan.wCount[k];
    for (let m = plan.wFirst[k]; m < wEnd; m++) {
      v[out.at(k, m) + ITEM.wage] = plan.wm[k];
      if (plan.formal[k]) out.regularWage[k * 12 + m - 1] = plan.wm[k];
    }
    v[out.at(k, 12) + ITEM.wage] += plan.bonus[k];
    const siPersonal = plan.siPersonalMonthly(k);
    for (let m = plan.siFirst[k]; m < plan.siFirst[k] + plan.siCount[k]; m++) {
      const i = k * 12 + m - 1;
      out.siBase[i] = plan.siBase[k];
      out.siPension[i] = plan.siPension[k];
      out.siMedical[i] = plan.siMedical[k];
      out.siUnemployment[i] = plan.siUnemployment[k];
      out.hpf[i] = plan.hpf[k];
      out.siEmployer[i] = plan.siEmployer[k];
      v[i * NI + ITEM.socialInsurance] += siPersonal;
    }
    v[out.at(k, 12) + ITEM.socialInsurance] += plan.resSI[k];
    if (plan.biz[k] !== 0) {
      for (let m = 0; m < 12; m++) w[m] = m + 1 >= plan.bFirst[k] && m + 1 < plan.bFirst[k] + plan.bCount[k] ? (plan.farm[k] ? FARM_SEASON[m] : 1) : 0;
      splitByWeights(plan.biz[k], w, v, out.at(k, 1), NI, ITEM.business);
    }
    for (let m = plan.pFirst[k]; m < plan.pFirst[k] + plan.pCount[k]; m++) v[out.at(k, m) + ITEM.pension] = plan.pen[k];
    if (plan.formal[k]) {
      let cum = 0;
      let withheld = 0;
      for (let m = plan.wFirst[k]; m < wEnd; m++) {
        const i = k * 12 + m - 1;
        let tax: number;
        if (P.year >= 2019) {
          cum += plan.wm[k] - 500000 - siPersonal - plan.specialDeduction[k];
          const r = cumulativeWithholding(cum, withheld);
          withheld = r.cumulative;
          tax = r.thisMonth;
        } else {
          tax = monthlyWageTaxOld(P.year, m, plan.wm[k], siPersonal);
        }
        out.wageTax[i] = tax;
        v[i * NI + ITEM.iit] += tax;
      }
      v[out.at(k, 12) + ITEM.iit] += plan.bonusTax[k];
    }
    if (plan.bizTax[k] > 0) {
      for (let m = 0; m < 12; m++) w[m] = m + 1 >= plan.bFirst[k] && m + 1 < plan.bFirst[k] + plan.bCount[k] ? 1 : 0;
      splitByWeights(plan.bizTax[k], w, v, out.at(k, 1), NI, ITEM.iit);
    }
  }
  const head = out.at(0, 1);
  splitByWeights(plan.interest, QUARTERLY, v, head, NI, ITEM.interest);
  splitByWeights(plan.dividends, JULY, v, head, NI, ITEM.dividends);
  splitByWeights(plan.rent, EVEN, v, head, NI, ITEM.rent);
  splitByWeights(plan.imputedRent, EVEN, v, head, NI, ITEM.imputedRent);
  splitByWeights(plan.propertyExpense, EVEN, v, head, NI, ITEM.propertyExpense);
  splitByWeights(plan.subsidy, MAY, v, head, NI, ITEM.subsidies);
  splitByWeights(plan.rentTax, EVEN, v, head, NI, ITEM.iit);
  if (plan.dibaoMonthly) for (let m = 1; m <= 12; m++) v[out.at(0, m) + ITEM.dibao] = plan.dibaoMonthly;
  splitByWeights(plan.support, SUPPORT_SEASON, v, head, NI, ITEM.otherTransfers);
  return out;
}
