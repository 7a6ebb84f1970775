import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OkSchema } from '../../shared/api/common.js';
import {
  AbsenceInputSchema, ClassificationSchema, ConflictSchema, CpiSchema, DiaryMonthSchema, EstimateQuerySchema, EstimatesSchema, HouseholdQuerySchema, HouseholdSchema,
  MemberInputSchema, MemberPatchSchema, MonthSchema, ParadataSchema, PopulationTotalSchema, QualityIssueSchema, QuestionnaireInputSchema, QuestionnaireKindSchema,
  QuestionnaireSchema, RefuseSchema, ReminderSchema, ReplaceResultSchema, ResolveConflictSchema, ReviewActionSchema, ReviewLevelSchema, ReviewQuerySchema,
  ReviewUnitSchema, RosterSchema, SampleSummarySchema, SubmitMonthSchema, SurveySettingsSchema, SyncRequestSchema, SyncResponseSchema,
} from '../../shared/api/survey.js';
import { AppError, notFound } from '../app-error.js';
import { actorOf, requirePermission, requireUser } from '../auth/guards.js';
import { reviewLevel, type SurveyViewer } from './access.js';
import { toHousehold } from './sample.service.js';
import { viewerOf, type SurveyService } from './survey.service.js';

const Id = z.object({ id: z.coerce.number().int().positive() });
const HouseholdMonth = z.object({ id: z.coerce.number().int().positive(), month: MonthSchema });
const QuestionnaireKey = z.object({ id: z.coerce.number().int().positive(), year: z.coerce.number().int().min(2000).max(2100), kind: QuestionnaireKindSchema });
const SampleQuery = z.object({ sampleId: z.coerce.number().int().optional() });

