import { sql, type Kysely } from 'kysely';
import { bigint } from '../column-types.js';

/**
 * Registry performance (issue 5): `reg_income_year`, every person's registered income of a year by
 * NBS component (fen, expenditure items already negative), maintained at each import batch's
 * commit from the records the batch added. Records never move between persons (a merge only moves
 * `canonical_id`), so the sums stay valid through merges and unmerges; the region tables read
 * these few rows per person instead of every monthly record.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reg_income_year')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('reg_persons.id'))
    .addColumn('component', 'varchar(16)', (c) => c.notNull())
    .addColumn('amount_fen', bigint(db), (c) => c.notNull())
    .addColumn('records', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reg_income_year_pk', ['year', 'person_id', 'component'])
    .execute();
  await db.schema.createIndex('reg_income_year_person').on('reg_income_year').column('person_id').execute();
  // Household sizes for the tables without reading the person rows.
  await db.schema.createIndex('reg_persons_household_members').on('reg_persons').columns(['household_id', 'merged_into']).execute();
  // Records already in the registry.
  await sql`
    INSERT INTO reg_income_year (year, person_id, component, amount_fen, records)
    SELECT year, person_id, component,
           SUM(CASE WHEN item IN ('iit', 'social_insurance', 'support_paid', 'property_expense', 'business_cost') THEN -amount_fen ELSE amount_fen END),
           COUNT(*)
    FROM reg_income GROUP BY year, person_id, component`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reg_persons_household_members').execute();
  await db.schema.dropTable('reg_income_year').execute();
}
