import { beforeAll, describe, expect, it } from 'vitest';
import { checkCreditCode } from '../../shared/credit-code.js';
import { checkResidentId } from '../../shared/resident-id.js';
import { generateCity } from './city.js';
import { yearOf } from './dates.js';
import { KEY_BIT } from './key-groups.js';
import { CAREER, RELATION, STATUS } from './params-population.js';
import { PUBLISHED } from './published.js';
import { personName, residentIdOf } from './render.js';
import { statusAt } from './status.js';
import { EMPLOYER_KIND, HOUSEHOLD_FLAG, type City } from './types.js';

let city: City;
const scale = 0.005;
beforeAll(() => {
  city = generateCity({ seed: 2018, scale });
});

describe('population size and geography', () => {
  it('has round(1,604,580 × scale) residents at the 2020 census and the 2010 census total in 2010', () => {
    const hh = city.households;
    let residents = 0;
    let in2010 = 0;
    for (let h = 0; h < hh.count; h++) {
      if (hh.leftYear[h] === 0) residents += hh.size[h];
    }
    for (let p = 0; p < city.persons.count; p++) if (city.persons.birth[p] <= 20100630) in2010++;
    expect(residents).toBe(Math.round(PUBLISHED.population2020 * scale));
    expect(in2010).toBe(Math.round(PUBLISHED.population2010 * scale));
  });
  it('places villages under the 50 townships with 12-digit codes and urban-rural codes; about 62 % urban', () => {
    const v = city.geography.villages;
    expect(city.geography.townships).toHaveLength(50);
    const codes = new Set(v.code);
    expect(codes.size).toBe(v.count);
    let urbanPeople = 0;
    let all = 0;
    for (let i = 0; i < v.count; i++) {
      expect(v.code[i]).toMatch(/^211\d{9}$/);
      expect(v.code[i].slice(0, 9)).toBe(city.geography.townships[v.township[i]].code);
      expect([111, 112, 121, 122, 123, 210, 220]).toContain(v.urbanRural[i]);
      all += city.villagePopulation[i];
      if (v.urbanRural[i] < 200) urbanPeople += city.villagePopulation[i];
    }
    expect(urbanPeople / all).toBeGreaterThan(0.6);
    expect(urbanPeople / all).toBeLessThan(0.65);
  });
});

describe('persons', () => {
  it('every ID number is valid, unique, and agrees with birth date and sex', () => {
    const ids = new Set<string>();
    for (let p = 0; p < city.persons.count; p++) {
      const id = residentIdOf(city, p);
      const r = checkResidentId(id, { asOf: '2025-01-01' });
      if (!r.ok) throw new Error(`person ${p}: ${id} ${r.error}`);
      const b = String(city.persons.birth[p]);
      if (r.value.birthDate !== `${b.slice(0, 4)}-${b.slice(4, 6)}-${b.slice(6)}` || r.value.sex !== city.persons.sex[p]) throw new Error(`person ${p}: ${id} disagrees`);
      ids.add(id);
    }
    expect(ids.size).toBe(city.persons.count);
  });
  it('names come from the surname list and have two or three characters', () => {
    for (let p = 0; p < city.persons.count; p += 7) expect(Array.from(personName(city, p)).length).toBeGreaterThanOrEqual(2);
  });
  it('the age structure is close to the 2018 hukou structure (0-17, 18-34, 35-59, 60+)', () => {
    const counts = [0, 0, 0, 0];
    for (let p = 0; p < city.persons.count; p++) {
      const h = city.persons.household[p];
      if (city.households.leftYear[h] !== 0 && city.households.leftYear[h] <= 2018) continue;
      const a = 2018 - yearOf(city.persons.birth[p]);
      if (a < 0) continue;
      counts[a < 18 ? 0 : a < 35 ? 1 : a < 60 ? 2 : 3]++;
    }
    const total = counts.reduce((x, y) => x + y, 0);
    const published = Object.values(PUBLISHED.hukouAges2018);
    const pubTotal = published.reduce((x, y) => x + y, 0);
    counts.forEach((c, i) => expect(Math.abs(c / total - published[i] / pubTotal)).toBeLessThan(0.05));
  });
});

