/**
 * Statistical tables of registered income: per-capita disposable income by component for the
 * regions under a parent (or urban/rural groups), and the distribution of persons over income
 * bands, with primary and secondary suppression; .xlsx export of the same published cells.
 * Household incomes of a year are computed once and kept until new data arrive.
 */
import type { DbHandle } from '../../db/connect.js';
import { inScope } from '../../shared/region-scope.js';
import { AppError, outOfScope } from '../app-error.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { regionBandTable, DEFAULT_BANDS, type BandTable } from './disclosure/band-tables.js';
import { DEFAULT_TABLE_RULES, regionIncomeTable, type HouseholdIncome, type IncomeTable, type RegionNode, type TableRules } from './disclosure/region-tables.js';
import { packHouseholds, unpackHouseholds } from './disclosure/household-snapshot.js';
import { COMPONENTS } from './items.js';
import { TablesRepository } from './tables.repository.js';
import { nowIso } from '../../shared/time.js';
import { ROOT_REGION, type RegistryViewer } from './scope.js';


export interface TableQuery {
  year: number;
  /** region whose descendants are the rows (default: the viewer's scope) */
  parent?: string;
  /** county | township | village (default: the level below the parent) */
  level?: string;
}

export class TablesService {
  private cache = new Map<number, { version: string; households: HouseholdIncome[] }>();
  private regionCache: { version: string; regions: RegionNode[] } | null = null;
  private readonly repo: TablesRepository;

  constructor(
    h: DbHandle,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
  ) {
    this.repo = new TablesRepository(h);
  }

  async rules(): Promise<TableRules> {
    const stored = await this.settings.get<Partial<TableRules>>('registry.disclosure', {});
    return { ...DEFAULT_TABLE_RULES, ...stored, minHouseholds: { ...DEFAULT_TABLE_RULES.minHouseholds, ...stored.minHouseholds } };
  }

