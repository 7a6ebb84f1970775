/**
 * Indicators and targets: definitions (formulas, audited edits), the computed values cache (recomputed
 * when any input changes, or on demand), departments' manual entries with approval, targets with status,
 * and the dashboard. Region scope: a user sees the city only when city-wide, else their county.
 */
import type { DbHandle } from '../../db/connect.js';
import { KEY_GROUP_LABELS, type Dashboard, type DashboardQuery, type IndicatorDefinition, type IndicatorValue, type ManualEntry, type ManualEntryInput, type Target } from '../../shared/api/indicators.js';
import { inScope, levelOf } from '../../shared/region-scope.js';
import { hasPermissionIn } from './access.js';
import { nowIso } from '../../shared/time.js';
import { AppError, forbidden, notFound, outOfScope } from '../app-error.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { SessionUser } from '../auth/auth.service.js';
import type { DepartmentsService } from '../org/departments.service.js';
import type { RegistryService } from '../registry/registry.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { SurveyService } from '../survey/survey.service.js';
import type { WorkplanService } from '../workplan/workplan.service.js';
import { CATALOGUE, SEED_TARGETS } from './catalogue.js';
import { computeValues, extrasRows, FIRST_YEAR } from './compute.js';
import { FormulaError, parseFormula } from './formula.js';
import { IndicatorsRepository, type DefinitionRow, type TargetRow, type ValueRow } from './indicators.repository.js';
import { CITY, COUNTIES, ElementStore, REGIONS, registrySource, surveySource, type Distribution, type KeyGroupFigure } from './sources.js';
import { taskCounts } from './tasks.js';
import { EntriesService } from './entries.service.js';
import { RostersService } from './rosters.service.js';
import { doublingPath, evaluateTarget, type SeriesPoint } from './targets.js';

/** The user as the indicators service needs it (the session user; the CLI passes a city-wide system user). */
export type IndicatorUser = Pick<SessionUser, 'id' | 'username' | 'roles' | 'regionCode' | 'departmentId'>;
export const SYSTEM_INDICATOR_USER: IndicatorUser = { id: 0, username: 'system', roles: ['supervisor', 'analyst'], regionCode: CITY, departmentId: null };

const FINGERPRINT_KEY = 'indicators.fingerprint';
const LAST_YEAR_KEY = 'indicators.dataYear';

export interface RecomputeReport {
  values: number;
  years: { survey: number[]; registry: number[] };
  lastYear: number;
  ms: number;
}

export function toDefinition(r: DefinitionRow): IndicatorDefinition {
  return {
    code: r.code, name: { zh: r.name_zh, en: r.name_en }, unit: r.unit, periodicity: r.periodicity as IndicatorDefinition['periodicity'], numerator: r.numerator, denominator: r.denominator,
    factor: r.factor, decimals: r.decimals, source: r.source as IndicatorDefinition['source'], department: r.department, definition: r.definition, better: r.better as 'higher' | 'lower',
  };
}

export function toValue(r: ValueRow): IndicatorValue {
  return {
    code: r.code, period: r.period, region: r.region_code, value: r.value, se: r.se, ci: r.ci_lo !== null && r.ci_hi !== null ? [r.ci_lo, r.ci_hi] : null, n: r.n, suppressed: r.suppressed === 1,
    growth: r.growth, source: { kind: r.source_kind as IndicatorValue['source']['kind'], label: r.source_label, href: r.href }, synthetic: r.synthetic === 1,
  };
}

export function emptyValue(code: string, period: string, region: string, kind: IndicatorValue['source']['kind'] = 'survey'): IndicatorValue {
  return { code, period, region, value: null, se: null, ci: null, n: null, suppressed: false, growth: null, source: { kind, label: '暂无数据', href: null }, synthetic: false };
}

/** Set by the demo loader: the platform's survey and registry hold the synthetic city. */
export const DEMO_SYNTHETIC_KEY = 'demo.synthetic';

