import type { ReviewLevel, ReviewUnit } from '../../shared/api/survey.js';
import { inScope } from '../../shared/region-scope.js';
import { nowIso } from '../../shared/time.js';
import { AppError, badRequest, notFound } from '../app-error.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import { assertLevel, LEVEL_NAMES, parentLevel, reviewLevel, type SurveyViewer } from './access.js';
import { CITY_CODE } from './diary.service.js';
import type { ApprovalRow, HouseholdRow, MonthRow, SurveyRepository } from './survey.repository.js';

/** The review state of one sample-month: households, townships, counties, the city. */
export interface ReviewTree {
  households: HouseholdRow[];
  months: Map<number, MonthRow>;
  approvals: Map<string, ApprovalRow>;
}

const key = (level: string, code: string) => `${level}:${code}`;
export const unitOf = (h: Pick<HouseholdRow, 'township_code' | 'county_code'>, level: ReviewLevel): string =>
  level === 'township' ? h.township_code : level === 'county' ? h.county_code : CITY_CODE;

/** Approved at `level` or above for the month (what the estimates take in). */
export function approvedAt(t: ReviewTree, h: HouseholdRow, level: ReviewLevel): boolean {
  if (level === 'household') return t.months.get(h.id)?.status === 'approved';
  return t.approvals.get(key(level, unitOf(h, level)))?.status === 'approved';
}

/**
 * Review enumerator → township → county → city. Each level approves or returns with a comment; a
 * level can approve only when every unit below it is approved; approval locks the data until the
 * approving level reopens it (refused while the level above holds it). Every step is audited.
 */
export class ReviewService {
  constructor(
    readonly repo: SurveyRepository,
    private readonly audit: AuditService,
  ) {}

  async tree(sampleId: number, month: string): Promise<ReviewTree> {
    const [households, months, approvals] = await Promise.all([
      this.repo.households({ sampleId, status: 'active' }),
      this.repo.monthsOfSample(sampleId, [month]),
      this.repo.approvals(sampleId, [month]),
    ]);
    return { households, months: new Map(months.map((m) => [m.household_id, m])), approvals: new Map(approvals.map((a) => [key(a.level, a.unit_code), a])) };
  }

  /** Units directly below `unit` at `level` and how many of them are approved. */
  private children(t: ReviewTree, level: ReviewLevel, unit: string): { total: number; approved: number } {
    if (level === 'household') return { total: 0, approved: 0 };
    const inUnit = t.households.filter((h) => unitOf(h, level) === unit);
    if (level === 'township') return { total: inUnit.length, approved: inUnit.filter((h) => approvedAt(t, h, 'household')).length };
    const below: ReviewLevel = level === 'county' ? 'township' : 'county';
    const codes = [...new Set(inUnit.map((h) => unitOf(h, below)))];
    return { total: codes.length, approved: codes.filter((c) => t.approvals.get(key(below, c))?.status === 'approved').length };
  }

  private unit(t: ReviewTree, level: Exclude<ReviewLevel, 'household'>, code: string, name: string, month: string, viewerLevel: ReviewLevel | null): ReviewUnit {
    const a = t.approvals.get(key(level, code));
    const c = this.children(t, level, code);
    const status = a?.status === 'approved' ? 'approved' : a?.status === 'returned' ? 'returned' : 'open';
    const parent = parentLevel(level);
    const parentApproved = parent && parent !== 'household' ? t.approvals.get(key(parent, parent === 'city' ? CITY_CODE : code.slice(0, parent === 'county' ? 6 : 0)))?.status === 'approved' : false;
    return {
      level, unitCode: code, name, month, status, children: c.total, childrenApproved: c.approved,
      canApprove: viewerLevel === level && status !== 'approved' && c.total > 0 && c.total === c.approved && !parentApproved,
      comment: a?.comment ?? null, issues: 0, by: a?.by_user ?? null, at: a?.at ?? null,
    };
  }

  private householdUnit(t: ReviewTree, h: HouseholdRow, month: string, viewerLevel: ReviewLevel | null): ReviewUnit {
    const m = t.months.get(h.id);
    const status = (m?.status ?? 'open') as ReviewUnit['status'];
    const issues = m ? (JSON.parse(m.issues) as unknown[]).length : 0;
    return {
      level: 'household', unitCode: String(h.id), name: `${h.code} ${h.head_name}`, month, status, children: 0, childrenApproved: 0,
      canApprove: viewerLevel === 'household' && status === 'submitted', comment: m?.comment ?? null, issues, by: m?.reviewed_by ?? m?.submitted_by ?? null, at: m?.reviewed_at ?? m?.submitted_at ?? null,
    };
  }

