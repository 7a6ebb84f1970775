import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteWorkerDialect } from './worker-dialect.js';

interface T {
  t: { id: number; name: string; data: Uint8Array | null };
}

describe('SQLite in a worker thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zs-worker-'));
  let db: Kysely<T>;
  beforeAll(async () => {
    db = new Kysely<T>({ dialect: new SqliteWorkerDialect(join(dir, 'w.sqlite'), ['journal_mode = WAL', 'foreign_keys = ON']) });
    await sql`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, data BLOB)`.execute(db);
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('inserts, reads back (blobs too) and reports affected rows and the new id', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252]);
    const r = await db.insertInto('t').values({ id: 7, name: 'a', data: bytes }).executeTakeFirst();
    expect(r.insertId).toBe(7n);
    expect(r.numInsertedOrUpdatedRows).toBe(1n);
    const row = await db.selectFrom('t').selectAll().where('id', '=', 7).executeTakeFirstOrThrow();
    expect(Buffer.from(row.data!)).toEqual(bytes);
    const u = await db.updateTable('t').set({ name: 'b' }).where('id', '=', 7).executeTakeFirst();
    expect(u.numUpdatedRows).toBe(1n);
  });

  it('gives SQLite errors with their code, and a failed transaction leaves nothing', async () => {
    await expect(db.insertInto('t').values({ id: 8, name: 'b', data: null }).execute()).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ id: 9, name: 'c', data: null }).execute();
        await trx.insertInto('t').values({ id: 10, name: 'c', data: null }).execute();
      }),
    ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(await db.selectFrom('t').select('id').orderBy('id').execute()).toEqual([{ id: 7 }]);
  });

  it('keeps the main thread free while a long statement runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      const t0 = performance.now();
      const r = await sql<{ n: number }>`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT COUNT(*) AS n FROM c`.execute(db);
      const ms = performance.now() - t0;
      expect(r.rows[0].n).toBe(3_000_000);
      // In-process, the timer could not fire before the statement's answer was taken (0 ticks); here it fires meanwhile.
      expect(ms).toBeGreaterThan(20);
      expect(ticks).toBeGreaterThanOrEqual(3);
    } finally {
      clearInterval(timer);
    }
  });
});
