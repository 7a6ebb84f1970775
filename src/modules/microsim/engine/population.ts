/**
 * A population as struct-of-arrays: persons grouped by household (household h's members are
 * adjacent), input columns by variable name, household weights. Slices of whole households are
 * zero-copy views, so a large population runs slice by slice with cache-sized work columns.
 */
import { EngineError } from './types.js';

export interface Population {
  persons: number;
  households: number;
  /** household row of each person, non-decreasing (members adjacent) */
  personHousehold: Int32Array;
  /** households' survey or grossing-up weights (default 1) */
  householdWeight?: Float64Array;
  /** input columns: person/household × (12 months | 1) values */
  inputs: Record<string, Float64Array>;
  /** for variables that also have a formula: 1 = this row was given (others are computed) */
  given?: Record<string, Uint8Array>;
  /** optional labels of persons and households (calc input ids) */
  personIds?: string[];
  householdIds?: string[];
}

export interface HouseholdIndex {
  first: Int32Array;
  size: Int32Array;
}

/** First person and size of each household; checks that members are adjacent and none is empty. */
export function householdIndex(pop: Population): HouseholdIndex {
  const { persons, households, personHousehold: ph } = pop;
  if (ph.length !== persons) throw new EngineError(`personHousehold has ${ph.length} rows for ${persons} persons`);
  const first = new Int32Array(households + 1);
  const size = new Int32Array(households);
  let prev = -1;
  for (let p = 0; p < persons; p++) {
    const h = ph[p];
    if (h < prev || h >= households || h < 0) throw new EngineError('persons must be grouped by household (personHousehold non-decreasing, in range)');
    size[h]++;
    prev = h;
  }
  for (let h = 0; h < households; h++) {
    if (size[h] === 0) throw new EngineError(`household ${h} has no members`);
    first[h + 1] = first[h] + size[h];
  }
  return { first, size };
}

/** The part of a population a simulation works on: whole households h0 … h1 − 1. */
export interface Slice {
  h0: number;
  h1: number;
  p0: number;
  p1: number;
  persons: number;
  households: number;
  personHousehold: Int32Array;
  householdFirst: Int32Array;
  householdSize: Int32Array;
}

/** Reusable local index buffers for slices up to the given sizes. */
export class SliceBuffers {
  private ph = new Int32Array(0);
  private first = new Int32Array(0);

  make(index: HouseholdIndex, pop: Population, h0: number, h1: number): Slice {
    const p0 = index.first[h0];
    const p1 = index.first[h1];
    const np = p1 - p0;
    const nh = h1 - h0;
    if (this.ph.length < np) this.ph = new Int32Array(np);
    if (this.first.length < nh) this.first = new Int32Array(nh);
    const ph = this.ph.subarray(0, np);
    const src = pop.personHousehold;
    for (let p = 0; p < np; p++) ph[p] = src[p0 + p] - h0;
    const first = this.first.subarray(0, nh);
    for (let h = 0; h < nh; h++) first[h] = index.first[h0 + h] - p0;
    return { h0, h1, p0, p1, persons: np, households: nh, personHousehold: ph, householdFirst: first, householdSize: index.size.subarray(h0, h1) };
  }
}

/** Splits households (all, or those in `range`) into ranges of about `personsPerSlice` persons. */
export function sliceRanges(index: HouseholdIndex, households: number, personsPerSlice: number, range: [number, number] = [0, households]): [number, number][] {
  const out: [number, number][] = [];
  let h0 = range[0];
  const end = range[1];
  while (h0 < end) {
    let h1 = h0 + 1;
    const limit = index.first[h0] + personsPerSlice;
    while (h1 < end && index.first[h1 + 1] <= limit) h1++;
    out.push([h0, h1]);
    h0 = h1;
  }
  return out;
}

/** Splits households into `parts` contiguous ranges of about equal persons. */
export function splitHouseholds(index: HouseholdIndex, households: number, parts: number): [number, number][] {
  const persons = index.first[households];
  const out: [number, number][] = [];
  let h0 = 0;
  for (let k = 1; k <= parts; k++) {
    const target = Math.round((persons * k) / parts);
    let h1 = h0;
    while (h1 < households && index.first[h1 + 1] <= target) h1++;
    if (k === parts) h1 = households;
    out.push([h0, h1]);
    h0 = h1;
  }
  return out.filter(([a, b]) => b > a);
}
