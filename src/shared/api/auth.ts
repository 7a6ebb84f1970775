import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../roles.js';
import { RegionCodeSchema } from './common.js';

export const RoleSchema = z.enum(ROLES);
export const PermissionSchema = z.enum(PERMISSIONS);

export const LoginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  totp: z.string().regex(/^\d{6}$/, '动态口令为 6 位数字').optional(),
});

export const MeSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  department: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  roles: z.array(RoleSchema),
  permissions: z.array(PermissionSchema),
  region: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  totpEnabled: z.boolean(),
  /** The user must enrol two-factor login before anything else (administrators, auditors). */
  totpEnrolmentRequired: z.boolean(),
  /** The password must be changed before anything else (reset by an administrator, or expired). */
  passwordChangeRequired: z.boolean(),
  locale: z.enum(['zh-CN', 'en-US']),
  idleTimeoutMinutes: z.number().int(),
});
export type Me = z.infer<typeof MeSchema>;

export const LoginResponseSchema = z.object({ user: MeSchema });

export const TotpSetupResponseSchema = z.object({ secret: z.string(), uri: z.string() });
export const TotpCodeSchema = z.object({ code: z.string().regex(/^\d{6}$/, '动态口令为 6 位数字') });

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const LocaleSchema = z.object({ locale: z.enum(['zh-CN', 'en-US']) });

export const UsernameSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{2,63}$/, '用户名须为 3–64 位小写字母、数字或 _ . -，以字母开头');

export const UserSummarySchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  roles: z.array(RoleSchema),
  disabled: z.boolean(),
  totpEnabled: z.boolean(),
  locked: z.boolean(),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof UserSummarySchema>;

export const CreateUserSchema = z.object({
  username: UsernameSchema,
  displayName: z.string().trim().min(1).max(64),
  departmentId: z.number().int().nullable().optional(),
  regionCode: RegionCodeSchema,
  roles: z.array(RoleSchema).min(1, '至少选择一个角色'),
  /** When omitted a random password is generated and returned once. */
  password: z.string().min(1).max(256).optional(),
});

export const UpdateUserSchema = z.object({
  displayName: z.string().trim().min(1).max(64).optional(),
  departmentId: z.number().int().nullable().optional(),
  regionCode: RegionCodeSchema.optional(),
  roles: z.array(RoleSchema).min(1).optional(),
  disabled: z.boolean().optional(),
});

export const CreatedUserSchema = z.object({ user: UserSummarySchema, initialPassword: z.string().nullable() });
export const ResetPasswordResponseSchema = z.object({ password: z.string() });
