import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import {
  parseAmount, SyncEntrySchema, type DiaryMonth, type Entry, type MonthStatus, type QualityIssue, type Reminder, type ReviewLevel, type SyncEntry, type SyncOutcome,
} from '../../shared/api/survey.js';
import { nowIso } from '../../shared/time.js';
import { AppError, badRequest } from '../app-error.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import { assertSee, assertWrite, canSee, type SurveyViewer } from './access.js';
import { addMonths, daysOfMonth, isValidDate, monthOf, parsePeriod } from './periods.js';
import { applyComments, checkMonth, type MonthFacts } from './quality.js';
import { residentCount } from './residents.js';
import { presenceOf, type SampleService } from './sample.service.js';
import type { SvEntryTable, SvParadataTable } from './schema-types.js';
import type { Db, EntryRow, HouseholdRow, SurveyRepository } from './survey.repository.js';

export const CITY_CODE = '211000';

export function toEntry(r: EntryRow): Entry {
  return { id: r.id, date: r.date, itemCode: r.item_code, amountFen: Number(r.amount_fen), note: r.note, memberSeq: r.member_seq, version: r.version, deleted: !!r.deleted, updatedAt: r.updated_at, updatedBy: r.updated_by };
}

const today = () => nowIso().slice(0, 10);
const prevMonth = (m: string) => addMonths(m, -1);

export interface MonthLock {
  status: MonthStatus;
  /** Highest approval covering the month, or null. */
  lockedBy: ReviewLevel | null;
}

/** The electronic diary: a month's entries, offline sync, submission with quality rules, conflicts, paradata. */
export class DiaryService {
  constructor(
    readonly repo: SurveyRepository,
    private readonly samples: SampleService,
    private readonly audit: AuditService,
  ) {}

  async lock(h: HouseholdRow, month: string, db: Db = this.repo.db): Promise<MonthLock> {
    const row = await this.repo.month(h.id, month, db);
    const status = (row?.status ?? 'open') as MonthStatus;
    let lockedBy: ReviewLevel | null = status === 'approved' ? 'household' : null;
    for (const [level, unit] of [['township', h.township_code], ['county', h.county_code], ['city', CITY_CODE]] as const) {
      const a = await this.repo.approval(h.sample_id, level, unit, month, db);
      if (a?.status === 'approved') lockedBy = level;
    }
    return { status, lockedBy };
  }

  /** Why an entry dated `date` cannot be written for this household now, or null. */
  private dateProblem(h: HouseholdRow, date: string): { code: string; message: string } | null {
    if (!isValidDate(date)) return { code: 'DATE_INVALID', message: `日期 ${date} 不存在` };
    if (date > today()) return { code: 'DATE_IN_FUTURE', message: `不能为将来的日期（${date}）记账` };
    if (date < h.active_from || date > h.active_to) return { code: 'DATE_OUTSIDE_PERIOD', message: `${date} 不在本户的记账期内（${h.active_from} 至 ${h.active_to}）` };
    return null;
  }

  private lockMessage(month: string, l: MonthLock): { code: string; message: string } | null {
    const [y, m] = month.split('-');
    if (l.status === 'approved' || l.lockedBy) return { code: 'MONTH_LOCKED', message: `${y}年${Number(m)}月的账页已审核通过并锁定，如需修改请联系调查员申请重新打开` };
    if (l.status === 'submitted') return { code: 'MONTH_SUBMITTED', message: `${y}年${Number(m)}月的账页已提交审核，如需修改请联系调查员退回` };
    return null;
  }

  async month(v: SurveyViewer, householdId: number, month: string): Promise<DiaryMonth> {
    const h = (await this.samples.household(v, householdId)) as HouseholdRow;
    const [facts, lock, row, conflicts] = await Promise.all([this.facts(h, month), this.lock(h, month), this.repo.month(h.id, month), this.repo.conflicts([h.id], 'open')]);
    const stored = row && row.status !== 'open' && row.status !== 'returned' ? (JSON.parse(row.issues) as QualityIssue[]) : null;
    return {
      householdId: h.id,
      month,
      status: lock.status,
      lockedBy: lock.lockedBy,
      declaredMembers: row?.declared_members ?? null,
      residentMembers: facts.residentMembers,
      entries: (await this.repo.entriesOfMonth(h.id, month)).map(toEntry),
      issues: stored ?? checkMonth(facts),
      comment: row?.comment ?? null,
      missingDays: [...facts.missingDays],
      conflicts: conflicts.length,
    };
  }

