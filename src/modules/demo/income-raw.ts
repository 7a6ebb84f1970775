/**
 * The unscaled ("raw") income of persons and households in a year, before calibration factors:
 * wages from the earnings latent, age profile and a yearly individual effect; business income; the
 * household's property income and housing-loan interest.
 */
import { yearOf } from './dates.js';
import { AGE_PROFILE, WAGE_MODEL, YIELDS } from './params-income.js';
import { CAREER } from './params-population.js';
import { dwellingValue, mortgageOutstanding } from './property.js';
import { hashNormalFast } from './rng.js';
import type { City } from './types.js';
import type { YearParams } from './year-params.js';

const PROFILE_40 = Math.exp(AGE_PROFILE.a * 20 - AGE_PROFILE.b * 400);

function profile(age: number): number {
  const x = Math.max(0, age - 20);
  return Math.exp(AGE_PROFILE.a * x - AGE_PROFILE.b * x * x) / PROFILE_40;
}
/** the profile for ages 0–130, looked up (it is evaluated for every person and year) */
const PROFILE = Float64Array.from({ length: 131 }, (_, age) => profile(age));

/** Age–earnings profile relative to age 40. */
export function ageProfile(age: number): number {
  return age >= 0 && age <= 130 ? PROFILE[age] : profile(age);
}

/** Regular monthly wage (元) at scale 1 in year y: latent × age profile × the person's year effect. */
export function regularWageRaw(city: City, p: number, y: number): number {
  const ps = city.persons;
  const s = WAGE_MODEL.yearSigma;
  return ps.wageLatent[p] * ageProfile(y - yearOf(ps.birth[p])) * Math.exp(s * hashNormalFast(city.seed, p, y, 1) - (s * s) / 2);
}

/** Full-year net business income (元) at scale 1: latent × age × year effect (× county weather for farms). */
export function businessRaw(city: City, p: number, y: number): number {
  const ps = city.persons;
  const age = y - yearOf(ps.birth[p]);
  let x = ps.bizLatent[p] * (age > 60 ? 0.8 : 1) * Math.exp(0.15 * hashNormalFast(city.seed, p, y, 2) - 0.01125);
  if (ps.career[p] === CAREER.farmer) {
    const county = city.geography.villages.county[city.households.village[ps.household[p]]];
    x *= Math.exp(0.1 * hashNormalFast(city.seed, 0x7ea + county, y, 5) - 0.005);
  }
  return x;
}

/** Unscaled annual property amounts of a household (元): interest, dividends, rent, imputed rent, loan interest. */
export function propertyRawInto(city: City, h: number, P: YearParams, out: Float64Array, o: number): void {
  const hh = city.households;
  const d = city.dwellings;
  const villageUrban = city.geography.villages.urban;
  let rent = 0;
  let imputed = 0;
  let expense = 0;
  for (let i = city.index.dwellingStart[h]; i < city.index.dwellingStart[h + 1]; i++) {
    const value = dwellingValue(d, i, P.year, P.housePriceIndex[villageUrban[d.village[i]] ? 0 : 1]);
    if (d.use[i] === 1) imputed += value * YIELDS.imputedRent;
    else if (d.use[i] === 2) rent += value * YIELDS.rent;
    if (d.mortgagePrincipal[i] > 0) expense += mortgageOutstanding(d, i, P.year) * P.mortgageRate;
  }
  out[o] = hh.deposits2020[h] * P.depositIndex * P.depositRate;
  out[o + 1] = hh.securities2020[h] * P.securitiesIndex * YIELDS.dividend;
  out[o + 2] = rent;
  out[o + 3] = imputed;
  out[o + 4] = expense;
}

export function propertyRaw(city: City, h: number, P: YearParams) {
  const v = new Float64Array(5);
  propertyRawInto(city, h, P, v, 0);
  return { interest: v[0], dividends: v[1], rent: v[2], imputed: v[3], expense: v[4] };
}

/**
 * Raw amounts of one year for everybody, computed once and reused by the calibration passes:
 * regular monthly wage (元) of employees, full-year business income (元) of the self-employed and
 * farmers, and the five property amounts of each household.
 */
export class RawCache {
  year = -1;
  readonly wage: Float64Array;
  readonly biz: Float64Array;
  readonly prop: Float64Array;
  constructor(city: City) {
    this.wage = new Float64Array(city.persons.count);
    this.biz = new Float64Array(city.persons.count);
    this.prop = new Float64Array(city.households.count * 5);
  }
  fill(city: City, P: YearParams): void {
    const ps = city.persons;
    const y = P.year;
    const lastBirth = y * 10000 + 630;
    for (let p = 0; p < ps.count; p++) {
      const c = ps.career[p];
      const born = ps.birth[p] <= lastBirth;
      this.wage[p] = born && c === CAREER.employee ? regularWageRaw(city, p, y) : 0;
      this.biz[p] = born && (c === CAREER.selfEmployed || c === CAREER.farmer) ? businessRaw(city, p, y) : 0;
    }
    for (let h = 0; h < city.households.count; h++) propertyRawInto(city, h, P, this.prop, h * 5);
    this.year = y;
  }
}
