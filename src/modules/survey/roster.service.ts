import type { z } from 'zod';
import {
  BusinessSchema, DurablesSchema, HousingSchema, type AbsenceInputSchema, type MemberInputSchema, type MemberPatchSchema, type Questionnaire, type QuestionnaireKind,
} from '../../shared/api/survey.js';
import { nowIso } from '../../shared/time.js';
import { AppError, badRequest, notFound } from '../app-error.js';
import type { Actor } from '../audit/audit.service.js';
import { assertSee, assertWrite, type SurveyViewer } from './access.js';
import type { DiaryService } from './diary.service.js';
import { isValidDate, monthOf } from './periods.js';
import type { HouseholdRow, SurveyRepository } from './survey.repository.js';

type MemberInput = z.infer<typeof MemberInputSchema>;
type MemberPatch = z.infer<typeof MemberPatchSchema>;
type AbsenceInput = z.infer<typeof AbsenceInputSchema>;

const QUESTIONNAIRES = { housing: HousingSchema, durables: DurablesSchema, business: BusinessSchema } as const;

/** Roster changes (members joining, leaving, absences) and the yearly questionnaires, with paradata. */
export class RosterService {
  constructor(
    readonly repo: SurveyRepository,
    private readonly diary: DiaryService,
  ) {}

  private async writable(v: SurveyViewer, householdId: number): Promise<HouseholdRow> {
    const h = await this.repo.household(householdId);
    assertWrite(v, h);
    return h as HouseholdRow;
  }

  /** A roster change dated in a locked month would change approved data: refused. */
  private async assertDatesOpen(h: HouseholdRow, dates: (string | null | undefined)[]): Promise<void> {
    for (const d of dates) {
      if (!d) continue;
      if (!isValidDate(d)) throw badRequest('DATE_INVALID', `日期 ${d} 不存在`);
      const l = await this.diary.lock(h, monthOf(d));
      if (l.status === 'approved' || l.status === 'submitted' || l.lockedBy) throw new AppError(409, 'MONTH_LOCKED', `${monthOf(d)} 的数据已提交或审核锁定，不能登记该月的成员变动；请先申请退回或重新打开`);
    }
  }

  private async para(h: HouseholdRow, actor: Actor, objectId: string, changes: [string, unknown, unknown][], reason: string | null) {
    const ts = nowIso();
    const str = (x: unknown) => (x === null || x === undefined ? null : typeof x === 'string' ? x : JSON.stringify(x));
    await this.repo.insertParadata(
      changes.filter(([, a, b]) => str(a) !== str(b)).map(([field, a, b]) => ({ ts, user_id: actor.userId, username: actor.username, household_id: h.id, object_type: 'member', object_id: objectId, field, old_value: str(a), new_value: str(b), reason, client_ts: null })),
    );
  }

  async addMember(v: SurveyViewer, householdId: number, m: MemberInput, actor: Actor): Promise<number> {
    const h = await this.writable(v, householdId);
    await this.assertDatesOpen(h, [m.since, m.until]);
    const seq = Math.max(0, ...(await this.repo.members([h.id])).map((x) => x.seq)) + 1;
    const id = await this.repo.insertMember({ household_id: h.id, seq, name: m.name, sex: m.sex, birth_year: m.birthYear, relation: m.relation, supported_student: m.supportedStudent ? 1 : 0, since: m.since, until: m.until });
    await this.para(h, actor, String(id), [['added', null, { seq, name: m.name, relation: m.relation, since: m.since }]], m.reason);
    return id;
  }

  async updateMember(v: SurveyViewer, memberId: number, p: MemberPatch, actor: Actor): Promise<void> {
    const cur = await this.repo.member(memberId);
    if (!cur) throw notFound('家庭成员');
    const h = await this.writable(v, cur.household_id);
    await this.assertDatesOpen(h, [p.since !== undefined ? p.since ?? cur.since : null, p.until !== undefined ? p.until ?? cur.until : null, p.since !== undefined ? cur.since : null, p.until !== undefined ? cur.until : null]);
    const patch = {
      ...(p.name !== undefined && { name: p.name }),
      ...(p.sex !== undefined && { sex: p.sex }),
      ...(p.birthYear !== undefined && { birth_year: p.birthYear }),
      ...(p.relation !== undefined && { relation: p.relation }),
      ...(p.supportedStudent !== undefined && { supported_student: p.supportedStudent ? 1 : 0 }),
      ...(p.since !== undefined && { since: p.since }),
      ...(p.until !== undefined && { until: p.until }),
    };
    await this.repo.updateMember(memberId, patch);
    await this.para(h, actor, String(memberId), Object.entries(patch).map(([k, val]) => [k, cur[k as keyof typeof cur], val]), p.reason);
  }

