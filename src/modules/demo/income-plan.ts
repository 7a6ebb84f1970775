/**
 * The income model, annual form: for one household and year, every member's amounts as monthly
 * rates with month ranges, and annual totals (fen). Calibration sums plans; computeHousehold
 * (income.ts) spreads a plan over the months. Wage tax uses closed forms that equal the month-by-month
 * withholding: under cumulative withholding with a constant monthly wage the cumulative taxable
 * income is monotone, so the tax withheld over the year is the annual table on the final total.
 */
import { specialDeductionsMonthly } from './deductions.js';
import { ITEM, MAX_MEMBERS } from './income-items.js';
import { RawCache, businessRaw, propertyRawInto, regularWageRaw } from './income-raw.js';
import { DIBAO_RULES, EMPLOYEE_SI, POVERTY_FLOOR_FROM, RESIDENT_PENSION_CONTRIBUTION, SELF_EMPLOYED_SI } from './params-income.js';
import { CAREER } from './params-population.js';
import { hashU01 } from './rng.js';
import { BIRTH_MONTH, BITS, BONUS_MONTHS, EMPLOYEE_PENSION, FORMAL, HPF_RATE, PENSION_LATENT, PENSION_START, RESIDENT_CONTRIBUTOR, SELF_INSURED, STRIDE, WORK_END, WORK_START } from './packed.js';
import { annualComprehensiveTax, bonusTax, businessIncomeTax, monthlyRegimeId, monthlyWageTaxOld } from './tax.js';
import { HOUSEHOLD_FLAG, type City } from './types.js';
import type { YearParams } from './year-params.js';


const M = MAX_MEMBERS;

export class HouseholdPlan {
  h = -1;
  year = 0;
  size = 0;
  members = 0;
  urban = false;
  ruleBased = false;
  onRoster = false;
  readonly isMember = new Uint8Array(M);
  /** regular monthly wage (fen) paid in months wFirst … wFirst+wCount−1 */
  readonly wm = new Float64Array(M);
  readonly wFirst = new Uint8Array(M);
  readonly wCount = new Uint8Array(M);
  readonly formal = new Uint8Array(M);
  readonly bonus = new Float64Array(M);
  /** social insurance (employee or flexible) per month in months siFirst … (fen) */
  readonly siBase = new Float64Array(M);
  readonly siPension = new Float64Array(M);
  readonly siMedical = new Float64Array(M);
  readonly siUnemployment = new Float64Array(M);
  readonly hpf = new Float64Array(M);
  readonly siEmployer = new Float64Array(M);
  readonly siFirst = new Uint8Array(M);
  readonly siCount = new Uint8Array(M);
  /** residents' medical premium and pension contribution, paid in December (fen) */
  readonly resSI = new Float64Array(M);
  /** annual net business income (fen) earned in months bFirst …; farm = seasonal */
  readonly biz = new Float64Array(M);
  readonly bFirst = new Uint8Array(M);
  readonly bCount = new Uint8Array(M);
  readonly farm = new Uint8Array(M);
  /** pension per month (fen) in months pFirst … */
  readonly pen = new Float64Array(M);
  readonly pFirst = new Uint8Array(M);
  readonly pCount = new Uint8Array(M);
  /** special additional deductions per month, annual wage tax, bonus tax, business tax (fen) */
  readonly specialDeduction = new Float64Array(M);
  readonly iitWage = new Float64Array(M);
  readonly bonusTax = new Float64Array(M);
  readonly bizTax = new Float64Array(M);
  // household-level annual amounts (fen)
  interest = 0;
  dividends = 0;
  rent = 0;
  imputedRent = 0;
  propertyExpense = 0;
  /** paid in May */
  subsidy = 0;
  rentTax = 0;
  dibaoMonthly = 0;
  /** support from relatives incl. the poverty-floor top-up, annual */
  support = 0;
  supportRaw = 0;
  topUp = 0;
  /** employee pensions before the pension scale (fen), for the calibration */
  employeePensionRaw = 0;

