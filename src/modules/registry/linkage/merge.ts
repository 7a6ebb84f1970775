/**
 * Merges and unmerges of persons. A merge points one person at another (merged_into) and moves
 * the whole cluster's canonical id; records never move, so an unmerge restores exactly what was
 * there. Person ids are stable: a merged id still resolves, to the person it was merged into.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { nowIso } from '../../../shared/time.js';
import { AppError } from '../../app-error.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function mergePersons(
  db: Db,
  fromId: number,
  intoId: number,
  meta: { method: 'auto' | 'review' | 'manual'; linkId?: number | null; reason?: string | null; by: string },
): Promise<{ fromRoot: number; intoRoot: number }> {
  const rows = await db.selectFrom('reg_persons').select(['id', 'canonical_id', 'merged_into']).where('id', 'in', [fromId, intoId]).execute();
  const from = rows.find((r) => r.id === fromId);
  const into = rows.find((r) => r.id === intoId);
  if (!from || !into) throw new AppError(404, 'NOT_FOUND', '人员不存在');
  const fromRoot = from.canonical_id;
  const intoRoot = into.canonical_id;
  if (fromRoot === intoRoot) throw new AppError(409, 'ALREADY_SAME_PERSON', '两条记录已是同一人');
  // The cluster's root is merged into the other cluster's root.
  await db.updateTable('reg_persons').set({ merged_into: intoRoot }).where('id', '=', fromRoot).execute();
  await db.updateTable('reg_persons').set({ canonical_id: intoRoot }).where('canonical_id', '=', fromRoot).execute();
  await db
    .insertInto('reg_merges')
    .values({ action: 'merge', from_id: fromRoot, into_id: intoRoot, method: meta.method, link_id: meta.linkId ?? null, reason: meta.reason ?? null, at: nowIso(), by: meta.by })
    .execute();
  return { fromRoot, intoRoot };
}

/** Detaches a merged person (and whatever was merged into it) from its cluster. */
export async function unmergePerson(db: Db, personId: number, meta: { reason: string; by: string }): Promise<{ root: number; formerRoot: number }> {
  const p = await db.selectFrom('reg_persons').select(['id', 'canonical_id', 'merged_into']).where('id', '=', personId).executeTakeFirst();
  if (!p) throw new AppError(404, 'NOT_FOUND', '人员不存在');
  if (p.merged_into === null) throw new AppError(409, 'NOT_MERGED', '该人员未被合并，无需拆分');
  const formerRoot = p.canonical_id;
  const cluster = await db.selectFrom('reg_persons').select(['id', 'merged_into']).where('canonical_id', '=', formerRoot).execute();
  const parent = new Map(cluster.map((c) => [c.id, c.merged_into]));
  const underP = (id: number): boolean => {
    for (let x: number | null | undefined = id; x !== null && x !== undefined; x = parent.get(x)) if (x === personId) return true;
    return false;
  };
  const moving = cluster.filter((c) => underP(c.id)).map((c) => c.id);
  await db.updateTable('reg_persons').set({ merged_into: null }).where('id', '=', personId).execute();
  await db.updateTable('reg_persons').set({ canonical_id: personId }).where('id', 'in', moving).execute();
  const into = p.merged_into;
  await db.insertInto('reg_merges').values({ action: 'unmerge', from_id: personId, into_id: into, method: 'manual', link_id: null, reason: meta.reason, at: nowIso(), by: meta.by }).execute();
  // A link that had made this merge is undone, so the pair is not proposed as confirmed again.
  await db.updateTable('reg_links').set({ status: 'undone', decided_by: meta.by, decided_at: nowIso() }).where('person_id', '=', personId).where('status', 'in', ['auto', 'confirmed']).execute();
  return { root: personId, formerRoot };
}
