import { createHash } from 'node:crypto';
import type { DbHandle } from '../../db/connect.js';
import type { PlanSummary, TaskDetail, TaskSummary } from '../../shared/api/workplan.js';
import { nowIso } from '../../shared/time.js';
import { AppError, notFound } from '../app-error.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { DepartmentsService } from '../org/departments.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { isCityWide, roleInTask, viewerDepartments, type Viewer } from './access.js';
import { resolveMeasureUnits, type DepartmentSeed } from './departments.js';
import { isWorkplanInputError, parsePlanBytes, type ParsedPlan } from './parser/index.js';
import { DEFAULT_THRESHOLDS, taskStatus, type StatusThresholds } from './status.js';
import { WorkplanRepository, type MilestoneRow, type TaskRow, type TaskUnitRow } from './workplan.repository.js';

export interface ImportOptions {
  startDate: string;
  endDate: string;
  periodType: 'month' | 'quarter' | 'half';
  /** The "today" against which status is computed (tests and the demo pass one). */
  today?: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Plans and tasks: import, visibility, status, editing by the supervisor. */
export class WorkplanService {
  readonly repo: WorkplanRepository;

  constructor(
    h: DbHandle,
    private readonly audit: AuditService,
    private readonly departments: DepartmentsService,
    private readonly settings: SettingsService,
  ) {
    this.repo = new WorkplanRepository(h.db);
  }

  async thresholds(): Promise<StatusThresholds> {
    return this.settings.get('workplan.thresholds', DEFAULT_THRESHOLDS);
  }

  /** Parses the bytes (.txt in any encoding, or .docx) and imports the plan, all or nothing. */
  async importBytes(bytes: Uint8Array, fileName: string, opts: ImportOptions, actor: Actor): Promise<{ planId: number; duplicate: boolean }> {
    let plan: ParsedPlan;
    try {
      plan = (await parsePlanBytes(bytes, fileName)).plan;
    } catch (e) {
      if (isWorkplanInputError(e)) throw new AppError(400, e.code, e.message);
      throw e;
    }
    return this.importParsed(plan, fileName, opts, actor);
  }

  async importParsed(plan: ParsedPlan, sourceName: string, opts: ImportOptions, actor: Actor): Promise<{ planId: number; duplicate: boolean }> {
    // The same document (same measures and units) is one plan, however it was encoded or formatted.
    const hash = createHash('sha256')
      .update(JSON.stringify([plan.docNumber, plan.title, plan.measures.map((m) => [m.ref, m.title, m.lead, m.cooperating, m.responsible])]))
      .digest('hex');
    const existing = await this.repo.planByHash(hash);
    if (existing) return { planId: existing.id, duplicate: true };

    const directory = await this.directory();
    const byCode = new Map(directory.map((d) => [d.code, d.id]));
    const now = nowIso();
    const planId = await this.repo.db.transaction().execute(async (trx) => {
      const id = await this.repo.insertPlan(trx, {
        title: plan.title ?? sourceName,
        doc_number: plan.docNumber,
        issuer: plan.issuer,
        issued_on: plan.date,
        region_code: '211000',
        source_hash: hash,
        source_name: sourceName,
        sections: JSON.stringify(plan.sections),
        period_type: opts.periodType,
        start_date: opts.startDate,
        end_date: opts.endDate,
        warnings: JSON.stringify(plan.warnings),
        created_at: now,
        created_by: actor.username ?? 'system',
      });
      for (const m of plan.measures) {
        const taskId = await this.repo.insertTask(trx, {
          plan_id: id, seq: m.index, ref: m.ref, number: m.number, path_titles: JSON.stringify(m.pathTitles), title: m.title,
          text: m.text, etc: m.etc ? 1 : 0, line: m.line, start_date: opts.startDate, deadline: opts.endDate, progress: 0,
          progress_note: null, last_report_on: null, close_requested: 0, closed_at: null, closed_by: null, updated_at: now,
        });
        const units = resolveMeasureUnits(m, directory.map(toSeed));
        await this.repo.insertUnits(trx, units.map((u) => ({ task_id: taskId, role: u.role, unit_name: u.name, department_id: u.code ? byCode.get(u.code) ?? null : null, owner_user_id: null })));
        // Targets the parser found are proposed as milestones for the supervisor to confirm.
        await this.repo.insertMilestones(trx, m.targets.map((t) => ({
          task_id: taskId, title: t.text, due_date: `${t.year}-12-31`, target_value: t.value, target_unit: t.unit,
          cumulative: t.cumulative ? 1 : 0, actual_value: null, done_on: null, proposed: 1,
        })));
      }
      return id;
    });
    await this.audit.record(actor, { action: 'plan.import', objectType: 'plan', objectId: planId, regionCode: '211000', detail: { title: plan.title, docNumber: plan.docNumber, measures: plan.measures.length, warnings: plan.warnings.length } });
    return { planId, duplicate: false };
  }

