/**
 * Villages (村委会) and communities (居委会/社区) under Liaoyang's 50 townships, with 12-digit
 * statistical codes (township code + 001–199 for communities, 200–399 for villages) and the
 * urban-rural codes of 《统计上划分城乡的规定》 (111/112/121/122/123 urban, 210/220 rural).
 * The geography is the same at every scale; only the population allocated to it scales.
 */
import { LIAOYANG_DIVISIONS } from '../regions/liaoyang-divisions.js';
import { PUBLISHED } from './published.js';
import { COMMUNITY_SIZE, COUNTIES, COUNTY_SEAT_TOWNS, VILLAGE_SIZE } from './params-population.js';
import { COMMUNITY_WORDS, SURNAMES, VILLAGE_PREFIXES, VILLAGE_SUFFIXES } from './names.js';
import { Rng } from './rng.js';

export type TownshipKind = 'subdistrict' | 'town' | 'township';

export interface County {
  code: string;
  name: string;
}
export interface Township {
  code: string;
  name: string;
  county: number;
  kind: TownshipKind;
}
/** Villages and communities as parallel arrays (index = village id). */
export interface Villages {
  count: number;
  code: string[];
  name: string[];
  township: Uint8Array;
  county: Uint8Array;
  /** 111 … 220 */
  urbanRural: Uint16Array;
  /** 1 when urbanRural < 200 */
  urban: Uint8Array;
  /** residents at scale 1 */
  population: Float64Array;
}
export interface Geography {
  counties: County[];
  townships: Township[];
  villages: Villages;
}

const SURNAME_SUFFIXES = VILLAGE_SUFFIXES.filter((x) => x !== '家');

export const isUrbanCode = (code: number) => code < 200;

function kindOf(name: string): TownshipKind {
  return name.endsWith('街道') ? 'subdistrict' : name.endsWith('镇') ? 'town' : 'township';
}

export function buildGeography(seed: number): Geography {
  const rng = new Rng(seed ^ 0x6e0);
  const counties: County[] = LIAOYANG_DIVISIONS.filter((d) => d.level === 'county').map((d) => ({ code: d.code, name: d.name }));
  const townships: Township[] = LIAOYANG_DIVISIONS.filter((d) => d.level === 'township').map((d) => ({
    code: d.code,
    name: d.name,
    county: counties.findIndex((c) => c.code === d.parentCode),
    kind: kindOf(d.name),
  }));
  const codes: string[] = [];
  const names: string[] = [];
  const town: number[] = [];
  const urbanRural: number[] = [];
  const pop: number[] = [];
  const isDistrict = (c: number) => counties[c].code < '211020';

  counties.forEach((county, ci) => {
    const params = COUNTIES.find((c) => c.code === county.code);
    if (!params) throw new Error(`no population assumption for county ${county.code}`);
    const total = PUBLISHED.population2020 * params.popShare;
    const ts = townships.map((t, i) => ({ t, i })).filter((x) => x.t.county === ci);
    const urbanW: number[] = ts.map(({ t }) =>
      t.kind === 'subdistrict' ? 3 : t.kind === 'town' ? (COUNTY_SEAT_TOWNS.has(t.code) ? 2 : isDistrict(ci) ? 0.8 : 0.35) : 0,
    );
    const ruralW: number[] = ts.map(({ t }) => (t.kind === 'subdistrict' ? 0 : t.kind === 'town' ? 1 : 0.8));
    const sumU = urbanW.reduce((a, b) => a + b, 0);
    const sumR = ruralW.reduce((a, b) => a + b, 0);
    ts.forEach(({ t, i }, k) => {
      const urbanPop = sumU > 0 ? (total * params.urbanShare * urbanW[k]) / sumU : 0;
      const ruralPop = sumR > 0 ? (total * (1 - params.urbanShare) * ruralW[k]) / sumR : 0;
      const used = new Set<string>();
      const unique = (make: () => string) => {
        for (;;) {
          const n = make();
          if (!used.has(n)) {
            used.add(n);
            return n;
          }
        }
      };
      const place = (n: number, popTotal: number, first: number, codeFor: (j: number) => number, nameFor: () => string) => {
        const w = Array.from({ length: n }, () => Math.exp(0.35 * rng.normal()));
        const sw = w.reduce((a, b) => a + b, 0);
        for (let j = 0; j < n; j++) {
          codes.push(t.code + String(first + j).padStart(3, '0'));
          names.push(unique(nameFor));
          town.push(i);
          urbanRural.push(codeFor(j));
          pop.push((popTotal * w[j]) / sw);
        }
      };
      if (urbanPop > 0) {
        const n = Math.max(1, Math.round(urbanPop / COMMUNITY_SIZE));
        const code = (j: number): number => {
          if (t.kind === 'subdistrict') return county.code === '211002' || j % 5 !== 4 ? 111 : 112;
          if (county.code === '211005' && j === 0) return 123; // mining area
          if (isDistrict(ci)) return 112;
          return j % 10 < 7 ? 121 : 122;
        };
        place(n, urbanPop, 1, code, () => COMMUNITY_WORDS[rng.int(COMMUNITY_WORDS.length)] + '社区');
      }
      if (ruralPop > 0) {
        const n = Math.max(1, Math.round(ruralPop / VILLAGE_SIZE));
        const code = (j: number) => (t.kind === 'township' && j === 0 ? 210 : 220);
        const villageName = () =>
          rng.chance(0.45)
            ? SURNAMES[rng.int(30)][0] + '家' + SURNAME_SUFFIXES[rng.int(SURNAME_SUFFIXES.length)] + '村'
            : VILLAGE_PREFIXES[rng.int(VILLAGE_PREFIXES.length)] + VILLAGE_SUFFIXES[rng.int(VILLAGE_SUFFIXES.length)] + '村';
        place(n, ruralPop, 201, code, villageName);
      }
    });
  });

  const n = codes.length;
  const villages: Villages = {
    count: n,
    code: codes,
    name: names,
    township: Uint8Array.from(town),
    county: Uint8Array.from(town.map((t) => townships[t].county)),
    urbanRural: Uint16Array.from(urbanRural),
    urban: Uint8Array.from(urbanRural.map((c) => (isUrbanCode(c) ? 1 : 0))),
    population: Float64Array.from(pop),
  };
  return { counties, townships, villages };
}

/**
 * Integer residents per village at a scale: largest-remainder allocation of round(1,604,580 × scale)
 * in proportion to the scale-1 populations, so the total is exact.
 */
export function allocatePopulation(villages: Villages, scale: number): Int32Array {
  const total = Math.round(PUBLISHED.population2020 * scale);
  const sum = villages.population.reduce((a, b) => a + b, 0);
  const out = new Int32Array(villages.count);
  const rem: { i: number; r: number }[] = [];
  let given = 0;
  for (let i = 0; i < villages.count; i++) {
    const exact = (total * villages.population[i]) / sum;
    out[i] = Math.floor(exact);
    given += out[i];
    rem.push({ i, r: exact - out[i] });
  }
  rem.sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < total - given; k++) out[rem[k].i]++;
  return out;
}