  reset(h: number, year: number, size: number): void {
    this.h = h;
    this.year = year;
    this.size = size;
    this.members = 0;
    for (let k = 0; k < size; k++) {
      this.isMember[k] = 0;
      this.wm[k] = this.bonus[k] = this.biz[k] = this.pen[k] = this.resSI[k] = this.specialDeduction[k] = 0;
      this.siBase[k] = this.siPension[k] = this.siMedical[k] = this.siUnemployment[k] = this.hpf[k] = this.siEmployer[k] = 0;
      this.iitWage[k] = this.bonusTax[k] = this.bizTax[k] = 0;
      this.wFirst[k] = this.wCount[k] = this.formal[k] = this.siFirst[k] = this.siCount[k] = 0;
      this.bFirst[k] = this.bCount[k] = this.farm[k] = this.pFirst[k] = this.pCount[k] = 0;
    }
    this.interest = this.dividends = this.rent = this.imputedRent = this.propertyExpense = 0;
    this.subsidy = this.rentTax = this.dibaoMonthly = this.support = this.supportRaw = this.topUp = this.employeePensionRaw = 0;
  }

  wageTotal(k: number): number {
    return this.wm[k] * this.wCount[k] + this.bonus[k];
  }
  siPersonalMonthly(k: number): number {
    return this.siPension[k] + this.siMedical[k] + this.siUnemployment[k] + this.hpf[k];
  }
  siTotal(k: number): number {
    return this.siPersonalMonthly(k) * this.siCount[k] + this.resSI[k];
  }
  iitTotal(k: number): number {
    return this.iitWage[k] + this.bonusTax[k] + this.bizTax[k];
  }
  /** Household annual disposable income (fen). */
  disposable(): number {
    let s = this.interest + this.dividends + this.rent + this.imputedRent - this.propertyExpense + this.subsidy - this.rentTax + this.dibaoMonthly * 12 + this.support;
    for (let k = 0; k < this.size; k++) {
      s += this.wageTotal(k) + this.biz[k] + this.pen[k] * this.pCount[k] - this.siTotal(k) - this.iitTotal(k);
    }
    return s;
  }
  sum(f: (k: number) => number): number {
    let s = 0;
    for (let k = 0; k < this.size; k++) s += f(k);
    return s;
  }
}

const PROPERTY = new Float64Array(5);

