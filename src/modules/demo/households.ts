/**
 * Household skeletons: for each village, households of the types in HOUSEHOLD_TYPES until the
 * village's residents are placed; members with relationship, sex, birth date and surname.
 * Ages refer to the census reference date (2020-11-01).
 */
import { civilFromDays, dayNumber } from './dates.js';
import type { Geography } from './geography.js';
import { DEPARTED_TYPES, HOUSEHOLD_TYPES, REFERENCE_DATE, RELATION, type HouseholdType } from './params-population.js';
import { PUBLISHED } from './published.js';
import { SURNAMES } from './names.js';
import { Rng, cumulative } from './rng.js';
import { allocHouseholds, allocPersons, trim } from './tables.js';
import type { Households, Persons } from './types.js';

interface Member {
  relation: number;
  sex: number;
  age: number;
  /** index of the member whose surname this one carries, or −1 for a fresh surname */
  surnameFrom: number;
}

const REF_DAY = dayNumber(REFERENCE_DATE.year, REFERENCE_DATE.month, REFERENCE_DATE.day);
const REF_DAY_2010 = dayNumber(2010, 11, 1);
const DEPARTED_CUM = cumulative(DEPARTED_TYPES.map((t) => t.weight));
const SURNAME_CUM = cumulative(SURNAMES.map((s) => s[1]));
const TYPE_CUM = {
  urban: cumulative(HOUSEHOLD_TYPES.map((t) => t.urban)),
  rural: cumulative(HOUSEHOLD_TYPES.map((t) => t.rural)),
};

const clampAge = (a: number) => Math.max(0, Math.min(100, Math.round(a)));

const uniform = (r: Rng, lo: number, hi: number) => lo + r.float() * (hi - lo);

function addHead(m: Member[], r: Rng, age: number, pMale: number): void {
  m.push({ relation: RELATION.head, sex: r.chance(pMale) ? 1 : 2, age: clampAge(age), surnameFrom: -1 });
}

function addSpouse(m: Member[], r: Rng): void {
  const h = m[0];
  const gap = 2 + 2.5 * r.normal();
  m.push({ relation: RELATION.spouse, sex: 3 - h.sex, age: clampAge(Math.max(18, h.sex === 1 ? h.age - gap : h.age + gap)), surnameFrom: -1 });
}

/** A child of the head (and spouse), carrying the father's surname in 95 % of cases. */
function addChild(m: Member[], r: Rng, age: number): void {
  const father = m[0].sex === 1 ? 0 : m.length > 1 && m[1].relation === RELATION.spouse ? 1 : 0;
  const sex = r.chance(0.515) ? 1 : 2;
  m.push({ relation: sex === 1 ? RELATION.son : RELATION.daughter, sex, age: clampAge(age), surnameFrom: r.chance(0.95) ? father : -1 });
}

/** Members of one household of a type (head first), ages at the reference date. */
function compose(type: HouseholdType, r: Rng): Member[] {
  const m: Member[] = [];
  switch (type) {
    case 'singleYoung':
      addHead(m, r, uniform(r, 20, 40), 0.6);
      break;
    case 'singleOld':
      addHead(m, r, 60 + Math.abs(r.normal()) * 13, 0.35);
      break;
    case 'coupleYoung':
      addHead(m, r, uniform(r, 22, 36), 0.78);
      addSpouse(m, r);
      break;
    case 'coupleMiddle':
      addHead(m, r, uniform(r, 45, 65), 0.78);
      addSpouse(m, r);
      break;
    case 'coupleOld':
      addHead(m, r, 60 + Math.abs(r.normal()) * 10, 0.8);
      addSpouse(m, r);
      break;
    case 'couple1':
      addHead(m, r, uniform(r, 28, 64), 0.78);
      addSpouse(m, r);
      addChild(m, r, Math.max(0, m[0].age - uniform(r, 23, 35)));
      break;
    case 'couple2': {
      addHead(m, r, uniform(r, 28, 52), 0.78);
      addSpouse(m, r);
      const c1 = Math.max(1, m[0].age - uniform(r, 23, 32));
      addChild(m, r, c1);
      addChild(m, r, Math.max(0, c1 - uniform(r, 1, 8)));
      break;
    }
    case 'threeGenA': {
      addHead(m, r, uniform(r, 28, 52), 0.78);
      addSpouse(m, r);
      addChild(m, r, Math.max(0, m[0].age - uniform(r, 23, 33)));
      const pAge = Math.min(96, m[0].age + uniform(r, 22, 32));
      const both = r.chance(0.45);
      const fatherSex = both || r.chance(0.35) ? 1 : 2;
      m.push({ relation: RELATION.parent, sex: fatherSex, age: clampAge(pAge), surnameFrom: fatherSex === 1 && m[0].sex === 1 ? 0 : -1 });
      if (both) m.push({ relation: RELATION.parent, sex: 2, age: clampAge(Math.max(m[0].age + 20, pAge - 2 + r.normal() * 2)), surnameFrom: -1 });
      break;
    }
    case 'threeGenB': {
      addHead(m, r, uniform(r, 50, 76), 0.8);
      addSpouse(m, r);
      const cAge = Math.max(16, m[0].age - uniform(r, 23, 30));
      addChild(m, r, cAge);
      const c = m[m.length - 1];
      if (cAge >= 22) {
        m.push({ relation: RELATION.childInLaw, sex: 3 - c.sex, age: clampAge(cAge + (c.sex === 1 ? -2 : 2) + r.normal() * 2), surnameFrom: -1 });
        const gSex = r.chance(0.515) ? 1 : 2;
        const gFather = c.sex === 1 ? m.length - 2 : m.length - 1;
        m.push({ relation: RELATION.grandchild, sex: gSex, age: clampAge(Math.max(0, cAge - uniform(r, 22, 32))), surnameFrom: gFather });
      }
      break;
    }
    case 'singleParent':
      addHead(m, r, uniform(r, 28, 56), 0.25);
      addChild(m, r, Math.max(0, m[0].age - uniform(r, 22, 34)));
      m[1].surnameFrom = 0;
      break;
  }
  return m;
}

