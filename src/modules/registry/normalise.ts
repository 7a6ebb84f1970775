/**
 * Field normalisers for channel rows: each returns a value or a stable problem code. Pure.
 * Repairs what clerks and systems commonly do (full-width characters, spaces, thousands
 * separators, 元/分 units, Chinese date forms); rejects what cannot be repaired.
 */
import { toSimplified } from './traditional.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(code: string): Parsed<T> => ({ ok: false, code });

/** Full-width ASCII (Ｕ+FF01–FF5E) to half-width, ideographic space to space, then trimmed. */
const WIDE = /[\u3000\uFF01-\uFF5E]/;
export function halfWidth(s: string): string {
  // Most cells have nothing full-width: one test instead of two replacements (an import's hot path).
  if (!WIDE.test(s)) return s.trim();
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ').trim();
}

const headerCache = new Map<string, string>();
/** Header text for matching: half-width, no whitespace, Chinese brackets as ASCII, lower case. */
export function normHeader(s: string): string {
  let n = headerCache.get(s);
  if (n === undefined) {
    n = halfWidth(s).replace(/\s+/g, '').replace(/[（【[]/g, '(').replace(/[）】\]]/g, ')').replace(/[：]/g, ':').toLowerCase();
    if (headerCache.size > 10_000) headerCache.clear();
    headerCache.set(s, n);
  }
  return n;
}

/**
 * A person's name: spaces removed (but the middle dot of transliterated names kept and unified),
 * traditional characters simplified. Must be 1–30 CJK characters, letters or ·.
 */
export function parseName(raw: string): Parsed<string> {
  const s = toSimplified(halfWidth(raw).replace(/\s+/g, '').replace(/[•・．.]/g, '·'));
  if (s === '') return bad('EMPTY_NAME');
  if (s.length > 30 || !/^[\u3400-\u9FFF\uF900-\uFAFFA-Za-z·]+$/.test(s)) return bad('BAD_NAME');
  return ok(s);
}

/** Surname of a Chinese name: the common two-character surnames, else the first character. */
const DOUBLE_SURNAMES = new Set(['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '宇文', '长孙', '司徒', '夏侯', '单于']);
export function splitName(name: string): { surname: string; given: string } {
  if (name.includes('·')) return { surname: name.split('·').pop()!, given: name.split('·')[0] };
  const n = DOUBLE_SURNAMES.has(name.slice(0, 2)) && name.length > 2 ? 2 : 1;
  return { surname: name.slice(0, n), given: name.slice(n) };
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 1980-01-02, 1980/1/2, 19800102, 1980年1月2日, 1980.01.02, and Excel serial day numbers. */
export function parseDate(raw: string): Parsed<string> {
  const s = halfWidth(raw).replace(/\s+/g, '');
  if (s === '') return bad('EMPTY_DATE');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:T.*|\d{1,2}:\d{2}(:\d{2})?)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isCalendarDate(y, mo, d) || y < 1880 || y > 2100) return bad('BAD_DATE');
    return ok(`${y}-${pad(mo)}-${pad(d)}`);
  }
  m = /^(\d{5})(\.\d+)?$/.exec(s);
  if (m) {
    // Excel's 1900 date system: serial 25569 = 1970-01-01.
    const date = new Date((Number(m[1]) - 25569) * 86400000);
    return ok(date.toISOString().slice(0, 10));
  }
  return bad('BAD_DATE');
}

/**
 * A period: 'YYYY-MM' (2023-05, 202305, 2023年5月, 2023/5, a date in the month) or 'YYYY'
 * (2023, 2023年). Years before 1990 or after `maxYear` are refused.
 */
export function parsePeriod(raw: string, maxYear: number): Parsed<string> {
  const s = halfWidth(raw).replace(/\s+/g, '');
  if (s === '') return bad('EMPTY_PERIOD');
  let y: number;
  let mo: number | null = null;
  let m = /^(\d{4})年?$/.exec(s);
  if (m) y = Number(m[1]);
  else if ((m = /^(\d{4})[-/.年](\d{1,2})月?(?:份)?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s))) {
    y = Number(m[1]);
    mo = Number(m[2]);
  } else {
    const d = parseDate(s);
    if (!d.ok) return bad('BAD_PERIOD');
    y = Number(d.value.slice(0, 4));
    mo = Number(d.value.slice(5, 7));
  }
  if (y < 1990 || (mo !== null && (mo < 1 || mo > 12))) return bad('BAD_PERIOD');
  if (y > maxYear) return bad('PERIOD_IN_FUTURE');
  return ok(mo === null ? String(y) : `${y}-${pad(mo)}`);
}

/** Builds a period from separate year and month cells. */
export function periodFromParts(year: string, month: string | undefined, maxYear: number): Parsed<string> {
  const y = halfWidth(year).replace(/年$/, '');
  const mo = month === undefined ? '' : halfWidth(month).replace(/月(份)?$/, '');
  return parsePeriod(mo ? `${y}-${mo}` : y, maxYear);
}