  /** The viewer's own unit (for reviewers) and the units directly below it, with their state. */
  async units(v: SurveyViewer, sampleId: number, month: string): Promise<{ level: ReviewLevel | null; self: ReviewUnit | null; children: ReviewUnit[] }> {
    const level = reviewLevel(v);
    const t = await this.tree(sampleId, month);
    const mine = t.households.filter((h) => inScope(v.regionCode, h.village_code));
    if (!level) return { level, self: null, children: [] };
    if (level === 'household') return { level, self: null, children: mine.map((h) => this.householdUnit(t, h, month, level)) };
    const code = level === 'city' ? CITY_CODE : v.regionCode;
    const below: ReviewLevel = level === 'township' ? 'household' : level === 'county' ? 'township' : 'county';
    const childCodes = [...new Set(mine.map((h) => unitOf(h, below as Exclude<ReviewLevel, 'household'>)))].sort();
    const names = new Map((await this.repo.villageNames([code, ...childCodes])).map((r) => [r.code, r.name]));
    const self = this.unit(t, level, code, names.get(code) ?? code, month, level);
    const children = below === 'household' ? mine.map((h) => this.householdUnit(t, h, month, level)) : childCodes.map((c) => this.unit(t, below as Exclude<ReviewLevel, 'household'>, c, names.get(c) ?? c, month, level));
    return { level, self, children };
  }

  private async householdFor(sampleId: number, unitCode: string): Promise<HouseholdRow> {
    const h = await this.repo.household(Number(unitCode));
    if (!h || h.sample_id !== sampleId) throw notFound('样本户');
    return h;
  }

  private async record(actor: Actor, action: string, level: ReviewLevel, unitCode: string, month: string, region: string, comment?: string) {
    await this.audit.record(actor, { action, objectType: `survey_${level}_month`, objectId: `${unitCode}:${month}`, regionCode: region, detail: { level, month, comment: comment ?? null } });
  }

  async approve(v: SurveyViewer, a: { sampleId: number; level: ReviewLevel; unitCode: string; month: string; comment?: string }, actor: Actor): Promise<void> {
    const now = nowIso();
    const by = actor.username ?? 'system';
    if (a.level === 'household') {
      const h = await this.householdFor(a.sampleId, a.unitCode);
      assertLevel(v, 'household', h.village_code);
      const m = await this.repo.month(h.id, a.month);
      if (m?.status !== 'submitted') throw new AppError(409, 'NOT_SUBMITTED', m?.status === 'approved' ? '该户本月已审核通过' : '该户本月尚未提交，不能审核');
      await this.repo.updateMonth(h.id, a.month, { status: 'approved', reviewed_at: now, reviewed_by: by, comment: a.comment ?? null });
      await this.repo.insertParadata([{ ts: now, user_id: actor.userId, username: actor.username, household_id: h.id, object_type: 'month', object_id: a.month, field: 'status', old_value: 'submitted', new_value: 'approved', reason: a.comment ?? null, client_ts: null }]);
      return this.record(actor, 'survey.review.approve', 'household', a.unitCode, a.month, h.village_code, a.comment);
    }
    assertLevel(v, a.level, a.unitCode);
    const t = await this.tree(a.sampleId, a.month);
    const c = this.children(t, a.level, a.unitCode);
    if (c.total === 0) throw new AppError(409, 'NO_UNITS', '该单位本月没有样本户');
    if (c.approved < c.total) {
      throw new AppError(409, 'CHILDREN_PENDING', `下级还有 ${c.total - c.approved} 个单位未审核通过（共 ${c.total} 个），${LEVEL_NAMES[a.level]}不能审核`);
    }
    if (t.approvals.get(key(a.level, a.unitCode))?.status === 'approved') throw new AppError(409, 'ALREADY_APPROVED', '该单位本月已审核通过');
    await this.repo.setApproval({ sample_id: a.sampleId, level: a.level, unit_code: a.unitCode, month: a.month, status: 'approved', by_user: by, at: now, comment: a.comment ?? null });
    await this.record(actor, 'survey.review.approve', a.level, a.unitCode, a.month, a.unitCode, a.comment);
  }

