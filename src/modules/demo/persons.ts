/**
 * Personal attributes on top of the household skeleton: given names, hukou, ID-number parts
 * (address code and a unique sequence code of the right parity), education, career and formality.
 */
import { dayNumber, yearOf } from './dates.js';
import type { Geography } from './geography.js';
import { GIVEN_FEMALE, GIVEN_MALE } from './names.js';
import {
  BORN_ELSEWHERE_SHARE,
  CAREER,
  CAREER_PROBS,
  EDUCATION_BY_COHORT,
  EDUCATION_CODES,
  FORMAL_SHARE,
  MIGRANT_HOUSEHOLD_SHARE,
  OTHER_REGIONS,
  RELATION,
} from './params-population.js';
import { Rng, cumulative } from './rng.js';
import { HOUSEHOLD_FLAG, type Households, type Persons } from './types.js';

/** Region code table: the 7 Liaoyang counties first, then OTHER_REGIONS. */
export function regionCodeTable(geo: Geography): string[] {
  return [...geo.counties.map((c) => c.code), ...OTHER_REGIONS];
}

const EDU_CUM = EDUCATION_BY_COHORT.map((c) => ({ bornBy: c.bornBy, urban: cumulative(c.urban), rural: cumulative(c.rural) }));
const CAREER_ORDER = [CAREER.employee, CAREER.selfEmployed, CAREER.farmer, CAREER.unemployed, CAREER.inactive, CAREER.disabled];

export function assignPersonAttributes(geo: Geography, hh: Households, ps: Persons, seed: number): void {
  const r = new Rng(seed ^ 0x9e750);
  const nCounties = geo.counties.length;
  const DAY0 = dayNumber(1900, 1, 1);
  const idKeys = new Float64Array(ps.count);
  const villagesByCounty: number[][] = geo.counties.map(() => []);
  for (let v = 0; v < geo.villages.count; v++) villagesByCounty[geo.villages.county[v]].push(v);

  for (let h = 0; h < hh.count; h++) {
    const urban = hh.urban[h] === 1;
    const village = hh.village[h];
    const county = geo.villages.county[village];
    const migrant = r.chance(urban ? MIGRANT_HOUSEHOLD_SHARE.urban : MIGRANT_HOUSEHOLD_SHARE.rural);
    if (migrant) hh.flags[h] |= HOUSEHOLD_FLAG.migrant;
    const migrantRegion = nCounties + r.int(OTHER_REGIONS.length);
    const hukouVillage = migrant ? -1 : r.chance(0.92) ? village : villagesByCounty[county][r.int(villagesByCounty[county].length)];
    const first = hh.first[h];
    const end = first + hh.size[h];
    for (let p = first; p < end; p++) {
      const born = yearOf(ps.birth[p]);
      const female = ps.sex[p] === 2;
      // given name
      const pool = female ? GIVEN_FEMALE : GIVEN_MALE;
      const c1 = r.int(pool.length);
      ps.given[p] = c1 * 256 + (r.chance(0.75) ? r.int(pool.length) + 1 : 0);
      // hukou and ID address code
      ps.hukouVillage[p] = hukouVillage;
      ps.hukouRegion[p] = migrant ? migrantRegion : county;
      ps.hukouType[p] = migrant ? (r.chance(urban ? 0.5 : 0.1) ? 2 : 1) : r.chance(urban ? 0.88 : 0.04) ? 2 : 1;
      const adultIncomer = ps.relation[p] !== RELATION.son && ps.relation[p] !== RELATION.daughter && ps.relation[p] !== RELATION.grandchild;
      ps.idRegion[p] = migrant ? migrantRegion : adultIncomer && r.chance(BORN_ELSEWHERE_SHARE) ? nCounties + r.int(OTHER_REGIONS.length) : county;
      // unique sequence code with the sex's parity (odd male, even female; never 000)
      const b = ps.birth[p];
      const bucket = ps.idRegion[p] * 46000 + dayNumber(Math.floor(b / 10000), Math.floor(b / 100) % 100, b % 100) - DAY0;
      const seq = female ? 2 + 2 * r.int(499) : 1 + 2 * r.int(500);
      ps.idSeq[p] = seq;
      idKeys[p] = bucket * 1000 + seq;
      // education (eventual attainment for children)
      const cohort = EDU_CUM.find((c) => born <= c.bornBy)!;
      ps.education[p] = EDUCATION_CODES[r.pickCumulative(urban ? cohort.urban : cohort.rural)];
      // career
      ps.career[p] = drawCareer(r, urban, ps.education[p], born, female);
      const formalP = (urban ? FORMAL_SHARE.urban : FORMAL_SHARE.rural) + (ps.education[p] <= 30 || (urban && born < 1970) ? 0.08 : 0);
      ps.formal[p] = ps.career[p] === CAREER.employee && r.chance(formalP) ? 1 : 0;
      // parents living elsewhere (or here), for the elderly-support deduction
      ps.onlyChild[p] = r.chance(born >= 1980 ? 0.7 : 0.15) ? 1 : 0;
    }
    // parents' birth years: children of the head → head's; head with a parent member → that parent's
    const headBorn = yearOf(ps.birth[first]);
    let parentMember = 0;
    for (let p = first; p < end; p++) if (ps.relation[p] === RELATION.parent) parentMember = yearOf(ps.birth[p]);
    for (let p = first; p < end; p++) {
      const rel = ps.relation[p];
      const born = yearOf(ps.birth[p]);
      if (rel === RELATION.son || rel === RELATION.daughter) ps.parentBirthYear[p] = headBorn;
      else if (rel === RELATION.head && parentMember) ps.parentBirthYear[p] = parentMember;
      else ps.parentBirthYear[p] = born - 22 - r.int(12);
    }
  }
  dedupeIdNumbers(ps, idKeys, r);
}

