// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi, ok, fail } from '../../../testing/mockApi';
import { renderPage } from '../testing';
import { fileNameOf } from './api';
import { ReportPanel } from './ReportPanel';

const TEMPLATES = {
  canEdit: true,
  templates: [
    { section: 'overview', title: '一、总体情况', source: '{{periodText}}收入{{headline.all.text}}', defaultSource: '{{periodText}}收入{{headline.all.text}}', version: 0, updatedBy: null, updatedAt: null },
    { section: 'analysis', title: '二、分项分析', source: 'a', defaultSource: 'a', version: 0, updatedBy: null, updatedAt: null },
    { section: 'problems', title: '三、存在问题', source: 'p', defaultSource: 'p', version: 2, updatedBy: 'fenxi', updatedAt: '2026-11-20T08:00:00.000Z' },
    { section: 'suggestions', title: '四、下一步建议', source: 's', defaultSource: 's', version: 0, updatedBy: null, updatedAt: null },
  ],
};

beforeEach(() => {
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('monitoring report panel', () => {
  it('downloads the report for the chosen quarter and the tables for the region', async () => {
    const { calls } = mockApi({
      'GET /api/indicators/report/templates': ok(TEMPLATES),
      'GET /api/indicators/report.docx': ok('docx-bytes'),
      'GET /api/indicators/report.xlsx': ok('xlsx-bytes'),
    });
    const urls: string[] = [];
    const fetchMock = globalThis.fetch as unknown as ReturnType<typeof vi.fn>;
    renderPage(<ReportPanel region="211002" year={2025} />);
    fireEvent.click(screen.getByText('季度'));
    fireEvent.click(screen.getByTestId('report-docx'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/indicators/report.docx')).toBe(true));
    for (const c of fetchMock.mock.calls) urls.push(String(c[0]));
    expect(urls).toContain('/api/indicators/report.docx?region=211002&year=2025&period=2025-Q1');
    await waitFor(() => expect(screen.queryByTestId('report-progress')).toBeNull());
    fireEvent.click(screen.getByText('年度'));
    fireEvent.click(screen.getByTestId('report-xlsx'));
    await waitFor(() => expect(fetchMock.mock.calls.map((c) => String(c[0]))).toContain('/api/indicators/report.xlsx?region=211002&year=2025&period=2025'));
  });

  it('shows the server’s Chinese error when a download is refused', async () => {
    mockApi({
      'GET /api/indicators/report/templates': ok({ ...TEMPLATES, canEdit: false }),
      'GET /api/indicators/report.docx': fail(403, 'OUT_OF_SCOPE', '超出您的数据范围'),
    });
    renderPage(<ReportPanel region="211000" year={2025} />);
    fireEvent.click(screen.getByTestId('report-docx'));
    expect(await screen.findByText('超出您的数据范围')).toBeTruthy();
  });

  it('edits, previews, saves and resets a section template', async () => {
    const { calls } = mockApi({
      'GET /api/indicators/report/templates': ok(TEMPLATES),
      'POST /api/indicators/report/templates/preview': (b) => ok({ text: `预览：${(b as { source: string }).source.length}` }),
      'PUT /api/indicators/report/templates': (b) => {
        const body = b as { section: string; source: string | null };
        if (body.source === '{{bad') return fail(400, 'TEMPLATE_INVALID', '模板“一、总体情况”第1行有误：语法错误');
        return ok({ ...TEMPLATES.templates[0], source: body.source ?? TEMPLATES.templates[0]!.defaultSource, version: body.source === null ? 2 : 1, updatedBy: 'fenxi', updatedAt: '2026-11-27T08:00:00.000Z' });
      },
    });
    renderPage(<ReportPanel region="211000" year={2025} />);
    fireEvent.click(await screen.findByTestId('report-templates'));
    const pane = await screen.findByTestId('template-overview');
    const area = within(pane).getByRole('textbox');
    fireEvent.change(area, { target: { value: '{{bad' } });
    fireEvent.click(within(pane).getByTestId('template-save-overview'));
    expect(await within(pane).findByText('模板“一、总体情况”第1行有误：语法错误')).toBeTruthy();
    fireEvent.change(area, { target: { value: '全市{{headline.all.text}}' } });
    fireEvent.click(within(pane).getByTestId('template-preview-overview'));
    expect((await within(pane).findByTestId('preview-overview')).textContent).toBe(`预览：${'全市{{headline.all.text}}'.length}`);
    fireEvent.click(within(pane).getByTestId('template-save-overview'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT').at(-1)?.body).toEqual({ section: 'overview', source: '全市{{headline.all.text}}' }));
    expect(await within(pane).findByText(/第 1 版，fenxi/)).toBeTruthy();
    fireEvent.click(within(pane).getByTestId('template-reset-overview'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT').at(-1)?.body).toEqual({ section: 'overview', source: null }));
    await waitFor(() => expect((area as HTMLTextAreaElement).value).toBe(TEMPLATES.templates[0]!.defaultSource));
  });

  it('offers no template editor to readers', async () => {
    const { calls } = mockApi({ 'GET /api/indicators/report/templates': ok({ ...TEMPLATES, canEdit: false }) });
    renderPage(<ReportPanel region="211002" year={2025} />);
    await waitFor(() => expect(calls.some((c) => c.path === '/api/indicators/report/templates')).toBe(true));
    expect(screen.getByTestId('report-docx')).toBeTruthy();
    expect(screen.queryByTestId('report-templates')).toBeNull();
  });
});

describe('file name from Content-Disposition', () => {
  it('prefers the RFC 5987 UTF-8 name', () => {
    expect(fileNameOf(`attachment; filename="r.docx"; filename*=UTF-8''${encodeURIComponent('辽阳市监测报告.docx')}`, 'x')).toBe('辽阳市监测报告.docx');
    expect(fileNameOf('attachment; filename="r.docx"', 'x')).toBe('r.docx');
    expect(fileNameOf(null, 'x.docx')).toBe('x.docx');
  });
});