/** Plans household h in the year of P; `raw` (filled for that year) saves recomputing raw amounts. */
export function planHousehold(city: City, h: number, P: YearParams, plan: HouseholdPlan, raw?: RawCache): HouseholdPlan {
  const hh = city.households;
  const y = P.year;
  const urban = hh.urban[h] === 1;
  const a = urban ? 0 : 1;
  const first = hh.first[h];
  const size = hh.size[h];
  plan.reset(h, y, size);
  plan.urban = urban;
  plan.ruleBased = (hh.flags[h] & (HOUSEHOLD_FLAG.dibao | HOUSEHOLD_FLAG.poor)) !== 0;
  plan.onRoster = (hh.flags[h] & HOUSEHOLD_FLAG.dibao) !== 0 && hh.dibaoFrom[h] <= y && y <= hh.dibaoTo[h];
  const pi = city.packed.i32;
  const pf = city.packed.f32;
  const y0 = y * 12;
  // present: not yet left, and someone was an adult by mid-year (else they lived elsewhere)
  if (hh.leftYear[h] !== 0 && y >= hh.leftYear[h]) return plan;
  let adult = false;
  for (let k = 0; k < size; k++) {
    const bm = pi[(first + k) * STRIDE + BIRTH_MONTH];
    if (bm <= y0 - 216 + 5) adult = true;
    if (bm <= y0 + 5) {
      plan.isMember[k] = 1;
      plan.members++;
    }
  }
  if (!adult) {
    plan.members = 0;
    plan.isMember.fill(0, 0, size);
    return plan;
  }
  const special = plan.ruleBased;
  const cached = raw !== undefined && raw.year === y;
  const avg = P.averageWageFen;
  let farming = false;

  for (let k = 0; k < size; k++) {
    if (!plan.isMember[k]) continue;
    const p = first + k;
    const o = p * STRIDE;
    const bits = pi[o + BITS];
    const career = bits & 7;
    const formal = (bits & FORMAL) !== 0;
    const selfInsured = (bits & SELF_INSURED) !== 0;
    const employeePension = (bits & EMPLOYEE_PENSION) !== 0;
    const bmi = pi[o + BIRTH_MONTH];
    const pensionStart = pi[o + PENSION_START];
    // months of the year in the career activity: [lo, hi) in month indices
    const lo = Math.max(y0, bmi + pi[o + WORK_START]);
    const hi = Math.min(y0 + 12, bmi + pi[o + WORK_END]);
    const cmFirst = hi > lo ? lo - y0 + 1 : 0;
    const cmCount = hi > lo ? hi - lo : 0;
    const lastCareerMonth = cmCount > 0 ? cmFirst + cmCount - 1 : 0;
    if (career === CAREER.employee && cmCount > 0) {
      const rw = (cached ? raw.wage[p] : regularWageRaw(city, p, y)) * 100;
      const wm = Math.round(special ? rw : rw * P.wageScale[a]);
      plan.wm[k] = wm;
      plan.wFirst[k] = cmFirst;
      plan.wCount[k] = cmCount;
      if (formal) {
        plan.formal[k] = 1;
        const base = Math.min(3 * avg, Math.max(EMPLOYEE_SI.baseFloor * avg, wm));
        plan.siBase[k] = base;
        plan.siPension[k] = Math.round(base * EMPLOYEE_SI.pension);
        plan.siMedical[k] = Math.round(base * EMPLOYEE_SI.medical);
        plan.siUnemployment[k] = Math.round(base * P.unemploymentRate);
        plan.hpf[k] = Math.round((Math.min(wm, 3 * avg) * pi[o + HPF_RATE]) / 100);
        plan.siEmployer[k] = Math.round(base * P.employerRate) + plan.hpf[k];
        plan.siFirst[k] = cmFirst;
        plan.siCount[k] = cmCount;
        const bonusMonths = pf[o + BONUS_MONTHS];
        if (bonusMonths > 0 && lastCareerMonth === 12) plan.bonus[k] = Math.round(wm * bonusMonths);
      }
    } else if ((career === CAREER.selfEmployed || career === CAREER.farmer) && cmCount > 0) {
      if (career === CAREER.farmer) farming = true;
      const rb = ((cached ? raw.biz[p] : businessRaw(city, p, y)) * 100 * cmCount) / 12;
      plan.biz[k] = Math.round(special ? rb : rb * P.businessScale[a]);
      plan.bFirst[k] = cmFirst;
      plan.bCount[k] = cmCount;
      plan.farm[k] = career === CAREER.farmer ? 1 : 0;
      if (selfInsured && career === CAREER.selfEmployed) {
        const base = Math.round(SELF_EMPLOYED_SI.baseShare * avg);
        plan.siBase[k] = base;
        plan.siPension[k] = Math.round(base * SELF_EMPLOYED_SI.pension);
        plan.siMedical[k] = Math.round(base * SELF_EMPLOYED_SI.medical);
        plan.siFirst[k] = cmFirst;
        plan.siCount[k] = cmCount;
      }
    }
    const pLo = Math.max(y0, bmi + (employeePension ? pensionStart : 720));
    if (pLo < y0 + 12) {
      plan.pFirst[k] = pLo - y0 + 1;
      plan.pCount[k] = y0 + 12 - pLo;
      if (employeePension) {
        const rawPension = P.pensionLevel * pf[o + PENSION_LATENT] * 100;
        plan.pen[k] = Math.round(rawPension * P.pensionScale);
        plan.employeePensionRaw += rawPension * plan.pCount[k];
      } else {
        plan.pen[k] = P.residentPensionFen;
      }
    }
    const ageMonthsDec = y0 + 11 - bmi;
    const employeeCovered =
      (formal && career === CAREER.employee && lastCareerMonth === 12) ||
      (employeePension && ageMonthsDec >= pensionStart) ||
      (selfInsured && career === CAREER.selfEmployed && lastCareerMonth === 12);
    if (!employeeCovered && ageMonthsDec >= 0) plan.resSI[k] += P.residentMedicalFen;
    const age = y - Math.floor(bmi / 12);
    if (age >= 16 && age < 60 && !formal && !selfInsured && ageMonthsDec >= pi[o + WORK_START] && (bits & RESIDENT_CONTRIBUTOR) !== 0) {
      plan.resSI[k] += RESIDENT_PENSION_CONTRIBUTION.amount * 100;
    }
  }

  let pr: Float64Array = PROPERTY;
  let o = 0;
  if (cached) {
    pr = raw.prop;
    o = h * 5;
  } else {
    propertyRawInto(city, h, P, PROPERTY, 0);
  }
  const sP = P.propertyScale[a];
  plan.interest = Math.round(pr[o] * sP * 100);
  plan.dividends = Math.round(pr[o + 1] * sP * 100);
  plan.rent = Math.round(pr[o + 2] * sP * 100);
  plan.imputedRent = Math.round(pr[o + 3] * sP * 100);
  plan.propertyExpense = Math.round(pr[o + 4] * 100);
  if (farming && hh.landMu[h] > 0) plan.subsidy = Math.round(hh.landMu[h] * P.landSubsidy * 100);

  if (special) setRuleBasedMarketIncome(city, P, plan);
  planTaxes(city, P, plan);
  if (plan.onRoster) planDibao(P, plan);
  if (!special) {
    plan.supportRaw = hh.supportPropensity[h] * plan.members * 100;
    if (!urban && y >= POVERTY_FLOOR_FROM.year) {
      const floor = POVERTY_FLOOR_FROM.multiple * P.povertyLine * plan.members * 100;
      plan.topUp = Math.max(0, Math.round(floor - plan.disposable()));
    }
    plan.support = Math.round(plan.supportRaw * P.supportScale[a]) + plan.topUp;
  }
  return plan;
}