export class IndicatorsService {
  readonly repo: IndicatorsRepository;
  readonly entries: EntriesService;
  readonly rosters: RostersService;
  private running: Promise<RecomputeReport> | null = null;
  private sourceCache: {
    survey?: { key: string; store: ElementStore; distributions: Map<string, Distribution>; years: number[] };
    registry?: { key: string; store: ElementStore; keyGroups: Map<string, KeyGroupFigure[]>; years: number[] };
  } = {};
  private seeded = false;

  constructor(
    h: DbHandle,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly survey: SurveyService,
    private readonly registry: RegistryService,
    private readonly plans: WorkplanService,
    departments: DepartmentsService,
  ) {
    this.repo = new IndicatorsRepository(h.db);
    this.entries = new EntriesService(this.repo, audit, departments, () => this.recompute());
    this.rosters = new RostersService(this.repo, audit, registry, () => this.recompute());
  }

  // ---------- seeding and computation ----------

  /** Inserts the shipped catalogue once (definitions already present are left as edited). */
  async ensureSeeded(): Promise<void> {
    if (this.seeded) return;
    const have = new Set((await this.repo.definitions()).map((d) => d.code));
    const at = nowIso();
    let sort = 0;
    for (const c of CATALOGUE) {
      sort++;
      if (have.has(c.code)) continue;
      await this.repo.insertDefinition({
        code: c.code, name_zh: c.name.zh, name_en: c.name.en, unit: c.unit, periodicity: c.periodicity, numerator: c.numerator, denominator: c.denominator, factor: c.factor,
        decimals: c.decimals, source: c.source, department: c.department, definition: c.definition, better: c.better, headline: c.headline, sort, version: 1, updated_at: at, updated_by: 'system',
      });
    }
    this.seeded = true;
  }

  /**
   * Adds the plan's main targets and every milestone target the plan parser found, once each. Targets
   * whose value is "the base year's level" wait until that value exists.
   */
  private async seedTargets(values: ValueRow[]): Promise<void> {
    const existing = await this.repo.targets();
    const at = nowIso();
    const valueAt = (code: string, year: number) => values.find((v) => v.code === code && v.period === String(year) && v.region_code === CITY)?.value ?? null;
    for (const t of SEED_TARGETS) {
      if (existing.some((e) => e.origin === 'seed' && e.indicator === t.indicator && e.title === t.title)) continue;
      let target = t.targetValue;
      if (Number.isNaN(target)) {
        const base = valueAt(t.indicator, t.baseYear);
        if (base === null) continue;
        target = base;
      }
      await this.repo.insertTarget({ indicator: t.indicator, title: t.title, plan_ref: t.planRef, region_code: CITY, base_year: t.baseYear, base_value: t.baseValue, target_year: t.targetYear, target_value: target, kind: t.kind, origin: 'seed', milestone_id: null, updated_at: at, updated_by: 'system' });
    }
    // Parsed milestones with a quantity: tied to a catalogue indicator when the text names it, else to the milestone's own reported value.
    for (const m of await this.repo.milestonesWithTargets()) {
      if (existing.some((e) => e.milestone_id === m.id)) continue;
      const coop = /土地股份合作社/.test(m.title);
      const year = Number(m.due_date.slice(0, 4));
      const covered = coop && (await this.repo.targets()).some((e) => e.origin === 'seed' && e.indicator.startsWith('coop.land_share') && e.target_year === year);
      if (covered) continue;
      const indicator = coop ? (m.cumulative ? 'coop.land_share' : 'coop.land_share.new') : `plan.milestone.${m.id}`;
      if (!coop) await this.ensureMilestoneIndicator(m.id, m.title, m.target_unit ?? '');
      await this.repo.insertTarget({ indicator, title: m.title, plan_ref: m.ref, region_code: m.region_code, base_year: year - 1, base_value: null, target_year: year, target_value: m.target_value!, kind: 'level', origin: 'plan', milestone_id: m.id, updated_at: at, updated_by: 'system' });
    }
  }

