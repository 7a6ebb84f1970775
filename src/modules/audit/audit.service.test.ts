import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/connect.js';
import { testDatabases } from '../../db/test-databases.js';
import { AuditService } from './audit.service.js';

describe.each(testDatabases())('audit trail on $name', ({ open }) => {
  let h: DbHandle;
  let audit: AuditService;
  beforeAll(async () => {
    h = await open();
    audit = new AuditService(h);
  });
  afterAll(() => h.close());

  it('appends concurrent records into one unbroken chain', async () => {
    const actor = { userId: null, username: 'tester', ip: '127.0.0.1' };
    await Promise.all(Array.from({ length: 40 }, (_, i) => audit.record(actor, { action: 'test.write', objectId: i })));
    const v = await audit.verify();
    expect(v).toEqual({ ok: true, count: 40 });
    const q = await audit.query({ limit: 10, offset: 0, action: 'test.' });
    expect(q.total).toBe(40);
    expect(q.rows).toHaveLength(10);
  });

  it('appends several events of one operation in their order, chained between single records', async () => {
    const actor = { userId: null, username: 'linker', ip: null };
    await audit.record(actor, { action: 'test.before' });
    // 1,203 events: more than one insert statement's worth (500 rows each).
    await Promise.all([
      audit.recordMany(actor, Array.from({ length: 1203 }, (_, i) => ({ action: 'test.many', objectId: i }))),
      audit.record(actor, { action: 'test.meanwhile' }),
    ]);
    await audit.recordMany(actor, []);
    const v = await audit.verify();
    expect(v).toEqual({ ok: true, count: 40 + 1 + 1203 + 1 });
    const rows = await h.db.selectFrom('audit_log').select(['id', 'object_id']).where('action', '=', 'test.many').orderBy('id').execute();
    expect(rows.map((r) => Number(r.object_id))).toEqual(Array.from({ length: 1203 }, (_, i) => i));
    // Consecutive ids: nothing else was appended in the middle of the operation.
    expect(rows[1202].id - rows[0].id).toBe(1202);
  });

  it('refuses updates and deletes at the database level', async () => {
    await expect(sql`UPDATE audit_log SET outcome = 'failure'`.execute(h.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(h.db)).rejects.toThrow(/append-only/);
  });

  it('detects tampering done behind the application’s back', async () => {
    // Simulate an attacker who disables the guard and edits a row.
    if (h.dialect === 'sqlite') {
      await sql`DROP TRIGGER audit_log_no_update`.execute(h.db);
    } else {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(h.db);
    }
    await sql`UPDATE audit_log SET username = 'someone' WHERE id = 7`.execute(h.db);
    const v = await audit.verify();
    expect(v.ok).toBe(false);
    expect(v.break).toEqual({ id: 7, reason: 'hash_mismatch' });
  });
});
