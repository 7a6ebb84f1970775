import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  SvApprovalTable, SvConflictTable, SvEntryTable, SvFrameUnitTable, SvHouseholdMonthTable, SvHouseholdTable, SvMemberTable, SvParadataTable, SvQuestionnaireTable,
  SvSampleTable,
} from './schema-types.js';

export type Db = Kysely<Database> | Transaction<Database>;
export type HouseholdRow = Selectable<SvHouseholdTable>;
export type MemberRow = Selectable<SvMemberTable>;
export type EntryRow = Selectable<SvEntryTable>;
export type MonthRow = Selectable<SvHouseholdMonthTable>;
export type ApprovalRow = Selectable<SvApprovalTable>;
export type FrameUnitRow = Selectable<SvFrameUnitTable>;

/** Inserts in chunks that stay under SQLite's and PostgreSQL's bound-parameter limits. */
async function insertChunked<T extends keyof Database>(db: Db, table: T, rows: Insertable<Database[T]>[], columns: number): Promise<void> {
  const size = Math.max(1, Math.floor(30000 / columns));
  for (let i = 0; i < rows.length; i += size) await db.insertInto(table).values(rows.slice(i, i + size) as never).execute();
}

/** All SQL of the household survey: sample, roster, diary, review, paradata. */
export class SurveyRepository {
  constructor(readonly db: Kysely<Database>) {}

