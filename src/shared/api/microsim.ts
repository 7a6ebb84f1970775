import { z } from 'zod';

/**
 * Policy evaluation (政策评估, microsimulation) API shapes, shared by server and web. The result of a
 * reform run mirrors src/modules/microsim/population/types.ts (ReformResults); ratios that can be
 * undefined for an empty group (0/0) are nullable.
 */

/** Years the demo city (the population of web runs) covers. */
export const MICROSIM_YEARS = { from: 2010, to: 2024 } as const;
/** Demo-city size as a share of the 2020 census population (1 = 1.6 million residents). */
export const MICROSIM_SCALE = { min: 0.001, default: 0.05, max: 0.1 } as const;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const LabelSchema = z.object({ zh: z.string(), en: z.string() });
export type Label = z.infer<typeof LabelSchema>;

// ---- parameters -------------------------------------------------------------------------------

export const BracketSchema = z.object({ to: z.number().nullable(), rate: z.number(), quick: z.number() });
export type Bracket = z.infer<typeof BracketSchema>;
/** A parameter value: a number, flag or code, a rate table (brackets), or null (no rule in force). */
export const ParamValueSchema = z.union([z.number(), z.boolean(), z.string(), z.null(), z.array(BracketSchema)]);
export type ParamValue = z.infer<typeof ParamValueSchema>;

export const DatedValueSchema = z.object({
  from: IsoDate,
  value: ParamValueSchema,
  ref: z.string(),
  /** a figure an administrator must replace with the official one */
  placeholder: z.boolean(),
  note: z.string().optional(),
});
export type DatedValue = z.infer<typeof DatedValueSchema>;

export const ParameterSchema = z.object({
  name: z.string(),
  label: LabelSchema,
  unit: z.string(),
  description: z.string().optional(),
  values: z.array(DatedValueSchema),
});
export type Parameter = z.infer<typeof ParameterSchema>;

export const ProgrammeSchema = z.object({
  programme: z.string(),
  file: z.string(),
  label: LabelSchema,
  description: z.string().optional(),
  parameters: z.array(ParameterSchema),
});
export type Programme = z.infer<typeof ProgrammeSchema>;
export const ParametersResponseSchema = z.object({ programmes: z.array(ProgrammeSchema) });

// ---- reforms ----------------------------------------------------------------------------------

const ParamName = z.string().min(3).max(120).regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, '参数名应形如 dibao.standard.urban');
const ScalarSchema = z.union([z.number().finite(), z.boolean(), z.string().max(100)]);
const BracketInputSchema = z.object({ to: z.number().positive().nullable().optional(), rate: z.number().min(0).max(1), quick: z.number().min(0).optional() });

export const DatedValueInputSchema = z
  .object({
    from: IsoDate,
    value: ScalarSchema.nullable().optional(),
    brackets: z.array(BracketInputSchema).min(1).max(20).optional(),
    ref: z.string().max(500).optional(),
    note: z.string().max(500).optional(),
  })
  .refine((v) => (v.value !== undefined) !== (v.brackets !== undefined), { message: '每个取值须给出 value 或 brackets 之一' });

/** {scale: k} multiplies every dated value (and table limits) by k; {value} sets it at all dates; {values} replaces it from the earliest given date. */
export const OverrideSchema = z.union([
  z.strictObject({ scale: z.number().min(0).max(100) }),
  z.strictObject({ value: ScalarSchema }),
  z.strictObject({ values: z.array(DatedValueInputSchema).min(1).max(50) }),
]);
export type Override = z.infer<typeof OverrideSchema>;

export const ReformInputSchema = z.object({
  name: z.string().trim().min(1, '方案名称不能为空').max(80),
  label: z.object({ zh: z.string().max(120), en: z.string().max(120) }).optional(),
  description: z.string().max(4000).optional(),
  parameters: z.record(ParamName, OverrideSchema).default({}),
  /** variable → name of an alternative formula the variable defines */
  formulas: z.record(z.string().max(80), z.string().max(80)).default({}),
});
export type ReformInput = z.input<typeof ReformInputSchema>;

/** A reform shipped in params/reforms/ (JSON form of its overrides). */
export const ShippedReformSchema = z.object({
  file: z.string(),
  name: z.string(),
  label: LabelSchema,
  description: z.string().optional(),
  parameters: z.record(z.string(), z.union([
    z.object({ scale: z.number() }),
    z.object({ value: ParamValueSchema }),
    z.object({ values: z.array(z.object({ from: IsoDate, value: ParamValueSchema, ref: z.string(), placeholder: z.boolean().optional() })) }),
  ])),
  formulas: z.record(z.string(), z.string()),
});
export type ShippedReform = z.infer<typeof ShippedReformSchema>;

// ---- one situation (the household calculator; same input as `zengshou calc`) ------------------