  /** Sends a unit of `level` back to the level below it, with a comment (by the level above it). */
  async return(v: SurveyViewer, a: { sampleId: number; level: ReviewLevel; unitCode: string; month: string; comment?: string }, actor: Actor): Promise<void> {
    if (!a.comment) throw badRequest('COMMENT_REQUIRED', '退回时须填写意见');
    const now = nowIso();
    const by = actor.username ?? 'system';
    const t = await this.tree(a.sampleId, a.month);
    if (a.level === 'household') {
      const h = await this.householdFor(a.sampleId, a.unitCode);
      const mine = reviewLevel(v);
      assertLevel(v, mine === 'township' ? 'township' : 'household', mine === 'township' ? h.township_code : h.village_code);
      const m = t.months.get(h.id);
      if (m?.status !== 'submitted' && m?.status !== 'approved') throw new AppError(409, 'NOT_SUBMITTED', '该户本月尚未提交');
      if (approvedAt(t, h, 'township')) throw new AppError(409, 'PARENT_APPROVED', '乡镇（街道）已审核通过本月数据，须先由乡镇重新打开');
      await this.repo.updateMonth(h.id, a.month, { status: 'returned', reviewed_at: now, reviewed_by: by, comment: a.comment });
      await this.repo.insertParadata([{ ts: now, user_id: actor.userId, username: actor.username, household_id: h.id, object_type: 'month', object_id: a.month, field: 'status', old_value: m.status, new_value: 'returned', reason: a.comment, client_ts: null }]);
      return this.record(actor, 'survey.review.return', 'household', a.unitCode, a.month, h.village_code, a.comment);
    }
    const parent = parentLevel(a.level)!;
    const parentCode = parent === 'city' ? CITY_CODE : a.unitCode.slice(0, 6);
    assertLevel(v, parent, a.unitCode);
    if (t.approvals.get(key(a.level, a.unitCode))?.status !== 'approved') throw new AppError(409, 'NOT_APPROVED', '该单位本月尚未审核通过，无需退回');
    if (t.approvals.get(key(parent, parentCode))?.status === 'approved') throw new AppError(409, 'PARENT_APPROVED', `${LEVEL_NAMES[parent]}已审核通过本月数据，须先重新打开`);
    await this.repo.setApproval({ sample_id: a.sampleId, level: a.level, unit_code: a.unitCode, month: a.month, status: 'returned', by_user: by, at: now, comment: a.comment });
    await this.record(actor, 'survey.review.return', a.level, a.unitCode, a.month, a.unitCode, a.comment);
  }

  /** The approving level takes back its own approval (refused while the level above holds it). */
  async reopen(v: SurveyViewer, a: { sampleId: number; level: ReviewLevel; unitCode: string; month: string; comment?: string }, actor: Actor): Promise<void> {
    if (!a.comment) throw badRequest('COMMENT_REQUIRED', '重新打开须说明原因');
    const now = nowIso();
    const by = actor.username ?? 'system';
    const t = await this.tree(a.sampleId, a.month);
    if (a.level === 'household') {
      const h = await this.householdFor(a.sampleId, a.unitCode);
      assertLevel(v, 'household', h.village_code);
      if (t.months.get(h.id)?.status !== 'approved') throw new AppError(409, 'NOT_APPROVED', '该户本月尚未审核通过');
      if (approvedAt(t, h, 'township')) throw new AppError(409, 'PARENT_APPROVED', '乡镇（街道）已审核通过本月数据，须先由乡镇重新打开');
      await this.repo.updateMonth(h.id, a.month, { status: 'returned', reviewed_at: now, reviewed_by: by, comment: `重新打开：${a.comment}` });
      await this.repo.insertParadata([{ ts: now, user_id: actor.userId, username: actor.username, household_id: h.id, object_type: 'month', object_id: a.month, field: 'status', old_value: 'approved', new_value: 'returned', reason: `重新打开：${a.comment}`, client_ts: null }]);
      return this.record(actor, 'survey.review.reopen', 'household', a.unitCode, a.month, h.village_code, a.comment);
    }
    assertLevel(v, a.level, a.unitCode);
    if (t.approvals.get(key(a.level, a.unitCode))?.status !== 'approved') throw new AppError(409, 'NOT_APPROVED', '该单位本月尚未审核通过');
    const parent = parentLevel(a.level);
    if (parent) {
      const parentCode = parent === 'city' ? CITY_CODE : a.unitCode.slice(0, 6);
      if (t.approvals.get(key(parent, parentCode))?.status === 'approved') throw new AppError(409, 'PARENT_APPROVED', `${LEVEL_NAMES[parent]}已审核通过本月数据，须先由其重新打开`);
    }
    await this.repo.setApproval({ sample_id: a.sampleId, level: a.level, unit_code: a.unitCode, month: a.month, status: 'reopened', by_user: by, at: now, comment: a.comment });
    await this.record(actor, 'survey.review.reopen', a.level, a.unitCode, a.month, a.unitCode, a.comment);
  }
}
