/**
 * Dated parameters: each parameter is a list of values, each in force from a date until the next
 * one, each with its legal reference (法规文号). Values are numbers, booleans, strings or rate
 * scales (tax tables with quick deductions). A value of null means "no rule in force".
 */
import { EngineError, type Label } from './types.js';

/** A progressive rate table: bracket i covers (to[i−1], to[i]]; the last `to` is Infinity. */
export interface Scale {
  readonly kind: 'scale';
  readonly to: Float64Array;
  readonly rate: Float64Array;
  readonly quick: Float64Array;
}

export type ParamValue = number | boolean | string | Scale;

export interface DatedValue {
  /** yyyymmdd */
  from: number;
  value: ParamValue | null;
  ref: string;
  /** true for values an administrator must replace with the official figure */
  placeholder?: boolean;
  note?: string;
}

export interface ParameterDef {
  name: string;
  label: Label;
  unit: string;
  description?: string;
  /** sorted by `from` */
  values: DatedValue[];
}

export interface ParamUse {
  name: string;
  /** yyyymmdd the value was looked up for */
  instant: number;
  value: ParamValue | null;
  from: number;
  ref: string;
  placeholder?: boolean;
}

export class ParameterSet {
  private readonly defs: Map<string, ParameterDef>;

  constructor(defs: Iterable<ParameterDef>) {
    this.defs = new Map();
    for (const d of defs) {
      if (this.defs.has(d.name)) throw new EngineError(`parameter ${d.name} is defined twice`);
      this.defs.set(d.name, { ...d, values: [...d.values].sort((a, b) => a.from - b.from) });
    }
  }

  names(): string[] {
    return [...this.defs.keys()];
  }

  def(name: string): ParameterDef {
    const d = this.defs.get(name);
    if (!d) throw new EngineError(`unknown parameter ${name}`);
    return d;
  }

  has(name: string): boolean {
    return this.defs.has(name);
  }

  /** The dated entry in force on `instant` (yyyymmdd), or undefined before the first one. */
  entry(name: string, instant: number): DatedValue | undefined {
    const vs = this.def(name).values;
    for (let i = vs.length - 1; i >= 0; i--) if (vs[i].from <= instant) return vs[i];
    return undefined;
  }

  /** The value in force on `instant`; throws when none is. */
  at(name: string, instant: number): ParamValue {
    const e = this.entry(name, instant);
    if (!e || e.value === null) throw new EngineError(`parameter ${name} has no value in force on ${formatDate(instant)}`);
    return e.value;
  }

  all(): ParameterDef[] {
    return [...this.defs.values()];
  }

  /** A new set where the given parameters are replaced. */
  with(replaced: ParameterDef[]): ParameterSet {
    const m = new Map(this.defs);
    for (const d of replaced) {
      if (!m.has(d.name)) throw new EngineError(`unknown parameter ${d.name}`);
      m.set(d.name, d);
    }
    return new ParameterSet(m.values());
  }

  /** A new set holding these parameters and another set's (names must not collide). */
  merge(other: ParameterSet): ParameterSet {
    return new ParameterSet([...this.defs.values(), ...other.defs.values()]);
  }
}

export function isScale(v: unknown): v is Scale {
  return typeof v === 'object' && v !== null && (v as Scale).kind === 'scale';
}

/** Builds a scale from brackets; checks order and that quick deductions keep the tax continuous. */
export function makeScale(brackets: { to?: number | null; rate: number; quick?: number }[], where = 'scale'): Scale {
  const n = brackets.length;
  if (n === 0) throw new EngineError(`${where}: a scale needs at least one bracket`);
  const to = new Float64Array(n);
  const rate = new Float64Array(n);
  const quick = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const b = brackets[i];
    const last = i === n - 1;
    if (!last && (typeof b.to !== 'number' || !Number.isFinite(b.to))) throw new EngineError(`${where}: bracket ${i + 1} needs a finite "to"`);
    if (last && b.to !== undefined && b.to !== null && Number.isFinite(b.to)) throw new EngineError(`${where}: the last bracket must be open (no "to")`);
    to[i] = last ? Infinity : (b.to as number);
    if (i > 0 && !(to[i] > to[i - 1])) throw new EngineError(`${where}: bracket limits must increase`);
    if (!(typeof b.rate === 'number' && b.rate >= 0 && b.rate <= 1)) throw new EngineError(`${where}: bracket ${i + 1} rate must be in [0, 1]`);
    rate[i] = b.rate;
    // the quick deduction that keeps tax = x·rate − quick continuous at each limit
    const implied = i === 0 ? 0 : quick[i - 1] + to[i - 1] * (rate[i] - rate[i - 1]);
    if (b.quick !== undefined && Math.abs(b.quick - implied) > 0.5) {
      throw new EngineError(`${where}: bracket ${i + 1} quick deduction ${b.quick} should be ${implied} (continuity)`);
    }
    quick[i] = b.quick ?? implied;
  }
  return { kind: 'scale', to, rate, quick };
}

/** Tax x·rate − quick of the bracket holding x (quick-deduction method); 0 for x ≤ 0. */
export function applyScale(s: Scale, x: number): number {
  if (x <= 0) return 0;
  const to = s.to;
  let i = 0;
  while (x > to[i]) i++;
  return x * s.rate[i] - s.quick[i];
}

/** Index of the bracket holding x (0 for x ≤ 0). */
export function bracketOf(s: Scale, x: number): number {
  let i = 0;
  while (x > s.to[i]) i++;
  return i;
}

export function roundFen(x: number): number {
  return Math.round(x * 100) / 100;
}

/** yyyymmdd from "YYYY-MM-DD" (or a Date); throws on anything else. */
export function parseDate(s: unknown, where: string): number {
  if (s instanceof Date) return s.getUTCFullYear() * 10000 + (s.getUTCMonth() + 1) * 100 + s.getUTCDate();
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) throw new EngineError(`${where}: "from" must be a date YYYY-MM-DD, got ${JSON.stringify(s)}`);
  const [y, m, d] = s.split('-').map(Number);
  if (m < 1 || m > 12 || d < 1 || d > 31) throw new EngineError(`${where}: invalid date ${s}`);
  return y * 10000 + m * 100 + d;
}

export function formatDate(ymd: number): string {
  const y = Math.floor(ymd / 10000);
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A JSON-friendly form of a parameter value (scales as bracket lists). */
export function valueToJson(v: ParamValue | null): unknown {
  if (!isScale(v)) return v;
  return Array.from(v.rate, (rate, i) => ({ to: Number.isFinite(v.to[i]) ? v.to[i] : null, rate, quick: v.quick[i] }));
}
