import { Migrator, sql, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import { dialectOf } from './column-types.js';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-workplan.js';
import * as m0003 from './migrations/0003-registry.js';
import * as m0004 from './migrations/0004-survey.js';
import * as m0005 from './migrations/0005-microsim.js';
import * as m0006 from './migrations/0006-indicators.js';
import * as m0007 from './migrations/0007-registry-performance.js';
import * as m0008 from './migrations/0008-registry-snapshots.js';
import * as m0009 from './migrations/0009-registry-record-keys.js';
import * as m0010 from './migrations/0010-registry-si-rows.js';

/** Every migration, in order. A capability adds its file here. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-workplan': m0002,
  '0003-registry': m0003,
  '0004-survey': m0004,
  '0005-microsim': m0005,
  '0006-indicators': m0006,
  '0007-registry-performance': m0007,
  '0008-registry-snapshots': m0008,
  '0009-registry-record-keys': m0009,
  '0010-registry-si-rows': m0010,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export interface MigrateReport {
  applied: string[];
}

async function migrator(db: Kysely<any>): Promise<Migrator> {
  // PostgreSQL: name the schema, or Kysely takes a migration table in any other schema of the database for ours.
  const migrationTableSchema = dialectOf(db) === 'postgres' ? (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0].s : undefined;
  return new Migrator({ db, provider, migrationTableName: 'zs_migrations', migrationLockTableName: 'zs_migrations_lock', migrationTableSchema });
}

const report = ({ error, results }: MigrationResultSet): MigrateReport => {
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
};

/** Brings the schema up to date; each migration runs in its own transaction. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrateReport> {
  return report(await (await migrator(db)).migrateToLatest());
}

/** Migrates up or down to the named migration (a rollback after a failed upgrade; migration tests). */
export async function migrateTo(db: Kysely<any>, name: string): Promise<MigrateReport> {
  if (!(name in MIGRATIONS)) throw new Error(`unknown migration ${name}`);
  return report(await (await migrator(db)).migrateTo(name));
}
