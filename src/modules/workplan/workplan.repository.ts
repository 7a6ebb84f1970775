import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database, MilestoneTable, PlanTable, TaskReportTable, TaskTable, TaskUnitTable } from '../../db/schema.js';

export type PlanRow = Selectable<PlanTable>;
export type TaskRow = Selectable<TaskTable>;
export type TaskUnitRow = Selectable<TaskUnitTable> & { department_code: string | null; owner_name: string | null };
export type MilestoneRow = Selectable<MilestoneTable>;
export type ReportRow = Selectable<TaskReportTable>;

type Db = Kysely<Database> | Transaction<Database>;

/** All SQL of plan supervision. */
export class WorkplanRepository {
  constructor(readonly db: Kysely<Database>) {}

  planByHash(hash: string) {
    return this.db.selectFrom('plans').selectAll().where('source_hash', '=', hash).executeTakeFirst();
  }

  plan(id: number) {
    return this.db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
  }

  plans() {
    return this.db.selectFrom('plans').selectAll().orderBy('id', 'desc').execute();
  }

  async insertPlan(trx: Db, p: Insertable<PlanTable>): Promise<number> {
    return (await trx.insertInto('plans').values(p).returning('id').executeTakeFirstOrThrow()).id;
  }

  /** The demo's plan entered the system when its supervision began. */
  async setPlanCreatedAt(id: number, at: string): Promise<void> {
    await this.db.updateTable('plans').set({ created_at: at }).where('id', '=', id).execute();
  }

  async insertTask(trx: Db, t: Insertable<TaskTable>): Promise<number> {
    return (await trx.insertInto('tasks').values(t).returning('id').executeTakeFirstOrThrow()).id;
  }

  async insertUnits(trx: Db, rows: Insertable<TaskUnitTable>[]): Promise<void> {
    if (rows.length) await trx.insertInto('task_units').values(rows).execute();
  }

  async insertMilestones(trx: Db, rows: Insertable<MilestoneTable>[]): Promise<void> {
    if (rows.length) await trx.insertInto('milestones').values(rows).execute();
  }

  tasks(planId: number): Promise<TaskRow[]> {
    return this.db.selectFrom('tasks').selectAll().where('plan_id', '=', planId).orderBy('seq').execute();
  }