/**
 * 低保 and poor households: wages and business income rescaled to a rule-based total — on the
 * roster, 20–70 % of the 低保 standard per member; off the roster, 115–175 %; the rural poor, a
 * disposable income of 55–95 % of the poverty line until 2018 and 120–170 % from 2019.
 */
function setRuleBasedMarketIncome(city: City, P: YearParams, plan: HouseholdPlan): void {
  const hh = city.households;
  const h = plan.h;
  let raw = 0;
  for (let k = 0; k < plan.size; k++) raw += plan.wageTotal(k) + plan.biz[k];
  const u = hashU01(city.seed, h, 0x77);
  const dibao = (hh.flags[h] & HOUSEHOLD_FLAG.dibao) !== 0;
  let target: number;
  if (dibao) {
    const std = P.dibaoStandard[plan.urban ? 0 : 1] * 12 * 100 * plan.members;
    target = (plan.onRoster ? 0.2 + 0.5 * u : 1.15 + 0.6 * hashU01(city.seed, h, 0x78)) * std;
  } else {
    const di = (P.year <= 2018 ? 0.55 + 0.4 * u : 1.2 + 0.5 * u) * P.povertyLine * 100 * plan.members;
    target = Math.max(0, di - (plan.disposable() - raw));
  }
  if (raw <= 0) {
    // nobody earns: off the roster the family supports them; the poor get poverty-alleviation aid
    if (dibao && !plan.onRoster) plan.support = Math.round(target);
    else if (!dibao) plan.subsidy += Math.round(target);
    return;
  }
  const f = target / raw;
  for (let k = 0; k < plan.size; k++) {
    plan.wm[k] = Math.round(plan.wm[k] * f);
    plan.biz[k] = Math.round(plan.biz[k] * f);
  }
}

