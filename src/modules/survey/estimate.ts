/**
 * Published estimates of the household survey from household totals for one period. Every number
 * comes from the statistics engine (src/modules/stats), as R's survey package computes it:
 *
 *   design       svydesign(ids = ~psu, strata = ~stratum, weights = ~w, nest = TRUE), lonely PSUs 'adjust'
 *   calibration  calibrate(design, ~ m:stratum − 1, population = persons by stratum) (linear GREG), when
 *                the analyst has entered population totals for the year
 *   per-capita   svyratio(~Y, ~m) for disposable income, each component and consumption, by domain
 *   median       svyquantile(~Y/m, 0.5) on the same design with person weights w·m (qrule "math")
 *   五等份       households ranked by per-capita income into five groups of equal weight (groupOfSorted;
 *                household or person weight by setting), then svyratio(~Y, ~m) in each group
 *   growth       R_t / R_{t−1} − 1 from the two periods' published levels; its SE from the stratified
 *                jackknife (JKn) over the households of both periods (panel covariance included);
 *                real growth divides by the analyst's CPI (same period last year = 100)
 * Pure: arrays in, table out.
 */
import {
  calibrate,
  DesignError,
  groupOfSorted,
  jkn,
  qnorm,
  replicateEstimate,
  sortOrder,
  surveyDesign,
  svyQuantile,
  svyRatio,
  type Estimate,
  type SurveyDesign,
} from '../stats/index.js';
import type { DomainRow, EstimateCell, SurveySettings } from '../../shared/api/survey.js';

export const VALUE_KEYS = ['wage', 'business', 'property', 'transfer', 'consumption'] as const;
export type ValueKey = (typeof VALUE_KEYS)[number];

/** Households with complete, approved data for the period (amounts in 元 for the whole period). */
export interface PeriodUnits {
  id: number[];
  weight: Float64Array;
  stratum: string[];
  /** PSU label, unique within its stratum. */
  psu: string[];
  /** Resident members in the period. */
  members: Float64Array;
  values: Record<ValueKey, Float64Array>;
  /** Domain keys each household belongs to (e.g. all, urban, 211002). */
  domains: string[][];
}

export interface DomainDef {
  key: string;
  label: string;
}

export interface EstimateOptions {
  settings: Pick<SurveySettings, 'minHouseholds' | 'maxCv' | 'action' | 'quintileUnit' | 'level'>;
  domains: DomainDef[];
  quintileDomains: string[];
  /** Persons by stratum for calibration; null: design weights only. */
  totals: Map<string, number> | null;
  /** CPI of the period, same period of the previous year = 100. */
  cpi: number | null;
}

export interface QuintileRow {
  domain: string;
  label: string;
  groups: EstimateCell[];
}

export interface TableResult {
  rows: DomainRow[];
  quintiles: QuintileRow[];
  calibrated: boolean;
  design: SurveyDesign | null;
}

export function disposableOf(u: PeriodUnits): Float64Array {
  const { wage, business, property, transfer } = u.values;
  return Float64Array.from(wage, (w, i) => w + business[i] + property[i] + transfer[i]);
}

function maskOf(u: PeriodUnits, key: string): Uint8Array {
  return Uint8Array.from(u.domains, (ds) => (ds.includes(key) ? 1 : 0));
}

/** The analysis design, calibrated to persons by stratum when totals are given. */
export function buildDesign(u: PeriodUnits, totals: Map<string, number> | null): { design: SurveyDesign; calibrated: boolean } {
  const base = surveyDesign({
    weights: u.weight,
    strata: u.stratum,
    psu: u.psu.map((p, i) => `${u.stratum[i]}|${p}`),
    lonelyPsu: 'adjust',
  });
  if (!totals) return { design: base, calibrated: false };
  const present = [...new Set(u.stratum)].filter((s) => totals.has(s)).sort();
  if (present.length === 0) return { design: base, calibrated: false };
  const columns = present.map((s) => Float64Array.from(u.members, (m, i) => (u.stratum[i] === s ? m : 0)));
  try {
    return { design: calibrate(base, columns, present.map((s) => totals.get(s)!)), calibrated: true };
  } catch (e) {
    if (e instanceof DesignError) return { design: base, calibrated: false };
    throw e;
  }
}

