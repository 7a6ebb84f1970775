// Character-level helpers shared by the parser. Government documents mix full- and half-width
// punctuation freely, so every pattern here accepts both; output text is never rewritten.

const OPEN_ROUND = '(（﹙';
const CLOSE_ROUND = ')）﹚';
const OPEN_SQUARE = '〔［[【〖';
const CLOSE_SQUARE = '〕］]】〗';

export interface BracketKind {
  family: 'round' | 'square';
  open: boolean;
}

/** Bracket class by UTF-16 code unit: 0 none, 1 opens round, 2 closes round, 3 opens square, 4 closes square. */
export const BRACKET = new Uint8Array(0x10000);
for (const [chars, cls] of [
  [OPEN_ROUND, 1],
  [CLOSE_ROUND, 2],
  [OPEN_SQUARE, 3],
  [CLOSE_SQUARE, 4],
] as const) {
  for (const ch of chars) BRACKET[ch.charCodeAt(0)] = cls;
}
const KINDS: (BracketKind | null)[] = [
  null,
  { family: 'round', open: true },
  { family: 'round', open: false },
  { family: 'square', open: true },
  { family: 'square', open: false },
];

/** Which bracket family (round, or square/tortoise 〔〕【】) a character is, and whether it opens; null if none. */
export function bracketKind(ch: string): BracketKind | null {
  return KINDS[BRACKET[ch.charCodeAt(0)]];
}

/** Full-width digits to half-width; same length, so indices stay valid. */
export function halfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Trim whitespace (incl. U+3000 and NBSP) and the given extra characters from both ends. */
export function trimChars(s: string, extra = ''): string {
  let a = 0;
  let b = s.length;
  while (a < b && isTrimmable(s, a, extra)) a++;
  while (b > a && isTrimmable(s, b - 1, extra)) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

function isTrimmable(s: string, i: number, extra: string): boolean {
  const c = s.charCodeAt(i);
  if (c <= 0x20 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029) return true;
  return extra.length > 0 && extra.includes(s[i]);
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
