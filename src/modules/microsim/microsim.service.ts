/**
 * Policy evaluation (政策评估) for the web: parameters and shipped reforms as data, one situation
 * with its explanation, a reform over the demo city (populations cached per year and scale, the
 * baseline/reform pair on worker threads, results on this thread), stored runs for export, saved
 * scenarios. Every run and every scenario change is audited.
 */
import { availableParallelism } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DbHandle } from '../../db/connect.js';
import type { City } from '../demo/index.js';
import {
  MICROSIM_SCALE, type CalcResponse, type Explanation, type ParamValue, type Programme, type ReformResults, type Run, type RunSummary, type Scenario,
  type ScenarioInput, type ShippedReform, type SimulateRequest,
} from '../../shared/api/microsim.js';
import { nowIso } from '../../shared/time.js';
import { AppError, badRequest, forbidden, notFound } from '../app-error.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import {
  applyReformParameters, EngineError, explainHousehold, formatDate, isScale, parseParameterYaml, parseReform, valueToJson,
  type DatedValue, type HouseholdExplanation, type ParameterSet, type Reform, type TaxBenefitSystem,
} from './engine/index.js';
import { loadParameters, PARAMS_DIR, readReformFile } from './params-files.js';
import type { SimulationPool } from './population/parallel.js';
import { SCENARIO_TARGETS } from './population/run.js';
import type { PolicyPopulation } from './population/types.js';
import { buildSystem } from './rules/index.js';
import { computeSituation, parseSituation, SituationError } from './situation.js';

type ReformBody = NonNullable<SimulateRequest['reform']>;
export interface MicrosimOptions {
  /** worker threads for population runs (0 = run on the calling thread); default min(2, cores) */
  threads?: number;
  /** populations kept in memory (each ~40 MB at scale 0.05) */
  cachedPopulations?: number;
  /** runs at once before SIMULATION_BUSY */
  maxConcurrentRuns?: number;
}

/** Who asks for a registry run: the user's region scope and whether they may read the registry. */
export interface MicrosimViewer {
  regionCode: string;
  canReadRegistry: boolean;
}

export class MicrosimService {
  private sys?: { system: TaxBenefitSystem; params: ParameterSet };
  private pool?: Promise<SimulationPool | null>;
  private readonly populations = new Map<string, Promise<PolicyPopulation>>();
  private readonly cities = new Map<string, Promise<City>>();
  private readonly ready = new Set<string>();
  private running = 0;

  constructor(
    private readonly handle: DbHandle,
    private readonly audit: AuditService,
    private readonly options: MicrosimOptions = {},
  ) {}

  /** The rules over params/*.yaml, built once (edit a file and restart to change them). */
  get system(): TaxBenefitSystem {
    return this.rules().system;
  }

  private rules() {
    if (!this.sys) {
      const params = loadParameters();
      this.sys = { system: buildSystem(params), params };
    }
    return this.sys;
  }

