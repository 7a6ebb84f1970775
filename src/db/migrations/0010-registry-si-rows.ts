import type { Kysely } from 'kysely';
import { SI_SCHEMES, type SiScheme } from '../../modules/registry/items.js';
import { recordKey, recordKeyState } from '../../modules/registry/import/row-key.js';
import { SI_AMOUNT_COLUMNS, emptySiAmounts, setScheme, siAmountsOfRow, siRecord, siSchemes, type SiAmounts } from '../../modules/registry/si-record.js';
import { bigint, withId } from '../column-types.js';

/**
 * Social insurance as one record per source row (issue 5, the full city's import): a month's row of
 * the 社保 file states four schemes and was stored as four records (19 million at scale 1, the
 * largest table by far); now it is one, with three amount columns per scheme. Records stored earlier
 * are converted in place: the records of one source row become one, with the record key the importer
 * computes for that row now, so a file imported before the change adds nothing when sent again.
 *
 * The record keys need the importer's pure key functions (src/modules/registry): the one place where
 * a migration reads module code, because the key is defined there and must not be defined twice.
 */
const PAGE = 20_000;
const INSERT = 500;
const PROV = ['channel_id', 'batch_id', 'row_no', 'row_key'] as const;

interface LongRow {
  id: number | string;
  person_id: number;
  key_bidx: string;
  year: number;
  period: string;
  scheme: string;
  base_fen: number | string | null;
  personal_fen: number | string;
  employer_fen: number | string | null;
  employer_code: string | null;
  channel_id: number;
  batch_id: number;
  row_no: number;
}

const numOrNull = (x: unknown) => (x === null || x === undefined ? null : Number(x));
const keyOf = (personKey: string, record: object) => recordKey(JSON.stringify(record), recordKeyState(`${personKey}\u0000`));

