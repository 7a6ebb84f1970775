import { z } from 'zod';

/**
 * Household income survey (住户收支调查) API shapes, shared by server and web. The one parser of
 * amounts typed in the diary (so the phone and the server read "1,280元" the same way) is in
 * survey-amount.ts.
 */

// ---------- amounts (in their own zod-free file, so the phone page does not carry zod) ----------

export { parseAmount, formatFen, MAX_ENTRY_FEN, type AmountResult, type AmountErrorCode } from './survey-amount.js';

// ---------- shapes ----------

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
/** 2024, 2024-Q3 or 2024-07. */
export const PeriodSchema = z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, '期别格式应为 2024、2024-Q3 或 2024-07');
const Id = z.number().int();

export const ItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['income', 'expense', 'consumption', 'other']),
  component: z.enum(['wage', 'business', 'property', 'transfer']).nullable(),
  sign: z.number().int(),
  part: z.enum(['income', 'cost', 'depreciation', 'tax']).nullable(),
  inKind: z.boolean(),
  category: z.number().int().nullable(),
  group: z.string(),
});
export type Item = z.infer<typeof ItemSchema>;
export const ClassificationSchema = z.object({ version: z.number().int(), note: z.string(), items: z.array(ItemSchema) });
export type Classification = z.infer<typeof ClassificationSchema>;

export const SampleSummarySchema = z.object({
  id: Id,
  name: z.string(),
  yearFrom: z.number().int(),
  yearTo: z.number().int(),
  createdAt: z.string(),
  strata: z.array(z.object({ code: z.string(), countyCode: z.string(), countyName: z.string(), urban: z.boolean(), frameUnits: z.number().int(), frameHouseholds: z.number().int(), psus: z.number().int(), households: z.number().int() })),
  counts: z.object({ active: z.number().int(), refused: z.number().int(), reserve: z.number().int(), replaced: z.number().int() }),
  /** The latest month with approved household diaries (the natural default period of the estimates). */
  lastApprovedMonth: z.string().nullable(),
});
export type SampleSummary = z.infer<typeof SampleSummarySchema>;

export const HouseholdStatusSchema = z.enum(['active', 'refused', 'reserve', 'exited']);
export const HouseholdSchema = z.object({
  id: Id,
  sampleId: Id,
  code: z.string(),
  headName: z.string(),
  address: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  townshipCode: z.string(),
  countyCode: z.string(),
  urban: z.boolean(),
  stratum: z.string(),
  psu: z.string(),
  rotationGroup: z.number().int(),
  designWeight: z.number(),
  status: HouseholdStatusSchema,
  refusalReason: z.string().nullable(),
  replacesId: Id.nullable(),
  activeFrom: z.string(),
  activeTo: z.string(),
  enumeratorUserId: Id.nullable(),
  hasLogin: z.boolean(),
});
export type Household = z.infer<typeof HouseholdSchema>;

export const HouseholdQuerySchema = z.object({
  sampleId: z.coerce.number().int().optional(),
  status: HouseholdStatusSchema.optional(),
  region: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/).optional(),
  q: z.string().max(50).optional(),
});

export const RefuseSchema = z.object({ reason: z.string().trim().min(2, '请填写拒访原因').max(200) });
export const ReplaceResultSchema = z.object({ refusedId: Id, replacement: HouseholdSchema.nullable() });

export const MemberSchema = z.object({
  id: Id,
  seq: z.number().int(),
  name: z.string(),
  sex: z.enum(['1', '2']),
  birthYear: z.number().int(),
  relation: z.string(),
  supportedStudent: z.boolean(),
  since: IsoDate.nullable(),
  until: IsoDate.nullable(),
  absences: z.array(z.object({ id: Id, from: IsoDate, to: IsoDate, reason: z.string() })),
});
export type Member = z.infer<typeof MemberSchema>;
export const MemberInputSchema = z.object({
  name: z.string().trim().min(1).max(40),
  sex: z.enum(['1', '2']),
  birthYear: z.number().int().min(1900).max(2100),
  relation: z.string().trim().min(1).max(20),
  supportedStudent: z.boolean().default(false),
  since: IsoDate.nullable().default(null),
  until: IsoDate.nullable().default(null),
  reason: z.string().trim().min(1, '请说明变动原因').max(200),
});
export const MemberPatchSchema = MemberInputSchema.partial().extend({ reason: z.string().trim().min(1, '请说明变动原因').max(200) });
export const AbsenceInputSchema = z.object({ from: IsoDate, to: IsoDate, reason: z.string().trim().min(1).max(100) });
export const RosterSchema = z.object({
  household: HouseholdSchema,
  members: z.array(MemberSchema),
  /** Resident members (常住成员) of each month of the year asked for, by the resident-member rule. */
  residents: z.array(z.object({ month: z.string(), count: z.number().int() })),
});
export type Roster = z.infer<typeof RosterSchema>;

