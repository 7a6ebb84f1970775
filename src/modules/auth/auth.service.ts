import { createHash, randomBytes } from 'node:crypto';
import type { DbHandle } from '../../db/connect.js';
import type { Me } from '../../shared/api/auth.js';
import { permissionsOf, TWO_FACTOR_ROLES, type Role } from '../../shared/roles.js';
import { isoMinus, nowIso } from '../../shared/time.js';
import { AppError } from '../app-error.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { Keyring } from '../crypto/keyring.js';
import type { SettingsService } from '../settings/settings.service.js';
import { AuthRepository, type UserRow } from './auth.repository.js';
import { checkPassword, dummyHash, hashPassword, verifyPassword } from './password.js';
import { newTotpSecret, totpUri, verifyTotp } from './totp.js';

const MINUTE = 60_000;

/** The signed-in user as the server sees it on every request. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  regionCode: string;
  departmentId: number | null;
  /** Set while the user must enrol TOTP or change the password: nothing else is allowed. */
  pending: 'totp' | 'password' | null;
  sessionHash: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function rolesOf(u: UserRow): Role[] {
  return JSON.parse(u.roles) as Role[];
}

export class AuthService {
  readonly repo: AuthRepository;

  constructor(
    h: DbHandle,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly keyring: Keyring,
  ) {
    this.repo = new AuthRepository(h.db);
  }

  private async lockedUntil(username: string, now: string): Promise<string | null> {
    const s = await this.settings.securitySettings();
    const failures = await this.repo.recentFailures(username, isoMinus(now, s.lockoutWindowMinutes * MINUTE));
    if (failures.length < s.lockoutThreshold) return null;
    const until = new Date(Date.parse(failures[0]) + s.lockoutMinutes * MINUTE).toISOString();
    return until > now ? until : null;
  }

  async isLocked(username: string): Promise<boolean> {
    return (await this.lockedUntil(username, nowIso())) !== null;
  }

