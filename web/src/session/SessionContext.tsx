/**
 * Who is signed in. Loads GET /api/me once, follows 401s from any call back to the login page
 * (with the reason), and keeps the UI language in step with the user's saved locale.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, api, onGateRequired, onUnauthorized, request } from '../api/client';
import type { Locale, Me } from '../api/types';
import { useI18n } from '../i18n';

export type SessionStatus = 'loading' | 'anonymous' | 'authenticated';
export type GateStep = 'totp' | 'password' | null;

/** Why the user is on the login page: an error code from the server, or 'LOGGED_OUT'. */
export interface SessionNotice {
  code: string;
  message: string;
}

interface SessionValue {
  status: SessionStatus;
  me: Me | null;
  notice: SessionNotice | null;
  /** The step that must be completed before the shell opens (two-factor enrolment, password change). */
  gate: GateStep;
  signedIn: (me: Me) => void;
  refresh: () => Promise<Me | null>;
  logout: () => Promise<void>;
  expire: (notice: SessionNotice) => void;
  changeLocale: (l: Locale) => void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** The answer to GET /api/me read before the first render (main.tsx), so the first frame is the right one. */
export type InitialSession = { status: 'authenticated'; me: Me } | { status: 'anonymous'; notice: SessionNotice | null };

/** Asks who is signed in; undefined when the server could not be reached (the provider then tries itself). */
export async function loadInitialSession(): Promise<InitialSession | undefined> {
  try {
    return { status: 'authenticated', me: await request<Me>('/api/me', { allowUnauthorized: true }) };
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return { status: 'anonymous', notice: e.code === 'SESSION_EXPIRED' ? { code: e.code, message: e.message } : null };
    return undefined;
  }
}

export function gateOf(me: Me | null, serverSaid: GateStep): GateStep {
  if (!me) return null;
  const needs: GateStep[] = [];
  if (me.totpEnrolmentRequired) needs.push('totp');
  if (me.passwordChangeRequired) needs.push('password');
  if (serverSaid && needs.includes(serverSaid)) return serverSaid;
  return needs[0] ?? null;
}

export function SessionProvider({ children, initial }: { children: ReactNode; initial?: InitialSession }) {
  const { setLocale } = useI18n();
  const [status, setStatus] = useState<SessionStatus>(initial?.status ?? 'loading');
  const [me, setMe] = useState<Me | null>(initial?.status === 'authenticated' ? initial.me : null);
  const [notice, setNotice] = useState<SessionNotice | null>(initial?.status === 'anonymous' ? initial.notice : null);
  const known = useRef(initial !== undefined);
  const [serverGate, setServerGate] = useState<GateStep>(null);

  const signedIn = useCallback(
    (m: Me) => {
      setMe(m);
      setNotice(null);
      setStatus('authenticated');
      setLocale(m.locale);
    },
    [setLocale],
  );

  const expire = useCallback((n: SessionNotice) => {
    setMe(null);
    setNotice(n);
    setServerGate(null);
    setStatus('anonymous');
  }, []);

  const refresh = useCallback(async () => {
    try {
      const m = await request<Me>('/api/me', { allowUnauthorized: true });
      signedIn(m);
      return m;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        expire(e.code === 'SESSION_EXPIRED' ? { code: e.code, message: e.message } : { code: '', message: '' });
        return null;
      }
      throw e;
    }
  }, [signedIn, expire]);

  const logout = useCallback(async () => {
    try {
      await request('/api/auth/logout', { method: 'POST', body: {}, allowUnauthorized: true });
    } catch {
      // the session is dropped on this side whatever the server answered
    }
    expire({ code: 'LOGGED_OUT', message: '' });
  }, [expire]);

  const changeLocale = useCallback(
    (l: Locale) => {
      setLocale(l);
      if (me) {
        setMe({ ...me, locale: l });
        api.put('/api/me/locale', { locale: l }).catch(() => undefined);
      }
    },
    [me, setLocale],
  );

  useEffect(() => {
    onUnauthorized((err) => expire({ code: err.code, message: err.message }));
    onGateRequired((code) => {
      setServerGate(code === 'TOTP_ENROLMENT_REQUIRED' ? 'totp' : 'password');
      void refresh();
    });
    if (!known.current) refresh().catch(() => expire({ code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络后重试' }));
    known.current = false;
    return () => {
      onUnauthorized(null);
      onGateRequired(null);
    };
  }, [expire, refresh]);

  const value = useMemo<SessionValue>(
    () => ({ status, me, notice, gate: gateOf(me, serverGate), signedIn, refresh, logout, expire, changeLocale }),
    [status, me, notice, serverGate, signedIn, refresh, logout, expire, changeLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The signed-in user (only call below the authentication gate). */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
