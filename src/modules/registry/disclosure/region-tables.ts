/**
 * Region tables of registered household income with disclosure control. Cells are built for the
 * whole region tree at once (city → counties → townships → villages) and suppressed together, so
 * a region hidden in one table is hidden wherever it appears (as a row, or as the parent row of a
 * table one level down) and no hidden cell can be recomputed from parent and child totals. Pure.
 */
import { quantile, sortSample } from '../../stats/index.js';
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
  const values: number[][] = wanted.map(() => []);
  const weights: number[][] = wanted.map(() => []);

  // Households placed at each region directly, then added up the tree.
  const direct = new Float64Array(regions.length * WIDTH);
  for (const h of households) {
    const i = tree.find(h.regionCode);
    if (i < 0) continue;
    const c = h.components;
    const o = i * WIDTH;
    direct[o + HH]++;
    direct[o + PERSONS] += h.members;
    let disp = 0;
    for (let k = 0; k < 5; k++) {
      const v = k < 4 ? c[k] : disp;
      if (k < 4) disp += v;
      const a = Math.abs(v);
      direct[o + TOTAL + k] += v;
      direct[o + SUM_ABS + k] += a;
      if (a > direct[o + MAX_ABS + k]) direct[o + MAX_ABS + k] = a;
    }
    if (h.members > 0) {
      for (const s of slotsOf(i)) {
        values[s].push(disp / h.members / 100);
        weights[s].push(h.members);
      }
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
    let median: number | null = null;
    const s = slotOf[i];
    if (!why.disposable && acc[o + HH] >= Math.max(10, minFor(r.level)) && values[s].length) {
      median = quantile(sortSample(Float64Array.from(values[s]), Float64Array.from(weights[s]), { inPlace: true }), 0.5);
    }
    rows.push({ code: r.code, name: r.name, level: r.level, isParent: i === parentIndex, households: acc[o + HH], persons, perCapita, hidden: why, median });
  }
  // Counted over the cells of this table (the tree as a whole has many more).
  let primary = 0;
  let secondary = 0;
  for (const r of rows) for (const reason of Object.values(r.hidden)) reason === 'secondary' ? secondary++ : primary++;
  return { columns: [...COLUMNS], rows, suppressed: { primary, secondary } };
}

export type { Component };