  private async ensureMilestoneIndicator(id: number, title: string, unit: string): Promise<void> {
    const code = `plan.milestone.${id}`;
    if (await this.repo.definition(code)) return;
    await this.repo.insertDefinition({
      code, name_zh: title.slice(0, 60), name_en: `Plan milestone ${id}`, unit, periodicity: 'year', numerator: `workplan.milestone.${id}`, denominator: null, factor: 1, decimals: 0, source: 'workplan',
      department: null, definition: '方案里程碑的量化目标，数值为牵头单位报送（督办审核）的完成数。', better: 'higher', headline: null, sort: 1000 + id, version: 1, updated_at: nowIso(), updated_by: 'system',
    });
  }

  /** Recomputes every value from the sources (the cold path). One computation at a time. */
  recompute(onProgress?: (step: string, done: number, total: number) => void, opts: { full?: boolean } = {}): Promise<RecomputeReport> {
    if (opts.full) this.forgetSources();
    if (!this.running) this.running = this.doRecompute(onProgress).finally(() => (this.running = null));
    return this.running;
  }

  /** Drops the kept survey and registry elements: the next computation reads every source again. */
  forgetSources(): void {
    this.sourceCache = {};
  }

  private async doRecompute(onProgress?: (step: string, done: number, total: number) => void): Promise<RecomputeReport> {
    const t0 = Date.now();
    await this.ensureSeeded();
    const p = onProgress ?? (() => {});
    const parts = await this.repo.fingerprintParts();
    // survey and registry data of a platform seeded with the demo are the synthetic city's (shown as such)
    const synthetic = await this.settings.get<boolean>(DEMO_SYNTHETIC_KEY, false);
    // the survey and registry elements are kept while their inputs are unchanged (an entry approval recomputes in well under a second)
    if (this.sourceCache.survey?.key !== parts.survey) {
      p('survey', 0, 4);
      const st = new ElementStore();
      const dist = new Map<string, Distribution>();
      const years = await surveySource(this.survey, st, dist, undefined, synthetic);
      this.sourceCache.survey = { key: parts.survey, store: st, distributions: dist, years };
    }
    if (this.sourceCache.registry?.key !== parts.registry) {
      p('registry', 1, 4);
      const st = new ElementStore();
      const groups = new Map<string, KeyGroupFigure[]>();
      const rules = await this.registry.tables.rules();
      const years = await registrySource(this.repo, { min: Math.max(3, rules.minHouseholds.county ?? 3), dominance: rules.dominance }, st, groups, synthetic);
      this.sourceCache.registry = { key: parts.registry, store: st, keyGroups: groups, years };
    }
    const sv = this.sourceCache.survey!;
    const rg = this.sourceCache.registry!;
    const store = new ElementStore();
    for (const [k, v] of sv.store.map) store.map.set(k, v);
    for (const [k, v] of rg.store.map) store.map.set(k, v);
    const distributions = sv.distributions;
    const keyGroups = rg.keyGroups;
    const surveyYears = sv.years;
    const registryYears = rg.years;
    p('workplan', 2, 4);
    await this.workplanElements(store);
    p('indicators', 3, 4);
    const entries = await this.repo.approvedEntries();
    const entryYears = entries.map((e) => Number(e.period.slice(0, 4)));
    const lastYear = Math.max(FIRST_YEAR, ...surveyYears, ...registryYears, ...entryYears, new Date().getFullYear());
    let values = computeValues({ definitions: await this.repo.definitions(), store, entries, lastYear });
    const defCount = (await this.repo.definitions()).length;
    await this.seedTargets(values);
    const defs = await this.repo.definitions();
    if (defs.length !== defCount) values = computeValues({ definitions: defs, store: storeAgain(store), entries, lastYear });
    await this.repo.replaceValues(values, extrasRows(distributions, keyGroups));
    // the default year: the latest with survey or registry data, else the latest with any value
    const dataYear = surveyYears.length || registryYears.length ? Math.max(...surveyYears, ...registryYears) : Math.max(FIRST_YEAR, ...values.filter((v) => v.value !== null && v.source_kind !== 'workplan').map((v) => Number(v.period.slice(0, 4))));
    await this.settings.set(LAST_YEAR_KEY, dataYear, 'system');
    await this.settings.set(FINGERPRINT_KEY, await this.repo.fingerprint(), 'system');
    p('done', 4, 4);
    return { values: values.length, years: { survey: surveyYears, registry: registryYears }, lastYear: dataYear, ms: Date.now() - t0 };
  }

