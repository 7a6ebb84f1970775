/**
 * Data elements from their sources, for every year and region the platform computes (the city and its
 * counties): the household survey (design-based estimates with SE and CI), the registry (disclosure-
 * controlled aggregates) and the key-group rosters. Each source fills an ElementStore.
 */
import type { IndicatorSource } from '../../shared/api/indicators.js';
import { inScope } from '../../shared/region-scope.js';
import { LIAOYANG_DIVISIONS } from '../regions/liaoyang-divisions.js';
import { groupSummary, lorenz, sortSample, surveyDesign, svyGini, svyRatio, svyTotal, type SurveyDesign } from '../stats/index.js';
import { buildDesign, cellOf, disposableOf, type PeriodUnits } from '../survey/estimate.js';
import type { SurveyService } from '../survey/survey.service.js';
import { monthEnd, parsePeriod, type Period } from '../survey/periods.js';
import { POVERTY_LINE } from '../demo/params-income.js';
import type { IndicatorsRepository, RegistryHousehold } from './indicators.repository.js';

export const CITY = '211000';
export const COUNTIES = LIAOYANG_DIVISIONS.filter((d) => d.level === 'county').map((d) => ({ code: d.code, name: d.name }));
export const REGIONS = [CITY, ...COUNTIES.map((c) => c.code)];

export interface ElementValue {
  value: number | null;
  se: number | null;
  ci: [number, number] | null;
  n: number | null;
  suppressed: boolean;
  kind: IndicatorSource;
  label: string;
  href: string | null;
  synthetic: boolean;
}

export class ElementStore {
  readonly map = new Map<string, ElementValue>();
  static key(code: string, period: string, region: string) {
    return `${code}|${period}|${region}`;
  }
  set(code: string, period: string, region: string, v: ElementValue) {
    this.map.set(ElementStore.key(code, period, region), v);
  }
  get(code: string, period: string, region: string): ElementValue | undefined {
    return this.map.get(ElementStore.key(code, period, region));
  }
}

export interface Distribution {
  source: string;
  /** person-quintile mean per-capita income (元) and income shares */
  means: number[];
  shares: number[];
  lorenz: [number, number][];
}

export interface KeyGroupFigure {
  key: string;
  value: number | null;
  n: number;
  suppressed: boolean;
}

/** The middle-income band per person (NBS 100,000–500,000 元 for three, 2018 prices). */
export const MIDDLE_PER_CAPITA: [number, number] = [100_000 / 3, 500_000 / 3];
export const POVERTY_LINES: Record<number, number> = POVERTY_LINE;
const LORENZ_PS = Array.from({ length: 21 }, (_, i) => i / 20);

const mask = (u: PeriodUnits, f: (i: number) => boolean) => Uint8Array.from(u.id, (_, i) => (f(i) ? 1 : 0));

/** 一季度, 上半年, 前三季度, 全年: the NBS names of the cumulative quarterly periods. */
export const YTD_NAMES = ['一季度', '上半年', '前三季度', '全年'] as const;

/**
 * The survey period of a year to date through quarter q, keyed as the indicators' quarter ('2025-Q3' =
 * January–September). The survey module's own '2025-Q3' is the quarter alone (July–September) and it has
 * no key for cumulated months, so the period is built here with the same fields its loader reads
 * (months, start, end: households complete in every month, residents over the whole span, questionnaire
 * items pro rata months/12). Q1 equals the survey's 2025-Q1, Q4 its 2025.
 */
