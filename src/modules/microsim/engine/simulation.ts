/**
 * One simulation year over a population, run slice by slice (whole households). A reform
 * simulation may inherit from a baseline running the same slices: a variable is recomputed only
 * when its formula was replaced, a parameter it read is overridden, or a dependency changed;
 * otherwise the baseline's column is reused.
 */
import { isScale, type ParamUse, type ParamValue, type ParameterSet, type Scale } from './parameters.js';
import { householdIndex, SliceBuffers, type HouseholdIndex, type Population, type Slice } from './population.js';
import { applyReformParameters, reformParameterNames, type Reform } from './reform.js';
import type { Step, TaxBenefitSystem } from './system.js';
import { EngineError, type FormulaContext, type VariableDef } from './types.js';

export interface SimulationOptions {
  /** variables to compute (with everything they depend on) */
  targets: string[];
  reform?: Reform;
  /** a baseline simulation over the same population, run on each slice before this one */
  baseline?: Simulation;
  /** record parameter uses and formula notes (for explanations) */
  trace?: boolean;
  /** accumulate the time each variable takes (stepMs) */
  profile?: boolean;
}

export interface StepTrace {
  variable: string;
  params: ParamUse[];
  notes: { row: number; text: string }[];
  inherited: boolean;
}

interface PlannedStep extends Step {
  allowed: Set<string>;
  rowsPerEntity: 1 | 12;
}

const PLANNED = new WeakMap<Step[], PlannedStep[]>();
const PARAM_CACHES = new WeakMap<ParameterSet, Map<number, Map<string, (ParamValue | null | undefined)[]>>>();

export class Simulation {
  readonly params: ParameterSet;
  readonly steps: PlannedStep[];
  readonly index: HouseholdIndex;
  private readonly byName = new Map<string, PlannedStep>();
  private readonly reformParams: Set<string>;
  private readonly buffers = new Map<string, Float64Array>();
  private readonly defaults = new Map<string, Float64Array>();
  /** input columns of the current slice that hold their default in every row */
  readonly constants = new Map<string, number>();
  private readonly columns = new Map<string, Float64Array>();
  /** name → value in force on the 1st of each month (index 1–12), looked up once */
  private readonly paramCache: Map<string, (ParamValue | null | undefined)[]>;
  /** the months each parameter was read for by this simulation */
  private readonly looked = new Map<string, Uint8Array>();
  private readonly sliceBuffers = new SliceBuffers();
  /** parameters each variable read in the current slice */
  readonly paramsRead = new Map<string, Set<string>>();
  readonly traces: StepTrace[] = [];
  /** milliseconds per variable, summed over slices (with options.profile) */
  readonly stepMs = new Map<string, number>();
  slice: Slice | undefined;
  private readonly ctx: Ctx;

  constructor(
    readonly system: TaxBenefitSystem,
    readonly population: Population,
    readonly year: number,
    readonly options: SimulationOptions,
    index?: HouseholdIndex,
  ) {
    if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new EngineError(`year ${year} is out of range`);
    this.params = options.reform ? applyReformParameters(system.params, options.reform) : system.params;
    this.reformParams = reformParameterNames(options.reform);
    this.index = index ?? householdIndex(population);
    for (const name of Object.keys(population.inputs)) {
      const v = system.variable(name);
      if (!v.input) throw new EngineError(`${name} is computed and cannot be given as input`);
      const rows = v.entity === 'person' ? population.persons : population.households;
      const len = rows * (v.period === 'month' ? 12 : 1);
      if (population.inputs[name].length !== len) throw new EngineError(`input ${name} has ${population.inputs[name].length} values, expected ${len}`);
    }
    const given = new Set(Object.keys(population.inputs).filter((n) => !population.given?.[n]));
    const plan = system.plan(options.targets, given, options.reform);
    let planned = PLANNED.get(plan);
    if (!planned) {
      planned = plan.map((s) => ({ ...s, allowed: new Set(s.deps), rowsPerEntity: s.def.period === 'month' ? 12 : 1 }));
      PLANNED.set(plan, planned);
    }
    this.steps = planned;
    // parameter look-ups are shared by every simulation of the same parameters and year
    let byYear = PARAM_CACHES.get(this.params);
    if (!byYear) PARAM_CACHES.set(this.params, (byYear = new Map()));
    let cache = byYear.get(year);
    if (!cache) byYear.set(year, (cache = new Map()));
    this.paramCache = cache;
    for (const s of this.steps) this.byName.set(s.def.name, s);
    this.ctx = new Ctx(this);
  }