  private async workplanElements(store: ElementStore): Promise<void> {
    const year = String(new Date().getFullYear());
    const plans = await this.plans.repo.plans();
    for (const region of REGIONS) {
      let total = 0;
      let done = 0;
      let red = 0;
      for (const plan of plans) {
        const tasks = await this.plans.tasks(plan.id, { roles: ['supervisor'], regionCode: region, departmentId: null });
        total += tasks.length;
        done += tasks.filter((t) => t.status.colour === 'done').length;
        red += tasks.filter((t) => t.status.colour === 'red').length;
      }
      if (!plans.length) continue;
      const meta = { se: null, ci: null, n: total, suppressed: false, kind: 'workplan' as const, label: '方案督办 任务状态（实时）', href: '/plan', synthetic: false };
      store.set('workplan.tasks.total', year, region, { ...meta, value: total });
      store.set('workplan.tasks.done', year, region, { ...meta, value: done });
      store.set('workplan.tasks.red', year, region, { ...meta, value: red });
    }
    for (const m of await this.repo.milestonesWithTargets()) {
      if (m.actual_value === null) continue;
      store.set(`workplan.milestone.${m.id}`, m.due_date.slice(0, 4), m.region_code, { value: m.actual_value, se: null, ci: null, n: null, suppressed: false, kind: 'workplan', label: `方案督办 ${m.ref} 里程碑报送值`, href: '/plan', synthetic: false });
    }
  }

  /**
   * Checks on every read whether any input changed since the last computation (a cheap fingerprint
   * query). Without any cached value the read waits for the computation; otherwise the cache is served
   * and the recomputation runs in the background (stale-while-revalidate), so a survey approval or an
   * import never makes a dashboard wait. Entry approvals and formula edits recompute before answering.
   */
  async ensureFresh(): Promise<void> {
    await this.ensureSeeded();
    const stored = await this.settings.get<string | null>(FINGERPRINT_KEY, null);
    if (stored !== null && stored === (await this.repo.fingerprint())) return;
    if (stored === null || (await this.repo.valueCount()) === 0) {
      await this.recompute();
      return;
    }
    // started after this read has answered: the computation's CPU-bound steps share the event loop
    if (!this.running && !this.scheduled) {
      this.scheduled = true;
      this.background = new Promise<void>((resolve) =>
        setTimeout(() => {
          this.scheduled = false;
          this.recompute().then(() => resolve(), () => resolve());
        }, 100),
      );
    }
  }

  /** The background recomputation, if any (tests and the CLI wait for it). */
  background: Promise<void> | null = null;
  private scheduled = false;

  // ---------- scope ----------

  /** The region a user looks at: the asked one if in scope, else their own (city or county). */
  resolveRegion(u: IndicatorUser, asked?: string): string {
    const own = levelOf(u.regionCode) === 'prefecture' ? CITY : u.regionCode.slice(0, 6);
    const region = asked ?? own;
    if (!REGIONS.includes(region)) throw new AppError(400, 'REGION_NOT_COMPUTED', '指标按全市和各县（市、区）计算，请选择市或县（市、区）');
    if (!inScope(u.regionCode, region)) throw outOfScope();
    return region;
  }

  // ---------- dashboard ----------

