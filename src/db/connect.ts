import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, type Dialect } from 'kysely';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  close: () => Promise<void>;
}

export interface ConnectOptions {
  /** `postgres://…` for PostgreSQL; otherwise a SQLite file path (or ':memory:'). */
  url: string;
  /** PostgreSQL only: schema to use (created if missing); tests use one per run. */
  schema?: string;
  /** Maximum pool size (PostgreSQL). */
  poolSize?: number;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** Opens the database. Each dialect's setup lives in its own function below. */
export async function connect(opts: ConnectOptions): Promise<DbHandle> {
  return isPostgresUrl(opts.url) ? connectPostgres(opts) : connectSqlite(opts.url);
}

/** Page cache bound per SQLite connection, in KiB (ZENGSHOU_SQLITE_CACHE_MB, default 256 MB). */
const SQLITE_CACHE_KIB = Math.max(2, Number(process.env.ZENGSHOU_SQLITE_CACHE_MB ?? 256)) * 1024;

async function connectSqlite(file: string): Promise<DbHandle> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const pragmas = [
    'journal_mode = WAL',
    'foreign_keys = ON',
    'synchronous = NORMAL',
    'busy_timeout = 5000',
    // SQLite's default page cache is 2 MB; imports insert into indexes of millions of rows, where a B-tree
    // that does not fit makes every insert a cache miss. Pages are allocated as used, up to this bound.
    `cache_size = -${SQLITE_CACHE_KIB}`,
    'temp_store = MEMORY',
  ];
  let dialect: Dialect;
  if (process.env.ZENGSHOU_SQLITE_THREAD === 'main') {
    const { default: SQLite } = await import('better-sqlite3');
    const database = new SQLite(file);
    for (const p of pragmas) database.pragma(p);
    dialect = new SqliteDialect({ database });
  } else {
    // Default: the connection lives in a worker thread (see sqlite/worker-dialect.ts).
    const { SqliteWorkerDialect } = await import('./sqlite/worker-dialect.js');
    dialect = new SqliteWorkerDialect(file, pragmas);
  }
  const db = new Kysely<Database>({ dialect });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

async function connectPostgres(opts: ConnectOptions): Promise<DbHandle> {
  const pg = await import('pg');
  const { Pool, types } = pg.default;
  // bigint (int8) and numeric come back as strings by default; our values fit in a double.
  types.setTypeParser(20, (v: string) => Number(v));
  types.setTypeParser(1700, (v: string) => Number(v));
  if (opts.schema && !/^[a-z_][a-z0-9_]*$/.test(opts.schema)) throw new Error(`invalid schema name ${opts.schema}`);
  if (opts.schema) {
    const admin = new Pool({ connectionString: opts.url, max: 1 });
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}`);
    await admin.end();
  }
  const pool = new Pool({
    connectionString: opts.url,
    max: opts.poolSize ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** Drops a PostgreSQL schema (test teardown). */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const pg = await import('pg');
  const admin = new pg.default.Pool({ connectionString: url, max: 1 });
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}
