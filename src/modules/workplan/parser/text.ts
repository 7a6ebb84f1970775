// Character-level helpers shared by the parser. Government documents mix full- and half-width
// punctuation freely, so every pattern here accepts both; output text is never rewritten.

/** Sentence-ending marks (full stop, question, exclamation), both widths. */
export const SENTENCE_END = '。！？!?';
/** Separators between list items or clauses. */
export const LIST_SEPARATORS = '、，,；;／/';

const OPEN_ROUND = '(（﹙';
const CLOSE_ROUND = ')）﹚';
const OPEN_SQUARE = '〔［[【〖';
const CLOSE_SQUARE = '〕］]】〗';

/** Which bracket family (round, or square/tortoise 〔〕【】) a character is, and whether it opens; null if none. */
export function bracketKind(ch: string): { family: 'round' | 'square'; open: boolean } | null {
  if (OPEN_ROUND.includes(ch)) return { family: 'round', open: true };
  if (CLOSE_ROUND.includes(ch)) return { family: 'round', open: false };
  if (OPEN_SQUARE.includes(ch)) return { family: 'square', open: true };
  if (CLOSE_SQUARE.includes(ch)) return { family: 'square', open: false };
  return null;
}

export const isOpenBracket = (ch: string) => bracketKind(ch)?.open === true;

/** Full-width digits to half-width; same length, so indices stay valid. */
export function halfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Canonical form for comparing names: NFKC (full-width brackets, letters and digits to half-width),
 * 〔〕/【】 to (), no whitespace. Used for matching only, never for output.
 */
export function matchKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[〔【〖［]/g, '(')
    .replace(/[〕】〗］]/g, ')')
    .replace(/[\s\u3000\u00a0]+/g, '');
}

/** Trim whitespace (incl. U+3000 and NBSP) and the given extra characters from both ends. */
export function trimChars(s: string, extra = ''): string {
  let a = 0;
  let b = s.length;
  const isTrim = (c: string) => /[\s\u3000\u00a0\ufeff]/.test(c) || extra.includes(c);
  while (a < b && isTrim(s[a])) a++;
  while (b > a && isTrim(s[b - 1])) b--;
  return s.slice(a, b);
}

/** Split text into lines on any line break; index i is line i + 1. */
export function splitLines(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\r\n|\r|\n|\u2028|\u2029/);
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Chinese numeral to integer (一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105, 万 supported). NaN if not one. */
export function cnToInt(s: string): number {
  if (!s) return NaN;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch];
    } else if (ch in CN_UNITS) {
      section += (digit < 0 ? 1 : digit) * CN_UNITS[ch];
      digit = -1;
    } else if (ch === '万') {
      total += (section + Math.max(digit, 0)) * 10000;
      section = 0;
      digit = -1;
    } else {
      return NaN;
    }
  }
  return total + section + Math.max(digit, 0);
}

/** 二〇一八 → 2018: a year written digit by digit. */
export function cnYearToInt(s: string): number {
  let out = '';
  for (const ch of s) {
    if (!(ch in CN_DIGITS)) return NaN;
    out += String(CN_DIGITS[ch]);
  }
  return Number(out);
}