/**
 * Money to integer fen. Accepts thousands separators, a currency sign or unit word, full-width
 * digits and accounting negatives "(12.00)". In 元 at most two decimals; in 分 an integer.
 */
/** A plain amount as systems export it: digits, at most two decimals (the common case, parsed without clean-up). */
const PLAIN_AMOUNT = /^(\d{1,15})(?:\.(\d{1,2}))?$/;
const NO_OPTIONS: { allowNegative?: boolean; maxFen?: number } = {};

export function parseMoney(raw: string, unit: 'yuan' | 'fen', opts = NO_OPTIONS): Parsed<number> {
  const plain = PLAIN_AMOUNT.exec(raw);
  if (plain) {
    const frac = plain[2] ?? '';
    if (unit === 'fen' && /[1-9]/.test(frac)) return bad('FRACTIONAL_FEN');
    const fen = unit === 'yuan' ? Number(plain[1]) * 100 + (frac === '' ? 0 : Number(frac.length === 1 ? `${frac}0` : frac)) : Number(plain[1]);
    if (!Number.isSafeInteger(fen) || fen > (opts.maxFen ?? 100_000_000_000)) return bad('AMOUNT_OUT_OF_RANGE');
    return ok(fen);
  }
  let s = halfWidth(raw).replace(/[\s,，¥￥]/g, '').replace(/(人民币|元|分)$/, '');
  if (s === '' || s === '-') return bad('EMPTY_AMOUNT');
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    s = paren[1];
    negative = true;
  }
  if (s.startsWith('-')) {
    s = s.slice(1);
    negative = !negative;
  }
  if (!/^\d+(\.\d+)?$/.test(s)) return bad('BAD_AMOUNT');
  let fen: number;
  if (unit === 'yuan') {
    const [int, frac = ''] = s.split('.');
    if (frac.replace(/0+$/, '').length > 2) return bad('TOO_MANY_DECIMALS');
    fen = Number(int) * 100 + Number((frac + '00').slice(0, 2));
  } else {
    const [int, frac = ''] = s.split('.');
    if (/[1-9]/.test(frac)) return bad('FRACTIONAL_FEN');
    fen = Number(int);
  }
  if (!Number.isSafeInteger(fen) || fen > (opts.maxFen ?? 100_000_000_000)) return bad('AMOUNT_OUT_OF_RANGE');
  if (negative && fen !== 0) {
    if (!opts.allowNegative) return bad('NEGATIVE_AMOUNT');
    fen = -fen;
  }
  return ok(fen);
}

/** A plain decimal (area in m², counts). */
export function parseNumber(raw: string): Parsed<number> {
  const s = halfWidth(raw).replace(/[\s,，]/g, '').replace(/(平方米|㎡|m2|人|口)$/i, '');
  if (s === '') return bad('EMPTY_NUMBER');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return bad('BAD_NUMBER');
  return ok(Number(s));
}

/** GB/T 2261.1 sex: 1 男, 2 女 (also M/F, 男性/女性); the channel's own labels are mapped first. */
export function parseSex(raw: string, labels?: Record<string, string>): Parsed<1 | 2> {
  const s = halfWidth(raw).replace(/\s+/g, '');
  const v = labels?.[s] ?? s;
  if (/^(1|男|男性|m|male)$/i.test(v)) return ok(1);
  if (/^(2|女|女性|f|female)$/i.test(v)) return ok(2);
  return bad('BAD_SEX');
}

/** Mainland mobile (11 digits from 1) or landline (area code + number), digits and one dash kept. */
export function parsePhone(raw: string): Parsed<string> {
  const s = halfWidth(raw).replace(/[\s()（）]/g, '').replace(/^\+?86-?/, '');
  if (s === '') return bad('EMPTY_PHONE');
  if (/^1\d{10}$/.test(s) || /^0\d{2,3}-?\d{7,8}$/.test(s)) return ok(s);
  return bad('BAD_PHONE');
}

/** Region code: 6, 9 or 12 digits (a 12-digit code ending 000 000 is shortened by the caller's lookup). */
export function parseRegionCode(raw: string): Parsed<string> {
  const s = halfWidth(raw).replace(/\s+/g, '');
  if (s === '') return bad('EMPTY_REGION');
  if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(s)) return bad('BAD_REGION_CODE');
  return ok(s);
}

/** Free text (address, account, certificate number): half-width, inner whitespace collapsed. */
export function parseText(raw: string, max = 200): Parsed<string> {
  const s = halfWidth(raw).replace(/\s+/g, ' ');
  if (s === '') return bad('EMPTY_TEXT');
  if (s.length > max) return bad('TEXT_TOO_LONG');
  return ok(s);
}

/** Looks a channel label up in the mapping's table, else accepts a known code as is. */
export function parseCode<T extends string>(raw: string, known: readonly T[], labels?: Record<string, string>): Parsed<T> {
  const s = halfWidth(raw).replace(/\s+/g, '');
  if (s === '') return bad('EMPTY_CODE');
  const v = labels?.[s] ?? labels?.[normHeader(s)] ?? s;
  return (known as readonly string[]).includes(v) ? ok(v as T) : bad('UNKNOWN_CODE');
}
