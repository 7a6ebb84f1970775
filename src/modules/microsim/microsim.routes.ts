import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OkSchema } from '../../shared/api/common.js';
import {
  CalcRequestSchema, CalcResponseSchema, MICROSIM_SCALE, ParametersResponseSchema, ReformResultsSchema, RunSchema, RunSummarySchema, ScenarioInputSchema, ScenarioSchema,
  ShippedReformSchema, SimulateRequestSchema,
} from '../../shared/api/microsim.js';
import { actorOf, hasPermission, requirePermission, requireUser } from '../auth/guards.js';
import type { MicrosimService } from './microsim.service.js';

const Id = z.object({ id: z.coerce.number().int().positive() });

/** 政策评估: parameters, shipped reforms, one household, a reform over the population, runs and their export, saved scenarios. */
export function microsimRoutes(app: FastifyInstance, deps: { microsim: MicrosimService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const m = deps.microsim;
  const run = { preHandler: requirePermission('microsim.run') };
  const tags = ['microsim'];
  app.addHook('onClose', async () => m.close());

  r.get('/api/microsim/parameters', { ...run, schema: { tags, summary: '政策参数（按生效日期，附法规依据，占位值标注）', response: { 200: ParametersResponseSchema } } }, async () => m.parameters());
  r.get('/api/microsim/reforms', { ...run, schema: { tags, summary: '预设改革方案（params/reforms）', response: { 200: z.array(ShippedReformSchema) } } }, async () => m.reforms());

  r.post('/api/microsim/calc', { ...run, schema: { tags, summary: '家庭计算器：一个情形的各项税费与低保，及计算说明（与 zengshou calc 输入相同）', body: CalcRequestSchema, response: { 200: CalcResponseSchema } } }, async (req) =>
    m.calc(req.body, actorOf(req)),
  );

  r.post('/api/microsim/simulate', { ...run, schema: { tags, summary: '改革模拟：示范城市人口上改革与基线的财政和分配影响', body: SimulateRequestSchema, response: { 200: ReformResultsSchema.extend({ runId: z.number().int() }) } } }, async (req) =>
    m.simulate(req.body, actorOf(req), { regionCode: requireUser(req).regionCode, canReadRegistry: hasPermission(requireUser(req), 'registry.read') }),
  );

  r.post('/api/microsim/prepare', { ...run, schema: { tags, summary: '预先准备某年度、规模的模拟人口（后台进行，返回是否已就绪）', body: SimulateRequestSchema.pick({ year: true, scale: true }), response: { 200: z.object({ ready: z.boolean() }) } } }, async (req) => ({
    ready: m.prepare(req.body.year, req.body.scale ?? MICROSIM_SCALE.default),
  }));

  r.get('/api/microsim/runs', { ...run, schema: { tags, summary: '最近的模拟运行', response: { 200: z.array(RunSummarySchema) } } }, async () => m.runs());
  r.get('/api/microsim/runs/:id', { ...run, schema: { tags, summary: '一次模拟运行的请求与结果', params: Id, response: { 200: RunSchema } } }, async (req) => m.getRun(req.params.id));
  r.get('/api/microsim/runs/:id/export.xlsx', { ...run, schema: { tags, summary: '导出模拟结果 (.xlsx)', params: Id } }, async (req, reply) => {
    const f = await m.exportRun(req.params.id, actorOf(req));
    return sendXlsx(reply, f.bytes, f.fileName);
  });

  r.get('/api/microsim/scenarios', { ...run, schema: { tags, summary: '已保存的改革方案', response: { 200: z.array(ScenarioSchema) } } }, async (req) => m.scenarios(requireUser(req).id));
  r.post('/api/microsim/scenarios', { ...run, schema: { tags, summary: '保存改革方案', body: ScenarioInputSchema, response: { 200: z.object({ id: z.number().int() }) } } }, async (req) => ({
    id: await m.saveScenario(null, req.body, actorOf(req)),
  }));
  r.put('/api/microsim/scenarios/:id', { ...run, schema: { tags, summary: '修改已保存的方案（仅创建人）', params: Id, body: ScenarioInputSchema, response: { 200: z.object({ id: z.number().int() }) } } }, async (req) => ({
    id: await m.saveScenario(req.params.id, req.body, actorOf(req)),
  }));
  r.delete('/api/microsim/scenarios/:id', { ...run, schema: { tags, summary: '删除已保存的方案（仅创建人）', params: Id, response: { 200: OkSchema } } }, async (req) => {
    await m.deleteScenario(req.params.id, actorOf(req));
    return { ok: true as const };
  });
}

function sendXlsx(reply: FastifyReply, buf: Buffer, name: string) {
  reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  reply.header('content-disposition', `attachment; filename="zengshou-microsim.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
  return reply.send(buf);
}
