/**
 * The explanation of one household's calculation: every variable in dependency order, with the
 * rule's legal basis, the parameter values it used (each with its date and reference) and the
 * amounts it gave for each member or the household. JSON-serialisable.
 */
import { formatDate, valueToJson } from './parameters.js';
import type { Population } from './population.js';
import type { Reform } from './reform.js';
import { Simulation } from './simulation.js';
import type { TaxBenefitSystem } from './system.js';
import type { Entity, Label, Period, Unit } from './types.js';

export interface ExplainedParameter {
  name: string;
  label: Label;
  /** date looked up (YYYY-MM-DD) */
  date: string;
  /** date the value is in force from */
  from: string;
  value: unknown;
  ref: string;
  placeholder?: boolean;
}

export interface ExplanationStep {
  variable: string;
  label: Label;
  entity: Entity;
  period: Period;
  unit: Unit;
  programme?: string;
  refs?: string[];
  source: 'input' | 'formula' | 'default';
  alternative?: string;
  parameters: ExplainedParameter[];
  /** per member (person variables) or for the household: one number (year) or 12 (month) */
  values: { id: string; value: number | number[] }[];
  notes: { id: string; text: string }[];
}

export interface HouseholdExplanation {
  year: number;
  household: string;
  members: string[];
  reform?: { name: string; label: Label };
  steps: ExplanationStep[];
}

export interface ExplainOptions {
  year: number;
  targets: string[];
  reform?: Reform;
  /** drop steps whose values are all zero and that left no note (default true) */
  skipZero?: boolean;
}

export function explainHousehold(system: TaxBenefitSystem, pop: Population, h: number, o: ExplainOptions): HouseholdExplanation {
  const sim = new Simulation(system, pop, o.year, { targets: o.targets, reform: o.reform, trace: true });
  sim.load(h, h + 1);
  sim.run();
  const s = sim.slice!;
  const personId = (r: number) => pop.personIds?.[s.p0 + r] ?? `person ${s.p0 + r + 1}`;
  const householdId = pop.householdIds?.[h] ?? `household ${h + 1}`;
  const steps: ExplanationStep[] = [];
  for (const step of sim.steps) {
    const def = step.def;
    const col = sim.get(def.name);
    const k = def.period === 'month' ? 12 : 1;
    const rows = def.entity === 'person' ? s.persons : 1;
    const id = (r: number) => (def.entity === 'person' ? personId(r) : householdId);
    const values = Array.from({ length: rows }, (_, r) => ({
      id: id(r),
      value: k === 1 ? col[r] : Array.from(col.subarray(r * 12, r * 12 + 12)),
    }));
    const trace = sim.traceOf(def.name);
    const notes = (trace?.notes ?? []).map((n) => ({ id: id(n.row), text: n.text }));
    if ((o.skipZero ?? true) && notes.length === 0 && col.every((x) => x === 0)) continue;
    const given = pop.inputs[def.name] !== undefined;
    steps.push({
      variable: def.name,
      label: def.label,
      entity: def.entity,
      period: def.period,
      unit: def.unit,
      ...(def.programme ? { programme: def.programme } : {}),
      ...(def.refs ? { refs: def.refs } : {}),
      source: step.formula ? 'formula' : given ? 'input' : 'default',
      ...(step.alternative ? { alternative: step.alternative } : {}),
      parameters: (trace?.params ?? []).map((u) => ({
        name: u.name,
        label: sim.params.def(u.name).label,
        date: formatDate(u.instant),
        from: u.from ? formatDate(u.from) : '',
        value: valueToJson(u.value),
        ref: u.ref,
        ...(u.placeholder ? { placeholder: true } : {}),
      })),
      values,
      notes,
    });
  }
  return {
    year: o.year,
    household: householdId,
    members: Array.from({ length: s.persons }, (_, r) => personId(r)),
    ...(o.reform ? { reform: { name: o.reform.name, label: o.reform.label } } : {}),
    steps,
  };
}
