import { describe, expect, it } from 'vitest';
import { determinedCells, primaryReason, suppress, type CellStats, type Relation } from './suppress.js';

const cell = (value: number, contributors: number, maxContribution = value / Math.max(1, contributors), minContributors = 3): CellStats => ({
  value, contributors, maxContribution, sumAbs: Math.abs(value), minContributors,
});

/**
 * An R×C table with row totals, column totals and a grand total: cell (r, c) has index r·(C+1)+c,
 * the row total is column C, the column totals are row R.
 */
function grid(values: number[][], contributors: number[][]) {
  const R = values.length;
  const C = values[0].length;
  const idx = (r: number, c: number) => r * (C + 1) + c;
  const cells: CellStats[] = [];
  for (let r = 0; r <= R; r++) {
    for (let c = 0; c <= C; c++) {
      const rows = r === R ? [...Array(R).keys()] : [r];
      const cols = c === C ? [...Array(C).keys()] : [c];
      let v = 0;
      let n = 0;
      let max = 0;
      for (const i of rows) for (const j of cols) {
        v += values[i][j];
        n += contributors[i][j];
        max = Math.max(max, values[i][j] / Math.max(1, contributors[i][j]));
      }
      cells.push(cell(v, n, max));
    }
  }
  const relations: Relation[] = [];
  for (let r = 0; r <= R; r++) relations.push({ total: idx(r, C), parts: [...Array(C).keys()].map((c) => idx(r, c)) });
  for (let c = 0; c <= C; c++) relations.push({ total: idx(R, c), parts: [...Array(R).keys()].map((r) => idx(r, c)) });
  return { cells, relations, idx };
}

/** Published values and the relations: what an attacker can solve for, by plain subtraction. */
function recomputableBySubtraction(cells: CellStats[], relations: Relation[], hidden: ReadonlySet<number>): number[] {
  const out = new Set<number>();
  for (const rel of relations) {
    const members = [rel.total, ...rel.parts];
    const h = members.filter((i) => hidden.has(i));
    if (h.length === 1) out.add(h[0]);
  }
  return [...out];
}

describe('primary suppression', () => {
  it('hides cells with too few contributors, or one contributor above 85 %', () => {
    expect(primaryReason(cell(1000, 2))).toBe('count');
    expect(primaryReason(cell(1000, 9, 500, 10))).toBe('count'); // village threshold 10
    expect(primaryReason({ value: 1000, contributors: 5, maxContribution: 860, sumAbs: 1000, minContributors: 3 })).toBe('dominance');
    expect(primaryReason({ value: 1000, contributors: 5, maxContribution: 850, sumAbs: 1000, minContributors: 3 })).toBeNull();
    expect(primaryReason(cell(0, 0))).toBeNull();
  });
});

describe('secondary suppression', () => {
  it('finds a hidden cell that the relations determine together although each has two hidden cells', () => {
    // 4×4 with margins; hidden: a 4-cycle in rows 1–2 × cols 1–2, another in rows 3–4 × cols 3–4,
    // and the cell (2,3) bridging them. Rows 1–2 minus columns 1–2 leaves only (2,3) unknown.
    const { relations, idx } = grid([[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]], [[5, 5, 5, 5], [5, 5, 5, 5], [5, 5, 5, 5], [5, 5, 5, 5]]);
    const hidden = new Set([idx(0, 0), idx(0, 1), idx(1, 0), idx(1, 1), idx(2, 2), idx(2, 3), idx(3, 2), idx(3, 3), idx(1, 2)]);
    expect(recomputableBySubtraction([], relations, hidden)).toEqual([]);
    expect(determinedCells(relations, hidden)).toEqual([idx(1, 2)]);
    // Without the bridge each hidden cell lies on a cycle: nothing determined.
    hidden.delete(idx(1, 2));
    expect(determinedCells(relations, hidden)).toEqual([]);
  });

  it('protects a primary cell so that neither subtraction nor any combination of the totals recovers it', () => {
    const values = [[120, 340, 560], [80, 7, 300], [210, 190, 410]];
    const contributors = [[10, 12, 15], [9, 2, 11], [14, 10, 13]];
    const { cells, relations, idx } = grid(values, contributors);
    const hidden = suppress(cells, relations);
    expect(hidden.get(idx(1, 1))).toBe('count');
    const set = new Set(hidden.keys());
    expect(recomputableBySubtraction(cells, relations, set)).toEqual([]);
    expect(determinedCells(relations, set)).toEqual([]);
    // Smallest sacrifice: the cheapest pattern around one interior cell is a 2×2 rectangle.
    expect([...hidden.values()].filter((r) => r === 'secondary')).toHaveLength(3);
  });

  it('keeps a hidden child region from being recomputed from its parent and siblings, at every level', () => {
    // city = Σ counties; county A = Σ townships a1..a3; one township has 2 households.
    const cells: CellStats[] = [
      cell(1000, 60), // 0 city
      cell(600, 30), // 1 county A
      cell(400, 30), // 2 county B
      cell(300, 15), // 3 a1
      cell(200, 13), // 4 a2
      cell(100, 2), // 5 a3 (primary)
    ];
    const relations: Relation[] = [
      { total: 0, parts: [1, 2] },
      { total: 1, parts: [3, 4, 5] },
    ];
    const hidden = suppress(cells, relations);
    expect(hidden.get(5)).toBe('count');
    expect(hidden.get(4)).toBe('secondary'); // the sibling with fewer households, not the county total
    expect(hidden.has(1)).toBe(false);
    expect(determinedCells(relations, new Set(hidden.keys()))).toEqual([]);
  });
});
