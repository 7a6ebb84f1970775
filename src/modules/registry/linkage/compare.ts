/**
 * Comparison of two person records field by field, as Fellegi–Sunter levels. Pure. A level of
 * null means a value is missing on one side: it contributes no evidence either way.
 * Levels are ordered from "different" (0) to "exactly the same" (the highest).
 */
import { pinyin } from 'pinyin-pro';
import { splitName } from '../normalise.js';
import { ROOT_REGION } from '../scope.js';

/** A record to compare; treated as immutable (what compare() derives from it is kept per object). */
export interface LinkRecord {
  id: number;
  /** simplified-character name, or null */
  name: string | null;
  sex: number | null;
  /** YYYY-MM-DD or null */
  birthDate: string | null;
  /** most precise region known (ROOT_REGION = unknown) */
  regionCode: string | null;
  /** address as written, or null */
  address?: string | null;
}

export const FIELDS = ['surname', 'given', 'birth', 'sex', 'place', 'address'] as const;
export type LinkField = (typeof FIELDS)[number];
/** Number of levels per field (0 … n−1). */
export const LEVELS: Record<LinkField, number> = { surname: 3, given: 4, birth: 3, sex: 2, place: 3, address: 3 };
export const LEVEL_LABELS: Record<LinkField, string[]> = {
  surname: ['不同', '同音', '相同'],
  given: ['不同', '相差一字', '同音', '相同'],
  birth: ['不同', '相近（一处不同）', '相同'],
  sex: ['不同', '相同'],
  place: ['不同', '同县区', '同乡镇街道'],
  address: ['不同', '同一楼栋或村组', '相同'],
};

export type Levels = Record<LinkField, number | null>;

const pinyinCache = new Map<string, string>();
/** Toneless pinyin of a string, character by character (homophones compare equal). */
export function toneless(s: string): string {
  let p = pinyinCache.get(s);
  if (p === undefined) {
    p = pinyin(s, { toneType: 'none', type: 'array', surname: 'head' }).join(' ');
    if (pinyinCache.size > 200_000) pinyinCache.clear();
    pinyinCache.set(s, p);
  }
  return p;
}

function compareSurname(a: string, b: string): number {
  if (a === b) return 2;
  return toneless(a) === toneless(b) ? 1 : 0;
}

function compareGiven(a: string, b: string): number {
  if (a === b) return 3;
  if (a.length === b.length && toneless(a) === toneless(b)) return 2;
  if (a.length === b.length) {
    let diff = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
    if (diff === 1 && a.length >= 2) return 1;
  } else if (Math.abs(a.length - b.length) === 1 && Math.min(a.length, b.length) >= 1) {
    // one character dropped or added
    const [s, l] = a.length < b.length ? [a, b] : [b, a];
    for (let i = 0; i < l.length; i++) if (l.slice(0, i) + l.slice(i + 1) === s) return 1;
  }
  return 0;
}

function compareBirth(a: string, b: string): number {
  if (a === b) return 2;
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  // Day and month swapped, or exactly one of year / month / day different by a typo.
  if (ya === yb && ma === db && da === mb) return 1;
  const same = Number(ya === yb) + Number(ma === mb) + Number(da === db);
  if (same === 2) {
    if (ya !== yb) {
      let diff = 0;
      for (let i = 0; i < 4; i++) if (ya[i] !== yb[i]) diff++;
      return diff === 1 ? 1 : 0;
    }
    return 1;
  }
  return 0;
}

function comparePlace(a: string, b: string): number {
  if (a.length >= 9 && b.length >= 9 && a.slice(0, 9) === b.slice(0, 9)) return 2;
  return a.slice(0, 6) === b.slice(0, 6) ? 1 : 0;
}

const normAddress = (s: string) => s.replace(/\s+/g, '').replace(/^辽宁省?/, '').replace(/^辽阳市/, '');
const buildingOf = (s: string) => s.replace(/(\d+单元)?\d+室$/, '').replace(/\d+号$/, '');

/** Same address; or the same building / village group (everything up to the unit or house number). */
function compareAddress(a: Derived, b: Derived): number {
  if (a.address === b.address) return 2;
  return a.building === b.building && a.building!.length >= 6 ? 1 : 0;
}

/**
 * What a record's comparisons derive from its name and address, worked out once per record: a run
 * compares each record with many candidates (a record object is the same for all its pairs).
 */
interface Derived {
  name: { surname: string; given: string } | null;
  address: string | null;
  building: string | null;
}
const derivedOf = new WeakMap<LinkRecord, Derived>();
function derived(r: LinkRecord): Derived {
  let d = derivedOf.get(r);
  if (!d) {
    const address = r.address ? normAddress(r.address) : null;
    d = { name: r.name ? splitName(r.name) : null, address, building: address === null ? null : buildingOf(address) };
    derivedOf.set(r, d);
  }
  return d;
}

const known = (r: string | null) => r !== null && r !== ROOT_REGION;

export function compare(a: LinkRecord, b: LinkRecord): Levels {
  const da = derived(a);
  const db = derived(b);
  const na = da.name;
  const nb = db.name;
  return {
    surname: na && nb ? compareSurname(na.surname, nb.surname) : null,
    given: na && nb && na.given && nb.given ? compareGiven(na.given, nb.given) : null,
    birth: a.birthDate && b.birthDate ? compareBirth(a.birthDate, b.birthDate) : null,
    sex: a.sex && b.sex ? Number(a.sex === b.sex) : null,
    place: known(a.regionCode) && known(b.regionCode) ? comparePlace(a.regionCode!, b.regionCode!) : null,
    address: a.address && b.address ? compareAddress(da, db) : null,
  };
}