const EntityId = z.string().min(1).max(40).regex(/^[\w\-.\u3400-\u9fff]+$/, '编号只能由字母、数字、汉字、- _ . 组成');
const MAX_PEOPLE = 30;
export const CalcRequestSchema = z.object({
  year: z.number().int().min(2009).max(2100),
  people: z
    .record(EntityId, z.record(z.string().max(60), z.unknown()))
    .refine((p) => Object.keys(p).length >= 1 && Object.keys(p).length <= MAX_PEOPLE, `人员须为 1–${MAX_PEOPLE} 人`),
  households: z
    .record(EntityId, z.object({ members: z.array(EntityId).min(1).max(MAX_PEOPLE), area: z.enum(['urban', 'rural']).optional() }).catchall(z.unknown()))
    .refine((h) => Object.keys(h).length <= MAX_PEOPLE, `家庭最多 ${MAX_PEOPLE} 户`)
    .optional(),
  reform: ReformInputSchema.optional(),
  /** the household to explain (default: the first) */
  explain: EntityId.optional(),
});
export type CalcRequest = z.input<typeof CalcRequestSchema>;

const VariableValues = z.record(z.string(), z.record(z.string(), z.union([z.number(), z.array(z.number())])));
const PlaceholderSchema = z.object({ name: z.string(), from: z.string(), ref: z.string() });
export type Placeholder = z.infer<typeof PlaceholderSchema>;

export const ExplanationStepSchema = z.object({
  variable: z.string(),
  label: LabelSchema,
  entity: z.enum(['person', 'household']),
  period: z.enum(['month', 'year']),
  unit: z.string(),
  programme: z.string().optional(),
  refs: z.array(z.string()).optional(),
  source: z.enum(['input', 'formula', 'default']),
  alternative: z.string().optional(),
  /** each parameter value used once (by name and date in force), with the first date it was looked up for */
  parameters: z.array(z.object({ name: z.string(), label: LabelSchema, date: z.string(), from: z.string(), value: z.unknown(), ref: z.string(), placeholder: z.boolean().optional() })),
  values: z.array(z.object({ id: z.string(), value: z.union([z.number(), z.array(z.number())]) })),
  notes: z.array(z.object({ id: z.string(), text: z.string() })),
});
export type ExplanationStep = z.infer<typeof ExplanationStepSchema>;
export const ExplanationSchema = z.object({
  year: z.number().int(),
  household: z.string(),
  members: z.array(z.string()),
  reform: z.object({ name: z.string(), label: LabelSchema }).optional(),
  steps: z.array(ExplanationStepSchema),
});
export type Explanation = z.infer<typeof ExplanationSchema>;

export const CalcResponseSchema = z.object({
  year: z.number().int(),
  reform: z.object({ name: z.string(), label: LabelSchema }).optional(),
  people: VariableValues,
  households: VariableValues,
  /** without the reform, when one was given */
  baseline: z.object({ people: VariableValues, households: VariableValues }).optional(),
  placeholders: z.array(PlaceholderSchema),
  explanation: ExplanationSchema,
});
export type CalcResponse = z.infer<typeof CalcResponseSchema>;

// ---- a reform over the population ---------------------------------------------------------------

export const SimulateRequestSchema = z.object({
  year: z.number().int().min(MICROSIM_YEARS.from, `年度须在 ${MICROSIM_YEARS.from}–${MICROSIM_YEARS.to} 之间（示范城市覆盖的年份）`).max(MICROSIM_YEARS.to, `年度须在 ${MICROSIM_YEARS.from}–${MICROSIM_YEARS.to} 之间（示范城市覆盖的年份）`),
  /** null or absent: the baseline against itself */
  reform: ReformInputSchema.nullable().optional(),
  /** checked against MICROSIM_SCALE by the service (a clear SCALE_TOO_LARGE error) */
  scale: z.number().positive().max(1).optional(),
  decileUnit: z.enum(['household', 'person']).optional(),
  /** population: the synthetic demo city (default) or the income and property registry of the year (needs registry.read) */
  data: z.enum(['demo', 'registry']).optional(),
});
export type SimulateRequest = z.input<typeof SimulateRequestSchema>;

const R = z.number().nullable();
export const WinnersLosersSchema = z.object({ gainMore5: R, gainLess5: R, noChange: R, loseLess5: R, loseMore5: R });
export type WinnersLosers = z.infer<typeof WinnersLosersSchema>;
const BeforeAfter = z.object({ baseline: R, reform: R });

export const GroupResultSchema = z.object({
  key: z.string(),
  label: LabelSchema,
  households: z.number(),
  persons: z.number(),
  baseline: R,
  reform: R,
  change: R,
  relativeChange: R,
  winnersLosers: WinnersLosersSchema,
  gini: BeforeAfter,
  poverty: BeforeAfter,
  budgetEffect: R,
});
export type GroupResult = z.infer<typeof GroupResultSchema>;

