/**
 * Calibration: per year and urban/rural, scale factors that make per-capita disposable income equal
 * the target path (published 2018 and 2023 figures, TARGET_DISPOSABLE) with the assumed component
 * shares. Wages, business and property income scale to their shares; the remainder (net transfers)
 * is closed by the employee-pension level (set on urban residents, applied city-wide) and, for rural
 * residents, by support from relatives. All closed form: one light and one full pass per year.
 */
import { RawCache } from './income-raw.js';
import { HouseholdPlan, planHousehold } from './income-plan.js';
import { COMPONENT_SHARES, TARGET_DISPOSABLE, YEARS, interpolate } from './params-income.js';
import { CAREER } from './params-population.js';
import { BIRTH_MONTH, BITS, BONUS_MONTHS, FORMAL, STRIDE, WORK_END, WORK_START } from './packed.js';
import { HOUSEHOLD_FLAG, type Calibration, type City } from './types.js';
import { makeYearParams, type YearParams } from './year-params.js';

export function emptyCalibration(): Calibration {
  const n = YEARS.length;
  const pair = () => [new Float64Array(n), new Float64Array(n)];
  return {
    wageScale: pair(),
    businessScale: pair(),
    propertyScale: pair(),
    supportScale: pair(),
    pensionScale: new Float64Array(n),
    averageWage: new Float64Array(n),
  };
}

export function calibrate(city: City, onYear?: (year: number) => void): Calibration {
  const cal = emptyCalibration();
  city.calibration = cal;
  const buf = new HouseholdPlan();
  const raw = new RawCache(city);
  for (const y of YEARS) {
    calibrateYear(city, y, buf, raw);
    onYear?.(y);
  }
  return cal;
}

interface RawSums {
  members: number[];
  wageRaw: number[];
  bizRaw: number[];
  propInc: number[];
  propExp: number[];
  formalWage: number[];
  formalMonths: number[];
}

/** Pass A: unscaled market and property income of ordinary households, and members, by area. */
function rawSums(city: City, y: number, raw: RawCache): RawSums {
  const hh = city.households;
  const pi = city.packed.i32;
  const pf = city.packed.f32;
  const y0 = y * 12;
  const s: RawSums = { members: [0, 0], wageRaw: [0, 0], bizRaw: [0, 0], propInc: [0, 0], propExp: [0, 0], formalWage: [0, 0], formalMonths: [0, 0] };
  for (let h = 0; h < hh.count; h++) {
    if (hh.leftYear[h] !== 0 && y >= hh.leftYear[h]) continue;
    const first = hh.first[h];
    const end = first + hh.size[h];
    let adult = false;
    for (let p = first; p < end; p++) if (pi[p * STRIDE + BIRTH_MONTH] <= y0 - 216 + 5) adult = true;
    if (!adult) continue;
    const a = hh.urban[h] ? 0 : 1;
    const special = (hh.flags[h] & RULE_BASED) !== 0;
    for (let p = first; p < end; p++) {
      const o = p * STRIDE;
      const bmi = pi[o + BIRTH_MONTH];
      if (bmi > y0 + 5) continue;
      s.members[a]++;
      if (special) continue;
      const bits = pi[o + BITS];
      const career = bits & 7;
      if (career !== CAREER.employee && career !== CAREER.selfEmployed && career !== CAREER.farmer) continue;
      const lo = Math.max(y0, bmi + pi[o + WORK_START]);
      const hi = Math.min(y0 + 12, bmi + pi[o + WORK_END]);
      if (hi <= lo) continue;
      const count = hi - lo;
      if (career === CAREER.employee) {
        const wm = raw.wage[p];
        const formal = (bits & FORMAL) !== 0;
        const decBonus = formal && hi === y0 + 12 ? pf[o + BONUS_MONTHS] : 0;
        s.wageRaw[a] += wm * (count + decBonus);
        if (formal) {
          s.formalWage[a] += wm * count;
          s.formalMonths[a] += count;
        }
      } else {
        s.bizRaw[a] += (raw.biz[p] * count) / 12;
      }
    }
    const o = h * 5;
    s.propInc[a] += raw.prop[o] + raw.prop[o + 1] + raw.prop[o + 2] + raw.prop[o + 3];
    s.propExp[a] += raw.prop[o + 4];
  }
  return s;
}

