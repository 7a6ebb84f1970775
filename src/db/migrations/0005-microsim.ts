import type { Kysely } from 'kysely';
import { withId } from '../column-types.js';

/** Policy evaluation (政策评估): stored reform runs (request and results, for export) and saved scenarios. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('ms_runs'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('username', 'varchar(64)')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('scale', 'double precision', (c) => c.notNull())
    .addColumn('reform_name', 'varchar(80)')
    .addColumn('reform_label', 'text')
    .addColumn('net_cost', 'double precision', (c) => c.notNull())
    .addColumn('elapsed_ms', 'integer', (c) => c.notNull())
    /** JSON: {year, scale, reform, decileUnit} */
    .addColumn('request', 'text', (c) => c.notNull())
    /** JSON: ReformResults */
    .addColumn('results', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ms_runs_created').on('ms_runs').column('created_at').execute();

  await withId(db, db.schema.createTable('ms_scenarios'))
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('scale', 'double precision', (c) => c.notNull())
    /** JSON: the reform (name, label, description, parameter overrides, formulas) */
    .addColumn('reform', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ms_scenarios').execute();
  await db.schema.dropTable('ms_runs').execute();
}