async function createWide(db: Kysely<any>, name: string): Promise<void> {
  let t = withId(db, db.schema.createTable(name))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('reg_persons.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('employer_code', 'varchar(18)');
  for (const c of SI_AMOUNT_COLUMNS) t = t.addColumn(c, bigint(db));
  await t
    .addColumn('channel_id', 'integer', (c) => c.notNull().references('reg_channels.id'))
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('reg_batches.id'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('row_key', 'varchar(32)', (c) => c.notNull())
    .execute();
}

async function createLong(db: Kysely<any>, name: string): Promise<void> {
  await withId(db, db.schema.createTable(name))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('reg_persons.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('scheme', 'varchar(16)', (c) => c.notNull())
    .addColumn('base_fen', bigint(db))
    .addColumn('personal_fen', bigint(db), (c) => c.notNull())
    .addColumn('employer_fen', bigint(db))
    .addColumn('employer_code', 'varchar(18)')
    .addColumn('channel_id', 'integer', (c) => c.notNull().references('reg_channels.id'))
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('reg_batches.id'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('row_key', 'varchar(32)', (c) => c.notNull())
    .execute();
}

/** Pages of the old table's rows with their person's identity key, in id order. */
async function* pages<T>(db: Kysely<any>, columns: string[]): AsyncGenerator<T[]> {
  let after = 0;
  for (;;) {
    const rows = (await db
      .selectFrom('reg_social_insurance as s')
      .innerJoin('reg_persons as p', 'p.id', 's.person_id')
      .select([...columns.map((c) => `s.${c}`), 'p.key_bidx as key_bidx'])
      .where('s.id', '>', after)
      .orderBy('s.id')
      .limit(PAGE)
      .execute()) as (T & { id: number | string })[];
    if (!rows.length) return;
    after = Number(rows[rows.length - 1].id);
    yield rows;
  }
}

/** Inserts rows in chunks; a row whose key is already there (the same content sent twice) is one record. */
async function insertAll(db: Kysely<any>, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT) {
    await db.insertInto(table).values(rows.slice(i, i + INSERT)).onConflict((oc) => oc.doNothing()).execute();
  }
}

async function swap(db: Kysely<any>, fresh: string, key: string[]): Promise<void> {
  await db.schema.dropTable('reg_social_insurance').execute();
  await db.schema.alterTable(fresh).renameTo('reg_social_insurance').execute();
  await db.schema.createIndex('reg_social_insurance_person_key').on('reg_social_insurance').columns(key).unique().execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await createWide(db, 'reg_si_rows');
  await db.schema.createIndex('reg_si_rows_key').on('reg_si_rows').columns(['person_id', 'year', 'channel_id', 'row_key']).unique().execute();
  // A source row's records were inserted one after another: consecutive ids with the same row.
  let group: { first: LongRow; amounts: SiAmounts; schemes: Set<string> } | null = null;
  let out: Record<string, unknown>[] = [];
  const close = () => {
    if (!group) return;
    const f = group.first;
    const row: Record<string, unknown> = { person_id: f.person_id, year: f.year, period: f.period, employer_code: f.employer_code, channel_id: f.channel_id, batch_id: f.batch_id, row_no: f.row_no };
    SI_AMOUNT_COLUMNS.forEach((c, i) => (row[c] = group!.amounts[i]));
    row.row_key = keyOf(f.key_bidx, siRecord(f.year, f.period, f.employer_code, group.amounts));
    out.push(row);
    group = null;
  };
  const columns = ['id', 'person_id', 'year', 'period', 'scheme', 'base_fen', 'personal_fen', 'employer_fen', 'employer_code', ...PROV.filter((c) => c !== 'row_key')];
  for await (const page of pages<LongRow>(db, columns)) {
    for (const r of page) {
      const f = group?.first;
      const same = f && f.channel_id === r.channel_id && f.batch_id === r.batch_id && f.row_no === r.row_no && f.person_id === r.person_id && f.period === r.period && f.employer_code === r.employer_code && !group!.schemes.has(r.scheme);
      if (!same) {
        close();
        group = { first: r, amounts: emptySiAmounts(), schemes: new Set() };
      }
      if (!(SI_SCHEMES as readonly string[]).includes(r.scheme)) continue;
      group!.schemes.add(r.scheme);
      setScheme(group!.amounts, r.scheme as SiScheme, numOrNull(r.base_fen), Number(r.personal_fen), numOrNull(r.employer_fen));
    }
    if (out.length >= PAGE) {
      await insertAll(db, 'reg_si_rows', out);
      out = [];
    }
  }
  close();
  await insertAll(db, 'reg_si_rows', out);
  await db.schema.dropIndex('reg_si_rows_key').execute();
  await swap(db, 'reg_si_rows', ['person_id', 'year', 'channel_id', 'row_key']);
}

export async function down(db: Kysely<any>): Promise<void> {
  await createLong(db, 'reg_si_long');
  await db.schema.createIndex('reg_si_long_key').on('reg_si_long').columns(['person_id', 'year', 'channel_id', 'row_key']).unique().execute();
  const columns = ['id', 'person_id', 'year', 'period', 'employer_code', ...SI_AMOUNT_COLUMNS, ...PROV.filter((c) => c !== 'row_key')];
  type WideRow = Record<string, unknown> & { person_id: number; key_bidx: string; year: number; period: string; employer_code: string | null };
  for await (const page of pages<WideRow>(db, columns)) {
    const out: Record<string, unknown>[] = [];
    for (const r of page) {
      for (const s of siSchemes(siAmountsOfRow(r))) {
        // The per-scheme record exactly as the importer built it before this migration (its key hashes this JSON).
        const record = { type: 'si', year: r.year, period: r.period, scheme: s.scheme, baseFen: s.baseFen, personalFen: s.personalFen, employerFen: s.employerFen, employerCode: r.employer_code };
        out.push({
          person_id: r.person_id, year: r.year, period: r.period, scheme: s.scheme, base_fen: s.baseFen, personal_fen: s.personalFen, employer_fen: s.employerFen,
          employer_code: r.employer_code, channel_id: r.channel_id, batch_id: r.batch_id, row_no: r.row_no, row_key: keyOf(r.key_bidx, record),
        });
      }
    }
    await insertAll(db, 'reg_si_long', out);
  }
  await db.schema.dropIndex('reg_si_long_key').execute();
  await swap(db, 'reg_si_long', ['person_id', 'year', 'channel_id', 'row_key']);
}
