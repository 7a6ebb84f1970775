/**
 * HTTP routes of the registry. Every route needs a registry permission; every query is limited to
 * the user's region scope; personal data are masked unless unmasked with a stated purpose.
 * Uploads stream to a private temporary file and the import's progress streams back as NDJSON.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OkSchema } from '../../shared/api/common.js';
import {
  BandTableSchema, BatchSchema, ChannelPatchSchema, ChannelSchema, IncomeTableSchema, LinkRunSchema, OverviewSchema, PersonListItemSchema, PersonPageSchema,
  PiaInputSchema, PiaSchema, QuarantineRowSchema, ReviewItemSchema, TableQuerySchema, type ImportEvent,
} from '../../shared/api/registry.js';
import { AppError } from '../app-error.js';
import { actorOf, hasPermission, requirePermission, requireUser } from '../auth/guards.js';
import { fileSource } from './import/source.js';
import type { RegistryService } from './registry.service.js';
import { ROOT_REGION, scopePattern, type RegistryViewer } from './scope.js';

const Id = z.object({ id: z.coerce.number().int().positive() });
const Code = z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,31}$/) });
const Purpose = z.object({ purpose: z.string().min(4, '请说明用途（至少4个字）').max(500) });
const UPLOAD_TYPES = ['application/vnd.zengshou.upload', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
/** Largest upload accepted through the browser; bigger files go through the command line. */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

export function viewerOf(req: FastifyRequest): RegistryViewer {
  const u = requireUser(req);
  return { userId: u.id, username: u.username, regionCode: u.regionCode, canUnmask: hasPermission(u, 'registry.unmask') };
}

