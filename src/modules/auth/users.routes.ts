import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreatedUserSchema, CreateUserSchema, ResetPasswordResponseSchema, UpdateUserSchema, UserSummarySchema } from '../../shared/api/auth.js';
import { OkSchema } from '../../shared/api/common.js';
import { actorOf, requirePermission, requireUser } from './guards.js';
import type { UsersService } from './users.service.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

export function usersRoutes(app: FastifyInstance, users: UsersService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const guard = { preHandler: requirePermission('user.manage') };
  const tags = ['users'];

  r.get('/api/users', { ...guard, schema: { tags, summary: '用户列表（本辖区）', response: { 200: z.array(UserSummarySchema) } } }, async (req) =>
    users.list(requireUser(req).regionCode),
  );
  r.post('/api/users', { ...guard, schema: { tags, summary: '新建用户', body: CreateUserSchema, response: { 200: CreatedUserSchema } } }, async (req) =>
    users.createAndDescribe(req.body, actorOf(req), requireUser(req)),
  );
  r.patch('/api/users/:id', { ...guard, schema: { tags, params: IdParams, body: UpdateUserSchema, response: { 200: UserSummarySchema } } }, async (req) =>
    users.update(requireUser(req), req.params.id, req.body, actorOf(req)),
  );
  r.post('/api/users/:id/reset-password', { ...guard, schema: { tags, params: IdParams, response: { 200: ResetPasswordResponseSchema } } }, async (req) => ({
    password: await users.resetPassword(requireUser(req), req.params.id, actorOf(req)),
  }));
  r.post('/api/users/:id/unlock', { ...guard, schema: { tags, params: IdParams, response: { 200: OkSchema } } }, async (req) => {
    await users.unlock(requireUser(req), req.params.id, actorOf(req));
    return { ok: true as const };
  });
  r.post('/api/users/:id/reset-totp', { ...guard, schema: { tags, params: IdParams, response: { 200: OkSchema } } }, async (req) => {
    await users.resetTotp(requireUser(req), req.params.id, actorOf(req));
    return { ok: true as const };
  });
}
