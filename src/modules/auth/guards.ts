import type { FastifyReply, FastifyRequest } from 'fastify';
import { inScope } from '../../shared/region-scope.js';
import { permissionsOf, type Permission } from '../../shared/roles.js';
import { AppError, outOfScope } from '../app-error.js';
import type { Actor } from '../audit/audit.service.js';
import type { SessionUser } from './auth.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the session hook; null when not signed in. */
    user: SessionUser | null;
    /** Why there is no user: no cookie, unknown session, or idle timeout. */
    sessionState: 'none' | 'expired' | 'ok';
  }
}

export const SESSION_COOKIE = 'zs_session';

/** The signed-in user, or a 401 (a 403 while the user still owes a password change or TOTP enrolment). */
export function requireUser(req: FastifyRequest, opts: { allowPending?: boolean } = {}): SessionUser {
  const u = req.user;
  if (!u) {
    if (req.sessionState === 'expired') throw new AppError(401, 'SESSION_EXPIRED', '长时间未操作，会话已过期，请重新登录');
    throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  }
  if (u.pending && !opts.allowPending) {
    throw u.pending === 'totp'
      ? new AppError(403, 'TOTP_ENROLMENT_REQUIRED', '请先绑定动态口令（双因素认证）')
      : new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '请先修改密码');
  }
  return u;
}

/** preHandler factory: the user must hold at least one of the permissions. */
export function requirePermission(...perms: Permission[]) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const u = requireUser(req);
    const have = permissionsOf(u.roles);
    if (!perms.some((p) => have.has(p))) throw new AppError(403, 'FORBIDDEN', '您的角色无权执行此操作');
  };
}

export function hasPermission(u: SessionUser, p: Permission): boolean {
  return permissionsOf(u.roles).has(p);
}

/** Throws unless `regionCode` lies within the user's region scope. */
export function assertInScope(u: SessionUser, regionCode: string): void {
  if (!inScope(u.regionCode, regionCode)) throw outOfScope();
}

export function actorOf(req: FastifyRequest): Actor {
  return { userId: req.user?.id ?? null, username: req.user?.username ?? null, ip: req.ip };
}
