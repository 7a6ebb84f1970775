import type { z } from 'zod';
import type { CreateUserSchema, UpdateUserSchema, UserSummary } from '../../shared/api/auth.js';
import { inScope, regionPrefix } from '../../shared/region-scope.js';
import type { Role } from '../../shared/roles.js';
import { nowIso } from '../../shared/time.js';
import { AppError, notFound, outOfScope } from '../app-error.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import type { DepartmentsService } from '../org/departments.service.js';
import type { RegionsService } from '../regions/regions.service.js';
import type { AuthService, SessionUser } from './auth.service.js';
import { rolesOf } from './auth.service.js';
import { generatePassword, hashPassword } from './password.js';

type CreateUser = z.infer<typeof CreateUserSchema>;
type UpdateUser = z.infer<typeof UpdateUserSchema>;

const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin'];

/** 三员分立: the auditor cannot also administer what is audited. */
export function checkRoleSeparation(roles: readonly Role[]): void {
  if (roles.includes('auditor') && roles.some((r) => ADMIN_ROLES.includes(r))) {
    throw new AppError(400, 'ROLE_SEPARATION', '安全审计员不能同时担任系统管理员或安全管理员（三员分立）');
  }
}

/** Account management by the security administrator, within the administrator's own region. */
export class UsersService {
  constructor(
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly regions: RegionsService,
    private readonly departments: DepartmentsService,
  ) {}

  private get repo() {
    return this.auth.repo;
  }

  async list(scope: string): Promise<UserSummary[]> {
    const rows = await this.repo.listUsers(regionPrefix(scope));
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        username: r.username,
        displayName: r.display_name,
        departmentId: r.department_id,
        departmentName: r.department_name,
        regionCode: r.region_code,
        regionName: r.region_name,
        roles: rolesOf(r),
        disabled: !!r.disabled,
        totpEnabled: !!r.totp_enabled,
        locked: await this.auth.isLocked(r.username),
        createdAt: r.created_at,
      })),
    );
  }

  private async summary(scope: string, id: number): Promise<UserSummary> {
    const u = (await this.list(scope)).find((x) => x.id === id);
    if (!u) throw notFound('用户');
    return u;
  }

  private async checkTarget(by: SessionUser, regionCode: string, departmentId: number | null | undefined) {
    if (!inScope(by.regionCode, regionCode)) throw outOfScope();
    if (!(await this.regions.get(regionCode))) throw new AppError(400, 'UNKNOWN_REGION', `行政区划代码 ${regionCode} 不存在`);
    if (departmentId != null && !(await this.departments.get(departmentId))) throw new AppError(400, 'UNKNOWN_DEPARTMENT', '单位不存在');
  }

  /** Creates an account (used by the API, the CLI and the first start). Returns the initial password when generated. */
  async create(input: CreateUser, actor: Actor, by: SessionUser | null, opts: { passwordHash?: string } = {}): Promise<{ id: number; initialPassword: string | null }> {
    checkRoleSeparation(input.roles);
    if (by) await this.checkTarget(by, input.regionCode, input.departmentId);
    else if (!(await this.regions.get(input.regionCode))) throw new AppError(400, 'UNKNOWN_REGION', `行政区划代码 ${input.regionCode} 不存在`);
    if (await this.repo.userByName(input.username)) throw new AppError(409, 'USERNAME_TAKEN', `用户名 ${input.username} 已存在`);
    const generated = input.password ? null : generatePassword();
    const password = input.password ?? generated!;
    if (!opts.passwordHash) await this.auth.validateNewPassword(password, input.username);
    const now = nowIso();
    const id = await this.repo.insertUser({
      username: input.username,
      display_name: input.displayName,
      department_id: input.departmentId ?? null,
      region_code: input.regionCode,
      roles: JSON.stringify(input.roles),
      password_hash: opts.passwordHash ?? (await hashPassword(password)),
      password_changed_at: now,
      // An account made by an administrator for someone else starts with a password only its owner should keep.
      must_change_password: by ? 1 : 0,
      totp_secret_enc: null,
      totp_enabled: 0,
      disabled: 0,
      locale: 'zh-CN',
      created_at: now,
      updated_at: now,
    });
    await this.audit.record(actor, { action: 'user.create', objectType: 'user', objectId: id, regionCode: input.regionCode, detail: { username: input.username, roles: input.roles } });
    return { id, initialPassword: generated };
  }

  async createAndDescribe(input: CreateUser, actor: Actor, by: SessionUser) {
    const { id, initialPassword } = await this.create(input, actor, by);
    return { user: await this.summary(by.regionCode, id), initialPassword };
  }

  private async target(by: SessionUser, id: number) {
    const row = await this.repo.userById(id);
    if (!row) throw notFound('用户');
    if (!inScope(by.regionCode, row.region_code)) throw outOfScope();
    return row;
  }

  async update(by: SessionUser, id: number, patch: UpdateUser, actor: Actor): Promise<UserSummary> {
    const row = await this.target(by, id);
    if (patch.roles) {
      if (id === by.id) throw new AppError(403, 'SELF_ROLE_CHANGE', '不能修改自己的角色');
      checkRoleSeparation(patch.roles);
    }
    if (patch.disabled && id === by.id) throw new AppError(403, 'SELF_DISABLE', '不能停用自己的账号');
    await this.checkTarget(by, patch.regionCode ?? row.region_code, patch.departmentId);
    await this.repo.updateUser(id, {
      ...(patch.displayName !== undefined && { display_name: patch.displayName }),
      ...(patch.departmentId !== undefined && { department_id: patch.departmentId }),
      ...(patch.regionCode !== undefined && { region_code: patch.regionCode }),
      ...(patch.roles !== undefined && { roles: JSON.stringify(patch.roles) }),
      ...(patch.disabled !== undefined && { disabled: patch.disabled ? 1 : 0 }),
      updated_at: nowIso(),
    });
    if (patch.disabled || patch.roles || patch.regionCode) await this.repo.deleteUserSessions(id);
    await this.audit.record(actor, { action: 'user.update', objectType: 'user', objectId: id, regionCode: row.region_code, detail: { ...patch } });
    return this.summary(by.regionCode, id);
  }

  async resetPassword(by: SessionUser, id: number, actor: Actor): Promise<string> {
    const row = await this.target(by, id);
    const password = generatePassword();
    const now = nowIso();
    await this.repo.updateUser(id, { password_hash: await hashPassword(password), password_changed_at: now, must_change_password: 1, updated_at: now });
    await this.repo.deleteUserSessions(id);
    await this.audit.record(actor, { action: 'user.reset_password', objectType: 'user', objectId: id, regionCode: row.region_code });
    return password;
  }

  async unlock(by: SessionUser, id: number, actor: Actor): Promise<void> {
    const row = await this.target(by, id);
    await this.repo.recordAttempt(row.username, nowIso(), true, 'unlock-by-admin');
    await this.audit.record(actor, { action: 'user.unlock', objectType: 'user', objectId: id, regionCode: row.region_code });
  }

  async resetTotp(by: SessionUser, id: number, actor: Actor): Promise<void> {
    const row = await this.target(by, id);
    await this.repo.updateUser(id, { totp_enabled: 0, totp_secret_enc: null, updated_at: nowIso() });
    await this.repo.deleteUserSessions(id);
    await this.audit.record(actor, { action: 'user.reset_totp', objectType: 'user', objectId: id, regionCode: row.region_code });
  }
}
