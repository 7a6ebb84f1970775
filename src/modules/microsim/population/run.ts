/**
 * A reform over a weighted population: baseline and reform run slice by slice in one pass (the
 * reform recomputing only what its changes reach), household columns gathered, results computed.
 */
import { Collector, runPopulation, formatDate, type Population, type Reform, type TaxBenefitSystem } from '../engine/index.js';
import { computeResults, type ScenarioColumns } from './results.js';
import type { PolicyPopulation, ReformResults } from './types.js';

export interface ReformRunOptions {
  year: number;
  reform?: Reform;
  personsPerSlice?: number;
  decileUnit?: 'household' | 'person';
  /** relative poverty lines, shares of the baseline median (default 0.4 and 0.5; the last is the groups' line) */
  relativeLines?: number[];
  examples?: number;
}

const HOUSEHOLD_TARGETS = {
  disposable: 'disposable_income_annual',
  iit: 'iit_household_annual',
  socialInsurance: 'social_insurance_household_annual',
  dibao: 'dibao_annual',
  dibaoStandard: 'dibao_standard_annual',
  belowMinimumWage: 'below_minimum_wage_persons',
} as const satisfies Record<keyof ScenarioColumns, string>;

export const SCENARIO_TARGETS: string[] = Object.values(HOUSEHOLD_TARGETS);

export interface PairOptions {
  year: number;
  reform?: Reform;
  personsPerSlice?: number;
  /** only households h0 … h1 − 1 */
  range?: [number, number];
}

export type Placeholder = { name: string; from: string; ref: string };

/** Household output columns by target name, for both scenarios. */
export type PairColumns = { baseline: Record<string, Float64Array>; reform: Record<string, Float64Array> };

/** Runs baseline and reform (over `range`), writing household columns into `into` (or new ones). */
export function simulateInto(system: TaxBenefitSystem, pp: Population, o: PairOptions, into?: PairColumns): PairColumns & { placeholders: Placeholder[] } {
  const base = new Collector(system, pp, SCENARIO_TARGETS, into?.baseline);
  const ref = new Collector(system, pp, SCENARIO_TARGETS, into?.reform);
  const { baseline, reforms } = runPopulation(system, pp, {
    year: o.year,
    targets: SCENARIO_TARGETS,
    reforms: o.reform ? [o.reform] : [],
    personsPerSlice: o.personsPerSlice,
    range: o.range,
    onSlice: (_, b, rs) => {
      base.collect(b);
      ref.collect(rs[0] ?? b);
    },
  });
  const used = [...baseline.parametersUsed(), ...(reforms[0]?.parametersUsed() ?? [])];
  const placeholders = new Map<string, Placeholder>();
  for (const u of used) if (u.placeholder) placeholders.set(`${u.name}@${u.from}`, { name: u.name, from: formatDate(u.from), ref: u.ref });
  return { baseline: base.columns, reform: ref.columns, placeholders: [...placeholders.values()] };
}

export function scenarioColumns(c: Record<string, Float64Array>): ScenarioColumns {
  return Object.fromEntries(Object.entries(HOUSEHOLD_TARGETS).map(([k, name]) => [k, c[name]])) as unknown as ScenarioColumns;
}

/** Baseline and reform household columns for the whole population, in this thread. */
export function simulatePair(system: TaxBenefitSystem, pp: Population, o: PairOptions) {
  const r = simulateInto(system, pp, o);
  return { baseline: scenarioColumns(r.baseline), reform: scenarioColumns(r.reform), placeholders: r.placeholders };
}

export function runReform(system: TaxBenefitSystem, pp: PolicyPopulation, o: ReformRunOptions): ReformResults {
  const t0 = performance.now();
  const { baseline, reform, placeholders } = simulatePair(system, pp, o);
  const t1 = performance.now();
  const r = computeResults(pp, baseline, reform, {
    decileUnit: o.decileUnit ?? 'household',
    relativeLines: o.relativeLines ?? [0.4, 0.5],
    examples: o.examples ?? 8,
  });
  let wh = 0;
  let wp = 0;
  for (let h = 0; h < pp.households; h++) wh += pp.householdWeight[h];
  for (let p = 0; p < pp.persons; p++) wp += pp.householdWeight[pp.personHousehold[p]];
  return {
    year: o.year,
    reform: o.reform ? { name: o.reform.name, label: o.reform.label, ...(o.reform.description ? { description: o.reform.description } : {}) } : null,
    population: { source: pp.source, households: pp.households, persons: pp.persons, weightedHouseholds: wh, weightedPersons: wp },
    ...r,
    decileUnit: o.decileUnit ?? 'household',
    placeholders,
    timing: { simulateMs: Math.round(t1 - t0), resultsMs: Math.round(performance.now() - t1) },
  };
}
