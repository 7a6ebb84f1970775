import type { Kysely } from 'kysely';
import { withId } from '../column-types.js';

/**
 * Indicators and targets (指标与目标): definitions (formulas over data elements), departments'
 * manual entries with approval, targets, the computed values cache and key-group rosters.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ind_definitions')
    .addColumn('code', 'varchar(80)', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('unit', 'varchar(32)', (c) => c.notNull())
    .addColumn('periodicity', 'varchar(8)', (c) => c.notNull())
    .addColumn('numerator', 'text', (c) => c.notNull())
    .addColumn('denominator', 'text')
    .addColumn('factor', 'double precision', (c) => c.notNull())
    .addColumn('decimals', 'integer', (c) => c.notNull())
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('department', 'varchar(64)')
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('better', 'varchar(8)', (c) => c.notNull())
    .addColumn('headline', 'integer')
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(64)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('ind_entries'))
    .addColumn('indicator', 'varchar(80)', (c) => c.notNull())
    .addColumn('period', 'varchar(8)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
    .addColumn('entered_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('entered_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('reviewed_by', 'varchar(64)')
    .addColumn('reviewed_at', 'varchar(32)')
    .addColumn('review_comment', 'text')
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source_label', 'text')
    .execute();
  await db.schema.createIndex('ind_entries_key').on('ind_entries').columns(['indicator', 'period', 'region_code']).execute();

  await withId(db, db.schema.createTable('ind_targets'))
    .addColumn('indicator', 'varchar(80)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('plan_ref', 'varchar(40)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('base_year', 'integer', (c) => c.notNull())
    .addColumn('base_value', 'double precision')
    .addColumn('target_year', 'integer', (c) => c.notNull())
    .addColumn('target_value', 'double precision', (c) => c.notNull())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('origin', 'varchar(8)', (c) => c.notNull())
    .addColumn('milestone_id', 'integer')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(64)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ind_values')
    .addColumn('code', 'varchar(80)', (c) => c.notNull())
    .addColumn('period', 'varchar(8)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('se', 'double precision')
    .addColumn('ci_lo', 'double precision')
    .addColumn('ci_hi', 'double precision')
    .addColumn('n', 'integer')
    .addColumn('suppressed', 'integer', (c) => c.notNull())
    .addColumn('growth', 'double precision')
    .addColumn('source_kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('source_label', 'text', (c) => c.notNull())
    .addColumn('href', 'text')
    .addColumn('synthetic', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('ind_values_pk', ['region_code', 'code', 'period'])
    .execute();

  await db.schema
    .createTable('ind_extras')
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('period', 'varchar(8)', (c) => c.notNull())
    .addColumn('region_code', 'varchar(12)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('ind_extras_pk', ['region_code', 'kind', 'period'])
    .execute();

  await withId(db, db.schema.createTable('ind_group_members'))
    .addColumn('group_key', 'varchar(32)', (c) => c.notNull())
    .addColumn('id_bidx', 'varchar(64)', (c) => c.notNull())
    .addColumn('source_label', 'text', (c) => c.notNull())
    .addColumn('synthetic', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ind_group_members_key').on('ind_group_members').columns(['group_key', 'id_bidx']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['ind_group_members', 'ind_extras', 'ind_values', 'ind_targets', 'ind_entries', 'ind_definitions']) await db.schema.dropTable(t).execute();
}
