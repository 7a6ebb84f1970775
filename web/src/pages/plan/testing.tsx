/** Test helpers for this folder: providers around a component, and a fetch stand-in that also takes binary bodies. */
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { I18nProvider } from '../../i18n';
import type { TaskDetail, TaskSummary } from './api';

export function renderPage(ui: ReactElement) {
  return render(
    <I18nProvider initial="zh-CN">
      <ConfigProvider>
        <AntApp>{ui}</AntApp>
      </ConfigProvider>
    </I18nProvider>,
  );
}

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string | null;
  /** Parsed JSON for JSON bodies; for binary bodies, the bytes. */
  body: unknown;
}

type Reply = { status: number; body: unknown };
export const ok = (body: unknown = { ok: true }): Reply => ({ status: 200, body });
export const fail = (status: number, code: string, message: string): Reply => ({ status, body: { error: { code, message } } });

/** Routes are "METHOD /path"; anything else answers 404. */
export function mockFetch(routes: Record<string, Reply | ((c: Call) => Reply)>) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      const headers = new Headers(init?.headers);
      const contentType = headers.get('Content-Type');
      let body: unknown;
      if (init?.body instanceof Blob) body = new Uint8Array(await init.body.arrayBuffer());
      else if (typeof init?.body === 'string') body = contentType?.includes('json') ? JSON.parse(init.body) : init.body;
      const call: Call = { method: (init?.method ?? 'GET').toUpperCase(), path: url.pathname, query: url.searchParams, contentType, body };
      calls.push(call);
      const route = routes[`${call.method} ${call.path}`];
      const reply = typeof route === 'function' ? route(call) : (route ?? fail(404, 'NOT_FOUND', '路径不存在'));
      return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return calls;
}

type Status = TaskSummary['status'];
export const statusOf = (colour: Status['colour'], planned = 50, behind = 0): Status => ({
  colour,
  reason: colour === 'done' ? 'done' : colour === 'green' ? 'on_track' : colour === 'yellow' ? 'behind' : 'far_behind',
  planned,
  behind,
  overdue: false,
  daysLeft: 100,
});

let nextUnit = 1;
export function unit(role: 'lead' | 'cooperating' | 'responsible', name: string, departmentId: number | null, code: string | null = null) {
  return { id: nextUnit++, role, name, departmentId, departmentCode: code, unmapped: departmentId == null, ownerUserId: null, ownerName: null };
}

export function task(over: Partial<TaskSummary> & Pick<TaskSummary, 'id' | 'seq'>): TaskSummary {
  return {
    planId: 1,
    ref: `二(一)${over.seq}`,
    group: '技能人才激励计划',
    section: '激发七大重点群体活力',
    title: `措施${over.seq}`,
    startDate: '2026-01-01',
    deadline: '2026-12-31',
    progress: 0,
    lastReportOn: null,
    closeRequested: false,
    closedAt: null,
    status: statusOf('green'),
    units: [],
    myRole: null,
    ...over,
  };
}

export function detail(over: Partial<TaskDetail> & Pick<TaskDetail, 'id' | 'seq'>): TaskDetail {
  return { ...task(over), text: '原文', line: 10, etc: false, pathTitles: ['激发七大重点群体活力', '技能人才激励计划', '措施'], milestones: [], reports: [], ...over };
}