/** Wages and business income of the rule-based (低保, poor) households, 元, by area. */
function ruleBasedMarket(city: City, trial: YearParams, buf: HouseholdPlan, raw: RawCache): { wage: number[]; biz: number[] } {
  const hh = city.households;
  const out = { wage: [0, 0], biz: [0, 0] };
  for (let h = 0; h < hh.count; h++) {
    if (!(hh.flags[h] & RULE_BASED)) continue;
    planHousehold(city, h, trial, buf, raw);
    const a = hh.urban[h] ? 0 : 1;
    for (let k = 0; k < buf.size; k++) {
      out.wage[a] += buf.wageTotal(k) / 100;
      out.biz[a] += buf.biz[k] / 100;
    }
  }
  return out;
}

/** Disposable income of one area's households (fen) less the balancing item, and that item before scaling. */
function areaTotals(city: City, trial: YearParams, urban: number, buf: HouseholdPlan, raw: RawCache): { rest: number; balancing: number } {
  const hh = city.households;
  let rest = 0;
  let balancing = 0;
  for (let h = 0; h < hh.count; h++) {
    if (hh.urban[h] !== urban) continue;
    planHousehold(city, h, trial, buf, raw);
    const item = urban ? buf.employeePensionRaw : buf.supportRaw;
    rest += buf.disposable() - item;
    balancing += item;
  }
  return { rest, balancing };
}

function calibrateYear(city: City, y: number, buf: HouseholdPlan, raw: RawCache): void {
  const c = city.calibration;
  const i = y - 2010;
  const trial = makeYearParams(y, {
    wageScale: [1, 1],
    businessScale: [1, 1],
    propertyScale: [1, 1],
    supportScale: [1, 1],
    pensionScale: 1,
    averageWageFen: 400000,
  });
  raw.fill(city, trial);
  const s = rawSums(city, y, raw);
  const target = [TARGET_DISPOSABLE.urban[y] * s.members[0], TARGET_DISPOSABLE.rural[y] * s.members[1]];
  const shares = [COMPONENT_SHARES.urban, COMPONENT_SHARES.rural];
  for (let a = 0; a < 2; a++) {
    const sp = s.propInc[a] > 0 ? (interpolate(shares[a].property, y) * target[a] + s.propExp[a]) / s.propInc[a] : 1;
    c.propertyScale[a][i] = trial.propertyScale[a] = sp;
  }
  // rule-based households' wages and business income are known once property income is
  const special = ruleBasedMarket(city, trial, buf, raw);
  for (let a = 0; a < 2; a++) {
    const sw = s.wageRaw[a] > 0 ? (interpolate(shares[a].wage, y) * target[a] - special.wage[a]) / s.wageRaw[a] : 1;
    const sb = s.bizRaw[a] > 0 ? (interpolate(shares[a].business, y) * target[a] - special.biz[a]) / s.bizRaw[a] : 1;
    c.wageScale[a][i] = trial.wageScale[a] = sw;
    c.businessScale[a][i] = trial.businessScale[a] = sb;
  }
  const avgWage = (trial.wageScale[0] * s.formalWage[0] + trial.wageScale[1] * s.formalWage[1]) / Math.max(1, s.formalMonths[0] + s.formalMonths[1]);
  c.averageWage[i] = Math.round(avgWage * 100) / 100;
  trial.averageWageFen = Math.round(c.averageWage[i] * 100);
  // urban households close the gap with the employee-pension level (applied city-wide) ...
  const u = areaTotals(city, trial, 1, buf, raw);
  c.pensionScale[i] = trial.pensionScale = u.balancing > 0 ? (target[0] * 100 - u.rest) / u.balancing : 1;
  c.supportScale[0][i] = 1;
  // ... rural households with support from relatives
  const r = areaTotals(city, trial, 0, buf, raw);
  c.supportScale[1][i] = r.balancing > 0 ? (target[1] * 100 - r.rest) / r.balancing : 1;
}

const RULE_BASED = HOUSEHOLD_FLAG.dibao | HOUSEHOLD_FLAG.poor;
