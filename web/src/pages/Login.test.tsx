// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { fail, makeMe, mockApi, ok } from '../testing/mockApi';

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('login flow', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
    localStorage.clear();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('asks for the TOTP code when the server requires it, shows its errors, then opens the shell', async () => {
    const me = makeMe({ displayName: '测试审计员', roles: ['auditor'], permissions: ['audit.read'], totpEnabled: true });
    const { calls } = mockApi({
      'GET /api/me': fail(401, 'UNAUTHENTICATED', '请先登录'),
      'POST /api/auth/login': (body) => {
        const b = body as { username: string; password: string; totp?: string };
        if (b.password !== 'Correct-Horse-9') return fail(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
        if (!b.totp) return fail(401, 'TOTP_REQUIRED', '请输入动态口令');
        if (b.totp !== '123456') return fail(401, 'TOTP_INVALID', '动态口令错误，请核对手机时间后重试');
        return ok({ user: me });
      },
    });
    render(<App />);

    // Anonymous: the app lands on the login page.
    await screen.findByLabelText('用户名', {}, { timeout: 10_000 });
    expect(window.location.pathname).toBe('/login');

    type('用户名', 'test.auditor');
    type('密码', 'wrong');
    fireEvent.click(screen.getByRole('button', { name: '登 录' }));
    expect((await screen.findByRole('alert')).textContent).toContain('用户名或密码错误');

    type('密码', 'Correct-Horse-9');
    fireEvent.click(screen.getByRole('button', { name: '登 录' }));
    await screen.findByLabelText('动态口令');
    expect(calls.filter((c) => c.path === '/api/auth/login').at(-1)?.body).toEqual({ username: 'test.auditor', password: 'Correct-Horse-9' });

    type('动态口令', '654321');
    fireEvent.click(screen.getByRole('button', { name: '验证并登录' }));
    expect((await screen.findByRole('alert')).textContent).toContain('动态口令错误');
    // A wrong code keeps the user on the code step, credentials remembered.
    expect(screen.getByLabelText('动态口令')).toBeTruthy();

    type('动态口令', '123456');
    fireEvent.click(screen.getByRole('button', { name: '验证并登录' }));
    await screen.findByText('测试审计员', {}, { timeout: 10_000 });
    expect(calls.filter((c) => c.path === '/api/auth/login').at(-1)?.body).toEqual({
      username: 'test.auditor',
      password: 'Correct-Horse-9',
      totp: '123456',
    });
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect(screen.getByTestId('user-roles').textContent).toBe('安全审计员');
    expect(screen.getByTestId('user-region').textContent).toContain('辽阳市');
  });

  it('shows the lockout message from the server and stays on the login page', async () => {
    mockApi({
      'GET /api/me': fail(401, 'UNAUTHENTICATED', '请先登录'),
      'POST /api/auth/login': fail(423, 'ACCOUNT_LOCKED', '登录失败次数过多，账号已锁定 15 分钟'),
    });
    render(<App />);
    await screen.findByLabelText('用户名', {}, { timeout: 10_000 });
    type('用户名', 'someone');
    type('密码', 'x');
    fireEvent.click(screen.getByRole('button', { name: '登 录' }));
    expect((await screen.findByRole('alert')).textContent).toContain('账号已锁定 15 分钟');
    expect(window.location.pathname).toBe('/login');
  });

  it('tells the user when the session expired after inactivity', async () => {
    mockApi({ 'GET /api/me': fail(401, 'SESSION_EXPIRED', '长时间未操作，会话已过期，请重新登录') });
    render(<App />);
    expect(await screen.findByText('长时间未操作，会话已过期，请重新登录', {}, { timeout: 10_000 })).toBeTruthy();
  });
});
