import { z } from 'zod';

export const AuditQuerySchema = z.object({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  username: z.string().max(64).optional(),
  action: z.string().max(64).regex(/^[a-z._]*$/).optional(),
  outcome: z.enum(['success', 'failure', 'denied']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const AuditRecordSchema = z.object({
  id: z.number().int(),
  ts: z.string(),
  userId: z.number().int().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  regionCode: z.string().nullable(),
  outcome: z.string(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

export const AuditVerifySchema = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  break: z.object({ id: z.number().int(), reason: z.string() }).optional(),
});