export function cellOf(e: Estimate | null, households: number, s: EstimateOptions['settings'], opts: { skipCv?: boolean } = {}): EstimateCell {
  if (!e || households === 0 || !Number.isFinite(e.estimate)) {
    return { estimate: null, se: null, cv: null, ci: [null, null], n: households, flags: households < s.minHouseholds ? ['few', 'suppressed'] : ['suppressed'] };
  }
  const flags: EstimateCell['flags'] = [];
  if (households < s.minHouseholds) flags.push('few');
  const cv = opts.skipCv || !Number.isFinite(e.cv) ? null : Math.abs(e.cv);
  if (cv !== null && cv > s.maxCv) flags.push('cv');
  // fewer than three contributors is never published (disclosure control), whatever the setting
  if (households < 3 || (s.action === 'suppress' && flags.length > 0)) {
    return { estimate: null, se: null, cv: null, ci: [null, null], n: households, flags: [...flags, 'suppressed'] };
  }
  const fin = (x: number) => (Number.isFinite(x) ? x : null);
  return { estimate: e.estimate, se: fin(e.se), cv, ci: [fin(e.ci[0]), fin(e.ci[1])], n: households, flags };
}

function count(mask: Uint8Array): number {
  let k = 0;
  for (let i = 0; i < mask.length; i++) k += mask[i];
  return k;
}

/** Person-weighted design (w·m) for the distribution of per-capita income; same strata and PSUs. */
function personDesign(d: SurveyDesign, u: PeriodUnits): SurveyDesign {
  return surveyDesign({ weights: Float64Array.from(d.weights, (w, i) => w * u.members[i]), strata: u.stratum, psu: u.psu.map((p, i) => `${u.stratum[i]}|${p}`), lonelyPsu: 'adjust' });
}

/** The domain table and the 五等份 table of one period (growth columns left null: see growthColumns). */
export function estimateTables(u: PeriodUnits, o: EstimateOptions): TableResult {
  const n = u.id.length;
  const s = o.settings;
  const ratioOpts = { level: s.level };
  if (n < 2 || new Set(u.psu.map((p, i) => `${u.stratum[i]}|${p}`)).size < 2) {
    const empty = (h: number) => cellOf(null, h, s);
    return {
      rows: o.domains.map((dm) => {
        const h = count(maskOf(u, dm.key));
        return { domain: dm.key, label: dm.label, households: h, persons: 0, disposable: empty(h), wage: empty(h), business: empty(h), property: empty(h), transfer: empty(h), consumption: empty(h), median: empty(h), growthNominal: null, growthReal: null };
      }),
      quintiles: [],
      calibrated: false,
      design: null,
    };
  }
  const { design, calibrated } = buildDesign(u, o.totals);
  const Y = disposableOf(u);
  const perCapita = Float64Array.from(Y, (y, i) => y / u.members[i]);
  const pd = personDesign(design, u);
  const rows: DomainRow[] = o.domains.map((dm) => {
    const mask = maskOf(u, dm.key);
    const h = count(mask);
    let persons = 0;
    for (let i = 0; i < n; i++) if (mask[i]) persons += u.members[i];
    const ratio = (num: Float64Array) => (h > 0 ? cellOf(svyRatio(design, num, u.members, { ...ratioOpts, domain: mask }), h, s) : cellOf(null, 0, s));
    let median: EstimateCell = cellOf(null, h, s);
    if (h > 0) {
      const q = svyQuantile(pd, perCapita, [0.5], { domain: mask, alpha: 1 - s.level })[0];
      median = cellOf({ domain: dm.key, estimate: q.estimate, se: q.se, variance: q.se * q.se, cv: q.se / q.estimate, ci: q.ci, n: h }, h, s);
    }
    return {
      domain: dm.key,
      label: dm.label,
      households: h,
      persons,
      disposable: ratio(Y),
      wage: ratio(u.values.wage),
      business: ratio(u.values.business),
      property: ratio(u.values.property),
      transfer: ratio(u.values.transfer),
      consumption: ratio(u.values.consumption),
      median,
      growthNominal: null,
      growthReal: null,
    };
  });
  const quintiles = o.quintileDomains
    .map((key) => o.domains.find((d) => d.key === key))
    .filter((d): d is DomainDef => !!d)
    .map((dm) => ({ domain: dm.key, label: dm.label, groups: quintileCells(design, u, Y, perCapita, maskOf(u, dm.key), o) }));
  return { rows, quintiles, calibrated, design };
}

