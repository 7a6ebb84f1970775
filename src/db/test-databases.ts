import { randomBytes } from 'node:crypto';
import { connect, dropPostgresSchema, type DbHandle, type DialectName } from './connect.js';
import { migrateToLatest } from './migrate.js';

/**
 * The databases a test suite runs against: SQLite always, PostgreSQL too when ZENGSHOU_TEST_PG
 * holds a connection URL. Each open() gives a fresh, migrated database (a private PostgreSQL
 * schema per call, dropped on close) so runs never collide.
 */
export interface TestDatabase {
  name: DialectName;
  open: () => Promise<DbHandle>;
}

export function testDatabases(): TestDatabase[] {
  const out: TestDatabase[] = [{ name: 'sqlite', open: () => openSqlite() }];
  const pgUrl = process.env.ZENGSHOU_TEST_PG;
  if (pgUrl) out.push({ name: 'postgres', open: () => openPostgres(pgUrl) });
  return out;
}

async function openSqlite(): Promise<DbHandle> {
  const h = await connect({ url: ':memory:' });
  await migrateToLatest(h.db);
  return h;
}

async function openPostgres(url: string): Promise<DbHandle> {
  const schema = `zs_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const h = await connect({ url, schema, poolSize: 4 });
  await migrateToLatest(h.db);
  return {
    ...h,
    close: async () => {
      await h.close();
      await dropPostgresSchema(url, schema);
    },
  };
}
