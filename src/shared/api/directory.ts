import { z } from 'zod';

export const RegionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parentCode: z.string().nullable(),
  urbanRuralCode: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type Region = z.infer<typeof RegionSchema>;

export const RegionQuerySchema = z.object({
  parent: z.string().regex(/^\d{6,12}$/).optional(),
  level: z.enum(['prefecture', 'county', 'township', 'village']).optional(),
  /** ISO date: regions valid on that day (default today). */
  on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

export const DepartmentSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  regionCode: z.string(),
  aliases: z.array(z.string()),
});
export type Department = z.infer<typeof DepartmentSchema>;
