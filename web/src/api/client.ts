/**
 * Typed fetch wrapper for the Zengshou API. The session lives in an httpOnly cookie, so every call
 * goes out with credentials 'same-origin'. Errors come back as `{"error":{"code","message"}}` and
 * are thrown as ApiError carrying the server's (Chinese) message.
 */
import type { ApiError as ApiErrorBody } from '../../../src/shared/api/common';
import { takeBootResponse } from './boot';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type UnauthorizedHandler = (err: ApiError) => void;
type GateHandler = (code: 'TOTP_ENROLMENT_REQUIRED' | 'PASSWORD_CHANGE_REQUIRED') => void;

let unauthorizedHandler: UnauthorizedHandler | null = null;
let gateHandler: GateHandler | null = null;
let lastActivity = Date.now();
const activityListeners = new Set<(at: number) => void>();

/** The session layer registers here: a 401 on any call (except login itself) sends the user to the login page. */
export function onUnauthorized(handler: UnauthorizedHandler | null): void {
  unauthorizedHandler = handler;
}

/** Called when the server answers 403 because two-factor enrolment or a password change must come first. */
export function onGateRequired(handler: GateHandler | null): void {
  gateHandler = handler;
}

/** Time of the last request the server answered: the server's idle timer restarts then too. */
export function lastApiActivity(): number {
  return lastActivity;
}

export function onApiActivity(listener: (at: number) => void): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  /** Do not treat a 401 as an expired session (the login call answers 401 for a wrong password). */
  allowUnauthorized?: boolean;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const url = buildUrl(path, opts.query);
  let res: Response | null = null;
  // started by boot.js while the scripts loaded (a failed early fetch is simply asked again)
  if (body === undefined && (opts.method ?? 'GET') === 'GET') res = (await takeBootResponse(url)) ?? null;
  if (opts.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
  if (!res) {
    try {
      res = await fetch(url, {
        method: opts.method ?? (body === undefined ? 'GET' : 'POST'),
        headers,
        body,
        credentials: 'same-origin',
        signal: opts.signal,
      });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
    }
  }
  if (res.status !== 401) {
    lastActivity = Date.now();
    for (const l of activityListeners) l(lastActivity);
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (res.ok) return data as T;

  const errBody = (data as Partial<ApiErrorBody> | undefined)?.error;
  const err = new ApiError(
    res.status,
    errBody?.code ?? `HTTP_${res.status}`,
    errBody?.message ?? `服务器返回错误（${res.status}）`,
  );
  if (res.status === 401 && !opts.allowUnauthorized) unauthorizedHandler?.(err);
  if (res.status === 403 && (err.code === 'TOTP_ENROLMENT_REQUIRED' || err.code === 'PASSWORD_CHANGE_REQUIRED')) {
    gateHandler?.(err.code);
  }
  throw err;
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query']) => request<T>(path, { method: 'GET', query }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
};
