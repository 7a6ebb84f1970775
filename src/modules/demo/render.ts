/** Strings derived from the compact tables: names, ID numbers, addresses, codes. */
import { makeResidentId } from '../../shared/resident-id.js';
import { isoDate } from './dates.js';
import { GIVEN_FEMALE, GIVEN_MALE, ROADS, SURNAMES } from './names.js';
import { KEY_GROUPS, SECTORS } from './params-population.js';
import type { City } from './types.js';

/** Every record of the demo carries this marker; channel files carry it in a column or title. */
export const SYNTHETIC_MARKER = 'SYNTHETIC-DEMO';
export const SYNTHETIC_MARKER_ZH = '合成演示数据';

export function personName(city: City, p: number): string {
  const ps = city.persons;
  const pool = ps.sex[p] === 2 ? GIVEN_FEMALE : GIVEN_MALE;
  const g = ps.given[p];
  const second = g & 255;
  return SURNAMES[ps.surname[p]][0] + pool[g >> 8] + (second ? pool[second - 1] : '');
}

/** The person's 18-character resident ID number. */
export function residentIdOf(city: City, p: number): string {
  const ps = city.persons;
  return makeResidentId(city.regionCodes[ps.idRegion[p]], ps.birth[p], ps.idSeq[p]);
}

export const birthDateOf = (city: City, p: number) => isoDate(city.persons.birth[p]);

/** 社保个人编号: 11 digits derived from the person id. */
export const socialInsuranceNumber = (p: number) => `21${String(p).padStart(9, '0')}`;

function detail(urban: boolean, street: number, no: number, room: number): string {
  if (urban) return `${ROADS[street % ROADS.length]}${no}号${Math.floor(room / 100)}单元${room}室`;
  return `${street}组${no}号`;
}

/** Place name: county + township + village/community. */
export function villagePlace(city: City, v: number): string {
  const g = city.geography;
  const t = g.townships[g.villages.township[v]];
  return `${g.counties[t.county].name}${t.name}${g.villages.name[v]}`;
}

/** 辽宁省辽阳市 + place + street or group detail. */
export function householdAddress(city: City, h: number): string {
  const hh = city.households;
  const v = hh.village[h];
  return `辽宁省辽阳市${villagePlace(city, v)}${detail(city.geography.villages.urban[v] === 1, hh.addrStreet[h], hh.addrNo[h], hh.addrRoom[h])}`;
}

export function dwellingAddress(city: City, i: number): string {
  const d = city.dwellings;
  const v = d.village[i];
  return `辽宁省辽阳市${villagePlace(city, v)}${detail(city.geography.villages.urban[v] === 1, d.addrStreet[i], d.addrNo[i], d.addrRoom[i])}`;
}

export const villageCode = (city: City, v: number) => city.geography.villages.code[v];
export const countyCodeOfVillage = (city: City, v: number) => city.geography.counties[city.geography.villages.county[v]].code;
export const sectorCode = (s: number) => (s > 0 ? SECTORS[s - 1] : '');

/** Key groups as a "|"-separated list of keys (e.g. "skilled|cadre"). */
export function keyGroupKeys(bits: number): string {
  return KEY_GROUPS.filter((g) => bits & (1 << g.bit))
    .map((g) => g.key)
    .join('|');
}

/** 不动产权证号 in the national format: 辽(year)辽阳市不动产权第NNNNNNN号. */
export function propertyCertificate(city: City, i: number): string {
  const year = Math.max(2016, city.dwellings.acquired[i]);
  return `辽(${year})辽阳市不动产权第${String(i + 1).padStart(7, '0')}号`;
}

/** 不动产单元号 (28 characters): region 6 + 宗地 12 + 定着物 10, synthetic serials. */
export function propertyUnitNumber(city: City, i: number): string {
  const d = city.dwellings;
  const county = countyCodeOfVillage(city, d.village[i]);
  const parcel = `${String(d.village[i]).padStart(6, '0')}GB${String(i % 10000).padStart(4, '0')}`;
  return `${county}${parcel}F${String(i).padStart(9, '0')}`;
}
