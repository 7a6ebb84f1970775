/** Typed calls to the registry API (shapes from src/shared/api/registry.ts; types only). */
import { ApiError, api, buildUrl } from '../../api/client';
import type { ImportEvent, ImportReport, PersonListItem, PersonPage, QuarantineRow } from '../../../../src/shared/api/registry';

export type {
  Batch, BandTable, Channel, ImportEvent, ImportReport, IncomeTable, Overview, PersonListItem, PersonPage, Pia, QuarantineRow, ReviewItem,
} from '../../../../src/shared/api/registry';

export const registryApi = {
  search: (q: { idNumber?: string; name?: string }) => api.get<PersonListItem[]>('/api/registry/persons', q),
  unmask: (id: number, purpose: string) => api.post<PersonPage>(`/api/registry/persons/${id}/unmask`, { purpose }),
  unmerge: (id: number, reason: string) => api.post<{ ok: true }>(`/api/registry/persons/${id}/unmerge`, { reason }),
  decide: (linkId: number, decision: 'confirm' | 'reject') => api.post<{ ok: true }>(`/api/registry/links/${linkId}/decision`, { decision }),
  runLinkage: () => api.post<{ compared: number; autoMerged: number; review: number }>('/api/registry/linkage/run', { all: false }),
  filePia: (code: string, body: Record<string, string>) => api.post(`/api/registry/channels/${code}/pias`, body),
  saveMapping: (code: string, mapping: unknown) => api.patch(`/api/registry/channels/${code}`, { mapping }),
  unmaskedRow: (id: number, purpose: string) => api.post<QuarantineRow>(`/api/registry/quarantine/${id}/unmasked`, { purpose }),
  fixRow: (id: number, values: Record<string, string>) => api.post(`/api/registry/quarantine/${id}/fix`, { values }),
  dismiss: (ids: number[]) => api.post<{ dismissed: number }>('/api/registry/quarantine/dismiss', { ids }),
  resubmit: (batchId: number) => api.post<{ batchId: number | null; accepted: number; stillRejected: number }>(`/api/registry/batches/${batchId}/resubmit`, {}),
};

export const exportUrls = {
  tables: (q: { year: number; parent?: string; level?: string }) => buildUrl('/api/registry/tables/export.xlsx', q),
  rejects: (batchId: number, purpose: string) => buildUrl(`/api/registry/batches/${batchId}/rejects.csv`, { purpose }),
};

/**
 * Uploads a channel file and follows the import's progress, which the server streams back as one
 * JSON object per line. Resolves with the final report (or throws the server's error).
 */
export async function uploadChannelFile(
  channel: string,
  file: File,
  onEvent: (e: ImportEvent) => void,
): Promise<{ report: ImportReport; linkage: { autoMerged: number; review: number } | null }> {
  const res = await fetch(buildUrl('/api/registry/imports', { channel, name: file.name }), {
    method: 'POST',
    headers: { 'Content-Type': 'application/vnd.zengshou.upload', Accept: 'application/x-ndjson' },
    body: file,
    credentials: 'same-origin',
  });
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? `服务器返回错误（${res.status}）`);
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let result: { report: ImportReport; linkage: { autoMerged: number; review: number } | null } | null = null;
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffered += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (!line) continue;
      const e = JSON.parse(line) as ImportEvent;
      onEvent(e);
      if (e.type === 'done') result = { report: e.report, linkage: e.linkage };
      if (e.type === 'error') throw new ApiError(400, e.error.code, e.error.message);
    }
    if (done) break;
  }
  if (!result) throw new ApiError(0, 'NETWORK_ERROR', '导入结果未返回，请刷新批次列表查看');
  return result;
}
