import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ReportQuerySchema } from '../../../shared/api/indicators.js';
import type { AuditService } from '../../audit/audit.service.js';
import { actorOf, requirePermission, requireUser } from '../../auth/guards.js';
import type { SettingsService } from '../../settings/settings.service.js';
import type { IndicatorsService } from '../indicators.service.js';
import { canEditTemplates, contentDisposition, ReportService, type GeneratedFile } from './report.service.js';
import { TABLE_NAMES } from './tables.js';
import { REPORT_SECTIONS } from './templates.js';

const Section = z.enum(REPORT_SECTIONS);
const TemplateViewSchema = z.object({
  section: Section, title: z.string(), source: z.string(), defaultSource: z.string(), version: z.number().int(), updatedBy: z.string().nullable(), updatedAt: z.string().nullable(),
});
const SaveSchema = z.object({ section: Section, source: z.string().max(20_000, '模板过长（不超过 20000 个字符）').nullable() });
const PreviewSchema = ReportQuerySchema.extend({ section: Section, source: z.string().max(20_000, '模板过长（不超过 20000 个字符）') });
const XlsxQuerySchema = ReportQuerySchema.extend({ table: z.enum(TABLE_NAMES).optional() });

function send(reply: FastifyReply, f: GeneratedFile) {
  // a complete Buffer: Content-Length is set, so the browser can show download progress
  return reply
    .header('Content-Type', f.contentType)
    .header('Content-Disposition', contentDisposition(f.fileName, f.asciiName))
    .header('Content-Length', f.buffer.length)
    .header('Cache-Control', 'no-store')
    .send(f.buffer);
}

/** 监测报告: .docx and .xlsx downloads and the narrative templates (GET for readers, PUT for analysts and supervisors of the city). */
export function reportRoutes(app: FastifyInstance, deps: { indicators: IndicatorsService; settings: SettingsService; audit: AuditService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const s = new ReportService(deps.indicators, deps.settings, deps.audit);
  const read = { preHandler: requirePermission('indicators.read') };
  const tags = ['indicators'];

  r.get('/api/indicators/report.docx', { ...read, schema: { tags, summary: '收入增长监测报告（Word）：总体情况、分项分析、存在问题、下一步建议，附表和图', querystring: ReportQuerySchema } }, async (req, reply) =>
    send(reply, await s.docx(requireUser(req), req.query, actorOf(req))),
  );
  r.get('/api/indicators/report.xlsx', { ...read, schema: { tags, summary: '监测报告表格（Excel）：每表一页，或 table= 指定一张表', querystring: XlsxQuerySchema } }, async (req, reply) =>
    send(reply, await s.xlsx(requireUser(req), req.query, actorOf(req))),
  );
  r.get('/api/indicators/report/templates', { ...read, schema: { tags, summary: '监测报告文字模板（及当前用户能否修改）', response: { 200: z.object({ canEdit: z.boolean(), templates: z.array(TemplateViewSchema) }) } } }, async (req) => ({
    canEdit: canEditTemplates(requireUser(req)),
    templates: await s.templates(),
  }));
  r.put('/api/indicators/report/templates', { ...read, schema: { tags, summary: '保存一个部分的模板（先编译校验；source 为 null 恢复默认；留存版本并审计）', body: SaveSchema, response: { 200: TemplateViewSchema } } }, async (req) =>
    s.saveTemplate(requireUser(req), req.body.section, req.body.source, actorOf(req)),
  );
  r.post('/api/indicators/report/templates/preview', { ...read, schema: { tags, summary: '用当前数据预览一个部分的模板', body: PreviewSchema, response: { 200: z.object({ text: z.string() }) } } }, async (req) => {
    const { section, source, ...q } = req.body;
    return { text: await s.preview(requireUser(req), section, source, q, actorOf(req)) };
  });
}
