/**
 * Two-stage stratified sample, as the NBS household survey draws it:
 *   strata    county × urban/rural (the frame unit's 《统计上划分城乡的规定》 code: 1xx urban, 2xx rural)
 *   stage 1   communities/villages (PSUs) by systematic PPS (size = listed households), in frame order
 *             (codes: implicit stratification by township); a unit as large as the interval is hit more
 *             than once and gives one PSU per hit
 *   stage 2   m households per hit by systematic selection from the unit's listing, plus reserve
 *             households (a second systematic pass over the rest) for replacing refusals
 * Design weight (Hansen–Hurwitz, PSUs with replacement): w = S_h / (n_h · size_i) · M_i / k_i with
 * S_h the stratum's total size, n_h its PSUs, M_i the households listed and k_i those taken per hit.
 * Pure functions: the random numbers come from a seeded generator.
 */
import { isUrbanCode } from '../../shared/region-scope.js';

export interface FrameUnit {
  code: string;
  name: string;
  countyCode: string;
  townshipCode: string;
  urbanRuralCode: string;
  /** Measure of size: households at the last listing/census. */
  size: number;
}

export interface StratumPlan {
  code: string;
  countyCode: string;
  urban: boolean;
  units: number;
  size: number;
  psus: number;
}

export interface SelectedPsu {
  /** Index into the frame. */
  unit: number;
  /** Hit number within the unit (1, or 2… for a unit at least as large as the interval). */
  hit: number;
  label: string;
  stratum: string;
  /** Expected hits n_h · size_i / S_h (the inclusion probability when below 1). */
  expectedHits: number;
}

export interface SampleOptions {
  targetHouseholds: number;
  householdsPerPsu: number;
  reservesPerPsu: number;
  rotationGroups: number;
  minPsusPerStratum: number;
  seed: number;
}

export const DEFAULT_SAMPLE_OPTIONS: SampleOptions = { targetHouseholds: 1500, householdsPerPsu: 10, reservesPerPsu: 5, rotationGroups: 5, minPsusPerStratum: 2, seed: 2018 };

export const stratumCode = (countyCode: string, urban: boolean) => `${countyCode}-${urban ? 'U' : 'R'}`;
export const stratumOf = (u: Pick<FrameUnit, 'countyCode' | 'urbanRuralCode'>) => stratumCode(u.countyCode, isUrbanCode(u.urbanRuralCode));

/** mulberry32: small, seeded, good enough for drawing samples reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Strata of the frame in code order, with PSUs allocated in proportion to size (largest remainder). */
export function planStrata(frame: readonly FrameUnit[], totalPsus: number, minPerStratum: number): StratumPlan[] {
  const byCode = new Map<string, StratumPlan>();
  for (const u of frame) {
    if (!(u.size > 0)) continue;
    const code = stratumOf(u);
    let s = byCode.get(code);
    if (!s) byCode.set(code, (s = { code, countyCode: u.countyCode, urban: isUrbanCode(u.urbanRuralCode), units: 0, size: 0, psus: 0 }));
    s.units++;
    s.size += u.size;
  }
  const strata = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  const total = strata.reduce((a, s) => a + s.size, 0);
  const floorOf = (s: StratumPlan) => Math.min(s.units, minPerStratum);
  let given = 0;
  const rem: { s: StratumPlan; r: number }[] = [];
  for (const s of strata) {
    const exact = (totalPsus * s.size) / total;
    s.psus = Math.max(floorOf(s), Math.floor(exact));
    given += s.psus;
    // a stratum raised to the minimum has had more than its share already
    if (s.psus === Math.floor(exact)) rem.push({ s, r: exact - Math.floor(exact) });
  }
  rem.sort((a, b) => b.r - a.r || a.s.code.localeCompare(b.s.code));
  for (let k = 0; given < totalPsus && k < rem.length; k++) {
    rem[k].s.psus++;
    given++;
  }
  return strata;
}

/** Systematic PPS: indices hit by start + j·interval on the cumulated sizes (an index may repeat). */
export function ppsSystematic(sizes: readonly number[], n: number, u: number): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const step = total / n;
  const out: number[] = [];
  let cum = 0;
  let i = 0;
  for (let j = 0; j < n; j++) {
    const point = (u + j) * step;
    while (i < sizes.length - 1 && cum + sizes[i] <= point) cum += sizes[i++];
    out.push(i);
  }
  return out;
}

/** Systematic selection of k of M positions (0-based), start u ∈ [0, 1). All when k ≥ M. */
export function systematic(M: number, k: number, u: number): number[] {
  if (k >= M) return Array.from({ length: M }, (_, i) => i);
  const step = M / k;
  return Array.from({ length: k }, (_, j) => Math.floor((u + j) * step));
}

export interface DrawnHousehold {
  psu: SelectedPsu;
  /** Position in the unit's listing. */
  position: number;
  /** 0 for a sample household; 1, 2, … for reserves in the order they are used. */
  reserveRank: number;
  rotationGroup: number;
  weight: number;
}

export interface DrawnSample {
  strata: StratumPlan[];
  psus: SelectedPsu[];
  households: DrawnHousehold[];
}

/**
 * Draws the sample. `listed(unit)` gives the number of households listed in a selected unit (the
 * listing made after stage 1; the demo's is the unit's resident households).
 */
export function drawSample(frame: readonly FrameUnit[], listed: (unit: number) => number, o: SampleOptions = DEFAULT_SAMPLE_OPTIONS): DrawnSample {
  const random = seededRandom(o.seed);
  const strata = planStrata(frame, Math.ceil(o.targetHouseholds / o.householdsPerPsu), o.minPsusPerStratum);
  const psus: SelectedPsu[] = [];
  const households: DrawnHousehold[] = [];
  for (const s of strata) {
    const units = frame.map((u, i) => ({ u, i })).filter((x) => x.u.size > 0 && stratumOf(x.u) === s.code);
    units.sort((a, b) => a.u.code.localeCompare(b.u.code));
    const hits = ppsSystematic(units.map((x) => x.u.size), s.psus, random());
    const hitsOf = new Map<number, number>();
    for (const h of hits) hitsOf.set(h, (hitsOf.get(h) ?? 0) + 1);
    for (const [k, count] of hitsOf) {
      const { u, i } = units[k];
      const expectedHits = (s.psus * u.size) / s.size;
      const M = listed(i);
      const unitPsus: SelectedPsu[] = Array.from({ length: count }, (_, h) => ({ unit: i, hit: h + 1, label: count > 1 ? `${u.code}#${h + 1}` : u.code, stratum: s.code, expectedHits }));
      psus.push(...unitPsus);
      if (M === 0) continue;
      const chosen = systematic(M, o.householdsPerPsu * count, random());
      const perHit = chosen.length / count;
      const weight = (s.size / (s.psus * u.size)) * (M / perHit);
      chosen.forEach((position, j) => {
        households.push({ psu: unitPsus[j % count], position, reserveRank: 0, rotationGroup: (Math.floor(j / count) % o.rotationGroups) + 1, weight });
      });
      const taken = new Set(chosen);
      const rest = Array.from({ length: M }, (_, p) => p).filter((p) => !taken.has(p));
      systematic(rest.length, o.reservesPerPsu * count, random()).forEach((r, j) => {
        households.push({ psu: unitPsus[j % count], position: rest[r], reserveRank: Math.floor(j / count) + 1, rotationGroup: (Math.floor(j / count) % o.rotationGroups) + 1, weight });
      });
    }
  }
  return { strata, psus, households };
}