  /** Sets the slice of households [h0, h1) to work on next. */
  load(h0: number, h1: number): void {
    this.slice = this.sliceBuffers.make(this.index, this.population, h0, h1);
    this.columns.clear();
    this.constants.clear();
    this.paramsRead.clear();
    this.traces.length = 0;
  }

  /** Computes every planned variable for the loaded slice. */
  run(): void {
    const slice = this.slice;
    if (!slice) throw new EngineError('load a slice before running');
    const base = this.options.baseline;
    if (base && base.slice?.h0 !== slice.h0) throw new EngineError('the baseline must run the same slice first');
    const dirty = new Set<string>();
    for (const step of this.steps) {
      const name = step.def.name;
      if (base && !step.replaced && this.canInherit(step, base, dirty)) {
        this.columns.set(name, base.get(name));
        const c = base.constants.get(name);
        if (c !== undefined) this.constants.set(name, c);
        if (this.options.trace) this.traces.push({ variable: name, params: base.traceOf(name)?.params ?? [], notes: base.traceOf(name)?.notes ?? [], inherited: true });
        continue;
      }
      if (base) dirty.add(name);
      if (this.options.profile) {
        const t0 = performance.now();
        this.compute(step, slice);
        this.stepMs.set(name, (this.stepMs.get(name) ?? 0) + performance.now() - t0);
      } else {
        this.compute(step, slice);
      }
    }
  }

  private canInherit(step: PlannedStep, base: Simulation, dirty: Set<string>): boolean {
    const bs = base.byName.get(step.def.name);
    if (!bs || bs.replaced || bs.formula !== step.formula) return false;
    for (const d of step.deps) if (dirty.has(d)) return false;
    const read = base.paramsRead.get(step.def.name);
    if (read) for (const p of read) if (this.reformParams.has(p)) return false;
    return base.columns.has(step.def.name);
  }

  /** A computed (or input) column of the loaded slice. */
  get(name: string): Float64Array {
    const c = this.columns.get(name);
    if (!c) throw new EngineError(`${name} is not computed in this simulation (not among the targets' dependencies)`);
    return c;
  }

  has(name: string): boolean {
    return this.columns.has(name);
  }

  traceOf(name: string): StepTrace | undefined {
    return this.traces.find((t) => t.variable === name);
  }

  rows(def: VariableDef): number {
    const s = this.slice!;
    return def.entity === 'person' ? s.persons : s.households;
  }

  private compute(step: PlannedStep, slice: Slice): void {
    const def = step.def;
    const name = def.name;
    const k = step.rowsPerEntity;
    const n = this.rows(def);
    const start = (def.entity === 'person' ? slice.p0 : slice.h0) * k;
    const input = this.population.inputs[name];
    if (!step.formula) {
      if (input) {
        this.columns.set(name, input.subarray(start, start + n * k));
      } else {
        // a constant column: filled once, reused slice after slice
        let d = this.defaults.get(name);
        if (!d || d.length < n * k) {
          d = new Float64Array(Math.max(n * k, d ? d.length * 2 : 0)).fill(def.input!.default);
          this.defaults.set(name, d);
        }
        this.columns.set(name, d.subarray(0, n * k));
        this.constants.set(name, def.input!.default);
      }
      return;
    }
    const out = this.buffer(name, n * k);
    out.fill(0);
    const trace: StepTrace | undefined = this.options.trace ? { variable: name, params: [], notes: [], inherited: false } : undefined;
    this.ctx.begin(step, n, out, trace);
    step.formula(this.ctx);
    this.ctx.end();
    const mask = this.population.given?.[name];
    if (input && mask) {
      const r0 = start / k;
      for (let r = 0; r < n; r++) {
        if (mask[r0 + r]) for (let j = 0; j < k; j++) out[r * k + j] = input[start + r * k + j];
      }
    }
    if (trace) this.traces.push(trace);
    this.columns.set(name, out);
  }

  private buffer(name: string, len: number): Float64Array {
    let b = this.buffers.get(name);
    if (!b || b.length < len) {
      b = new Float64Array(Math.max(len, b ? b.length * 2 : 0));
      this.buffers.set(name, b);
    }
    return b.subarray(0, len);
  }

  /** Every parameter value looked up so far (all slices), one entry per name and date in force. */
  parametersUsed(): ParamUse[] {
    const out = new Map<string, ParamUse>();
    for (const [name, months] of this.looked) {
      for (let m = 1; m <= 12; m++) {
        if (!months[m]) continue;
        const instant = this.year * 10000 + m * 100 + 1;
        const e = this.params.entry(name, instant);
        if (!e) continue;
        const k = `${name}@${e.from}`;
        if (!out.has(k)) out.set(k, { name, instant, value: e.value, from: e.from, ref: e.ref, ...(e.placeholder ? { placeholder: true } : {}) });
      }
    }
    return [...out.values()];
  }

