/**
 * Special additional deductions (专项附加扣除) a formal employee claims at withholding, 2019+:
 * children's education and infant care (one parent claims 100 %), elderly support (only child in
 * full, otherwise the shared amount), housing-loan interest for the owner of a mortgaged home,
 * rent for renting households' heads. Proxies from household structure; 元 per month.
 */
import { yearOf } from './dates.js';
import { CAREER, RELATION, SCHOOL_LEAVING_AGE } from './params-population.js';
import { mortgageOutstanding } from './property.js';
import { hashU01 } from './rng.js';
import { careerMonths } from './status.js';
import { HOUSEHOLD_FLAG, type City } from './types.js';
import type { YearParams } from './year-params.js';

export function isFormalEmployeeInYear(city: City, p: number, y: number): boolean {
  const ps = city.persons;
  return ps.career[p] === CAREER.employee && ps.formal[p] === 1 && careerMonths(ps, p, y).count > 0;
}

/** Whether the parents of p (living elsewhere) are alive in year y: until 78–94, by a stable draw. */
function parentsAlive(city: City, p: number, y: number): boolean {
  const pby = city.persons.parentBirthYear[p];
  return pby > 0 && y <= pby + 78 + Math.floor(hashU01(city.seed, p, 0x9a7e) * 17);
}

/**
 * 元 per month for person p of household h in year y. formalInYear[k] says whether member k is a
 * formal employee this year (as planned); without it the life-course rules are consulted.
 */
export function specialDeductionsMonthly(city: City, h: number, p: number, y: number, P: YearParams, formalInYear?: Uint8Array): number {
  if (y < 2019) return 0;
  const ps = city.persons;
  const hh = city.households;
  const rates = P.deductions;
  const first = hh.first[h];
  const end = first + hh.size[h];
  const rel = ps.relation[p];
  let total = 0;

  // children: the head-side parent claims if formally employed, else the partner
  const upper = rel === RELATION.head || rel === RELATION.spouse;
  const lower = rel === RELATION.son || rel === RELATION.daughter || rel === RELATION.childInLaw;
  if (upper || lower) {
    let claimant = -1;
    for (let q = first; q < end; q++) {
      const r = ps.relation[q];
      const side = upper ? r === RELATION.head : r === RELATION.son || r === RELATION.daughter;
      if (side && (formalInYear ? formalInYear[q - first] === 1 : isFormalEmployeeInYear(city, q, y))) {
        claimant = q;
        break;
      }
    }
    if (claimant < 0) {
      for (let q = first; q < end; q++) {
        const r = ps.relation[q];
        if ((upper ? r === RELATION.spouse : r === RELATION.childInLaw) && (formalInYear ? formalInYear[q - first] === 1 : isFormalEmployeeInYear(city, q, y))) {
          claimant = q;
          break;
        }
      }
    }
    if (claimant === p) {
      for (let q = first; q < end; q++) {
        const r = ps.relation[q];
        const isChild = upper ? r === RELATION.son || r === RELATION.daughter : r === RELATION.grandchild;
        if (!isChild) continue;
        const age = y - yearOf(ps.birth[q]);
        if (age < 0) continue;
        if (age < 3) total += rates.infantCare;
        else if (age < Math.min(25, SCHOOL_LEAVING_AGE[ps.education[q]])) total += rates.childEducation;
      }
    }
  }
  // elderly support
  const pby = ps.parentBirthYear[p];
  if (pby > 0 && y - pby >= 60 && parentsAlive(city, p, y)) total += ps.onlyChild[p] ? rates.elderlyOnlyChild : rates.elderlyShared;
  // housing loan of the owner of the mortgaged own residence
  const d = city.dwellings;
  for (let i = city.index.dwellingStart[h]; i < city.index.dwellingStart[h + 1]; i++) {
    if (d.owner[i] === p && d.use[i] === 1 && mortgageOutstanding(d, i, y) > 0) {
      total += rates.housingLoan;
      break;
    }
  }
  // rent, claimed by the head of a renting household
  if (rel === RELATION.head && hh.flags[h] & HOUSEHOLD_FLAG.renter) total += rates.rent;
  return total;
}
