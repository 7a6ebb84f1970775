/**
 * Statistical tables of registered income: per-capita disposable income by component for the
 * regions under a parent (or urban/rural groups), and the distribution of persons over income
 * bands, with primary and secondary suppression; .xlsx export of the same published cells.
 * Household incomes of a year are computed once and kept until new data arrive.
 */
import { sql } from 'kysely';
import type { DbHandle } from '../../db/connect.js';
import { inScope } from '../../shared/region-scope.js';
import { AppError, outOfScope } from '../app-error.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { regionBandTable, DEFAULT_BANDS, type BandTable } from './disclosure/band-tables.js';
import { DEFAULT_TABLE_RULES, regionIncomeTable, type HouseholdIncome, type IncomeTable, type RegionNode, type TableRules } from './disclosure/region-tables.js';
import { COMPONENTS } from './items.js';
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

  constructor(
    private readonly h: DbHandle,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
  ) {}

  async rules(): Promise<TableRules> {
    const stored = await this.settings.get<Partial<TableRules>>('registry.disclosure', {});
    return { ...DEFAULT_TABLE_RULES, ...stored, minHouseholds: { ...DEFAULT_TABLE_RULES.minHouseholds, ...stored.minHouseholds } };
  }

  /** Changes with every import batch and every merge or unmerge. */
  private async version(): Promise<string> {
    const r = await sql<{ b: number | null; m: number | null; p: number | null }>`SELECT (SELECT MAX(id) FROM reg_batches) AS b, (SELECT MAX(id) FROM reg_merges) AS m, (SELECT COUNT(*) FROM reg_persons) AS p`.execute(this.h.db);
    const row = r.rows[0];
    return `${row.b ?? 0}:${row.m ?? 0}:${row.p ?? 0}`;
  }

  async regions(): Promise<RegionNode[]> {
    const v = String((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM regions`.execute(this.h.db)).rows[0].n);
    if (this.regionCache?.version === v) return this.regionCache.regions;
    const rows = await this.h.db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code']).where('valid_to', 'is', null).execute();
    const regions = rows.filter((r) => r.code === ROOT_REGION || r.code.startsWith(ROOT_REGION.slice(0, 4))).map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.code === ROOT_REGION ? null : r.parent_code }));
    this.regionCache = { version: v, regions };
    return regions;
  }

  /** Every household's registered income of the year by NBS component (fen), with members and place. */
  async householdIncomes(year: number): Promise<HouseholdIncome[]> {
    const version = await this.version();
    const cached = this.cache.get(year);
    if (cached?.version === version) return cached.households;
    const db = this.h.db;
    // Members per household (an index-only scan of reg_persons_household_members), then each
    // household's place and the place's urban-rural code.
    const members = await sql<{ hid: number; n: number }>`
      SELECT household_id AS hid, COUNT(*) AS n FROM reg_persons
      WHERE household_id IS NOT NULL AND merged_into IS NULL GROUP BY household_id`.execute(db);
    const places = new Map<number, string>();
    for (const h of await db.selectFrom('reg_households').select(['id', 'region_code']).execute()) places.set(h.id, h.region_code);
    const urbanRural = new Map<string, string | null>();
    for (const r of await db.selectFrom('regions').select(['code', 'urban_rural_code']).execute()) urbanRural.set(r.code, r.urban_rural_code);
    const byHousehold = new Map<number, HouseholdIncome>();
    for (const m of members.rows) {
      const region = places.get(Number(m.hid));
      if (region === undefined) continue;
      const ur = urbanRural.get(region) ?? null;
      byHousehold.set(Number(m.hid), { regionCode: region, members: Number(m.n), components: [0, 0, 0, 0], urban: ur ? ur.startsWith('1') : null });
    }
    // Records count for the person they belong to now (merged records to the merged-into person).
    // reg_income_year holds each person's yearly sums by component, kept at every batch's commit.
    const sums = await sql<{ hid: number; component: string; v: number }>`
      SELECT c.household_id AS hid, s.component AS component, SUM(s.amount_fen) AS v
      FROM reg_income_year s
      JOIN reg_persons p ON p.id = s.person_id
      JOIN reg_persons c ON c.id = p.canonical_id
      WHERE s.year = ${year} AND c.household_id IS NOT NULL
      GROUP BY c.household_id, s.component`.execute(db);
    for (const r of sums.rows) {
      const h = byHousehold.get(Number(r.hid));
      const k = COMPONENTS.indexOf(r.component as (typeof COMPONENTS)[number]);
      if (h && k >= 0) h.components[k] += Number(r.v);
    }
    const households = [...byHousehold.values()];
    this.cache.set(year, { version, households });
    return households;
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