function planTaxes(city: City, P: YearParams, plan: HouseholdPlan): void {
  const ps = city.persons;
  const first = city.households.first[plan.h];
  const y = P.year;
  for (let k = 0; k < plan.size; k++) {
    if (!plan.isMember[k]) continue;
    const p = first + k;
    if (plan.formal[k]) {
      const special = specialDeductionsMonthly(city, plan.h, p, y, P, plan.formal) * 100;
      plan.specialDeduction[k] = special;
      const si = plan.siPersonalMonthly(k);
      if (y >= 2019) {
        plan.iitWage[k] = annualComprehensiveTax(Math.max(0, (plan.wm[k] - 500000 - si - special) * plan.wCount[k]));
      } else {
        let t = 0;
        let regime = -1;
        let tax = 0;
        for (let m = plan.wFirst[k]; m < plan.wFirst[k] + plan.wCount[k]; m++) {
          const id = monthlyRegimeId(y, m);
          if (id !== regime) {
            regime = id;
            tax = monthlyWageTaxOld(y, m, plan.wm[k], si);
          }
          t += tax;
        }
        plan.iitWage[k] = t;
      }
      plan.bonusTax[k] = bonusTax(y, plan.bonus[k]);
    } else if (ps.career[p] === CAREER.selfEmployed && plan.biz[k] > 0) {
      plan.bizTax[k] = businessIncomeTax(y, plan.biz[k], plan.siTotal(k), plan.bCount[k]);
    }
  }
  if (plan.rent > 0) plan.rentTax = Math.round(plan.rent * 0.8 * 0.1);
}

/** 低保 benefit (PLACEHOLDER rules): (standard − assessed per-capita income) × members, at least 10 % of the standard. */
function planDibao(P: YearParams, plan: HouseholdPlan): void {
  const std = P.dibaoStandard[plan.urban ? 0 : 1] * 100;
  let assessed = plan.interest + plan.dividends + plan.rent + plan.subsidy - plan.rentTax;
  for (let k = 0; k < plan.size; k++) {
    if (!plan.isMember[k]) continue;
    const wage = plan.wageTotal(k);
    assessed += wage - Math.min(wage, DIBAO_RULES.wageDisregardShareOfStandard * std * 12);
    assessed += plan.biz[k] + plan.pen[k] * plan.pCount[k] - plan.siTotal(k) - plan.iitTotal(k);
  }
  const perCapitaMonthly = assessed / plan.members / 12;
  plan.dibaoMonthly = Math.round(Math.max(std - perCapitaMonthly, DIBAO_RULES.minBenefitShare * std) * plan.members);
}

/** Annual household totals by item (fen), in ITEM order; equal to the monthly spread's sums. */
export function planItemTotals(plan: HouseholdPlan, out: Float64Array): Float64Array {
  out.fill(0);
  for (let k = 0; k < plan.size; k++) {
    out[ITEM.wage] += plan.wageTotal(k);
    out[ITEM.business] += plan.biz[k];
    out[ITEM.pension] += plan.pen[k] * plan.pCount[k];
    out[ITEM.iit] += plan.iitTotal(k);
    out[ITEM.socialInsurance] += plan.siTotal(k);
  }
  out[ITEM.interest] = plan.interest;
  out[ITEM.dividends] = plan.dividends;
  out[ITEM.rent] = plan.rent;
  out[ITEM.imputedRent] = plan.imputedRent;
  out[ITEM.propertyExpense] = plan.propertyExpense;
  out[ITEM.dibao] = plan.dibaoMonthly * 12;
  out[ITEM.subsidies] = plan.subsidy;
  out[ITEM.otherTransfers] = plan.support;
  out[ITEM.iit] += plan.rentTax;
  return out;
}
