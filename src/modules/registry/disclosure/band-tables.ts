/**
 * Income distribution by region: persons by band of household per-capita disposable income,
 * suppressed like the income tables (a band with fewer households than the level's minimum is
 * hidden, and enough other cells so that no hidden count follows from the region's total, the
 * other bands, or the parent and sibling regions). Pure.
 */
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
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const children = new Map<string, string[]>();
  for (const r of regions) if (r.parentCode && byCode.has(r.parentCode)) (children.get(r.parentCode) ?? children.set(r.parentCode, []).get(r.parentCode)!).push(r.code);
  // per region: persons and households per band, and totals
  const persons = new Map<string, Float64Array>();
  const hh = new Map<string, Float64Array>();
  const directHh = new Map<string, Float64Array>();
  const directPersons = new Map<string, Float64Array>();
  const vec = (m: Map<string, Float64Array>, code: string) => m.get(code) ?? m.set(code, new Float64Array(K + 1)).get(code)!;
  for (const h of households) {
    if (!byCode.has(h.regionCode) || h.members <= 0) continue;
    const disp = h.components.reduce((a, b) => a + b, 0) / 100 / h.members;
    const b = bandOf(disp, bands);
    vec(directHh, h.regionCode)[b]++;
    vec(directPersons, h.regionCode)[b] += h.members;
    for (let c: string | null = h.regionCode; c && byCode.has(c); c = byCode.get(c)!.parentCode) {
      const p = vec(persons, c);
      const n = vec(hh, c);
      p[b] += h.members;
      p[K] += h.members;
      n[b]++;
      n[K]++;
    }
  }
  const cells: CellStats[] = [];
  const cellOf = new Map<string, number>();
  const add = (key: string, value: number, households: number, lvl: string, alwaysHidden = false) => {
    cellOf.set(key, cells.length);
    // Counts: the rule is the number of households; dominance does not apply.
    cells.push({ value, contributors: households, maxContribution: 0, sumAbs: 0, minContributors: rules.minHouseholds[lvl] ?? 3, alwaysHidden });
  };
  const relations: Relation[] = [];
  for (const r of regions) {
    const p = persons.get(r.code);
    const n = hh.get(r.code);
    for (let k = 0; k <= K; k++) add(`${r.code}:${k}`, p?.[k] ?? 0, n?.[k] ?? 0, r.level);
    relations.push({ total: cellOf.get(`${r.code}:${K}`)!, parts: Array.from({ length: K }, (_, k) => cellOf.get(`${r.code}:${k}`)!) });
  }
  for (const r of regions) {
    const kids = children.get(r.code) ?? [];
    if (!kids.length) continue;
    const dn = directHh.get(r.code);
    const dp = directPersons.get(r.code);
    for (let k = 0; k <= K; k++) {
      const parts = kids.map((c) => cellOf.get(`${c}:${k}`)!);
      const dHouseholds = dn ? (k === K ? dn.reduce((a, b) => a + b, 0) : dn[k]) : 0;
      if (dHouseholds > 0) {
        add(`${r.code}:direct:${k}`, dp ? (k === K ? dp.reduce((a, b) => a + b, 0) : dp[k]) : 0, dHouseholds, r.level, true);
        parts.push(cellOf.get(`${r.code}:direct:${k}`)!);
      }
      relations.push({ total: cellOf.get(`${r.code}:${k}`)!, parts });
    }
  }
  const hidden = suppress(cells, relations, rules);
  const wanted = regions.filter((r) => r.level === level && isUnder(r.code, parent, byCode)).map((r) => r.code).sort();
  const rows: BandRow[] = [];
  for (const code of [parent, ...wanted]) {
    const r = byCode.get(code);
    if (!r) continue;
    const p = persons.get(code) ?? new Float64Array(K + 1);
    const n = hh.get(code) ?? new Float64Array(K + 1);
    const why = Array.from({ length: K }, (_, k) => hidden.get(cellOf.get(`${code}:${k}`)!) ?? null);
    rows.push({ code, name: r.name, level: r.level, isParent: code === parent, households: n[K], persons: p[K], counts: Array.from({ length: K }, (_, k) => (why[k] ? null : p[k])), hidden: why });
  }
  let primary = 0;
  let secondary = 0;
  for (const r of rows) for (const reason of r.hidden) if (reason) reason === 'secondary' ? secondary++ : primary++;
  return { bands: bands.map((from, i) => ({ from, to: bands[i + 1] ?? null })), rows, suppressed: { primary, secondary } };
}

function isUnder(code: string, ancestor: string, byCode: Map<string, RegionNode>): boolean {
  for (let c: string | null = byCode.get(code)?.parentCode ?? null; c; c = byCode.get(c)?.parentCode ?? null) if (c === ancestor) return true;
  return false;
}