  async dashboard(user: IndicatorUser, query: DashboardQuery): Promise<Dashboard> {
    const region = this.resolveRegion(user, query.region);
    await this.ensureFresh();
    const dataYear = await this.settings.get<number>(LAST_YEAR_KEY, new Date().getFullYear());
    if (query.period && query.year !== undefined && Number(query.period.slice(0, 4)) !== query.year) throw new AppError(400, 'PERIOD_MISMATCH', `期别 ${query.period} 不在 ${query.year} 年内`);
    const year = query.period ? Number(query.period.slice(0, 4)) : (query.year ?? dataYear);
    // a quarter (year to date) or a month (monthly indicators): its own values where computed, else the annual ones
    const quarter = query.period && query.period.length > 4 ? query.period : null;
    const [defRows, rows, targetRows] = await Promise.all([this.repo.definitions(), this.repo.values(region), this.repo.targets()]);
    const defs = defRows.filter((d) => !d.code.startsWith('plan.milestone.') || targetRows.some((t) => t.indicator === d.code && t.region_code === region));
    const byCode = new Map<string, Map<string, ValueRow>>();
    for (const r of rows) {
      if (!byCode.has(r.code)) byCode.set(r.code, new Map());
      byCode.get(r.code)!.set(r.period, r);
    }
    const latestAt = (code: string, y: number): IndicatorValue => {
      const m = byCode.get(code);
      for (let k = y; m && k >= FIRST_YEAR; k--) {
        const r = m.get(String(k));
        if (r && (r.value !== null || r.suppressed)) return toValue(r);
      }
      const def = defRows.find((d) => d.code === code);
      return emptyValue(code, String(y), region, (def?.source ?? 'survey') as IndicatorValue['source']['kind']);
    };
    const quarterAt = (code: string): IndicatorValue | null => {
      const r = quarter ? byCode.get(code)?.get(quarter) : undefined;
      return r && (r.value !== null || r.suppressed) ? toValue(r) : null;
    };
    const headline = defRows.filter((d) => d.headline !== null).sort((a, b) => a.headline! - b.headline!).map((d) => quarterAt(d.code) ?? latestAt(d.code, year));
    const seriesCodes = ['income.pc.urban', 'income.pc.rural', 'income.ratio.urban_rural'];
    const series = seriesCodes.map((code) => ({
      code,
      points: [...(byCode.get(code)?.values() ?? [])].filter((r) => Number(r.period) <= year && r.period.length === 4 && r.value !== null).sort((a, b) => a.period.localeCompare(b.period)).map(toValue),
    }));
    const doubling: Dashboard['doublingPath'] = [];
    for (const code of ['income.pc.urban', 'income.pc.rural']) {
      const base = byCode.get(code)?.get('2010')?.value;
      if (base) doubling.push({ code, baseYear: 2010, baseValue: base, points: doublingPath(2010, base, 2020) });
    }
    const extras = await this.extrasAtOrBefore(region, year);
    const dist = extras.distribution;
    const gini = latestAt('inequality.gini', dist ? Number(dist.period) : year);
    const counties: Dashboard['counties'] = [];
    const countyList = region === CITY ? COUNTIES : COUNTIES.filter((c) => c.code === region);
    const countyPeriods = quarter ? [String(year), quarter] : [String(year)];
    const countyRows = region === CITY ? await this.repo.db.selectFrom('ind_values').selectAll().where('period', 'in', countyPeriods).where('code', 'in', ['income.pc.urban', 'income.pc.rural', 'income.pc.all', 'income.ratio.urban_rural']).execute() : rows.filter((r) => countyPeriods.includes(r.period));
    // the county table follows the headline: the quarter's values when the city has them, else the year's
    const countyPeriod = quarter && headline.some((h) => h.period === quarter) ? quarter : String(year);
    for (const c of countyList) {
      const get = (code: string) => {
        const r = countyRows.find((x) => x.code === code && x.region_code === c.code && x.period === countyPeriod);
        return r ? toValue(r) : emptyValue(code, countyPeriod, c.code);
      };
      counties.push({ region: c.code, name: c.name, urban: get('income.pc.urban'), rural: get('income.pc.rural'), all: get('income.pc.all'), ratio: get('income.ratio.urban_rural') });
    }
    const keyGroups: Dashboard['keyGroups'] = [];
    if (extras.keyGroups) {
      const kp = extras.keyGroups.period;
      const all = byCode.get('income.pc.registry')?.get(kp)?.value ?? null;
      const before = await this.keyGroupsOf(region, String(Number(kp) - 1));
      for (const g of extras.keyGroups.data) {
        const v: IndicatorValue = {
          code: `keygroup.${g.key}.income.pc`, period: kp, region, value: g.value, se: null, ci: null, n: g.n, suppressed: g.suppressed, growth: keyGroupGrowth(g, before?.find((b) => b.key === g.key)),
          source: { kind: 'registry', label: `个人收入和财产信息系统 ${kp} 年登记收入（重点群体名册关联，已做披露控制；只含已登记的收入来源，农业经营等未登记收入不在内，与全体居民的登记收入相比）`, href: `/registry?tab=tables&year=${kp}` }, synthetic: !!byCode.get('income.pc.registry')?.get(kp)?.synthetic,
        };
        keyGroups.push({ key: g.key as Dashboard['keyGroups'][number]['key'], label: KEY_GROUP_LABELS[g.key], income: v, ratioToAll: g.value !== null && all ? g.value / all : null });
      }
    }
    const targets = targetRows.filter((t) => t.region_code === region).map((t) => this.evaluate(t, byCode.get(t.indicator), year));
    const tasks = await taskCounts(this.plans, region);
    return {
      region: { code: region, name: region === CITY ? '辽阳市' : COUNTIES.find((c) => c.code === region)!.name, level: region === CITY ? 'city' : 'county' },
      year,
      ...(quarter && { period: quarter }),
      generatedAt: nowIso(),
      headline,
      series,
      doublingPath: doubling,
      quintiles: dist ? { period: dist.period, source: dist.data.source, means: dist.data.means, shares: dist.data.shares } : null,
      lorenz: dist ? { points: dist.data.lorenz, gini } : null,
      counties,
      keyGroups,
      targets,
      tasks,
      definitions: defs.map(toDefinition),
    };
  }

