/**
 * Region tables of registered household income with disclosure control. Cells are built for the
 * whole region tree at once (city → counties → townships → villages) and suppressed together, so
 * a region hidden in one table is hidden wherever it appears (as a row, or as the parent row of a
 * table one level down) and no hidden cell can be recomputed from parent and child totals. Pure.
 */
import { selectQuantile } from '../../stats/index.js';
import { COMPONENTS, type Component } from '../items.js';
import { RegionTree } from './region-tree.js';
import { suppress, type CellStats, type Relation, type SuppressionReason, type SuppressionRules } from './suppress.js';

export interface RegionNode {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export interface HouseholdIncome {
  /** most precise region of the household (a village normally) */
  regionCode: string;
  members: number;
  /** annual amounts, fen, in COMPONENTS order (net values may be negative) */
  components: number[];
  urban: boolean | null;
}

export const COLUMNS = [...COMPONENTS, 'disposable'] as const;
export type Column = (typeof COLUMNS)[number];

export interface TableRules extends SuppressionRules {
  /** minimum households per cell, by region level */
  minHouseholds: Record<string, number>;
}
export const DEFAULT_TABLE_RULES: TableRules = { dominance: 0.85, minHouseholds: { prefecture: 3, county: 3, township: 3, village: 10, group: 3 } };

export interface TableRow {
  code: string;
  name: string;
  level: string;
  /** the parent row of the table (its children follow) */
  isParent: boolean;
  households: number;
  persons: number;
  /** per-capita annual income, 元; null where suppressed */
  perCapita: Record<Column, number | null>;
  /** why a cell is hidden */
  hidden: Partial<Record<Column, SuppressionReason>>;
  /** person-weighted median of household per-capita disposable income, 元 (only for large published rows) */
  median: number | null;
}

export interface IncomeTable {
  columns: Column[];
  rows: TableRow[];
  suppressed: { primary: number; secondary: number };
}

// Per region, in one row of a Float64Array: households, persons, then per column the total, the
// sum of absolute contributions and the largest absolute contribution (the dominance rule).
const HH = 0;
const PERSONS = 1;
const TOTAL = 2;
const SUM_ABS = TOTAL + 5;
const MAX_ABS = SUM_ABS + 5;
const WIDTH = MAX_ABS + 5;
const MAX_COLUMNS = [0, 1, 2, 3, 4].map((k) => MAX_ABS + k);

/**
 * The table of `parent`'s descendants at `level` (e.g. the townships of a county), with the
 * parent as the first row. `regions` is the whole tree; suppression is decided on all of it.
 */
export function regionIncomeTable(regions: RegionNode[], households: HouseholdIncome[], parent: string, level: string, rules: TableRules = DEFAULT_TABLE_RULES): IncomeTable {
  const tree = new RegionTree(regions);
  const parentIndex = tree.index.get(parent) ?? -1;
  const wanted = regions.map((r, i) => i).filter((i) => i === parentIndex || (regions[i].level === level && parentIndex >= 0 && tree.isUnder(i, parentIndex)));
  const slotOf = new Int32Array(regions.length).fill(-1);
  wanted.forEach((i, s) => (slotOf[i] = s));
  // The wanted rows each household counts in (its place and the place's ancestors), per place.
  const slotsAt: (number[] | undefined)[] = new Array(regions.length);
  const slotsOf = (i: number) => {
    let l = slotsAt[i];
    if (!l) {
      l = [];
      for (let r = i; r >= 0; r = tree.parent[r]) if (slotOf[r] >= 0) l.push(slotOf[r]);
      slotsAt[i] = l;
    }
    return l;
  };
  // Per household: its place (-1 outside the tree) and per-capita disposable income, 元 (the medians').
  const n = households.length;
  const placeOf = new Int32Array(n);
  const perCapitaOf = new Float64Array(n);
  const sampleSize = new Int32Array(wanted.length);

  // Households placed at each region directly, then added up the tree.
  const direct = new Float64Array(regions.length * WIDTH);
  for (let h = 0; h < n; h++) {
    const hh = households[h];
    const i = tree.find(hh.regionCode);
    placeOf[h] = i;
    if (i < 0) continue;
    const c = hh.components;
    const o = i * WIDTH;
    direct[o + HH]++;
    direct[o + PERSONS] += hh.members;
    let disp = 0;
    for (let k = 0; k < 5; k++) {
      const v = k < 4 ? c[k] : disp;
      if (k < 4) disp += v;
      const a = Math.abs(v);
      direct[o + TOTAL + k] += v;
      direct[o + SUM_ABS + k] += a;
      if (a > direct[o + MAX_ABS + k]) direct[o + MAX_ABS + k] = a;
    }
    if (hh.members > 0) {
      perCapitaOf[h] = disp / hh.members / 100;
      for (const s of slotsOf(i)) sampleSize[s]++;
    }
  }
  const acc = Float64Array.from(direct);
  tree.rollUp(acc, WIDTH, MAX_COLUMNS);

  // Cells: one per (region, column); plus, for a region with households placed at it directly
  // while it also has children, an always-hidden "unallocated" cell so the relation stays exact.
  const cells: CellStats[] = [];
  const minFor = (lvl: string) => rules.minHouseholds[lvl] ?? 3;
  const addCell = (a: Float64Array, o: number, k: number, lvl: string, alwaysHidden = false) => {
    cells.push({ value: a[o + TOTAL + k], contributors: a[o + HH], maxContribution: a[o + MAX_ABS + k], sumAbs: a[o + SUM_ABS + k], minContributors: minFor(lvl), alwaysHidden });
    return cells.length - 1;
  };
  // cell of (region i, column k) = i * 5 + k
  const relations: Relation[] = [];
  regions.forEach((r, i) => {
    for (let k = 0; k < 5; k++) addCell(acc, i * WIDTH, k, r.level);
    relations.push({ total: i * 5 + 4, parts: [0, 1, 2, 3].map((k) => i * 5 + k) });
  });
  regions.forEach((r, i) => {
    const kids = tree.children[i];
    if (kids.length === 0) return;
    const placedHere = direct[i * WIDTH + HH] > 0;
    for (let k = 0; k < 5; k++) {
      const parts = kids.map((c) => c * 5 + k);
      if (placedHere) parts.push(addCell(direct, i * WIDTH, k, r.level, true));
      relations.push({ total: i * 5 + k, parts });
    }
  });
  const hidden = suppress(cells, relations, rules);

  const rows: TableRow[] = [];
  const order = [...wanted].sort((a, b) => (a === parentIndex ? -1 : b === parentIndex ? 1 : regions[a].code < regions[b].code ? -1 : 1));
  const withMedian: { row: TableRow; slot: number }[] = [];
  for (const i of order) {
    const r = regions[i];
    const o = i * WIDTH;
    const persons = acc[o + PERSONS];
    const perCapita = {} as Record<Column, number | null>;
    const why: TableRow['hidden'] = {};
    COLUMNS.forEach((col, k) => {
      const reason = hidden.get(i * 5 + k);
      if (reason) why[col] = reason;
      perCapita[col] = reason || persons === 0 ? null : Math.round(acc[o + TOTAL + k] / persons) / 100;
    });
    const row: TableRow = { code: r.code, name: r.name, level: r.level, isParent: i === parentIndex, households: acc[o + HH], persons, perCapita, hidden: why, median: null };
    if (!why.disposable && acc[o + HH] >= Math.max(10, minFor(r.level)) && sampleSize[slotOf[i]] > 0) withMedian.push({ row, slot: slotOf[i] });
    rows.push(row);
  }
  for (const [slot, median] of slotMedians(withMedian.map((m) => m.slot), wanted.length, sampleSize, households, placeOf, perCapitaOf, slotsOf)) {
    for (const m of withMedian) if (m.slot === slot) m.row.median = median;
  }
  // Counted over the cells of this table (the tree as a whole has many more).
  let primary = 0;
  let secondary = 0;
  for (const r of rows) for (const reason of Object.values(r.hidden)) reason === 'secondary' ? secondary++ : primary++;
  return { columns: [...COLUMNS], rows, suppressed: { primary, secondary } };
}

/**
 * Person-weighted medians of household per-capita income for the given slots: each slot's sample
 * (sized beforehand) filled in one pass over the households, then its median found by selection
 * (linear time; household sizes are integers, so it equals the sort-based quantile exactly).
 */
function slotMedians(
  slots: number[], slotCount: number, sampleSize: Int32Array, households: HouseholdIncome[],
  placeOf: Int32Array, perCapitaOf: Float64Array, slotsOf: (i: number) => number[],
): Map<number, number> {
  const out = new Map<number, number>();
  if (slots.length === 0) return out;
  const y: (Float64Array | null)[] = new Array(slotCount).fill(null);
  const w: (Float64Array | null)[] = new Array(slotCount).fill(null);
  for (const s of slots) {
    y[s] = new Float64Array(sampleSize[s]);
    w[s] = new Float64Array(sampleSize[s]);
  }
  const filled = new Int32Array(slotCount);
  for (let h = 0; h < households.length; h++) {
    const i = placeOf[h];
    const m = households[h].members;
    if (i < 0 || !(m > 0)) continue;
    for (const s of slotsOf(i)) {
      const ys = y[s];
      if (!ys) continue;
      ys[filled[s]] = perCapitaOf[h];
      w[s]![filled[s]++] = m;
    }
  }
  for (const s of slots) out.set(s, selectQuantile(y[s]!, w[s]!, 0.5));
  return out;
}

export type { Component };
