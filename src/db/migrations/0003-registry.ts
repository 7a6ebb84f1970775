import type { Kysely } from 'kysely';
import { bigint, withId } from '../column-types.js';

/**
 * Income and property registry (个人收入和财产信息系统). Personal identifiers (ID number, name, phone,
 * address, account and certificate numbers) are stored only as AES-256-GCM ciphertext (`*_enc`) and
 * looked up by keyed blind index (`*_bidx`). Every record row names its channel, import batch and
 * source row; `row_key` (a keyed hash of the canonical record) makes re-imports add nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('reg_channels'))
    .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // 1 = holds sensitive personal information: no import before an impact assessment is filed.
    .addColumn('sensitive', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(64)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('reg_pias'))
    .addColumn('channel_id', 'integer', (c) => c.notNull().references('reg_channels.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('data_items', 'text', (c) => c.notNull())
    .addColumn('risks', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('risk_level', 'varchar(8)', (c) => c.notNull())
    .addColumn('assessor', 'text', (c) => c.notNull())
    .addColumn('assessed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_until', 'varchar(10)', (c) => c.notNull())
    .addColumn('filed_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('filed_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reg_pias_channel').on('reg_pias').column('channel_id').execute();

  await withId(db, db.schema.createTable('reg_batches'))
    .addColumn('channel_id', 'integer', (c) => c.notNull().references('reg_channels.id'))
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('file_bytes', bigint(db), (c) => c.notNull())
    .addColumn('encoding', 'varchar(16)')
    .addColumn('rows_read', 'integer', (c) => c.notNull())
    .addColumn('rows_ok', 'integer', (c) => c.notNull())
    .addColumn('rows_rejected', 'integer', (c) => c.notNull())
    .addColumn('rows_duplicate', 'integer', (c) => c.notNull())
    .addColumn('records_added', 'integer', (c) => c.notNull())
    .addColumn('persons_added', 'integer', (c) => c.notNull())
    .addColumn('stats', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('imported_by', 'varchar(64)', (c) => c.notNull())
    // The same file (by content) is one batch per channel.
    .addUniqueConstraint('reg_batches_file', ['channel_id', 'file_sha256'])
    .execute();

  await withId(db, db.schema.createTable('reg_quarantine'))
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('reg_batches.id'))
    .addColumn('channel_id', 'integer', (c) => c.notNull().references('reg_channels.id'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    // Region the row names (for scoped access), '211000' when it names none.
    .addColumn('region_code', 'varchar(12)', (c) => c.notNull())
    // The rejected row as {header: value}, encrypted (it holds ID numbers and names).
    .addColumn('raw_enc', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('fixed_batch_id', 'integer', (c) => c.references('reg_batches.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(64)')
    .execute();
  await db.schema.createIndex('reg_quarantine_batch').on('reg_quarantine').columns(['batch_id', 'row_no']).execute();
  await db.schema.createIndex('reg_quarantine_status').on('reg_quarantine').columns(['channel_id', 'status']).execute();

  await withId(db, db.schema.createTable('reg_households'))
    // Blind index of the channel's household number (户编号), for re-imports and membership.
    .addColumn('key_bidx', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('region_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('address_enc', 'text')
    .addColumn('channel_id', 'integer', (c) => c.notNull().references('reg_channels.id'))
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('reg_batches.id'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reg_households_region').on('reg_households').column('region_code').execute();

  await withId(db, db.schema.createTable('reg_persons'))
    // Identity key: blind index of the ID number, or of name + birth date + place for a record without one.
    .addColumn('key_bidx', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_bidx', 'varchar(64)', (c) => c.unique())
    .addColumn('name_enc', 'text')
    .addColumn('name_bidx', 'varchar(64)')
    .addColumn('surname_bidx', 'varchar(64)')
    .addColumn('sex', 'integer')
    .addColumn('birth_date', 'varchar(10)')
    // 'resident' or 'non_resident' individual (domicile / 183-day rule), when a channel says so.
    .addColumn('residence', 'varchar(16)')
    // Where the person lives (12-digit village, or coarser); '211000' when no channel says more.
    .addColumn('region_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('address_enc', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('household_id', 'integer', (c) => c.references('reg_households.id'))
    .addColumn('relation', 'varchar(8)')
    // The person this one is merged into (null = a person in its own right); canonical_id = end of that chain.
    // 'pending' until probabilistic linkage has looked at a person without an ID number, then 'done'.
    .addColumn('linkage', 'varchar(8)')
    .addColumn('merged_into', 'integer')
    .addColumn('canonical_id', 'integer', (c) => c.notNull())
    .addColumn('channel_id', 'integer', (c) => c.notNull().references('reg_channels.id'))
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('reg_batches.id'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reg_persons_name').on('reg_persons').column('name_bidx').execute();
  await db.schema.createIndex('reg_persons_region').on('reg_persons').column('region_code').execute();
  await db.schema.createIndex('reg_persons_canonical').on('reg_persons').column('canonical_id').execute();
  await db.schema.createIndex('reg_persons_household').on('reg_persons').column('household_id').execute();
  await db.schema.createIndex('reg_persons_birth').on('reg_persons').column('birth_date').execute();
  // Blocking rule "same surname, same birth year" of probabilistic linkage.
  await db.schema.createIndex('reg_persons_surname_birth').on('reg_persons').columns(['surname_bidx', 'birth_date']).execute();

  // Candidate links from probabilistic linkage: auto-merged, or waiting in the review queue.
  await withId(db, db.schema.createTable('reg_links'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('reg_persons.id'))
    .addColumn('candidate_id', 'integer', (c) => c.notNull().references('reg_persons.id'))
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('run_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('decided_by', 'varchar(64)')
    .addColumn('decided_at', 'varchar(32)')
    .addUniqueConstraint('reg_links_pair', ['person_id', 'candidate_id'])
    .execute();
  await db.schema.createIndex('reg_links_status').on('reg_links').column('status').execute();
  await db.schema.createIndex('reg_links_candidate').on('reg_links').column('candidate_id').execute();

  // Every merge and unmerge, in order: the linkage history and what an unmerge reverses.
  await withId(db, db.schema.createTable('reg_merges'))
    .addColumn('action', 'varchar(8)', (c) => c.notNull())
    .addColumn('from_id', 'integer', (c) => c.notNull().references('reg_persons.id'))
    .addColumn('into_id', 'integer', (c) => c.notNull().references('reg_persons.id'))
    .addColumn('method', 'varchar(16)', (c) => c.notNull())
    .addColumn('link_id', 'integer', (c) => c.references('reg_links.id'))
    .addColumn('reason', 'text')
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('by', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reg_merges_from').on('reg_merges').column('from_id').execute();
  await db.schema.createIndex('reg_merges_into').on('reg_merges').column('into_id').execute();

  const provenance = <T extends string>(t: import('kysely').CreateTableBuilder<T, never>) =>
    t
      .addColumn('channel_id', 'integer', (c) => c.notNull().references('reg_channels.id'))
      .addColumn('batch_id', 'integer', (c) => c.notNull().references('reg_batches.id'))
      .addColumn('row_no', 'integer', (c) => c.notNull())
      .addColumn('row_key', 'varchar(32)', (c) => c.notNull());

  await provenance(
    withId(db, db.schema.createTable('reg_income'))
      .addColumn('person_id', 'integer', (c) => c.notNull().references('reg_persons.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      // 'YYYY-MM' or 'YYYY'
      .addColumn('period', 'varchar(7)', (c) => c.notNull())
      .addColumn('component', 'varchar(16)', (c) => c.notNull())
      .addColumn('item', 'varchar(24)', (c) => c.notNull())
      // Always ≥ 0 for income items; expenditure items (tax, contributions, property expense) count negatively.
      .addColumn('amount_fen', bigint(db), (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('reg_income_key').on('reg_income').columns(['channel_id', 'row_key']).unique().execute();
  await db.schema.createIndex('reg_income_person').on('reg_income').columns(['person_id', 'year']).execute();

  await provenance(
    withId(db, db.schema.createTable('reg_property'))
      .addColumn('person_id', 'integer', (c) => c.notNull().references('reg_persons.id'))
      // dwelling | vehicle | deposit | security
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('value_fen', bigint(db), (c) => c.notNull())
      .addColumn('area_m2', 'double precision')
      .addColumn('region_code', 'varchar(12)')
      .addColumn('address_enc', 'text')
      .addColumn('ref_enc', 'text')
      // Blind index of the certificate / account number: co-owners' rows of one dwelling share it.
      .addColumn('ref_bidx', 'varchar(64)')
      .addColumn('acquired_on', 'varchar(10)')
      .addColumn('valued_on', 'varchar(10)')
      .addColumn('disposed_on', 'varchar(10)'),
  ).execute();
  await db.schema.createIndex('reg_property_key').on('reg_property').columns(['channel_id', 'row_key']).unique().execute();
  await db.schema.createIndex('reg_property_person').on('reg_property').column('person_id').execute();

  await provenance(
    withId(db, db.schema.createTable('reg_social_insurance'))
      .addColumn('person_id', 'integer', (c) => c.notNull().references('reg_persons.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('period', 'varchar(7)', (c) => c.notNull())
      // pension | medical | unemployment | injury | maternity | housing_fund
      .addColumn('scheme', 'varchar(16)', (c) => c.notNull())
      .addColumn('base_fen', bigint(db))
      .addColumn('personal_fen', bigint(db), (c) => c.notNull())
      .addColumn('employer_fen', bigint(db))
      .addColumn('employer_code', 'varchar(18)'),
  ).execute();
  await db.schema.createIndex('reg_si_key').on('reg_social_insurance').columns(['channel_id', 'row_key']).unique().execute();
  await db.schema.createIndex('reg_si_person').on('reg_social_insurance').columns(['person_id', 'year']).execute();

  await provenance(
    withId(db, db.schema.createTable('reg_dibao'))
      .addColumn('person_id', 'integer', (c) => c.notNull().references('reg_persons.id'))
      .addColumn('household_id', 'integer', (c) => c.references('reg_households.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('period', 'varchar(7)', (c) => c.notNull())
      .addColumn('household_size', 'integer')
      .addColumn('standard_fen', bigint(db))
      .addColumn('benefit_fen', bigint(db), (c) => c.notNull())
      .addColumn('region_code', 'varchar(12)'),
  ).execute();
  await db.schema.createIndex('reg_dibao_key').on('reg_dibao').columns(['channel_id', 'row_key']).unique().execute();
  await db.schema.createIndex('reg_dibao_person').on('reg_dibao').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'reg_dibao', 'reg_social_insurance', 'reg_property', 'reg_income', 'reg_merges', 'reg_links', 'reg_persons',
    'reg_households', 'reg_quarantine', 'reg_batches', 'reg_pias', 'reg_channels',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
