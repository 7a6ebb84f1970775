// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReviewPanel } from './ReviewPanel';
import { fail, mockFetch, ok, renderPage } from './testing';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('review of a consolidated report', () => {
  it('will not return a report without a comment, then returns it with one', async () => {
    const calls = mockFetch({ 'POST /api/reports/42/review': ok() });
    const onReviewed = vi.fn();
    renderPage(<ReviewPanel reportId={42} onReviewed={onReviewed} />);
    fireEvent.click(screen.getByRole('button', { name: /退\s*回/ }));
    await screen.findByText('退回时须填写意见');
    expect(calls).toEqual([]);
    fireEvent.change(screen.getByLabelText('审核意见'), { target: { value: '请补充资金到位情况' } });
    fireEvent.click(screen.getByRole('button', { name: /退\s*回/ }));
    await waitFor(() => expect(onReviewed).toHaveBeenCalledTimes(1));
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/reports/42/review', body: { decision: 'return', comment: '请补充资金到位情况' } });
  });

  it('approves without a comment', async () => {
    const calls = mockFetch({ 'POST /api/reports/42/review': ok() });
    const onReviewed = vi.fn();
    renderPage(<ReviewPanel reportId={42} onReviewed={onReviewed} />);
    fireEvent.click(screen.getByRole('button', { name: /通\s*过/ }));
    await waitFor(() => expect(onReviewed).toHaveBeenCalled());
    expect(calls[0].body).toEqual({ decision: 'approve', comment: '' });
  });

  it('shows the server’s message when the review is refused', async () => {
    mockFetch({ 'POST /api/reports/42/review': fail(409, 'ALREADY_REVIEWED', '该报告已审核') });
    const onReviewed = vi.fn();
    renderPage(<ReviewPanel reportId={42} onReviewed={onReviewed} />);
    fireEvent.click(screen.getByRole('button', { name: /通\s*过/ }));
    await screen.findByText('该报告已审核');
    expect(onReviewed).not.toHaveBeenCalled();
  });
});
