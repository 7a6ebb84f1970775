/** Typed calls to the indicators API (shapes from src/shared/api/indicators.ts; types only, no zod in the bundle). */
import { api, buildUrl } from '../../api/client';
import type { Dashboard, IndicatorDefinition, ManualEntry, ManualEntryInput, RosterImport, RosterResult, Target } from '../../../../src/shared/api/indicators';

export type {
  CountyRow, Dashboard, IndicatorDefinition, IndicatorValue, KeyGroupRow, ManualEntry, ManualEntryInput, RosterResult, RosterSummary, Target, TargetStatus,
} from '../../../../src/shared/api/indicators';

export const indicatorsApi = {
  dashboard: (q: { region?: string; year?: number }) => api.get<Dashboard>('/api/indicators/dashboard', q),
  definitions: () => api.get<IndicatorDefinition[]>('/api/indicators/definitions'),
  entries: (q: { status?: string; indicator?: string } = {}) => api.get<ManualEntry[]>('/api/indicators/entries', q),
  enter: (e: ManualEntryInput) => api.post<ManualEntry>('/api/indicators/entries', e),
  approve: (id: number) => api.post<ManualEntry>(`/api/indicators/entries/${id}/approve`, {}),
  return: (id: number, comment: string) => api.post<ManualEntry>(`/api/indicators/entries/${id}/return`, { comment }),
  targets: (q: { region?: string } = {}) => api.get<Target[]>('/api/indicators/targets', q),
  roster: (group: string, body: RosterImport) => api.post<RosterResult>(`/api/indicators/key-groups/${group}/roster`, body),
  reportXlsxUrl: (region: string, year: number, table?: string) => buildUrl('/api/indicators/report.xlsx', { region, year, table }),
};