  /** Verifies credentials and opens a session. Every outcome is audited. */
  async login(
    input: { username: string; password: string; totp?: string },
    client: { ip: string; userAgent: string },
  ): Promise<{ token: string; user: UserRow }> {
    const now = nowIso();
    const username = input.username.trim().toLowerCase();
    const actor: Actor = { userId: null, username, ip: client.ip };
    const fail = async (status: number, code: string, message: string, countsAsFailure = true, userId: number | null = null) => {
      if (countsAsFailure) await this.repo.recordAttempt(username, now, false, client.ip);
      await this.audit.record({ ...actor, userId }, { action: 'auth.login', outcome: 'failure', detail: { reason: code } });
      if (countsAsFailure && (await this.lockedUntil(username, now))) {
        await this.audit.record({ ...actor, userId }, { action: 'auth.lockout', outcome: 'denied', detail: { reason: 'too_many_failures' } });
      }
      return new AppError(status, code, message);
    };

    const locked = await this.lockedUntil(username, now);
    if (locked) {
      await this.audit.record(actor, { action: 'auth.login', outcome: 'denied', detail: { reason: 'ACCOUNT_LOCKED' } });
      throw new AppError(423, 'ACCOUNT_LOCKED', `登录失败次数过多，账号已锁定至 ${locked.slice(0, 16).replace('T', ' ')} (UTC)，或请安全管理员解锁`);
    }
    const user = await this.repo.userByName(username);
    const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash()));
    if (!user || !ok) throw await fail(401, 'INVALID_CREDENTIALS', '用户名或密码错误', true, user?.id ?? null);
    if (user.disabled) throw await fail(403, 'ACCOUNT_DISABLED', '账号已停用，请联系安全管理员', false, user.id);
    if (user.totp_enabled) {
      if (!input.totp) throw await fail(401, 'TOTP_REQUIRED', '请输入动态口令', false, user.id);
      const secret = this.keyring.decrypt(user.totp_secret_enc!);
      if (!verifyTotp(secret, input.totp)) throw await fail(401, 'TOTP_INVALID', '动态口令错误', true, user.id);
    }
    await this.repo.recordAttempt(username, now, true, client.ip);
    const token = randomBytes(32).toString('base64url');
    await this.repo.insertSession({
      id_hash: hashToken(token),
      user_id: user.id,
      created_at: now,
      last_seen_at: now,
      ip: client.ip,
      user_agent: client.userAgent.slice(0, 256),
      second_factor: user.totp_enabled ? 1 : 0,
    });
    await this.audit.record({ ...actor, userId: user.id }, { action: 'auth.login', regionCode: user.region_code, detail: { twoFactor: !!user.totp_enabled } });
    return { token, user };
  }

  /** Resolves a session token; null when unknown, 'expired' after the idle timeout. */
  async authenticate(token: string): Promise<SessionUser | 'expired' | null> {
    const idHash = hashToken(token);
    const session = await this.repo.session(idHash);
    if (!session) return null;
    const now = nowIso();
    const { idleTimeoutMinutes } = await this.settings.securitySettings();
    if (session.last_seen_at < isoMinus(now, idleTimeoutMinutes * MINUTE)) {
      await this.repo.deleteSession(idHash);
      return 'expired';
    }
    const user = await this.repo.userById(session.user_id);
    if (!user || user.disabled) {
      await this.repo.deleteSession(idHash);
      return null;
    }
    if (session.last_seen_at < isoMinus(now, MINUTE)) await this.repo.touchSession(idHash, now);
    return this.toSessionUser(user, idHash);
  }

  private async pendingStep(user: UserRow): Promise<SessionUser['pending']> {
    if (user.must_change_password) return 'password';
    const { passwordMaxAgeDays } = await this.settings.securitySettings();
    if (passwordMaxAgeDays > 0 && user.password_changed_at < isoMinus(nowIso(), passwordMaxAgeDays * 1440 * MINUTE)) return 'password';
    if (!user.totp_enabled && rolesOf(user).some((r) => TWO_FACTOR_ROLES.includes(r))) return 'totp';
    return null;
  }

  async toSessionUser(user: UserRow, sessionHash: string): Promise<SessionUser> {
    return {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      roles: rolesOf(user),
      regionCode: user.region_code,
      departmentId: user.department_id,
      pending: await this.pendingStep(user),
      sessionHash,
    };
  }

  async logout(u: SessionUser, ip: string): Promise<void> {
    await this.repo.deleteSession(u.sessionHash);
    await this.audit.record({ userId: u.id, username: u.username, ip }, { action: 'auth.logout' });
  }

  async me(u: SessionUser, lookups: { region: (code: string) => Promise<{ name: string; level: string } | undefined>; department: (id: number) => Promise<{ id: number; code: string; name: string } | undefined> }): Promise<Me> {
    const row = (await this.repo.userById(u.id))!;
    const region = await lookups.region(row.region_code);
    const dept = row.department_id ? await lookups.department(row.department_id) : undefined;
    const { idleTimeoutMinutes } = await this.settings.securitySettings();
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      department: dept ? { id: dept.id, code: dept.code, name: dept.name } : null,
      roles: u.roles,
      permissions: [...permissionsOf(u.roles)],
      region: { code: row.region_code, name: region?.name ?? row.region_code, level: region?.level ?? '' },
      totpEnabled: !!row.totp_enabled,
      totpEnrolmentRequired: u.pending === 'totp',
      passwordChangeRequired: u.pending === 'password',
      locale: row.locale === 'en-US' ? 'en-US' : 'zh-CN',
      idleTimeoutMinutes,
    };
  }

  async totpSetup(u: SessionUser): Promise<{ secret: string; uri: string }> {
    const row = (await this.repo.userById(u.id))!;
    if (row.totp_enabled) throw new AppError(409, 'TOTP_ALREADY_ENABLED', '已启用动态口令；如需更换请联系安全管理员重置');
    const secret = newTotpSecret();
    await this.repo.updateUser(u.id, { totp_secret_enc: this.keyring.encrypt(secret), updated_at: nowIso() });
    return { secret, uri: totpUri(secret, u.username) };
  }

  async totpEnable(u: SessionUser, code: string, ip: string): Promise<void> {
    const row = (await this.repo.userById(u.id))!;
    if (!row.totp_secret_enc) throw new AppError(409, 'TOTP_NOT_SET_UP', '请先生成动态口令密钥');
    const ok = verifyTotp(this.keyring.decrypt(row.totp_secret_enc), code);
    await this.audit.record({ userId: u.id, username: u.username, ip }, { action: 'auth.totp_enable', outcome: ok ? 'success' : 'failure' });
    if (!ok) throw new AppError(400, 'TOTP_INVALID', '动态口令错误，请核对手机时间后重试');
    await this.repo.updateUser(u.id, { totp_enabled: 1, updated_at: nowIso() });
    await this.repo.touchSession(u.sessionHash, nowIso(), 1);
  }

  async validateNewPassword(password: string, username: string): Promise<void> {
    const s = await this.settings.securitySettings();
    const problems = checkPassword(password, username, { minLength: s.passwordMinLength, minClasses: s.passwordMinClasses, maxAgeDays: s.passwordMaxAgeDays });
    if (problems.length) throw new AppError(400, 'PASSWORD_POLICY', `密码不符合要求：${problems.join('；')}`, problems);
  }

  async changePassword(u: SessionUser, current: string, next: string, ip: string): Promise<void> {
    const row = (await this.repo.userById(u.id))!;
    const actor = { userId: u.id, username: u.username, ip };
    if (!(await verifyPassword(current, row.password_hash))) {
      await this.audit.record(actor, { action: 'auth.password_change', outcome: 'failure', detail: { reason: 'wrong_current' } });
      throw new AppError(400, 'INVALID_CREDENTIALS', '当前密码错误');
    }
    if (current === next) throw new AppError(400, 'PASSWORD_POLICY', '新密码不能与当前密码相同');
    await this.validateNewPassword(next, u.username);
    const now = nowIso();
    await this.repo.updateUser(u.id, { password_hash: await hashPassword(next), password_changed_at: now, must_change_password: 0, updated_at: now });
    await this.repo.deleteUserSessions(u.id, u.sessionHash);
    await this.audit.record(actor, { action: 'auth.password_change' });
  }

  async setLocale(u: SessionUser, locale: string): Promise<void> {
    await this.repo.updateUser(u.id, { locale, updated_at: nowIso() });
  }
}
