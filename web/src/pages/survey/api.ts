/** Typed calls to the survey API (shapes from src/shared/api/survey.ts; types only, no zod in the bundle). */
import { api, buildUrl, request } from '../../api/client';
import type {
  Classification, Conflict, DiaryMonth, Estimates, Household, Paradata, QualityIssue, Questionnaire, QuestionnaireKind, Reminder, ReviewLevel, ReviewUnit, Roster,
  SampleSummary, SurveySettings, SyncEntry, SyncOutcome,
} from '../../../../src/shared/api/survey';

export type {
  Classification, Conflict, DiaryMonth, Entry, EstimateCell, Estimates, Household, Item, Member, Paradata, QualityIssue, Questionnaire, QuestionnaireKind, Reminder,
  ReviewLevel, ReviewUnit, Roster, SampleSummary, SurveySettings, SyncEntry, SyncOutcome, DomainRow,
} from '../../../../src/shared/api/survey';

export interface SurveyMe {
  household: Household | null;
  level: ReviewLevel | null;
  sampleId: number | null;
}

export interface ReviewAction {
  sampleId: number;
  level: ReviewLevel;
  unitCode: string;
  month: string;
  comment?: string;
}

export const surveyApi = {
  me: () => api.get<SurveyMe>('/api/survey/me'),
  classification: (year: number) => api.get<Classification>('/api/survey/classification', { year }),
  samples: () => api.get<SampleSummary[]>('/api/survey/samples'),
  households: (q: { sampleId?: number; status?: string; q?: string } = {}) => api.get<Household[]>('/api/survey/households', q),
  roster: (id: number, year: number) => api.get<Roster>(`/api/survey/households/${id}/roster`, { year }),
  paradata: (id: number) => api.get<Paradata[]>(`/api/survey/households/${id}/paradata`),
  refuse: (id: number, reason: string) => api.post<{ refusedId: number; replacement: Household | null }>(`/api/survey/households/${id}/refuse`, { reason }),
  month: (id: number, month: string) => api.get<DiaryMonth>(`/api/survey/households/${id}/months/${month}`),
  sync: (id: number, entries: SyncEntry[]) => api.post<{ results: SyncOutcome[] }>(`/api/survey/households/${id}/entries/sync`, { entries }),
  declareMembers: (id: number, month: string, declaredMembers: number) => api.post(`/api/survey/households/${id}/months/${month}/members`, { declaredMembers }),
  submit: (id: number, month: string, comments: Record<string, string>, declaredMembers?: number) =>
    api.post<{ issues: QualityIssue[] }>(`/api/survey/households/${id}/months/${month}/submit`, { comments, ...(declaredMembers !== undefined && { declaredMembers }) }),
  questionnaire: (id: number, year: number, kind: QuestionnaireKind) => api.get<Questionnaire>(`/api/survey/households/${id}/questionnaires/${year}/${kind}`),
  saveQuestionnaire: (id: number, year: number, kind: QuestionnaireKind, data: unknown, baseVersion: number) =>
    api.put<Questionnaire>(`/api/survey/households/${id}/questionnaires/${year}/${kind}`, { data, baseVersion }),
  conflicts: (sampleId: number) => api.get<Conflict[]>('/api/survey/conflicts', { sampleId }),
  resolve: (id: number, keep: 'server' | 'client' | 'both') => api.post(`/api/survey/conflicts/${id}/resolve`, { keep }),
  reminders: (sampleId: number) => api.get<Reminder[]>('/api/survey/reminders', { sampleId }),
  review: (sampleId: number, month: string) => api.get<{ level: ReviewLevel | null; self: ReviewUnit | null; children: ReviewUnit[] }>('/api/survey/review', { sampleId, month }),
  act: (action: 'approve' | 'return' | 'reopen', body: ReviewAction) => api.post(`/api/survey/review/${action}`, body),
  estimates: (sampleId: number, period: string) => api.get<Estimates>('/api/survey/estimates', { sampleId, period }),
  exportUrl: (sampleId: number, period: string) => buildUrl('/api/survey/estimates.xlsx', { sampleId, period }),
  settings: () => api.get<SurveySettings>('/api/survey/settings'),
  saveSettings: (s: SurveySettings) => api.put<SurveySettings>('/api/survey/settings', s),
  cpi: () => api.get<{ period: string; value: number }[]>('/api/survey/cpi'),
  setCpi: (period: string, value: number) => api.put('/api/survey/cpi', { period, value }),
  population: (year: number) => api.get<{ year: number; stratum: string; persons: number; households: number }[]>('/api/survey/population', { year }),
  removeAbsence: (id: number, reason: string) => request(buildUrl(`/api/survey/absences/${id}`, { reason }), { method: 'DELETE' }),
};
