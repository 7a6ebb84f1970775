// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import type { Me } from '../api/types';
import { fail, makeMe, mockApi, ok } from '../testing/mockApi';

async function renderShellAs(me: Me, path = '/') {
  window.history.replaceState(null, '', path);
  const api = mockApi({ 'GET /api/me': ok(me), 'PUT /api/me/locale': ok({ ok: true }), 'POST /api/auth/logout': ok({ ok: true }) });
  render(<App />);
  const nav = await screen.findByRole('menu', {}, { timeout: 10_000 });
  return { ...api, nav };
}

describe('application shell', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lists only the entries the user has a permission for', async () => {
    const { nav } = await renderShellAs(
      makeMe({ roles: ['enumerator'], permissions: ['survey.read', 'survey.collect'], displayName: '测试调查员' }),
    );
    const labels = within(nav).getAllByRole('menuitem').map((el) => el.textContent);
    expect(labels).toEqual(['首页', '住户收支调查']);
    expect(screen.queryByText('系统管理')).toBeNull();
  });

  it('shows an analyst five capability entries but no administration', async () => {
    const { nav } = await renderShellAs(makeMe());
    const labels = within(nav).getAllByRole('menuitem').map((el) => el.textContent);
    expect(labels).toEqual(['首页', '方案督办', '收入与财产信息', '住户收支调查', '政策评估', '指标与目标']);
  });

  it('refuses a deep link to a page the user may not see', async () => {
    await renderShellAs(makeMe({ roles: ['liaison'], permissions: ['plan.read', 'plan.report', 'indicators.read', 'indicators.enter'] }), '/admin/users');
    expect(await screen.findByText('无权访问', {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('hands deeper paths to the page (nested routes) and shows 404 for unknown ones', async () => {
    await renderShellAs(makeMe({ roles: ['liaison'], permissions: ['plan.read', 'indicators.read'] }), '/indicators/targets/3');
    expect(await screen.findByTestId('indicators-page', {}, { timeout: 10_000 })).toBeTruthy();
    cleanup();
    await renderShellAs(makeMe(), '/no-such-page');
    expect(await screen.findByText('页面不存在', {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('switches to English, saves the choice on the server, and back', async () => {
    const { calls } = await renderShellAs(makeMe({ roles: ['auditor'], permissions: ['audit.read'] }));
    expect(screen.getByText('系统管理')).toBeTruthy();
    fireEvent.click(screen.getByText('English'));
    await screen.findByText('Administration');
    expect(screen.getByTestId('user-roles').textContent).toBe('Auditor');
    expect(calls.find((c) => c.method === 'PUT')).toEqual({ method: 'PUT', path: '/api/me/locale', body: { locale: 'en-US' } });
    fireEvent.click(screen.getByText('中文'));
    await screen.findByText('系统管理');
  });

  it('returns to the login page when any call answers 401', async () => {
    window.history.replaceState(null, '', '/admin/directory');
    mockApi({
      'GET /api/me': ok(makeMe({ roles: ['sysadmin'], permissions: ['system.config', 'registry.import'] })),
      'GET /api/regions': fail(401, 'SESSION_EXPIRED', '长时间未操作，会话已过期，请重新登录'),
      'GET /api/departments': ok([]),
    });
    render(<App />);
    // The page chunk, then the login chunk load first (slow on a cold transform cache).
    await screen.findByLabelText('用户名', {}, { timeout: 10_000 });
    await waitFor(() => expect(window.location.pathname).toBe('/login'));
    expect(screen.getByText('长时间未操作，会话已过期，请重新登录')).toBeTruthy();
  });
});
