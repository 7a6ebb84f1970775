/**
 * Core types of the microsimulation engine: variables over entities (person, household) and
 * periods (month, year), computed by vectorised formulas over Float64Array columns.
 *
 * Column layout: a year variable has one value per entity row; a month variable has 12 values per
 * row, row-major (`column[row * 12 + month - 1]`), so one person's months are adjacent and a
 * cumulative rule walks them with its state in local variables.
 */
import type { ParamValue, Scale } from './parameters.js';

export type Entity = 'person' | 'household';
export type Period = 'month' | 'year';
/** yuan: 元 (float64, rounded to the fen where the law rounds); flag: 0/1; count; rate (0–1); code: an enumerated integer */
export type Unit = 'yuan' | 'flag' | 'count' | 'rate' | 'code' | 'days' | 'month';

export interface Label {
  zh: string;
  en: string;
}

/** The context a formula runs in: one simulation year over one slice of the population. */
export interface FormulaContext {
  readonly year: number;
  /** rows of the variable's entity */
  readonly n: number;
  readonly persons: number;
  readonly households: number;
  /** person row → household row (both local to this slice) */
  readonly personHousehold: Int32Array;
  /** household row → its first person row; members are first[h] … first[h] + size[h] − 1 */
  readonly householdFirst: Int32Array;
  readonly householdSize: Int32Array;
  /** the output column, zero-filled, length n (year) or n × 12 (month) */
  readonly out: Float64Array;
  /** a dependency's column; only names listed in the variable's `deps` may be read */
  get(name: string): Float64Array;
  /** the value of a dependency that is an input nobody gave (every row holds its default), else undefined */
  constant(name: string): number | undefined;
  /** a parameter in force on the 1st of `month` (default January) of the simulation year */
  param(name: string, month?: number): ParamValue;
  num(name: string, month?: number): number;
  bool(name: string, month?: number): boolean;
  str(name: string, month?: number): string;
  scale(name: string, month?: number): Scale;
  /** true when `name` has a value in force on that date */
  has(name: string, month?: number): boolean;
  /** true while an explanation is being recorded; formulas may then add notes */
  readonly tracing: boolean;
  note(row: number, text: string): void;
}

export type Formula = (ctx: FormulaContext) => void;

export interface VariableDef {
  name: string;
  entity: Entity;
  period: Period;
  unit: Unit;
  label: Label;
  /** longer description for the reference page */
  doc?: string;
  /** programme the variable belongs to (reference page sections, budget lines) */
  programme?: string;
  /** legal basis of the formula */
  refs?: string[];
  /**
   * Present when the variable can be given as input. Without a formula, rows not given take
   * `default`; with a formula, given values replace the computed ones row by row.
   */
  input?: { default: number };
  deps?: string[];
  formula?: Formula;
  /** alternative formulas a reform may select by name */
  alternatives?: Record<string, { label: Label; deps?: string[]; formula: Formula }>;
}

export class EngineError extends Error {}