  private async extrasAtOrBefore(region: string, year: number): Promise<{ distribution?: { period: string; data: Distribution }; keyGroups?: { period: string; data: KeyGroupFigure[] } }> {
    const rows = await this.repo.db.selectFrom('ind_extras').selectAll().where('region_code', '=', region).where('period', '<=', String(year)).orderBy('period', 'desc').execute();
    const d = rows.find((r) => r.kind === 'distribution');
    const k = rows.find((r) => r.kind === 'keyGroups');
    return { ...(d && { distribution: { period: d.period, data: JSON.parse(d.data) } }), ...(k && { keyGroups: { period: k.period, data: JSON.parse(k.data) } }) };
  }

  /** The key-group figures of one registry year and region, if computed. */
  private async keyGroupsOf(region: string, period: string): Promise<KeyGroupFigure[] | null> {
    const r = await this.repo.db.selectFrom('ind_extras').select('data').where('kind', '=', 'keyGroups').where('region_code', '=', region).where('period', '=', period).executeTakeFirst();
    return r ? (JSON.parse(r.data) as KeyGroupFigure[]) : null;
  }

  evaluate(t: TargetRow, values: Map<string, ValueRow> | undefined, asOf: number): Target {
    const series: SeriesPoint[] = [...(values?.values() ?? [])].filter((r) => r.value !== null && /^\d{4}$/.test(r.period)).map((r) => ({ year: Number(r.period), value: r.value! }));
    const baseValue = t.base_value ?? series.find((p) => p.year === t.base_year)?.value ?? null;
    const e = evaluateTarget({ kind: t.kind as Target['kind'], baseYear: t.base_year, baseValue, targetYear: t.target_year, targetValue: t.target_value }, series, asOf);
    return {
      id: t.id, indicator: t.indicator, title: t.title, planRef: t.plan_ref, region: t.region_code, baseYear: t.base_year, baseValue, targetYear: t.target_year, targetValue: t.target_value,
      kind: t.kind as Target['kind'], latest: e.latest ? { period: String(e.latest.year), value: e.latest.value } : null, status: e.status, requiredAnnualGrowth: e.requiredAnnualGrowth,
      trendAnnualGrowth: e.trendAnnualGrowth, projectedValue: e.projectedValue,
    };
  }

  // ---------- definitions ----------

  async definitions(): Promise<IndicatorDefinition[]> {
    await this.ensureSeeded();
    return (await this.repo.definitions()).map(toDefinition);
  }

