// @vitest-environment happy-dom
/**
 * boot.js (web/public) asks for the dashboard before the app's scripts run: it must ask for exactly the
 * URL the page then requests, or the early answer is wasted (and a second request made).
 */
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import BOOT from '../../../public/boot.js?raw';
import { primeFromBoot, settleBoot } from '../../api/boot';
import { request } from '../../api/client';
import type { Me } from '../../api/types';
import { makeMe, mockApi, ok } from '../../testing/mockApi';
import { fixtureDashboard } from './fixtures';
import { renderPage } from './testing';

let me: Me = makeMe();
vi.mock('../../session/SessionContext', () => ({ useMe: () => me }));
const { default: IndicatorsPage } = await import('./IndicatorsPage');


type Boot = { started: number; responses: Record<string, Promise<Response | null>> };
const boot = () => (globalThis as unknown as { __zsBoot?: Boot }).__zsBoot;

/** Runs boot.js at this address; returns the URLs it asked for. */
function runBoot(url: string): string[] {
  history.replaceState(null, '', url);
  const asked: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (u: string) => (asked.push(u), new Response('{}', { status: 200 }))));
  new Function(BOOT)();
  vi.unstubAllGlobals();
  return asked;
}

/** The dashboard request the page makes first at this address. */
async function pageAsks(url: string): Promise<string> {
  delete (globalThis as { __zsBoot?: unknown }).__zsBoot; // the page must ask the server here
  const { calls, fetchMock } = mockApi({
    'GET /api/indicators/dashboard': ok(fixtureDashboard()),
    'GET /api/regions': ok([]),
    'GET /api/indicators/report/templates': ok({ canEdit: false, templates: [] }),
  });
  renderPage(<IndicatorsPage />, url);
  await screen.findByTestId('headline');
  const first = fetchMock.mock.calls.map((c) => new URL(String(c[0]), 'http://localhost')).find((u) => u.pathname === '/api/indicators/dashboard')!;
  expect(calls.length).toBeGreaterThan(0);
  return first.pathname + first.search;
}

const county = () => makeMe({ username: 'baita', roles: ['liaison'], permissions: ['indicators.read'], region: { code: '211002', name: '白塔区', level: 'county' } });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  delete (globalThis as { __zsBoot?: unknown }).__zsBoot;
});

describe('boot.js', () => {
  const cases: [string, () => Me, string][] = [
    ['the city dashboard', () => makeMe(), '/indicators'],
    ['a county chosen by a city user, with a year', () => makeMe(), '/indicators?region=211002&year=2024'],
    ['a county user (the server takes their region)', county, '/indicators'],
    ['the dashboard tab named in the address', () => makeMe(), '/indicators?tab=dashboard&year=2023'],
  ];
  for (const [name, who, url] of cases) {
    it(`asks ahead for the very request the page makes: ${name}`, async () => {
      const asked = runBoot(url);
      expect(asked[0]).toBe('/api/me');
      me = who();
      expect(asked[1]).toBe(await pageAsks(url));
    });
  }

  it('leaves quarters and other pages to the app', () => {
    expect(runBoot('/indicators?year=2025&quarter=Q3')).toEqual(['/api/me']);
    expect(runBoot('/indicators?tab=targets')).toEqual(['/api/me']);
    expect(runBoot('/plan')).toEqual(['/api/me']);
  });

  it('hands each early answer to the app once, and only while it is fresh', async () => {
    runBoot('/indicators');
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ from: 'server' }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    boot()!.responses['/api/me'] = Promise.resolve(new Response(JSON.stringify({ from: 'boot' }), { status: 200 }));
    expect(await request('/api/me')).toEqual({ from: 'boot' });
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await request('/api/me')).toEqual({ from: 'server' });
    // an answer older than 15 s is not used: the page asks the server
    boot()!.started = Date.now() - 16_000;
    expect(await request('/api/indicators/dashboard')).toEqual({ from: 'server' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('asks the server itself when the early request failed', async () => {
    runBoot('/');
    boot()!.responses['/api/me'] = Promise.resolve(null);
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ from: 'server' }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    expect(await request('/api/me')).toEqual({ from: 'server' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('the first render', () => {
  it('shows the dashboard from the early answer, without asking the server again', async () => {
    me = makeMe();
    runBoot('/indicators');
    const dashboard = fixtureDashboard();
    boot()!.responses['/api/indicators/dashboard'] = Promise.resolve(new Response(JSON.stringify(dashboard), { status: 200 }));
    delete boot()!.responses['/api/me']; // the session takes this one
    await primeFromBoot();
    const { calls } = mockApi({ 'GET /api/regions': ok([]), 'GET /api/indicators/report/templates': ok({ canEdit: false, templates: [] }) });
    renderPage(<IndicatorsPage />, '/indicators');
    // no skeleton: the cards are in the very first frame
    expect(screen.queryByTestId('dashboard-skeleton')).toBeNull();
    expect(screen.getByTestId('headline-value-income.pc.urban').textContent).toBe(dashboard.headline.find((h) => h.code === 'income.pc.urban')!.value!.toLocaleString('en-US'));
    await screen.findByTestId('panel-targets');
    expect(calls.filter((c) => c.path === '/api/indicators/dashboard')).toHaveLength(0);
  });

  it('drops an early answer that is not a 200 (the page asks the server)', async () => {
    me = makeMe();
    runBoot('/indicators');
    boot()!.responses['/api/indicators/dashboard'] = Promise.resolve(new Response(JSON.stringify({ error: { code: 'FORBIDDEN', message: '无权限' } }), { status: 403 }));
    await primeFromBoot();
    expect(await pageAsks('/indicators')).toBe('/api/indicators/dashboard');
  });
});

describe('signed out when the page opened', () => {
  it('drops the early answers, so that after signing in the page asks the server (no stale refusal)', async () => {
    runBoot('/indicators');
    const refused = () => Promise.resolve(new Response(JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } }), { status: 401 }));
    boot()!.responses['/api/indicators/dashboard'] = refused();
    delete boot()!.responses['/api/me'];
    await settleBoot(false);
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ from: 'server' }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    expect(await request('/api/indicators/dashboard')).toEqual({ from: 'server' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('signed in, reads them for the first render instead', async () => {
    runBoot('/indicators');
    boot()!.responses['/api/indicators/dashboard'] = Promise.resolve(new Response(JSON.stringify({ from: 'boot' }), { status: 200 }));
    delete boot()!.responses['/api/me'];
    await settleBoot(true);
    expect(Object.keys(boot()!.responses)).toEqual([]);
    const { takePrimed } = await import('../../api/boot');
    expect(takePrimed('/api/indicators/dashboard')).toEqual({ from: 'boot' });
    expect(takePrimed('/api/indicators/dashboard')).toBeUndefined(); // once
  });
});
