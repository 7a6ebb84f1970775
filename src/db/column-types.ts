import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { DialectName } from './connect.js';

/**
 * Portable column helpers for migrations. Everything else is plain Kysely; only these few
 * types differ between SQLite and PostgreSQL.
 * - ids: SQLite INTEGER PRIMARY KEY AUTOINCREMENT, PostgreSQL identity column
 * - money/counters that may exceed 2^31: INTEGER in SQLite (64-bit), BIGINT in PostgreSQL
 * - timestamps: ISO-8601 text in both (sortable, no time-zone surprises)
 * - booleans: 0/1 integers in both
 */
export function dialectOf(db: Kysely<unknown>): DialectName {
  const name = db.getExecutor().adapter.constructor.name;
  return name.startsWith('Postgres') ? 'postgres' : 'sqlite';
}

export function withId<T extends string>(db: Kysely<unknown>, t: CreateTableBuilder<T, never>) {
  return dialectOf(db) === 'postgres'
    ? t.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export const bigint = (db: Kysely<unknown>) => (dialectOf(db) === 'postgres' ? sql`bigint` : sql`integer`);
