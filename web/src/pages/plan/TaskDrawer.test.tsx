// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Report } from './api';
import { TaskDrawer } from './TaskDrawer';
import { detail, mockFetch, ok, renderPage, unit } from './testing';

const report = (over: Partial<Report>): Report => ({
  id: 1, taskId: 11, unitId: 1, unitName: '市人力资源社会保障局', period: '2026-11', kind: 'consolidated', content: '已完成征求意见', percent: 100,
  indicators: [], requestClose: true, status: 'submitted', submittedBy: 'e2e.hrss', submittedAt: '2026-11-20T08:00:00Z',
  reviewedBy: null, reviewedAt: null, reviewComment: null, attachments: [{ id: 9, fileName: '通知.pdf', mime: 'application/pdf', size: 2048, uploadedAt: '2026-11-20T08:00:00Z' }], ...over,
});

const units = [unit('lead', '市人力资源社会保障局', 1)];

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function open(task: ReturnType<typeof detail>, roles: { canSupervise: boolean; canReport: boolean }) {
  mockFetch({ 'GET /api/tasks/11': ok(task) });
  renderPage(<TaskDrawer taskId={11} periodType="month" {...roles} onClose={() => undefined} onChanged={() => undefined} />);
}

describe('task drawer', () => {
  it('opens a supervisor on the pending report, with review buttons and the attachment link', async () => {
    open(detail({ id: 11, seq: 1, units, reports: [report({})] }), { canSupervise: true, canReport: false });
    await screen.findByText('已完成征求意见');
    expect(screen.getByTestId('review-1')).toBeTruthy();
    expect(screen.getByText('待审核')).toBeTruthy();
    expect(screen.getByText('申请办结')).toBeTruthy();
    expect(screen.getByText('通知.pdf').closest('a')?.getAttribute('href')).toBe('/api/attachments/9');
    expect(screen.queryByRole('tab', { name: '报送进展' })).toBeNull();
  });

  it('offers 办结销号 once the lead unit asked to close at 100%, and 重新打开 for a closed task', async () => {
    open(detail({ id: 11, seq: 1, units, progress: 100, closeRequested: true, reports: [report({ status: 'approved', reviewedBy: 'sup', reviewedAt: '2026-11-21T08:00:00Z' })] }), { canSupervise: true, canReport: false });
    expect(await screen.findByRole('button', { name: /办结销号/ })).toBeTruthy();
    cleanup();
    vi.unstubAllGlobals();
    open(detail({ id: 11, seq: 1, units, progress: 100, closedAt: '2026-11-22T08:00:00Z', status: { colour: 'done', reason: 'done', planned: 60, behind: -40, overdue: false, daysLeft: 100 } }), { canSupervise: true, canReport: false });
    expect(await screen.findByRole('button', { name: /重新打开/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /办结销号/ })).toBeNull();
  });

  it('shows a liaison of the lead unit the report tab and no review or close-out', async () => {
    open(detail({ id: 11, seq: 1, units, myRole: 'lead', reports: [report({})] }), { canSupervise: false, canReport: true });
    await screen.findByRole('tab', { name: '报送进展' });
    expect(screen.queryByTestId('review-1')).toBeNull();
    expect(screen.queryByRole('button', { name: /办结销号/ })).toBeNull();
  });
});
