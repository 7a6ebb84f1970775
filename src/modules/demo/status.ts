/**
 * Life-course rules: a person's status in any month follows from birth date, education (school
 * leaving age), career and retirement age. Everything is counted in month indices (year·12 + month − 1).
 */
import { monthIndex, monthOf, yearOf } from './dates.js';
import { CAREER, PUBLIC_SECTORS, RETIREMENT_AGE, SCHOOL_LEAVING_AGE, SECTORS, STATUS } from './params-population.js';
import type { Households, Persons } from './types.js';

export const birthMonthIndex = (ps: Persons, p: number) => monthIndex(yearOf(ps.birth[p]), monthOf(ps.birth[p]));

/** Cadres and professionals (women retire at 55 rather than 50). */
function isCadre(ps: Persons, p: number): boolean {
  const occ = ps.occupation[p];
  return occ === 1 || occ === 2 || occ === 3 || ps.education[p] <= 30 || (ps.sector[p] > 0 && PUBLIC_SECTORS.has(SECTORS[ps.sector[p] - 1]));
}

/** Statutory retirement age in months (employees and insured self-employed). */
export function statutoryRetirementMonths(ps: Persons, p: number): number {
  if (ps.sex[p] === 1) return RETIREMENT_AGE.male * 12;
  return (isCadre(ps, p) ? RETIREMENT_AGE.femaleCadre : RETIREMENT_AGE.femaleWorker) * 12;
}

/** Age (months) at which the person starts working. */
export function workStartMonths(ps: Persons, p: number): number {
  return SCHOOL_LEAVING_AGE[ps.education[p]] * 12 + 8; // leaves school in the summer
}

/** Age (months) at which the person stops the career activity. */
export function workEndMonths(ps: Persons, p: number): number {
  switch (ps.career[p]) {
    case CAREER.selfEmployed:
      return RETIREMENT_AGE.selfEmployed * 12;
    case CAREER.farmer:
      return RETIREMENT_AGE.farmer * 12;
    default:
      return statutoryRetirementMonths(ps, p);
  }
}

/** Fills the derived life-course columns; call after work attributes are final. */
export function deriveLifeCourse(ps: Persons): void {
  for (let p = 0; p < ps.count; p++) {
    ps.birthMonth[p] = birthMonthIndex(ps, p);
    ps.workStart[p] = workStartMonths(ps, p);
    ps.workEnd[p] = workEndMonths(ps, p);
    ps.pensionStart[p] = statutoryRetirementMonths(ps, p);
  }
}

/** Status (STATUS code) in a month (needs deriveLifeCourse). */
export function statusAt(ps: Persons, p: number, y: number, m: number): number {
  const age = monthIndex(y, m) - ps.birthMonth[p];
  if (age < 0) return STATUS.none;
  if (age < 72) return STATUS.preschool;
  if (age < ps.workStart[p]) return STATUS.student;
  const career = ps.career[p];
  if (career === CAREER.disabled) return STATUS.disabled;
  if (age >= ps.workEnd[p]) {
    return career === CAREER.employee || career === CAREER.selfEmployed || ps.pensionLatent[p] > 0 ? STATUS.retired : STATUS.inactive;
  }
  switch (career) {
    case CAREER.employee:
      return STATUS.employee;
    case CAREER.selfEmployed:
      return STATUS.selfEmployed;
    case CAREER.farmer:
      return STATUS.farmer;
    case CAREER.unemployed:
      return STATUS.unemployed;
    default:
      return STATUS.inactive;
  }
}

/** Months of year y during which the age in months lies in [fromAge, toAge): first month (1–12) and count. */
export function monthsInAgeRange(bmi: number, fromAge: number, toAge: number, y: number): { first: number; count: number } {
  const lo = Math.max(monthIndex(y, 1), bmi + fromAge);
  const hi = Math.min(monthIndex(y, 12) + 1, bmi + toAge);
  return hi > lo ? { first: lo - monthIndex(y, 1) + 1, count: hi - lo } : { first: 0, count: 0 };
}

/** Months of year y in the career activity (working as employee, self-employed or farmer); needs deriveLifeCourse. */
export function careerMonths(ps: Persons, p: number, y: number): { first: number; count: number } {
  return monthsInAgeRange(ps.birthMonth[p], ps.workStart[p], ps.workEnd[p], y);
}

/** Born by the middle of year y. */
export function bornBy(ps: Persons, p: number, y: number): boolean {
  return ps.birth[p] <= y * 10000 + 630;
}

/**
 * A household is present in year y once a member is an adult (before that its members lived
 * elsewhere) and until the year it left the city or died out (leftYear, 0 = still there in 2020).
 */
export function householdPresent(hh: Households, ps: Persons, h: number, y: number): boolean {
  if (hh.leftYear[h] !== 0 && y >= hh.leftYear[h]) return false;
  const first = hh.first[h];
  for (let p = first; p < first + hh.size[h]; p++) if (ps.birth[p] <= (y - 18) * 10000 + 630) return true;
  return false;
}

/** Counted as a resident household member in year y. */
export function isMemberInYear(hh: Households, ps: Persons, p: number, y: number): boolean {
  return bornBy(ps, p, y) && householdPresent(hh, ps, ps.household[p], y);
}