/**
 * Makes ID numbers unique: address code + birth date + sequence keys are sorted to find the rare
 * repeats, and later holders of a repeated key draw a new sequence code of the same parity.
 */
function dedupeIdNumbers(ps: Persons, keys: Float64Array, r: Rng): void {
  const sorted = Float64Array.from(keys).sort();
  const repeated = new Set<number>();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) repeated.add(sorted[i]);
  if (repeated.size === 0) return;
  const taken = new Set<number>();
  const has = (k: number) => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] === k) return true;
      if (sorted[mid] < k) lo = mid + 1;
      else hi = mid - 1;
    }
    return taken.has(k);
  };
  const firstSeen = new Set<number>();
  for (let p = 0; p < ps.count; p++) {
    const k = keys[p];
    if (!repeated.has(k)) continue;
    if (!firstSeen.has(k)) {
      firstSeen.add(k);
      continue;
    }
    const bucket = Math.floor(k / 1000);
    for (;;) {
      const seq = ps.sex[p] === 2 ? 2 + 2 * r.int(499) : 1 + 2 * r.int(500);
      const nk = bucket * 1000 + seq;
      if (!has(nk)) {
        taken.add(nk);
        ps.idSeq[p] = seq;
        keys[p] = nk;
        break;
      }
    }
  }
}

/** Cumulative career weights by area × education band × cohort band × sex, built once. */
const CAREER_CUM: Float64Array[] = [];
for (let i = 0; i < 24; i++) {
  const urban = (i & 1) === 0;
  const eduBand = (i >> 1) % 3; // 0 graduate, 1 middle, 2 primary or less
  const cohort = Math.floor(i / 6) % 2; // 0 born before 1960, 1 later
  const female = i >= 12;
  const w = (urban ? CAREER_PROBS.urban : CAREER_PROBS.rural).slice();
  if (eduBand === 0) {
    w[0] *= 1.4;
    w[2] *= 0.3;
    w[3] *= 0.6;
    w[4] *= 0.6;
  } else if (eduBand === 2) {
    w[0] *= 0.8;
    w[3] *= 1.4;
  }
  if (!urban && cohort === 0) w[2] *= 1.4;
  if (female) w[4] *= 1.5;
  CAREER_CUM.push(cumulative(w));
}
const CAREER_CUM_OLD_URBAN = CAREER_CUM.map((c, i) => {
  if ((i & 1) !== 0) return c;
  const w = Array.from(c, (x, j) => x - (j > 0 ? c[j - 1] : 0));
  w[0] *= 1.15; // the planned economy employed most urban adults born before 1970
  return cumulative(w);
});

function drawCareer(r: Rng, urban: boolean, edu: number, born: number, female: boolean): number {
  const eduBand = edu <= 30 ? 0 : edu >= 80 ? 2 : 1;
  const i = (urban ? 0 : 1) + 2 * eduBand + 6 * (born < 1960 ? 0 : 1) + (female ? 12 : 0);
  return CAREER_ORDER[r.pickCumulative(urban && born < 1970 ? CAREER_CUM_OLD_URBAN[i] : CAREER_CUM[i])];
}
