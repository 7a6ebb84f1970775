import { sortPairsInPlace, SortWorkspace } from './sort.js';

/**
 * A weighted income sample sorted by income, with its totals. Every order-dependent statistic
 * (quantiles, groups, Gini, Lorenz) takes one, so a sample is sorted once and reused.
 */
export interface SortedSample {
  readonly y: Float64Array;
  readonly w: Float64Array;
  /** Σw */
  readonly N: number;
  /** Σw·y */
  readonly T: number;
  readonly sorted: true;
}

/** Units as collected: income per unit, optional weight (default 1) and household size. */
export interface IncomeInput {
  income: Float64Array;
  weight?: Float64Array;
  /**
   * Members per household. When given, each household stands for its members: income becomes
   * per-capita income (income / size) and the weight becomes the person weight (weight × size).
   */
  householdSize?: Float64Array;
}

export class StatsInputError extends Error {}

/** Unit-level arrays (per-capita when sizes are given), validated; copies, never the caller's arrays. */
export function unitArrays(input: IncomeInput): { y: Float64Array; w: Float64Array } {
  const { income, weight, householdSize } = input;
  const n = income.length;
  if (weight && weight.length !== n) throw new StatsInputError('weight and income differ in length');
  if (householdSize && householdSize.length !== n) throw new StatsInputError('household size and income differ in length');
  const y = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const yi = income[i];
    const wi = weight ? weight[i] : 1;
    if (!Number.isFinite(yi)) throw new StatsInputError(`income of unit ${i + 1} is not a finite number`);
    if (!(wi >= 0) || !Number.isFinite(wi)) throw new StatsInputError(`weight of unit ${i + 1} is negative or not finite`);
    if (householdSize) {
      const m = householdSize[i];
      if (!(m > 0) || !Number.isFinite(m)) throw new StatsInputError(`household size of unit ${i + 1} must be positive`);
      y[i] = yi / m;
      w[i] = wi * m;
    } else {
      y[i] = yi;
      w[i] = wi;
    }
  }
  return { y, w };
}

/** Sorts a sample. `y` and `w` are sorted in place when `inPlace` (they must be your own arrays). */
export function sortSample(
  y: Float64Array,
  w: Float64Array,
  options: { inPlace?: boolean; workspace?: SortWorkspace } = {},
): SortedSample {
  if (y.length !== w.length) throw new StatsInputError('income and weight differ in length');
  const ys = options.inPlace ? y : new Float64Array(y);
  const ws = options.inPlace ? w : new Float64Array(w);
  sortPairsInPlace(ys, ws, options.workspace);
  let N = 0;
  let T = 0;
  for (let i = 0; i < ys.length; i++) {
    const wi = ws[i];
    if (!(wi >= 0)) throw new StatsInputError('weights must be non-negative numbers');
    N += wi;
    T += wi * ys[i];
  }
  if (!(N > 0)) throw new StatsInputError('the total weight is zero: no population to describe');
  return { y: ys, w: ws, N, T, sorted: true };
}

/** Validates, converts to per-capita when household sizes are given, and sorts. */
export function prepareSample(input: IncomeInput, workspace?: SortWorkspace): SortedSample {
  const { y, w } = unitArrays(input);
  return sortSample(y, w, { inPlace: true, workspace });
}

export function mean(s: SortedSample): number {
  return s.T / s.N;
}
