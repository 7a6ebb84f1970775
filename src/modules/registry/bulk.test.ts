import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/connect.js';
import { testDatabases } from '../../db/test-databases.js';
import { DEFER_INDEXES_BELOW, bulkInsert, bulkInsertFlat, bulkUpdate, deferIndexes, type Col } from './bulk.js';

const COLS: Col[] = [{ name: 'id', type: 'int' }, { name: 'k', type: 'text' }, { name: 'v', type: 'bigint' }, { name: 'note', type: 'text' }];

describe.each(testDatabases())('bulk writes ($name)', (tdb) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await tdb.open();
    await sql`CREATE TABLE bulk_t (id integer PRIMARY KEY, k varchar(20) NOT NULL UNIQUE, v bigint, note text)`.execute(h.db);
  });
  afterAll(async () => h?.close());

  it('inserts every row of a large set (several statements of different sizes), beyond-int32 values exact', async () => {
    // 2 × 8,192 + 13 rows: SQLite splits them into statements of 8,192, 8,192, 8, 4 and 1 rows.
    const n = 2 * 8192 + 13;
    const rows = Array.from({ length: n }, (_, i) => [i + 1, `k${i}`, 3_000_000_000 + i, i % 5 === 0 ? null : `第${i}行`]);
    expect(await bulkInsert(h.db, h.dialect, 'bulk_t', COLS, rows)).toBe(n);
    const r = await sql<{ n: number; s: number; nulls: number; last: string }>`SELECT COUNT(*) AS n, SUM(v - 3000000000) AS s, SUM(CASE WHEN note IS NULL THEN 1 ELSE 0 END) AS nulls, MAX(id) AS last FROM bulk_t`.execute(h.db);
    expect(Number(r.rows[0].n)).toBe(n);
    expect(Number(r.rows[0].s)).toBe((n * (n - 1)) / 2);
    expect(Number(r.rows[0].nulls)).toBe(Math.ceil(n / 5));
    expect(await h.db.selectFrom('bulk_t' as never).select(['v', 'note'] as never).where('id' as never, '=', 7 as never).executeTakeFirst()).toEqual({ v: 3_000_000_006, note: '第6行' });
  });

  it('skips rows that repeat a unique key when asked, and counts only those inserted', async () => {
    const rows = [[100_000, 'k1', 1, 'again'], [100_001, 'new', 2, null], [100_002, 'k2', 3, 'again']];
    expect(await bulkInsert(h.db, h.dialect, 'bulk_t', COLS, rows, true)).toBe(1);
    await expect(bulkInsert(h.db, h.dialect, 'bulk_t', COLS, [[100_003, 'k3', 1, null]])).rejects.toThrow();
  });

  it('inserts rows laid end to end (undefined stored as null), and refuses values that are not whole rows', async () => {
    const flat = [200_001, 'f1', 5, undefined, 200_002, 'f2', undefined, '二'];
    expect(await bulkInsertFlat(h.db, h.dialect, 'bulk_t', COLS, flat)).toBe(2);
    const got = await sql<{ id: number; v: number | null; note: string | null }>`SELECT id, v, note FROM bulk_t WHERE id > 200000 ORDER BY id`.execute(h.db);
    expect(got.rows.map((x) => [Number(x.id), x.v === null ? null : Number(x.v), x.note])).toEqual([[200_001, 5, null], [200_002, null, '二']]);
    await expect(bulkInsertFlat(h.db, h.dialect, 'bulk_t', COLS, [200_003, 'f3', 1])).rejects.toThrow(/not rows of 4/);
  });

  it('updates by id, keeping a column where the new value is null', async () => {
    await bulkUpdate(h.db, h.dialect, 'bulk_t', [{ name: 'v', type: 'bigint' }, { name: 'note', type: 'text' }], [[1, 42, null], [2, null, '改']]);
    const got = await sql<{ id: number; v: number; note: string | null }>`SELECT id, v, note FROM bulk_t WHERE id IN (1, 2) ORDER BY id`.execute(h.db);
    expect(got.rows.map((x) => [Number(x.id), Number(x.v), x.note])).toEqual([[1, 42, null], [2, 3_000_000_001, '改']]);
  });

  it('defers a small table\'s non-unique indexes to the end of a batch (SQLite), keeping unique ones; a failed batch keeps them', async () => {
    await sql`CREATE TABLE defer_t (id integer PRIMARY KEY, k varchar(20) NOT NULL UNIQUE, g integer)`.execute(h.db);
    await sql`CREATE INDEX defer_t_g ON defer_t (g)`.execute(h.db);
    const indexes = async () =>
      h.dialect === 'sqlite'
        ? (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'defer_t' ORDER BY name`.execute(h.db)).rows.map((r) => r.name)
        : (await sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'defer_t' AND schemaname = current_schema() ORDER BY indexname`.execute(h.db)).rows.map((r) => r.name);
    const all = await indexes();
    expect(all).toContain('defer_t_g');
    await h.db.transaction().execute(async (trx) => {
      const restore = await deferIndexes(trx, h.dialect, 'defer_t');
      // Inside the batch: SQLite has dropped the plain index only; the unique key still rejects a repeat.
      const inside = h.dialect === 'sqlite' ? (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'defer_t'`.execute(trx)).rows.map((r) => r.name) : all;
      expect(inside.includes('defer_t_g')).toBe(h.dialect !== 'sqlite');
      expect(inside.length).toBe(h.dialect === 'sqlite' ? all.length - 1 : all.length);
      expect(await bulkInsert(trx, h.dialect, 'defer_t', [{ name: 'id', type: 'int' }, { name: 'k', type: 'text' }, { name: 'g', type: 'int' }], [[1, 'a', 5], [2, 'a', 6], [3, 'b', 5]], true)).toBe(2);
      await restore();
    });
    expect(await indexes()).toEqual(all);
    const plan = h.dialect === 'sqlite' ? (await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT id FROM defer_t WHERE g = 5`.execute(h.db)).rows.map((r) => r.detail).join(' ') : 'defer_t_g';
    expect(plan).toContain('defer_t_g');
    // A batch that fails after the indexes were dropped: they are all there afterwards.
    await expect(
      h.db.transaction().execute(async (trx) => {
        await deferIndexes(trx, h.dialect, 'defer_t');
        throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    expect(await indexes()).toEqual(all);
    // A table of DEFER_INDEXES_BELOW rows or more keeps its indexes during a batch.
    await sql`WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${DEFER_INDEXES_BELOW}) INSERT INTO defer_t (id, k, g) SELECT 10 + n, 'x' || n, n FROM s`.execute(h.db);
    await h.db.transaction().execute(async (trx) => {
      await deferIndexes(trx, h.dialect, 'defer_t');
      if (h.dialect === 'sqlite') expect(Number((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'defer_t_g'`.execute(trx)).rows[0].n)).toBe(1);
    });
  });
});