  parameters(): { programmes: Programme[] } {
    const files = readdirSync(PARAMS_DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
    const programmes = files.map((f) => {
      const p = parseParameterYaml(readFileSync(join(PARAMS_DIR, f), 'utf8'), `params/${f}`);
      return {
        programme: p.programme,
        file: `params/${f}`,
        label: p.label,
        ...(p.description ? { description: p.description } : {}),
        parameters: p.parameters.map((d) => ({
          name: d.name,
          label: d.label,
          unit: d.unit,
          ...(d.description ? { description: d.description } : {}),
          values: d.values.map(datedToJson),
        })),
      };
    });
    return { programmes };
  }

  reforms(): ShippedReform[] {
    const dir = join(PARAMS_DIR, 'reforms');
    return readdirSync(dir)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .sort()
      .map((f) => {
        const r = readReformFile(join(dir, f));
        const parameters: ShippedReform['parameters'] = {};
        for (const [name, o] of Object.entries(r.parameters)) {
          parameters[name] = 'scale' in o ? { scale: o.scale } : 'value' in o ? { value: valueToJson(o.value) as ParamValue } : { values: o.values.map(datedToJson) };
        }
        const formulas = Object.fromEntries(Object.entries(r.formulas).filter((e): e is [string, string] => typeof e[1] === 'string'));
        return { file: `params/reforms/${f}`, name: r.name, label: r.label, ...(r.description ? { description: r.description } : {}), parameters, formulas };
      });
  }

  /** A reform from the API body, checked against the rules so that mistakes are a 400, not a failed run. */
  reform(body: ReformBody): Reform {
    let reform: Reform;
    try {
      reform = parseReform(body, '改革方案');
    } catch (e) {
      throw badRequest('INVALID_REFORM', `改革方案有误：${(e as Error).message}`);
    }
    const params = this.rules().params;
    for (const [name, o] of Object.entries(reform.parameters)) {
      if (!params.has(name)) throw badRequest('UNKNOWN_PARAMETER', `未知参数 ${name}（参数名见 params/*.yaml）`);
      const kinds = new Set<Kind>(params.def(name).values.map((v) => kindOf(v.value)).filter((k) => k !== 'null'));
      const given = 'scale' in o ? null : 'value' in o ? [o.value] : o.values.map((v) => v.value);
      if ('scale' in o && [...kinds].some((k) => k !== 'number' && k !== 'table')) throw badRequest('WRONG_VALUE_TYPE', `参数 ${name} 不是数值，不能按比例调整`);
      for (const v of given ?? []) {
        if (v !== null && !kinds.has(kindOf(v))) throw badRequest('WRONG_VALUE_TYPE', `参数 ${name} 的取值应为${[...kinds].map((k) => KIND_ZH[k]).join('或')}`);
      }
    }
    try {
      applyReformParameters(params, reform);
      this.system.plan(SCENARIO_TARGETS, new Set(), reform);
    } catch (e) {
      throw badRequest('INVALID_REFORM', `改革方案有误：${(e as Error).message}`);
    }
    return reform;
  }

  async calc(body: { year: number; people: Record<string, unknown>; households?: Record<string, unknown>; reform?: ReformBody; explain?: string }, actor: Actor): Promise<CalcResponse> {
    const reform = body.reform ? this.reform(body.reform) : undefined;
    const system = this.system;
    try {
      const s = parseSituation(system, { year: body.year, people: body.people, households: body.households ?? {} });
      const result = computeSituation(system, s, reform);
      const baseline = reform ? computeSituation(system, s, undefined) : undefined;
      const ids = s.population.householdIds!;
      const h = body.explain === undefined ? 0 : ids.indexOf(body.explain);
      if (h < 0) throw badRequest('UNKNOWN_HOUSEHOLD', `没有编号为 ${body.explain} 的家庭（可选：${ids.join('、')}）`);
      const targets = [...system.variables.values()].filter((v) => v.formula).map((v) => v.name);
      const explanation = compactExplanation(explainHousehold(system, s.population, h, { year: s.year, targets, reform }));
      await this.audit.record(actor, { action: 'microsim.calc', objectType: 'microsim_situation', detail: { year: s.year, people: s.population.persons, households: s.population.households, reform: reform?.name ?? null } });
      return { ...result, ...(baseline ? { baseline: { people: baseline.people, households: baseline.households } } : {}), explanation };
    } catch (e) {
      if (e instanceof SituationError || e instanceof EngineError) throw badRequest('INVALID_SITUATION', `家庭情况有误：${e.message}`);
      throw e;
    }
  }

  /**
   * The reform against the baseline over the demo city of that year and scale, or over the
   * registry's population of the year within the viewer's region scope (needs registry.read);
   * stored and audited.
   */
  async simulate(body: SimulateRequest, actor: Actor, viewer?: MicrosimViewer): Promise<ReformResults & { runId: number }> {
    const data = body.data ?? 'demo';
    if (data === 'registry' && viewer && !viewer.canReadRegistry) throw forbidden('使用收入与财产信息系统的数据需要“查看收入与财产信息”（registry.read）权限');
    const scale = data === 'registry' ? 1 : (body.scale ?? MICROSIM_SCALE.default);
    if (data === 'demo' && scale > MICROSIM_SCALE.max) {
      throw badRequest('SCALE_TOO_LARGE', `模拟规模过大：网页上最大为 ${MICROSIM_SCALE.max}（全市常住人口的 ${MICROSIM_SCALE.max * 100}%）。全市规模请用命令行 npx zengshou simulate --scale 1`);
    }
    if (data === 'demo' && scale < MICROSIM_SCALE.min) throw badRequest('SCALE_TOO_SMALL', `模拟规模过小：最小为 ${MICROSIM_SCALE.min}`);
    const reform = body.reform ? this.reform(body.reform) : undefined;
    const decileUnit = body.decileUnit ?? 'household';
    if (this.running >= (this.options.maxConcurrentRuns ?? 4)) throw new AppError(503, 'SIMULATION_BUSY', '模拟任务较多，请稍后再试');
    this.running++;
    const t0 = performance.now();
    let results: ReformResults;
    try {
      const pp = data === 'registry' ? await this.registryPopulation(body.year, viewer?.regionCode, actor) : await this.population(body.year, scale);
      const raw = await this.run(pp, body.year, reform, decileUnit);
      results = JSON.parse(JSON.stringify(raw)) as ReformResults; // NaN (empty groups) → null, as stored
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError(500, 'SIMULATION_FAILED', `模拟失败：${(e as Error).message}`);
    } finally {
      this.running--;
    }
    const elapsedMs = Math.round(performance.now() - t0);
    const request = { year: body.year, scale, reform: body.reform ?? null, decileUnit, data };
    const row = await this.handle.db
      .insertInto('ms_runs')
      .values({
        created_at: nowIso(), user_id: actor.userId, username: actor.username, year: body.year, scale, reform_name: reform?.name ?? null, reform_label: reform?.label.zh ?? null,
        net_cost: results.budget.netCost, elapsed_ms: elapsedMs, request: JSON.stringify(request), results: JSON.stringify(results),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.audit.record(actor, {
      action: 'microsim.simulate', objectType: 'microsim_run', objectId: row.id,
      detail: { year: body.year, scale, data, reform: reform?.name ?? null, parameters: Object.keys(reform?.parameters ?? {}), netCost: Math.round(results.budget.netCost), elapsedMs },
    });
    return { ...results, runId: row.id };
  }

  async runs(limit = 50): Promise<RunSummary[]> {
    const rows = await this.handle.db.selectFrom('ms_runs').select(['id', 'created_at', 'username', 'year', 'scale', 'reform_name', 'reform_label', 'net_cost', 'elapsed_ms']).orderBy('id', 'desc').limit(limit).execute();
    return rows.map(summaryOf);
  }

  async getRun(id: number): Promise<Run> {
    const r = await this.handle.db.selectFrom('ms_runs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('模拟结果');
    return { run: summaryOf(r), request: JSON.parse(r.request), results: JSON.parse(r.results) };
  }

  /** The run's results as an .xlsx workbook (audited: an export leaves the system). */
  async exportRun(id: number, actor: Actor): Promise<{ bytes: Buffer; fileName: string }> {
    const run = await this.getRun(id);
    const { resultsWorkbook } = await import('./export/results-xlsx.js');
    const bytes = await resultsWorkbook(run);
    await this.audit.record(actor, { action: 'microsim.export', objectType: 'microsim_run', objectId: id, detail: { format: 'xlsx' } });
    return { bytes, fileName: `政策评估_${run.results.reform?.name ?? '基线'}_${run.run.year}_${id}.xlsx` };
  }

  async scenarios(userId: number | null): Promise<Scenario[]> {
    const rows = await this.handle.db.selectFrom('ms_scenarios').selectAll().orderBy('updated_at', 'desc').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, year: r.year, scale: r.scale, reform: JSON.parse(r.reform), createdBy: r.created_by, updatedAt: r.updated_at, mine: r.created_by_id !== null && r.created_by_id === userId }));
  }

  async saveScenario(id: number | null, input: ScenarioInput, actor: Actor): Promise<number> {
    this.reform(input.reform);
    const now = nowIso();
    const values = { name: input.reform.name.trim(), year: input.year, scale: input.scale ?? MICROSIM_SCALE.default, reform: JSON.stringify(input.reform), updated_at: now };
    if (id === null) {
      const r = await this.handle.db.insertInto('ms_scenarios').values({ ...values, created_by_id: actor.userId, created_by: actor.username, created_at: now }).returning('id').executeTakeFirstOrThrow();
      await this.audit.record(actor, { action: 'microsim.scenario.create', objectType: 'microsim_scenario', objectId: r.id, detail: { name: values.name, year: values.year } });
      return r.id;
    }
    await this.ownScenario(id, actor);
    await this.handle.db.updateTable('ms_scenarios').set(values).where('id', '=', id).execute();
    await this.audit.record(actor, { action: 'microsim.scenario.update', objectType: 'microsim_scenario', objectId: id, detail: { name: values.name, year: values.year, parameters: Object.keys(input.reform.parameters ?? {}) } });
    return id;
  }

  async deleteScenario(id: number, actor: Actor): Promise<void> {
    const s = await this.ownScenario(id, actor);
    await this.handle.db.deleteFrom('ms_scenarios').where('id', '=', id).execute();
    await this.audit.record(actor, { action: 'microsim.scenario.delete', objectType: 'microsim_scenario', objectId: id, detail: { name: s.name } });
  }

  async close(): Promise<void> {
    const pool = await this.pool?.catch(() => null);
    this.pool = undefined;
    await pool?.close();
  }

  private async ownScenario(id: number, actor: Actor) {
    const s = await this.handle.db.selectFrom('ms_scenarios').selectAll().where('id', '=', id).executeTakeFirst();
    if (!s) throw notFound('方案');
    if (s.created_by_id === null || s.created_by_id !== actor.userId) throw forbidden('只有方案的创建人可以修改或删除它');
    return s;
  }

  /**
   * Starts, in the background, what a run of this year and scale needs (the demo city, its population
   * for the year, the worker threads), so that the run itself takes well under a second. True when
   * all of it is ready already.
   */
  prepare(year: number, scale: number): boolean {
    const key = `${year}:${scale}`;
    const ready = this.ready.has(key);
    if (!ready && scale >= MICROSIM_SCALE.min && scale <= MICROSIM_SCALE.max) {
      void this.population(year, scale).catch(() => undefined);
      void this.workers();
    }
    return ready;
  }

  /** The demo city of the year at this scale: the city generated once per scale, each year's population once; least recently used dropped. */
  private population(year: number, scale: number): Promise<PolicyPopulation> {
    const key = `${year}:${scale}`;
    return cached(this.populations, key, this.options.cachedPopulations ?? 3, async () => {
      const city = await cached(this.cities, String(scale), 2, async () => {
        const { generateCity } = await import('../demo/index.js');
        return generateCity({ scale });
      });
      const [{ cityPopulation }, { sharePopulation }] = await Promise.all([import('./population/demo.js'), import('./population/parallel.js')]);
      const pp = sharePopulation(cityPopulation(city, year));
      this.ready.add(key);
      return pp;
    }, (dropped) => this.ready.delete(dropped));
  }

  /**
   * The registry's population of the year in the scope (one audited build), kept with the demo
   * populations and rebuilt when an import batch commits or persons are merged or unmerged.
   */
  private async registryPopulation(year: number, regionCode: string | undefined, actor: Actor): Promise<PolicyPopulation> {
    const { MicrodataRepository } = await import('../registry/microdata.repository.js');
    const { regionPrefix } = await import('../../shared/region-scope.js');
    const { ROOT_REGION } = await import('../registry/scope.js');
    const scope = regionCode ?? ROOT_REGION;
    const version = await new MicrodataRepository(this.handle.db).version();
    const key = `registry:${year}:${regionPrefix(scope)}:${version}`;
    for (const k of [...this.populations.keys()]) if (k.startsWith(`registry:${year}:${regionPrefix(scope)}:`) && k !== key) this.populations.delete(k);
    return cached(this.populations, key, this.options.cachedPopulations ?? 3, async () => {
      const [{ registryPopulation }, { sharePopulation }] = await Promise.all([import('./population/registry.js'), import('./population/parallel.js')]);
      return sharePopulation(await registryPopulation(this.handle, { year, regionCode: scope, actor, audit: this.audit }));
    });
  }

  private workers(): Promise<SimulationPool | null> {
    const threads = this.options.threads ?? Math.min(2, availableParallelism());
    if (threads < 1) return Promise.resolve(null);
    const params = this.rules().params;
    this.pool ??= import('./population/parallel.js').then((par) => par.SimulationPool.start(params, threads)).catch(() => null); // no workers: run on this thread
    return this.pool;
  }

  /** runReform, with the baseline/reform pair on the worker pool when there is one. */
  private async run(pp: PolicyPopulation, year: number, reform: Reform | undefined, decileUnit: 'household' | 'person'): Promise<ReformResults> {
    const pool = await this.workers();
    if (!pool) return (await import('./population/run.js')).runReform(this.system, pp, { year, reform, decileUnit });
    const { computeResults } = await import('./population/results.js');
    const t0 = performance.now();
    const { baseline, reform: after, placeholders } = await pool.simulatePair(pp, { year, reform });
    const t1 = performance.now();
    const r = computeResults(pp, baseline, after, { decileUnit, relativeLines: [0.4, 0.5], examples: 8 });
    let wh = 0;
    let wp = 0;
    for (let h = 0; h < pp.households; h++) wh += pp.householdWeight[h];
    for (let p = 0; p < pp.persons; p++) wp += pp.householdWeight[pp.personHousehold[p]];
    return {
      year,
      reform: reform ? { name: reform.name, label: reform.label, ...(reform.description ? { description: reform.description } : {}) } : null,
      population: { source: pp.source, households: pp.households, persons: pp.persons, weightedHouseholds: wh, weightedPersons: wp },
      ...r,
      decileUnit,
      placeholders,
      timing: { simulateMs: Math.round(t1 - t0), resultsMs: Math.round(performance.now() - t1) },
    };
  }
}

/** A promise kept in an LRU map under `key` (a failed one is forgotten). */
function cached<T>(map: Map<string, Promise<T>>, key: string, max: number, make: () => Promise<T>, onDrop?: (dropped: string) => void): Promise<T> {
  let p = map.get(key);
  if (p) {
    map.delete(key);
  } else {
    p = make();
    p.catch(() => map.get(key) === p && map.delete(key));
  }
  map.set(key, p);
  for (const k of map.keys()) {
    if (map.size <= max) break;
    map.delete(k);
    onDrop?.(k);
  }
  return p;
}

type Kind = 'number' | 'boolean' | 'string' | 'table' | 'null';
const KIND_ZH: Record<Kind, string> = { number: '数值', boolean: '是/否', string: '文字代码', table: '税率表', null: '空' };
const kindOf = (v: unknown): Kind => (v === null ? 'null' : isScale(v) ? 'table' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string');

function datedToJson(v: DatedValue) {
  return { from: formatDate(v.from), value: valueToJson(v.value) as ParamValue, ref: v.ref, placeholder: v.placeholder === true, ...(v.note ? { note: v.note } : {}) };
}

/** Each parameter value once per step (a monthly rule looks it up twelve times). */
function compactExplanation(e: HouseholdExplanation): Explanation {
  return {
    ...e,
    steps: e.steps.map((s) => {
      const seen = new Set<string>();
      return { ...s, parameters: s.parameters.filter((p) => !seen.has(`${p.name}@${p.from}`) && !!seen.add(`${p.name}@${p.from}`)) };
    }),
  };
}

function summaryOf(r: { id: number; created_at: string; username: string | null; year: number; scale: number; reform_name: string | null; reform_label: string | null; net_cost: number; elapsed_ms: number }): RunSummary {
  return { id: r.id, createdAt: r.created_at, username: r.username, year: r.year, scale: Number(r.scale), reformName: r.reform_name, reformLabel: r.reform_label, netCost: Number(r.net_cost), elapsedMs: Number(r.elapsed_ms) };
}
