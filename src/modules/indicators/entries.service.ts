/**
 * Departments' manual entries of administrative figures (行政数据录入): a liaison enters the indicators its
 * department reports, inside its region; a supervisor other than the author approves (which locks the
 * figure and recomputes the values) or returns it with a comment. Audited.
 */
import type { ManualEntry, ManualEntryInput } from '../../shared/api/indicators.js';
import { inScope, levelOf } from '../../shared/region-scope.js';
import { nowIso } from '../../shared/time.js';
import { AppError, forbidden, notFound, outOfScope } from '../app-error.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { DepartmentsService } from '../org/departments.service.js';
import { hasPermissionIn } from './access.js';
import type { EntryRow, IndicatorsRepository } from './indicators.repository.js';
import type { IndicatorUser } from './indicators.service.js';

export function toEntry(r: EntryRow): ManualEntry {
  return {
    id: r.id, indicator: r.indicator, period: r.period, region: r.region_code, value: r.value, ...(r.note ? { note: r.note } : {}), status: r.status as ManualEntry['status'],
    enteredBy: r.entered_by, enteredAt: r.entered_at, reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at, reviewComment: r.review_comment,
  };
}


export class EntriesService {
  constructor(
    private readonly repo: IndicatorsRepository,
    private readonly audit: AuditService,
    private readonly departments: DepartmentsService,
    private readonly recompute: () => Promise<unknown>,
  ) {}

  async list(user: IndicatorUser, q: { indicator?: string; status?: string }): Promise<ManualEntry[]> {
    const rows = await this.repo.entries({ ...q, regionPrefix: levelOf(user.regionCode) === 'prefecture' ? undefined : user.regionCode.slice(0, 6) });
    return rows.filter((r) => inScope(user.regionCode, r.region_code)).map(toEntry);
  }

  async submit(user: IndicatorUser, input: ManualEntryInput, actor: Actor): Promise<ManualEntry> {
    if (!hasPermissionIn(user, 'indicators.enter')) throw forbidden('您的角色无权录入指标数据');
    const def = await this.repo.definition(input.indicator);
    if (!def) throw notFound('指标');
    if (!inScope(user.regionCode, input.region)) throw outOfScope();
    if (!/^\d{4}$/.test(input.period) && def.periodicity === 'year') throw new AppError(400, 'BAD_PERIOD', '该指标按年报送，期别应为年份，如 2023');
    const supervisor = hasPermissionIn(user, 'plan.supervise');
    if (!supervisor) {
      // a liaison enters only the indicators its department reports
      const dept = user.departmentId === null ? null : (await this.departments.list()).find((d) => d.id === user.departmentId);
      if (!def.department || !dept || dept.code !== def.department) throw new AppError(403, 'NOT_YOUR_DEPARTMENT', `该指标由${def.department ? '其报送单位' : '督查室'}录入，您所在单位不能录入`);
    }
    const locked = (await this.repo.entries({ indicator: input.indicator, period: input.period })).some((e) => e.region_code === input.region && e.status === 'approved');
    if (locked) throw new AppError(409, 'ENTRY_LOCKED', '该期数据已审核锁定，不能再次录入；如需更正请联系督查室');
    const pending = (await this.repo.entries({ indicator: input.indicator, period: input.period, status: 'submitted' })).some((e) => e.region_code === input.region);
    if (pending) throw new AppError(409, 'ENTRY_PENDING', '该期数据已报送待审核，请等待审核或退回后再录入');
    const id = await this.repo.insertEntry({
      indicator: input.indicator, period: input.period, region_code: input.region, value: input.value, note: input.note ?? null, status: 'submitted', department_id: user.departmentId,
      entered_by: user.username, entered_at: nowIso(), reviewed_by: null, reviewed_at: null, review_comment: null, synthetic: 0, source_label: null,
    });
    await this.audit.record(actor, { action: 'indicators.entry.submit', objectType: 'indicator_entry', objectId: id, regionCode: input.region, detail: { ...input } });
    return toEntry((await this.repo.entry(id))!);
  }

  async review(user: IndicatorUser, id: number, decision: 'approve' | 'return', comment: string | null, actor: Actor): Promise<ManualEntry> {
    if (!hasPermissionIn(user, 'plan.supervise')) throw forbidden('只有督查人员可以审核指标数据');
    const e = await this.repo.entry(id);
    if (!e || !inScope(user.regionCode, e.region_code)) throw notFound('录入记录');
    if (e.status !== 'submitted') throw new AppError(409, e.status === 'approved' ? 'ENTRY_LOCKED' : 'ENTRY_RETURNED', e.status === 'approved' ? '该记录已审核锁定' : '该记录已退回，需重新录入');
    if (decision === 'return' && !comment?.trim()) throw new AppError(400, 'COMMENT_REQUIRED', '退回时请填写意见');
    if (e.entered_by === user.username) throw new AppError(403, 'SELF_REVIEW', '不能审核本人录入的数据');
    const dept = (await this.departments.list()).find((d) => d.id === e.department_id);
    const def = await this.repo.definition(e.indicator);
    const at = nowIso();
    const n = await this.repo.reviewEntry(id, decision === 'approve' ? 'approved' : 'returned', user.username, at, comment);
    if (n === 0) throw new AppError(409, 'ENTRY_LOCKED', '该记录已被他人审核');
    if (decision === 'approve') {
      await this.repo.db.updateTable('ind_entries').set({ source_label: `${dept?.name ?? e.entered_by} 报送（${user.username} 审核）` }).where('id', '=', id).execute();
    }
    if (decision === 'approve') await this.recompute();
    await this.audit.record(actor, { action: `indicators.entry.${decision}`, objectType: 'indicator_entry', objectId: id, regionCode: e.region_code, detail: { indicator: e.indicator, period: e.period, value: e.value, comment, unit: def?.unit } });
    return toEntry((await this.repo.entry(id))!);
  }
}
