/**
 * Synthetic employers with valid unified social credit codes: public organs and institutions for
 * sectors P/Q/S, enterprises of heavy-tailed size (small ones often owned by a self-employed resident,
 * the plan's 小微创业者), individual businesses (个体工商户) of the self-employed, and farmers'
 * cooperatives of the new professional farmers. Employees are assigned within sector and county.
 */
import { makeCreditCode } from '../../shared/credit-code.js';
import type { Geography } from './geography.js';
import { KEY_BIT } from './key-groups.js';
import { INDUSTRY_WORDS, PUBLIC_BODIES, TRADE_NAMES } from './names.js';
import { CAREER, PUBLIC_SECTORS, SECTORS } from './params-population.js';
import { Rng } from './rng.js';
import { allocEmployers, trim } from './tables.js';
import { EMPLOYER_KIND, type Employers, type Households, type Persons } from './types.js';

const BODY_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Heavy-tailed firm size: discrete Pareto with α = 1.05, between min and max. */
function firmSize(r: Rng, min: number, max: number): number {
  const s = Math.floor(min / Math.pow(1 - r.float(), 1 / 1.05));
  return Math.min(max, s);
}

export function buildEmployers(geo: Geography, hh: Households, ps: Persons, seed: number): Employers {
  const r = new Rng(seed ^ 0xe3910);
  const cap = ps.count + 1000;
  const e = allocEmployers(cap);
  let n = 0;
  const nc = geo.counties.length;

  // organisation-code bodies from a counter through a bijection (unique by construction):
  // new style "MA" + 6 characters base 31, old style 8 digits not starting with 0
  let serial = 0;
  const offset = r.int(1_000_000);
  const newCode = (dept: string, cat: string, region: string, modern: boolean) => {
    const n = serial++ + offset;
    let body: string;
    if (modern) {
      let x = (n * 7919) % 887_503_681; // 31^6, 7919 is coprime to 31
      body = '';
      for (let i = 0; i < 6; i++) {
        body = BODY_ALPHABET[x % 31] + body;
        x = Math.floor(x / 31);
      }
      body = 'MA' + body;
    } else {
      body = String(10_000_000 + ((n * 7919) % 90_000_000));
    }
    return makeCreditCode(dept, cat, region, body);
  };
  const nameCount = new Map<string, number>();
  /** The name, or with a branch number before its legal-form suffix when already taken. */
  const uniqueName = (base: string) => {
    const n = nameCount.get(base) ?? 0;
    nameCount.set(base, n + 1);
    if (n === 0) return base;
    const m = /(股份有限公司|有限公司|饭店|店|合作社|局|院|学校|中学|小学|幼儿园|中心|办事处|政府)$/.exec(base);
    // bases have no digits, so numbered names cannot collide with them or with each other
    return m ? `${base.slice(0, m.index)}${n + 1}${m[1]}` : `${base}${n + 1}`;
  };
  const add = (kind: number, sector: number, county: number, village: number, owner: number, name: string, code: string, hpf: number) => {
    e.kind[n] = kind;
    e.sector[n] = sector;
    e.county[n] = county;
    e.village[n] = village;
    e.owner[n] = owner;
    e.name[n] = name;
    e.creditCode[n] = code;
    e.hpfRate[n] = hpf;
    return n++;
  };
  const countyCode = (c: number) => geo.counties[c].code;
  const countyName = (c: number) => geo.counties[c].name;
  const trade = () => TRADE_NAMES[r.int(TRADE_NAMES.length)];
  const industry = (s: string) => INDUSTRY_WORDS[s][r.int(INDUSTRY_WORDS[s].length)];

  // group employees and self-employed by sector × county (index order, then shuffled)
  const groups: number[][] = Array.from({ length: SECTORS.length * nc }, () => []);
  const owners: number[][] = Array.from({ length: SECTORS.length * nc }, () => []);
  for (let p = 0; p < ps.count; p++) {
    const c = geo.villages.county[hh.village[ps.household[p]]];
    if (ps.career[p] === CAREER.employee) groups[(ps.sector[p] - 1) * nc + c].push(p);
    else if (ps.career[p] === CAREER.selfEmployed) owners[(ps.sector[p] - 1) * nc + c].push(p);
  }
  const shuffle = (a: number[]) => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [a[i], a[j]] = [a[j], a[i]];
    }
  };

  for (let g = 0; g < groups.length; g++) {
    const s = SECTORS[Math.floor(g / nc)];
    const c = g % nc;
    const staff = groups[g];
    const own = owners[g];
    shuffle(staff);
    let i = 0;
    while (i < staff.length) {
      const village = hh.village[ps.household[staff[i]]];
      let id: number;
      let size: number;
      if (PUBLIC_SECTORS.has(s)) {
        size = firmSize(r, 15, 1500);
        const organ = s === 'S';
        const body = PUBLIC_BODIES[s][r.int(PUBLIC_BODIES[s].length)];
        id = add(organ ? EMPLOYER_KIND.organ : EMPLOYER_KIND.institution, SECTORS.indexOf(s) + 1, c, village, -1,
          uniqueName(`辽阳市${countyName(c)}${body}`), newCode('1', organ ? '1' : '2', countyCode(c), false), 12);
      } else {
        size = firmSize(r, 1, 8000);
        const owner = size <= 30 && own.length > 0 && r.chance(0.6) ? own.pop()! : -1;
        const hpf = size >= 300 ? (r.chance(0.7) ? 10 : 5) : r.chance(0.4) ? 5 : 0;
        const suffix = size >= 1000 ? '股份有限公司' : '有限公司';
        id = add(EMPLOYER_KIND.enterprise, SECTORS.indexOf(s) + 1, c, village, owner,
          uniqueName(`辽阳${trade()}${r.chance(0.5) ? trade() : ''}${industry(s)}${suffix}`), newCode('9', '1', countyCode(c), r.chance(0.6)), hpf);
        if (owner >= 0) {
          ps.employer[owner] = id;
          ps.keyGroups[owner] |= 1 << KEY_BIT.entrepreneur;
        }
      }
      const end = Math.min(staff.length, i + size);
      for (; i < end; i++) ps.employer[staff[i]] = id;
    }
    // remaining self-employed: individual businesses
    for (const p of own) {
      const village = hh.village[ps.household[p]];
      const id = add(EMPLOYER_KIND.individual, SECTORS.indexOf(s) + 1, c, village, p,
        uniqueName(`${countyName(c)}${trade()}${industry(s)}${s === 'H' ? '饭店' : '店'}`), newCode('9', '2', countyCode(c), true), 0);
      ps.employer[p] = id;
      ps.keyGroups[p] |= 1 << KEY_BIT.entrepreneur;
    }
  }
  // cooperatives of the new professional farmers
  for (let p = 0; p < ps.count; p++) {
    if (ps.keyGroups[p] & (1 << KEY_BIT.newFarmer)) {
      const h = ps.household[p];
      const c = geo.villages.county[hh.village[h]];
      const vname = geo.villages.name[hh.village[h]].replace(/村$|社区$/, '');
      ps.employer[p] = add(EMPLOYER_KIND.cooperative, 1, c, hh.village[h], p,
        uniqueName(`${countyName(c)}${vname}${trade()}种植专业合作社`), newCode('9', '3', countyCode(c), true), 0);
    }
  }
  // actual head counts
  e.employees.fill(0);
  for (let p = 0; p < ps.count; p++) if (ps.employer[p] >= 0 && ps.career[p] === CAREER.employee) e.employees[ps.employer[p]]++;
  return trim(e, n);
}
