import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ChangePasswordSchema, LocaleSchema, LoginRequestSchema, LoginResponseSchema, MeSchema, TotpCodeSchema, TotpSetupResponseSchema,
} from '../../shared/api/auth.js';
import { OkSchema } from '../../shared/api/common.js';
import type { DepartmentsService } from '../org/departments.service.js';
import type { RegionsService } from '../regions/regions.service.js';
import type { AuthService } from './auth.service.js';
import { requireUser, SESSION_COOKIE } from './guards.js';

export function authRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; regions: RegionsService; departments: DepartmentsService; secureCookies: boolean; loginRateLimit: number },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { auth } = deps;
  const lookups = { region: (c: string) => deps.regions.get(c), department: (id: number) => deps.departments.get(id) };
  const tags = ['auth'];

  r.post('/api/auth/login', {
    schema: { tags, summary: '登录', body: LoginRequestSchema, response: { 200: LoginResponseSchema } },
    config: { rateLimit: { max: deps.loginRateLimit, timeWindow: '1 minute' } },
  }, async (req, reply) => {
    const { token, user } = await auth.login(req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? '' });
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: deps.secureCookies });
    const su = await auth.toSessionUser(user, '');
    return { user: await auth.me(su, lookups) };
  });

  r.post('/api/auth/logout', { schema: { tags, summary: '退出登录', response: { 200: OkSchema } } }, async (req, reply) => {
    if (req.user) await auth.logout(req.user, req.ip);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.get('/api/me', { schema: { tags, summary: '当前用户', response: { 200: MeSchema } } }, async (req) => {
    return auth.me(requireUser(req, { allowPending: true }), lookups);
  });

  r.put('/api/me/locale', { schema: { tags, body: LocaleSchema, response: { 200: OkSchema } } }, async (req) => {
    await auth.setLocale(requireUser(req, { allowPending: true }), req.body.locale);
    return { ok: true as const };
  });

  r.post('/api/auth/totp/setup', { schema: { tags, summary: '生成动态口令密钥', response: { 200: TotpSetupResponseSchema } } }, async (req) => {
    return auth.totpSetup(requireUser(req, { allowPending: true }));
  });

  r.post('/api/auth/totp/enable', { schema: { tags, summary: '启用动态口令', body: TotpCodeSchema, response: { 200: MeSchema } } }, async (req) => {
    const u = requireUser(req, { allowPending: true });
    await auth.totpEnable(u, req.body.code, req.ip);
    const row = (await auth.repo.userById(u.id))!;
    return auth.me(await auth.toSessionUser(row, u.sessionHash), lookups);
  });

  r.post('/api/auth/password', {
    schema: { tags, summary: '修改密码', body: ChangePasswordSchema, response: { 200: OkSchema } },
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
  }, async (req) => {
    await auth.changePassword(requireUser(req, { allowPending: true }), req.body.currentPassword, req.body.newPassword, req.ip);
    return { ok: true as const };
  });
}