  /** Edits a definition (formula, names, unit …); validated, audited, values recomputed. */
  async updateDefinition(user: IndicatorUser, code: string, input: IndicatorDefinition, actor: Actor): Promise<IndicatorDefinition> {
    await this.ensureSeeded();
    if (!hasPermissionIn(user, 'plan.supervise')) throw forbidden('只有督查人员可以修改指标定义');
    const old = await this.repo.definition(code);
    if (!old) throw notFound('指标');
    if (input.code !== code) throw new AppError(400, 'CODE_MISMATCH', '指标代码不能修改');
    checkFormulas(input);
    const row: Partial<DefinitionRow> = {
      name_zh: input.name.zh, name_en: input.name.en, unit: input.unit, periodicity: input.periodicity, numerator: input.numerator, denominator: input.denominator, factor: input.factor,
      decimals: input.decimals, source: input.source, department: input.department, definition: input.definition, better: input.better, version: old.version + 1, updated_at: nowIso(), updated_by: user.username,
    };
    await this.repo.updateDefinition(code, row);
    await this.audit.record(actor, { action: 'indicators.definition.update', objectType: 'indicator', objectId: code, regionCode: CITY, detail: { before: toDefinition(old), after: input } });
    await this.recompute();
    return toDefinition((await this.repo.definition(code))!);
  }

  /** Adds a new indicator (e.g. a department's monthly administrative figure); validated, audited, values recomputed. */
  async createDefinition(user: IndicatorUser, input: IndicatorDefinition, actor: Actor): Promise<IndicatorDefinition> {
    await this.ensureSeeded();
    if (!hasPermissionIn(user, 'plan.supervise')) throw forbidden('只有督查人员可以新增指标');
    if (await this.repo.definition(input.code)) throw new AppError(409, 'CODE_EXISTS', `指标代码 ${input.code} 已存在`);
    checkFormulas(input);
    const sort = 500 + (await this.repo.definitions()).length;
    await this.repo.insertDefinition({
      code: input.code, name_zh: input.name.zh, name_en: input.name.en, unit: input.unit, periodicity: input.periodicity, numerator: input.numerator, denominator: input.denominator, factor: input.factor,
      decimals: input.decimals, source: input.source, department: input.department, definition: input.definition, better: input.better, headline: null, sort, version: 1, updated_at: nowIso(), updated_by: user.username,
    });
    await this.audit.record(actor, { action: 'indicators.definition.create', objectType: 'indicator', objectId: input.code, regionCode: CITY, detail: { after: input } });
    await this.recompute();
    return toDefinition((await this.repo.definition(input.code))!);
  }

  // ---------- manual entries (entries.service.ts) ----------

  listEntries(user: IndicatorUser, q: { indicator?: string; status?: string }): Promise<ManualEntry[]> {
    return this.entries.list(user, q);
  }

  async submitEntry(user: IndicatorUser, input: ManualEntryInput, actor: Actor): Promise<ManualEntry> {
    await this.ensureSeeded();
    return this.entries.submit(user, input, actor);
  }

  reviewEntry(user: IndicatorUser, id: number, decision: 'approve' | 'return', comment: string | null, actor: Actor): Promise<ManualEntry> {
    return this.entries.review(user, id, decision, comment, actor);
  }

  // ---------- targets ----------

  async targets(user: IndicatorUser, q: { region?: string; year?: number }): Promise<Target[]> {
    const region = this.resolveRegion(user, q.region);
    await this.ensureFresh();
    const year = q.year ?? (await this.settings.get<number>(LAST_YEAR_KEY, new Date().getFullYear()));
    const out: Target[] = [];
    for (const t of (await this.repo.targets()).filter((x) => x.region_code === region)) {
      const vals = new Map((await this.repo.valuesOf(t.indicator, region)).map((r) => [r.period, r]));
      out.push(this.evaluate(t, vals, year));
    }
    return out;
  }

