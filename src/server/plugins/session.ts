import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../modules/auth/auth.service.js';
import { SESSION_COOKIE } from '../../modules/auth/guards.js';

/** Resolves the session cookie into request.user on every /api request. */
export function registerSession(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionState', 'none');
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token || token.length > 128) return;
    const r = await auth.authenticate(token);
    if (r === 'expired') req.sessionState = 'expired';
    else if (r) {
      req.user = r;
      req.sessionState = 'ok';
    }
  });
}
