/**
 * UI language: zh-CN by default, en-US on request. The choice is kept in localStorage for the
 * login page and, once signed in, saved on the server (PUT /api/me/locale) by the session layer.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../api/types';
import { MESSAGES, type MessageKey } from './messages';

export type { MessageKey } from './messages';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];
const STORAGE_KEY = 'zengshou.locale';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const entry = MESSAGES[key];
  let text: string = locale === 'en-US' ? entry[1] : entry[0];
  if (vars) for (const [k, v] of Object.entries(vars)) text = text.split(`{${k}}`).join(String(v));
  return text;
}

export function storedLocale(): Locale {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

interface I18nValue {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(initial ?? storedLocale());
  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, l);
    } catch {
      // private mode: the choice lasts for this page only
    }
    document.documentElement.lang = l;
  }, []);
  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, vars) => translate(locale, key, vars) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/** Known error codes have a translation; otherwise (and always in Chinese) the server's own message is shown. */
const ERROR_KEYS: Record<string, MessageKey> = {
  INVALID_CREDENTIALS: 'error.INVALID_CREDENTIALS',
  TOTP_REQUIRED: 'error.TOTP_REQUIRED',
  TOTP_INVALID: 'error.TOTP_INVALID',
  ACCOUNT_LOCKED: 'error.ACCOUNT_LOCKED',
  ACCOUNT_DISABLED: 'error.ACCOUNT_DISABLED',
  RATE_LIMITED: 'error.RATE_LIMITED',
  SESSION_EXPIRED: 'error.SESSION_EXPIRED',
  UNAUTHENTICATED: 'error.UNAUTHENTICATED',
  FORBIDDEN: 'error.FORBIDDEN',
  NETWORK_ERROR: 'error.NETWORK_ERROR',
};

export function errorText(locale: Locale, err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (locale === 'en-US' && e?.code && ERROR_KEYS[e.code]) return translate(locale, ERROR_KEYS[e.code]);
  return e?.message || translate(locale, 'error.unknown');
}
