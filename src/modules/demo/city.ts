/**
 * generateCity: the whole synthetic Liaoyang from a seed and a scale, pure and deterministic.
 * Stages: geography → households → personal attributes → work → special households (低保, poor)
 * → employers → property → key groups → referrals → calibration.
 */
import { buildEmployers } from './employers.js';
import { allocatePopulation, buildGeography } from './geography.js';
import { buildHouseholds } from './households.js';
import { assignKeyGroups } from './key-groups.js';
import { assignLabour } from './labour.js';
import { assignPersonAttributes, regionCodeTable } from './persons.js';
import { buildProperty } from './property.js';
import { buildPacked } from './packed.js';
import { buildReferrals } from './referrals.js';
import { Rng } from './rng.js';
import { selectSpecialHouseholds } from './special.js';
import { deriveLifeCourse } from './status.js';
import { calibrate, emptyCalibration } from './calibrate.js';
import { yearOf } from './dates.js';
import { CAREER, LAST_YEAR } from './params-population.js';
import { HOUSEHOLD_FLAG, type City, type Households, type Persons } from './types.js';

export type GenerateStage = 'households' | 'attributes' | 'employers' | 'property' | 'calibration';

export interface GenerateOptions {
  /** any 32-bit integer; default 2018 */
  seed?: number;
  /** share of the 2020 census population, 0 < scale ≤ 1 (1 = 1,604,580 residents); default 0.01 */
  scale?: number;
  /** the year key-group flags refer to (default 2023) */
  refYear?: number;
  onProgress?: (stage: GenerateStage, done: number, total: number) => void;
}

export const DEFAULT_SEED = 2018;

export function generateCity(options: GenerateOptions = {}): City {
  const seed = (options.seed ?? DEFAULT_SEED) | 0;
  const scale = options.scale ?? 0.01;
  if (!(scale > 0 && scale <= 1)) throw new RangeError(`scale must be in (0, 1], got ${scale}`);
  const refYear = options.refYear ?? 2023;
  const progress = options.onProgress ?? (() => {});

  const geography = buildGeography(seed);
  const villagePopulation = allocatePopulation(geography.villages, scale);
  const { persons, households } = buildHouseholds(geography, villagePopulation, scale, seed, (d, t) => progress('households', d, t));
  progress('attributes', 0, 2);
  assignPersonAttributes(geography, households, persons, seed);
  assignLabour(geography, households, persons, seed);
  progress('attributes', 1, 2);
  selectSpecialHouseholds(households, persons, scale, seed);
  deriveLifeCourse(persons);
  assignSupportPropensity(households, persons, seed);
  progress('attributes', 2, 2);
  progress('employers', 0, 1);
  const employers = buildEmployers(geography, households, persons, seed);
  progress('employers', 1, 1);
  progress('property', 0, 1);
  const { dwellings, vehicles } = buildProperty(geography, households, persons, seed);
  assignKeyGroups(households, persons, employers, refYear);
  const referrals = buildReferrals(geography, households, persons, employers, seed, LAST_YEAR);
  progress('property', 1, 1);

  const base = {
    seed,
    scale,
    geography,
    villagePopulation,
    regionCodes: regionCodeTable(geography),
    persons,
    households,
    employers,
    dwellings,
    vehicles,
    referrals,
    calibration: emptyCalibration(),
    index: {
      dwellingStart: startIndex(households.count, dwellings.household, dwellings.count),
      vehicleStart: startIndex(households.count, vehicles.household, vehicles.count),
    },
  };
  const city: City = { ...base, packed: buildPacked(base) };
  calibrate(city, (y) => progress('calibration', y - 2009, 15));
  return city;
}

/** start[h] … start[h+1]−1 are the rows of household h in a table sorted by household. */
function startIndex(nHouseholds: number, household: Int32Array, count: number): Int32Array {
  const start = new Int32Array(nHouseholds + 1);
  for (let i = 0; i < count; i++) start[household[i] + 1]++;
  for (let h = 0; h < nHouseholds; h++) start[h + 1] += start[h];
  return start;
}

/**
 * Support from relatives elsewhere (元 per member per year at the 2018 level, before the rural
 * calibration factor): larger for rural and elderly households and for households where nobody has
 * a career income or a pension; none for 低保 and poor households.
 */
function assignSupportPropensity(hh: Households, ps: Persons, seed: number): void {
  const r = new Rng(seed ^ 0x5a9);
  for (let h = 0; h < hh.count; h++) {
    if (hh.flags[h] & (HOUSEHOLD_FLAG.dibao | HOUSEHOLD_FLAG.poor)) continue;
    let elderly = true;
    let provider = false;
    for (let p = hh.first[h]; p < hh.first[h] + hh.size[h]; p++) {
      if (yearOf(ps.birth[p]) > 1958) elderly = false;
      const c = ps.career[p];
      if (c === CAREER.employee || c === CAREER.selfEmployed || c === CAREER.farmer || ps.pensionLatent[p] > 0) provider = true;
    }
    const base = (hh.urban[h] ? (elderly ? 600 : 250) : elderly ? 1500 : 1200) * (provider ? 1 : 4);
    hh.supportPropensity[h] = r.chance(provider ? 0.4 : 0.1) ? 0 : base * Math.exp(0.8 * r.normal() - 0.32);
  }
}
