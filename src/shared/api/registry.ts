import { z } from 'zod';

/** Income and property registry (个人收入和财产信息系统) API shapes, shared by server and web. */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const PiaSchema = z.object({
  id: z.number().int(),
  channelId: z.number().int(),
  purpose: z.string(),
  legalBasis: z.string(),
  dataItems: z.string(),
  risks: z.string(),
  measures: z.string(),
  riskLevel: z.enum(['low', 'medium', 'high']),
  assessor: z.string(),
  assessedOn: z.string(),
  validUntil: z.string(),
  filedBy: z.string(),
  filedAt: z.string(),
});
export type Pia = z.infer<typeof PiaSchema>;

export const PiaInputSchema = z.object({
  purpose: z.string().min(2).max(2000),
  legalBasis: z.string().min(2).max(2000),
  dataItems: z.string().min(2).max(2000),
  risks: z.string().min(2).max(4000),
  measures: z.string().min(2).max(4000),
  riskLevel: z.enum(['low', 'medium', 'high']),
  assessor: z.string().min(2).max(200),
  assessedOn: IsoDate,
  validUntil: IsoDate,
});

export const ChannelSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  department: z.string(),
  description: z.string(),
  sensitive: z.boolean(),
  active: z.boolean(),
  /** the saved column mapping (ChannelMapping, see docs/registry.md) */
  mapping: z.record(z.string(), z.unknown()),
  updatedAt: z.string(),
  updatedBy: z.string(),
  pia: PiaSchema.nullable(),
});
export type Channel = z.infer<typeof ChannelSchema>;

export const ChannelPatchSchema = z.object({
  name: z.string().min(1).max(200).optional(),
  department: z.string().min(1).max(200).optional(),
  description: z.string().max(2000).optional(),
  sensitive: z.boolean().optional(),
  active: z.boolean().optional(),
  mapping: z.record(z.string(), z.unknown()).optional(),
});

