/** Typed calls to the supervision API (shapes from src/shared/api/workplan.ts; types only, no zod in the bundle). */
import type { z } from 'zod';
import type {
  ImportPlanResultSchema,
  MilestoneInputSchema,
  MilestoneSchema,
  NotificationSchema,
  TaskUnitSchema,
} from '../../../../src/shared/api/workplan';
import { ApiError, api, buildUrl, request } from '../../api/client';

export type {
  PlanSummary,
  RankingRow,
  Report,
  TaskColour,
  TaskDetail,
  TaskSummary,
} from '../../../../src/shared/api/workplan';
import type { PlanSummary, RankingRow, TaskDetail, TaskSummary } from '../../../../src/shared/api/workplan';

export type TaskUnit = z.infer<typeof TaskUnitSchema>;
export type Milestone = z.infer<typeof MilestoneSchema>;
export type PlanNotification = z.infer<typeof NotificationSchema>;
export type ImportResult = z.infer<typeof ImportPlanResultSchema>;
export type MilestoneInput = z.input<typeof MilestoneInputSchema>;
export type PeriodType = PlanSummary['periodType'];
export type UnitRole = TaskUnit['role'];

export interface ImportRequest {
  fileBase64: string;
  fileName: string;
  startDate: string;
  endDate: string;
  periodType: PeriodType;
}

export interface ReportInput {
  period: string;
  content: string;
  percent: number;
  indicators: { milestoneId: number; value: number }[];
  requestClose: boolean;
}

export interface TaskFilter {
  mine?: boolean;
  overdue?: boolean;
}

export const planApi = {
  plans: () => api.get<PlanSummary[]>('/api/plans'),
  importPlan: (body: ImportRequest) => api.post<ImportResult>('/api/plans/import', body),
  tasks: (planId: number, f: TaskFilter = {}) =>
    api.get<TaskSummary[]>(`/api/plans/${planId}/tasks`, { mine: f.mine ? 1 : undefined, overdue: f.overdue ? 1 : undefined }),
  ranking: (planId: number) => api.get<RankingRow[]>(`/api/plans/${planId}/ranking`),
  task: (id: number) => api.get<TaskDetail>(`/api/tasks/${id}`),
  addMilestone: (taskId: number, m: MilestoneInput) => api.post<{ id: number }>(`/api/tasks/${taskId}/milestones`, m),
  confirmMilestone: (id: number) => api.post(`/api/milestones/${id}/confirm`),
  deleteMilestone: (id: number) => request<unknown>(`/api/milestones/${id}`, { method: 'DELETE' }),
  submitReport: (taskId: number, r: ReportInput) => api.post<{ id: number }>(`/api/tasks/${taskId}/reports`, r),
  review: (reportId: number, decision: 'approve' | 'return', comment: string) =>
    api.post(`/api/reports/${reportId}/review`, { decision, comment }),
  close: (taskId: number, comment: string) => api.post(`/api/tasks/${taskId}/close`, { comment }),
  reopen: (taskId: number, comment: string) => api.post(`/api/tasks/${taskId}/reopen`, { comment }),
  uploadAttachment: (reportId: number, file: Blob, name: string) => uploadBinary(buildUrl(`/api/reports/${reportId}/attachments`, { name }), file),
  notifications: () => api.get<PlanNotification[]>('/api/notifications'),
  markRead: (id: number) => api.post(`/api/notifications/${id}/read`),
  markAllRead: () => api.post('/api/notifications/read-all'),
  updateTask: (id: number, body: { startDate?: string; deadline?: string; owners?: { unitId: number; userId: number | null }[]; unitMappings?: { unitId: number; departmentId: number }[] }) => api.patch(`/api/tasks/${id}`, body),
  planMilestones: (planId: number) => api.get<Record<string, Milestone[]>>(`/api/plans/${planId}/milestones`),
  scan: () => api.post<{ added: number }>('/api/notifications/scan'),
};

export const exportUrls = {
  taskTable: (planId: number) => `/api/plans/${planId}/export/task-table.xlsx`,
  bulletin: (planId: number) => `/api/plans/${planId}/export/bulletin.docx`,
  attachment: (id: number) => `/api/attachments/${id}`,
};

/** The raw file as the body (the attachment endpoint takes application/octet-stream, its name in the query). */
async function uploadBinary(url: string, file: Blob): Promise<{ id: number }> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json' },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (res.ok) return data as { id: number };
  const err = (data as { error?: { code?: string; message?: string } } | undefined)?.error;
  throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? `服务器返回错误（${res.status}）`);
}