describe('households', () => {
  it('have exactly one head, listed first, and sane relationships and ages', () => {
    const { households: hh, persons: ps } = city;
    const problems: string[] = [];
    for (let h = 0; h < hh.count; h++) {
      const first = hh.first[h];
      if (ps.relation[first] !== RELATION.head) problems.push(`${h}: first member is not the head`);
      if (hh.size[h] < 1 || hh.size[h] > 6) problems.push(`${h}: size ${hh.size[h]}`);
      const headBorn = yearOf(ps.birth[first]);
      for (let p = first + 1; p < first + hh.size[h]; p++) {
        const gap = yearOf(ps.birth[p]) - headBorn;
        const rel = ps.relation[p];
        if (rel === RELATION.head || ps.household[p] !== h) problems.push(`${h}: member ${p} misplaced`);
        if (rel === RELATION.spouse && (ps.sex[p] === ps.sex[first] || Math.abs(gap) >= 16)) problems.push(`${h}: spouse ${p}`);
        if ((rel === RELATION.son || rel === RELATION.daughter) && gap < 18) problems.push(`${h}: child ${p} only ${gap} years younger`);
        if (rel === RELATION.parent && -gap < 18) problems.push(`${h}: parent ${p} only ${-gap} years older`);
      }
    }
    expect(problems).toEqual([]);
    expect(hh.first[hh.count - 1] + hh.size[hh.count - 1]).toBe(ps.count);
  });
});

describe('work, employers and key groups', () => {
  it('employers have valid credit codes, unique, with the right registration category', () => {
    const e = city.employers;
    expect(new Set(e.creditCode).size).toBe(e.count);
    for (let i = 0; i < e.count; i++) {
      const r = checkCreditCode(e.creditCode[i]);
      if (!r.ok || !r.value.orgCodeValid) throw new Error(`employer ${i}: ${e.creditCode[i]}`);
      const expected = { [EMPLOYER_KIND.enterprise]: '91', [EMPLOYER_KIND.individual]: '92', [EMPLOYER_KIND.cooperative]: '93', [EMPLOYER_KIND.organ]: '11', [EMPLOYER_KIND.institution]: '12' }[e.kind[i]];
      expect(e.creditCode[i].slice(0, 2)).toBe(expected);
    }
  });
  it('every employee has an employer; retirement follows the statutory ages', () => {
    const ps = city.persons;
    let employees = 0;
    let bad = 0;
    for (let p = 0; p < ps.count; p++) {
      if (ps.career[p] !== CAREER.employee) continue;
      employees++;
      if (ps.employer[p] < 0) bad++;
      if (ps.sex[p] === 1 && statusAt(ps, p, yearOf(ps.birth[p]) + 61, 12) !== STATUS.retired) bad++;
    }
    expect(employees).toBeGreaterThan(1000);
    expect(bad).toBe(0);
  });
  it('all seven key groups occur', () => {
    const seen = new Set<number>();
    for (let p = 0; p < city.persons.count; p++) for (const bit of Object.values(KEY_BIT)) if (city.persons.keyGroups[p] & (1 << bit)) seen.add(bit);
    expect(seen.size).toBe(7);
  });
  it('低保 members able to work get job referrals, some refused three times or more in a year', () => {
    const r = city.referrals;
    expect(r.count).toBeGreaterThan(0);
    const refusals = new Map<string, number>();
    for (let i = 0; i < r.count; i++) {
      expect(city.households.flags[city.persons.household[r.person[i]]] & HOUSEHOLD_FLAG.dibao).toBeTruthy();
      if (r.outcome[i] === 3) {
        const k = `${r.person[i]}:${Math.floor(r.date[i] / 10000)}`;
        refusals.set(k, (refusals.get(k) ?? 0) + 1);
      }
    }
    expect([...refusals.values()].some((n) => n >= 3)).toBe(true);
  });
});

describe('determinism', () => {
  it('the same seed and scale give the same city; another seed a different one', () => {
    const again = generateCity({ seed: 2018, scale: 0.0005 });
    const twice = generateCity({ seed: 2018, scale: 0.0005 });
    const other = generateCity({ seed: 7, scale: 0.0005 });
    expect(Buffer.from(twice.persons.birth.buffer).equals(Buffer.from(again.persons.birth.buffer))).toBe(true);
    expect(Array.from(twice.calibration.pensionScale)).toEqual(Array.from(again.calibration.pensionScale));
    expect(Buffer.from(other.persons.birth.buffer).equals(Buffer.from(again.persons.birth.buffer))).toBe(false);
  });
});
