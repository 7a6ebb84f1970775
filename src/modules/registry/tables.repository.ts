/**
 * SQL of the registry's statistical tables: the registry version (changes with every import batch,
 * merge and unmerge), household sizes and incomes of a year, the region directory, and the stored
 * household snapshots. Portable SQL (SQLite and PostgreSQL).
 */
import { sql } from 'kysely';
import type { DbHandle } from '../../db/connect.js';
import type { PackedHouseholds } from './disclosure/household-snapshot.js';

export class TablesRepository {
  constructor(private readonly h: DbHandle) {}

  /** Changes with every import batch, every merge or unmerge and every person added (index seeks only). */
  async version(): Promise<string> {
    const r = await sql<{ b: number | null; m: number | null; p: number | null }>`SELECT (SELECT MAX(id) FROM reg_batches) AS b, (SELECT MAX(id) FROM reg_merges) AS m, (SELECT MAX(id) FROM reg_persons) AS p`.execute(this.h.db);
    const row = r.rows[0];
    return `${Number(row.b ?? 0)}:${Number(row.m ?? 0)}:${Number(row.p ?? 0)}`;
  }

  async regionCount(): Promise<number> {
    return Number((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM regions`.execute(this.h.db)).rows[0].n);
  }

  async currentRegions() {
    return this.h.db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code', 'urban_rural_code']).where('valid_to', 'is', null).execute();
  }

  /** Members per household (an index-only scan of reg_persons_household_members). */
  async householdSizes(): Promise<{ hid: number; n: number }[]> {
    const r = await sql<{ hid: number; n: number }>`
      SELECT household_id AS hid, COUNT(*) AS n FROM reg_persons
      WHERE household_id IS NOT NULL AND merged_into IS NULL GROUP BY household_id`.execute(this.h.db);
    return r.rows.map((x) => ({ hid: Number(x.hid), n: Number(x.n) }));
  }

  async householdPlaces(): Promise<{ id: number; region_code: string }[]> {
    return this.h.db.selectFrom('reg_households').select(['id', 'region_code']).execute();
  }

  /**
   * Each household's registered income of the year by component: records count for the person
   * they belong to now (merged records to the merged-into person), from the per-person yearly sums.
   */
  async householdSums(year: number): Promise<{ hid: number; component: string; v: number }[]> {
    const r = await sql<{ hid: number; component: string; v: number }>`
      SELECT c.household_id AS hid, s.component AS component, SUM(s.amount_fen) AS v
      FROM reg_income_year s
      JOIN reg_persons p ON p.id = s.person_id
      JOIN reg_persons c ON c.id = p.canonical_id
      WHERE s.year = ${year} AND c.household_id IS NOT NULL
      GROUP BY c.household_id, s.component`.execute(this.h.db);
    return r.rows.map((x) => ({ hid: Number(x.hid), component: x.component, v: Number(x.v) }));
  }

  /** Years with registered income, latest first (index seeks on reg_income_year's key). */
  async incomeYears(): Promise<number[]> {
    const years: number[] = [];
    for (let below = 1_000_000; ; ) {
      const r = await sql<{ y: number | null }>`SELECT MAX(year) AS y FROM reg_income_year WHERE year < ${below}`.execute(this.h.db);
      const y = r.rows[0]?.y;
      if (y === null || y === undefined) return years;
      years.push(Number(y));
      below = Number(y);
    }
  }

  async snapshotVersion(year: number): Promise<string | null> {
    const r = await this.h.db.selectFrom('reg_household_snapshots').select('version').where('year', '=', year).executeTakeFirst();
    return r?.version ?? null;
  }

  async loadSnapshot(year: number): Promise<(PackedHouseholds & { version: string }) | null> {
    const r = await this.h.db.selectFrom('reg_household_snapshots').select(['version', 'regions', 'data']).where('year', '=', year).executeTakeFirst();
    if (!r) return null;
    return { version: r.version, regions: JSON.parse(r.regions) as string[], data: Buffer.from(r.data) };
  }

  async saveSnapshot(year: number, version: string, households: number, p: PackedHouseholds, at: string): Promise<void> {
    await this.h.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('reg_household_snapshots').where('year', '=', year).execute();
      await trx.insertInto('reg_household_snapshots').values({ year, version, households, regions: JSON.stringify(p.regions), data: p.data, computed_at: at }).execute();
    });
  }
}
