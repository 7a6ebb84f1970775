// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReportForm } from './ReportForm';
import { detail, mockFetch, ok, renderPage, unit } from './testing';

const MILESTONE = {
  id: 7, title: '2018年再建成10个千亩以上土地股份合作社', dueDate: '2018-12-31', targetValue: 10, targetUnit: '个',
  cumulative: false, actualValue: null, doneOn: null, proposed: true,
};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

const leadTask = detail({ id: 11, seq: 12, myRole: 'lead', units: [unit('lead', '市农委', 5)], milestones: [MILESTONE] });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const setPercent = (v: string) => {
  const box = screen.getByRole('spinbutton', { name: '完成进度（%）' });
  fireEvent.change(box, { target: { value: v } });
  fireEvent.blur(box);
};

describe('progress report form', () => {
  it('submits the report for the current period, then uploads the attachment as raw bytes', async () => {
    const calls = mockFetch({
      'POST /api/tasks/11/reports': ok({ id: 99 }),
      'POST /api/reports/99/attachments': ok({ id: 1 }),
    });
    const onSubmitted = vi.fn();
    renderPage(<ReportForm task={leadTask} periodType="month" today="2026-11-27" onSubmitted={onSubmitted} />);
    expect(screen.getByText('您的单位是牵头单位：本报告为汇总报告，报督查室审核。')).toBeTruthy();
    expect(screen.getByText('2026-11')).toBeTruthy();
    // 申请办结 appears only at 100%
    expect(screen.queryByText('申请办结销号（任务已全部完成）')).toBeNull();
    fireEvent.change(screen.getByLabelText('工作进展'), { target: { value: '  新建土地股份合作社 8 个（测试数据）  ' } });
    setPercent('100');
    fireEvent.click(await screen.findByText('申请办结销号（任务已全部完成）'));
    fireEvent.change(screen.getByLabelText(MILESTONE.title), { target: { value: '8' } });
    fireEvent.change(document.querySelector<HTMLInputElement>('input[type=file]')!, { target: { files: [new File([PNG], '座谈会照片.png', { type: 'image/png' })] } });
    await screen.findByText('座谈会照片.png');
    fireEvent.click(screen.getByRole('button', { name: /提交报告/ }));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalled());

    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/tasks/11/reports', 'POST /api/reports/99/attachments']);
    expect(calls[0].body).toEqual({
      period: '2026-11',
      content: '新建土地股份合作社 8 个（测试数据）',
      percent: 100,
      indicators: [{ milestoneId: 7, value: 8 }],
      requestClose: true,
    });
    expect(calls[1].query.get('name')).toBe('座谈会照片.png');
    expect(calls[1].contentType).toBe('application/octet-stream');
    expect(calls[1].body).toEqual(PNG);
  });

  it('requires the work done, and sends nothing without it', async () => {
    const calls = mockFetch({});
    renderPage(<ReportForm task={leadTask} periodType="quarter" today="2026-11-27" onSubmitted={() => undefined} />);
    expect(screen.getByText('2026-Q4')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /提交报告/ }));
    await screen.findByText('请填写工作进展');
    expect(calls).toEqual([]);
  });

  it('tells a cooperating unit its report goes to the lead unit, and offers no close request', async () => {
    const calls = mockFetch({ 'POST /api/tasks/11/reports': ok({ id: 100 }) });
    const coop = detail({ id: 11, seq: 12, myRole: 'cooperating', units: [unit('lead', '市农委', 5), unit('cooperating', '市财政局', 2)] });
    renderPage(<ReportForm task={coop} periodType="month" today="2026-11-27" onSubmitted={() => undefined} />);
    expect(screen.getByText('您的单位是配合单位：报告报送牵头单位，由牵头单位汇总后报督查室。')).toBeTruthy();
    setPercent('100');
    fireEvent.change(screen.getByLabelText('工作进展'), { target: { value: '配合完成资金测算' } });
    expect(screen.queryByText('申请办结销号（任务已全部完成）')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /提交报告/ }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0].body).toMatchObject({ percent: 100, requestClose: false, indicators: [] });
  });

  it('shows no form for a closed task', () => {
    renderPage(<ReportForm task={{ ...leadTask, closedAt: '2026-11-01T00:00:00Z' }} periodType="month" onSubmitted={() => undefined} />);
    expect(screen.getByText('任务已办结销号，不能再报送进展')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /提交报告/ })).toBeNull();
  });
});
