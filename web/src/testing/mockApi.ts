/** Test helper: a fetch stand-in that answers API calls from a table and records them. */
import { vi } from 'vitest';
import type { Me } from '../api/types';

export type Reply = { status: number; body: unknown };
export type Handler = (body: unknown, url: URL) => Reply;

export interface ApiCall {
  method: string;
  path: string;
  body: unknown;
}

export function ok(body: unknown): Reply {
  return { status: 200, body };
}

export function fail(status: number, code: string, message: string): Reply {
  return { status, body: { error: { code, message } } };
}

/** Install a fetch mock; `routes` keys are "METHOD /path". Unknown routes answer 404. */
export function mockApi(routes: Record<string, Handler | Reply>) {
  const calls: ApiCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path: url.pathname, body });
    const route = routes[`${method} ${url.pathname}`];
    const reply = typeof route === 'function' ? route(body, url) : (route ?? fail(404, 'NOT_FOUND', '路径不存在'));
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

export function makeMe(over: Partial<Me> = {}): Me {
  return {
    id: 7,
    username: 'test.analyst',
    displayName: '测试分析员',
    department: { id: 3, code: 'TJJ', name: '市统计局' },
    roles: ['analyst'],
    permissions: ['plan.read', 'registry.read', 'registry.link', 'survey.read', 'survey.review', 'microsim.run', 'indicators.read'],
    region: { code: '211000', name: '辽阳市', level: 'prefecture' },
    totpEnabled: false,
    totpEnrolmentRequired: false,
    passwordChangeRequired: false,
    locale: 'zh-CN',
    idleTimeoutMinutes: 30,
    ...over,
  };
}
