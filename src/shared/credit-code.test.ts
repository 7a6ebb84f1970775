import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  checkCreditCode,
  creditCodeCheckChar,
  isValidCreditCode,
  makeCreditCode,
  normaliseCreditCode,
  orgCodeCheckChar,
} from './credit-code.js';

describe('credit code check character (GB 32100-2015)', () => {
  it('uses a 31-character alphabet without I, O, S, V, Z', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    for (const c of 'IOSVZ') expect(CREDIT_CODE_ALPHABET).not.toContain(c);
  });
  it('gives 3 for the standard\'s example 91350100M000100Y43', () => {
    // weights 3^i mod 31: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
    // 9·1+1·3+3·9+5·27+0+1·26+0+0+M(21)·20+0+0+0+1·8+0+0+Y(30)·30+4·28 = 1640; 1640 mod 31 = 28; 31−28 = 3
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
  });
  it('validates a published company code (Huawei Technologies, 914403001922038216)', () => {
    const r = checkCreditCode('914403001922038216');
    expect(r).toEqual({
      ok: true,
      value: {
        code: '914403001922038216',
        registrationDept: '9',
        orgCategory: '1',
        regionCode: '440300',
        orgCode: '192203821',
        orgCodeValid: true,
      },
    });
  });
  it('rejects a changed check character, bad characters and bad parts with stable codes', () => {
    expect(checkCreditCode('91350100M000100Y44')).toMatchObject({ ok: false, error: 'BAD_CHECK_CHARACTER' });
    expect(checkCreditCode('91350100M000100Y4I')).toMatchObject({ ok: false, error: 'BAD_FORMAT' });
    expect(checkCreditCode('9135010')).toMatchObject({ ok: false, error: 'BAD_FORMAT' });
    expect(checkCreditCode('B1350100M000100Y43')).toMatchObject({ ok: false, error: 'BAD_CATEGORY' });
    expect(checkCreditCode('')).toMatchObject({ ok: false, error: 'EMPTY' });
    expect(checkCreditCode(null)).toMatchObject({ ok: false, error: 'EMPTY' });
  });
  it('normalises case, spaces and full-width characters', () => {
    expect(normaliseCreditCode(' ９１３５0100m000100y43 ')).toBe('91350100M000100Y43');
    expect(isValidCreditCode('9144030071526726xg')).toBe(true);
  });
});

describe('organisation code (GB 11714)', () => {
  it('matches a hand computation: 19220382 → 1', () => {
    // 1·3+9·7+2·9+2·10+0·5+3·8+8·4+2·2 = 164; 164 mod 11 = 10; 11−10 = 1
    expect(orgCodeCheckChar('19220382')).toBe('1');
  });
  it('gives X when 11 − (Σ mod 11) = 10 (71526726X)', () => {
    expect(orgCodeCheckChar('71526726')).toBe('X');
  });
});

describe('makeCreditCode', () => {
  it('builds codes that validate, with both check characters', () => {
    const code = makeCreditCode('9', '1', '211002', 'MA0K3P7A');
    expect(code).toHaveLength(18);
    const r = checkCreditCode(code);
    expect(r.ok && r.value.orgCodeValid).toBe(true);
    expect(r.ok && r.value.regionCode).toBe('211002');
  });
});
