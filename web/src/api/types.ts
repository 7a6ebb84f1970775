/** API types, inferred from the server's zod schemas in src/shared (types only: no zod in the bundle). */
import type { z } from 'zod';
import type {
  ChangePasswordSchema,
  CreateUserSchema,
  CreatedUserSchema,
  LoginRequestSchema,
  LoginResponseSchema,
  ResetPasswordResponseSchema,
  TotpSetupResponseSchema,
  UpdateUserSchema,
} from '../../../src/shared/api/auth';
import type { AuditQuerySchema, AuditVerifySchema } from '../../../src/shared/api/audit';

export type { Me, UserSummary } from '../../../src/shared/api/auth';
export type { AuditRecord } from '../../../src/shared/api/audit';
export type { Region, Department } from '../../../src/shared/api/directory';
export type { SecuritySettings } from '../../../src/shared/api/settings';
export type { Role, Permission } from '../../../src/shared/roles';

export type LoginRequest = z.input<typeof LoginRequestSchema>;
export type LoginResponse = z.infer<typeof LoginResponseSchema>;
export type TotpSetupResponse = z.infer<typeof TotpSetupResponseSchema>;
export type ChangePasswordRequest = z.infer<typeof ChangePasswordSchema>;
export type CreateUserRequest = z.input<typeof CreateUserSchema>;
export type UpdateUserRequest = z.input<typeof UpdateUserSchema>;
export type CreatedUser = z.infer<typeof CreatedUserSchema>;
export type ResetPasswordResponse = z.infer<typeof ResetPasswordResponseSchema>;
export type AuditQuery = Partial<z.infer<typeof AuditQuerySchema>>;
export type AuditVerifyResult = z.infer<typeof AuditVerifySchema>;
export type Locale = 'zh-CN' | 'en-US';

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