/** Birth date (yyyymmdd) for an age in completed years at a reference day. */
function birthFor(age: number, r: Rng, refDay: number): number {
  return civilFromDays(refDay - Math.floor(age * 365.2425) - r.int(365) - 1);
}

/** Largest-remainder split of a total in proportion to weights. */
function apportion(total: number, weights: Int32Array): Int32Array {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = new Int32Array(weights.length);
  if (total <= 0 || sum === 0) return out;
  const rem: { i: number; r: number }[] = [];
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    const exact = (total * weights[i]) / sum;
    out[i] = Math.floor(exact);
    given += out[i];
    rem.push({ i, r: exact - out[i] });
  }
  rem.sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < total - given; k++) out[rem[k].i]++;
  return out;
}

export interface Skeleton {
  persons: Persons;
  households: Households;
}

/**
 * Builds households village by village: first the 2020 residents (exact count per village), then
 * households that lived there in 2010 but left before the census, so the 2010 total matches too.
 */
export function buildHouseholds(geo: Geography, villagePop: Int32Array, scale: number, seed: number, onProgress?: (done: number, total: number) => void): Skeleton {
  const residents = villagePop.reduce((a, b) => a + b, 0);
  const capacity = Math.ceil(residents * 1.45) + 64;
  const persons = allocPersons(capacity);
  const hh = allocHouseholds(capacity);
  const r = new Rng(seed ^ 0x40a5e);
  let p = 0;
  let h = 0;
  const fill = (v: number, target: number, draw: () => HouseholdType, refDay: number, leftYear: () => number) => {
    const urban = geo.villages.urban[v];
    let placed = 0;
    while (placed < target) {
      let members = compose(draw(), r);
      if (placed + members.length > target) members = members.slice(0, target - placed);
      hh.village[h] = v;
      hh.first[h] = p;
      hh.size[h] = members.length;
      hh.urban[h] = urban;
      const left = leftYear();
      hh.leftYear[h] = left;
      const surnames: number[] = [];
      for (let k = 0; k < members.length; k++) {
        const mem = members[k];
        const s = mem.surnameFrom >= 0 && mem.surnameFrom < k ? surnames[mem.surnameFrom] : r.pickCumulative(SURNAME_CUM);
        surnames.push(s);
        persons.household[p] = h;
        persons.relation[p] = mem.relation;
        persons.sex[p] = mem.sex;
        // households that left were all there in 2010: nobody born after mid-2010
        persons.birth[p] = left && mem.age === 0 ? birthFor(1, r, refDay) : birthFor(mem.age, r, refDay);
        persons.surname[p] = s;
        p++;
      }
      placed += members.length;
      h++;
    }
  };
  for (let v = 0; v < geo.villages.count; v++) {
    const cum = geo.villages.urban[v] ? TYPE_CUM.urban : TYPE_CUM.rural;
    fill(v, villagePop[v], () => HOUSEHOLD_TYPES[r.pickCumulative(cum)].key, REF_DAY, () => 0);
    if (onProgress && (v & 31) === 0) onProgress(p, residents);
  }
  let alive2010 = 0;
  for (let i = 0; i < p; i++) if (persons.birth[i] <= 20100630) alive2010++;
  const departed = apportion(Math.round(PUBLISHED.population2010 * scale) - alive2010, villagePop);
  for (let v = 0; v < geo.villages.count; v++) {
    fill(v, departed[v], () => DEPARTED_TYPES[r.pickCumulative(DEPARTED_CUM)].key, REF_DAY_2010, () => 2011 + r.int(10));
  }
  onProgress?.(residents, residents);
  return { persons: trim(persons, p), households: trim(hh, h) };
}
