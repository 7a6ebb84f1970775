/**
 * A reform over a weighted population: baseline and reform run slice by slice in one pass (the
 * reform recomputing only what its changes reach), household columns gathered, results computed.
 */
import { Collector, runPopulation, formatDate, type Reform, type TaxBenefitSystem } from '../engine/index.js';
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

/** Baseline and reform household columns for the whole population. */
export function simulatePair(system: TaxBenefitSystem, pp: PolicyPopulation, o: Pick<ReformRunOptions, 'year' | 'reform' | 'personsPerSlice'>) {
  const base = new Collector(system, pp, SCENARIO_TARGETS);
  const ref = new Collector(system, pp, SCENARIO_TARGETS);
  const { baseline, reforms } = runPopulation(system, pp, {
    year: o.year,
    targets: SCENARIO_TARGETS,
    reforms: o.reform ? [o.reform] : [],
    personsPerSlice: o.personsPerSlice,
    onSlice: (_, b, rs) => {
      base.collect(b);
      ref.collect(rs[0] ?? b);
    },
  });
  const columns = (c: Collector): ScenarioColumns =>
    Object.fromEntries(Object.entries(HOUSEHOLD_TARGETS).map(([k, name]) => [k, c.columns[name]])) as unknown as ScenarioColumns;
  const used = [...baseline.parametersUsed(), ...(reforms[0]?.parametersUsed() ?? [])];
  const placeholders = new Map<string, { name: string; from: string; ref: string }>();
  for (const u of used) if (u.placeholder) placeholders.set(`${u.name}@${u.from}`, { name: u.name, from: formatDate(u.from), ref: u.ref });
  return { baseline: columns(base), reform: columns(ref), placeholders: [...placeholders.values()] };
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
