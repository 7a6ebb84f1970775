import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SecuritySettingsSchema } from '../../shared/api/settings.js';
import type { AuditService } from '../audit/audit.service.js';
import { actorOf, requirePermission, requireUser } from '../auth/guards.js';
import type { SettingsService } from './settings.service.js';

export function settingsRoutes(app: FastifyInstance, deps: { settings: SettingsService; audit: AuditService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const guard = { preHandler: requirePermission('user.manage') };
  r.get('/api/settings/security', { ...guard, schema: { tags: ['settings'], summary: '安全策略', response: { 200: SecuritySettingsSchema } } }, async () =>
    deps.settings.securitySettings(),
  );
  r.put('/api/settings/security', { ...guard, schema: { tags: ['settings'], summary: '修改安全策略', body: SecuritySettingsSchema, response: { 200: SecuritySettingsSchema } } }, async (req) => {
    const saved = await deps.settings.setSecuritySettings(req.body, requireUser(req).username);
    await deps.audit.record(actorOf(req), { action: 'settings.security_update', detail: saved });
    return saved;
  });
}
