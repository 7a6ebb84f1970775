/**
 * Results per key group, county and area, all groups in single passes: one pass over households
 * for means, winners/losers, poverty and budget; one pass over each scenario's income order that
 * hands every group its units already sorted, for the stats engine's Gini.
 */
import { gini } from '../../stats/index.js';
import type { Label } from '../engine/index.js';
import type { GroupResult, PolicyPopulation, WinnersLosers } from './types.js';

export interface GroupInputs {
  n: number;
  w: Float64Array;
  pw: Float64Array;
  y0: Float64Array;
  y1: Float64Array;
  wl: Uint8Array;
  netCost: Float64Array;
  order0: Uint32Array;
  order1: Uint32Array;
  povertyLine: number;
}

interface Def {
  key: string;
  label: Label;
}

/**
 * Groups: the key groups (a household counts with its members in the group), then the counties,
 * then urban and rural (a household counts with all its members).
 */
export function groupResults(pp: PolicyPopulation, g: GroupInputs, shares: (acc: Float64Array, total: number) => WinnersLosers): {
  keyGroups: GroupResult[];
  counties: GroupResult[];
  areas: GroupResult[];
} {
  const { n, w, pw } = g;
  const K = pp.groups.length;
  const C = pp.counties.length;
  const defs: Def[] = [
    ...pp.groups,
    ...pp.counties.map((c) => ({ key: c.code, label: { zh: c.name, en: c.name } })),
    { key: 'urban', label: { zh: '城镇', en: 'Urban' } },
    { key: 'rural', label: { zh: '农村', en: 'Rural' } },
  ];
  const G = defs.length;
  // members of each key group per household
  const count = new Uint8Array(n * K);
  const bits = new Uint8Array(n);
  for (let p = 0; p < pp.persons; p++) {
    const b = pp.personGroups[p];
    if (b === 0) continue;
    const h = pp.personHousehold[p];
    bits[h] |= b;
    for (let k = 0; k < K; k++) if (b & (1 << k)) count[h * K + k]++;
  }
  const urban = pp.inputs.urban;
  const county = pp.householdCounty;
  /** the groups of household h and the weight it counts with in each: `groupsOf(h)` entries of gk / gx */
  const gk = new Int32Array(K + 2);
  const gx = new Float64Array(K + 2);
  const groupsOf = (h: number): number => {
    let m = 0;
    const b = bits[h];
    if (b !== 0) {
      for (let k = 0; k < K; k++) {
        if (b & (1 << k)) {
          gk[m] = k;
          gx[m++] = w[h] * count[h * K + k];
        }
      }
    }
    gk[m] = K + county[h];
    gx[m++] = pw[h];
    gk[m] = K + C + (urban && urban[h] === 1 ? 0 : 1);
    gx[m++] = pw[h];
    return m;
  };

  const hh = new Float64Array(G);
  const np = new Float64Array(G);
  const a0 = new Float64Array(G);
  const a1 = new Float64Array(G);
  const poor0 = new Float64Array(G);
  const poor1 = new Float64Array(G);
  const budget = new Float64Array(G);
  const wl = new Float64Array(G * 5);
  const units = new Int32Array(G);
  for (let h = 0; h < n; h++) {
    const y0 = g.y0[h];
    const y1 = g.y1[h];
    const cost = (w[h] * g.netCost[h]) / pw[h];
    const cls = g.wl[h];
    const m = groupsOf(h);
    for (let j = 0; j < m; j++) {
      const k = gk[j];
      const x = gx[j];
      hh[k] += w[h];
      np[k] += x;
      a0[k] += x * y0;
      a1[k] += x * y1;
      if (y0 < g.povertyLine) poor0[k] += x;
      if (y1 < g.povertyLine) poor1[k] += x;
      wl[k * 5 + cls] += x;
      budget[k] += cost * x;
      units[k]++;
    }
  }

  const gini0 = groupGinis(g.order0, g.y0, units, groupsOf, gk, gx);
  const gini1 = groupGinis(g.order1, g.y1, units, groupsOf, gk, gx);
  const results = defs.map((d, k): GroupResult => {
    const m0 = np[k] > 0 ? a0[k] / np[k] : 0;
    const m1 = np[k] > 0 ? a1[k] / np[k] : 0;
    return {
      key: d.key,
      label: d.label,
      households: hh[k],
      persons: np[k],
      baseline: m0,
      reform: m1,
      change: m1 - m0,
      relativeChange: m0 !== 0 ? (m1 - m0) / Math.abs(m0) : 0,
      winnersLosers: shares(wl.subarray(k * 5, k * 5 + 5), np[k]),
      gini: { baseline: gini0[k], reform: gini1[k] },
      poverty: { baseline: np[k] > 0 ? poor0[k] / np[k] : null, reform: np[k] > 0 ? poor1[k] / np[k] : null },
      budgetEffect: budget[k],
    };
  });
  return { keyGroups: results.slice(0, K), counties: results.slice(K, K + C), areas: results.slice(K + C) };
}

/** Each group's units in income order (one pass over the order), then the stats engine's Gini. */
function groupGinis(order: Uint32Array, y: Float64Array, units: Int32Array, groupsOf: (h: number) => number, gk: Int32Array, gx: Float64Array): (number | null)[] {
  const G = units.length;
  const start = new Int32Array(G + 1);
  for (let k = 0; k < G; k++) start[k + 1] = start[k] + units[k];
  const ys = new Float64Array(start[G]);
  const ws = new Float64Array(start[G]);
  const at = start.slice(0, G);
  for (let i = 0; i < order.length; i++) {
    const h = order[i];
    const v = y[h];
    const m = groupsOf(h);
    for (let j = 0; j < m; j++) {
      const k = gk[j];
      if (gx[j] <= 0) continue;
      ys[at[k]] = v;
      ws[at[k]++] = gx[j];
    }
  }
  const out: (number | null)[] = [];
  for (let k = 0; k < G; k++) {
    const from = start[k];
    const to = at[k];
    if (to === from) {
      out.push(null);
      continue;
    }
    let N = 0;
    let T = 0;
    for (let i = from; i < to; i++) {
      N += ws[i];
      T += ws[i] * ys[i];
    }
    out.push(gini({ y: ys.subarray(from, to), w: ws.subarray(from, to), N, T, sorted: true }));
  }
  return out;
}