  /** Everything the quality rules look at for one household-month. */
  async facts(h: HouseholdRow, month: string): Promise<MonthFacts> {
    const p = parsePeriod(month);
    const before = prevMonth(month);
    const pb = parsePeriod(before);
    const [entries, items, presence, row, rowBefore] = await Promise.all([
      this.repo.entriesOfMonth(h.id, month),
      this.samples.itemsFor(p.year),
      this.samples.presence(h.id),
      this.repo.month(h.id, month),
      this.repo.month(h.id, before),
    ]);
    const history = await this.repo.sumsByMonth(addMonths(month, -12), before, [h.id]);
    const byMonth = new Map<string, number>();
    for (const r of history) if (items.get(r.item_code)?.component === 'wage') byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + Number(r.total));
    const stratum = await this.stratumWages(h, month, items);
    const until = month === monthOf(today()) ? today() : p.end;
    const dates = new Set(entries.map((e) => e.date));
    const missingDays = month > monthOf(today()) ? [] : daysOfMonth(month, until).filter((d) => !dates.has(d) && d >= h.active_from && d <= h.active_to);
    return {
      month,
      entries: entries.map((e) => ({ id: e.id, date: e.date, itemCode: e.item_code, amountFen: Number(e.amount_fen) })),
      items,
      residentMembers: residentCount(presence, p.start, p.end),
      residentMembersBefore: residentCount(presence, pb.start, pb.end),
      declaredMembers: row?.declared_members ?? null,
      declaredMembersBefore: rowBefore?.declared_members ?? null,
      wageHistory: [...byMonth.entries()].sort().map(([, w]) => w),
      stratumWagePerCapita: stratum,
      missingDays,
    };
  }

  private async stratumWages(h: HouseholdRow, month: string, items: MonthFacts['items']): Promise<number[]> {
    const peers = (await this.repo.households({ sampleId: h.sample_id, status: 'active' })).filter((x) => x.stratum === h.stratum && x.id !== h.id);
    const ids = peers.map((x) => x.id);
    const sums = await this.repo.sumsByMonth(month, month, ids);
    const wage = new Map<number, number>();
    for (const r of sums) if (items.get(r.item_code)?.component === 'wage') wage.set(r.household_id, (wage.get(r.household_id) ?? 0) + Number(r.total));
    if (wage.size === 0) return [];
    const ms = await this.repo.members([...wage.keys()]);
    const presence = presenceOf(ms, await this.repo.absences(ms.map((m) => m.id)));
    const p = parsePeriod(month);
    const out: number[] = [];
    for (const [id, w] of wage) {
      const n = residentCount(presence.get(id) ?? [], p.start, p.end);
      if (w > 0 && n > 0) out.push(w / n);
    }
    return out;
  }

  /**
   * Applies entries typed on a phone (possibly offline, possibly sent twice). Each entry carries its
   * own id and the server version it was based on: the same content again is 'unchanged'; an edit of
   * an entry someone else changed meanwhile is a 'conflict' (both versions kept for a reviewer);
   * dates outside the period and locked months are 'refused' with the reason.
   */
  async sync(v: SurveyViewer, householdId: number, input: SyncEntry[], actor: Actor): Promise<SyncOutcome[]> {
    const h = await this.repo.household(householdId);
    assertWrite(v, h);
    const hh = h as HouseholdRow;
    const entries = input.map((e) => SyncEntrySchema.parse(e));
    const now = nowIso();
    const by = actor.username ?? 'system';
    // read outside the transaction: SQLite has one connection, which the transaction holds
    const itemsByYear = new Map<number, Awaited<ReturnType<SampleService['itemsFor']>>>();
    for (const y of new Set(entries.map((e) => Number(e.date.slice(0, 4))))) if (y >= 1900 && y <= 2200) itemsByYear.set(y, await this.samples.itemsFor(y));
    return this.repo.db.transaction().execute(async (trx) => {
      const existing = new Map((await this.repo.entriesByIds(entries.map((e) => e.id), trx)).map((r) => [r.id, r]));
      const locks = new Map<string, MonthLock>();
      const lockOf = async (month: string) => {
        let l = locks.get(month);
        if (!l) locks.set(month, (l = await this.lock(hh, month, trx)));
        return l;
      };
      const results: SyncOutcome[] = [];
      const paradata: Insertable<SvParadataTable>[] = [];
      const para = (id: string, field: string, oldValue: string | null, newValue: string | null, reason: string | null, clientTs?: string) =>
        paradata.push({ ts: now, user_id: actor.userId, username: actor.username, household_id: hh.id, object_type: 'entry', object_id: id, field, old_value: oldValue, new_value: newValue, reason, client_ts: clientTs ?? null });
      for (const e of entries) {
        const refuse = (p: { code: string; message: string }) => results.push({ id: e.id, status: 'refused', version: existing.get(e.id)?.version ?? 0, code: p.code, message: p.message });
        const cur = existing.get(e.id);
        if (cur && cur.household_id !== hh.id) {
          refuse({ code: 'ENTRY_ID_TAKEN', message: '记账编号已被其他住户使用，请刷新后重新记账' });
          continue;
        }
        if (!cur && e.deleted) {
          results.push({ id: e.id, status: 'unchanged', version: 0 });
          continue;
        }
        const dp = this.dateProblem(hh, e.date);
        if (dp) {
          refuse(dp);
          continue;
        }
        const items = itemsByYear.get(Number(e.date.slice(0, 4)));
        if (!items?.has(e.itemCode)) {
          refuse({ code: 'UNKNOWN_ITEM', message: `项目代码 ${e.itemCode} 不在 ${e.date.slice(0, 4)} 年的收支项目分类中` });
          continue;
        }
        let fen: number;
        if (typeof e.amount === 'number') fen = e.amount;
        else {
          const a = parseAmount(e.amount);
          if (!a.ok) {
            refuse({ code: a.code, message: a.message });
            continue;
          }
          fen = a.fen;
        }
        const month = monthOf(e.date);
        const lm = this.lockMessage(month, await lockOf(month));
        const lcur = cur ? this.lockMessage(cur.month, await lockOf(cur.month)) : null;
        const next = { date: e.date, month, item_code: e.itemCode, amount_fen: fen, note: e.note || null, member_seq: e.memberSeq, deleted: e.deleted ? 1 : 0 };
        if (cur && same(cur, next)) {
          results.push({ id: e.id, status: 'unchanged', version: cur.version, entry: toEntry(cur) });
          continue;
        }
        if (lm || lcur) {
          refuse((lm ?? lcur)!);
          continue;
        }
        if (!cur) {
          const row: Insertable<SvEntryTable> = { id: e.id, household_id: hh.id, ...next, version: 1, source: 'diary', created_at: now, created_by: by, updated_at: now, updated_by: by };
          await this.repo.insertEntries([row], trx);
          para(e.id, 'created', null, JSON.stringify({ date: e.date, item: e.itemCode, fen, note: next.note }), null, e.clientTs);
          results.push({ id: e.id, status: 'created', version: 1, entry: toEntry({ ...row, note: next.note, member_seq: next.member_seq, deleted: next.deleted } as EntryRow) });
          continue;
        }
        if (e.baseVersion !== cur.version) {
          await this.repo.insertConflict(
            { entry_id: e.id, household_id: hh.id, client_payload: JSON.stringify({ ...next, baseVersion: e.baseVersion, clientTs: e.clientTs ?? null }), server_payload: JSON.stringify(serverView(cur)), status: 'open', created_at: now, created_by: by, resolved_at: null, resolved_by: null, resolution: null },
            trx,
          );
          para(e.id, 'conflict', JSON.stringify(serverView(cur)), JSON.stringify(next), `基于第 ${e.baseVersion} 版修改，服务器已是第 ${cur.version} 版`, e.clientTs);
          results.push({ id: e.id, status: 'conflict', version: cur.version, code: 'SYNC_CONFLICT', message: '这条记账在别处已被修改，两个版本都已保存，等待调查员处理', entry: toEntry(cur) });
          continue;
        }
        const version = cur.version + 1;
        await this.repo.updateEntry(e.id, { ...next, version, updated_at: now, updated_by: by }, trx);
        for (const [field, a, b] of [['date', cur.date, next.date], ['item_code', cur.item_code, next.item_code], ['amount_fen', String(cur.amount_fen), String(next.amount_fen)], ['note', cur.note, next.note], ['deleted', String(cur.deleted), String(next.deleted)]] as const) {
          if (a !== b) para(e.id, field, a, b, null, e.clientTs);
        }
        results.push({ id: e.id, status: 'updated', version, entry: toEntry({ ...cur, ...next, version, updated_at: now, updated_by: by }) });
      }
      await this.repo.insertParadata(paradata, trx);
      return results;
    });
  }

  async setDeclaredMembers(v: SurveyViewer, householdId: number, month: string, n: number, actor: Actor): Promise<void> {
    const h = (await this.repo.household(householdId)) as HouseholdRow;
    assertWrite(v, h);
    const lock = await this.lock(h, month);
    const lm = this.lockMessage(month, lock);
    if (lm) throw new AppError(409, lm.code, lm.message);
    const row = await this.repo.month(h.id, month);
    await this.repo.upsertMonth({ ...(row ?? { household_id: h.id, month, status: 'open', issues: '[]' }), declared_members: n });
    if ((row?.declared_members ?? null) !== n) {
      await this.repo.insertParadata([{ ts: nowIso(), user_id: actor.userId, username: actor.username, household_id: h.id, object_type: 'month', object_id: month, field: 'declared_members', old_value: row?.declared_members == null ? null : String(row.declared_members), new_value: String(n), reason: null, client_ts: null }]);
    }
  }

  /** Submits a month for review: errors refuse it, warnings need comments. */
  async submit(v: SurveyViewer, householdId: number, month: string, body: { declaredMembers?: number; comments: Record<string, string> }, actor: Actor): Promise<QualityIssue[]> {
    const h = (await this.repo.household(householdId)) as HouseholdRow;
    assertWrite(v, h);
    if (month > monthOf(today())) throw badRequest('MONTH_IN_FUTURE', '不能提交尚未开始的月份');
    if (`${month}-31` < h.active_from || `${month}-01` > h.active_to) throw badRequest('DATE_OUTSIDE_PERIOD', `${month} 不在本户的记账期内`);
    if (body.declaredMembers !== undefined) await this.setDeclaredMembers(v, householdId, month, body.declaredMembers, actor);
    const lock = await this.lock(h, month);
    const lm = this.lockMessage(month, lock);
    if (lm) throw new AppError(409, lm.code, lm.message);
    const issues = checkMonth(await this.facts(h, month));
    const errors = issues.filter((i) => i.severity === 'error');
    if (errors.length) throw new AppError(400, 'QUALITY_ERRORS', `本月有 ${errors.length} 个错误，改正后才能提交：${errors[0].message}`, { issues });
    const { issues: commented, missing } = applyComments(issues, body.comments);
    if (missing.length) throw new AppError(400, 'COMMENTS_REQUIRED', `请为 ${missing.length} 条提示填写说明后再提交`, { issues, missing });
    const row = await this.repo.month(h.id, month);
    const now = nowIso();
    await this.repo.upsertMonth({ household_id: h.id, month, status: 'submitted', declared_members: row?.declared_members ?? null, issues: JSON.stringify(commented), submitted_at: now, submitted_by: actor.username ?? 'system', reviewed_at: row?.reviewed_at ?? null, reviewed_by: row?.reviewed_by ?? null, comment: row?.comment ?? null });
    await this.repo.insertParadata([{ ts: now, user_id: actor.userId, username: actor.username, household_id: h.id, object_type: 'month', object_id: month, field: 'status', old_value: lock.status, new_value: 'submitted', reason: null, client_ts: null }]);
    await this.audit.record(actor, { action: 'survey.month.submit', objectType: 'survey_household', objectId: h.id, regionCode: h.village_code, detail: { month, warnings: commented.length } });
    return commented;
  }

  // ---------- conflicts, paradata, reminders ----------

  async conflicts(v: SurveyViewer, sampleId: number, status = 'open') {
    const hhs = (await this.repo.households({ sampleId })).filter((h) => canSee(v, h));
    const codes = new Map(hhs.map((h) => [h.id, h.code]));
    const rows = await this.repo.conflicts([...codes.keys()], status);
    return rows.map((c) => ({
      id: c.id, entryId: c.entry_id, householdId: c.household_id, householdCode: codes.get(c.household_id) ?? '', server: JSON.parse(c.server_payload), client: JSON.parse(c.client_payload),
      status: c.status as 'open' | 'resolved', createdAt: c.created_at, createdBy: c.created_by, resolution: c.resolution,
    }));
  }

  /** A reviewer keeps the server's version, the phone's, or both (the phone's as a new entry). */
  async resolveConflict(v: SurveyViewer, id: number, keep: 'server' | 'client' | 'both', comment: string | undefined, actor: Actor): Promise<void> {
    const c = await this.repo.conflict(id);
    if (!c || c.status !== 'open') throw new AppError(404, 'NOT_FOUND', '待处理的冲突不存在');
    const h = (await this.repo.household(c.household_id)) as HouseholdRow;
    assertWrite(v, h);
    if (h.user_id === v.id) throw new AppError(403, 'FORBIDDEN', '冲突由调查员处理');
    const client = JSON.parse(c.client_payload) as { date: string; month: string; item_code: string; amount_fen: number; note: string | null; member_seq: number | null; deleted: number };
    const now = nowIso();
    const by = actor.username ?? 'system';
    const lm = keep === 'server' ? null : this.lockMessage(client.month, await this.lock(h, client.month));
    if (lm) throw new AppError(409, lm.code, lm.message);
    await this.repo.db.transaction().execute(async (trx) => {
      const fields = { date: client.date, month: client.month, item_code: client.item_code, amount_fen: client.amount_fen, note: client.note, member_seq: client.member_seq, deleted: client.deleted };
      if (keep === 'client') {
        const cur = (await this.repo.entriesByIds([c.entry_id], trx))[0];
        await this.repo.updateEntry(c.entry_id, { ...fields, version: cur.version + 1, updated_at: now, updated_by: by }, trx);
      } else if (keep === 'both' && !client.deleted) {
        await this.repo.insertEntries([{ id: randomUUID(), household_id: h.id, ...fields, version: 1, source: 'diary', created_at: now, created_by: by, updated_at: now, updated_by: by }], trx);
      }
      await this.repo.updateConflict(id, { status: 'resolved', resolved_at: now, resolved_by: by, resolution: `${keep}${comment ? `：${comment}` : ''}` }, trx);
      await this.repo.insertParadata([{ ts: now, user_id: actor.userId, username: actor.username, household_id: h.id, object_type: 'entry', object_id: c.entry_id, field: 'conflict_resolved', old_value: c.server_payload, new_value: c.client_payload, reason: `${keep}${comment ? `：${comment}` : ''}`, client_ts: null }], trx);
    });
    await this.audit.record(actor, { action: 'survey.conflict.resolve', objectType: 'survey_household', objectId: h.id, regionCode: h.village_code, detail: { conflict: id, keep } });
  }

  async paradata(v: SurveyViewer, householdId: number, limit = 200) {
    const h = await this.repo.household(householdId);
    assertSee(v, h);
    return (await this.repo.paradata(householdId, limit)).map((p) => ({ id: p.id, ts: p.ts, username: p.username, objectType: p.object_type, objectId: p.object_id, field: p.field, oldValue: p.old_value, newValue: p.new_value, reason: p.reason, clientTs: p.client_ts }));
  }

  /** Active households in the viewer's scope with days (up to yesterday, within `days`) without an entry. */
  async reminders(v: SurveyViewer, sampleId: number, days = 7, asOf = today()): Promise<Reminder[]> {
    const hhs = (await this.repo.households({ sampleId, status: 'active' })).filter((h) => canSee(v, h));
    const end = new Date(Date.parse(`${asOf}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const start = new Date(Date.parse(`${asOf}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    const dates = await this.repo.entryDates(hhs.map((h) => h.id), start, end);
    const last = new Map((await this.repo.lastEntryDates(hhs.map((h) => h.id))).map((r) => [r.household_id, r.last as string | null]));
    const seen = new Map<number, Set<string>>();
    for (const d of dates) (seen.get(d.household_id) ?? seen.set(d.household_id, new Set()).get(d.household_id)!).add(d.date);
    const out: Reminder[] = [];
    for (const h of hhs) {
      const missing: string[] = [];
      for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += 86_400_000) {
        const d = new Date(t).toISOString().slice(0, 10);
        if (d >= h.active_from && d <= h.active_to && !seen.get(h.id)?.has(d)) missing.push(d);
      }
      if (missing.length) out.push({ householdId: h.id, householdCode: h.code, headName: h.head_name, missingDays: missing, lastEntry: last.get(h.id) ?? null });
    }
    return out.sort((a, b) => b.missingDays.length - a.missingDays.length || a.householdCode.localeCompare(b.householdCode));
  }
}

function same(cur: EntryRow, next: { date: string; item_code: string; amount_fen: number; note: string | null; member_seq: number | null; deleted: number }): boolean {
  return cur.date === next.date && cur.item_code === next.item_code && Number(cur.amount_fen) === next.amount_fen && (cur.note ?? null) === next.note && (cur.member_seq ?? null) === next.member_seq && cur.deleted === next.deleted;
}

function serverView(r: EntryRow) {
  return { date: r.date, item_code: r.item_code, amount_fen: Number(r.amount_fen), note: r.note, member_seq: r.member_seq, deleted: r.deleted, version: r.version, updated_by: r.updated_by, updated_at: r.updated_at };
}

