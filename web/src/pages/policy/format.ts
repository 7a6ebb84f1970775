/** Number formats of the policy pages (pure). Amounts are 元; shares are fractions. */
import type { WinnersLosers } from './api';
import type { Lang } from './params';

/** Winners/losers categories from the largest loss to the largest gain (chart stacks and tables). */
export const WL_KEYS: (keyof WinnersLosers)[] = ['loseMore5', 'loseLess5', 'noChange', 'gainLess5', 'gainMore5'];

/** A budget-sized amount: 亿元 / 万元 in Chinese, million / thousand yuan in English. */
export function bigMoney(x: number | null, lang: Lang): string {
  if (x === null || !Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  if (lang === 'zh') return a >= 1e8 ? `${(x / 1e8).toFixed(2)} 亿元` : a >= 1e4 ? `${(x / 1e4).toFixed(1)} 万元` : `${Math.round(x)} 元`;
  return a >= 1e6 ? `${(x / 1e6).toFixed(2)} million yuan` : a >= 1e3 ? `${(x / 1e3).toFixed(1)} thousand yuan` : `${Math.round(x)} yuan`;
}

export function yuan(x: number | null, digits = 0): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function signed(x: number | null, digits = 0): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return `${x > 0 ? '+' : ''}${yuan(x, digits)}`;
}

export function pct(x: number | null, digits = 2): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return `${(x * 100).toFixed(digits)}%`;
}

/** A change in percentage points (poverty headcount 8.59% → 8.49%: −0.10 pp). */
export function points(b: number | null, a: number | null, lang: Lang): string {
  if (b === null || a === null) return '—';
  const d = (a - b) * 100;
  return `${d > 0 ? '+' : ''}${d.toFixed(2)}${lang === 'zh' ? ' 个百分点' : ' pp'}`;
}

export function ratio(x: number | null, digits = 4): string {
  return x === null || !Number.isFinite(x) ? '—' : x.toFixed(digits);
}