export function surveyRoutes(app: FastifyInstance, deps: { survey: SurveyService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const s = deps.survey;
  const any = { preHandler: requirePermission('survey.read', 'survey.collect', 'survey.diary') };
  const staff = { preHandler: requirePermission('survey.read', 'survey.collect') };
  const collect = { preHandler: requirePermission('survey.collect') };
  const review = { preHandler: requirePermission('survey.collect', 'survey.review') };
  const analyst = { preHandler: requirePermission('survey.review') };
  const read = { preHandler: requirePermission('survey.read') };
  const tags = ['survey'];
  const viewer = (req: FastifyRequest): SurveyViewer => viewerOf(requireUser(req));
  const sampleIdOf = async (id?: number) => {
    const sid = id ?? (await s.samples.latestSampleId());
    if (!sid) throw new AppError(404, 'NO_SAMPLE', '尚未抽取样本');
    return sid;
  };

  r.get('/api/survey/me', { ...any, schema: { tags, summary: '我的调查身份（记账户、调查员或审核层级）', response: { 200: z.object({ household: HouseholdSchema.nullable(), level: ReviewLevelSchema.nullable(), sampleId: z.number().int().nullable() }) } } }, async (req) => {
    const v = viewer(req);
    const h = await s.myHousehold(v);
    return { household: h ? toHousehold(h) : null, level: h && h.user_id === v.id ? null : reviewLevel(v), sampleId: h?.sample_id ?? (await s.samples.latestSampleId()) };
  });

  r.get('/api/survey/classification', { ...any, schema: { tags, summary: '收支项目分类（按年度版本）', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: ClassificationSchema } } }, async (req) =>
    s.samples.classification(req.query.year),
  );

  r.get('/api/survey/samples', { ...staff, schema: { tags, summary: '样本（分层、抽中单位和样本户数）', response: { 200: z.array(SampleSummarySchema) } } }, async () => s.samples.summaries());

  r.get('/api/survey/households', { ...any, schema: { tags, summary: '样本户', querystring: HouseholdQuerySchema, response: { 200: z.array(HouseholdSchema) } } }, async (req) =>
    s.samples.households(viewer(req), req.query),
  );

  r.get('/api/survey/households/:id/roster', { ...any, schema: { tags, summary: '家庭成员名册与各月常住人数', params: Id, querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: RosterSchema } } }, async (req) =>
    s.samples.roster(viewer(req), req.params.id, req.query.year),
  );
  r.post('/api/survey/households/:id/members', { ...any, schema: { tags, summary: '新增家庭成员', params: Id, body: MemberInputSchema, response: { 200: z.object({ id: z.number().int() }) } } }, async (req) => ({
    id: await s.roster.addMember(viewer(req), req.params.id, req.body, actorOf(req)),
  }));
  r.patch('/api/survey/members/:id', { ...any, schema: { tags, summary: '修改家庭成员（迁入、迁出、在校学生等）', params: Id, body: MemberPatchSchema, response: { 200: OkSchema } } }, async (req) => {
    await s.roster.updateMember(viewer(req), req.params.id, req.body, actorOf(req));
    return { ok: true as const };
  });
  r.post('/api/survey/members/:id/absences', { ...any, schema: { tags, summary: '登记外出', params: Id, body: AbsenceInputSchema, response: { 200: z.object({ id: z.number().int() }) } } }, async (req) => ({
    id: await s.roster.addAbsence(viewer(req), req.params.id, req.body, actorOf(req)),
  }));
  r.delete('/api/survey/absences/:id', { ...any, schema: { tags, summary: '删除外出记录', params: Id, querystring: z.object({ reason: z.string().trim().min(1).max(200) }), response: { 200: OkSchema } } }, async (req) => {
    await s.roster.removeAbsence(viewer(req), req.params.id, req.query.reason, actorOf(req));
    return { ok: true as const };
  });

  r.post('/api/survey/households/:id/refuse', { ...collect, schema: { tags, summary: '登记拒访并启用替换户', params: Id, body: RefuseSchema, response: { 200: ReplaceResultSchema } } }, async (req) =>
    s.samples.refuse(viewer(req), req.params.id, req.body.reason, actorOf(req)),
  );
  r.post('/api/survey/households/:id/login', {
    ...collect,
    schema: { tags, summary: '为样本户开设记账账号', params: Id, body: z.object({ username: z.string().trim().regex(/^[a-z0-9._-]{3,32}$/, '用户名为 3–32 位小写字母、数字、点、横线或下划线') }), response: { 200: z.object({ userId: z.number().int(), initialPassword: z.string().nullable() }) } },
  }, async (req) => s.createHouseholdLogin(viewer(req), requireUser(req), req.params.id, req.body, actorOf(req)));

  r.get('/api/survey/households/:id/months/:month', { ...any, schema: { tags, summary: '一个月的账页（记账、审核状态、质量提示、未记账日期）', params: HouseholdMonth, response: { 200: DiaryMonthSchema } } }, async (req) =>
    s.diary.month(viewer(req), req.params.id, req.params.month),
  );
  r.post('/api/survey/households/:id/entries/sync', { ...any, schema: { tags, summary: '同步记账（离线记账上传；按记账编号去重，冲突两版保留）', params: Id, body: SyncRequestSchema, response: { 200: SyncResponseSchema } } }, async (req) => ({
    results: await s.diary.sync(viewer(req), req.params.id, req.body.entries, actorOf(req)),
  }));
  r.post('/api/survey/households/:id/months/:month/members', { ...any, schema: { tags, summary: '申报本月在家居住人数', params: HouseholdMonth, body: z.object({ declaredMembers: z.number().int().min(0).max(30) }), response: { 200: OkSchema } } }, async (req) => {
    await s.diary.setDeclaredMembers(viewer(req), req.params.id, req.params.month, req.body.declaredMembers, actorOf(req));
    return { ok: true as const };
  });
  r.post('/api/survey/households/:id/months/:month/submit', { ...any, schema: { tags, summary: '提交本月账页（错误须改正，提示须说明）', params: HouseholdMonth, body: SubmitMonthSchema, response: { 200: z.object({ issues: z.array(QualityIssueSchema) }) } } }, async (req) => ({
    issues: await s.diary.submit(viewer(req), req.params.id, req.params.month, req.body, actorOf(req)),
  }));

  r.get('/api/survey/households/:id/questionnaires/:year/:kind', { ...any, schema: { tags, summary: '问卷（住房、耐用消费品、经营）', params: QuestionnaireKey, response: { 200: QuestionnaireSchema } } }, async (req) =>
    s.roster.questionnaire(viewer(req), req.params.id, req.params.year, req.params.kind),
  );
  r.put('/api/survey/households/:id/questionnaires/:year/:kind', { ...any, schema: { tags, summary: '保存问卷', params: QuestionnaireKey, body: QuestionnaireInputSchema, response: { 200: QuestionnaireSchema } } }, async (req) =>
    s.roster.saveQuestionnaire(viewer(req), req.params.id, req.params.year, req.params.kind, req.body, actorOf(req)),
  );
  r.get('/api/survey/households/:id/paradata', { ...any, schema: { tags, summary: '过程数据（谁在何时把什么从何值改为何值）', params: Id, response: { 200: z.array(ParadataSchema) } } }, async (req) =>
    s.diary.paradata(viewer(req), req.params.id),
  );

  r.get('/api/survey/conflicts', { ...staff, schema: { tags, summary: '同步冲突', querystring: SampleQuery.extend({ status: z.enum(['open', 'resolved']).default('open') }), response: { 200: z.array(ConflictSchema) } } }, async (req) =>
    s.diary.conflicts(viewer(req), await sampleIdOf(req.query.sampleId), req.query.status),
  );
  r.post('/api/survey/conflicts/:id/resolve', { ...collect, schema: { tags, summary: '处理同步冲突', params: Id, body: ResolveConflictSchema, response: { 200: OkSchema } } }, async (req) => {
    await s.diary.resolveConflict(viewer(req), req.params.id, req.body.keep, req.body.comment, actorOf(req));
    return { ok: true as const };
  });
  r.get('/api/survey/reminders', { ...any, schema: { tags, summary: '未记账提醒', querystring: SampleQuery.extend({ days: z.coerce.number().int().min(1).max(62).default(7) }), response: { 200: z.array(ReminderSchema) } } }, async (req) =>
    s.diary.reminders(viewer(req), await sampleIdOf(req.query.sampleId), req.query.days),
  );

  r.get('/api/survey/review', { ...review, schema: { tags, summary: '审核：本级单位与下级单位的状态', querystring: ReviewQuerySchema, response: { 200: z.object({ level: ReviewLevelSchema.nullable(), self: ReviewUnitSchema.nullable(), children: z.array(ReviewUnitSchema) }) } } }, async (req) =>
    s.review.units(viewer(req), req.query.sampleId, req.query.month),
  );
  for (const action of ['approve', 'return', 'reopen'] as const) {
    const summary = { approve: '审核通过（下级全部通过后）', return: '退回下级（须填写意见）', reopen: '重新打开本级已通过的数据（须说明原因）' }[action];
    r.post(`/api/survey/review/${action}`, { ...review, schema: { tags, summary, body: ReviewActionSchema, response: { 200: OkSchema } } }, async (req) => {
      await s.review[action](viewer(req), req.body, actorOf(req));
      return { ok: true as const };
    });
  }

  r.get('/api/survey/estimates', { ...read, schema: { tags, summary: '调查估计：人均可支配收入及构成、中位数、五等份、增速，附标准误、变异系数、置信区间', querystring: EstimateQuerySchema, response: { 200: EstimatesSchema } } }, async (req) =>
    s.estimates.estimate(await sampleIdOf(req.query.sampleId), req.query.period),
  );
  r.get('/api/survey/estimates.xlsx', { ...read, schema: { tags, summary: '导出调查估计表 (.xlsx)', querystring: EstimateQuerySchema } }, async (req, reply) => {
    const { estimatesWorkbook } = await import('./exports/estimates-xlsx.js');
    const e = await s.estimates.estimate(await sampleIdOf(req.query.sampleId), req.query.period);
    return sendFile(reply, await estimatesWorkbook(e), `住户调查主要数据_${req.query.period}.xlsx`);
  });

  r.get('/api/survey/settings', { ...staff, schema: { tags, summary: '估计设置', response: { 200: SurveySettingsSchema } } }, async () => s.estimates.settings());
  r.put('/api/survey/settings', { ...analyst, schema: { tags, summary: '修改估计设置（市级分析人员）', body: SurveySettingsSchema, response: { 200: SurveySettingsSchema } } }, async (req) => {
    const u = requireUser(req);
    if (reviewLevel(viewerOf(u)) !== 'city') throw new AppError(403, 'FORBIDDEN', '只有市级统计分析人员可以修改估计设置');
    await s.estimates.setSettings(req.body, u.username);
    return s.estimates.settings();
  });
  r.get('/api/survey/cpi', { ...staff, schema: { tags, summary: '居民消费价格指数（上年同期=100）', response: { 200: z.array(CpiSchema) } } }, async () =>
    (await s.repo.cpi()).map((c) => ({ period: c.period, value: c.value })),
  );
  r.put('/api/survey/cpi', { ...analyst, schema: { tags, summary: '录入居民消费价格指数', body: CpiSchema, response: { 200: OkSchema } } }, async (req) => {
    await s.setCpi(req.body.period, req.body.value, actorOf(req));
    return { ok: true as const };
  });
  r.get('/api/survey/population', { ...staff, schema: { tags, summary: '校准用常住人口总数（按层）', querystring: z.object({ year: z.coerce.number().int().optional() }), response: { 200: z.array(PopulationTotalSchema) } } }, async (req) =>
    (await s.repo.population(req.query.year)).map((p) => ({ year: p.year, stratum: p.stratum, persons: Number(p.persons), households: Number(p.households) })),
  );
  r.put('/api/survey/population', { ...analyst, schema: { tags, summary: '录入校准用常住人口总数', body: z.array(PopulationTotalSchema).min(1).max(200), response: { 200: OkSchema } } }, async (req) => {
    await s.setPopulation(req.body, actorOf(req));
    return { ok: true as const };
  });

  r.get('/api/survey/households/:id', { ...any, schema: { tags, summary: '样本户', params: Id, response: { 200: HouseholdSchema } } }, async (req) => {
    const h = await s.samples.household(viewer(req), req.params.id);
    if (!h) throw notFound('样本户');
    return toHousehold(h);
  });
}

function sendFile(reply: FastifyReply, buf: Buffer, name: string) {
  reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  reply.header('content-disposition', `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
  return reply.send(buf);
}
