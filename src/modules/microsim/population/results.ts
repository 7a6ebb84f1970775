/**
 * Distributional results of a reform against the baseline, from household-level columns: budget by
 * programme, deciles, winners and losers, inequality, poverty, middle-income share, the same per
 * key group, county and area, and example households. Statistics come from the stats engine.
 * Every person carries their household's per-capita disposable income and weight (PRODUCT.md).
 */
import { fgt, gini, middleIncomeShare, NBS_MIDDLE_INCOME, quantile, sortOrder, theil, type SortedSample } from '../../stats/index.js';
import type { Label } from '../engine/index.js';
import { groupResults } from './groups.js';
import type { DecileResult, ExampleHousehold, PovertyResult, PolicyPopulation, ProgrammeBudget, WinnersLosers } from './types.js';

/** Household columns of one scenario (元 per year). */
export interface ScenarioColumns {
  disposable: Float64Array;
  iit: Float64Array;
  socialInsurance: Float64Array;
  dibao: Float64Array;
  /** 低保 standard, 元 per person per year */
  dibaoStandard: Float64Array;
  /** persons of the household with a wage below the minimum in some month */
  belowMinimumWage: Float64Array;
}

export interface ResultOptions {
  decileUnit: 'household' | 'person';
  /** relative poverty lines as shares of the baseline median per-capita income */
  relativeLines: number[];
  examples: number;
}

export const PROGRAMMES: { key: keyof ScenarioColumns; programme: string; label: Label; kind: 'revenue' | 'spending' }[] = [
  { key: 'iit', programme: 'iit', label: { zh: '个人所得税', en: 'Individual income tax' }, kind: 'revenue' },
  { key: 'socialInsurance', programme: 'social_insurance', label: { zh: '社会保险和住房公积金（个人缴纳）', en: 'Employee social insurance and housing fund' }, kind: 'revenue' },
  { key: 'dibao', programme: 'dibao', label: { zh: '最低生活保障', en: '低保' }, kind: 'spending' },
];

const NO_CHANGE = 0.001;
const BIG = 0.05;

/** Per-household derived arrays shared by all measures. */
interface Prepared {
  n: number;
  w: Float64Array;
  size: Float64Array;
  /** person weight w × size */
  pw: Float64Array;
  y0: Float64Array;
  y1: Float64Array;
  /** 0 loseMore5, 1 loseLess5, 2 noChange, 3 gainLess5, 4 gainMore5 */
  wl: Uint8Array;
  decile: Uint8Array;
  netCost: Float64Array;
  /** households in baseline per-capita income order */
  order: Uint32Array;
}

function prepare(pp: PolicyPopulation, b: ScenarioColumns, r: ScenarioColumns, decileUnit: 'household' | 'person'): Prepared {
  const n = pp.households;
  const w = pp.householdWeight;
  const size = new Float64Array(n);
  for (let p = 0; p < pp.persons; p++) size[pp.personHousehold[p]]++;
  const pw = new Float64Array(n);
  const y0 = new Float64Array(n);
  const y1 = new Float64Array(n);
  const wl = new Uint8Array(n);
  const netCost = new Float64Array(n);
  for (let h = 0; h < n; h++) {
    pw[h] = w[h] * size[h];
    y0[h] = b.disposable[h] / size[h];
    y1[h] = r.disposable[h] / size[h];
    const d = r.disposable[h] - b.disposable[h];
    const rel = d / Math.max(Math.abs(b.disposable[h]), 1);
    wl[h] = rel > BIG ? 4 : rel > NO_CHANGE ? 3 : rel >= -NO_CHANGE ? 2 : rel >= -BIG ? 1 : 0;
    netCost[h] = r.dibao[h] - b.dibao[h] - (r.iit[h] - b.iit[h]) - (r.socialInsurance[h] - b.socialInsurance[h]);
  }
  const order = sortOrder(y0);
  const unitW = decileUnit === 'person' ? pw : w;
  let total = 0;
  for (let h = 0; h < n; h++) total += unitW[h];
  const decile = new Uint8Array(n);
  let cum = 0;
  for (const h of order) {
    decile[h] = Math.min(9, Math.floor((cum / total) * 10 + 1e-12));
    cum += unitW[h];
  }
  return { n, w, size, pw, y0, y1, wl, decile, netCost, order };
}

function shares(acc: Float64Array, total: number): WinnersLosers {
  const s = (i: number) => (total > 0 ? acc[i] / total : 0);
  return { gainMore5: s(4), gainLess5: s(3), noChange: s(2), loseLess5: s(1), loseMore5: s(0) };
}

/**
 * Weighted samples in income order without re-sorting: a group's units, taken in the order of the
 * whole population (sorted once), are already sorted. Buffers are reused.
 */
