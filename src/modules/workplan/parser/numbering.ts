import type { NumberingStyle } from './types.js';
import { cnToInt, halfWidthDigits } from './text.js';

/** A line that starts with a heading number. */
export interface HeadingMatch {
  style: NumberingStyle;
  /** Outermost is 1. A heading closes every open heading of the same or a higher rank. */
  rank: number;
  /** Numeric value (二 → 2, ⑶ → 3), for gap checks. */
  value: number;
  /** Normalised number: "二", "(一)", "1", "(1)", "①". */
  number: string;
  /** Length of the number prefix (with its punctuation and spaces) in the line. */
  prefixLength: number;
}

const RANK: Record<NumberingStyle, number> = { cn: 1, paren_cn: 2, arabic: 3, paren_arabic: 4, circled: 5 };
const CN = '一二三四五六七八九十百零〇';

const RE_CN = new RegExp(`^([${CN}]{1,4})\\s*[、.．](?![${CN}][、])\\s*`);
const RE_PAREN_CN = new RegExp(`^[(（]\\s*([${CN}]{1,4})\\s*[)）]\\s*[、.．]?\\s*`);
// "1." "1．" "1、" but not "1.5万" (a decimal) and not "2018年".
const RE_ARABIC = /^(\d{1,3})\s*[.．、](?!\d)\s*/;
const RE_PAREN_ARABIC = /^(?:[(（]\s*(\d{1,3})\s*[)）]|(\d{1,2})[)）])\s*[、.．]?\s*/;
const RE_PAREN_DIGIT_CHAR = /^([\u2474-\u2487])\s*[、.．]?\s*/; // ⑴ … ⒇
const RE_CIRCLED = /^([\u2460-\u2473])\s*[、.．]?\s*/; // ① … ⑳

/**
 * Recognises a heading number at the start of `line` (leading whitespace already removed).
 * Returns null for ordinary text.
 */
export function matchHeading(line: string): HeadingMatch | null {
  const s = halfWidthDigits(line);
  let m: RegExpExecArray | null;
  if ((m = RE_CN.exec(s))) {
    const value = cnToInt(m[1]);
    if (Number.isFinite(value) && value > 0) return make('cn', value, m[1], m[0].length);
  }
  if ((m = RE_PAREN_CN.exec(s))) {
    const value = cnToInt(m[1]);
    if (Number.isFinite(value) && value > 0) return make('paren_cn', value, `(${m[1]})`, m[0].length);
  }
  if ((m = RE_ARABIC.exec(s))) {
    const value = Number(m[1]);
    if (value > 0) return make('arabic', value, String(value), m[0].length);
  }
  if ((m = RE_PAREN_ARABIC.exec(s))) {
    const value = Number(m[1] ?? m[2]);
    if (value > 0) return make('paren_arabic', value, `(${value})`, m[0].length);
  }
  if ((m = RE_PAREN_DIGIT_CHAR.exec(s))) {
    const value = m[1].charCodeAt(0) - 0x2474 + 1;
    return make('paren_arabic', value, `(${value})`, m[0].length);
  }
  if ((m = RE_CIRCLED.exec(s))) {
    const value = m[1].charCodeAt(0) - 0x2460 + 1;
    return make('circled', value, m[1], m[0].length);
  }
  return null;
}

function make(style: NumberingStyle, value: number, number: string, prefixLength: number): HeadingMatch {
  return { style, rank: RANK[style], value, number, prefixLength };
}
