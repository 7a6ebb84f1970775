/**
 * Income distribution by region: persons by band of household per-capita disposable income,
 * suppressed like the income tables (a band with fewer households than the level's minimum is
 * hidden, and enough other cells so that no hidden count follows from the region's total, the
 * other bands, or the parent and sibling regions). Pure.
 */
import { RegionTree } from './region-tree.js';
import { suppress, type CellStats, type Relation, type SuppressionReason } from './suppress.js';
import type { HouseholdIncome, RegionNode, TableRules } from './region-tables.js';
import { DEFAULT_TABLE_RULES } from './region-tables.js';

/** Lower bounds of the bands, 元 per person per year (the first band also takes negative incomes). */
export const DEFAULT_BANDS = [0, 5000, 10000, 20000, 30000, 50000, 100000];

export interface BandRow {
  code: string;
  name: string;
  level: string;
  isParent: boolean;
  households: number;
  persons: number;
  /** persons per band; null where suppressed */
  counts: (number | null)[];
  hidden: (SuppressionReason | null)[];
}

export interface BandTable {
  bands: { from: number; to: number | null }[];
  rows: BandRow[];
  suppressed: { primary: number; secondary: number };
}

export function bandOf(perCapitaYuan: number, bands: readonly number[]): number {
  let b = 0;
  for (let i = 1; i < bands.length; i++) if (perCapitaYuan >= bands[i]) b = i;
  return b;
}

export function regionBandTable(regions: RegionNode[], households: HouseholdIncome[], parent: string, level: string, bands: readonly number[] = DEFAULT_BANDS, rules: TableRules = DEFAULT_TABLE_RULES): BandTable {
  const K = bands.length;
  const W = 2 * (K + 1);
  const tree = new RegionTree(regions);
  // Per region: persons per band and in all (K + 1 values), then households the same way.
  const direct = new Float64Array(regions.length * W);
  for (const h of households) {
    const i = tree.find(h.regionCode);
    if (i < 0 || h.members <= 0) continue;
    let disp = 0;
    for (const c of h.components) disp += c;
    const b = bandOf(disp / 100 / h.members, bands);
    const o = i * W;
    direct[o + b] += h.members;
    direct[o + K] += h.members;
    direct[o + K + 1 + b]++;
    direct[o + K + 1 + K]++;
  }
  const acc = Float64Array.from(direct);
  tree.rollUp(acc, W);
  const cells: CellStats[] = [];
  const add = (value: number, households: number, lvl: string, alwaysHidden = false) => {
    // Counts: the rule is the number of households; dominance does not apply.
    cells.push({ value, contributors: households, maxContribution: 0, sumAbs: 0, minContributors: rules.minHouseholds[lvl] ?? 3, alwaysHidden });
    return cells.length - 1;
  };
  // cell of (region i, band k; k = K the total) = i * (K + 1) + k
  const cell = (i: number, k: number) => i * (K + 1) + k;
  const relations: Relation[] = [];
  regions.forEach((r, i) => {
    for (let k = 0; k <= K; k++) add(acc[i * W + k], acc[i * W + K + 1 + k], r.level);
    relations.push({ total: cell(i, K), parts: Array.from({ length: K }, (_, k) => cell(i, k)) });
  });
  regions.forEach((r, i) => {
    const kids = tree.children[i];
    if (!kids.length) return;
    for (let k = 0; k <= K; k++) {
      const parts = kids.map((c) => cell(c, k));
      const dHouseholds = direct[i * W + K + 1 + k];
      if (dHouseholds > 0) parts.push(add(direct[i * W + k], dHouseholds, r.level, true));
      relations.push({ total: cell(i, k), parts });
    }
  });
  const hidden = suppress(cells, relations, rules);
  const parentIndex = tree.index.get(parent) ?? -1;
  const wanted = parentIndex < 0 ? [] : regions.map((r, i) => i).filter((i) => regions[i].level === level && tree.isUnder(i, parentIndex)).sort((a, b) => (regions[a].code < regions[b].code ? -1 : 1));
  const rows: BandRow[] = [];
  for (const i of parentIndex < 0 ? [] : [parentIndex, ...wanted]) {
    const r = regions[i];
    const o = i * W;
    const why = Array.from({ length: K }, (_, k) => hidden.get(cell(i, k)) ?? null);
    rows.push({ code: r.code, name: r.name, level: r.level, isParent: i === parentIndex, households: acc[o + K + 1 + K], persons: acc[o + K], counts: Array.from({ length: K }, (_, k) => (why[k] ? null : acc[o + k])), hidden: why });
  }
  let primary = 0;
  let secondary = 0;
  for (const r of rows) for (const reason of r.hidden) if (reason) reason === 'secondary' ? secondary++ : primary++;
  return { bands: bands.map((from, i) => ({ from, to: bands[i + 1] ?? null })), rows, suppressed: { primary, secondary } };
}
