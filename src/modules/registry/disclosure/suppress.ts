/**
 * Statistical disclosure control for tables of totals: primary suppression (too few contributors,
 * or one contributor dominating the cell) and secondary suppression, so that no hidden cell can be
 * recomputed from the published cells through the table's additive relations (row totals, column
 * totals, parent region = sum of its child regions). Pure.
 *
 * A relation says cells[total] = Σ cells[parts]. Secondary suppression first makes sure no relation
 * has exactly one hidden cell (the classic rule), then an audit by Gaussian elimination finds any
 * hidden cell still determined by the relations taken together, and hides more until none is.
 */

export interface CellStats {
  /** the published quantity (a total) */
  value: number;
  /** number of contributors (households) */
  contributors: number;
  /** largest single contributor's absolute contribution */
  maxContribution: number;
  /** Σ of contributors' absolute contributions (the dominance rule's denominator) */
  sumAbs: number;
  /** minimum contributors for this cell (depends on the level: e.g. 10 for villages) */
  minContributors: number;
  /** a cell that may never be published (e.g. households placed at no lower level) */
  alwaysHidden?: boolean;
}

export interface Relation {
  total: number;
  parts: number[];
}

export type SuppressionReason = 'count' | 'dominance' | 'secondary' | 'hidden';

export interface SuppressionRules {
  /** a cell whose largest contributor exceeds this share of the cell is suppressed (0.85) */
  dominance: number;
}

export const DEFAULT_RULES: SuppressionRules = { dominance: 0.85 };

export function primaryReason(c: CellStats, rules: SuppressionRules = DEFAULT_RULES): SuppressionReason | null {
  if (c.alwaysHidden) return 'hidden';
  if (c.contributors === 0) return null; // an empty cell discloses nothing (value 0)
  if (c.contributors < c.minContributors) return 'count';
  if (c.sumAbs > 0 && c.maxContribution > rules.dominance * c.sumAbs) return 'dominance';
  return null;
}

/**
 * Returns every suppressed cell with its reason. `cost` ranks candidates for secondary suppression
 * (the cheapest hidden first: by default the smallest number of contributors, then value).
 */
export function suppress(cells: CellStats[], relations: Relation[], rules: SuppressionRules = DEFAULT_RULES, cost?: (i: number) => number): Map<number, SuppressionReason> {
  const hidden = new Map<number, SuppressionReason>();
  cells.forEach((c, i) => {
    const r = primaryReason(c, rules);
    if (r) hidden.set(i, r);
  });
  const costOf = cost ?? ((i: number) => cells[i].contributors * 1e6 + Math.abs(cells[i].value) / 1e6);
  const byCell = new Map<number, number[]>();
  relations.forEach((rel, k) => {
    for (const i of [rel.total, ...rel.parts]) {
      const l = byCell.get(i);
      if (l) l.push(k);
      else byCell.set(i, [k]);
    }
  });
  const hideOneMore = (rel: Relation): boolean => {
    // Prefer a part (a sibling) over the total; among them the cheapest.
    const candidates = rel.parts.filter((i) => !hidden.has(i) && cells[i].contributors > 0);
    if (candidates.length === 0 && !hidden.has(rel.total)) candidates.push(rel.total);
    if (candidates.length === 0) {
      // Only empty cells left: an empty sibling is known to be 0, so hide the total instead.
      if (!hidden.has(rel.total)) {
        hidden.set(rel.total, 'secondary');
        return true;
      }
      return false;
    }
    // A candidate that also completes another relation with a single hidden cell closes two at
    // once (this is what turns a chain into the cheap 2×2 rectangle).
    const closes = (i: number) => (byCell.get(i) ?? []).filter((k) => relations[k] !== rel && hiddenIn(relations[k]) === 1).length;
    candidates.sort((a, b) => closes(b) - closes(a) || costOf(a) - costOf(b));
    hidden.set(candidates[0], 'secondary');
    return true;
  };
  const hiddenIn = (rel: Relation) => {
    let n = hidden.has(rel.total) ? 1 : 0;
    for (const p of rel.parts) if (hidden.has(p)) n++;
    return n;
  };
  for (let round = 0; round < 1000; round++) {
    let changed = false;
    // 1. No relation with exactly one hidden cell.
    for (let pass = 0; pass < 100; pass++) {
      let any = false;
      for (const rel of relations) {
        if (hiddenIn(rel) === 1 && hideOneMore(rel)) any = true;
      }
      if (!any) break;
      changed = true;
    }
    // 2. Nothing determined by the relations together.
    const determined = determinedCells(relations, new Set(hidden.keys()));
    if (determined.length === 0) break;
    for (const i of determined.slice(0, 1)) {
      const rels = (byCell.get(i) ?? []).map((k) => relations[k]);
      for (const rel of rels) if (hideOneMore(rel)) {
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return hidden;
}

/**
 * The hidden cells an attacker can compute exactly from the published ones: unknowns are the
 * hidden cells; each relation is a linear equation among them (published cells move to the
 * constant side). Cell i is determined iff the unit vector e_i lies in the row space of the
 * equations, i.e. in the reduced row echelon form its column is a pivot whose row has no other
 * non-zero entry.
 */
export function determinedCells(relations: Relation[], hidden: ReadonlySet<number>): number[] {
  const cols = [...hidden].sort((a, b) => a - b);
  const colOf = new Map(cols.map((c, j) => [c, j]));
  const rows: Map<number, number>[] = [];
  for (const rel of relations) {
    const row = new Map<number, number>();
    const add = (i: number, coef: number) => {
      const j = colOf.get(i);
      if (j === undefined) return;
      const v = (row.get(j) ?? 0) + coef;
      if (Math.abs(v) < 1e-12) row.delete(j);
      else row.set(j, v);
    };
    add(rel.total, 1);
    for (const p of rel.parts) add(p, -1);
    if (row.size > 0) rows.push(row);
  }
  // Sparse Gauss–Jordan elimination.
  const pivotRowOfCol = new Map<number, Map<number, number>>();
  for (const r of rows) {
    let row: Map<number, number> | null = new Map(r);
    for (const [col, prow] of pivotRowOfCol) {
      const f = row.get(col);
      if (f === undefined) continue;
      for (const [c, v] of prow) {
        const nv = (row.get(c) ?? 0) - f * v;
        if (Math.abs(nv) < 1e-9) row.delete(c);
        else row.set(c, nv);
      }
    }
    if (row.size === 0) continue;
    const pivot = Math.min(...row.keys());
    const pv = row.get(pivot)!;
    for (const [c, v] of row) row.set(c, v / pv);
    // Eliminate the new pivot from the existing pivot rows.
    for (const [, prow] of pivotRowOfCol) {
      const f = prow.get(pivot);
      if (f === undefined) continue;
      for (const [c, v] of row) {
        const nv = (prow.get(c) ?? 0) - f * v;
        if (Math.abs(nv) < 1e-9) prow.delete(c);
        else prow.set(c, nv);
      }
    }
    pivotRowOfCol.set(pivot, row);
    row = null;
  }
  const out: number[] = [];
  for (const [col, prow] of pivotRowOfCol) if (prow.size === 1) out.push(cols[col]);
  return out.sort((a, b) => a - b);
}
