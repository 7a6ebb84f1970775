/**
 * Running simulations over a whole population: slice by slice, a baseline and any reforms in
 * lockstep (each reform reusing the baseline's unchanged columns), outputs gathered into
 * population-sized columns.
 */
import { householdIndex, sliceRanges, type Population, type Slice } from './population.js';
import type { Reform } from './reform.js';
import { Simulation } from './simulation.js';
import type { TaxBenefitSystem } from './system.js';
import { EngineError } from './types.js';

export const DEFAULT_PERSONS_PER_SLICE = 4096;

export interface RunOptions {
  year: number;
  targets: string[];
  /** reforms to run beside the baseline */
  reforms?: Reform[];
  personsPerSlice?: number;
  /** only the households h0 … h1 − 1 (default all) */
  range?: [number, number];
  /** called after every slice with the baseline and the reform simulations */
  onSlice?: (slice: Slice, baseline: Simulation, reforms: Simulation[]) => void;
}

/** Runs the baseline and each reform over the population; returns the simulations (last slice loaded). */
export function runPopulation(system: TaxBenefitSystem, pop: Population, o: RunOptions): { baseline: Simulation; reforms: Simulation[] } {
  const index = householdIndex(pop);
  const baseline = new Simulation(system, pop, o.year, { targets: o.targets }, index);
  const reforms = (o.reforms ?? []).map((r) => new Simulation(system, pop, o.year, { targets: o.targets, reform: r, baseline }, index));
  for (const [h0, h1] of sliceRanges(index, pop.households, o.personsPerSlice ?? DEFAULT_PERSONS_PER_SLICE, o.range)) {
    baseline.load(h0, h1);
    baseline.run();
    for (const r of reforms) {
      r.load(h0, h1);
      r.run();
    }
    o.onSlice?.(baseline.slice!, baseline, reforms);
  }
  return { baseline, reforms };
}

/** Population-sized output columns, filled slice by slice by `collect`. */
export class Collector {
  readonly columns: Record<string, Float64Array> = {};

  /** `into`: columns to fill (e.g. shared with other threads) instead of new ones */
  constructor(
    private readonly system: TaxBenefitSystem,
    private readonly pop: Population,
    readonly names: string[],
    into?: Record<string, Float64Array>,
  ) {
    for (const n of names) {
      const v = system.variable(n);
      const rows = v.entity === 'person' ? pop.persons : pop.households;
      const len = rows * (v.period === 'month' ? 12 : 1);
      const given = into?.[n];
      if (given && given.length !== len) throw new EngineError(`output column ${n} has ${given.length} values, expected ${len}`);
      this.columns[n] = given ?? new Float64Array(len);
    }
  }

  collect(sim: Simulation): void {
    const s = sim.slice!;
    for (const n of this.names) {
      const v = this.system.variable(n);
      const k = v.period === 'month' ? 12 : 1;
      const start = (v.entity === 'person' ? s.p0 : s.h0) * k;
      this.columns[n].set(sim.get(n), start);
    }
  }
}

/** Computes `targets` for a (small) population in one go: name → full column. */
export function calculate(system: TaxBenefitSystem, pop: Population, year: number, targets: string[], reform?: Reform): Record<string, Float64Array> {
  const sim = new Simulation(system, pop, year, { targets, reform });
  const out = new Collector(system, pop, targets);
  for (const [h0, h1] of sliceRanges(sim.index, pop.households, DEFAULT_PERSONS_PER_SLICE)) {
    sim.load(h0, h1);
    sim.run();
    out.collect(sim);
  }
  return out.columns;
}
