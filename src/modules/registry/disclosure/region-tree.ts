/**
 * The region tree as arrays, for tables over hundreds of thousands of households: each region an
 * index, its parent's index, and an order in which every child comes before its parent, so that
 * per-region sums are added up the tree once per region instead of once per household. Pure.
 */
import type { RegionNode } from './region-tables.js';

export class RegionTree {
  readonly size: number;
  readonly index: Map<string, number>;
  /** parent's index, -1 for a root (or a parent missing from the tree) */
  readonly parent: Int32Array;
  /** children before parents */
  readonly bottomUp: Int32Array;
  readonly children: number[][];
  private lastCode = '';
  private lastIndex = -1;

  constructor(readonly regions: readonly RegionNode[]) {
    const n = regions.length;
    this.size = n;
    this.index = new Map(regions.map((r, i) => [r.code, i]));
    this.parent = new Int32Array(n).fill(-1);
    this.children = Array.from({ length: n }, () => []);
    regions.forEach((r, i) => {
      const p = r.parentCode === null ? undefined : this.index.get(r.parentCode);
      if (p !== undefined && p !== i) {
        this.parent[i] = p;
        this.children[p].push(i);
      }
    });
    const depth = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let p = this.parent[i]; p >= 0 && d <= n; p = this.parent[p]) d++;
      depth[i] = d;
    }
    this.bottomUp = Int32Array.from(regions.keys()).sort((a, b) => depth[b] - depth[a]);
  }

  /** Index of a region code, -1 if not in the tree (households come sorted by place, so the last answer is kept). */
  find(code: string): number {
    if (code === this.lastCode) return this.lastIndex;
    const i = this.index.get(code) ?? -1;
    this.lastCode = code;
    this.lastIndex = i;
    return i;
  }

  /** Whether `i` lies strictly below `ancestor`. */
  isUnder(i: number, ancestor: number): boolean {
    for (let p = this.parent[i]; p >= 0; p = this.parent[p]) if (p === ancestor) return true;
    return false;
  }

  /**
   * Adds rows of `width` values up the tree in place: afterwards each region's row holds its own
   * plus all its descendants'. Columns listed in `maxColumns` take the maximum instead of the sum.
   */
  rollUp(values: Float64Array, width: number, maxColumns: readonly number[] = []): void {
    const isMax = new Uint8Array(width);
    for (const c of maxColumns) isMax[c] = 1;
    for (const i of this.bottomUp) {
      const p = this.parent[i];
      if (p < 0) continue;
      const from = i * width;
      const to = p * width;
      for (let k = 0; k < width; k++) {
        values[to + k] = isMax[k] ? Math.max(values[to + k], values[from + k]) : values[to + k] + values[from + k];
      }
    }
  }
}
