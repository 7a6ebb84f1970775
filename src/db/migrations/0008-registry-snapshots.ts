import type { Kysely } from 'kysely';
import { dialectOf } from '../column-types.js';

/**
 * Registry tables at the full city's size (issue 5): each year's household incomes — the input of
 * every region table — kept packed (see disclosure/household-snapshot.ts) with the registry version
 * they were computed at (import batches, merges and unmerges change it). Derived data only: a
 * stale or missing snapshot is recomputed from the records, so this table may be emptied at any time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reg_household_snapshots')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'varchar(64)', (c) => c.notNull())
    .addColumn('households', 'integer', (c) => c.notNull())
    .addColumn('regions', 'text', (c) => c.notNull())
    .addColumn('data', dialectOf(db) === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('computed_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reg_household_snapshots').execute();
}
