import type { DbHandle } from '../../db/connect.js';
import { nowIso } from '../../shared/time.js';
import { chainHash, GENESIS_HASH, verifyChain, type ChainBreak } from './audit.chain.js';
import { AuditRepository, type AuditQuery, type AuditRow } from './audit.repository.js';

/** Who did it, from where: taken from the request by the server, or from the CLI. */
export interface Actor {
  userId: number | null;
  username: string | null;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system', ip: null };

export interface AuditEvent {
  action: string;
  outcome?: 'success' | 'failure' | 'denied';
  objectType?: string;
  objectId?: string | number;
  regionCode?: string | null;
  detail?: Record<string, unknown>;
}

export class AuditService {
  private readonly repo: AuditRepository;

  constructor(handle: DbHandle) {
    this.repo = new AuditRepository(handle.db, handle.dialect);
  }

  async record(actor: Actor, e: AuditEvent): Promise<void> {
    const fields = fieldsOf(actor, e, nowIso());
    await this.repo.append((prev) => [{ ...fields, prev_hash: prev, hash: chainHash(prev, fields) }]);
  }

  /** Several events of one operation (e.g. a linkage run's merges), chained in order and appended together. */
  async recordMany(actor: Actor, events: readonly AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    const ts = nowIso();
    const all = events.map((e) => fieldsOf(actor, e, ts));
    await this.repo.append((prev) =>
      all.map((fields) => {
        const hash = chainHash(prev, fields);
        const row = { ...fields, prev_hash: prev, hash };
        prev = hash;
        return row;
      }),
    );
  }

  query(q: AuditQuery): Promise<{ rows: AuditRow[]; total: number }> {
    return this.repo.query(q);
  }

  /** Re-computes the whole chain. */
  async verify(): Promise<{ ok: boolean; count: number; break?: ChainBreak }> {
    let prev = GENESIS_HASH;
    let count = 0;
    const batch: AuditRow[] = [];
    const flush = () => {
      const r = verifyChain(batch, prev);
      count += r.count;
      batch.length = 0;
      if (!r.ok) return r.break;
      prev = r.last;
      return undefined;
    };
    for await (const row of this.repo.scan()) {
      batch.push(row);
      if (batch.length >= 5000) {
        const b = flush();
        if (b) return { ok: false, count, break: b };
      }
    }
    const b = flush();
    return b ? { ok: false, count, break: b } : { ok: true, count };
  }
}

function fieldsOf(actor: Actor, e: AuditEvent, ts: string) {
  return {
    ts,
    user_id: actor.userId,
    username: actor.username,
    action: e.action,
    object_type: e.objectType ?? null,
    object_id: e.objectId === undefined ? null : String(e.objectId),
    region_code: e.regionCode ?? null,
    outcome: e.outcome ?? 'success',
    ip: actor.ip,
    detail: JSON.stringify(e.detail ?? {}),
  };
}