/** Five groups of equal weight by per-capita income within the domain; group means as ratios. */
function quintileCells(d: SurveyDesign, u: PeriodUnits, Y: Float64Array, perCapita: Float64Array, mask: Uint8Array, o: EstimateOptions): EstimateCell[] {
  const s = o.settings;
  const rows: number[] = [];
  for (let i = 0; i < d.n; i++) if (mask[i] && d.weights[i] > 0) rows.push(i);
  if (rows.length < 5) return Array.from({ length: 5 }, () => cellOf(null, 0, s));
  const y = Float64Array.from(rows, (i) => perCapita[i]);
  const order = sortOrder(y);
  const ys = Float64Array.from(order, (k) => y[k]);
  const ws = Float64Array.from(order, (k) => d.weights[rows[k]] * (s.quintileUnit === 'person' ? u.members[rows[k]] : 1));
  let N = 0;
  let T = 0;
  for (let k = 0; k < ws.length; k++) {
    N += ws[k];
    T += ws[k] * ys[k];
  }
  const groups = groupOfSorted({ y: ys, w: ws, N, T, sorted: true }, 5);
  const groupOf = new Uint8Array(d.n);
  order.forEach((k, j) => (groupOf[rows[k]] = groups[j]));
  return [1, 2, 3, 4, 5].map((g) => {
    const dom = Uint8Array.from(groupOf, (x) => (x === g ? 1 : 0));
    const h = count(dom);
    return h > 0 ? cellOf(svyRatio(d, Y, u.members, { domain: dom, level: s.level }), h, s) : cellOf(null, 0, s);
  });
}

/**
 * Nominal and real growth of per-capita disposable income against the same period a year earlier,
 * filled into `rows` (both tables must have been computed with the same domains).
 */
export function growthColumns(rows: DomainRow[], previousRows: DomainRow[], cur: PeriodUnits, prev: PeriodUnits, o: EstimateOptions): void {
  const union = unionDesign(cur, prev);
  const rd = union ? jkn(union.design) : null;
  const q = qnorm(1 - (1 - o.settings.level) / 2); // as the engine's finish() (normal, R's confint default)
  for (const row of rows) {
    const before = previousRows.find((r) => r.domain === row.domain);
    const r1 = row.disposable.estimate;
    const r0 = before?.disposable.estimate ?? null;
    if (r1 === null || r0 === null || r0 === 0 || !rd || !union) continue;
    const g = r1 / r0 - 1;
    const dom = Uint8Array.from(union.domains, (ds) => (ds.includes(row.domain) ? 1 : 0));
    const { y1, m1, y0, m0 } = union;
    const rep = replicateEstimate(rd, (w) => {
      let a = 0, b = 0, c = 0, e = 0;
      for (let i = 0; i < w.length; i++) {
        a += w[i] * y1[i];
        b += w[i] * m1[i];
        c += w[i] * y0[i];
        e += w[i] * m0[i];
      }
      return a / b / (c / e) - 1;
    }, { domain: dom });
    const se = Number.isFinite(rep.se) ? rep.se : null;
    const n = Math.min(row.households, before!.households);
    const cell = (est: number, sd: number | null): EstimateCell =>
      cellOf({ domain: row.domain, estimate: est, se: sd ?? NaN, variance: NaN, cv: NaN, ci: sd === null ? [NaN, NaN] : [est - q * sd, est + q * sd], n }, n, o.settings, { skipCv: true });
    row.growthNominal = cell(g, se);
    if (o.cpi) {
      const f = o.cpi / 100;
      row.growthReal = cell((1 + g) / f - 1, se === null ? null : se / f);
    }
  }
}

function unionDesign(cur: PeriodUnits, prev: PeriodUnits) {
  const at = new Map<number, number>();
  const ids: number[] = [];
  const add = (u: PeriodUnits, i: number) => {
    if (!at.has(u.id[i])) {
      at.set(u.id[i], ids.length);
      ids.push(u.id[i]);
    }
  };
  for (let i = 0; i < cur.id.length; i++) add(cur, i);
  for (let i = 0; i < prev.id.length; i++) add(prev, i);
  const n = ids.length;
  const weight = new Float64Array(n);
  const stratum = new Array<string>(n);
  const psu = new Array<string>(n);
  const domains = new Array<string[]>(n);
  const y1 = new Float64Array(n), m1 = new Float64Array(n), y0 = new Float64Array(n), m0 = new Float64Array(n);
  const fill = (u: PeriodUnits, y: Float64Array, m: Float64Array) => {
    const Y = disposableOf(u);
    for (let i = 0; i < u.id.length; i++) {
      const k = at.get(u.id[i])!;
      weight[k] = u.weight[i];
      stratum[k] = u.stratum[i];
      psu[k] = `${u.stratum[i]}|${u.psu[i]}`;
      domains[k] = u.domains[i];
      y[k] = Y[i];
      m[k] = u.members[i];
    }
  };
  fill(prev, y0, m0);
  fill(cur, y1, m1);
  if (new Set(psu).size < 2) return null;
  return { design: surveyDesign({ weights: weight, strata: stratum, psu, lonelyPsu: 'adjust' }), domains, y1, m1, y0, m0 };
}