  // ---------- classification ----------
  async seedItems(rows: Insertable<Database['sv_items']>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await this.db.insertInto('sv_items').values(rows.slice(i, i + 500)).onConflict((oc) => oc.columns(['version', 'code']).doNothing()).execute();
    }
  }
  items(version?: number) {
    let q = this.db.selectFrom('sv_items').selectAll();
    if (version !== undefined) q = q.where('version', '=', version);
    return q.orderBy('version').orderBy('sort').execute();
  }

  // ---------- samples and frame ----------
  async insertSample(row: Insertable<SvSampleTable>, db: Db = this.db): Promise<number> {
    return (await db.insertInto('sv_samples').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }
  samples() {
    return this.db.selectFrom('sv_samples').selectAll().orderBy('id', 'desc').execute();
  }
  sample(id: number) {
    return this.db.selectFrom('sv_samples').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async insertFrameUnits(rows: Insertable<SvFrameUnitTable>[], db: Db = this.db): Promise<void> {
    await insertChunked(db, 'sv_frame_units', rows, 11);
  }
  frameUnits(sampleId: number, db: Db = this.db) {
    return db.selectFrom('sv_frame_units').selectAll().where('sample_id', '=', sampleId).orderBy('code').execute();
  }
  frameUnit(id: number) {
    return this.db.selectFrom('sv_frame_units').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async insertHouseholds(rows: Insertable<SvHouseholdTable>[], db: Db = this.db): Promise<void> {
    await insertChunked(db, 'sv_households', rows, 24);
  }
  householdIdsByCode(sampleId: number, db: Db = this.db) {
    return db.selectFrom('sv_households').select(['id', 'code']).where('sample_id', '=', sampleId).execute();
  }
  async lastApprovedMonth(sampleId: number): Promise<string | null> {
    const r = await this.db
      .selectFrom('sv_household_months')
      .innerJoin('sv_households', 'sv_households.id', 'sv_household_months.household_id')
      .select((eb) => eb.fn.max('sv_household_months.month').as('m'))
      .where('sv_households.sample_id', '=', sampleId)
      .where('sv_household_months.status', '=', 'approved')
      .executeTakeFirst();
    return (r?.m as string | null | undefined) ?? null;
  }
  statusCounts(sampleId: number) {
    return this.db.selectFrom('sv_households').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('sample_id', '=', sampleId).groupBy('status').execute();
  }

  // ---------- households ----------
  households(q: { sampleId?: number; status?: string; prefix?: string; text?: string; ids?: number[] }) {
    let s = this.db.selectFrom('sv_households').selectAll();
    if (q.sampleId !== undefined) s = s.where('sample_id', '=', q.sampleId);
    if (q.status) s = s.where('status', '=', q.status);
    if (q.prefix) s = s.where('village_code', 'like', `${q.prefix}%`);
    if (q.text) s = s.where((eb) => eb.or([eb('code', 'like', `%${q.text}%`), eb('head_name', 'like', `%${q.text}%`), eb('address', 'like', `%${q.text}%`)]));
    if (q.ids) s = s.where('id', 'in', q.ids.length ? q.ids : [-1]);
    return s.orderBy('code').execute();
  }
  household(id: number, db: Db = this.db) {
    return db.selectFrom('sv_households').selectAll().where('id', '=', id).executeTakeFirst();
  }
  householdOfUser(userId: number) {
    return this.db.selectFrom('sv_households').selectAll().where('user_id', '=', userId).executeTakeFirst();
  }
  async updateHousehold(id: number, patch: Updateable<SvHouseholdTable>, db: Db = this.db): Promise<void> {
    await db.updateTable('sv_households').set(patch).where('id', '=', id).execute();
  }
  nextReserve(frameUnitId: number, psu: string, db: Db = this.db) {
    return db.selectFrom('sv_households').selectAll().where('frame_unit_id', '=', frameUnitId).where('psu', '=', psu).where('status', '=', 'reserve').orderBy('reserve_rank').orderBy('id').executeTakeFirst();
  }
  villageNames(codes: string[]) {
    return this.db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes.length ? codes : ['-']).execute();
  }

  // ---------- roster ----------
  members(householdIds: number[], db: Db = this.db) {
    return db.selectFrom('sv_members').selectAll().where('household_id', 'in', householdIds.length ? householdIds : [-1]).orderBy('household_id').orderBy('seq').execute();
  }
  absences(memberIds: number[], db: Db = this.db) {
    return db.selectFrom('sv_absences').selectAll().where('member_id', 'in', memberIds.length ? memberIds : [-1]).orderBy('date_from').execute();
  }
  async allMembersOf(sampleId: number) {
    const members = await this.db.selectFrom('sv_members').innerJoin('sv_households', 'sv_households.id', 'sv_members.household_id').selectAll('sv_members').where('sv_households.sample_id', '=', sampleId).execute();
    const absences = await this.db
      .selectFrom('sv_absences')
      .innerJoin('sv_members', 'sv_members.id', 'sv_absences.member_id')
      .innerJoin('sv_households', 'sv_households.id', 'sv_members.household_id')
      .selectAll('sv_absences')
      .where('sv_households.sample_id', '=', sampleId)
      .execute();
    return { members, absences };
  }
  async insertMembers(rows: Insertable<SvMemberTable>[], db: Db = this.db): Promise<void> {
    await insertChunked(db, 'sv_members', rows, 10);
  }
  async insertMember(row: Insertable<SvMemberTable>): Promise<number> {
    return (await this.db.insertInto('sv_members').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }
  member(id: number) {
    return this.db.selectFrom('sv_members').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async updateMember(id: number, patch: Updateable<SvMemberTable>): Promise<void> {
    await this.db.updateTable('sv_members').set(patch).where('id', '=', id).execute();
  }
  async insertAbsence(row: Insertable<Database['sv_absences']>): Promise<number> {
    return (await this.db.insertInto('sv_absences').values(row).returning('id').executeTakeFirstOrThrow()).id;
  }
  absence(id: number) {
    return this.db.selectFrom('sv_absences').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async deleteAbsence(id: number): Promise<void> {
    await this.db.deleteFrom('sv_absences').where('id', '=', id).execute();
  }

  // ---------- diary ----------
  entriesByIds(ids: string[], db: Db = this.db) {
    return db.selectFrom('sv_entries').selectAll().where('id', 'in', ids.length ? ids : ['-']).execute();
  }
  entriesOfMonth(householdId: number, month: string) {
    return this.db.selectFrom('sv_entries').selectAll().where('household_id', '=', householdId).where('month', '=', month).where('deleted', '=', 0).orderBy('date').orderBy('created_at').execute();
  }
  async insertEntries(rows: Insertable<SvEntryTable>[], db: Db = this.db): Promise<void> {
    await insertChunked(db, 'sv_entries', rows, 15);
  }
  async updateEntry(id: string, patch: Updateable<SvEntryTable>, db: Db = this.db): Promise<void> {
    await db.updateTable('sv_entries').set(patch).where('id', '=', id).execute();
  }
  /** Entry dates per household in [from, to] (distinct). */
  entryDates(householdIds: number[], from: string, to: string) {
    return this.db
      .selectFrom('sv_entries')
      .select(['household_id', 'date'])
      .distinct()
      .where('household_id', 'in', householdIds.length ? householdIds : [-1])
      .where('date', '>=', from)
      .where('date', '<=', to)
      .where('deleted', '=', 0)
      .execute();
  }
  lastEntryDates(householdIds: number[]) {
    return this.db
      .selectFrom('sv_entries')
      .select(['household_id', (eb) => eb.fn.max('date').as('last')])
      .where('household_id', 'in', householdIds.length ? householdIds : [-1])
      .where('deleted', '=', 0)
      .groupBy('household_id')
      .execute();
  }
  /** Σ amount per household, month and item over months [from, to]: the heart of every estimate. */
  sumsByMonth(from: string, to: string, householdIds?: number[]) {
    let q = this.db
      .selectFrom('sv_entries')
      .select(['household_id', 'month', 'item_code', (eb) => eb.fn.sum<number>('amount_fen').as('total')])
      .where('month', '>=', from)
      .where('month', '<=', to)
      .where('deleted', '=', 0);
    if (householdIds) q = q.where('household_id', 'in', householdIds.length ? householdIds : [-1]);
    return q.groupBy(['household_id', 'month', 'item_code']).execute();
  }
  /** Σ amount per household and item over months [from, to]. */
  sums(from: string, to: string) {
    return this.db
      .selectFrom('sv_entries')
      .select(['household_id', 'item_code', (eb) => eb.fn.sum<number>('amount_fen').as('total')])
      .where('month', '>=', from)
      .where('month', '<=', to)
      .where('deleted', '=', 0)
      .groupBy(['household_id', 'item_code'])
      .execute();
  }

  // ---------- conflicts ----------
  async insertConflict(row: Insertable<SvConflictTable>, db: Db = this.db): Promise<void> {
    await db.insertInto('sv_conflicts').values(row).execute();
  }
  conflicts(householdIds: number[], status?: string) {
    let q = this.db.selectFrom('sv_conflicts').selectAll().where('household_id', 'in', householdIds.length ? householdIds : [-1]);
    if (status) q = q.where('status', '=', status);
    return q.orderBy('id', 'desc').execute();
  }
  conflict(id: number) {
    return this.db.selectFrom('sv_conflicts').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async updateConflict(id: number, patch: Updateable<SvConflictTable>, db: Db = this.db): Promise<void> {
    await db.updateTable('sv_conflicts').set(patch).where('id', '=', id).execute();
  }

  // ---------- questionnaires ----------
  questionnaire(householdId: number, year: number, kind: string) {
    return this.db.selectFrom('sv_questionnaires').selectAll().where('household_id', '=', householdId).where('year', '=', year).where('kind', '=', kind).executeTakeFirst();
  }
  questionnairesOfYear(year: number, kinds: string[]) {
    return this.db.selectFrom('sv_questionnaires').selectAll().where('year', '=', year).where('kind', 'in', kinds).execute();
  }
  async insertQuestionnaires(rows: Insertable<SvQuestionnaireTable>[], db: Db = this.db): Promise<void> {
    await insertChunked(db, 'sv_questionnaires', rows, 7);
  }
  async updateQuestionnaire(id: number, baseVersion: number, patch: Updateable<SvQuestionnaireTable>): Promise<boolean> {
    const r = await this.db.updateTable('sv_questionnaires').set(patch).where('id', '=', id).where('version', '=', baseVersion).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // ---------- household months and approvals ----------
  month(householdId: number, month: string, db: Db = this.db) {
    return db.selectFrom('sv_household_months').selectAll().where('household_id', '=', householdId).where('month', '=', month).executeTakeFirst();
  }
  monthsOf(householdId: number, months: string[], db: Db = this.db) {
    return db.selectFrom('sv_household_months').selectAll().where('household_id', '=', householdId).where('month', 'in', months.length ? months : ['-']).execute();
  }
  /** Month rows of a sample's households for the months given. */
  monthsOfSample(sampleId: number, months: string[]) {
    return this.db
      .selectFrom('sv_household_months')
      .innerJoin('sv_households', 'sv_households.id', 'sv_household_months.household_id')
      .selectAll('sv_household_months')
      .where('sv_households.sample_id', '=', sampleId)
      .where('sv_household_months.month', 'in', months.length ? months : ['-'])
      .execute();
  }
  async upsertMonth(row: Insertable<SvHouseholdMonthTable>, db: Db = this.db): Promise<void> {
    await db
      .insertInto('sv_household_months')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['household_id', 'month']).doUpdateSet({
          status: row.status, declared_members: row.declared_members ?? null, issues: row.issues ?? '[]', submitted_at: row.submitted_at ?? null, submitted_by: row.submitted_by ?? null,
          reviewed_at: row.reviewed_at ?? null, reviewed_by: row.reviewed_by ?? null, comment: row.comment ?? null,
        }),
      )
      .execute();
  }
  async insertMonths(rows: Insertable<SvHouseholdMonthTable>[], db: Db = this.db): Promise<void> {
    await insertChunked(db, 'sv_household_months', rows, 10);
  }
  async updateMonth(householdId: number, month: string, patch: Updateable<SvHouseholdMonthTable>, db: Db = this.db): Promise<void> {
    await db.updateTable('sv_household_months').set(patch).where('household_id', '=', householdId).where('month', '=', month).execute();
  }
  approvals(sampleId: number, months: string[], db: Db = this.db) {
    return db.selectFrom('sv_approvals').selectAll().where('sample_id', '=', sampleId).where('month', 'in', months.length ? months : ['-']).execute();
  }
  approval(sampleId: number, level: string, unitCode: string, month: string, db: Db = this.db) {
    return db.selectFrom('sv_approvals').selectAll().where('sample_id', '=', sampleId).where('level', '=', level).where('unit_code', '=', unitCode).where('month', '=', month).executeTakeFirst();
  }
  async setApproval(row: Insertable<SvApprovalTable>, db: Db = this.db): Promise<void> {
    await db
      .insertInto('sv_approvals')
      .values(row)
      .onConflict((oc) => oc.columns(['sample_id', 'level', 'unit_code', 'month']).doUpdateSet({ status: row.status, by_user: row.by_user, at: row.at, comment: row.comment ?? null }))
      .execute();
  }
  async insertApprovals(rows: Insertable<SvApprovalTable>[], db: Db = this.db): Promise<void> {
    await insertChunked(db, 'sv_approvals', rows, 8);
  }

  // ---------- paradata ----------
  async insertParadata(rows: Insertable<SvParadataTable>[], db: Db = this.db): Promise<void> {
    if (rows.length) await insertChunked(db, 'sv_paradata', rows, 12);
  }
  paradata(householdId: number, limit: number) {
    return this.db.selectFrom('sv_paradata').selectAll().where('household_id', '=', householdId).orderBy('id', 'desc').limit(limit).execute();
  }
  rosterChangedBetween(householdId: number, fromIso: string, toIso: string) {
    return this.db
      .selectFrom('sv_paradata')
      .select('id')
      .where('household_id', '=', householdId)
      .where('object_type', '=', 'member')
      .where('ts', '>=', fromIso)
      .where('ts', '<=', toIso)
      .executeTakeFirst();
  }

  // ---------- CPI and population totals ----------
  cpi() {
    return this.db.selectFrom('sv_cpi').selectAll().orderBy('period').execute();
  }
  async setCpi(period: string, value: number, by: string, at: string): Promise<void> {
    await this.db.insertInto('sv_cpi').values({ period, value, updated_at: at, updated_by: by }).onConflict((oc) => oc.column('period').doUpdateSet({ value, updated_at: at, updated_by: by })).execute();
  }
  population(year?: number) {
    let q = this.db.selectFrom('sv_population').selectAll();
    if (year !== undefined) q = q.where('year', '=', year);
    return q.orderBy('year').orderBy('stratum').execute();
  }
  async setPopulation(rows: Insertable<Database['sv_population']>[]): Promise<void> {
    for (const r of rows) {
      await this.db.insertInto('sv_population').values(r).onConflict((oc) => oc.columns(['year', 'stratum']).doUpdateSet({ persons: r.persons, households: r.households })).execute();
    }
  }
}
