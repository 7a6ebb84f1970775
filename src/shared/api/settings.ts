import { z } from 'zod';

/** Security settings the security administrator may change (defaults per 等保 level 3). */
export const SecuritySettingsSchema = z.object({
  passwordMinLength: z.number().int().min(8).max(64).default(10),
  passwordMinClasses: z.number().int().min(2).max(4).default(3),
  passwordMaxAgeDays: z.number().int().min(0).max(365).default(90),
  idleTimeoutMinutes: z.number().int().min(5).max(120).default(30),
  lockoutThreshold: z.number().int().min(3).max(10).default(5),
  lockoutWindowMinutes: z.number().int().min(5).max(60).default(15),
  lockoutMinutes: z.number().int().min(5).max(1440).default(15),
  auditRetentionDays: z.number().int().min(184).max(3650).default(365),
});
export type SecuritySettings = z.infer<typeof SecuritySettingsSchema>;
export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = SecuritySettingsSchema.parse({});
