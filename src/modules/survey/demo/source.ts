/**
 * The demo city as a sampling frame: its villages and communities (with 《统计上划分城乡的规定》
 * codes) sized by resident households, and the listing of a village's households with their members.
 */
import type { City } from '../../demo/index.js';
import { householdAddress, householdPresent, isMemberInYear, personName, RELATION, SYNTHETIC_MARKER_ZH } from '../../demo/index.js';
import type { ListedHousehold, SampleSource } from '../sample.service.js';
import type { FrameUnit } from '../sampling.js';

const RELATION_NAMES: Record<number, string> = {
  [RELATION.head]: '户主', [RELATION.spouse]: '配偶', [RELATION.son]: '子', [RELATION.daughter]: '女', [RELATION.grandchild]: '孙子女',
  [RELATION.parent]: '父母', [RELATION.sibling]: '兄弟姐妹', [RELATION.childInLaw]: '其他',
};

/** Households present in `year`, by village. */
export function householdsByVillage(city: City, year: number): number[][] {
  const out: number[][] = Array.from({ length: city.geography.villages.count }, () => []);
  const hh = city.households;
  for (let h = 0; h < hh.count; h++) if (householdPresent(hh, city.persons, h, year)) out[hh.village[h]].push(h);
  return out;
}

export function demoSource(city: City, year: number): SampleSource {
  const g = city.geography;
  const byVillage = householdsByVillage(city, year);
  const frame: FrameUnit[] = byVillage.map((list, v) => ({
    code: g.villages.code[v],
    name: g.villages.name[v],
    countyCode: g.counties[g.villages.county[v]].code,
    townshipCode: g.townships[g.villages.township[v]].code,
    urbanRuralCode: String(g.villages.urbanRural[v]),
    size: list.length,
  }));
  const listing = (v: number): ListedHousehold[] =>
    byVillage[v].map((h) => {
      const ps = city.persons;
      const first = city.households.first[h];
      const members: ListedHousehold['members'] = [];
      for (let p = first; p < first + city.households.size[h]; p++) {
        if (!isMemberInYear(city.households, ps, p, year)) continue;
        members.push({ name: personName(city, p), sex: ps.sex[p] === 2 ? '2' : '1', birthYear: Math.floor(ps.birth[p] / 10000), relation: RELATION_NAMES[ps.relation[p]] ?? '其他' });
      }
      return { ref: `demo:${h}`, headName: `${personName(city, first)}（${SYNTHETIC_MARKER_ZH}）`, address: householdAddress(city, h), members };
    });
  return { frame, listing };
}

/** Resident persons and households by stratum (county × urban/rural) in a year, scaled to the whole city. */
export function demoPopulation(city: City, year: number): { stratum: string; persons: number; households: number }[] {
  const g = city.geography;
  const acc = new Map<string, { persons: number; households: number }>();
  const hh = city.households;
  for (let h = 0; h < hh.count; h++) {
    if (!householdPresent(hh, city.persons, h, year)) continue;
    const v = hh.village[h];
    const stratum = `${g.counties[g.villages.county[v]].code}-${g.villages.urban[v] ? 'U' : 'R'}`;
    const a = acc.get(stratum) ?? { persons: 0, households: 0 };
    a.households++;
    for (let p = hh.first[h]; p < hh.first[h] + hh.size[h]; p++) if (isMemberInYear(hh, city.persons, p, year)) a.persons++;
    acc.set(stratum, a);
  }
  return [...acc].sort().map(([stratum, a]) => ({ stratum, persons: Math.round(a.persons / city.scale), households: Math.round(a.households / city.scale) }));
}