  private async directory() {
    return (await this.departments.list()).map((d) => ({ id: d.id, code: d.code, name: d.name, aliases: d.aliases, kind: d.kind, regionCode: d.regionCode }));
  }

  async viewerDepartments(v: Viewer): Promise<Set<number>> {
    return viewerDepartments(v, await this.directory());
  }

  /** Every task of the plan the viewer may see, with status and the viewer's role. */
  async tasks(planId: number, v: Viewer, asOf = today()): Promise<TaskSummary[]> {
    if (!(await this.repo.plan(planId))) throw notFound('方案');
    const [rows, units, mine, th] = await Promise.all([this.repo.tasks(planId), this.repo.units(planId), this.viewerDepartments(v), this.thresholds()]);
    const unitsByTask = groupBy(units, (u) => u.task_id);
    const cityWide = isCityWide(v);
    const out: TaskSummary[] = [];
    for (const t of rows) {
      const us = unitsByTask.get(t.id) ?? [];
      const myRole = roleInTask(us, mine);
      if (!cityWide && !myRole) continue;
      out.push(summarise(t, us, myRole, asOf, th));
    }
    return out;
  }

  async task(taskId: number, v: Viewer, asOf = today()): Promise<{ row: TaskRow; summary: TaskSummary; units: TaskUnitRow[] }> {
    const row = await this.repo.task(taskId);
    if (!row) throw notFound('任务');
    const units = await this.repo.units(row.plan_id, [taskId]);
    const myRole = roleInTask(units, await this.viewerDepartments(v));
    // A task outside the viewer's remit does not exist for them (no hint that it does).
    if (!isCityWide(v) && !myRole) throw notFound('任务');
    return { row, units, summary: summarise(row, units, myRole, asOf, await this.thresholds()) };
  }

  async taskDetail(taskId: number, v: Viewer, reports: TaskDetail['reports'], asOf = today()): Promise<TaskDetail> {
    const { row, summary } = await this.task(taskId, v, asOf);
    const milestones = await this.repo.milestones(taskId);
    return {
      ...summary,
      text: row.text,
      line: row.line,
      etc: !!row.etc,
      pathTitles: JSON.parse(row.path_titles) as string[],
      milestones: milestones.map(toMilestone),
      reports,
    };
  }

  /** Milestones of the tasks the viewer may see, keyed by task id. */
  async planMilestones(planId: number, v: Viewer): Promise<Record<number, TaskDetail['milestones']>> {
    const visible = new Set((await this.tasks(planId, v)).map((t) => t.id));
    const out: Record<number, TaskDetail['milestones']> = {};
    for (const m of await this.repo.planMilestones(planId)) {
      if (!visible.has(m.task_id)) continue;
      (out[m.task_id] ??= []).push(toMilestone(m));
    }
    return out;
  }

  async plans(v: Viewer, asOf = today()): Promise<PlanSummary[]> {
    const plans = await this.repo.plans();
    return Promise.all(plans.map(async (p) => {
      const tasks = await this.tasks(p.id, v, asOf);
      const counts = { green: 0, yellow: 0, red: 0, done: 0 };
      for (const t of tasks) counts[t.status.colour]++;
      return {
        id: p.id, title: p.title, docNumber: p.doc_number, issuer: p.issuer, issuedOn: p.issued_on,
        periodType: p.period_type as PlanSummary['periodType'], startDate: p.start_date, endDate: p.end_date,
        taskCount: tasks.length, counts, warnings: JSON.parse(p.warnings), createdAt: p.created_at,
      };
    }));
  }

