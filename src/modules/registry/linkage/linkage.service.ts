/**
 * Probabilistic linkage of persons who came without an ID number: blocking (same birth date; same
 * name; same surname and birth year), Fellegi–Sunter weights with u from random pairs and m by
 * EM, then per person: above the upper threshold merged automatically, between the thresholds
 * queued for review, below left alone. Reviews, merges and unmerges are audited and reversible.
 */
import { sql } from 'kysely';
import type { DbHandle } from '../../../db/connect.js';
import { inScope } from '../../../shared/region-scope.js';
import { nowIso } from '../../../shared/time.js';
import { AppError, notFound } from '../../app-error.js';
import type { Actor, AuditService } from '../../audit/audit.service.js';
import type { SettingsService } from '../../settings/settings.service.js';
import { maskName, type Protector } from '../protect.js';
import { rng } from '../random.js';
import type { RegistryViewer } from '../scope.js';
import { compare, type LinkField, type LinkRecord, type Levels } from './compare.js';
import { estimateM, estimateU, initialM, matchWeight, type Model } from './fellegi-sunter.js';
import { mergePersons, unmergePerson } from './merge.js';

export interface LinkageSettings {
  /** match weight (bits) at or above which a pair is merged automatically */
  upper: number;
  /** match weight at or above which a pair goes to the review queue */
  lower: number;
  /** random pairs for estimating u */
  randomPairs: number;
}
export const DEFAULT_LINKAGE: LinkageSettings = { upper: 12, lower: 4, randomPairs: 20000 };

export interface LinkRunReport {
  runId: string;
  pending: number;
  compared: number;
  autoMerged: number;
  review: number;
  unlinked: number;
  model: { lambda: number; m: Model['m']; u: Model['u']; iterations: number; converged: boolean } | null;
}

export interface ReviewItem {
  linkId: number;
  weight: number;
  probability: number;
  status: string;
  levels: Levels;
  left: ReviewSide;
  right: ReviewSide;
  createdAt: string;
}
interface ReviewSide {
  id: number;
  name: string | null;
  sex: number | null;
  birthDate: string | null;
  regionCode: string;
  hasIdNumber: boolean;
}

type PersonRow = { id: number; canonical_id: number; name_enc: string | null; address_enc: string | null; surname_bidx: string | null; name_bidx: string | null; sex: number | null; birth_date: string | null; region_code: string; linkage: string | null };

export class LinkageService {
  constructor(
    private readonly h: DbHandle,
    private readonly protector: Protector,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
  ) {}

  async linkageSettings(): Promise<LinkageSettings> {
    return { ...DEFAULT_LINKAGE, ...(await this.settings.get<Partial<LinkageSettings>>('registry.linkage', {})) };
  }

  /** Decrypted comparison fields of a person, each person decrypted once per run (`cache`). */
  private record(r: PersonRow, cache?: Map<number, LinkRecord>): LinkRecord {
    const hit = cache?.get(r.id);
    if (hit) return hit;
    const rec = this.decrypted(r);
    cache?.set(r.id, rec);
    return rec;
  }

  private decrypted(r: PersonRow): LinkRecord {
    return { id: r.id, name: r.name_enc ? this.protector.dec(r.name_enc) : null, sex: r.sex, birthDate: r.birth_date, regionCode: r.region_code, address: r.address_enc ? this.protector.dec(r.address_enc) : null };
  }

  /** u from random pairs of persons (a fixed seed: the same data give the same model). */
  private async randomPairLevels(n: number): Promise<Levels[]> {
    const db = this.h.db;
    const max = Number((await sql<{ m: number | null }>`SELECT MAX(id) AS m FROM reg_persons`.execute(db)).rows[0]?.m ?? 0);
    if (max < 2) return [];
    const r = rng(max * 7919 + 17);
    const ids = new Set<number>();
    const want = Math.min(2 * n, max);
    while (ids.size < want) ids.add(1 + Math.floor(r() * max));
    const rows: PersonRow[] = [];
    const list = [...ids];
    for (let i = 0; i < list.length; i += 5000) {
      rows.push(...(await db.selectFrom('reg_persons').select(['id', 'canonical_id', 'name_enc', 'address_enc', 'surname_bidx', 'name_bidx', 'sex', 'birth_date', 'region_code', 'linkage']).where('id', 'in', list.slice(i, i + 5000)).execute()));
    }
    // Pair them in the order they were drawn (the database returns them sorted by id, and
    // neighbouring ids are often the same household).
    const byId = new Map(rows.map((x) => [x.id, x]));
    const drawn = list.map((id) => byId.get(id)).filter((x): x is PersonRow => x !== undefined);
    const out: Levels[] = [];
    for (let i = 0; i + 1 < drawn.length; i += 2) {
      if (drawn[i].canonical_id !== drawn[i + 1].canonical_id) out.push(compare(this.record(drawn[i]), this.record(drawn[i + 1])));
    }
    return out;
  }

