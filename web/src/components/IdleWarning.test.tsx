// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { makeMe, mockApi, ok } from '../testing/mockApi';

describe('idle timeout warning', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('warns before the server would end the session, continues on request, and signs out when time runs out', async () => {
    // Only the clock and the 1 s ticker are fake: promises and React's own timers run normally.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    window.history.replaceState(null, '', '/');
    const { calls } = mockApi({
      'GET /api/me': ok(makeMe({ idleTimeoutMinutes: 5 })),
      'POST /api/auth/logout': ok({ ok: true }),
    });
    render(<App />);
    await screen.findByRole('menu', {}, { timeout: 10_000 });
    const meCalls = () => calls.filter((c) => c.path === '/api/me').length;
    const before = meCalls();

    // 5 min timeout, counted 1 min short (the server refreshes last-seen once a minute); warning 75 s ahead.
    act(() => void vi.advanceTimersByTime(150_000));
    expect(screen.queryByText('即将自动退出')).toBeNull();
    act(() => void vi.advanceTimersByTime(20_000));
    expect(await screen.findByText('即将自动退出')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '继续使用' }));
    await waitFor(() => expect(meCalls()).toBe(before + 1));
    // Past the first deadline (240 s): the request restarted the clock, so no sign-out yet.
    act(() => void vi.advanceTimersByTime(100_000));
    expect(calls.some((c) => c.path === '/api/auth/logout')).toBe(false);
    expect(screen.getByTestId('user-name')).toBeTruthy();

    act(() => void vi.advanceTimersByTime(141_000));
    await screen.findByLabelText('用户名', {}, { timeout: 10_000 });
    expect(calls.some((c) => c.path === '/api/auth/logout')).toBe(true);
    expect(screen.getByText('长时间未操作，会话已过期，请重新登录')).toBeTruthy();
  });
});
