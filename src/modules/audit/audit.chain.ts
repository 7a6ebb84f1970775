import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../../db/schema.js';
import { createHash } from 'node:crypto';

/** The fields of an audit record that its hash covers (all but the id and the hashes). */
export type AuditFields = Omit<Selectable<AuditLogTable>, 'id' | 'prev_hash' | 'hash'>;

export const GENESIS_HASH = '0'.repeat(64);

/** hash = SHA-256(prev_hash ‖ canonical JSON of the fields): altering, removing or reordering any
 *  record breaks every hash after it. */
export function chainHash(prevHash: string, f: AuditFields): string {
  const canonical = JSON.stringify([
    f.ts, f.user_id, f.username, f.action, f.object_type, f.object_id, f.region_code, f.outcome, f.ip, f.detail,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export interface ChainBreak {
  id: number;
  reason: 'prev_hash_mismatch' | 'hash_mismatch';
}

/** Checks a run of records (ascending id) continuing from `prevHash`; returns the first break. */
export function verifyChain(
  records: Iterable<AuditFields & { id: number; prev_hash: string; hash: string }>,
  prevHash = GENESIS_HASH,
): { ok: true; last: string; count: number } | { ok: false; break: ChainBreak; count: number } {
  let last = prevHash;
  let count = 0;
  for (const r of records) {
    if (r.prev_hash !== last) return { ok: false, break: { id: r.id, reason: 'prev_hash_mismatch' }, count };
    if (chainHash(r.prev_hash, r) !== r.hash) return { ok: false, break: { id: r.id, reason: 'hash_mismatch' }, count };
    last = r.hash;
    count++;
  }
  return { ok: true, last, count };
}
