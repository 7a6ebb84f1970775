/**
 * Unified social credit codes (统一社会信用代码) after GB 32100-2015: 18 characters =
 * registration department (1) + organisation category (1) + region code (6) + organisation code
 * (9, GB 11714 with its own check digit) + check character (1), computed mod 31 over the 31-character
 * alphabet 0-9 A-Y without I, O, S, V, Z, with weights 3^i mod 31.
 */

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Stable error codes. */
export type CreditCodeError = 'EMPTY' | 'BAD_FORMAT' | 'BAD_CATEGORY' | 'BAD_REGION' | 'BAD_CHECK_CHARACTER';

export interface CreditCode {
  code: string;
  /** 1 机构编制, 5 民政, 9 工商 (market regulation), Y other, … */
  registrationDept: string;
  /** within 9: 1 企业, 2 个体工商户, 3 农民专业合作社 */
  orgCategory: string;
  regionCode: string;
  /** the 9-character organisation code (positions 9–17) */
  orgCode: string;
  /** whether that organisation code passes its own GB 11714 check digit */
  orgCodeValid: boolean;
}

export type CreditCodeCheck =
  | { ok: true; value: CreditCode }
  | { ok: false; error: CreditCodeError; message: string; normalised: string };

const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});
const DEPARTMENTS = '123456789ANY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function value31(ch: string): number {
  return CREDIT_CODE_ALPHABET.indexOf(ch);
}

/** Check character over the first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error(`creditCodeCheckChar: need 17 characters, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = value31(first17[i]);
    if (v < 0) throw new Error(`creditCodeCheckChar: "${first17[i]}" is not in the alphabet`);
    sum += v * WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** GB 11714 organisation-code check digit over the 8-character body (digits and A–Z). */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new Error(`orgCodeCheckChar: need 8 characters 0-9A-Z, got "${body8}"`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charCodeAt(i);
    sum += (c <= 57 ? c - 48 : c - 55) * ORG_WEIGHTS[i];
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/** Trims, removes inner spaces, converts full-width characters and lower case. */
export function normaliseCreditCode(raw: string): string {
  return raw
    .replace(/\s+/g, '')
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

const fail = (error: CreditCodeError, message: string, normalised: string): CreditCodeCheck => ({
  ok: false,
  error,
  message,
  normalised,
});

export function checkCreditCode(raw: string | null | undefined): CreditCodeCheck {
  const code = normaliseCreditCode(raw ?? '');
  if (code === '') return fail('EMPTY', 'credit code is empty', code);
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return fail('BAD_FORMAT', `not an 18-character credit code: "${code}"`, code);
  if (!DEPARTMENTS.includes(code[0]) || !/[1-9]/.test(code[1])) {
    return fail('BAD_CATEGORY', `unknown registration department/category ${code.slice(0, 2)}`, code);
  }
  if (!/^\d{6}$/.test(code.slice(2, 8)) || code.slice(2, 4) === '00') return fail('BAD_REGION', `bad region code ${code.slice(2, 8)}`, code);
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (expected !== code[17]) return fail('BAD_CHECK_CHARACTER', `check character ${code[17]} should be ${expected}`, code);
  const orgCode = code.slice(8, 17);
  const orgCodeValid = /^[0-9A-Z]{8}[0-9X]$/.test(orgCode) && orgCodeCheckChar(orgCode.slice(0, 8)) === orgCode[8];
  return {
    ok: true,
    value: { code, registrationDept: code[0], orgCategory: code[1], regionCode: code.slice(2, 8), orgCode, orgCodeValid },
  };
}

export function isValidCreditCode(raw: string | null | undefined): boolean {
  return checkCreditCode(raw).ok;
}

/**
 * Builds a valid code: department, category, 6-digit region and an 8-character organisation body
 * (0-9, A-Z without I, O, S, V, Z so that the whole code stays in the alphabet); adds both check characters.
 * The organisation check digit can be X, which the credit-code alphabet allows.
 */
export function makeCreditCode(dept: string, category: string, regionCode: string, orgBody8: string): string {
  const first17 = dept + category + regionCode + orgBody8 + orgCodeCheckChar(orgBody8);
  return first17 + creditCodeCheckChar(first17);
}
