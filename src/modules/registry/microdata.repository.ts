/**
 * Registry micro data for policy evaluation (政策评估): pseudonymous person and household ids,
 * regions and amounts of one year, read page by page (keyset on the primary key) so that memory
 * does not grow with the registry beyond what the caller keeps. Nothing encrypted is read: no
 * ID numbers, names, addresses or phone numbers. Region scope: a LIKE prefix on the region of the
 * household the (canonical) person lives in; `null` = the whole city, read without the joins.
 * Portable SQL (SQLite and PostgreSQL).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { SI_AMOUNT_COLUMNS, siAmountsOfRow, siSchemes } from './si-record.js';

/** A person with the household they live in: merged persons come with the person they were merged into. */
export interface MicroPerson {
  id: number;
  canonicalId: number;
  householdId: number;
  /** the household's region (12-digit village code, or coarser) */
  region: string;
  /** 'resident' | 'non_resident' | null (of the canonical person) */
  residence: string | null;
}

export interface MicroIncome {
  id: number;
  personId: number;
  /** 'YYYY-MM' or 'YYYY' */
  period: string;
  item: string;
  amountFen: number;
}

export interface MicroSocialInsurance {
  id: number;
  personId: number;
  scheme: string;
  baseFen: number | null;
  personalFen: number;
  employerFen: number | null;
  employerCode: string | null;
}

export interface MicroRegion {
  code: string;
  name: string;
  level: string;
  urbanRuralCode: string | null;
}

/** Income items a policy population takes as inputs (taxes, contributions and 低保 are recomputed by the rules). */
export const MICRODATA_INCOME_ITEMS = [
  'wage', 'bonus', 'labour_service', 'business', 'business_revenue', 'business_cost', 'interest', 'dividends', 'rent', 'imputed_rent',
  'property_expense', 'pension', 'subsidies', 'other_transfers', 'support_paid',
] as const;

const num = (x: unknown): number => Number(x);

export class MicrodataRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Changes whenever an import batch commits or persons are merged or unmerged (for caches). */
  async version(): Promise<string> {
    const b = await this.db.selectFrom('reg_batches').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
    const m = await this.db.selectFrom('reg_merges').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
    return `${num(b?.m ?? 0)}.${num(m?.m ?? 0)}`;
  }

  /**
   * Every person (merged ones too) whose canonical person lives in a household in scope, by id.
   * `scopeLike` e.g. '211002%'.
   */
  async *persons(scopeLike: string, pageSize = 20_000): AsyncGenerator<MicroPerson[]> {
    let after = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom('reg_persons as p')
        .innerJoin('reg_persons as c', 'c.id', 'p.canonical_id')
        .innerJoin('reg_households as h', 'h.id', 'c.household_id')
        .select(['p.id as id', 'p.canonical_id as canonical_id', 'c.household_id as household_id', 'h.region_code as region_code', 'c.residence as residence'])
        .where('h.region_code', 'like', scopeLike)
        .where('p.id', '>', after)
        .orderBy('p.id')
        .limit(pageSize)
        .execute();
      if (!rows.length) return;
      after = num(rows[rows.length - 1].id);
      yield rows.map((r) => ({ id: num(r.id), canonicalId: num(r.canonical_id), householdId: num(r.household_id), region: r.region_code, residence: r.residence }));
      if (rows.length < pageSize) return;
    }
  }

  /** The year's income records of the items a simulation uses, by id; scoped through the person's household unless `scopeLike` is null. */
  async *income(year: number, scopeLike: string | null, pageSize = 50_000): AsyncGenerator<MicroIncome[]> {
    let after = 0;
    for (;;) {
      let q = this.db
        .selectFrom('reg_income as i')
        .select(['i.id as id', 'i.person_id as person_id', 'i.period as period', 'i.item as item', 'i.amount_fen as amount_fen'])
        .where('i.year', '=', year)
        .where('i.item', 'in', [...MICRODATA_INCOME_ITEMS])
        .where('i.id', '>', after);
      if (scopeLike !== null) {
        q = q
          .innerJoin('reg_persons as p', 'p.id', 'i.person_id')
          .innerJoin('reg_persons as c', 'c.id', 'p.canonical_id')
          .innerJoin('reg_households as h', 'h.id', 'c.household_id')
          .where('h.region_code', 'like', scopeLike);
      }
      const rows = await q.orderBy('i.id').limit(pageSize).execute();
      if (!rows.length) return;
      after = num(rows[rows.length - 1].id);
      yield rows.map((r) => ({ id: num(r.id), personId: num(r.person_id), period: r.period, item: r.item, amountFen: num(r.amount_fen) }));
      if (rows.length < pageSize) return;
    }
  }

  /** The year's social insurance and housing fund records, one per scheme a stored row states, by row id (scoped as `income`). */
  async *socialInsurance(year: number, scopeLike: string | null, pageSize = 50_000): AsyncGenerator<MicroSocialInsurance[]> {
    let after = 0;
    for (;;) {
      let q = this.db
        .selectFrom('reg_social_insurance as s')
        .select(['s.id as id', 's.person_id as person_id', 's.employer_code as employer_code', ...SI_AMOUNT_COLUMNS.map((c) => `s.${c}` as const)])
        .where('s.year', '=', year)
        .where('s.id', '>', after);
      if (scopeLike !== null) {
        q = q
          .innerJoin('reg_persons as p', 'p.id', 's.person_id')
          .innerJoin('reg_persons as c', 'c.id', 'p.canonical_id')
          .innerJoin('reg_households as h', 'h.id', 'c.household_id')
          .where('h.region_code', 'like', scopeLike);
      }
      const rows = await q.orderBy('s.id').limit(pageSize).execute();
      if (!rows.length) return;
      after = num(rows[rows.length - 1].id);
      // One stored row per month; a record per scheme it states.
      yield rows.flatMap((r) =>
        siSchemes(siAmountsOfRow(r)).map((x) => ({ id: num(r.id), personId: num(r.person_id), scheme: x.scheme, baseFen: x.baseFen, personalFen: x.personalFen, employerFen: x.employerFen, employerCode: r.employer_code || null })),
      );
      if (rows.length < pageSize) return;
    }
  }

  /** Persons with a 低保 record in the year (the take-up). */
  async dibaoPersons(year: number, scopeLike: string | null): Promise<number[]> {
    let q = this.db.selectFrom('reg_dibao as d').select('d.person_id as person_id').distinct().where('d.year', '=', year);
    if (scopeLike !== null) {
      q = q
        .innerJoin('reg_persons as p', 'p.id', 'd.person_id')
        .innerJoin('reg_persons as c', 'c.id', 'p.canonical_id')
        .innerJoin('reg_households as h', 'h.id', 'c.household_id')
        .where('h.region_code', 'like', scopeLike);
    }
    return (await q.execute()).map((r) => num(r.person_id));
  }

  /** Years with income records, latest first. */
  async incomeYears(): Promise<number[]> {
    const rows = await this.db.selectFrom('reg_income').select('year').distinct().orderBy('year', 'desc').execute();
    return rows.map((r) => num(r.year));
  }

  /** Counties and villages (with their urban-rural codes) under a region prefix. */
  async regions(prefixLike: string): Promise<MicroRegion[]> {
    const rows = await this.db
      .selectFrom('regions')
      .select(['code', 'name', 'level', 'urban_rural_code'])
      .where('code', 'like', prefixLike)
      .where('level', 'in', ['county', 'village'])
      .orderBy('code')
      .execute();
    return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, urbanRuralCode: r.urban_rural_code }));
  }
}