  async addAbsence(v: SurveyViewer, memberId: number, a: AbsenceInput, actor: Actor): Promise<number> {
    const m = await this.repo.member(memberId);
    if (!m) throw notFound('家庭成员');
    const h = await this.writable(v, m.household_id);
    if (a.to < a.from) throw badRequest('BAD_RANGE', '外出结束日期不能早于开始日期');
    await this.assertDatesOpen(h, [a.from, a.to]);
    const id = await this.repo.insertAbsence({ member_id: memberId, date_from: a.from, date_to: a.to, reason: a.reason });
    await this.para(h, actor, String(memberId), [['absence', null, { from: a.from, to: a.to }]], a.reason);
    return id;
  }

  async removeAbsence(v: SurveyViewer, absenceId: number, reason: string, actor: Actor): Promise<void> {
    const a = await this.repo.absence(absenceId);
    if (!a) throw notFound('外出记录');
    const m = (await this.repo.member(a.member_id))!;
    const h = await this.writable(v, m.household_id);
    await this.assertDatesOpen(h, [a.date_from, a.date_to]);
    await this.repo.deleteAbsence(absenceId);
    await this.para(h, actor, String(m.id), [['absence', { from: a.date_from, to: a.date_to }, null]], reason);
  }

  // ---------- questionnaires ----------

  async questionnaire(v: SurveyViewer, householdId: number, year: number, kind: QuestionnaireKind): Promise<Questionnaire> {
    const h = await this.repo.household(householdId);
    assertSee(v, h);
    const q = await this.repo.questionnaire(householdId, year, kind);
    return { householdId, year, kind, data: q ? JSON.parse(q.data) : null, version: q?.version ?? 0, updatedAt: q?.updated_at ?? null, updatedBy: q?.updated_by ?? null };
  }

  /** Saves a questionnaire; the version the form was based on must be current (409 otherwise, the form keeps its text). */
  async saveQuestionnaire(v: SurveyViewer, householdId: number, year: number, kind: QuestionnaireKind, body: { data: unknown; baseVersion: number; reason?: string }, actor: Actor): Promise<Questionnaire> {
    const h = await this.writable(v, householdId);
    const parsed = QUESTIONNAIRES[kind].safeParse(body.data);
    if (!parsed.success) throw badRequest('VALIDATION_FAILED', `问卷填写有误：${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
    const now = nowIso();
    const by = actor.username ?? 'system';
    const cur = await this.repo.questionnaire(h.id, year, kind);
    const data = JSON.stringify(parsed.data);
    if (!cur) {
      if (body.baseVersion !== 0) throw new AppError(409, 'QUESTIONNAIRE_CONFLICT', '问卷已被删除或不存在，请刷新');
      await this.repo.insertQuestionnaires([{ household_id: h.id, year, kind, data, version: 1, updated_at: now, updated_by: by }]);
    } else if (!(await this.repo.updateQuestionnaire(cur.id, body.baseVersion, { data, version: cur.version + 1, updated_at: now, updated_by: by }))) {
      throw new AppError(409, 'QUESTIONNAIRE_CONFLICT', `问卷已被 ${cur.updated_by} 于 ${cur.updated_at.slice(0, 16).replace('T', ' ')} 修改，请刷新后再保存（您填写的内容仍保留在页面上）`);
    }
    const old = cur ? (JSON.parse(cur.data) as Record<string, unknown>) : {};
    const next = parsed.data as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(old), ...Object.keys(next)])].filter((k) => JSON.stringify(old[k]) !== JSON.stringify(next[k]));
    await this.repo.insertParadata(
      fields.map((f) => ({ ts: now, user_id: actor.userId, username: actor.username, household_id: h.id, object_type: 'questionnaire', object_id: `${year}:${kind}`, field: f, old_value: old[f] === undefined ? null : JSON.stringify(old[f]), new_value: next[f] === undefined ? null : JSON.stringify(next[f]), reason: body.reason ?? null, client_ts: null })),
    );
    return this.questionnaire(v, householdId, year, kind);
  }
}
