import type { Kysely } from 'kysely';
import { bigint, withId } from '../column-types.js';

/** Household income survey (住户收支调查): classification, sample, roster, diary, review, paradata. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sv_items')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('code', 'varchar(8)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('component', 'varchar(12)')
    .addColumn('sign', 'integer', (c) => c.notNull())
    .addColumn('part', 'varchar(16)')
    .addColumn('in_kind', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('category', 'integer')
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sv_items_pk', ['version', 'code'])
    .execute();

  await withId(db, db.schema.createTable('sv_samples'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year_from', 'integer', (c) => c.notNull())
    .addColumn('year_to', 'integer', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('sv_frame_units'))
    .addColumn('sample_id', 'integer', (c) => c.notNull().references('sv_samples.id').onDelete('cascade'))
    .addColumn('code', 'varchar(12)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('county_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('township_code', 'varchar(9)', (c) => c.notNull())
    .addColumn('urban_rural_code', 'varchar(3)', (c) => c.notNull())
    .addColumn('stratum', 'varchar(16)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expected_hits', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('listed', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('sv_frame_units_code', ['sample_id', 'code'])
    .execute();

  await withId(db, db.schema.createTable('sv_households'))
    .addColumn('sample_id', 'integer', (c) => c.notNull().references('sv_samples.id').onDelete('cascade'))
    .addColumn('frame_unit_id', 'integer', (c) => c.notNull().references('sv_frame_units.id'))
    .addColumn('code', 'varchar(24)', (c) => c.notNull().unique())
    .addColumn('stratum', 'varchar(16)', (c) => c.notNull())
    .addColumn('psu', 'varchar(16)', (c) => c.notNull())
    .addColumn('county_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('township_code', 'varchar(9)', (c) => c.notNull())
    .addColumn('village_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('urban', 'integer', (c) => c.notNull())
    .addColumn('rotation_group', 'integer', (c) => c.notNull())
    .addColumn('design_weight', 'double precision', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('reserve_rank', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('replaces_id', 'integer', (c) => c.references('sv_households.id'))
    .addColumn('refusal_reason', 'text')
    .addColumn('refused_at', 'varchar(32)')
    .addColumn('active_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('active_to', 'varchar(10)', (c) => c.notNull())
    .addColumn('head_name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('enumerator_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').unique())
    .addColumn('source_ref', 'varchar(32)')
    .execute();
  await db.schema.createIndex('sv_households_sample').on('sv_households').columns(['sample_id', 'status']).execute();

  await withId(db, db.schema.createTable('sv_members'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('sv_households.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sex', 'varchar(1)', (c) => c.notNull())
    .addColumn('birth_year', 'integer', (c) => c.notNull())
    .addColumn('relation', 'varchar(20)', (c) => c.notNull())
    .addColumn('supported_student', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('since', 'varchar(10)')
    .addColumn('until', 'varchar(10)')
    .addUniqueConstraint('sv_members_seq', ['household_id', 'seq'])
    .execute();

  await withId(db, db.schema.createTable('sv_absences'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('sv_members.id').onDelete('cascade'))
    .addColumn('date_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('date_to', 'varchar(10)', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sv_entries')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('household_id', 'integer', (c) => c.notNull().references('sv_households.id').onDelete('cascade'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('item_code', 'varchar(8)', (c) => c.notNull())
    .addColumn('amount_fen', bigint(db), (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('member_seq', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sv_entries_household').on('sv_entries').columns(['household_id', 'date']).execute();
  // Covering index for the estimates' aggregation (month range → household × item sums).
  await db.schema.createIndex('sv_entries_aggregate').on('sv_entries').columns(['month', 'deleted', 'household_id', 'item_code', 'amount_fen']).execute();

  await withId(db, db.schema.createTable('sv_conflicts'))
    .addColumn('entry_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('household_id', 'integer', (c) => c.notNull().references('sv_households.id').onDelete('cascade'))
    .addColumn('client_payload', 'text', (c) => c.notNull())
    .addColumn('server_payload', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('resolved_at', 'varchar(32)')
    .addColumn('resolved_by', 'varchar(64)')
    .addColumn('resolution', 'text')
    .execute();
  await db.schema.createIndex('sv_conflicts_household').on('sv_conflicts').columns(['household_id', 'status']).execute();

  await withId(db, db.schema.createTable('sv_questionnaires'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('sv_households.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(64)', (c) => c.notNull())
    .addUniqueConstraint('sv_questionnaires_key', ['household_id', 'year', 'kind'])
    .execute();

  await db.schema
    .createTable('sv_household_months')
    .addColumn('household_id', 'integer', (c) => c.notNull().references('sv_households.id').onDelete('cascade'))
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('declared_members', 'integer')
    .addColumn('issues', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('submitted_at', 'varchar(32)')
    .addColumn('submitted_by', 'varchar(64)')
    .addColumn('reviewed_at', 'varchar(32)')
    .addColumn('reviewed_by', 'varchar(64)')
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('sv_household_months_pk', ['household_id', 'month'])
    .execute();
  await db.schema.createIndex('sv_household_months_month').on('sv_household_months').columns(['month', 'status']).execute();

  await withId(db, db.schema.createTable('sv_approvals'))
    .addColumn('sample_id', 'integer', (c) => c.notNull().references('sv_samples.id').onDelete('cascade'))
    .addColumn('level', 'varchar(12)', (c) => c.notNull())
    .addColumn('unit_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('by_user', 'varchar(64)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addUniqueConstraint('sv_approvals_unit', ['sample_id', 'level', 'unit_code', 'month'])
    .execute();

  await withId(db, db.schema.createTable('sv_paradata'))
    .addColumn('ts', 'varchar(32)', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('username', 'varchar(64)')
    .addColumn('household_id', 'integer', (c) => c.notNull().references('sv_households.id').onDelete('cascade'))
    .addColumn('object_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('object_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('field', 'varchar(32)', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('reason', 'text')
    .addColumn('client_ts', 'varchar(40)')
    .execute();
  await db.schema.createIndex('sv_paradata_household').on('sv_paradata').columns(['household_id', 'id']).execute();

  await db.schema
    .createTable('sv_cpi')
    .addColumn('period', 'varchar(8)', (c) => c.primaryKey())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(64)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sv_population')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('stratum', 'varchar(16)', (c) => c.notNull())
    .addColumn('persons', bigint(db), (c) => c.notNull())
    .addColumn('households', bigint(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('sv_population_pk', ['year', 'stratum'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'sv_population', 'sv_cpi', 'sv_paradata', 'sv_approvals', 'sv_household_months', 'sv_questionnaires', 'sv_conflicts',
    'sv_entries', 'sv_absences', 'sv_members', 'sv_households', 'sv_frame_units', 'sv_samples', 'sv_items',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
