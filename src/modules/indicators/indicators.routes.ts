import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RegionCodeSchema } from '../../shared/api/common.js';
import {
  DashboardQuerySchema, DashboardSchema, KeyGroupKeySchema, RosterImportSchema, RosterResultSchema, RosterSummarySchema, IndicatorDefinitionSchema, IndicatorValueSchema, ManualEntryInputSchema, ManualEntrySchema, TargetSchema,
} from '../../shared/api/indicators.js';
import { actorOf, requirePermission, requireUser } from '../auth/guards.js';
import type { IndicatorsService } from './indicators.service.js';

const Id = z.object({ id: z.coerce.number().int().positive() });
const Code = z.object({ code: z.string().min(1).max(80) });
export const TargetInputSchema = z.object({
  indicator: z.string().min(1),
  title: z.string().min(1).max(200),
  planRef: z.string().max(40).default(''),
  region: RegionCodeSchema,
  baseYear: z.number().int().min(2000).max(2100),
  baseValue: z.number().finite().nullable().default(null),
  targetYear: z.number().int().min(2000).max(2100),
  targetValue: z.number().finite(),
  kind: z.enum(['level', 'multiple', 'at_most']),
});
const RecomputeSchema = z.object({ values: z.number().int(), years: z.object({ survey: z.array(z.number().int()), registry: z.array(z.number().int()) }), lastYear: z.number().int(), ms: z.number() });

/** 指标与目标: dashboard, definitions (formulas editable, audited), manual entries with approval, targets, recompute. */
export function indicatorsRoutes(app: FastifyInstance, deps: { indicators: IndicatorsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const s = deps.indicators;
  const read = { preHandler: requirePermission('indicators.read') };
  const enter = { preHandler: requirePermission('indicators.enter') };
  const tags = ['indicators'];

  r.get('/api/indicators/dashboard', { ...read, schema: { tags, summary: '指标看板：核心指标、收入序列与翻番路径、五等份与洛伦兹曲线、县区对比、重点群体、目标、任务状态', querystring: DashboardQuerySchema, response: { 200: DashboardSchema } } }, async (req) =>
    s.dashboard(requireUser(req), req.query),
  );
  r.get('/api/indicators/definitions', { ...read, schema: { tags, summary: '指标定义（公式、来源、口径）', response: { 200: z.array(IndicatorDefinitionSchema) } } }, async () => s.definitions());
  r.get('/api/indicators/definitions/:code/values', { ...read, schema: { tags, summary: '一个指标在某区域的各期数值', params: Code, querystring: z.object({ region: RegionCodeSchema.optional() }), response: { 200: z.object({ definition: IndicatorDefinitionSchema, values: z.array(IndicatorValueSchema) }) } } }, async (req) =>
    s.show(requireUser(req), req.params.code, req.query.region),
  );
  r.post('/api/indicators/definitions', { ...enter, schema: { tags, summary: '新增指标定义（督查人员；审计；随即重算）', body: IndicatorDefinitionSchema, response: { 200: IndicatorDefinitionSchema } } }, async (req) =>
    s.createDefinition(requireUser(req), req.body, actorOf(req)),
  );
  r.put('/api/indicators/definitions/:code', { ...enter, schema: { tags, summary: '修改指标定义（督查人员；审计；随即重算）', params: Code, body: IndicatorDefinitionSchema, response: { 200: IndicatorDefinitionSchema } } }, async (req) =>
    s.updateDefinition(requireUser(req), req.params.code, req.body, actorOf(req)),
  );

  r.get('/api/indicators/entries', { ...read, schema: { tags, summary: '手工录入记录（本区域）', querystring: z.object({ indicator: z.string().optional(), status: z.enum(['submitted', 'approved', 'returned']).optional() }), response: { 200: z.array(ManualEntrySchema) } } }, async (req) =>
    s.listEntries(requireUser(req), req.query),
  );
  r.post('/api/indicators/entries', { ...enter, schema: { tags, summary: '录入行政指标数据（本单位负责的指标、本区域；待审核）', body: ManualEntryInputSchema, response: { 200: ManualEntrySchema } } }, async (req) =>
    s.submitEntry(requireUser(req), req.body, actorOf(req)),
  );
  r.post('/api/indicators/entries/:id/approve', { ...enter, schema: { tags, summary: '审核通过（锁定）', params: Id, body: z.object({ comment: z.string().max(500).optional() }).optional(), response: { 200: ManualEntrySchema } } }, async (req) =>
    s.reviewEntry(requireUser(req), req.params.id, 'approve', req.body?.comment ?? null, actorOf(req)),
  );
  r.post('/api/indicators/entries/:id/return', { ...enter, schema: { tags, summary: '退回（须填写意见）', params: Id, body: z.object({ comment: z.string().max(500) }), response: { 200: ManualEntrySchema } } }, async (req) =>
    s.reviewEntry(requireUser(req), req.params.id, 'return', req.body.comment, actorOf(req)),
  );

  r.get('/api/indicators/targets', { ...read, schema: { tags, summary: '目标及其状态、所需年均增速、趋势预测', querystring: DashboardQuerySchema, response: { 200: z.array(TargetSchema) } } }, async (req) =>
    s.targets(requireUser(req), req.query),
  );
  r.post('/api/indicators/targets', { ...enter, schema: { tags, summary: '新增目标（督查人员）', body: TargetInputSchema, response: { 200: TargetSchema } } }, async (req) =>
    s.saveTarget(requireUser(req), null, req.body, actorOf(req)),
  );
  r.put('/api/indicators/targets/:id', { ...enter, schema: { tags, summary: '修改目标（督查人员）', params: Id, body: TargetInputSchema, response: { 200: TargetSchema } } }, async (req) =>
    s.saveTarget(requireUser(req), req.params.id, req.body, actorOf(req)),
  );
  r.get('/api/indicators/key-groups/rosters', { ...enter, schema: { tags, summary: '重点群体名单：各群体各报送单位的人数及在收入与财产信息系统中的人数（市级）', response: { 200: RosterSummarySchema } } }, async (req) =>
    s.rosters.summary(requireUser(req)),
  );
  r.post('/api/indicators/key-groups/:group/roster', { ...enter, bodyLimit: 24 * 1024 * 1024, schema: { tags, summary: '上传重点群体名单（.xlsx/.csv 身份证号列；只存盲索引；审计；市级）', params: z.object({ group: KeyGroupKeySchema }), body: RosterImportSchema, response: { 200: RosterResultSchema } } }, async (req) =>
    s.rosters.import(requireUser(req), req.params.group, req.body, actorOf(req)),
  );
  r.post('/api/indicators/recompute', { ...enter, schema: { tags, summary: '立即重算全部指标（督查人员）', response: { 200: RecomputeSchema } } }, async (req) => {
    const u = requireUser(req);
    await s.assertSupervisor(u);
    const rep = await s.recompute(undefined, { full: true });
    await s.auditRecompute(actorOf(req), rep);
    return rep;
  });
}
