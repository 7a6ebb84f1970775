/**
 * The plan's seven key groups (七大重点群体) as person flags. Entrepreneurs and new professional
 * farmers are flagged where they are created (employers.ts, labour.ts); the rest here.
 */
import { CAREER, KEY_GROUPS, PUBLIC_SECTORS, SECTORS, STATUS } from './params-population.js';
import { statusAt } from './status.js';
import { EMPLOYER_KIND, HOUSEHOLD_FLAG, type Employers, type Households, type Persons } from './types.js';

export const KEY_BIT = {
  skilled: 0,
  newFarmer: 1,
  researcher: 2,
  entrepreneur: 3,
  manager: 4,
  cadre: 5,
  hardshipAbleToWork: 6,
} as const satisfies Record<(typeof KEY_GROUPS)[number]['key'], number>;

export const hasKeyGroup = (ps: Persons, p: number, bit: number) => (ps.keyGroups[p] & (1 << bit)) !== 0;

/** Flags skilled workers, researchers, managers, cadres and 低保/poor members able to work (status in refYear). */
export function assignKeyGroups(hh: Households, ps: Persons, em: Employers, refYear: number): void {
  for (let p = 0; p < ps.count; p++) {
    const career = ps.career[p];
    const occ = ps.occupation[p];
    const sector = ps.sector[p] > 0 ? SECTORS[ps.sector[p] - 1] : '';
    const e = ps.employer[p];
    if (career === CAREER.employee) {
      if (ps.qualification[p] > 0) ps.keyGroups[p] |= 1 << KEY_BIT.skilled;
      if (occ === 2 && (sector === 'M' || (sector === 'P' && ps.education[p] <= 20) || (sector === 'I' && ps.education[p] <= 10))) {
        ps.keyGroups[p] |= 1 << KEY_BIT.researcher;
      }
      if (occ === 1 && e >= 0 && em.kind[e] === EMPLOYER_KIND.enterprise) ps.keyGroups[p] |= 1 << KEY_BIT.manager;
      if (sector === 'S' && (occ === 1 || occ === 3) && PUBLIC_SECTORS.has(sector)) ps.keyGroups[p] |= 1 << KEY_BIT.cadre;
    }
    const h = ps.household[p];
    if (hh.flags[h] & (HOUSEHOLD_FLAG.dibao | HOUSEHOLD_FLAG.poor)) {
      const st = statusAt(ps, p, refYear, 6);
      if (st === STATUS.employee || st === STATUS.selfEmployed || st === STATUS.farmer || st === STATUS.unemployed || st === STATUS.inactive) {
        if (ableToWorkAge(ps, p, refYear)) ps.keyGroups[p] |= 1 << KEY_BIT.hardshipAbleToWork;
      }
    }
  }
}

/** Working age for the 低保 work test: 16 to 59 (men) / 54 (women). */
export function ableToWorkAge(ps: Persons, p: number, year: number): boolean {
  const age = year - Math.floor(ps.birth[p] / 10000);
  return age >= 16 && age <= (ps.sex[p] === 1 ? 59 : 54);
}