export const ImportReportSchema = z.object({
  batchId: z.number().int(),
  duplicate: z.boolean(),
  fileName: z.string(),
  encoding: z.string().nullable(),
  header: z.object({ firstRow: z.number().int(), depth: z.number().int(), columns: z.array(z.string()) }),
  rowsRead: z.number().int(),
  rowsOk: z.number().int(),
  rowsRejected: z.number().int(),
  recordsAdded: z.number().int(),
  recordsDuplicate: z.number().int(),
  personsAdded: z.number().int(),
  linkedById: z.number().int(),
  pendingLinkage: z.number().int(),
  fixes: z.record(z.string(), z.number()),
  problems: z.record(z.string(), z.number()),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** One line of the upload's NDJSON progress stream. */
export type ImportEvent =
  | { type: 'progress'; phase: 'upload' | 'hash' | 'read' | 'commit' | 'link' | 'done'; bytesRead: number; totalBytes: number; rowsRead: number; rowsOk: number; rowsRejected: number }
  | { type: 'done'; report: ImportReport; linkage: { autoMerged: number; review: number } | null }
  | { type: 'error'; error: { code: string; message: string } };

export const BatchSchema = z.object({
  id: z.number().int(),
  channelCode: z.string(),
  channelName: z.string(),
  source: z.string(),
  fileName: z.string(),
  rowsRead: z.number().int(),
  rowsOk: z.number().int(),
  rowsRejected: z.number().int(),
  rowsDuplicate: z.number().int(),
  recordsAdded: z.number().int(),
  personsAdded: z.number().int(),
  encoding: z.string().nullable(),
  stats: z.record(z.string(), z.unknown()),
  startedAt: z.string(),
  finishedAt: z.string(),
  importedBy: z.string(),
  openRejects: z.number().int(),
});
export type Batch = z.infer<typeof BatchSchema>;

export const QuarantineRowSchema = z.object({
  id: z.number().int(),
  batchId: z.number().int(),
  channelCode: z.string(),
  rowNo: z.number().int(),
  regionCode: z.string(),
  status: z.string(),
  reasons: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
  values: z.record(z.string(), z.string()),
});
export type QuarantineRow = z.infer<typeof QuarantineRowSchema>;

export const PersonListItemSchema = z.object({
  id: z.number().int(),
  idNumber: z.string().nullable(),
  name: z.string().nullable(),
  sex: z.number().int().nullable(),
  birthDate: z.string().nullable(),
  regionCode: z.string(),
  householdId: z.number().int().nullable(),
  residence: z.string().nullable(),
  hasIdNumber: z.boolean(),
});
export type PersonListItem = z.infer<typeof PersonListItemSchema>;

export const PersonPageSchema = PersonListItemSchema.extend({
  phone: z.string().nullable(),
  address: z.string().nullable(),
  relation: z.string().nullable(),
  mergedIds: z.array(z.number().int()),
  requestedId: z.number().int(),
  household: z
    .object({
      id: z.number().int(),
      regionCode: z.string(),
      members: z.array(z.object({ id: z.number().int(), name: z.string().nullable(), sex: z.number().int().nullable(), birthYear: z.number().int().nullable(), relation: z.string().nullable() })),
    })
    .nullable(),
  incomes: z.array(z.object({ year: z.number().int(), component: z.string(), item: z.string(), channel: z.string(), amountFen: z.number(), signedFen: z.number(), records: z.number().int() })),
  property: z.array(
    z.object({
      id: z.number().int(), kind: z.string(), valueFen: z.number(), area: z.number().nullable(), regionCode: z.string().nullable(), address: z.string().nullable(), ref: z.string().nullable(),
      acquiredOn: z.string().nullable(), disposedOn: z.string().nullable(), channel: z.string(), batchId: z.number().int(), rowNo: z.number().int(),
    }),
  ),
  socialInsurance: z.array(z.object({ year: z.number().int(), scheme: z.string(), months: z.number().int(), personalFen: z.number(), employerFen: z.number(), baseFen: z.number().nullable() })),
  dibao: z.array(z.object({ year: z.number().int(), months: z.number().int(), benefitFen: z.number(), householdSize: z.number().nullable(), standardFen: z.number().nullable() })),
  sources: z.array(z.object({ channel: z.string(), channelName: z.string(), batchId: z.number().int(), fileName: z.string(), records: z.number().int(), firstRow: z.number().int(), lastRow: z.number().int() })),
  linkage: z.array(z.object({ at: z.string(), action: z.string(), fromId: z.number().int(), intoId: z.number().int(), method: z.string(), by: z.string(), reason: z.string().nullable() })),
  pendingLinks: z.array(z.object({ linkId: z.number().int(), otherId: z.number().int(), weight: z.number() })),
});
export type PersonPage = z.infer<typeof PersonPageSchema>;

const Levels = z.record(z.string(), z.number().int().nullable());
const ReviewSide = z.object({ id: z.number().int(), name: z.string().nullable(), sex: z.number().int().nullable(), birthDate: z.string().nullable(), regionCode: z.string(), hasIdNumber: z.boolean() });
export const ReviewItemSchema = z.object({
  linkId: z.number().int(),
  weight: z.number(),
  probability: z.number(),
  status: z.string(),
  levels: Levels,
  left: ReviewSide,
  right: ReviewSide,
  createdAt: z.string(),
});
export type ReviewItem = z.infer<typeof ReviewItemSchema>;

export const LinkRunSchema = z.object({ runId: z.string(), pending: z.number().int(), compared: z.number().int(), autoMerged: z.number().int(), review: z.number().int(), unlinked: z.number().int() });

const Reason = z.enum(['count', 'dominance', 'secondary', 'hidden']);
export const IncomeTableSchema = z.object({
  year: z.number().int(),
  parent: z.string(),
  level: z.string().optional(),
  columns: z.array(z.string()),
  rows: z.array(
    z.object({
      code: z.string(), name: z.string(), level: z.string(), isParent: z.boolean(), households: z.number(), persons: z.number(),
      perCapita: z.record(z.string(), z.number().nullable()), hidden: z.record(z.string(), Reason), median: z.number().nullable(),
    }),
  ),
  suppressed: z.object({ primary: z.number().int(), secondary: z.number().int() }),
});
export type IncomeTable = z.infer<typeof IncomeTableSchema>;

export const BandTableSchema = z.object({
  year: z.number().int(),
  parent: z.string(),
  level: z.string(),
  bands: z.array(z.object({ from: z.number(), to: z.number().nullable() })),
  rows: z.array(
    z.object({
      code: z.string(), name: z.string(), level: z.string(), isParent: z.boolean(), households: z.number(), persons: z.number(),
      counts: z.array(z.number().nullable()), hidden: z.array(Reason.nullable()),
    }),
  ),
  suppressed: z.object({ primary: z.number().int(), secondary: z.number().int() }),
});
export type BandTable = z.infer<typeof BandTableSchema>;

export const TableQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2100),
  parent: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/).optional(),
  level: z.enum(['county', 'township', 'village']).optional(),
});

export const OverviewSchema = z.object({
  persons: z.number().int(),
  households: z.number().int(),
  incomeRecords: z.number().int(),
  propertyRecords: z.number().int(),
  batches: z.number().int(),
  openRejects: z.number().int(),
  pendingReview: z.number().int(),
  years: z.array(z.number().int()),
  quality: z
    .object({ rows: z.number(), linked: z.number(), correct: z.number(), precision: z.number(), recall: z.number(), scale: z.number().optional(), year: z.number().optional() })
    .nullable(),
});
export type Overview = z.infer<typeof OverviewSchema>;