class Ordered {
  private y: Float64Array;
  private w: Float64Array;
  constructor(
    readonly order: Uint32Array,
    private readonly values: Float64Array,
  ) {
    this.y = new Float64Array(order.length);
    this.w = new Float64Array(order.length);
  }
  /** The units with positive weight, sorted by value (null when none). */
  sample(weight: Float64Array): SortedSample | null {
    let k = 0;
    let N = 0;
    let T = 0;
    for (let i = 0; i < this.order.length; i++) {
      const h = this.order[i];
      const x = weight[h];
      if (x > 0) {
        const v = this.values[h];
        this.y[k] = v;
        this.w[k++] = x;
        N += x;
        T += x * v;
      }
    }
    return k === 0 ? null : { y: this.y.subarray(0, k), w: this.w.subarray(0, k), N, T, sorted: true };
  }
  gini(weight: Float64Array): number {
    const s = this.sample(weight);
    return s ? gini(s) : NaN;
  }
}

/** Theil T over the units with positive income (undefined for zero or negative incomes). */
function theilPositive(y: Float64Array, w: Float64Array): number {
  let k = 0;
  for (let h = 0; h < y.length; h++) if (y[h] > 0 && w[h] > 0) k++;
  const ys = new Float64Array(k);
  const ws = new Float64Array(k);
  k = 0;
  for (let h = 0; h < y.length; h++) {
    if (y[h] > 0 && w[h] > 0) {
      ys[k] = y[h];
      ws[k++] = w[h];
    }
  }
  return theil({ y: ys, w: ws });
}

export function computeResults(pp: PolicyPopulation, b: ScenarioColumns, r: ScenarioColumns, o: ResultOptions) {
  const P = prepare(pp, b, r, o.decileUnit);
  const { n, w, pw, y0, y1, size } = P;
  const by0 = new Ordered(P.order, y0);
  const by1 = new Ordered(sortOrder(y1), y1);
  let persons = 0;
  let base = 0;
  let totalGain = 0;
  for (let h = 0; h < n; h++) {
    persons += pw[h];
    base += w[h] * b.disposable[h];
    totalGain += w[h] * (r.disposable[h] - b.disposable[h]);
  }

  const programmes: ProgrammeBudget[] = PROGRAMMES.map((x) => {
    let b0 = 0;
    let b1 = 0;
    const c0 = b[x.key];
    const c1 = r[x.key];
    for (let h = 0; h < n; h++) {
      b0 += w[h] * c0[h];
      b1 += w[h] * c1[h];
    }
    return { programme: x.programme, label: x.label, kind: x.kind, baseline: b0, reform: b1, change: b1 - b0, netCost: x.kind === 'spending' ? b1 - b0 : b0 - b1 };
  });

  // deciles in one pass
  const D = { hh: new Float64Array(10), pp: new Float64Array(10), y0: new Float64Array(10), y1: new Float64Array(10), gain: new Float64Array(10) };
  const dwl = Array.from({ length: 10 }, () => new Float64Array(5));
  const wlAll = new Float64Array(5);
  for (let h = 0; h < n; h++) {
    const d = P.decile[h];
    D.hh[d] += w[h];
    D.pp[d] += pw[h];
    D.y0[d] += pw[h] * y0[h];
    D.y1[d] += pw[h] * y1[h];
    D.gain[d] += w[h] * (r.disposable[h] - b.disposable[h]);
    dwl[d][P.wl[h]] += pw[h];
    wlAll[P.wl[h]] += pw[h];
  }
  const deciles: DecileResult[] = Array.from({ length: 10 }, (_, d) => {
    const m0 = D.pp[d] > 0 ? D.y0[d] / D.pp[d] : 0;
    const m1 = D.pp[d] > 0 ? D.y1[d] / D.pp[d] : 0;
    return {
      decile: d + 1,
      households: D.hh[d],
      persons: D.pp[d],
      baseline: m0,
      reform: m1,
      change: m1 - m0,
      relativeChange: m0 !== 0 ? (m1 - m0) / Math.abs(m0) : 0,
      shareOfGains: totalGain !== 0 ? D.gain[d] / totalGain : 0,
      winnersLosers: shares(dwl[d], D.pp[d]),
    };
  });

  const median = quantile(by0.sample(pw)!, 0.5);
  const poverty: PovertyResult[] = [];
  // the 低保 standard: each household against its own (urban or rural) standard
  const ratio = (y: Float64Array) => {
    const out = new Float64Array(n);
    for (let h = 0; h < n; h++) out[h] = b.dibaoStandard[h] > 0 ? y[h] / b.dibaoStandard[h] : Infinity;
    return out;
  };
  const r0 = { y: ratio(y0), w: pw };
  const r1 = { y: ratio(y1), w: pw };
  let stdMean = 0;
  for (let h = 0; h < n; h++) stdMean += pw[h] * b.dibaoStandard[h];
  poverty.push({
    key: 'dibao_standard',
    label: { zh: '低保标准线（基线）', en: 'Baseline 低保 standard' },
    line: stdMean / persons,
    baseline: { headcount: fgt(r0, 1, 0), gap: fgt(r0, 1, 1) },
    reform: { headcount: fgt(r1, 1, 0), gap: fgt(r1, 1, 1) },
  });
  // (no relative lines when the median is not positive, e.g. a registry holding wages only: most households at zero)
  for (const share of median > 0 ? o.relativeLines : []) {
    const line = share * median;
    const pct = Math.round(share * 100);
    poverty.push({
      key: `relative_median_${pct}`,
      label: { zh: `相对贫困线（基线中位数的${pct}%）`, en: `${pct}% of the baseline median` },
      line,
      baseline: { headcount: fgt({ y: y0, w: pw }, line, 0), gap: fgt({ y: y0, w: pw }, line, 1) },
      reform: { headcount: fgt({ y: y1, w: pw }, line, 0), gap: fgt({ y: y1, w: pw }, line, 1) },
    });
  }
  const mainLine = poverty[poverty.length - 1].line;

  const { keyGroups, counties, areas } = groupResults(
    pp,
    { n, w, pw, y0, y1, wl: P.wl, netCost: P.netCost, order0: P.order, order1: by1.order, povertyLine: mainLine },
    shares,
  );

  const middle = (y: Float64Array) => {
    const income = new Float64Array(n);
    for (let h = 0; h < n; h++) income[h] = y[h] * size[h];
    return middleIncomeShare({ income, size, weight: w }).share;
  };
  const belowMin = (c: ScenarioColumns) => {
    let s = 0;
    for (let h = 0; h < n; h++) s += w[h] * c.belowMinimumWage[h];
    return s;
  };

  return {
    budget: { netCost: programmes.reduce((s, x) => s + x.netCost, 0), programmes },
    income: { baselineMean: base / persons, reformMean: (base + totalGain) / persons, change: totalGain / persons, relativeChange: totalGain / base },
    deciles,
    winnersLosers: shares(wlAll, persons),
    inequality: {
      gini: { baseline: by0.gini(pw), reform: by1.gini(pw) },
      theil: { baseline: theilPositive(y0, pw), reform: theilPositive(y1, pw) },
    },
    poverty,
    middleIncome: {
      baseline: middle(y0),
      reform: middle(y1),
      band: { lower: NBS_MIDDLE_INCOME.lower, upper: NBS_MIDDLE_INCOME.upper, referenceSize: NBS_MIDDLE_INCOME.referenceSize, priceYear: NBS_MIDDLE_INCOME.priceYear },
    },
    minimumWage: { baseline: belowMin(b), reform: belowMin(r) },
    keyGroups,
    counties,
    areas,
    examples: examples(pp, P, b, r, o.examples),
  };
}