  task(id: number) {
    return this.db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async updateTask(id: number, patch: Updateable<TaskTable>, trx: Db = this.db): Promise<void> {
    await trx.updateTable('tasks').set(patch).where('id', '=', id).execute();
  }

  /** Units of the given tasks (all tasks of a plan when taskIds is omitted). */
  units(planId: number, taskIds?: number[]): Promise<TaskUnitRow[]> {
    let q = this.db
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
      .leftJoin('departments', 'departments.id', 'task_units.department_id')
      .leftJoin('users', 'users.id', 'task_units.owner_user_id')
      .selectAll('task_units')
      .select(['departments.code as department_code', 'users.display_name as owner_name'])
      .where('tasks.plan_id', '=', planId);
    if (taskIds) q = q.where('task_units.task_id', 'in', taskIds.length ? taskIds : [-1]);
    return q.orderBy('task_units.id').execute();
  }

  /** The department of an account (owners of a task's unit must belong to that unit). */
  async userDepartment(userId: number): Promise<number | null | undefined> {
    const r = await this.db.selectFrom('users').select('department_id').where('id', '=', userId).where('disabled', '=', 0).executeTakeFirst();
    return r ? r.department_id : undefined;
  }

  unit(id: number) {
    return this.db.selectFrom('task_units').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async updateUnit(id: number, patch: Updateable<TaskUnitTable>): Promise<void> {
    await this.db.updateTable('task_units').set(patch).where('id', '=', id).execute();
  }

  milestones(taskId: number): Promise<MilestoneRow[]> {
    return this.db.selectFrom('milestones').selectAll().where('task_id', '=', taskId).orderBy('due_date').orderBy('id').execute();
  }

  /** Milestones of every task of a plan. */
  planMilestones(planId: number): Promise<MilestoneRow[]> {
    return this.db
      .selectFrom('milestones')
      .innerJoin('tasks', 'tasks.id', 'milestones.task_id')
      .selectAll('milestones')
      .where('tasks.plan_id', '=', planId)
      .orderBy('milestones.task_id')
      .orderBy('milestones.due_date')
      .execute();
  }

  async markAllNotificationsRead(ids: number[], at: string): Promise<void> {
    if (ids.length) await this.db.updateTable('notifications').set({ read_at: at }).where('id', 'in', ids).where('read_at', 'is', null).execute();
  }

  async insertMilestone(m: Insertable<MilestoneTable>): Promise<number> {
    return (await this.db.insertInto('milestones').values(m).returning('id').executeTakeFirstOrThrow()).id;
  }

  async updateMilestone(id: number, patch: Updateable<MilestoneTable>, trx: Db = this.db): Promise<void> {
    await trx.updateTable('milestones').set(patch).where('id', '=', id).execute();
  }

  async deleteMilestone(id: number): Promise<void> {
    await this.db.deleteFrom('milestones').where('id', '=', id).execute();
  }

  milestone(id: number) {
    return this.db.selectFrom('milestones').selectAll().where('id', '=', id).executeTakeFirst();
  }

  reports(taskId: number): Promise<ReportRow[]> {
    return this.db.selectFrom('task_reports').selectAll().where('task_id', '=', taskId).orderBy('id', 'desc').execute();
  }

  /** Consolidated reports of a plan (for rankings and on-time rates). */
  consolidatedReports(planId: number) {
    return this.db
      .selectFrom('task_reports')
      .innerJoin('tasks', 'tasks.id', 'task_reports.task_id')
      .select(['task_reports.task_id', 'task_reports.period', 'task_reports.submitted_at', 'task_reports.status'])
      .where('tasks.plan_id', '=', planId)
      .where('task_reports.kind', '=', 'consolidated')
      .execute();
  }

  report(id: number) {
    return this.db.selectFrom('task_reports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertReport(r: Insertable<TaskReportTable>, trx: Db = this.db): Promise<number> {
    return (await trx.insertInto('task_reports').values(r).returning('id').executeTakeFirstOrThrow()).id;
  }

  async updateReport(id: number, patch: Updateable<TaskReportTable>, trx: Db = this.db): Promise<void> {
    await trx.updateTable('task_reports').set(patch).where('id', '=', id).execute();
  }

  /** Marks the cooperating units' reports of a period as taken into the lead's consolidated report. */
  async incorporateUnitReports(taskId: number, period: string, trx: Db): Promise<void> {
    await trx
      .updateTable('task_reports')
      .set({ status: 'incorporated' })
      .where('task_id', '=', taskId)
      .where('period', '=', period)
      .where('kind', '=', 'unit')
      .where('status', '=', 'submitted')
      .execute();
  }

  attachments(reportIds: number[]) {
    if (!reportIds.length) return Promise.resolve([]);
    return this.db.selectFrom('report_attachments').selectAll().where('report_id', 'in', reportIds).orderBy('id').execute();
  }

  attachment(id: number) {
    return this.db.selectFrom('report_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertAttachment(a: Insertable<Database['report_attachments']>): Promise<number> {
    return (await this.db.insertInto('report_attachments').values(a).returning('id').executeTakeFirstOrThrow()).id;
  }

  // --- notifications ---
  async addNotification(n: Insertable<Database['notifications']>): Promise<boolean> {
    const r = await this.db.insertInto('notifications').values(n).onConflict((oc) => oc.column('dedupe_key').doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  notificationsFor(userId: number, departmentId: number | null, supervisor: boolean, limit = 100, unreadOnly = false) {
    let q = this.db
      .selectFrom('notifications')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('user_id', '=', userId),
          ...(departmentId != null ? [eb.and([eb('audience', '=', 'department'), eb('department_id', '=', departmentId)])] : []),
          ...(supervisor ? [eb('audience', '=', 'supervisors')] : []),
        ]),
      );
    if (unreadOnly) q = q.where('read_at', 'is', null);
    // Unread first, newest first.
    return q.orderBy((eb) => eb.case().when('read_at', 'is', null).then(0).else(1).end()).orderBy('id', 'desc').limit(limit).execute();
  }

  async markNotificationRead(id: number, at: string): Promise<void> {
    await this.db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
  }

  notification(id: number) {
    return this.db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
