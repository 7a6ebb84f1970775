import { z } from 'zod';
import { RegionCodeSchema } from './common.js';

/**
 * Indicators and targets (指标与目标) API shapes, shared by server and web. An indicator is a formula
 * over data elements (numerator / denominator × factor) with a periodicity, region disaggregation and a
 * source; its values are computed by the server from the registry, the survey, plan supervision and
 * approved administrative entries, never typed in as results.
 */

export const LabelSchema = z.object({ zh: z.string(), en: z.string() });

/** Where a value comes from. `admin`: a department's approved entry (e.g. 市农委's cooperative count,
 * or the statistics bureau's published series before the survey existed). */
export const INDICATOR_SOURCES = ['survey', 'registry', 'admin', 'workplan', 'microsim'] as const;
export const IndicatorSourceSchema = z.enum(INDICATOR_SOURCES);
export type IndicatorSource = z.infer<typeof IndicatorSourceSchema>;

export const PERIODICITIES = ['month', 'quarter', 'year'] as const;
export const PeriodicitySchema = z.enum(PERIODICITIES);

/** '2023', '2023-Q3' or '2023-07'. */
export const PeriodSchema = z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, '期别格式应为 2023、2023-Q3 或 2023-07');

export const IndicatorDefinitionSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_.]*$/, '指标代码只能含小写字母、数字、点和下划线'),
  name: LabelSchema,
  unit: z.string(),
  periodicity: PeriodicitySchema,
  /** formula over data-element codes, e.g. "survey.disposable_income.urban" or "a + b" */
  numerator: z.string().min(1),
  denominator: z.string().nullable(),
  factor: z.number(),
  decimals: z.number().int().min(0).max(6),
  source: IndicatorSourceSchema,
  /** the department that reports an administrative indicator (directory code), else null */
  department: z.string().nullable(),
  /** the statistical definition shown beside every figure (Chinese) */
  definition: z.string(),
  /** higher is better (income) or lower is better (urban-rural ratio, poverty) */
  better: z.enum(['higher', 'lower']),
});
export type IndicatorDefinition = z.infer<typeof IndicatorDefinitionSchema>;

export const IndicatorValueSchema = z.object({
  code: z.string(),
  period: PeriodSchema,
  region: RegionCodeSchema,
  /** null: no data, or suppressed for disclosure control */
  value: z.number().nullable(),
  se: z.number().nullable(),
  /** 95% confidence interval of a survey estimate */
  ci: z.tuple([z.number(), z.number()]).nullable(),
  /** sample households (survey) or contributors (registry) behind the figure */
  n: z.number().int().nullable(),
  suppressed: z.boolean(),
  /** change on the same period a year before, as a fraction (0.067 = 6.7%) */
  growth: z.number().nullable(),
  source: z.object({
    kind: IndicatorSourceSchema,
    /** e.g. "住户收支调查 2023 年度估计", "市农委 报送（已审核）" */
    label: z.string(),
    /** a link inside the platform to the underlying data, e.g. "/survey?tab=estimates&period=2023" */
    href: z.string().nullable(),
  }),
  /** the figure is demo data derived from the synthetic city (shown as such) */
  synthetic: z.boolean(),
});
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;

export const TARGET_STATUSES = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'] as const;
export const TargetStatusSchema = z.enum(TARGET_STATUSES);
export type TargetStatus = z.infer<typeof TargetStatusSchema>;

export const TargetSchema = z.object({
  id: z.number().int(),
  indicator: z.string(),
  title: z.string(),
  /** where the target is written: "二、主要目标" or a measure number such as "一(二)3" */
  planRef: z.string(),
  region: RegionCodeSchema,
  baseYear: z.number().int(),
  baseValue: z.number().nullable(),
  targetYear: z.number().int(),
  targetValue: z.number(),
  /** 'level': reach targetValue; 'multiple': reach baseValue × targetValue (doubling = 2); 'at_most': stay ≤ targetValue */
  kind: z.enum(['level', 'multiple', 'at_most']),
  latest: z.object({ period: PeriodSchema, value: z.number() }).nullable(),
  status: TargetStatusSchema,
  /** annual growth rate still needed from the latest value to the target (fraction), null when achieved or no data */
  requiredAnnualGrowth: z.number().nullable(),
  /** average annual growth over the recent trend window (fraction) */
  trendAnnualGrowth: z.number().nullable(),
  /** value at targetYear projected from the recent trend */
  projectedValue: z.number().nullable(),
});
export type Target = z.infer<typeof TargetSchema>;

export const CountyRowSchema = z.object({
  region: RegionCodeSchema,
  name: z.string(),
  urban: IndicatorValueSchema,
  rural: IndicatorValueSchema,
  all: IndicatorValueSchema,
  /** urban ÷ rural */
  ratio: IndicatorValueSchema,
});
export type CountyRow = z.infer<typeof CountyRowSchema>;

export const KeyGroupRowSchema = z.object({
  key: z.enum(['skilled', 'newFarmer', 'researcher', 'entrepreneur', 'manager', 'cadre', 'hardshipAbleToWork']),
  label: LabelSchema,
  /** per-capita disposable income of the group's members' households (registry) */
  income: IndicatorValueSchema,
  /** group income ÷ all residents' income */
  ratioToAll: z.number().nullable(),
});
export type KeyGroupRow = z.infer<typeof KeyGroupRowSchema>;

export const TaskStatusCountsSchema = z.object({
  key: z.string(),
  label: z.string(),
  red: z.number().int(),
  yellow: z.number().int(),
  green: z.number().int(),
  done: z.number().int(),
});

