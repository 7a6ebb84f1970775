import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../shared/api/workplan.js';
import { nowIso } from '../../shared/time.js';
import { AppError, forbidden, notFound } from '../app-error.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import { roleInTask, type Viewer } from './access.js';
import { sniffAttachment } from './attachments.js';
import type { ReportRow } from './workplan.repository.js';
import type { WorkplanService } from './workplan.service.js';

/** Progress reports: cooperating units → lead unit → supervisor; close-out (办结销号). */
export class ReportsService {
  constructor(
    private readonly plans: WorkplanService,
    private readonly audit: AuditService,
    private readonly attachmentDir: string,
  ) {}

  private get repo() {
    return this.plans.repo;
  }

  async list(taskId: number, v: Viewer): Promise<Report[]> {
    const { units } = await this.plans.task(taskId, v);
    const rows = await this.repo.reports(taskId);
    const atts = await this.repo.attachments(rows.map((r) => r.id));
    const unitName = new Map(units.map((u) => [u.id, u.unit_name]));
    return rows.map((r) => toReport(r, unitName.get(r.task_unit_id) ?? '', atts.filter((a) => a.report_id === r.id)));
  }

  /** A liaison reports for their unit. The lead unit's report is the consolidated one the supervisor reviews. */
  async submit(
    taskId: number,
    input: { period: string; content: string; percent: number; indicators: { milestoneId: number; value: number }[]; requestClose: boolean },
    v: Viewer,
    actor: Actor,
  ): Promise<number> {
    const { row, units } = await this.plans.task(taskId, v);
    if (row.closed_at) throw new AppError(409, 'TASK_CLOSED', '任务已办结销号，不能再报送进展；如需补报请督查室重新打开');
    const mine = await this.plans.viewerDepartments(v);
    const role = roleInTask(units, mine);
    if (!role) throw forbidden('您的单位不是此任务的责任单位，不能报送进展');
    const unit = units.find((u) => u.department_id != null && mine.has(u.department_id) && (role === 'cooperating' ? u.role === 'cooperating' : u.role !== 'cooperating'))!;
    const kind = role === 'cooperating' ? 'unit' : 'consolidated';
    if (input.requestClose && (kind !== 'consolidated' || input.percent < 100)) {
      throw new AppError(400, 'CLOSE_NEEDS_LEAD_100', '只有牵头单位在完成 100% 时才能申请办结销号');
    }
    const milestones = await this.repo.milestones(taskId);
    for (const i of input.indicators) {
      if (!milestones.some((m) => m.id === i.milestoneId)) throw new AppError(400, 'UNKNOWN_MILESTONE', '指标不属于此任务');
    }
    const now = nowIso();
    const id = await this.repo.db.transaction().execute(async (trx) => {
      const reportId = await this.repo.insertReport({
        task_id: taskId, task_unit_id: unit.id, period: input.period, kind, content: input.content, percent: input.percent,
        indicators: JSON.stringify(input.indicators), request_close: input.requestClose ? 1 : 0, status: 'submitted',
        submitted_by: actor.username ?? '', submitted_at: now, reviewed_by: null, reviewed_at: null, review_comment: null,
      }, trx);
      if (kind === 'consolidated') await this.repo.incorporateUnitReports(taskId, input.period, trx);
      return reportId;
    });
    await this.audit.record(actor, { action: 'report.submit', objectType: 'task', objectId: taskId, detail: { reportId: id, kind, period: input.period, percent: input.percent } });
    return id;
  }

  /** The supervisor approves (progress and indicator values take effect) or returns with a comment. */
  async review(reportId: number, decision: 'approve' | 'return', comment: string, v: Viewer, actor: Actor): Promise<void> {
    const r = await this.repo.report(reportId);
    if (!r) throw notFound('报告');
    const { row } = await this.plans.task(r.task_id, v);
    if (r.kind !== 'consolidated') throw new AppError(400, 'NOT_CONSOLIDATED', '配合单位的报告由牵头单位汇总，不单独审核');
    if (r.status !== 'submitted') throw new AppError(409, 'ALREADY_REVIEWED', '该报告已审核');
    const now = nowIso();
    await this.repo.db.transaction().execute(async (trx) => {
      await this.repo.updateReport(reportId, { status: decision === 'approve' ? 'approved' : 'returned', reviewed_by: actor.username, reviewed_at: now, review_comment: comment || null }, trx);
      if (decision === 'approve') {
        await this.repo.updateTask(r.task_id, {
          progress: r.percent, progress_note: r.content.slice(0, 500), last_report_on: r.submitted_at.slice(0, 10),
          close_requested: r.request_close ? 1 : row.close_requested, updated_at: now,
        }, trx);
        for (const i of JSON.parse(r.indicators) as { milestoneId: number; value: number }[]) {
          await this.repo.updateMilestone(i.milestoneId, { actual_value: i.value }, trx);
        }
      }
    });
    await this.audit.record(actor, { action: `report.${decision}`, objectType: 'task', objectId: r.task_id, detail: { reportId, comment } });
  }

