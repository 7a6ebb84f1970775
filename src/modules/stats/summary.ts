import { unitArrays, StatsInputError, type IncomeInput, type SortedSample } from './sample.js';
import { ddAdd, scanSorted, SortWorkspace } from './sort.js';
import { PARALLEL_MIN, parallelScan } from './parallel.js';
import { SummaryScan } from './summary-scan.js';

export { SummaryScan } from './summary-scan.js';

/** The distribution summary printed by `zengshou stats inequality`. */
export interface InequalitySummary {
  /** Units read (households, or persons when there is no household size). */
  n: number;
  /** Σ weight (persons when household sizes are given). */
  population: number;
  mean: number;
  median: number;
  /** Deciles keyed "0.1" … "0.9" (which include the quintile cut points). */
  quantiles: Record<string, number>;
  quintileMeans: number[];
  quintileShares: number[];
  decileShares: number[];
  gini: number;
  theil: number;
  mld: number;
  s80s20: number;
  palma: number;
  fgt0?: number;
  fgt1?: number;
  fgt2?: number;
  watts?: number;
}

export const DECILES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

const LORENZ = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

function fromScan(s: SummaryScan, povertyLine?: number): InequalitySummary {
  const L = s.lorenzIncome; // cumulative income at 0, .1, …, 1
  const decileIncome = Array.from({ length: 10 }, (_, g) => L[g + 1] - L[g]);
  const quintileIncome = Array.from({ length: 5 }, (_, g) => L[2 * g + 2] - L[2 * g]);
  const out: InequalitySummary = {
    n: s.n,
    population: s.N,
    mean: s.T / s.N,
    median: s.quantileValues[DECILES.length],
    quantiles: Object.fromEntries(DECILES.map((p, i) => [String(p), s.quantileValues[i]])),
    quintileMeans: quintileIncome.map((v) => v / (s.N / 5)),
    quintileShares: quintileIncome.map((v) => v / s.T),
    decileShares: decileIncome.map((v) => v / s.T),
    gini: s.gini,
    theil: s.theil,
    mld: s.mld,
    s80s20: (s.T - L[8]) / L[2],
    palma: (s.T - L[9]) / L[4],
  };
  if (povertyLine !== undefined) Object.assign(out, s.poverty);
  return out;
}

/**
 * The summary of an income distribution (unit or per-capita, see IncomeInput), sorting chunk by chunk
 * without materialising the sorted sample. The inputs are not modified.
 */
export function inequalitySummary(input: IncomeInput, povertyLine?: number, workspace = new SortWorkspace(), parallel?: boolean): InequalitySummary {
  if (povertyLine !== undefined && !(povertyLine > 0 && Number.isFinite(povertyLine))) {
    throw new StatsInputError('the poverty line must be a positive number');
  }
  let y = input.income;
  let w = input.weight;
  if (input.householdSize || !w) ({ y, w } = unitArrays(input));
  if (y.length === 0) throw new StatsInputError('no units: the distribution is empty');
  const scan = new SummaryScan([...DECILES, 0.5], LORENZ, povertyLine);
  const badIncome = () => {
    const i = y.findIndex((v) => !Number.isFinite(v));
    return new StatsInputError(`income of unit ${i + 1} is not a finite number`);
  };
  try {
    runScan(y, w!, scan, workspace, parallel);
  } catch (e) {
    const m = e instanceof RangeError ? /^(weight|value) (\d+)/.exec(e.message) : null;
    if (m && m[1] === 'weight') throw new StatsInputError(`weight of unit ${Number(m[2]) + 1} is negative or not finite`);
    if (m) throw badIncome();
    throw e;
  }
  if (scan.nonFinite) throw badIncome();
  scan.finish();
  if (!(scan.N > 0)) throw new StatsInputError('the total weight is zero: no population to describe');
  return fromScan(scan, povertyLine);
}

/**
 * Gini, quantiles ("math" rule) and Lorenz ordinates (cumulative income at p·N) of weighted values in
 * one sorted scan, with generalised entropy and poverty when asked. Inputs are not modified.
 * `parallel`: by default inputs of PARALLEL_MIN units or more use a second thread once it has
 * started (parallel.ts); true uses it whatever the size, false never.
 */
export function distributionScan(
  y: Float64Array,
  w: Float64Array,
  o: { quantiles?: readonly number[]; lorenz?: readonly number[]; povertyLine?: number; entropy?: boolean; workspace?: SortWorkspace; parallel?: boolean } = {},
): SummaryScan {
  const scan = new SummaryScan(o.quantiles ?? [], o.lorenz ?? [], o.povertyLine, o.entropy ?? false);
  runScan(y, w, scan, o.workspace ?? new SortWorkspace(), o.parallel);
  return scan.finish();
}

function runScan(y: Float64Array, w: Float64Array, scan: SummaryScan, ws: SortWorkspace, parallel?: boolean) {
  const two = parallel ?? y.length >= PARALLEL_MIN;
  if (!(two && parallelScan(y, w, scan, ws))) scanSorted(y, w, scan, ws);
}

/** The same summary from an already sorted sample. */
export function summarizeSorted(s: SortedSample, povertyLine?: number): InequalitySummary {
  const scan = new SummaryScan([...DECILES, 0.5], LORENZ, povertyLine);
  let h = 0;
  let l = 0;
  for (let i = 0; i < s.w.length; i++) [h, l] = ddAdd(h, l, s.w[i]);
  scan.begin(s.y.length, h, s.T);
  scan.chunk(s.y, s.w, s.y.length);
  return fromScan(scan.finish(), povertyLine);
}