export const DashboardQuerySchema = z.object({
  /** default: the user's own region (a county user sees only the county) */
  region: RegionCodeSchema.optional(),
  /** default: the latest year with survey or registry data */
  year: z.coerce.number().int().min(2010).max(2100).optional(),
  /** a quarter year to date ('2025-Q3' = 前三季度), a month ('2025-07', for monthly indicators) or the year ('2025');
   * must lie in `year` when both are given. Headline cards and the county table then show the quarter's (month's)
   * values where they exist, else the annual ones. */
  period: z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, '期别格式应为 2025、2025-Q3 或 2025-07').optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

export const DashboardSchema = z.object({
  region: z.object({ code: RegionCodeSchema, name: z.string(), level: z.enum(['city', 'county', 'township']) }),
  year: z.number().int(),
  /** the period asked ('2025-Q3' = year to date through the third quarter); absent for the year. Each card carries its own period. */
  period: PeriodSchema.optional(),
  generatedAt: z.string(),
  /** headline cards, in display order: urban, rural, all income, urban-rural ratio, Gini, middle-income share,
   * rural poor, land-share cooperatives … */
  headline: z.array(IndicatorValueSchema),
  /** yearly series 2010 → year of the urban and rural income (codes income.pc.urban / income.pc.rural) and the ratio */
  series: z.array(z.object({ code: z.string(), points: z.array(IndicatorValueSchema) })),
  /** the doubling path: 2010 value × 2^((y − 2010) / 10) to 2020, per series code */
  doublingPath: z.array(z.object({ code: z.string(), baseYear: z.number().int(), baseValue: z.number(), points: z.array(z.object({ year: z.number().int(), value: z.number() })) })),
  /** household quintile groups (五等份) by per-capita disposable income */
  quintiles: z.object({ period: PeriodSchema, source: z.string(), means: z.array(z.number()), shares: z.array(z.number()) }).nullable(),
  /** Lorenz curve points [population share, income share] with the Gini */
  lorenz: z.object({ points: z.array(z.tuple([z.number(), z.number()])), gini: IndicatorValueSchema }).nullable(),
  counties: z.array(CountyRowSchema),
  keyGroups: z.array(KeyGroupRowSchema),
  targets: z.array(TargetSchema),
  tasks: z.object({ byGroup: z.array(TaskStatusCountsSchema), byAction: z.array(TaskStatusCountsSchema), total: TaskStatusCountsSchema }).nullable(),
  /** every indicator shown, with its definition */
  definitions: z.array(IndicatorDefinitionSchema),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

/** A department's entry of an administrative indicator; counts only once approved. */
export const ManualEntryInputSchema = z.object({
  indicator: z.string(),
  period: PeriodSchema,
  region: RegionCodeSchema,
  value: z.number().finite(),
  note: z.string().max(500).optional(),
});
export type ManualEntryInput = z.infer<typeof ManualEntryInputSchema>;

export const ManualEntrySchema = ManualEntryInputSchema.extend({
  id: z.number().int(),
  status: z.enum(['submitted', 'approved', 'returned']),
  enteredBy: z.string(),
  enteredAt: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
});
export type ManualEntry = z.infer<typeof ManualEntrySchema>;

export const ReportQuerySchema = DashboardQuerySchema.extend({
  /** '2023' (annual), '2023-Q3', '2023-07' */
  period: PeriodSchema.optional(),
});

/** The plan's seven key groups (重点群体). */
export const KEY_GROUP_LABELS: Record<string, { zh: string; en: string }> = {
  skilled: { zh: '技能人才', en: 'Skilled workers' },
  newFarmer: { zh: '新型职业农民', en: 'New professional farmers' },
  researcher: { zh: '科研人员', en: 'Researchers' },
  entrepreneur: { zh: '小微创业者', en: 'Small and micro entrepreneurs' },
  manager: { zh: '企业经营管理人员', en: 'Enterprise managers' },
  cadre: { zh: '基层干部队伍', en: 'Grassroots cadres' },
  hardshipAbleToWork: { zh: '有劳动能力的困难群体', en: 'People in hardship able to work' },
};
export const KeyGroupKeySchema = z.enum(['skilled', 'newFarmer', 'researcher', 'entrepreneur', 'manager', 'cadre', 'hardshipAbleToWork']);

/** A department's roster of one key group: a .xlsx or .csv with a column of ID numbers, sent as base64. */
export const RosterImportSchema = z.object({
  /** who sends the list (shown with the figures), e.g. 市人社局 技能等级证书 */
  source: z.string().trim().min(1).max(60),
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().min(1).max(16 * 1024 * 1024),
  /** replace this source's earlier list of the group (default: add to it) */
  replace: z.boolean().default(false),
});
export type RosterImport = z.infer<typeof RosterImportSchema>;

export const RosterResultSchema = z.object({
  group: KeyGroupKeySchema,
  source: z.string(),
  header: z.string().nullable(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  /** accepted numbers the registry has no person for (they count once the person is registered) */
  notInRegistry: z.number().int(),
  rejects: z.array(z.object({ row: z.number().int(), value: z.string(), reason: z.string() })),
});
export type RosterResult = z.infer<typeof RosterResultSchema>;

export const RosterSummarySchema = z.array(
  z.object({ group: KeyGroupKeySchema, label: z.object({ zh: z.string(), en: z.string() }), source: z.string(), synthetic: z.boolean(), members: z.number().int(), inRegistry: z.number().int() }),
);
export type RosterSummary = z.infer<typeof RosterSummarySchema>;
