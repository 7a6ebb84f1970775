import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditQuerySchema, AuditRecordSchema, AuditVerifySchema } from '../../shared/api/audit.js';
import { paged } from '../../shared/api/common.js';
import { regionPrefix } from '../../shared/region-scope.js';
import { actorOf, requirePermission, requireUser } from '../auth/guards.js';
import type { AuditRow } from './audit.repository.js';
import type { AuditService } from './audit.service.js';

export function toRecord(r: AuditRow) {
  return {
    id: r.id, ts: r.ts, userId: r.user_id, username: r.username, action: r.action, objectType: r.object_type,
    objectId: r.object_id, regionCode: r.region_code, outcome: r.outcome, ip: r.ip,
    detail: JSON.parse(r.detail) as Record<string, unknown>, hash: r.hash,
  };
}

export function auditRoutes(app: FastifyInstance, audit: AuditService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const guard = { preHandler: requirePermission('audit.read') };
  const tags = ['audit'];

  // An auditor scoped to a county sees the records of that county and the records without a region
  // (logins of the county's users carry their region).
  const query = (scope: string, q: { from?: string; to?: string; username?: string; action?: string; outcome?: string }, limit: number, offset: number) =>
    audit.query({ ...q, regionPrefix: regionPrefix(scope).length <= 4 ? undefined : regionPrefix(scope), limit, offset });

  r.get('/api/audit', { ...guard, schema: { tags, summary: '审计日志查询', querystring: AuditQuerySchema, response: { 200: paged(AuditRecordSchema) } } }, async (req) => {
    const { page, pageSize, ...q } = req.query;
    const { rows, total } = await query(requireUser(req).regionCode, q, pageSize, (page - 1) * pageSize);
    return { items: rows.map(toRecord), total, page, pageSize };
  });

  r.get('/api/audit/verify', { ...guard, schema: { tags, summary: '校验审计日志哈希链', response: { 200: AuditVerifySchema } } }, async (req) => {
    const result = await audit.verify();
    await audit.record(actorOf(req), { action: 'audit.verify', outcome: result.ok ? 'success' : 'failure', detail: { count: result.count } });
    return result;
  });

  r.get('/api/audit/export.xlsx', { ...guard, schema: { tags, summary: '导出审计日志 (.xlsx)', querystring: AuditQuerySchema } }, async (req, reply) => {
    const { page: _p, pageSize: _s, ...q } = req.query;
    const { rows } = await query(requireUser(req).regionCode, q, 100_000, 0);
    await audit.record(actorOf(req), { action: 'audit.export', detail: { rows: rows.length, filters: q } });
    const { auditWorkbook } = await import('./audit.export.js'); // exceljs is heavy: load it on first export
    const buf = await auditWorkbook(rows.map(toRecord));
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename="audit-log.xlsx"; filename*=UTF-8''${encodeURIComponent('审计日志.xlsx')}`);
    return reply.send(buf);
  });
}