  async regions(): Promise<RegionNode[]> {
    const v = String(await this.repo.regionCount());
    if (this.regionCache?.version === v) return this.regionCache.regions;
    const rows = await this.repo.currentRegions();
    const regions = rows.filter((r) => r.code === ROOT_REGION || r.code.startsWith(ROOT_REGION.slice(0, 4))).map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.code === ROOT_REGION ? null : r.parent_code }));
    this.regionCache = { version: v, regions };
    return regions;
  }

  /**
   * Every household's registered income of the year by NBS component (fen), with members and place:
   * kept in memory and in the database (reg_household_snapshots) until new data arrive.
   */
  async householdIncomes(year: number): Promise<HouseholdIncome[]> {
    const version = await this.repo.version();
    const cached = this.cache.get(year);
    if (cached?.version === version) return cached.households;
    const stored = await this.repo.loadSnapshot(year);
    let households: HouseholdIncome[];
    if (stored?.version === version) {
      households = unpackHouseholds(stored);
    } else {
      households = await this.computeHouseholdIncomes(year);
      await this.repo.saveSnapshot(year, version, households.length, packHouseholds(households), nowIso());
    }
    this.cache.set(year, { version, households });
    return households;
  }

  /**
   * Brings every year's stored household incomes up to date (after an import or a linkage run), so
   * that the first table a user asks for does not wait for them. Returns the years recomputed.
   */
  async prepare(): Promise<number[]> {
    const version = await this.repo.version();
    const done: number[] = [];
    for (const year of await this.repo.incomeYears()) {
      if ((await this.repo.snapshotVersion(year)) === version) continue;
      await this.householdIncomes(year);
      done.push(year);
    }
    return done;
  }

  private async computeHouseholdIncomes(year: number): Promise<HouseholdIncome[]> {
    const places = new Map<number, string>();
    for (const h of await this.repo.householdPlaces()) places.set(h.id, h.region_code);
    const urbanRural = new Map<string, string | null>();
    for (const r of await this.repo.currentRegions()) urbanRural.set(r.code, r.urban_rural_code);
    const byHousehold = new Map<number, HouseholdIncome>();
    for (const m of await this.repo.householdSizes()) {
      const region = places.get(m.hid);
      if (region === undefined) continue;
      const ur = urbanRural.get(region) ?? null;
      byHousehold.set(m.hid, { regionCode: region, members: m.n, components: [0, 0, 0, 0], urban: ur ? ur.startsWith('1') : null });
    }
    for (const r of await this.repo.householdSums(year)) {
      const h = byHousehold.get(r.hid);
      const k = COMPONENTS.indexOf(r.component as (typeof COMPONENTS)[number]);
      if (h && k >= 0) h.components[k] += r.v;
    }
    // Sorted by place: the tables look places up once per run of equal codes.
    return [...byHousehold.values()].sort((a, b) => (a.regionCode < b.regionCode ? -1 : a.regionCode > b.regionCode ? 1 : 0));
  }

  private async place(v: RegistryViewer, q: TableQuery): Promise<{ parent: string; level: string; regions: RegionNode[] }> {
    const regions = await this.regions();
    const parent = q.parent ?? (regions.some((r) => r.code === v.regionCode) ? v.regionCode : ROOT_REGION);
    if (!inScope(v.regionCode, parent)) throw outOfScope();
    const node = regions.find((r) => r.code === parent);
    if (!node) throw new AppError(404, 'NOT_FOUND', '区划不存在');
    const below: Record<string, string> = { prefecture: 'county', county: 'township', township: 'village' };
    const level = q.level ?? below[node.level] ?? 'village';
    if (!['county', 'township', 'village'].includes(level)) throw new AppError(400, 'BAD_LEVEL', '层级只能是 county、township 或 village');
    return { parent, level, regions };
  }

  async incomeTable(v: RegistryViewer, q: TableQuery): Promise<IncomeTable & { year: number; parent: string; level: string }> {
    const { parent, level, regions } = await this.place(v, q);
    const t = regionIncomeTable(regions, await this.householdIncomes(q.year), parent, level, await this.rules());
    return { ...t, year: q.year, parent, level };
  }

  async bandTable(v: RegistryViewer, q: TableQuery): Promise<BandTable & { year: number; parent: string; level: string }> {
    const { parent, level, regions } = await this.place(v, q);
    const t = regionBandTable(regions, await this.householdIncomes(q.year), parent, level, DEFAULT_BANDS, await this.rules());
    return { ...t, year: q.year, parent, level };
  }

  /** Urban and rural households of the parent region (《统计上划分城乡的规定》 codes of their villages). */
  async groupTable(v: RegistryViewer, q: TableQuery): Promise<IncomeTable & { year: number; parent: string }> {
    const { parent } = await this.place(v, q);
    const households = (await this.householdIncomes(q.year)).filter((h) => inScope(parent, h.regionCode) && h.urban !== null).map((h) => ({ ...h, regionCode: h.urban ? 'urban' : 'rural' }));
    const tree: RegionNode[] = [
      { code: 'all', name: '合计', level: 'group', parentCode: null },
      { code: 'urban', name: '城镇', level: 'group', parentCode: 'all' },
      { code: 'rural', name: '农村', level: 'group', parentCode: 'all' },
    ];
    const t = regionIncomeTable(tree, households, 'all', 'group', await this.rules());
    return { ...t, year: q.year, parent };
  }

  /** The three tables in one workbook, suppressed cells marked, for the parent region. */
  async exportXlsx(v: RegistryViewer, q: TableQuery, actor: Actor): Promise<{ name: string; bytes: Buffer }> {
    const [income, bands, groups] = await Promise.all([this.incomeTable(v, q), this.bandTable(v, q), this.groupTable(v, q)]);
    const { tablesWorkbook } = await import('./export.js');
    const bytes = await tablesWorkbook({ income, bands, groups });
    await this.audit.record(actor, { action: 'registry.table.export', regionCode: income.parent, detail: { year: q.year, parent: income.parent, level: income.level } });
    return { name: `收入统计表-${income.parent}-${q.year}.xlsx`, bytes };
  }
}