export const EntrySchema = z.object({
  id: z.string(),
  date: IsoDate,
  itemCode: z.string(),
  amountFen: z.number().int(),
  note: z.string().nullable(),
  memberSeq: z.number().int().nullable(),
  version: z.number().int(),
  deleted: z.boolean(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Entry = z.infer<typeof EntrySchema>;

/** A client-generated id: 8-4-4-4-12 hex (a UUID), the same on every retry of the same entry. */
export const EntryIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, '记账编号须为 UUID');
export const SyncEntrySchema = z.object({
  id: EntryIdSchema,
  /** The server version the phone last saw (0: never synced). */
  baseVersion: z.number().int().min(0),
  date: IsoDate,
  itemCode: z.string().min(1).max(8),
  /** As typed ("1,280元", "１.５万") or integer fen. */
  amount: z.union([z.string().max(40), z.number().int()]),
  note: z.string().max(200).nullable().default(null),
  memberSeq: z.number().int().nullable().default(null),
  deleted: z.boolean().default(false),
  /** When the entry was typed on the phone (ISO), kept in the paradata. */
  clientTs: z.string().max(40).optional(),
});
export type SyncEntry = z.input<typeof SyncEntrySchema>;
export const SyncRequestSchema = z.object({ entries: z.array(SyncEntrySchema).max(500) });
export const SyncOutcomeSchema = z.object({
  id: z.string(),
  status: z.enum(['created', 'updated', 'unchanged', 'conflict', 'refused']),
  version: z.number().int(),
  code: z.string().optional(),
  message: z.string().optional(),
  entry: EntrySchema.optional(),
});
export type SyncOutcome = z.infer<typeof SyncOutcomeSchema>;
export const SyncResponseSchema = z.object({ results: z.array(SyncOutcomeSchema) });

export const MonthStatusSchema = z.enum(['open', 'submitted', 'returned', 'approved']);
export type MonthStatus = z.infer<typeof MonthStatusSchema>;
export const QualityIssueSchema = z.object({
  key: z.string(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  entryId: z.string().nullable(),
  comment: z.string().nullable(),
});
export type QualityIssue = z.infer<typeof QualityIssueSchema>;
export const DiaryMonthSchema = z.object({
  householdId: Id,
  month: z.string(),
  status: MonthStatusSchema,
  /** Approved above the enumerator (township/county/city): locked for everyone until reopened. */
  lockedBy: z.enum(['household', 'township', 'county', 'city']).nullable(),
  declaredMembers: z.number().int().nullable(),
  residentMembers: z.number().int(),
  entries: z.array(EntrySchema),
  issues: z.array(QualityIssueSchema),
  comment: z.string().nullable(),
  /** Days of the month up to today without any entry. */
  missingDays: z.array(z.string()),
  conflicts: z.number().int(),
});
export type DiaryMonth = z.infer<typeof DiaryMonthSchema>;
export const SubmitMonthSchema = z.object({
  declaredMembers: z.number().int().min(0).max(30).optional(),
  /** Comments on soft warnings, by issue key. */
  comments: z.record(z.string(), z.string().trim().max(300)).default({}),
});

export const QuestionnaireKindSchema = z.enum(['housing', 'durables', 'business']);
export type QuestionnaireKind = z.infer<typeof QuestionnaireKindSchema>;
export const HousingSchema = z.object({
  tenure: z.enum(['owned', 'rented', 'free', 'other']),
  areaM2: z.number().min(0).max(2000),
  builtYear: z.number().int().min(1900).max(2100).nullable(),
  /** What a similar dwelling would rent for, 元 a month (for the imputed rent of owner-occupied housing). */
  marketRentYuan: z.number().min(0).max(100000),
  /** Upkeep of the owner-occupied dwelling, 元 a year (subtracted from the imputed rent). */
  upkeepYuan: z.number().min(0).max(1000000).default(0),
  heating: z.enum(['central', 'own', 'none']).default('central'),
});
export const DurablesSchema = z.object({
  cars: z.number().int().min(0).max(20),
  motorcycles: z.number().int().min(0).max(20),
  fridges: z.number().int().min(0).max(20),
  washers: z.number().int().min(0).max(20),
  airConditioners: z.number().int().min(0).max(50),
  computers: z.number().int().min(0).max(50),
  mobilePhones: z.number().int().min(0).max(50),
  televisions: z.number().int().min(0).max(50),
});
export const BusinessSchema = z.object({
  businesses: z.array(
    z.object({
      kind: z.enum(['farming', 'livestock', 'retail', 'catering', 'transport', 'services', 'other']),
      description: z.string().max(100),
      /** Productive fixed assets: original value (元) and service life (years), straight-line depreciation. */
      assets: z.array(z.object({ name: z.string().max(50), valueYuan: z.number().min(0).max(1e8), lifeYears: z.number().int().min(1).max(50), acquiredYear: z.number().int().min(1950).max(2100) })).max(50),
    }),
  ).max(10),
});
export const QuestionnaireSchema = z.object({
  householdId: Id,
  year: z.number().int(),
  kind: QuestionnaireKindSchema,
  data: z.union([HousingSchema, DurablesSchema, BusinessSchema]).nullable(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;
export const QuestionnaireInputSchema = z.object({ data: z.unknown(), baseVersion: z.number().int().min(0), reason: z.string().max(200).optional() });

export const ReviewLevelSchema = z.enum(['household', 'township', 'county', 'city']);
export type ReviewLevel = z.infer<typeof ReviewLevelSchema>;
export const ReviewUnitSchema = z.object({
  level: ReviewLevelSchema,
  /** Household id for the household level, else the region code. */
  unitCode: z.string(),
  name: z.string(),
  month: z.string(),
  status: z.enum(['open', 'submitted', 'returned', 'approved']),
  /** Units below: how many and how many approved (households for a township, …). */
  children: z.number().int(),
  childrenApproved: z.number().int(),
  canApprove: z.boolean(),
  comment: z.string().nullable(),
  issues: z.number().int(),
  by: z.string().nullable(),
  at: z.string().nullable(),
});
export type ReviewUnit = z.infer<typeof ReviewUnitSchema>;
export const ReviewQuerySchema = z.object({ sampleId: z.coerce.number().int(), month: MonthSchema });
export const ReviewActionSchema = z.object({
  sampleId: z.number().int(),
  level: ReviewLevelSchema,
  unitCode: z.string().min(1).max(20),
  month: MonthSchema,
  comment: z.string().trim().max(500).optional(),
});

export const ConflictSchema = z.object({
  id: Id,
  entryId: z.string(),
  householdId: Id,
  householdCode: z.string(),
  server: z.record(z.string(), z.unknown()),
  client: z.record(z.string(), z.unknown()),
  status: z.enum(['open', 'resolved']),
  createdAt: z.string(),
  createdBy: z.string(),
  resolution: z.string().nullable(),
});
export type Conflict = z.infer<typeof ConflictSchema>;
export const ResolveConflictSchema = z.object({ keep: z.enum(['server', 'client', 'both']), comment: z.string().max(300).optional() });

export const ParadataSchema = z.object({
  id: Id,
  ts: z.string(),
  username: z.string().nullable(),
  objectType: z.string(),
  objectId: z.string(),
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  reason: z.string().nullable(),
  clientTs: z.string().nullable(),
});
export type Paradata = z.infer<typeof ParadataSchema>;

export const ReminderSchema = z.object({ householdId: Id, householdCode: z.string(), headName: z.string(), missingDays: z.array(z.string()), lastEntry: z.string().nullable() });
export type Reminder = z.infer<typeof ReminderSchema>;

// ---------- estimates ----------

export const EstimateCellSchema = z.object({
  estimate: z.number().nullable(),
  se: z.number().nullable(),
  cv: z.number().nullable(),
  ci: z.tuple([z.number().nullable(), z.number().nullable()]),
  n: z.number().int(),
  /** 'few': fewer sample households than the setting; 'cv': CV above the setting; 'suppressed': hidden. */
  flags: z.array(z.enum(['few', 'cv', 'suppressed'])),
});
export type EstimateCell = z.infer<typeof EstimateCellSchema>;
export const DomainRowSchema = z.object({
  domain: z.string(),
  label: z.string(),
  households: z.number().int(),
  persons: z.number().int(),
  disposable: EstimateCellSchema,
  wage: EstimateCellSchema,
  business: EstimateCellSchema,
  property: EstimateCellSchema,
  transfer: EstimateCellSchema,
  consumption: EstimateCellSchema,
  median: EstimateCellSchema,
  growthNominal: EstimateCellSchema.nullable(),
  growthReal: EstimateCellSchema.nullable(),
});
export type DomainRow = z.infer<typeof DomainRowSchema>;
export const QuintileRowSchema = z.object({ domain: z.string(), label: z.string(), groups: z.array(EstimateCellSchema) });
export const EstimatesSchema = z.object({
  sampleId: Id,
  period: z.string(),
  previousPeriod: z.string(),
  months: z.array(z.string()),
  approvalLevel: ReviewLevelSchema,
  calibrated: z.boolean(),
  cpi: z.number().nullable(),
  settings: z.object({ minHouseholds: z.number().int(), maxCv: z.number(), action: z.enum(['flag', 'suppress']), quintileUnit: z.enum(['household', 'person']), level: z.number() }),
  rows: z.array(DomainRowSchema),
  quintiles: z.array(QuintileRowSchema),
  excluded: z.number().int(),
});
export type Estimates = z.infer<typeof EstimatesSchema>;
export const EstimateQuerySchema = z.object({ sampleId: z.coerce.number().int().optional(), period: PeriodSchema });

export const SurveySettingsSchema = z.object({
  minHouseholds: z.number().int().min(3).max(1000),
  maxCv: z.number().min(0.01).max(1),
  action: z.enum(['flag', 'suppress']),
  approvalLevel: ReviewLevelSchema,
  quintileUnit: z.enum(['household', 'person']),
  level: z.number().min(0.5).max(0.999),
});
export type SurveySettings = z.infer<typeof SurveySettingsSchema>;
export const CpiSchema = z.object({ period: PeriodSchema, value: z.number().min(50).max(200) });
export const PopulationTotalSchema = z.object({ year: z.number().int(), stratum: z.string(), persons: z.number().int().min(0), households: z.number().int().min(0) });
