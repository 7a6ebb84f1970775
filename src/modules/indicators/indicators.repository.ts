/** All SQL of the indicators module (its own tables, and read-only aggregates of the registry, survey and plan). */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { ITEMS } from '../registry/items.js';
import type { IndDefinitionTable, IndEntryTable, IndTargetTable, IndValueTable } from './schema-types.js';

type Db = Kysely<Database>;
const NEGATIVE_ITEMS = Object.entries(ITEMS).filter(([, d]) => d.sign < 0).map(([k]) => k);

export type DefinitionRow = IndDefinitionTable;
export type EntryRow = Omit<IndEntryTable, 'id'> & { id: number };
export type TargetRow = Omit<IndTargetTable, 'id'> & { id: number };
export type ValueRow = IndValueTable;

export interface RegistryHousehold {
  hid: number;
  region: string;
  urban: boolean | null;
  members: number;
  /** disposable income, fen */
  disposable: number;
}

export class IndicatorsRepository {
  constructor(readonly db: Db) {}

  definitions(): Promise<DefinitionRow[]> {
    return this.db.selectFrom('ind_definitions').selectAll().orderBy('sort').execute();
  }
  definition(code: string) {
    return this.db.selectFrom('ind_definitions').selectAll().where('code', '=', code).executeTakeFirst();
  }
  async insertDefinition(row: DefinitionRow, db: Db = this.db): Promise<void> {
    await db.insertInto('ind_definitions').values(row).execute();
  }
  async updateDefinition(code: string, row: Partial<DefinitionRow>, db: Db = this.db): Promise<void> {
    await db.updateTable('ind_definitions').set(row).where('code', '=', code).execute();
  }

