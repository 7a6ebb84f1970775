import { z } from 'zod';

/** Plan supervision (督查督办) API shapes, shared by server and web. */

export const TaskColourSchema = z.enum(['green', 'yellow', 'red', 'done']);
export type TaskColour = z.infer<typeof TaskColourSchema>;
export const UnitRoleSchema = z.enum(['lead', 'cooperating', 'responsible']);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const PlanSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  periodType: z.enum(['month', 'quarter', 'half']),
  startDate: z.string(),
  endDate: z.string(),
  taskCount: z.number().int(),
  counts: z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int(), done: z.number().int() }),
  warnings: z.array(z.object({ line: z.number().int(), code: z.string(), message: z.string() })),
  createdAt: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

export const TaskUnitSchema = z.object({
  id: z.number().int(),
  role: UnitRoleSchema,
  name: z.string(),
  departmentId: z.number().int().nullable(),
  departmentCode: z.string().nullable(),
  /** True when the name did not resolve to a department: an administrator must map it. */
  unmapped: z.boolean(),
  ownerUserId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
});

export const TaskStatusSchema = z.object({
  colour: TaskColourSchema,
  reason: z.enum(['done', 'on_track', 'behind', 'far_behind', 'overdue', 'unstarted']),
  planned: z.number(),
  behind: z.number(),
  overdue: z.boolean(),
  daysLeft: z.number().int(),
});

export const MilestoneSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  dueDate: z.string(),
  targetValue: z.number().nullable(),
  targetUnit: z.string().nullable(),
  cumulative: z.boolean(),
  actualValue: z.number().nullable(),
  doneOn: z.string().nullable(),
  proposed: z.boolean(),
});

export const TaskSummarySchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  seq: z.number().int(),
  ref: z.string(),
  /** 重点任务: the group (e.g. 技能人才激励计划) and its parent heading. */
  group: z.string(),
  section: z.string(),
  title: z.string(),
  startDate: z.string(),
  deadline: z.string(),
  progress: z.number(),
  lastReportOn: z.string().nullable(),
  closeRequested: z.boolean(),
  closedAt: z.string().nullable(),
  status: TaskStatusSchema,
  units: z.array(TaskUnitSchema),
  /** The signed-in user's part in this task. */
  myRole: UnitRoleSchema.nullable(),
});
export type TaskSummary = z.infer<typeof TaskSummarySchema>;

export const AttachmentSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});

export const ReportSchema = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  period: z.string(),
  kind: z.enum(['unit', 'consolidated']),
  content: z.string(),
  percent: z.number().int(),
  indicators: z.array(z.object({ milestoneId: z.number().int(), value: z.number() })),
  requestClose: z.boolean(),
  status: z.enum(['submitted', 'approved', 'returned', 'incorporated']),
  submittedBy: z.string(),
  submittedAt: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  attachments: z.array(AttachmentSchema),
});
export type Report = z.infer<typeof ReportSchema>;

export const TaskDetailSchema = TaskSummarySchema.extend({
  text: z.string(),
  line: z.number().int(),
  etc: z.boolean(),
  pathTitles: z.array(z.string()),
  milestones: z.array(MilestoneSchema),
  reports: z.array(ReportSchema),
});
export type TaskDetail = z.infer<typeof TaskDetailSchema>;

export const ImportPlanSchema = z.object({
  /** The document: plain text, or base64 of the file (.txt in any encoding, .docx) with its name. */
  text: z.string().max(5_000_000).optional(),
  fileBase64: z.string().max(14_000_000).optional(),
  fileName: z.string().max(255).default('plan.txt'),
  startDate: IsoDate,
  endDate: IsoDate,
  periodType: z.enum(['month', 'quarter', 'half']).default('month'),
}).refine((v) => !!v.text !== !!v.fileBase64, { message: '请提供文本或文件之一' })
  .refine((v) => v.startDate < v.endDate, { message: '督办起始日期须早于截止日期' });

export const ImportPlanResultSchema = z.object({ plan: PlanSummarySchema, duplicate: z.boolean() });

export const TaskQuerySchema = z.object({
  colour: TaskColourSchema.optional(),
  departmentId: z.coerce.number().int().optional(),
  mine: z.enum(['1', 'true']).optional(),
  overdue: z.enum(['1', 'true']).optional(),
});

export const UpdateTaskSchema = z.object({
  startDate: IsoDate.optional(),
  deadline: IsoDate.optional(),
  owners: z.array(z.object({ unitId: z.number().int(), userId: z.number().int().nullable() })).optional(),
  unitMappings: z.array(z.object({ unitId: z.number().int(), departmentId: z.number().int() })).optional(),
});

export const MilestoneInputSchema = z.object({
  title: z.string().trim().min(1).max(200),
  dueDate: IsoDate,
  targetValue: z.number().nullable().optional(),
  targetUnit: z.string().max(20).nullable().optional(),
  cumulative: z.boolean().default(false),
});

export const SubmitReportSchema = z.object({
  period: z.string().regex(/^\d{4}-(\d{2}|Q[1-4]|H[12])$/, '报告期格式应为 2026-11、2026-Q4 或 2026-H2'),
  content: z.string().trim().min(1, '请填写工作进展').max(20_000),
  percent: z.number().int().min(0).max(100),
  indicators: z.array(z.object({ milestoneId: z.number().int(), value: z.number() })).default([]),
  requestClose: z.boolean().default(false),
});

export const ReviewReportSchema = z.object({
  decision: z.enum(['approve', 'return']),
  comment: z.string().trim().max(2000).default(''),
}).refine((v) => v.decision === 'approve' || v.comment.length > 0, { message: '退回时须填写意见' });

export const CloseTaskSchema = z.object({ comment: z.string().trim().max(2000).default('') });

export const RankingRowSchema = z.object({
  departmentId: z.number().int(),
  departmentName: z.string(),
  kind: z.string(),
  leadTasks: z.number().int(),
  cooperatingTasks: z.number().int(),
  reportsDue: z.number().int(),
  reportsOnTime: z.number().int(),
  onTimeRate: z.number(),
  avgProgress: z.number(),
  closed: z.number().int(),
  red: z.number().int(),
  yellow: z.number().int(),
  score: z.number(),
  rank: z.number().int(),
});
export type RankingRow = z.infer<typeof RankingRowSchema>;

export const NotificationSchema = z.object({
  id: z.number().int(),
  taskId: z.number().int().nullable(),
  kind: z.string(),
  message: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
