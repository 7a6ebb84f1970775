// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TaskSettings } from './TaskSettings';
import { detail, mockFetch, ok, renderPage, unit } from './testing';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('task settings', () => {
  it('saves dates, the owners chosen and a department for an unknown unit name', async () => {
    const lead = unit('lead', '市人力资源社会保障局', 1, 'hrss');
    const unknown = unit('cooperating', '市大数据局', null);
    let saved: unknown;
    const calls = mockFetch({
      'GET /api/departments': ok([{ id: 7, code: 'finance', name: '市财政局', kind: 'department', regionCode: '211000', aliases: [] }]),
      'GET /api/departments/1/members': ok([{ id: 42, username: 'li.hrss', displayName: '李联络' }]),
      'PATCH /api/tasks/11': (c) => {
        saved = c.body;
        return ok();
      },
    });
    const onChanged = vi.fn();
    renderPage(<TaskSettings task={{ ...detail({ id: 11, seq: 1, units: [lead, unknown] }), startDate: '2026-01-01', deadline: '2026-12-31' }} onChanged={onChanged} />);
    expect(await screen.findByText('市大数据局 → 对应单位')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /保存设置/ }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(saved).toEqual({ startDate: '2026-01-01', deadline: '2026-12-31', owners: [{ unitId: lead.id, userId: null }], unitMappings: [] });
    expect(calls.some((c) => c.path === '/api/departments/1/members')).toBe(true);
  });
});
