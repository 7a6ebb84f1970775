/**
 * The demo city's in-memory shape: struct-of-arrays tables (index = id), no per-person objects.
 * Persons are stored grouped by household: household h has persons first[h] … first[h]+size[h]−1,
 * the head first.
 */
import type { Geography } from './geography.js';

export interface Persons {
  count: number;
  household: Int32Array;
  /** GB/T 4761 relationship to the head (RELATION) */
  relation: Uint8Array;
  /** GB/T 2261.1: 1 male, 2 female */
  sex: Uint8Array;
  /** yyyymmdd */
  birth: Int32Array;
  /** index into City.regionCodes: the ID number's address code */
  idRegion: Uint16Array;
  /** 3-digit sequence code of the ID number (odd male, even female) */
  idSeq: Uint16Array;
  /** index into SURNAMES */
  surname: Uint8Array;
  /** given name: first char index · 256 + (second char index + 1, or 0) in the sex's pool */
  given: Uint16Array;
  /** 1 agricultural, 2 non-agricultural (户口性质 at registration) */
  hukouType: Uint8Array;
  /** village index of the hukou, or −1 when registered outside Liaoyang */
  hukouVillage: Int32Array;
  /** index into City.regionCodes of the hukou county */
  hukouRegion: Uint16Array;
  /** GB/T 4658 code */
  education: Uint8Array;
  /** CAREER: main working-life activity */
  career: Uint8Array;
  /** 1 = formal job: employee social insurance and tax withholding */
  formal: Uint8Array;
  /** 0 none, 1…19 = GB/T 4754 sections A…S */
  sector: Uint8Array;
  /** GB/T 6565 major group, 0 none */
  occupation: Uint8Array;
  /** employer index or −1 */
  employer: Int32Array;
  /** 国家职业资格 level 1–5, 0 none */
  qualification: Uint8Array;
  /** bits of KEY_GROUPS */
  keyGroups: Uint8Array;
  /** relative earnings (wages) or business scale; 1 ≈ typical */
  wageLatent: Float32Array;
  bizLatent: Float32Array;
  /** relative employee pension; 0 = no employee pension entitlement */
  pensionLatent: Float32Array;
  /** year-end bonus in months of regular pay */
  bonusMonths: Float32Array;
  /** 1 = pays flexible-employment social insurance (self-employed) */
  selfInsured: Uint8Array;
  /** birth year of the person's parents when they live elsewhere (elderly-support deduction), 0 unknown */
  parentBirthYear: Uint16Array;
  /** 1 = only child (full elderly-support deduction) */
  onlyChild: Uint8Array;
  /** derived once (status.ts deriveLifeCourse): birth month index (year·12 + month − 1) and ages in months
   * at which work starts and ends and the employee pension starts */
  birthMonth: Int32Array;
  workStart: Int16Array;
  workEnd: Int16Array;
  pensionStart: Int16Array;
}

export const HOUSEHOLD_FLAG = { dibao: 1, poor: 2, migrant: 4, renter: 8, mortgage: 16 } as const;

export interface Households {
  count: number;
  village: Uint16Array;
  first: Int32Array;
  size: Uint8Array;
  urban: Uint8Array;
  flags: Uint8Array;
  /** year the household left the city or died out (absent from that year on); 0 = resident at the 2020 census */
  leftYear: Uint16Array;
  /** years on the 低保 roster (inclusive), 0 when never */
  dibaoFrom: Uint16Array;
  dibaoTo: Uint16Array;
  /** farmland operated (mu) */
  landMu: Float32Array;
  /** propensity to receive support from relatives elsewhere */
  supportPropensity: Float32Array;
  /** financial assets at the end of 2020, 元 */
  deposits2020: Float64Array;
  securities2020: Float64Array;
  /** address parts: street/group index, number, room (0 rural) */
  addrStreet: Uint8Array;
  addrNo: Uint16Array;
  addrRoom: Uint16Array;
}

export const EMPLOYER_KIND = { enterprise: 1, individual: 2, organ: 3, institution: 4, cooperative: 5 } as const;

export interface Employers {
  count: number;
  kind: Uint8Array;
  sector: Uint8Array;
  county: Uint8Array;
  village: Uint16Array;
  /** owner person for individual businesses and small firms, −1 otherwise */
  owner: Int32Array;
  employees: Int32Array;
  /** housing provident fund rate (%) */
  hpfRate: Uint8Array;
  creditCode: string[];
  name: string[];
}

export interface Dwellings {
  count: number;
  household: Int32Array;
  owner: Int32Array;
  village: Uint16Array;
  /** m² */
  area: Float32Array;
  /** market value at the end of 2020, 元 */
  value2020: Float64Array;
  acquired: Uint16Array;
  /** 1 own residence, 2 rented out, 3 vacant/other */
  use: Uint8Array;
  /** 1 = in the real-estate register */
  registered: Uint8Array;
  mortgagePrincipal: Float64Array;
  mortgageYears: Uint8Array;
  addrStreet: Uint8Array;
  addrNo: Uint16Array;
  addrRoom: Uint16Array;
}

export interface Vehicles {
  count: number;
  household: Int32Array;
  owner: Int32Array;
  /** 1 car, 2 light truck, 3 farm vehicle */
  kind: Uint8Array;
  price: Float64Array;
  year: Uint16Array;
}

/** Job referrals for 低保 members able to work; outcome: 1 accepted, 2 refused with reason, 3 refused without, 4 no show. */
export interface Referrals {
  count: number;
  person: Int32Array;
  date: Int32Array;
  employer: Int32Array;
  /** offered monthly wage, 元 */
  wage: Int32Array;
  outcome: Uint8Array;
}

/** Factors the calibration solved per year (index year − 2010), urban [0] and rural [1]. */
export interface Calibration {
  wageScale: Float64Array[];
  businessScale: Float64Array[];
  propertyScale: Float64Array[];
  supportScale: Float64Array[];
  pensionScale: Float64Array;
  /** city average monthly wage of formal employees (元), the social-insurance base reference */
  averageWage: Float64Array;
}

export interface City {
  seed: number;
  scale: number;
  geography: Geography;
  /** residents allocated to each village */
  villagePopulation: Int32Array;
  /** 6-digit region codes referenced by idRegion / hukouRegion (Liaoyang counties first) */
  regionCodes: string[];
  persons: Persons;
  households: Households;
  employers: Employers;
  dwellings: Dwellings;
  vehicles: Vehicles;
  referrals: Referrals;
  calibration: Calibration;
  /** dwellings / vehicles of household h are rows start[h] … start[h+1]−1 */
  index: { dwellingStart: Int32Array; vehicleStart: Int32Array };
  /** internal: hot person fields packed for the income model (packed.ts) */
  packed: PackedPersons;
}

export interface PackedPersons {
  i32: Int32Array;
  f32: Float32Array;
}