export function registryRoutes(app: FastifyInstance, deps: { registry: RegistryService }) {
  const reg = deps.registry;
  const tags = ['registry'];
  const read = { preHandler: requirePermission('registry.read') };
  const readOrImport = { preHandler: requirePermission('registry.read', 'registry.import') };
  const imp = { preHandler: requirePermission('registry.import') };
  const link = { preHandler: requirePermission('registry.link') };
  const unmask = { preHandler: requirePermission('registry.unmask') };

  // The upload parsers live in their own scope: they pass the request stream through untouched.
  void app.register(async (scope) => {
    for (const type of UPLOAD_TYPES) scope.addContentTypeParser(type, (_req, payload, done) => done(null, payload));
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/registry/imports',
      {
        ...imp,
        schema: {
          tags, summary: '上传渠道文件并导入（CSV/XLSX，进度以 NDJSON 逐行返回）',
          querystring: z.object({ channel: Code.shape.code, name: z.string().min(1).max(255), link: z.enum(['0', '1']).default('1') }),
        },
      },
      async (req, reply) => uploadAndImport(req as FastifyRequest<{ Querystring: { channel: string; name: string; link: '0' | '1' } }>, reply, reg),
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/registry/overview', { ...readOrImport, schema: { tags, summary: '登记库概况', response: { 200: OverviewSchema } } }, async (req) => {
    const v = viewerOf(req);
    const db = reg.handle.db;
    const count = async (q: Promise<{ n: number | string } | undefined>) => Number((await q)?.n ?? 0);
    const pattern = scopePattern(v.regionCode);
    const years = await db.selectFrom('reg_income').select('year').distinct().orderBy('year', 'desc').execute();
    return {
      persons: await count(db.selectFrom('reg_persons').select((eb) => eb.fn.countAll<number>().as('n')).where('merged_into', 'is', null).where('region_code', 'like', pattern).executeTakeFirst()),
      households: await count(db.selectFrom('reg_households').select((eb) => eb.fn.countAll<number>().as('n')).where('region_code', 'like', pattern).executeTakeFirst()),
      incomeRecords: await count(db.selectFrom('reg_income').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()),
      propertyRecords: await count(db.selectFrom('reg_property').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()),
      batches: await count(db.selectFrom('reg_batches').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()),
      openRejects: await count(db.selectFrom('reg_quarantine').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'open').where('region_code', 'like', pattern).executeTakeFirst()),
      pendingReview: await count(db.selectFrom('reg_links').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').executeTakeFirst()),
      years: years.map((y) => y.year),
      quality: await reg.settings.get('registry.linkage.quality', null),
    };
  });

  // --- channels and impact assessments
  r.get('/api/registry/channels', { ...readOrImport, schema: { tags, summary: '数据渠道及列映射', response: { 200: z.array(ChannelSchema) } } }, async () => reg.channels.list());
  r.patch('/api/registry/channels/:code', { ...imp, schema: { tags, summary: '修改渠道（名称、敏感性、列映射）', params: Code, body: ChannelPatchSchema, response: { 200: ChannelSchema } } }, async (req) =>
    reg.channels.update(req.params.code, req.body, actorOf(req)),
  );
  r.get('/api/registry/channels/:code/pias', { ...readOrImport, schema: { tags, summary: '个人信息保护影响评估记录', params: Code, response: { 200: z.array(PiaSchema) } } }, async (req) => reg.channels.pias(req.params.code));
  r.post('/api/registry/channels/:code/pias', { ...imp, schema: { tags, summary: '登记个人信息保护影响评估（PIPL 第55条）', params: Code, body: PiaInputSchema, response: { 200: PiaSchema } } }, async (req) =>
    reg.channels.filePia(req.params.code, req.body, actorOf(req)),
  );

  // --- batches and quarantine
  r.get('/api/registry/batches', { ...readOrImport, schema: { tags, summary: '导入批次', response: { 200: z.array(BatchSchema) } } }, async () => reg.imports.batches());
  r.get('/api/registry/quarantine', {
    ...imp, schema: { tags, summary: '拒收行（脱敏）', querystring: z.object({ batchId: z.coerce.number().int().optional(), channel: z.string().optional(), status: z.enum(['open', 'fixed', 'dismissed']).optional() }), response: { 200: z.array(QuarantineRowSchema) } },
  }, async (req) => reg.imports.quarantine(viewerOf(req), { batchId: req.query.batchId, channelCode: req.query.channel, status: req.query.status }, actorOf(req)));
  r.post('/api/registry/quarantine/:id/unmasked', { ...imp, schema: { tags, summary: '查看拒收行原值以便更正（须说明用途）', params: Id, body: Purpose, response: { 200: QuarantineRowSchema } } }, async (req) =>
    reg.imports.rejectedRow(viewerOf(req), req.params.id, req.body.purpose, actorOf(req)),
  );
  r.post('/api/registry/quarantine/:id/fix', { ...imp, schema: { tags, summary: '更正拒收行', params: Id, body: z.object({ values: z.record(z.string(), z.string().max(500)) }), response: { 200: OkSchema } } }, async (req) => {
    await reg.imports.fixRow(viewerOf(req), req.params.id, req.body.values, actorOf(req));
    return { ok: true as const };
  });
  r.post('/api/registry/quarantine/dismiss', { ...imp, schema: { tags, summary: '不再导入所选拒收行', body: z.object({ ids: z.array(z.number().int()).min(1).max(10000) }), response: { 200: z.object({ dismissed: z.number().int() }) } } }, async (req) => ({
    dismissed: await reg.imports.dismiss(viewerOf(req), req.body.ids, actorOf(req)),
  }));
  r.post('/api/registry/batches/:id/resubmit', {
    ...imp, schema: { tags, summary: '重新提交已更正的拒收行', params: Id, body: z.object({ ids: z.array(z.number().int()).optional() }), response: { 200: z.object({ batchId: z.number().int().nullable(), accepted: z.number().int(), stillRejected: z.number().int() }) } },
  }, async (req) => reg.imports.resubmit(viewerOf(req), req.params.id, req.body.ids ?? null, actorOf(req)));
  r.get('/api/registry/batches/:id/rejects.csv', { ...imp, schema: { tags, summary: '下载拒收文件（含错误原因，须说明用途）', params: Id, querystring: Purpose } }, async (req, reply) => {
    const f = await reg.imports.rejectFile(viewerOf(req), req.params.id, req.query.purpose, actorOf(req));
    return sendFile(reply, f.bytes, f.name, 'text/csv; charset=utf-8');
  });

  // --- persons
  r.get('/api/registry/persons', {
    ...read, schema: { tags, summary: '按身份证号或姓名查找（辖区内，脱敏）', querystring: z.object({ idNumber: z.string().max(40).optional(), name: z.string().max(40).optional() }), response: { 200: z.array(PersonListItemSchema) } },
  }, async (req) => reg.persons.search(viewerOf(req), req.query, actorOf(req)));
  r.get('/api/registry/persons/:id', { ...read, schema: { tags, summary: '人员详情（脱敏）', params: Id, response: { 200: PersonPageSchema } } }, async (req) => reg.persons.page(viewerOf(req), req.params.id, actorOf(req)));
  r.post('/api/registry/persons/:id/unmask', { ...unmask, schema: { tags, summary: '查看未脱敏信息（须说明用途，留痕）', params: Id, body: Purpose, response: { 200: PersonPageSchema } } }, async (req) =>
    reg.persons.page(viewerOf(req), req.params.id, actorOf(req), { purpose: req.body.purpose }),
  );
  r.post('/api/registry/persons/:id/unmerge', { ...link, schema: { tags, summary: '拆分已合并的人员', params: Id, body: z.object({ reason: z.string().min(2).max(500) }), response: { 200: OkSchema } } }, async (req) => {
    await reg.linkage.unmerge(viewerOf(req), req.params.id, req.body.reason, actorOf(req));
    return { ok: true as const };
  });
  r.post('/api/registry/persons/:id/merge', { ...link, schema: { tags, summary: '人工合并为同一人', params: Id, body: z.object({ intoId: z.number().int(), reason: z.string().min(2).max(500) }), response: { 200: OkSchema } } }, async (req) => {
    await reg.linkage.merge(viewerOf(req), req.params.id, req.body.intoId, req.body.reason, actorOf(req));
    return { ok: true as const };
  });

  // --- linkage review
  r.get('/api/registry/links', { ...link, schema: { tags, summary: '匹配建议（待确认等）', querystring: z.object({ status: z.enum(['pending', 'auto', 'confirmed', 'rejected', 'undone']).default('pending') }), response: { 200: z.array(ReviewItemSchema) } } }, async (req) =>
    reg.linkage.links(viewerOf(req), req.query.status, actorOf(req)),
  );
  r.post('/api/registry/links/:id/decision', { ...link, schema: { tags, summary: '确认或否决匹配建议', params: Id, body: z.object({ decision: z.enum(['confirm', 'reject']), reason: z.string().max(500).optional() }), response: { 200: OkSchema } } }, async (req) => {
    await reg.linkage.decide(viewerOf(req), req.params.id, req.body.decision, actorOf(req), req.body.reason);
    return { ok: true as const };
  });
  r.post('/api/registry/linkage/run', { ...link, schema: { tags, summary: '运行概率匹配', body: z.object({ all: z.boolean().default(false) }), response: { 200: LinkRunSchema } } }, async (req) => {
    const v = viewerOf(req);
    // Linkage looks at persons anywhere: only city-wide users start it.
    if (v.regionCode !== ROOT_REGION) throw new AppError(403, 'OUT_OF_SCOPE', '仅全市范围的用户可运行概率匹配');
    const { model: _m, ...rest } = await reg.linkage.run(actorOf(req), { all: req.body.all });
    return rest;
  });

  // --- statistical tables
  r.get('/api/registry/tables/income', { ...read, schema: { tags, summary: '人均可支配收入（按区划，已做隐私保护处理）', querystring: TableQuerySchema, response: { 200: IncomeTableSchema } } }, async (req) =>
    reg.tables.incomeTable(viewerOf(req), req.query),
  );
  r.get('/api/registry/tables/groups', { ...read, schema: { tags, summary: '人均可支配收入（城镇、农村）', querystring: TableQuerySchema, response: { 200: IncomeTableSchema } } }, async (req) =>
    reg.tables.groupTable(viewerOf(req), req.query),
  );
  r.get('/api/registry/tables/bands', { ...read, schema: { tags, summary: '按人均收入分组的人数分布', querystring: TableQuerySchema, response: { 200: BandTableSchema } } }, async (req) =>
    reg.tables.bandTable(viewerOf(req), req.query),
  );
  r.get('/api/registry/tables/export.xlsx', { ...read, schema: { tags, summary: '导出统计表 (.xlsx，已隐去敏感单元格)', querystring: TableQuerySchema } }, async (req, reply) => {
    const f = await reg.tables.exportXlsx(viewerOf(req), req.query, actorOf(req));
    return sendFile(reply, f.bytes, f.name, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
}

function sendFile(reply: FastifyReply, buf: Buffer, name: string, mime: string) {
  reply.header('content-type', mime);
  reply.header('content-disposition', `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(name)}`);
  return reply.send(buf);
}

/** Upload → private temporary file (hashed and size-checked on the way) → import, with NDJSON progress. */
async function uploadAndImport(req: FastifyRequest<{ Querystring: { channel: string; name: string; link: '0' | '1' } }>, reply: FastifyReply, reg: RegistryService) {
  const body = req.body as NodeJS.ReadableStream | undefined;
  if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function') throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `请以 ${UPLOAD_TYPES[0]} 上传文件`);
  viewerOf(req);
  const actor = actorOf(req);
  // Refuse before reading a byte when the channel may not import.
  await reg.channels.forImport(req.query.channel);
  const out = new PassThrough();
  reply.header('content-type', 'application/x-ndjson; charset=utf-8');
  reply.header('cache-control', 'no-store');
  const send = (e: ImportEvent) => out.write(`${JSON.stringify(e)}\n`);
  void (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zs-upload-'));
    const file = join(dir, 'upload');
    try {
      let bytes = 0;
      const hash = createHash('sha256');
      const total = Number(req.headers['content-length'] ?? 0);
      let lastReport = 0;
      await pipeline(
        body,
        new Transform({
          transform(chunk: Buffer, _e, cb) {
            bytes += chunk.length;
            if (bytes > MAX_UPLOAD_BYTES) return cb(new AppError(413, 'BODY_TOO_LARGE', '文件过大，请使用命令行导入 (npx zengshou registry import)'));
            hash.update(chunk);
            if (bytes - lastReport > 4 * 1024 * 1024) {
              lastReport = bytes;
              send({ type: 'progress', phase: 'upload', bytesRead: bytes, totalBytes: total, rowsRead: 0, rowsOk: 0, rowsRejected: 0 });
            }
            cb(null, chunk);
          },
        }),
        createWriteStream(file, { mode: 0o600 }),
      );
      const src = { ...(await fileSource(file, req.query.name)) };
      let last = 0;
      const report = await reg.imports.importFile(req.query.channel, src, actor, {
        onProgress: (p) => {
          const now = Date.now();
          if (p.phase === 'read' && now - last < 250) return;
          last = now;
          send({ type: 'progress', ...p });
        },
      });
      let linkage: { autoMerged: number; review: number } | null = null;
      if (req.query.link === '1' && report.pendingLinkage > 0) {
        send({ type: 'progress', phase: 'link', bytesRead: bytes, totalBytes: bytes, rowsRead: report.rowsRead, rowsOk: report.rowsOk, rowsRejected: report.rowsRejected });
        const l = await reg.linkage.run(actor);
        linkage = { autoMerged: l.autoMerged, review: l.review };
      }
      send({ type: 'done', report: { ...report, encoding: report.encoding ?? null }, linkage });
      // The tables' household incomes, brought up to date after the response (the next table is then quick).
      if (!report.duplicate) reg.tables.prepare().catch((err: unknown) => req.log.error({ err }, 'registry tables: household incomes not stored'));
    } catch (e) {
      const err = e instanceof AppError ? { code: e.code, message: e.message } : { code: 'INTERNAL', message: '导入失败（服务器内部错误），数据库未作任何改动' };
      if (!(e instanceof AppError)) req.log.error({ err: e }, 'registry import failed');
      send({ type: 'error', error: err });
    } finally {
      out.end();
      await rm(dir, { recursive: true, force: true });
    }
  })();
  return reply.send(out);
}