  entries(q: { indicator?: string; status?: string; regionPrefix?: string; period?: string } = {}): Promise<EntryRow[]> {
    let s = this.db.selectFrom('ind_entries').selectAll();
    if (q.indicator) s = s.where('indicator', '=', q.indicator);
    if (q.status) s = s.where('status', '=', q.status);
    if (q.period) s = s.where('period', '=', q.period);
    if (q.regionPrefix) s = s.where('region_code', 'like', `${q.regionPrefix}%`);
    return s.orderBy('period', 'desc').orderBy('id', 'desc').execute() as Promise<EntryRow[]>;
  }
  entry(id: number) {
    return this.db.selectFrom('ind_entries').selectAll().where('id', '=', id).executeTakeFirst() as Promise<EntryRow | undefined>;
  }
  async insertEntry(row: Omit<IndEntryTable, 'id'>, db: Db = this.db): Promise<number> {
    const r = await db.insertInto('ind_entries').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }
  async insertEntries(rows: Omit<IndEntryTable, 'id'>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) await this.db.insertInto('ind_entries').values(rows.slice(i, i + 200)).execute();
  }
  async reviewEntry(id: number, status: string, by: string, at: string, comment: string | null): Promise<number> {
    const r = await this.db.updateTable('ind_entries').set({ status, reviewed_by: by, reviewed_at: at, review_comment: comment }).where('id', '=', id).where('status', '=', 'submitted').executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
  /** Approved entries, the newest approval winning for a (indicator, period, region). */
  approvedEntries(): Promise<EntryRow[]> {
    return this.db.selectFrom('ind_entries').selectAll().where('status', '=', 'approved').orderBy('reviewed_at').orderBy('id').execute() as Promise<EntryRow[]>;
  }

  targets(): Promise<TargetRow[]> {
    return this.db.selectFrom('ind_targets').selectAll().orderBy('id').execute() as Promise<TargetRow[]>;
  }
  target(id: number) {
    return this.db.selectFrom('ind_targets').selectAll().where('id', '=', id).executeTakeFirst() as Promise<TargetRow | undefined>;
  }
  async insertTarget(row: Omit<IndTargetTable, 'id'>): Promise<number> {
    const r = await this.db.insertInto('ind_targets').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }
  async updateTarget(id: number, row: Partial<Omit<IndTargetTable, 'id'>>): Promise<void> {
    await this.db.updateTable('ind_targets').set(row).where('id', '=', id).execute();
  }

  /** Replaces the whole values cache and the extras in one transaction. */
  async replaceValues(values: ValueRow[], extras: { kind: string; period: string; region_code: string; data: string; computed_at: string }[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('ind_values').execute();
      await trx.deleteFrom('ind_extras').execute();
      for (let i = 0; i < values.length; i += 200) await trx.insertInto('ind_values').values(values.slice(i, i + 200)).execute();
      for (let i = 0; i < extras.length; i += 50) await trx.insertInto('ind_extras').values(extras.slice(i, i + 50)).execute();
    });
  }
  values(region: string, codes?: string[]): Promise<ValueRow[]> {
    let s = this.db.selectFrom('ind_values').selectAll().where('region_code', '=', region);
    if (codes?.length) s = s.where('code', 'in', codes);
    return s.execute();
  }
  valuesOf(code: string, region?: string): Promise<ValueRow[]> {
    let s = this.db.selectFrom('ind_values').selectAll().where('code', '=', code);
    if (region) s = s.where('region_code', '=', region);
    return s.orderBy('period').execute();
  }
  extras(region: string, period: string) {
    return this.db.selectFrom('ind_extras').selectAll().where('region_code', '=', region).where('period', '=', period).execute();
  }
  async valueCount(): Promise<number> {
    return Number((await this.db.selectFrom('ind_values').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  }

  /** A cheap fingerprint of every input, in parts: survey, registry (with key-group rosters), the rest. */
  async fingerprintParts(): Promise<{ survey: string; registry: string; rest: string }> {
    const r = await sql<Record<string, unknown>>`SELECT
      (SELECT COUNT(*) FROM sv_samples) AS ss, (SELECT COUNT(*) FROM sv_approvals) AS sa, (SELECT COUNT(*) FROM sv_household_months WHERE status = 'approved') AS sm, (SELECT COUNT(*) FROM sv_population) AS sp,
      (SELECT MAX(id) FROM reg_batches) AS b, (SELECT MAX(id) FROM reg_merges) AS m, (SELECT COUNT(*) FROM reg_persons) AS p, (SELECT COUNT(*) FROM ind_group_members) AS g, (SELECT MAX(id) FROM ind_group_members) AS gi,
      (SELECT MAX(updated_at) FROM ind_definitions) AS d, (SELECT COUNT(*) FROM ind_definitions) AS dn,
      (SELECT MAX(reviewed_at) FROM ind_entries WHERE status = 'approved') AS e, (SELECT COUNT(*) FROM ind_entries WHERE status = 'approved') AS en,
      (SELECT MAX(updated_at) FROM ind_targets) AS t, (SELECT COUNT(*) FROM ind_targets) AS tn,
      (SELECT MAX(updated_at) FROM tasks) AS wt, (SELECT COUNT(*) FROM milestones WHERE actual_value IS NOT NULL) AS wm`.execute(this.db);
    const row = r.rows[0];
    const pick = (...k: string[]) => JSON.stringify(k.map((x) => (row[x] === null || row[x] === undefined ? '' : String(row[x]))));
    return { survey: pick('ss', 'sa', 'sm', 'sp'), registry: pick('b', 'm', 'p', 'g', 'gi'), rest: pick('d', 'dn', 'e', 'en', 't', 'tn', 'wt', 'wm') };
  }

  async fingerprint(): Promise<string> {
    const f = await this.fingerprintParts();
    return `${f.survey}|${f.registry}|${f.rest}`;
  }

  // ---------- registry (read-only) ----------

  async registryYears(): Promise<number[]> {
    const r = await this.db.selectFrom('reg_income').select('year').distinct().execute();
    return r.map((x) => Number(x.year)).sort();
  }

  /** Every registered household's disposable income of the year (fen), members and place. */
  async registryHouseholds(year: number): Promise<RegistryHousehold[]> {
    const members = await this.db
      .selectFrom('reg_persons')
      .innerJoin('reg_households', 'reg_households.id', 'reg_persons.household_id')
      .leftJoin('regions', 'regions.code', 'reg_households.region_code')
      .select(['reg_persons.household_id as hid', 'reg_households.region_code as region', 'regions.urban_rural_code as ur'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('reg_persons.merged_into', 'is', null)
      .groupBy(['reg_persons.household_id', 'reg_households.region_code', 'regions.urban_rural_code'])
      .execute();
    const by = new Map<number, RegistryHousehold>();
    for (const m of members) by.set(Number(m.hid), { hid: Number(m.hid), region: m.region, urban: m.ur ? m.ur.startsWith('1') : null, members: Number(m.n), disposable: 0 });
    const sums = await sql<{ hid: number; v: number }>`
      SELECT c.household_id AS hid, SUM(CASE WHEN i.item IN (${sql.join(NEGATIVE_ITEMS)}) THEN -i.amount_fen ELSE i.amount_fen END) AS v
      FROM reg_income i JOIN reg_persons p ON p.id = i.person_id JOIN reg_persons c ON c.id = p.canonical_id
      WHERE i.year = ${year} AND c.household_id IS NOT NULL GROUP BY c.household_id`.execute(this.db);
    for (const s of sums.rows) {
      const h = by.get(Number(s.hid));
      if (h) h.disposable += Number(s.v);
    }
    return [...by.values()];
  }

  /** Persons on the 低保 roster in the year, by region code of the record (or the person). */
  async dibaoPersons(year: number): Promise<{ region: string; n: number }[]> {
    const r = await sql<{ region: string; n: number }>`
      SELECT COALESCE(d.region_code, p.region_code) AS region, COUNT(DISTINCT p.canonical_id) AS n
      FROM reg_dibao d JOIN reg_persons p ON p.id = d.person_id WHERE d.year = ${year}
      GROUP BY COALESCE(d.region_code, p.region_code)`.execute(this.db);
    return r.rows.map((x) => ({ region: x.region, n: Number(x.n) }));
  }

  /** Registry households of each key group's members (by blind index of the ID number). */
  async groupHouseholds(): Promise<{ group: string; hid: number }[]> {
    const r = await sql<{ g: string; hid: number }>`
      SELECT DISTINCT g.group_key AS g, c.household_id AS hid
      FROM ind_group_members g JOIN reg_persons p ON p.id_number_bidx = g.id_bidx JOIN reg_persons c ON c.id = p.canonical_id
      WHERE c.household_id IS NOT NULL`.execute(this.db);
    return r.rows.map((x) => ({ group: x.g, hid: Number(x.hid) }));
  }
  async groupMemberCount(): Promise<number> {
    return Number((await this.db.selectFrom('ind_group_members').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  }
  async insertGroupMembers(rows: { group_key: string; id_bidx: string; source_label: string; synthetic: number }[], db: Db = this.db): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) await db.insertInto('ind_group_members').values(rows.slice(i, i + 500)).execute();
  }

  /**
   * A department's roster of one group, all or nothing: with `replace` its earlier list (same group and
   * source) goes first; otherwise numbers already on it are skipped. Returns how many were added.
   */
  async saveRoster(group: string, source: string, bidxs: readonly string[], replace: boolean): Promise<{ added: number; removed: number }> {
    return this.db.transaction().execute(async (trx) => {
      let removed = 0;
      const mine = trx.selectFrom('ind_group_members').where('group_key', '=', group).where('source_label', '=', source).where('synthetic', '=', 0);
      if (replace) {
        removed = Number((await mine.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        await trx.deleteFrom('ind_group_members').where('group_key', '=', group).where('source_label', '=', source).where('synthetic', '=', 0).execute();
      }
      const have = replace ? new Set<string>() : new Set((await mine.select('id_bidx').execute()).map((r) => r.id_bidx));
      const rows = bidxs.filter((b) => !have.has(b)).map((b) => ({ group_key: group, id_bidx: b, source_label: source, synthetic: 0 }));
      await this.insertGroupMembers(rows, trx);
      return { added: rows.length, removed };
    });
  }

  /** How many of these blind indexes belong to a person in the registry. */
  async countRegistered(bidxs: readonly string[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < bidxs.length; i += 500) {
      const r = await this.db.selectFrom('reg_persons').select((eb) => eb.fn.count<number>('id_number_bidx').distinct().as('n')).where('id_number_bidx', 'in', bidxs.slice(i, i + 500)).executeTakeFirstOrThrow();
      n += Number(r.n);
    }
    return n;
  }

  /** Members per group and source, with how many of them the registry holds. */
  async rosterSummary(): Promise<{ group: string; source: string; synthetic: boolean; members: number; inRegistry: number }[]> {
    const r = await sql<{ g: string; s: string; syn: number; n: number; hit: number }>`
      SELECT g.group_key AS g, g.source_label AS s, g.synthetic AS syn, COUNT(*) AS n,
        SUM(CASE WHEN EXISTS (SELECT 1 FROM reg_persons p WHERE p.id_number_bidx = g.id_bidx) THEN 1 ELSE 0 END) AS hit
      FROM ind_group_members g GROUP BY g.group_key, g.source_label, g.synthetic ORDER BY g.group_key, g.source_label`.execute(this.db);
    return r.rows.map((x) => ({ group: x.g, source: x.s, synthetic: Number(x.syn) === 1, members: Number(x.n), inRegistry: Number(x.hit) }));
  }

  // ---------- plan milestones ----------
  milestonesWithTargets() {
    return this.db
      .selectFrom('milestones')
      .innerJoin('tasks', 'tasks.id', 'milestones.task_id')
      .innerJoin('plans', 'plans.id', 'tasks.plan_id')
      .select(['milestones.id', 'milestones.title', 'milestones.due_date', 'milestones.target_value', 'milestones.target_unit', 'milestones.cumulative', 'milestones.actual_value', 'tasks.ref', 'tasks.title as task_title', 'plans.region_code', 'plans.id as plan_id'])
      .where('milestones.target_value', 'is not', null)
      .orderBy('milestones.id')
      .execute();
  }
}