  async saveTarget(user: IndicatorUser, id: number | null, input: TargetInput, actor: Actor): Promise<Target> {
    if (!hasPermissionIn(user, 'plan.supervise')) throw forbidden('只有督查人员可以设定目标');
    if (!inScope(user.regionCode, input.region)) throw outOfScope();
    if (!(await this.repo.definition(input.indicator))) throw notFound('指标');
    if (input.targetYear <= input.baseYear) throw new AppError(400, 'BAD_YEARS', '目标年份应晚于基期年份');
    const row = {
      indicator: input.indicator, title: input.title, plan_ref: input.planRef, region_code: input.region, base_year: input.baseYear, base_value: input.baseValue, target_year: input.targetYear,
      target_value: input.targetValue, kind: input.kind, updated_at: nowIso(), updated_by: user.username,
    };
    const fresh = (await this.settings.get<string | null>(FINGERPRINT_KEY, null)) === (await this.repo.fingerprint());
    let tid: number;
    if (id === null) tid = await this.repo.insertTarget({ ...row, origin: 'user', milestone_id: null });
    else {
      const old = await this.repo.target(id);
      if (!old || !inScope(user.regionCode, old.region_code)) throw notFound('目标');
      await this.repo.updateTarget(id, row);
      tid = id;
    }
    await this.audit.record(actor, { action: id === null ? 'indicators.target.create' : 'indicators.target.update', objectType: 'indicator_target', objectId: tid, regionCode: input.region, detail: { ...input } });
    // targets are evaluated on read: the values cache stays valid
    if (fresh) await this.settings.set(FINGERPRINT_KEY, await this.repo.fingerprint(), 'system');
    const t = (await this.repo.target(tid))!;
    const vals = new Map((await this.repo.valuesOf(t.indicator, t.region_code)).map((r) => [r.period, r]));
    return this.evaluate(t, vals, await this.settings.get<number>(LAST_YEAR_KEY, new Date().getFullYear()));
  }

  async assertSupervisor(user: IndicatorUser): Promise<void> {
    if (!hasPermissionIn(user, 'plan.supervise')) throw forbidden('只有督查人员可以重算指标');
  }

  async auditRecompute(actor: Actor, rep: RecomputeReport): Promise<void> {
    await this.audit.record(actor, { action: 'indicators.recompute', objectType: 'indicator', regionCode: CITY, detail: { values: rep.values, ms: rep.ms } });
  }

  // ---------- one indicator ----------

  async show(user: IndicatorUser, code: string, region?: string): Promise<{ definition: IndicatorDefinition; values: IndicatorValue[] }> {
    const r = this.resolveRegion(user, region);
    await this.ensureFresh();
    const def = await this.repo.definition(code);
    if (!def) throw notFound('指标');
    return { definition: toDefinition(def), values: (await this.repo.valuesOf(code, r)).map(toValue) };
  }
}

export interface TargetInput {
  indicator: string;
  title: string;
  planRef: string;
  region: string;
  baseYear: number;
  baseValue: number | null;
  targetYear: number;
  targetValue: number;
  kind: 'level' | 'multiple' | 'at_most';
}

function checkFormulas(input: IndicatorDefinition): void {
  for (const [part, f] of [['分子', input.numerator], ['分母', input.denominator]] as const) {
    if (f === null) continue;
    try {
      parseFormula(f);
    } catch (e) {
      if (e instanceof FormulaError) throw new AppError(400, 'BAD_FORMULA', `${part}公式有误：${e.message}`, { part, at: e.at });
      throw e;
    }
  }
}

/** Growth of a key group's figure on the previous registry year's for the same group and region; null when either is missing or suppressed. */
export function keyGroupGrowth(cur: KeyGroupFigure, prev: KeyGroupFigure | undefined): number | null {
  if (cur.suppressed || cur.value === null || !prev || prev.suppressed || !prev.value) return null;
  return cur.value / prev.value - 1;
}

function storeAgain(s: ElementStore): ElementStore {
  // ind.* entries are rewritten by computeValues; source elements stay valid
  for (const k of [...s.map.keys()]) if (k.startsWith('ind.')) s.map.delete(k);
  return s;
}