  /** 办结销号: only after the lead unit asked for it with a 100% report the supervisor approved. */
  async close(taskId: number, comment: string, v: Viewer, actor: Actor): Promise<void> {
    const { row } = await this.plans.task(taskId, v);
    if (row.closed_at) throw new AppError(409, 'TASK_CLOSED', '任务已办结销号');
    if (!row.close_requested || row.progress < 100) {
      throw new AppError(409, 'CLOSE_NOT_REQUESTED', '牵头单位尚未报送 100% 完成并申请办结，不能销号');
    }
    await this.repo.updateTask(taskId, { closed_at: nowIso(), closed_by: actor.username, updated_at: nowIso() });
    await this.audit.record(actor, { action: 'task.close', objectType: 'task', objectId: taskId, detail: { comment } });
  }

  async reopen(taskId: number, comment: string, v: Viewer, actor: Actor): Promise<void> {
    const { row } = await this.plans.task(taskId, v);
    if (!row.closed_at) throw new AppError(409, 'TASK_OPEN', '任务未办结');
    await this.repo.updateTask(taskId, { closed_at: null, closed_by: null, close_requested: 0, updated_at: nowIso() });
    await this.audit.record(actor, { action: 'task.reopen', objectType: 'task', objectId: taskId, detail: { comment } });
  }

  /** Stores an attachment of a report the viewer's unit submitted; size and type checked by content. */
  async attach(reportId: number, file: { name: string; bytes: Buffer }, v: Viewer, actor: Actor): Promise<number> {
    const r = await this.repo.report(reportId);
    if (!r) throw notFound('报告');
    await this.plans.task(r.task_id, v);
    if (r.submitted_by !== actor.username) throw forbidden('只能为自己报送的报告上传附件');
    const kind = sniffAttachment(file.name, file.bytes);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    mkdirSync(this.attachmentDir, { recursive: true, mode: 0o700 });
    // Stored under its hash, never under the user's file name.
    writeFileSync(join(this.attachmentDir, sha256), file.bytes, { mode: 0o600 });
    const id = await this.repo.insertAttachment({
      report_id: reportId, file_name: file.name.replace(/[\\/\0]/g, '_').slice(0, 200), mime: kind.mime, size: file.bytes.length,
      sha256, stored_as: sha256, uploaded_by: actor.username ?? '', uploaded_at: nowIso(),
    });
    await this.audit.record(actor, { action: 'report.attach', objectType: 'task', objectId: r.task_id, detail: { reportId, file: file.name, size: file.bytes.length, sha256 } });
    return id;
  }

  async attachmentFile(id: number, v: Viewer): Promise<{ name: string; mime: string; bytes: Buffer }> {
    const a = await this.repo.attachment(id);
    if (!a) throw notFound('附件');
    const r = (await this.repo.report(a.report_id))!;
    await this.plans.task(r.task_id, v);
    return { name: a.file_name, mime: a.mime, bytes: readFileSync(join(this.attachmentDir, a.stored_as)) };
  }
}

function toReport(r: ReportRow, unitName: string, atts: { id: number; file_name: string; mime: string; size: number; uploaded_at: string }[]): Report {
  return {
    id: r.id, taskId: r.task_id, unitId: r.task_unit_id, unitName, period: r.period, kind: r.kind as Report['kind'], content: r.content,
    percent: r.percent, indicators: JSON.parse(r.indicators), requestClose: !!r.request_close, status: r.status as Report['status'],
    submittedBy: r.submitted_by, submittedAt: r.submitted_at, reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at, reviewComment: r.review_comment,
    attachments: atts.map((a) => ({ id: a.id, fileName: a.file_name, mime: a.mime, size: a.size, uploadedAt: a.uploaded_at })),
  };
}
