import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/connect.js';
import { testDatabases } from '../../db/test-databases.js';
import { bulkInsert, bulkInsertFlat, bulkUpdate, type Col } from './bulk.js';

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
});
