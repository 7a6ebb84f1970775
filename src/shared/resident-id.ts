/**
 * Resident identity numbers (公民身份号码) after GB 11643-1999: 6-digit address (region) code,
 * 8-digit birth date, 3-digit sequence (odd = male, even = female), ISO 7064 MOD 11-2 check character.
 * 15-digit numbers issued before 1999 (2-digit year, no check character) are upgraded by inserting
 * "19" and appending the check character.
 *
 * API: normaliseResidentId (cleanup only), checkResidentId (full validation with a stable error code),
 * isValidResidentId, upgradeLegacyId, residentIdCheckChar, makeResidentId, maskResidentId.
 */

/** Stable error codes; other modules store and compare these. */
export type ResidentIdError =
  | 'EMPTY'
  | 'BAD_FORMAT' // not 15 or 18 characters of digits (+ final X)
  | 'LEGACY_NOT_ALLOWED' // 15 digits and the caller set acceptLegacy: false
  | 'BAD_REGION' // first two digits are not a province-level code
  | 'BAD_BIRTH_DATE' // not a calendar date, before 1800, or after asOf
  | 'BAD_SEQUENCE' // sequence code 000
  | 'BAD_CHECK_CHARACTER';

/** What normalisation had to repair (useful as data-quality counts). */
export type ResidentIdFix = 'SPACES' | 'FULL_WIDTH' | 'LOWER_X' | 'LEGACY_15' | 'QUOTE';

/** GB/T 2261.1 sex code: 1 male, 2 female. */
export type SexCode = 1 | 2;

export interface ResidentId {
  /** Canonical 18-character form. */
  id: string;
  regionCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: SexCode;
  sequence: string;
}

export type ResidentIdCheck =
  | { ok: true; value: ResidentId; fixes: ResidentIdFix[] }
  | { ok: false; error: ResidentIdError; message: string; normalised: string };

export interface CheckOptions {
  /** Accept and upgrade 15-digit legacy numbers (default true). */
  acceptLegacy?: boolean;
  /** Latest acceptable birth date, YYYY-MM-DD (default: today, UTC). */
  asOf?: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
// Province-level codes of GB/T 2260 plus 81/82 (Hong Kong, Macao) and 83 (Taiwan residence permits).
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** ISO 7064 MOD 11-2 check character over the first 17 digits (weights 2^(17-i) mod 11). */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`residentIdCheckChar: need 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * Repairs what systems and typists commonly do to an ID number, without judging validity:
 * whitespace anywhere (incl. U+3000), full-width digits and X, lower-case x, a leading apostrophe
 * (Excel's text marker). Does not upgrade 15-digit numbers.
 */
export function normaliseResidentId(raw: string): { value: string; fixes: ResidentIdFix[] } {
  const fixes: ResidentIdFix[] = [];
  let s = raw;
  if (/\s/.test(s)) {
    s = s.replace(/\s+/g, '');
    fixes.push('SPACES');
  }
  if (s.startsWith("'")) {
    s = s.slice(1);
    fixes.push('QUOTE');
  }
  if (/[\uFF10-\uFF19\uFF38\uFF58]/.test(s)) {
    s = s.replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    fixes.push('FULL_WIDTH');
  }
  if (s.includes('x')) {
    s = s.replace(/x/g, 'X');
    fixes.push('LOWER_X');
  }
  return { value: s, fixes };
}

/** 15-digit legacy number → 18 digits (19 inserted before the 2-digit year, check character appended). */
export function upgradeLegacyId(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new Error(`upgradeLegacyId: need 15 digits, got "${id15}"`);
  const first17 = id15.slice(0, 6) + '19' + id15.slice(6);
  return first17 + residentIdCheckChar(first17);
}

/** Builds a valid 18-character number; the caller makes the sequence's parity match the sex. */
export function makeResidentId(regionCode: string, birthYyyymmdd: string | number, sequence: number): string {
  const first17 = `${regionCode}${birthYyyymmdd}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

const fail = (error: ResidentIdError, message: string, normalised: string): ResidentIdCheck => ({
  ok: false,
  error,
  message,
  normalised,
});

/** Normalises, upgrades legacy numbers (unless refused) and validates every part of the number. */
export function checkResidentId(raw: string | null | undefined, options: CheckOptions = {}): ResidentIdCheck {
  const { value, fixes } = normaliseResidentId(raw ?? '');
  if (value === '') return fail('EMPTY', 'ID number is empty', value);
  let id = value;
  if (/^\d{15}$/.test(id)) {
    if (options.acceptLegacy === false) return fail('LEGACY_NOT_ALLOWED', '15-digit legacy ID number not accepted', value);
    id = upgradeLegacyId(id);
    fixes.push('LEGACY_15');
  }
  if (!/^\d{17}[\dX]$/.test(id)) return fail('BAD_FORMAT', `not an 18-digit ID number: "${value}"`, value);
  if (!PROVINCES.has(id.slice(0, 2))) return fail('BAD_REGION', `unknown province code ${id.slice(0, 2)}`, id);
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (y < 1800 || !isCalendarDate(y, m, d) || birthDate > (options.asOf ?? todayUtc())) {
    return fail('BAD_BIRTH_DATE', `invalid birth date ${birthDate}`, id);
  }
  const sequence = id.slice(14, 17);
  if (sequence === '000') return fail('BAD_SEQUENCE', 'sequence code 000 is never issued', id);
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) {
    return fail('BAD_CHECK_CHARACTER', `check character ${id[17]} should be ${residentIdCheckChar(id.slice(0, 17))}`, id);
  }
  const sex: SexCode = Number(id[16]) % 2 === 1 ? 1 : 2;
  return { ok: true, value: { id, regionCode: id.slice(0, 6), birthDate, sex, sequence }, fixes };
}

export function isValidResidentId(raw: string | null | undefined, options: CheckOptions = {}): boolean {
  return checkResidentId(raw, options).ok;
}

/** Masks for display: first 4 and last 4 characters kept (2110**********123X). */
export function maskResidentId(id: string): string {
  const s = normaliseResidentId(id).value;
  if (s.length <= 8) return '*'.repeat(s.length);
  return s.slice(0, 4) + '*'.repeat(s.length - 8) + s.slice(-4);
}