  /** Parameter value in force on the 1st of `month`, memoised; null when none is in force. */
  lookup(name: string, month: number): ParamValue | null {
    let seen = this.looked.get(name);
    if (!seen) this.looked.set(name, (seen = new Uint8Array(13)));
    seen[month] = 1;
    let months = this.paramCache.get(name);
    if (!months) this.paramCache.set(name, (months = new Array(13)));
    let v = months[month];
    if (v === undefined) {
      const e = this.params.entry(name, this.year * 10000 + month * 100 + 1);
      v = months[month] = e ? e.value : null;
    }
    return v;
  }

  /** The use of a parameter, for explanations. */
  use(name: string, month: number): ParamUse {
    const instant = this.year * 10000 + month * 100 + 1;
    const e = this.params.entry(name, instant);
    return { name, instant, value: e ? e.value : null, from: e?.from ?? 0, ref: e?.ref ?? '', ...(e?.placeholder ? { placeholder: true } : {}) };
  }
}

/** The formula context, reused from step to step. */
class Ctx implements FormulaContext {
  private step!: PlannedStep;
  private trace: StepTrace | undefined;
  private read!: Set<string>;
  n = 0;
  out!: Float64Array;

  constructor(private readonly sim: Simulation) {}

  begin(step: PlannedStep, n: number, out: Float64Array, trace: StepTrace | undefined): void {
    this.step = step;
    this.n = n;
    this.out = out;
    this.trace = trace;
    let read = this.sim.paramsRead.get(step.def.name);
    if (!read) this.sim.paramsRead.set(step.def.name, (read = new Set()));
    this.read = read;
  }

  end(): void {
    this.trace = undefined;
  }

  get year() {
    return this.sim.year;
  }
  get persons() {
    return this.sim.slice!.persons;
  }
  get households() {
    return this.sim.slice!.households;
  }
  get personHousehold() {
    return this.sim.slice!.personHousehold;
  }
  get householdFirst() {
    return this.sim.slice!.householdFirst;
  }
  get householdSize() {
    return this.sim.slice!.householdSize;
  }
  get tracing() {
    return this.trace !== undefined;
  }

  get(name: string): Float64Array {
    if (!this.step.allowed.has(name)) throw new EngineError(`${this.step.def.name} reads ${name}, which is not among its declared deps`);
    return this.sim.get(name);
  }

  constant(name: string): number | undefined {
    if (!this.step.allowed.has(name)) throw new EngineError(`${this.step.def.name} reads ${name}, which is not among its declared deps`);
    return this.sim.constants.get(name);
  }

  private value(name: string, month = 1): ParamValue | null {
    if (!(month >= 1 && month <= 12)) throw new EngineError(`${this.step.def.name}: month ${month} out of range`);
    this.read.add(name);
    const value = this.sim.lookup(name, month);
    if (this.trace) {
      const use = this.sim.use(name, month);
      if (!this.trace.params.some((u) => u.name === name && u.instant === use.instant)) this.trace.params.push(use);
    }
    return value;
  }

  has(name: string, month = 1): boolean {
    return this.value(name, month) !== null;
  }

  param(name: string, month = 1): ParamValue {
    const v = this.value(name, month);
    if (v === null) throw new EngineError(`${this.step.def.name}: parameter ${name} has no value in force in ${this.sim.year}-${String(month).padStart(2, '0')}`);
    return v;
  }

  num(name: string, month = 1): number {
    const v = this.param(name, month);
    if (typeof v !== 'number') throw new EngineError(`parameter ${name} is not a number`);
    return v;
  }

  bool(name: string, month = 1): boolean {
    const v = this.param(name, month);
    if (typeof v !== 'boolean') throw new EngineError(`parameter ${name} is not true/false`);
    return v;
  }

  str(name: string, month = 1): string {
    const v = this.param(name, month);
    if (typeof v !== 'string') throw new EngineError(`parameter ${name} is not a word`);
    return v;
  }

  scale(name: string, month = 1): Scale {
    const v = this.param(name, month);
    if (!isScale(v)) throw new EngineError(`parameter ${name} is not a rate scale`);
    return v;
  }

  note(row: number, text: string): void {
    this.trace?.notes.push({ row, text });
  }
}