  /**
   * Links every person still waiting for probabilistic linkage; with `all`, also those looked at
   * before and left alone (worth it once new persons with ID numbers have arrived).
   */
  async run(actor: Actor, opts: { all?: boolean } = {}): Promise<LinkRunReport> {
    const db = this.h.db;
    const cfg = await this.linkageSettings();
    const runId = nowIso();
    const pending = await db
      .selectFrom('reg_persons')
      .select(['id', 'canonical_id', 'name_enc', 'address_enc', 'surname_bidx', 'name_bidx', 'sex', 'birth_date', 'region_code', 'linkage'])
      .where('linkage', opts.all ? 'in' : '=', opts.all ? ['pending', 'done'] : 'pending')
      .where('merged_into', 'is', null)
      .orderBy('id')
      .execute();
    const report: LinkRunReport = { runId, pending: pending.length, compared: 0, autoMerged: 0, review: 0, unlinked: 0, model: null };
    if (pending.length === 0) return report;

    // Candidate pairs from the blocking rules.
    const pairs: { a: PersonRow; b: PersonRow; levels: Levels; byBirth: boolean; byName: boolean }[] = [];
    const pendingIds = new Set(pending.map((p) => p.id));
    const records = new Map<number, LinkRecord>();
    const blockQuery = (p: PersonRow) => {
      const year = p.birth_date?.slice(0, 4);
      return db
        .selectFrom('reg_persons')
        .select(['id', 'canonical_id', 'name_enc', 'address_enc', 'surname_bidx', 'name_bidx', 'sex', 'birth_date', 'region_code', 'linkage'])
        .where('merged_into', 'is', null)
        .where('id', '!=', p.id)
        .where((eb) => {
          const ors = [];
          if (p.birth_date) ors.push(eb('birth_date', '=', p.birth_date));
          if (p.name_bidx) ors.push(eb('name_bidx', '=', p.name_bidx));
          if (p.surname_bidx && year) ors.push(eb.and([eb('surname_bidx', '=', p.surname_bidx), eb('birth_date', '>=', `${year}-01-01`), eb('birth_date', '<=', `${year}-12-31`)]));
          return eb.or(ors);
        })
        .limit(2000)
        .execute();
    };
    const blocked = pending.filter((p) => p.birth_date || p.name_bidx);
    // The next person's candidates are fetched while this person's are decrypted and compared.
    const ahead = (i: number) => {
      if (i >= blocked.length) return null;
      const q = blockQuery(blocked[i]);
      q.catch(() => {}); // handled where it is awaited
      return q;
    };
    let next = ahead(0);
    for (let i = 0; i < blocked.length; i++) {
      const p = blocked[i];
      const cands = await next!;
      next = ahead(i + 1);
      const a = this.record(p, records);
      for (const c of cands) {
        // Each pair of two waiting persons once.
        if (pendingIds.has(c.id) && c.id < p.id) continue;
        pairs.push({ a: p, b: c, levels: compare(a, this.record(c, records)), byBirth: !!p.birth_date && c.birth_date === p.birth_date, byName: !!p.name_bidx && c.name_bidx === p.name_bidx });
      }
    }
    report.compared = pairs.length;

    const u = estimateU(await this.randomPairLevels(cfg.randomPairs));
    const model = trainModel(pairs, u);
    const em = { model, iterations: model.iterations, converged: model.converged };
    report.model = { lambda: model.lambda, m: model.m, u: model.u, iterations: model.iterations, converged: model.converged };
    const total = Number((await db.selectFrom('reg_persons').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const freq = new Map<string, number>();
    for (const r of await db.selectFrom('reg_persons').select(['surname_bidx']).select((eb) => eb.fn.countAll<number>().as('n')).where('surname_bidx', 'is not', null).groupBy('surname_bidx').execute()) {
      freq.set(r.surname_bidx!, Number(r.n) / total);
    }

    // Best candidate per waiting person.
    const best = new Map<number, { other: PersonRow; w: ReturnType<typeof matchWeight>; levels: Levels; runnerUp: number }>();
    const consider = (self: PersonRow, other: PersonRow, levels: Levels) => {
      const w = matchWeight(levels, em.model, levels.surname === 2 && self.surname_bidx ? freq.get(self.surname_bidx) : undefined);
      const cur = best.get(self.id);
      if (!cur || w.total > cur.w.total) {
        const runnerUp = cur && cur.other.canonical_id !== other.canonical_id ? cur.w.total : cur?.runnerUp ?? -Infinity;
        best.set(self.id, { other, w, levels, runnerUp });
      } else if (other.canonical_id !== cur.other.canonical_id) cur.runnerUp = Math.max(cur.runnerUp, w.total);
    };
    for (const { a, b, levels } of pairs) {
      consider(a, b, levels);
      if (pendingIds.has(b.id)) consider(b, a, levels);
    }

    const merges: { from: number; into: number; weight: number; linkId: number }[] = [];
    await db.transaction().execute(async (trx) => {
      const now = nowIso();
      for (const p of pending) {
        const b = best.get(p.id);
        if (!b || b.w.total < cfg.lower) {
          report.unlinked++;
          continue;
        }
        // Automatic only when clearly better than any other person (else a reviewer decides).
        const auto = b.w.total >= cfg.upper && b.w.total - b.runnerUp >= 4;
        const link = await trx
          .insertInto('reg_links')
          .values({ person_id: p.id, candidate_id: b.other.id, weight: b.w.total, levels: JSON.stringify(b.levels), status: auto ? 'auto' : 'pending', run_id: runId, created_at: now, decided_by: auto ? 'system' : null, decided_at: auto ? now : null })
          .onConflict((oc) => oc.columns(['person_id', 'candidate_id']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!link) continue;
        if (auto) {
          // An earlier merge of this run may already have joined the two.
          const merged = await mergePersons(trx, p.id, b.other.id, { method: 'auto', linkId: link.id, by: 'system' }).catch((e: unknown) => {
            if (e instanceof AppError && e.code === 'ALREADY_SAME_PERSON') return null;
            throw e;
          });
          if (merged) {
            merges.push({ from: p.id, into: b.other.id, weight: b.w.total, linkId: link.id });
            report.autoMerged++;
          }
        } else report.review++;
      }
      await trx.updateTable('reg_persons').set({ linkage: 'done' }).where('linkage', '=', 'pending').where('id', 'in', pending.map((p) => p.id)).execute();
    });
    await this.settings.set('registry.linkage.model', report.model, actor.username);
    await this.audit.recordMany(
      actor,
      merges.map((m) => ({ action: 'registry.merge', objectType: 'reg_person', objectId: m.from, detail: { into: m.into, method: 'auto', weight: Math.round(m.weight * 100) / 100, linkId: m.linkId } })),
    );
    await this.audit.record(actor, { action: 'registry.linkage.run', detail: { runId, pending: report.pending, compared: report.compared, autoMerged: report.autoMerged, review: report.review } });
    return report;
  }

  /** The review queue (or decided links), both sides masked, within the viewer's scope. */
  async links(v: RegistryViewer, status: string, actor: Actor, limit = 200): Promise<ReviewItem[]> {
    const db = this.h.db;
    const links = await db.selectFrom('reg_links').selectAll().where('status', '=', status).orderBy('weight', 'desc').limit(limit * 4).execute();
    const ids = [...new Set(links.flatMap((l) => [l.person_id, l.candidate_id]))];
    const persons = ids.length ? await db.selectFrom('reg_persons').select(['id', 'name_enc', 'sex', 'birth_date', 'region_code', 'id_number_bidx']).where('id', 'in', ids).execute() : [];
    const byId = new Map(persons.map((p) => [p.id, p]));
    const side = (id: number): ReviewSide => {
      const p = byId.get(id)!;
      return { id, name: p.name_enc ? maskName(this.protector.dec(p.name_enc)) : null, sex: p.sex, birthDate: p.birth_date, regionCode: p.region_code, hasIdNumber: p.id_number_bidx !== null };
    };
    const out = links
      .filter((l) => inScope(v.regionCode, byId.get(l.person_id)!.region_code) && inScope(v.regionCode, byId.get(l.candidate_id)!.region_code))
      .slice(0, limit)
      .map((l) => ({
        linkId: l.id, weight: l.weight, probability: 1 / (1 + 2 ** -l.weight), status: l.status, levels: JSON.parse(l.levels) as Levels, left: side(l.person_id), right: side(l.candidate_id), createdAt: l.created_at,
      }));
    await this.audit.record(actor, { action: 'registry.links.read', objectType: 'reg_link', regionCode: v.regionCode, detail: { status, links: out.map((l) => l.linkId) } });
    return out;
  }

  private async scopedLink(v: RegistryViewer, linkId: number) {
    const l = await this.h.db.selectFrom('reg_links').selectAll().where('id', '=', linkId).executeTakeFirst();
    if (!l) throw notFound('匹配建议');
    const ps = await this.h.db.selectFrom('reg_persons').select(['id', 'region_code']).where('id', 'in', [l.person_id, l.candidate_id]).execute();
    if (ps.length !== 2 || !ps.every((p) => inScope(v.regionCode, p.region_code))) throw notFound('匹配建议');
    return l;
  }

  /** A reviewer's decision: confirm (merge) or reject a queued link. */
  async decide(v: RegistryViewer, linkId: number, decision: 'confirm' | 'reject', actor: Actor, reason?: string): Promise<void> {
    const l = await this.scopedLink(v, linkId);
    if (l.status !== 'pending') throw new AppError(409, 'LINK_DECIDED', '该匹配建议已处理');
    const by = actor.username ?? 'system';
    await this.h.db.transaction().execute(async (trx) => {
      await trx.updateTable('reg_links').set({ status: decision === 'confirm' ? 'confirmed' : 'rejected', decided_by: by, decided_at: nowIso() }).where('id', '=', linkId).execute();
      if (decision === 'confirm') await mergePersons(trx, l.person_id, l.candidate_id, { method: 'review', linkId, reason: reason ?? null, by });
    });
    await this.audit.record(actor, {
      action: decision === 'confirm' ? 'registry.merge' : 'registry.link.reject', objectType: 'reg_person', objectId: l.person_id,
      detail: { into: l.candidate_id, method: 'review', linkId, weight: l.weight, reason: reason ?? null },
    });
  }

  /** A manual merge of two persons the viewer can both see. */
  async merge(v: RegistryViewer, fromId: number, intoId: number, reason: string, actor: Actor): Promise<void> {
    const ps = await this.h.db.selectFrom('reg_persons').select(['id', 'region_code']).where('id', 'in', [fromId, intoId]).execute();
    if (ps.length !== 2 || !ps.every((p) => inScope(v.regionCode, p.region_code))) throw notFound('人员');
    if (!reason.trim()) throw new AppError(400, 'REASON_REQUIRED', '请说明合并理由');
    await this.h.db.transaction().execute((trx) => mergePersons(trx, fromId, intoId, { method: 'manual', reason, by: actor.username ?? 'system' }));
    await this.audit.record(actor, { action: 'registry.merge', objectType: 'reg_person', objectId: fromId, detail: { into: intoId, method: 'manual', reason } });
  }

  async unmerge(v: RegistryViewer, personId: number, reason: string, actor: Actor): Promise<void> {
    const p = await this.h.db.selectFrom('reg_persons').select(['id', 'canonical_id']).where('id', '=', personId).executeTakeFirst();
    if (!p) throw notFound('人员');
    const root = await this.h.db.selectFrom('reg_persons').select(['region_code']).where('id', '=', p.canonical_id).executeTakeFirstOrThrow();
    if (!inScope(v.regionCode, root.region_code)) throw notFound('人员');
    if (!reason.trim()) throw new AppError(400, 'REASON_REQUIRED', '请说明拆分理由');
    const r = await this.h.db.transaction().execute((trx) => unmergePerson(trx, personId, { reason, by: actor.username ?? 'system' }));
    await this.audit.record(actor, { action: 'registry.unmerge', objectType: 'reg_person', objectId: personId, detail: { from: r.formerRoot, reason } });
  }
}

/**
 * m by EM in two sessions, one per blocking rule, each leaving out the fields its rule forces to
 * agree (Splink's approach): pairs with the same birth date train the name, sex and place fields;
 * pairs with the same name train birth date, sex and place. Then λ for all candidate pairs with m
 * fixed. A session with too few pairs keeps the starting values for its fields.
 */
export function trainModel(pairs: { levels: Levels; byBirth: boolean; byName: boolean }[], u: Model['u']): Model & { iterations: number; converged: boolean } {
  const MIN_PAIRS = 30;
  const m = initialM();
  let iterations = 0;
  let converged = true;
  const session = (sel: Levels[], fields: LinkField[]) => {
    if (sel.length < MIN_PAIRS) return;
    const r = estimateM(sel, u, { fields });
    iterations += r.iterations;
    converged &&= r.converged;
    for (const f of fields) m[f] = r.model.m[f];
  };
  session(pairs.filter((p) => p.byBirth).map((p) => p.levels), ['surname', 'given', 'sex', 'place', 'address']);
  session(pairs.filter((p) => p.byName).map((p) => p.levels), ['birth', 'sex', 'place', 'address']);
  const all = estimateM(pairs.map((p) => p.levels), u, { fixedM: m });
  return { lambda: all.model.lambda, m, u, iterations: iterations + all.iterations, converged: converged && all.converged };
}
