import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { AuditLogTable, Database } from '../../db/schema.js';
import type { DialectName } from '../../db/connect.js';
import { GENESIS_HASH } from './audit.chain.js';

export type AuditRow = Selectable<AuditLogTable>;

export interface AuditQuery {
  from?: string;
  to?: string;
  username?: string;
  action?: string;
  outcome?: string;
  regionPrefix?: string;
  limit: number;
  offset: number;
}

/** All SQL of the audit trail. There is deliberately no update or delete here. */
export class AuditRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  /**
   * Appends records after the current last one, in a transaction that serialises appenders; `make`
   * gets the last record's hash and returns the new records in chain order (ids ascend with it).
   */
  async append(make: (prevHash: string) => Insertable<AuditLogTable>[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (this.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(424242)`.execute(trx);
      const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
      const rows = make(last?.hash ?? GENESIS_HASH);
      // One statement per 500 rows (12 columns: within SQLite's and PostgreSQL's parameter limits).
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('audit_log').values(rows.slice(i, i + 500)).execute();
    });
  }

  async *scan(batch = 5000): AsyncGenerator<AuditRow> {
    let after = 0;
    for (;;) {
      const rows = await this.db.selectFrom('audit_log').selectAll().where('id', '>', after).orderBy('id').limit(batch).execute();
      for (const r of rows) yield r;
      if (rows.length < batch) return;
      after = rows[rows.length - 1].id;
    }
  }

  private filtered(q: Omit<AuditQuery, 'limit' | 'offset'>) {
    let s = this.db.selectFrom('audit_log');
    if (q.from) s = s.where('ts', '>=', q.from);
    if (q.to) s = s.where('ts', '<=', q.to);
    if (q.username) s = s.where('username', '=', q.username);
    if (q.action) s = s.where('action', 'like', `${q.action}%`);
    if (q.outcome) s = s.where('outcome', '=', q.outcome);
    if (q.regionPrefix) s = s.where('region_code', 'like', `${q.regionPrefix}%`);
    return s;
  }

  async query(q: AuditQuery): Promise<{ rows: AuditRow[]; total: number }> {
    const base = this.filtered(q);
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }
}
