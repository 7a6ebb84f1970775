// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Milestone } from './api';
import { Milestones } from './Milestones';
import { mockFetch, ok, renderPage } from './testing';

const ms = (id: number, title: string, proposed: boolean): Milestone => ({
  id, title, dueDate: '2022-12-31', targetValue: 80, targetUnit: '家', cumulative: true, actualValue: null, doneOn: null, proposed,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('milestones', () => {
  it('lets a supervisor confirm a proposed milestone', async () => {
    const calls = mockFetch({ 'POST /api/milestones/7/confirm': ok() });
    const onChanged = vi.fn();
    renderPage(<Milestones taskId={11} milestones={[ms(7, '到2022年全市土地股份合作社总数达到80家', true), ms(8, '年底前出台办法', false)]} canSupervise onChanged={onChanged} />);
    expect(screen.getAllByText('待确认')).toHaveLength(1);
    expect(screen.getAllByText('80家（累计）')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: /确\s*认/ }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/milestones/7/confirm']);
  });

  it('shows a liaison the milestones without supervisor buttons', () => {
    mockFetch({});
    renderPage(<Milestones taskId={11} milestones={[ms(7, '到2022年全市土地股份合作社总数达到80家', true)]} canSupervise={false} onChanged={() => undefined} />);
    expect(screen.getByText('待确认')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /确\s*认/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /新增节点/ })).toBeNull();
  });
});
