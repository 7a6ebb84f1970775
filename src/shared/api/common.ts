import { z } from 'zod';

/** Every API error: `{"error": {"code": "STABLE_CODE", "message": "中文说明"}}`. */
export const ApiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const OkSchema = z.object({ ok: z.literal(true) });

export const RegionCodeSchema = z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '行政区划代码须为 6、9 或 12 位数字');

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export function paged<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
