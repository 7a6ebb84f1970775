import { groupSummary } from './distribution.js';
import { generalizedEntropy, gini, palma, s80s20 } from './inequality.js';
import { povertyProfile } from './poverty.js';
import { quantiles } from './quantile.js';
import { prepareSample, type IncomeInput, type SortedSample } from './sample.js';
import type { SortWorkspace } from './sort.js';

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

export function summarizeSorted(s: SortedSample, povertyLine?: number): InequalitySummary {
  const q = quantiles(s, [...DECILES, 0.5]);
  const quint = groupSummary(s, 5);
  const dec = groupSummary(s, 10);
  const out: InequalitySummary = {
    n: s.y.length,
    population: s.N,
    mean: s.T / s.N,
    median: q[DECILES.length],
    quantiles: Object.fromEntries(DECILES.map((p, i) => [String(p), q[i]])),
    quintileMeans: quint.means,
    quintileShares: quint.shares,
    decileShares: dec.shares,
    gini: gini(s),
    theil: generalizedEntropy(s.y, s.w, 1),
    mld: generalizedEntropy(s.y, s.w, 0),
    s80s20: s80s20(s),
    palma: palma(s),
  };
  if (povertyLine !== undefined) {
    const p = povertyProfile(s, povertyLine);
    out.fgt0 = p.fgt0;
    out.fgt1 = p.fgt1;
    out.fgt2 = p.fgt2;
    out.watts = p.watts;
  }
  return out;
}

export function inequalitySummary(input: IncomeInput, povertyLine?: number, workspace?: SortWorkspace): InequalitySummary {
  return summarizeSorted(prepareSample(input, workspace), povertyLine);
}
