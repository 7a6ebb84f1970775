/** Allocation and trimming of the struct-of-arrays tables. */
import type { Dwellings, Employers, Households, Persons, Referrals, Vehicles } from './types.js';

export function allocPersons(n: number): Persons {
  return {
    count: n,
    household: new Int32Array(n),
    relation: new Uint8Array(n),
    sex: new Uint8Array(n),
    birth: new Int32Array(n),
    idRegion: new Uint16Array(n),
    idSeq: new Uint16Array(n),
    surname: new Uint8Array(n),
    given: new Uint16Array(n),
    hukouType: new Uint8Array(n),
    hukouVillage: new Int32Array(n),
    hukouRegion: new Uint16Array(n),
    education: new Uint8Array(n),
    career: new Uint8Array(n),
    formal: new Uint8Array(n),
    sector: new Uint8Array(n),
    occupation: new Uint8Array(n),
    employer: new Int32Array(n).fill(-1),
    qualification: new Uint8Array(n),
    keyGroups: new Uint8Array(n),
    wageLatent: new Float32Array(n),
    bizLatent: new Float32Array(n),
    pensionLatent: new Float32Array(n),
    bonusMonths: new Float32Array(n),
    selfInsured: new Uint8Array(n),
    parentBirthYear: new Uint16Array(n),
    onlyChild: new Uint8Array(n),
    birthMonth: new Int32Array(n),
    workStart: new Int16Array(n),
    workEnd: new Int16Array(n),
    pensionStart: new Int16Array(n),
  };
}

export function allocHouseholds(n: number): Households {
  return {
    count: n,
    village: new Uint16Array(n),
    first: new Int32Array(n),
    size: new Uint8Array(n),
    urban: new Uint8Array(n),
    flags: new Uint8Array(n),
    leftYear: new Uint16Array(n),
    dibaoFrom: new Uint16Array(n),
    dibaoTo: new Uint16Array(n),
    landMu: new Float32Array(n),
    supportPropensity: new Float32Array(n),
    deposits2020: new Float64Array(n),
    securities2020: new Float64Array(n),
    addrStreet: new Uint8Array(n),
    addrNo: new Uint16Array(n),
    addrRoom: new Uint16Array(n),
  };
}

/** Copies every typed-array (and plain array) column to its first n rows. */
export function trim<T extends { count: number }>(t: T, n: number): T {
  const out: Record<string, unknown> = { count: n };
  for (const [k, v] of Object.entries(t as object)) {
    if (k === 'count') continue;
    if (ArrayBuffer.isView(v)) out[k] = (v as unknown as { slice(a: number, b: number): unknown }).slice(0, n);
    else if (Array.isArray(v)) out[k] = v.slice(0, n);
    else out[k] = v;
  }
  return out as T;
}

export function allocEmployers(n: number): Employers {
  return {
    count: n,
    kind: new Uint8Array(n),
    sector: new Uint8Array(n),
    county: new Uint8Array(n),
    village: new Uint16Array(n),
    owner: new Int32Array(n).fill(-1),
    employees: new Int32Array(n),
    hpfRate: new Uint8Array(n),
    creditCode: new Array<string>(n),
    name: new Array<string>(n),
  };
}

export function allocDwellings(n: number): Dwellings {
  return {
    count: n,
    household: new Int32Array(n),
    owner: new Int32Array(n),
    village: new Uint16Array(n),
    area: new Float32Array(n),
    value2020: new Float64Array(n),
    acquired: new Uint16Array(n),
    use: new Uint8Array(n),
    registered: new Uint8Array(n),
    mortgagePrincipal: new Float64Array(n),
    mortgageYears: new Uint8Array(n),
    addrStreet: new Uint8Array(n),
    addrNo: new Uint16Array(n),
    addrRoom: new Uint16Array(n),
  };
}

export function allocVehicles(n: number): Vehicles {
  return {
    count: n,
    household: new Int32Array(n),
    owner: new Int32Array(n),
    kind: new Uint8Array(n),
    price: new Float64Array(n),
    year: new Uint16Array(n),
  };
}

export function allocReferrals(n: number): Referrals {
  return {
    count: n,
    person: new Int32Array(n),
    date: new Int32Array(n),
    employer: new Int32Array(n),
    wage: new Int32Array(n),
    outcome: new Uint8Array(n),
  };
}
