/** Calls to the monitoring-report API (src/modules/indicators/report/report.routes.ts); types only. */
import { api, ApiError, buildUrl } from '../../../api/client';

export const REPORT_SECTIONS = ['overview', 'analysis', 'problems', 'suggestions'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export const REPORT_TABLES = ['headline', 'series', 'quintiles', 'lorenz', 'counties', 'keyGroups', 'targets', 'tasks'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

export interface ReportTemplate {
  section: ReportSection;
  title: string;
  source: string;
  defaultSource: string;
  /** 0 = the shipped default */
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface ReportTemplates {
  canEdit: boolean;
  templates: ReportTemplate[];
}

export interface ReportQuery {
  region?: string;
  year?: number;
  period?: string;
  table?: ReportTable;
}

export const reportApi = {
  templates: () => api.get<ReportTemplates>('/api/indicators/report/templates'),
  /** source null: back to the shipped default */
  save: (section: ReportSection, source: string | null) => api.put<ReportTemplate>('/api/indicators/report/templates', { section, source }),
  preview: (section: ReportSection, source: string, q: ReportQuery) => api.post<{ text: string }>('/api/indicators/report/templates/preview', { section, source, ...q }),
  docxUrl: (q: ReportQuery) => buildUrl('/api/indicators/report.docx', { ...q }),
  xlsxUrl: (q: ReportQuery) => buildUrl('/api/indicators/report.xlsx', { ...q }),
};

/** The file name from Content-Disposition (RFC 5987 filename* first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1]! : fallback;
}

/**
 * Download a generated file with progress: the server sends Content-Length, so the bytes received give the
 * fraction; before the first byte arrives the caller shows "generating". Saves through an object URL.
 */
export async function downloadWithProgress(url: string, fallbackName: string, onProgress: (received: number, total: number | null) => void, signal?: AbortSignal): Promise<string> {
  const res = await fetch(url, { credentials: 'same-origin', signal });
  if (!res.ok) {
    let code = `HTTP_${res.status}`;
    let message = `服务器返回错误（${res.status}）`;
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      // not JSON
    }
    throw new ApiError(res.status, code, message);
  }
  const total = Number(res.headers.get('Content-Length')) || null;
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress(0, total);
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      onProgress(received, total);
    }
  } else {
    const buf = new Uint8Array(await res.arrayBuffer());
    chunks.push(buf);
    received = buf.length;
    onProgress(received, total);
  }
  const name = fileNameOf(res.headers.get('Content-Disposition'), fallbackName);
  const blob = new Blob(chunks as BlobPart[], { type: res.headers.get('Content-Type') ?? 'application/octet-stream' });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}