/** The biggest gainer and loser, and in each quintile the household with the median change. */
function examples(pp: PolicyPopulation, P: Prepared, b: ScenarioColumns, r: ScenarioColumns, count: number): ExampleHousehold[] {
  if (count <= 0 || P.n === 0) return [];
  const picks: { h: number; why: string }[] = [];
  const change = (h: number) => r.disposable[h] - b.disposable[h];
  let best = 0;
  let worst = 0;
  for (let h = 1; h < P.n; h++) {
    if (change(h) > change(best)) best = h;
    if (change(h) < change(worst)) worst = h;
  }
  if (change(best) > 0) picks.push({ h: best, why: '增收最多的家庭' });
  if (change(worst) < 0) picks.push({ h: worst, why: '减收最多的家庭' });
  for (let q = 0; q < 5; q++) {
    const members: number[] = [];
    for (let h = 0; h < P.n; h++) if (Math.floor(P.decile[h] / 2) === q && change(h) !== 0) members.push(h);
    if (members.length === 0) continue;
    members.sort((a, c) => change(a) - change(c) || a - c);
    picks.push({ h: members[members.length >> 1], why: `第${q + 1}个五等份组中收入有变化家庭的中位数` });
  }
  const seen = new Set<number>();
  const out: ExampleHousehold[] = [];
  for (const { h, why } of picks) {
    if (seen.has(h) || out.length >= count) continue;
    seen.add(h);
    const part = (c: ScenarioColumns) => ({ disposable: c.disposable[h], iit: c.iit[h], socialInsurance: c.socialInsurance[h], dibao: c.dibao[h] });
    out.push({
      household: h,
      id: pp.householdIds?.[h] ?? String(h),
      why,
      county: pp.counties[pp.householdCounty[h]]?.name ?? '',
      urban: pp.inputs.urban ? pp.inputs.urban[h] === 1 : false,
      members: P.size[h],
      decile: P.decile[h] + 1,
      baseline: part(b),
      reform: part(r),
      change: change(h),
      relativeChange: change(h) / Math.max(Math.abs(b.disposable[h]), 1),
    });
  }
  return out;
}
