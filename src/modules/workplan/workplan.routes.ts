import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OkSchema } from '../../shared/api/common.js';
import {
  CloseTaskSchema, ImportPlanResultSchema, ImportPlanSchema, MilestoneInputSchema, MilestoneSchema, NotificationSchema, PlanSummarySchema,
  RankingRowSchema, ReportSchema, ReviewReportSchema, SubmitReportSchema, TaskDetailSchema, TaskQuerySchema, TaskSummarySchema, UpdateTaskSchema,
} from '../../shared/api/workplan.js';
import { nowIso } from '../../shared/time.js';
import { AppError, notFound } from '../app-error.js';
import { actorOf, hasPermission, requirePermission, requireUser } from '../auth/guards.js';
import type { Viewer } from './access.js';
import type { ReportsService } from './reports.service.js';
import type { SupervisionService } from './supervision.service.js';
import type { WorkplanService } from './workplan.service.js';
import type { UsersService } from '../auth/users.service.js';

const Id = z.object({ id: z.coerce.number().int().positive() });
const AsOf = z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() });

export function viewerOf(req: FastifyRequest): Viewer {
  const u = requireUser(req);
  return { roles: u.roles, regionCode: u.regionCode, departmentId: u.departmentId };
}

export function workplanRoutes(app: FastifyInstance, deps: { plans: WorkplanService; reports: ReportsService; supervision: SupervisionService; users: UsersService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { plans, reports, supervision } = deps;
  const read = { preHandler: requirePermission('plan.read') };
  const supervise = { preHandler: requirePermission('plan.supervise') };
  const report = { preHandler: requirePermission('plan.report') };
  const tags = ['workplan'];

  r.get('/api/plans', { ...read, schema: { tags, summary: '方案列表', querystring: AsOf, response: { 200: z.array(PlanSummarySchema) } } }, async (req) =>
    plans.plans(viewerOf(req), req.query.asOf),
  );

  r.post('/api/plans/import', { ...supervise, bodyLimit: 20 * 1024 * 1024, schema: { tags, summary: '导入方案文件，生成任务分工', body: ImportPlanSchema, response: { 200: ImportPlanResultSchema } } }, async (req) => {
    const b = req.body;
    const bytes = b.fileBase64 ? Buffer.from(b.fileBase64, 'base64') : Buffer.from(b.text!, 'utf8');
    const { planId, duplicate } = await plans.importBytes(bytes, b.fileName, { startDate: b.startDate, endDate: b.endDate, periodType: b.periodType }, actorOf(req));
    const plan = (await plans.plans(viewerOf(req))).find((p) => p.id === planId)!;
    return { plan, duplicate };
  });

  r.get('/api/plans/:id/tasks', { ...read, schema: { tags, summary: '任务矩阵', params: Id, querystring: TaskQuerySchema.extend(AsOf.shape), response: { 200: z.array(TaskSummarySchema) } } }, async (req) => {
    const q = req.query;
    let tasks = await plans.tasks(req.params.id, viewerOf(req), q.asOf);
    if (q.colour) tasks = tasks.filter((t) => t.status.colour === q.colour);
    if (q.departmentId) tasks = tasks.filter((t) => t.units.some((u) => u.departmentId === q.departmentId));
    if (q.mine) tasks = tasks.filter((t) => t.myRole);
    if (q.overdue) tasks = tasks.filter((t) => t.status.overdue);
    return tasks;
  });

  r.get('/api/plans/:id/milestones', { ...read, schema: { tags, summary: '方案全部节点目标（按任务）', params: Id, response: { 200: z.record(z.string(), z.array(MilestoneSchema)) } } }, async (req) =>
    plans.planMilestones(req.params.id, viewerOf(req)),
  );

  r.get('/api/plans/:id/ranking', { ...read, schema: { tags, summary: '单位排名', params: Id, querystring: AsOf, response: { 200: z.array(RankingRowSchema) } } }, async (req) =>
    supervision.ranking(req.params.id, viewerOf(req), req.query.asOf),
  );

  r.get('/api/plans/:id/export/task-table.xlsx', { ...read, schema: { tags, summary: '导出任务分工表 (.xlsx)', params: Id } }, async (req, reply) => {
    const { taskTableWorkbook } = await import('./exports/task-table.js');
    const plan = await plans.repo.plan(req.params.id);
    if (!plan) throw notFound('方案');
    const buf = await taskTableWorkbook(plan.title, await plans.tasks(req.params.id, viewerOf(req)));
    return sendFile(reply, buf, '任务分工表.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  r.get('/api/plans/:id/export/bulletin.docx', { ...read, schema: { tags, summary: '导出督办通报 (.docx)', params: Id, querystring: AsOf } }, async (req, reply) => {
    const { bulletinDocument } = await import('./exports/bulletin.js');
    const plan = await plans.repo.plan(req.params.id);
    if (!plan) throw notFound('方案');
    const asOf = req.query.asOf ?? nowIso().slice(0, 10);
    const v = viewerOf(req);
    const buf = await bulletinDocument({ planTitle: plan.title, docNumber: plan.doc_number, asOf, tasks: await plans.tasks(plan.id, v, asOf), ranking: await supervision.ranking(plan.id, v, asOf) });
    return sendFile(reply, buf, '督办通报.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  r.get('/api/tasks/:id', { ...read, schema: { tags, summary: '任务详情', params: Id, querystring: AsOf, response: { 200: TaskDetailSchema } } }, async (req) => {
    const v = viewerOf(req);
    return plans.taskDetail(req.params.id, v, await reports.list(req.params.id, v), req.query.asOf);
  });

  r.patch('/api/tasks/:id', { ...supervise, schema: { tags, summary: '设置时限、责任人、单位映射', params: Id, body: UpdateTaskSchema, response: { 200: OkSchema } } }, async (req) => {
    await plans.updateTask(req.params.id, req.body, viewerOf(req), actorOf(req));
    return { ok: true as const };
  });

  // Whom the supervisor can name as a unit's owner of a task: the unit's active accounts.
  r.get('/api/departments/:id/members', { ...supervise, schema: { tags, summary: '单位人员（用于指定任务责任人）', params: Id, response: { 200: z.array(z.object({ id: z.number().int(), username: z.string(), displayName: z.string() })) } } }, async (req) => {
    const all = await deps.users.list(requireUser(req).regionCode);
    return all.filter((u) => u.departmentId === req.params.id && !u.disabled).map((u) => ({ id: u.id, username: u.username, displayName: u.displayName }));
  });

  r.post('/api/tasks/:id/milestones', { ...supervise, schema: { tags, summary: '新增节点目标', params: Id, body: MilestoneInputSchema, response: { 200: z.object({ id: z.number().int() }) } } }, async (req) => ({
    id: await plans.addMilestone(req.params.id, req.body, viewerOf(req), actorOf(req)),
  }));
  r.post('/api/milestones/:id/confirm', { ...supervise, schema: { tags, summary: '确认解析出的节点目标', params: Id, response: { 200: OkSchema } } }, async (req) => {
    await plans.confirmMilestone(req.params.id, viewerOf(req), actorOf(req));
    return { ok: true as const };
  });
  r.delete('/api/milestones/:id', { ...supervise, schema: { tags, summary: '删除节点目标', params: Id, response: { 200: OkSchema } } }, async (req) => {
    await plans.confirmMilestone(req.params.id, viewerOf(req), actorOf(req), true);
    return { ok: true as const };
  });

  r.post('/api/tasks/:id/reports', { ...report, schema: { tags, summary: '报送进展', params: Id, body: SubmitReportSchema, response: { 200: z.object({ id: z.number().int() }) } } }, async (req) => ({
    id: await reports.submit(req.params.id, req.body, viewerOf(req), actorOf(req)),
  }));
  r.post('/api/reports/:id/review', { ...supervise, schema: { tags, summary: '审核进展报告（通过/退回）', params: Id, body: ReviewReportSchema, response: { 200: OkSchema } } }, async (req) => {
    await reports.review(req.params.id, req.body.decision, req.body.comment, viewerOf(req), actorOf(req));
    return { ok: true as const };
  });
  r.post('/api/tasks/:id/close', { ...supervise, schema: { tags, summary: '办结销号', params: Id, body: CloseTaskSchema, response: { 200: OkSchema } } }, async (req) => {
    await reports.close(req.params.id, req.body.comment, viewerOf(req), actorOf(req));
    return { ok: true as const };
  });
  r.post('/api/tasks/:id/reopen', { ...supervise, schema: { tags, summary: '重新打开已办结任务', params: Id, body: CloseTaskSchema, response: { 200: OkSchema } } }, async (req) => {
    await reports.reopen(req.params.id, req.body.comment, viewerOf(req), actorOf(req));
    return { ok: true as const };
  });

  // Attachments: the raw file as the body (Content-Type application/octet-stream), its name in the query.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 + 1 }, (_req, body, done) => done(null, body));
  r.post('/api/reports/:id/attachments', {
    ...report, bodyLimit: 10 * 1024 * 1024 + 1,
    schema: { tags, summary: '上传附件（PDF/Word/Excel/图片，≤10MB）', params: Id, querystring: z.object({ name: z.string().min(1).max(255) }), response: { 200: z.object({ id: z.number().int() }) } },
  }, async (req) => {
    if (!Buffer.isBuffer(req.body)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '附件须以 application/octet-stream 上传');
    return { id: await reports.attach(req.params.id, { name: req.query.name, bytes: req.body }, viewerOf(req), actorOf(req)) };
  });
  r.get('/api/attachments/:id', { ...read, schema: { tags, summary: '下载附件', params: Id } }, async (req, reply) => {
    const f = await reports.attachmentFile(req.params.id, viewerOf(req));
    return sendFile(reply, f.bytes, f.name, f.mime);
  });

  r.get('/api/notifications', { schema: { tags, summary: '我的提醒（未读在前）', querystring: z.object({ unread: z.enum(['1', 'true']).optional() }), response: { 200: z.array(NotificationSchema) } } }, async (req) => {
    const u = requireUser(req);
    const rows = await plans.repo.notificationsFor(u.id, u.departmentId, hasPermission(u, 'plan.supervise'), 200, !!req.query.unread);
    return rows.map((n) => ({ id: n.id, taskId: n.task_id, kind: n.kind, message: n.message, createdAt: n.created_at, readAt: n.read_at }));
  });
  r.post('/api/notifications/:id/read', { schema: { tags, params: Id, response: { 200: OkSchema } } }, async (req) => {
    const u = requireUser(req);
    const n = await plans.repo.notification(req.params.id);
    const visible = n && (n.user_id === u.id || (n.audience === 'department' && n.department_id === u.departmentId) || (n.audience === 'supervisors' && hasPermission(u, 'plan.supervise')));
    if (!visible) throw notFound('提醒');
    await plans.repo.markNotificationRead(n.id, nowIso());
    return { ok: true as const };
  });
  r.post('/api/notifications/read-all', { schema: { tags, summary: '全部标为已读', response: { 200: OkSchema } } }, async (req) => {
    const u = requireUser(req);
    const rows = await plans.repo.notificationsFor(u.id, u.departmentId, hasPermission(u, 'plan.supervise'), 10_000, true);
    await plans.repo.markAllNotificationsRead(rows.map((n) => n.id), nowIso());
    return { ok: true as const };
  });
  r.post('/api/notifications/scan', { ...supervise, schema: { tags, summary: '立即检查到期提醒', response: { 200: z.object({ added: z.number().int() }) } } }, async () => ({
    added: await supervision.scanReminders(),
  }));
}

function sendFile(reply: import('fastify').FastifyReply, buf: Buffer, name: string, mime: string) {
  reply.header('content-type', mime);
  reply.header('content-disposition', `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(name)}`);
  return reply.send(buf);
}