export const DecileResultSchema = z.object({
  decile: z.number().int(),
  households: z.number(),
  persons: z.number(),
  baseline: R,
  reform: R,
  change: R,
  relativeChange: R,
  shareOfGains: R,
  winnersLosers: WinnersLosersSchema,
});
export type DecileResult = z.infer<typeof DecileResultSchema>;

export const ProgrammeBudgetSchema = z.object({
  programme: z.string(),
  label: LabelSchema,
  kind: z.enum(['revenue', 'spending']),
  baseline: z.number(),
  reform: z.number(),
  change: z.number(),
  netCost: z.number(),
});
export type ProgrammeBudget = z.infer<typeof ProgrammeBudgetSchema>;

export const PovertyResultSchema = z.object({
  key: z.string(),
  label: LabelSchema,
  line: R,
  baseline: z.object({ headcount: R, gap: R }),
  reform: z.object({ headcount: R, gap: R }),
});
export type PovertyResult = z.infer<typeof PovertyResultSchema>;

const ScenarioMoney = z.object({ disposable: z.number(), iit: z.number(), socialInsurance: z.number(), dibao: z.number() });
export const ExampleHouseholdSchema = z.object({
  household: z.number().int(),
  id: z.string(),
  why: z.string(),
  county: z.string(),
  urban: z.boolean(),
  members: z.number().int(),
  decile: z.number().int(),
  baseline: ScenarioMoney,
  reform: ScenarioMoney,
  change: z.number(),
  relativeChange: R,
});
export type ExampleHousehold = z.infer<typeof ExampleHouseholdSchema>;

export const ReformResultsSchema = z.object({
  year: z.number().int(),
  reform: z.object({ name: z.string(), label: LabelSchema, description: z.string().optional() }).nullable(),
  population: z.object({
    source: z.object({ kind: z.enum(['demo', 'registry', 'survey']), description: z.string(), year: z.number().int(), scale: z.number().optional(), seed: z.number().optional() }),
    households: z.number().int(),
    persons: z.number().int(),
    weightedHouseholds: z.number(),
    weightedPersons: z.number(),
  }),
  budget: z.object({ netCost: z.number(), programmes: z.array(ProgrammeBudgetSchema) }),
  income: z.object({ baselineMean: R, reformMean: R, change: R, relativeChange: R }),
  decileUnit: z.enum(['household', 'person']),
  deciles: z.array(DecileResultSchema),
  winnersLosers: WinnersLosersSchema,
  inequality: z.object({ gini: BeforeAfter, theil: BeforeAfter }),
  poverty: z.array(PovertyResultSchema),
  middleIncome: z.object({ baseline: R, reform: R, band: z.object({ lower: z.number(), upper: z.number(), referenceSize: z.number(), priceYear: z.number() }) }),
  minimumWage: z.object({ baseline: z.number(), reform: z.number() }),
  keyGroups: z.array(GroupResultSchema),
  counties: z.array(GroupResultSchema),
  areas: z.array(GroupResultSchema),
  examples: z.array(ExampleHouseholdSchema),
  placeholders: z.array(PlaceholderSchema),
  timing: z.object({ simulateMs: z.number(), resultsMs: z.number() }),
});
export type ReformResults = z.infer<typeof ReformResultsSchema>;

/** A stored run: what was asked, and its results. */
export const RunSummarySchema = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  username: z.string().nullable(),
  year: z.number().int(),
  scale: z.number(),
  reformName: z.string().nullable(),
  reformLabel: z.string().nullable(),
  netCost: z.number(),
  /** wall time of the request: population (cached or generated), simulation and results */
  elapsedMs: z.number().int(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

export const RunSchema = z.object({
  run: RunSummarySchema,
  request: z.object({ year: z.number().int(), scale: z.number(), reform: ReformInputSchema.nullable(), decileUnit: z.enum(['household', 'person']) }),
  results: ReformResultsSchema,
});
export type Run = z.infer<typeof RunSchema>;

// ---- saved scenarios ----------------------------------------------------------------------------

export const ScenarioInputSchema = z.object({
  year: z.number().int().min(MICROSIM_YEARS.from).max(MICROSIM_YEARS.to),
  scale: z.number().min(MICROSIM_SCALE.min).max(MICROSIM_SCALE.max).optional(),
  reform: ReformInputSchema,
});
export type ScenarioInput = z.input<typeof ScenarioInputSchema>;

export const ScenarioSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  year: z.number().int(),
  scale: z.number(),
  reform: ReformInputSchema,
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  /** the signed-in user may change or delete it (its author) */
  mine: z.boolean(),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