  /** The supervisor sets dates, owners and maps unknown unit names to departments. */
  async updateTask(
    taskId: number,
    patch: { startDate?: string; deadline?: string; owners?: { unitId: number; userId: number | null }[]; unitMappings?: { unitId: number; departmentId: number }[] },
    v: Viewer,
    actor: Actor,
  ): Promise<void> {
    const { row, units } = await this.task(taskId, v);
    const start = patch.startDate ?? row.start_date;
    const deadline = patch.deadline ?? row.deadline;
    if (start >= deadline) throw new AppError(400, 'INVALID_DATES', '开始日期须早于完成时限');
    await this.repo.updateTask(taskId, { start_date: start, deadline, updated_at: nowIso() });
    const ids = new Set(units.map((u) => u.id));
    for (const o of patch.owners ?? []) {
      if (!ids.has(o.unitId)) throw new AppError(400, 'UNKNOWN_UNIT', '该单位不属于此任务');
      const unit = units.find((u) => u.id === o.unitId)!;
      if (o.userId !== null && (unit.department_id === null || (await this.repo.userDepartment(o.userId)) !== unit.department_id)) {
        throw new AppError(400, 'OWNER_NOT_IN_UNIT', '责任人须为该单位的在用账号');
      }
      await this.repo.updateUnit(o.unitId, { owner_user_id: o.userId });
    }
    for (const m of patch.unitMappings ?? []) {
      if (!ids.has(m.unitId)) throw new AppError(400, 'UNKNOWN_UNIT', '该单位不属于此任务');
      if (!(await this.departments.get(m.departmentId))) throw new AppError(400, 'UNKNOWN_DEPARTMENT', '单位不存在');
      await this.repo.updateUnit(m.unitId, { department_id: m.departmentId });
    }
    await this.audit.record(actor, { action: 'task.update', objectType: 'task', objectId: taskId, regionCode: '211000', detail: patch });
  }

  async addMilestone(taskId: number, m: { title: string; dueDate: string; targetValue?: number | null; targetUnit?: string | null; cumulative: boolean }, v: Viewer, actor: Actor) {
    await this.task(taskId, v);
    const id = await this.repo.insertMilestone({ task_id: taskId, title: m.title, due_date: m.dueDate, target_value: m.targetValue ?? null, target_unit: m.targetUnit ?? null, cumulative: m.cumulative ? 1 : 0, actual_value: null, done_on: null, proposed: 0 });
    await this.audit.record(actor, { action: 'milestone.create', objectType: 'task', objectId: taskId, detail: m });
    return id;
  }

  async confirmMilestone(milestoneId: number, v: Viewer, actor: Actor, remove = false) {
    const m = await this.repo.milestone(milestoneId);
    if (!m) throw notFound('节点');
    await this.task(m.task_id, v);
    if (remove) await this.repo.deleteMilestone(milestoneId);
    else await this.repo.updateMilestone(milestoneId, { proposed: 0 });
    await this.audit.record(actor, { action: remove ? 'milestone.delete' : 'milestone.confirm', objectType: 'task', objectId: m.task_id, detail: { milestoneId } });
  }
}

function toMilestone(m: MilestoneRow): TaskDetail['milestones'][number] {
  return {
    id: m.id, title: m.title, dueDate: m.due_date, targetValue: m.target_value, targetUnit: m.target_unit,
    cumulative: !!m.cumulative, actualValue: m.actual_value, doneOn: m.done_on, proposed: !!m.proposed,
  };
}

function toSeed(d: { code: string; name: string; aliases: string[]; kind: string; regionCode: string }): DepartmentSeed {
  return { code: d.code, name: d.name, aliases: d.aliases, kind: d.kind as DepartmentSeed['kind'], regionCode: d.regionCode };
}

function groupBy<T, K>(xs: T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const arr = m.get(k);
    if (arr) arr.push(x);
    else m.set(k, [x]);
  }
  return m;
}

export function summarise(t: TaskRow, units: TaskUnitRow[], myRole: TaskSummary['myRole'], asOf: string, th: StatusThresholds): TaskSummary {
  const path = JSON.parse(t.path_titles) as string[];
  return {
    id: t.id, planId: t.plan_id, seq: t.seq, ref: t.ref,
    section: path[0] ?? '', group: path.length > 2 ? path[path.length - 2] : path[0] ?? '',
    title: t.title, startDate: t.start_date, deadline: t.deadline, progress: t.progress, lastReportOn: t.last_report_on,
    closeRequested: !!t.close_requested, closedAt: t.closed_at,
    status: taskStatus({ startDate: t.start_date, deadline: t.deadline, progress: t.progress, closed: !!t.closed_at }, asOf, th),
    units: units.map((u) => ({
      id: u.id, role: u.role as 'lead' | 'cooperating' | 'responsible', name: u.unit_name, departmentId: u.department_id,
      departmentCode: u.department_code, unmapped: u.department_id == null, ownerUserId: u.owner_user_id, ownerName: u.owner_name,
    })),
    myRole,
  };
}
