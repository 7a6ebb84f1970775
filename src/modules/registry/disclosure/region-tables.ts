/**
 * Region tables of registered household income with disclosure control. Cells are built for the
 * whole region tree at once (city → counties → townships → villages) and suppressed together, so
 * a region hidden in one table is hidden wherever it appears (as a row, or as the parent row of a
 * table one level down) and no hidden cell can be recomputed from parent and child totals. Pure.
 */
import { quantile, sortSample } from '../../stats/index.js';
import { COMPONENTS, type Component } from '../items.js';
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

interface Acc {
  households: number;
  persons: number;
  total: Float64Array;
  maxAbs: Float64Array;
  sumAbs: Float64Array;
  values: number[];
  weights: number[];
}

const newAcc = (): Acc => ({ households: 0, persons: 0, total: new Float64Array(5), maxAbs: new Float64Array(5), sumAbs: new Float64Array(5), values: [], weights: [] });

function addTo(a: Acc, h: HouseholdIncome, keepValues: boolean) {
  a.households++;
  a.persons += h.members;
  const disp = h.components.reduce((x, y) => x + y, 0);
  const vals = [...h.components, disp];
  for (let k = 0; k < 5; k++) {
    a.total[k] += vals[k];
    a.sumAbs[k] += Math.abs(vals[k]);
    a.maxAbs[k] = Math.max(a.maxAbs[k], Math.abs(vals[k]));
  }
  if (keepValues && h.members > 0) {
    a.values.push(disp / h.members / 100);
    a.weights.push(h.members);
  }
}

/**
 * The table of `parent`'s descendants at `level` (e.g. the townships of a county), with the
 * parent as the first row. `regions` is the whole tree; suppression is decided on all of it.
 */
export function regionIncomeTable(regions: RegionNode[], households: HouseholdIncome[], parent: string, level: string, rules: TableRules = DEFAULT_TABLE_RULES): IncomeTable {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const children = new Map<string, string[]>();
  for (const r of regions) if (r.parentCode && byCode.has(r.parentCode)) (children.get(r.parentCode) ?? children.set(r.parentCode, []).get(r.parentCode)!).push(r.code);
  const acc = new Map<string, Acc>();
  const direct = new Map<string, Acc>();
  const rowsWanted = new Set<string>([parent]);
  for (const r of regions) if (r.level === level && isUnder(r.code, parent, byCode)) rowsWanted.add(r.code);
  for (const h of households) {
    let code: string | null = byCode.has(h.regionCode) ? h.regionCode : null;
    if (!code) continue;
    addTo(direct.get(code) ?? direct.set(code, newAcc()).get(code)!, h, false);
    for (; code; code = byCode.get(code)?.parentCode ?? null) {
      if (!byCode.has(code)) break;
      addTo(acc.get(code) ?? acc.set(code, newAcc()).get(code)!, h, rowsWanted.has(code));
    }
  }

  // Cells: one per (region, column); plus, for a region with households placed at it directly
  // while it also has children, an always-hidden "unallocated" cell so the relation stays exact.
  const cells: CellStats[] = [];
  const cellOf = new Map<string, number>();
  const minFor = (lvl: string) => rules.minHouseholds[lvl] ?? 3;
  const addCell = (key: string, a: Acc | undefined, k: number, lvl: string, alwaysHidden = false) => {
    cellOf.set(key, cells.length);
    cells.push({
      value: a?.total[k] ?? 0, contributors: a?.households ?? 0, maxContribution: a?.maxAbs[k] ?? 0, sumAbs: a?.sumAbs[k] ?? 0,
      minContributors: minFor(lvl), alwaysHidden,
    });
  };
  const relations: Relation[] = [];
  for (const r of regions) {
    const a = acc.get(r.code);
    for (let k = 0; k < 5; k++) addCell(`${r.code}:${k}`, a, k, r.level);
    relations.push({ total: cellOf.get(`${r.code}:4`)!, parts: [0, 1, 2, 3].map((k) => cellOf.get(`${r.code}:${k}`)!) });
  }
  for (const r of regions) {
    const kids = children.get(r.code) ?? [];
    if (kids.length === 0) continue;
    const d = direct.get(r.code);
    for (let k = 0; k < 5; k++) {
      const parts = kids.map((c) => cellOf.get(`${c}:${k}`)!);
      if (d && d.households > 0) {
        addCell(`${r.code}:direct:${k}`, d, k, r.level, true);
        parts.push(cellOf.get(`${r.code}:direct:${k}`)!);
      }
      relations.push({ total: cellOf.get(`${r.code}:${k}`)!, parts });
    }
  }
  const hidden = suppress(cells, relations, rules);

  const rows: TableRow[] = [];
  for (const code of [parent, ...[...rowsWanted].filter((c) => c !== parent).sort()]) {
    const r = byCode.get(code);
    if (!r) continue;
    const a = acc.get(code) ?? newAcc();
    const perCapita = {} as Record<Column, number | null>;
    const why: TableRow['hidden'] = {};
    COLUMNS.forEach((col, k) => {
      const reason = hidden.get(cellOf.get(`${code}:${k}`)!);
      if (reason) why[col] = reason;
      perCapita[col] = reason || a.persons === 0 ? null : Math.round(a.total[k] / a.persons) / 100;
    });
    let median: number | null = null;
    if (!why.disposable && a.households >= Math.max(10, minFor(r.level)) && a.values.length) {
      median = quantile(sortSample(Float64Array.from(a.values), Float64Array.from(a.weights)), 0.5);
    }
    rows.push({ code, name: r.name, level: r.level, isParent: code === parent, households: a.households, persons: a.persons, perCapita, hidden: why, median });
  }
  // Counted over the cells of this table (the tree as a whole has many more).
  let primary = 0;
  let secondary = 0;
  for (const r of rows) for (const reason of Object.values(r.hidden)) reason === 'secondary' ? secondary++ : primary++;
  return { columns: [...COLUMNS], rows, suppressed: { primary, secondary } };
}

function isUnder(code: string, ancestor: string, byCode: Map<string, RegionNode>): boolean {
  for (let c: string | null = byCode.get(code)?.parentCode ?? null; c; c = byCode.get(c)?.parentCode ?? null) if (c === ancestor) return true;
  return false;
}

export type { Component };