export function ytdPeriod(year: number, q: 1 | 2 | 3 | 4): Period {
  const months = Array.from({ length: 3 * q }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return { key: `${year}-Q${q}`, kind: 'quarter', year, months, start: `${year}-01-01`, end: monthEnd(months[months.length - 1]) };
}

type SurveySettingsLike = Awaited<ReturnType<SurveyService['estimates']['settings']>>;
type MakeElement = (value: number | null, se: number | null, ci: [number | null, number | null] | null, n: number | null, suppressed?: boolean) => ElementValue;

function elementMaker(label: string, href: string, synthetic: boolean): MakeElement {
  return (value, se, ci, n, suppressed = false) => ({
    value: suppressed ? null : value, se: suppressed ? null : se, ci: !suppressed && ci && ci[0] !== null && ci[1] !== null ? [ci[0], ci[1]] : null, n, suppressed, kind: 'survey', label, href, synthetic,
  });
}

/** survey.income_pc.{all,urban,rural} of one period for the city and each county: svyratio(~Y, ~m), as the survey's table. */
function incomeElements(units: PeriodUnits, totals: Map<string, number> | null, settings: SurveySettingsLike, period: string, store: ElementStore, el: MakeElement) {
  const urban = units.domains.map((ds) => ds[1] === 'urban');
  const county = units.domains.map((ds) => ds[2]);
  const { design } = buildDesign(units, totals);
  const disp = disposableOf(units);
  const m = units.members;
  for (const region of REGIONS) {
    for (const area of ['all', 'urban', 'rural'] as const) {
      const dom = mask(units, (i) => (region === CITY || county[i] === region) && (area === 'all' || urban[i] === (area === 'urban')));
      const nh = dom.reduce((a, b) => a + b, 0);
      const c = cellOf(nh >= 2 ? svyRatio(design, disp, m, { domain: dom, level: settings.level }) : null, nh, settings);
      store.set(`survey.income_pc.${area}`, period, region, el(c.estimate, c.se, c.ci, c.n, c.flags.includes('suppressed')));
    }
  }
  return { design };
}

/** Survey years with approved data: elements and the distribution extras per region. */
export async function surveySource(survey: SurveyService, store: ElementStore, extras: Map<string, Distribution>, onYear?: (year: number) => void, synthetic = false): Promise<number[]> {
  const samples = await survey.repo.samples();
  const sample = samples[0];
  if (!sample) return [];
  const settings = await survey.estimates.settings();
  const years: number[] = [];
  for (let year = sample.year_from; year <= sample.year_to; year++) {
    onYear?.(year);
    const { units } = await survey.estimates.periodUnits(sample.id, parsePeriod(String(year)), settings.approvalLevel);
    const totals = await survey.estimates.populationTotals(year);
    // quarters, year to date (一季度, 上半年, 前三季度, 全年): the survey's own loader over the cumulated months;
    // also in a year still in progress, whose annual estimate does not exist yet
    for (const q of [1, 2, 3, 4] as const) {
      const p = ytdPeriod(year, q);
      const qUnits = q === 4 ? units : (await survey.estimates.periodUnits(sample.id, p, settings.approvalLevel)).units;
      if (qUnits.id.length < 2) break; // a later quarter needs every earlier month too
      const qLabel = `住户收支调查 ${year} 年${YTD_NAMES[q - 1]}（累计）估计`;
      incomeElements(qUnits, totals, settings, p.key, store, elementMaker(qLabel, q === 4 ? `/survey?tab=estimates&period=${year}` : `/survey?tab=estimates&period=${year}-Q${q}`, synthetic));
    }
    if (units.id.length < 2) continue;
    years.push(year);
    const urban = units.domains.map((ds) => ds[1] === 'urban');
    const county = units.domains.map((ds) => ds[2]);
    const period = String(year);
    const label = `住户收支调查 ${year} 年度估计`;
    const href = `/survey?tab=estimates&period=${year}`;
    const el = elementMaker(label, href, synthetic);
    // the same design and ratio estimator as the survey's published table (svyratio of disposable income over members)
    const { design } = incomeElements(units, totals, settings, period, store, el);
    const disp = disposableOf(units);
    const m = units.members;
    // distribution: Gini, middle-income share, rural poor, quintiles, Lorenz
    const pc = Float64Array.from(disp, (v, i) => v / m[i]);
    const personDesign: SurveyDesign = surveyDesign({ weights: Float64Array.from(design.weights, (w, i) => w * m[i]), strata: units.stratum, psu: units.psu.map((p, i) => `${units.stratum[i]}|${p}`), lonelyPsu: 'adjust' });
    const line = POVERTY_LINES[year] ?? POVERTY_LINES[Math.max(...Object.keys(POVERTY_LINES).map(Number))];
    const middle = Float64Array.from(pc, (y, i) => (y >= MIDDLE_PER_CAPITA[0] && y < MIDDLE_PER_CAPITA[1] ? m[i] : 0));
    const poor = Float64Array.from(pc, (y, i) => (!urban[i] && y < line ? m[i] : 0));
    const rural = Float64Array.from(m, (x, i) => (urban[i] ? 0 : x));
    for (const region of REGIONS) {
      const dom = mask(units, (i) => region === CITY || county[i] === region);
      const nh = dom.reduce((a, b) => a + b, 0);
      if (nh < Math.max(3, settings.minHouseholds)) continue;
      const o = { domain: dom, level: settings.level };
      const cell = (e: ReturnType<typeof svyRatio>) => cellOf(e, nh, settings);
      const g = cell(svyGini(personDesign, pc, o));
      store.set('survey.gini', period, region, el(g.estimate, g.se, g.ci, nh, g.flags.includes('suppressed')));
      const ms = cell(svyRatio(design, middle, m, o));
      store.set('survey.middle_share', period, region, el(ms.estimate, ms.se, ms.ci, nh, ms.flags.includes('suppressed')));
      const pr = cellOf(svyTotal(design, poor, o), nh, settings, { skipCv: true });
      store.set('survey.rural_poor', period, region, el(pr.estimate, pr.se, pr.ci, nh, pr.flags.includes('suppressed')));
      const rp = cellOf(svyTotal(design, rural, o), nh, settings, { skipCv: true });
      store.set('survey.persons.rural', period, region, el(rp.estimate, rp.se, rp.ci, nh, rp.flags.includes('suppressed')));
      const idx = [...dom.keys()].filter((i) => dom[i]);
      const s = sortSample(Float64Array.from(idx, (i) => pc[i]), Float64Array.from(idx, (i) => personDesign.weights[i]), { inPlace: true });
      const q = groupSummary(s, 5);
      const l = lorenz(s, LORENZ_PS);
      extras.set(`distribution|${period}|${region}`, { source: `${label}（按人口五等份）`, means: q.means, shares: q.shares, lorenz: LORENZ_PS.map((p, i) => [p, l[i]]) });
    }
  }
  return years;
}

/** Suppression as the registry's tables: fewer than `min` households, or one household over `dominance` of the total. */
export function publishable(values: number[], min: number, dominance: number): boolean {
  if (values.length < min) return false;
  let sum = 0;
  let max = 0;
  for (const v of values) {
    sum += Math.abs(v);
    max = Math.max(max, Math.abs(v));
  }
  return sum === 0 || max <= dominance * sum;
}

/** Per-capita income (元) of a set of households with suppression. */
export function perCapita(hs: readonly RegistryHousehold[], min: number, dominance: number): { value: number | null; n: number; suppressed: boolean } {
  let fen = 0;
  let persons = 0;
  for (const h of hs) {
    fen += h.disposable;
    persons += h.members;
  }
  if (!publishable(hs.map((h) => h.disposable), min, dominance) || persons === 0) return { value: null, n: hs.length, suppressed: true };
  return { value: fen / 100 / persons, n: hs.length, suppressed: false };
}

export const KEY_GROUP_KEYS = ['skilled', 'newFarmer', 'researcher', 'entrepreneur', 'manager', 'cadre', 'hardshipAbleToWork'] as const;

/** Registry years: per-capita income by region and area, 低保 recipients, key groups. */
export async function registrySource(
  repo: IndicatorsRepository,
  rules: { min: number; dominance: number },
  store: ElementStore,
  keyGroups: Map<string, KeyGroupFigure[]>,
  synthetic = false,
): Promise<number[]> {
  const years = await repo.registryYears();
  const groupHouseholds = years.length ? await repo.groupHouseholds() : [];
  const dibaoLabel = (y: number) => `个人收入和财产信息系统 ${y} 年 低保名册（民政）`;
  for (const year of years) {
    const period = String(year);
    const hs = await repo.registryHouseholds(year);
    const label = `个人收入和财产信息系统 ${year} 年登记收入（已做披露控制）`;
    const href = `/registry?tab=tables&year=${year}`;
    const byId = new Map(hs.map((h) => [h.hid, h]));
    const dibao = await repo.dibaoPersons(year);
    for (const region of REGIONS) {
      const inR = hs.filter((h) => inScope(region, h.region));
      for (const [area, sel] of [['all', inR], ['urban', inR.filter((h) => h.urban === true)], ['rural', inR.filter((h) => h.urban === false)]] as const) {
        const r = perCapita(sel, rules.min, rules.dominance);
        store.set(`registry.income_pc.${area}`, period, region, { value: r.value, se: null, ci: null, n: r.n, suppressed: r.suppressed, kind: 'registry', label, href, synthetic });
      }
      const persons = inR.reduce((a, h) => a + h.members, 0);
      store.set('registry.persons', period, region, { value: persons, se: null, ci: null, n: inR.length, suppressed: false, kind: 'registry', label, href, synthetic });
      const d = dibao.filter((x) => inScope(region, x.region)).reduce((a, x) => a + x.n, 0);
      const dSuppressed = d > 0 && d < rules.min;
      store.set('registry.dibao.recipients', period, region, { value: dSuppressed ? null : d, se: null, ci: null, n: d, suppressed: dSuppressed, kind: 'registry', label: dibaoLabel(year), href, synthetic });
      if (groupHouseholds.length) {
        const figures: KeyGroupFigure[] = KEY_GROUP_KEYS.map((key) => {
          const sel = groupHouseholds.filter((g) => g.group === key).map((g) => byId.get(g.hid)).filter((h): h is RegistryHousehold => !!h && inScope(region, h.region));
          const r = perCapita(sel, rules.min, rules.dominance);
          return { key, value: r.value, n: r.n, suppressed: r.suppressed };
        });
        keyGroups.set(`${period}|${region}`, figures);
      }
    }
  }
  return years;
}
