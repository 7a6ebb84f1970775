import { describe, expect, it } from 'vitest';
import {
  checkResidentId,
  isValidResidentId,
  makeResidentId,
  maskResidentId,
  normaliseResidentId,
  residentIdCheckChar,
  upgradeLegacyId,
} from './resident-id.js';

const asOf = '2025-01-01';

describe('residentIdCheckChar (ISO 7064 MOD 11-2)', () => {
  it('gives X for the example in GB 11643-1999, 11010519491231002X', () => {
    // Σ digit·weight = 167, 167 mod 11 = 2 → "X"
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });
  it('gives 4 for the standard\'s other example, 440524188001010014', () => {
    // Σ = 195, 195 mod 11 = 8 → "4"
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
  });
  it('matches a hand computation for a Liaoyang number', () => {
    // 2·7+1·9+1·10+0+0+2·4+1·2+9·1+8·6+0+0+1·9+0+1·5+0+0+1·2 = 116, 116 mod 11 = 6 → "6"
    expect(residentIdCheckChar('21100219800101001')).toBe('6');
  });
  it('refuses anything but 17 digits', () => {
    expect(() => residentIdCheckChar('2110021980010100')).toThrow();
  });
});

describe('checkResidentId', () => {
  it('accepts the published example and parses birth date and sex', () => {
    const r = checkResidentId('11010519491231002X', { asOf });
    expect(r).toEqual({
      ok: true,
      value: { id: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: 2, sequence: '002' },
      fixes: [],
    });
  });
  it('reads sex from the parity of the 17th digit', () => {
    const r = checkResidentId('211002198001010016', { asOf });
    expect(r.ok && r.value.sex).toBe(1);
  });
  it('normalises lower-case x, full-width digits, spaces and a leading apostrophe, reporting each fix', () => {
    const r = checkResidentId(' １１０１０５1949 1231002x ', { asOf });
    expect(r.ok && r.value.id).toBe('11010519491231002X');
    expect(r.ok && r.fixes.sort()).toEqual(['FULL_WIDTH', 'LOWER_X', 'SPACES']);
    const q = checkResidentId("'11010519491231002X", { asOf });
    expect(q.ok && q.fixes).toEqual(['QUOTE']);
  });
  it('upgrades 15-digit legacy numbers unless refused', () => {
    const r = checkResidentId('110105491231002', { asOf });
    expect(r.ok && r.value.id).toBe('11010519491231002X');
    expect(r.ok && r.fixes).toEqual(['LEGACY_15']);
    const refused = checkResidentId('110105491231002', { asOf, acceptLegacy: false });
    expect(!refused.ok && refused.error).toBe('LEGACY_NOT_ALLOWED');
  });
  it.each([
    ['', 'EMPTY'],
    ['   ', 'EMPTY'],
    ['1101051949123100', 'BAD_FORMAT'],
    ['11010519491231002Y', 'BAD_FORMAT'],
    ['1101051949123100X2', 'BAD_FORMAT'],
    ['99010519491231002X', 'BAD_REGION'],
    ['110105194902300021', 'BAD_BIRTH_DATE'],
    ['110105179912310021', 'BAD_BIRTH_DATE'],
    ['110105203001010011', 'BAD_BIRTH_DATE'],
    ['110105194912310001', 'BAD_SEQUENCE'],
    ['110105194912310021', 'BAD_CHECK_CHARACTER'],
  ])('rejects %j with %s', (raw, code) => {
    const r = checkResidentId(raw, { asOf });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toBe(code);
  });
  it('accepts 29 February only in leap years', () => {
    const leap = makeResidentId('211002', '20000229', 12);
    const nonLeapFirst17 = '21100219000229001';
    expect(isValidResidentId(leap, { asOf })).toBe(true);
    expect(checkResidentId(nonLeapFirst17 + residentIdCheckChar(nonLeapFirst17), { asOf })).toMatchObject({
      ok: false,
      error: 'BAD_BIRTH_DATE',
    });
  });
  it('handles null and undefined as empty', () => {
    expect(checkResidentId(null)).toMatchObject({ ok: false, error: 'EMPTY' });
    expect(isValidResidentId(undefined)).toBe(false);
  });
});

describe('helpers', () => {
  it('upgradeLegacyId inserts 19 and appends the check character', () => {
    // 4·7+4·9+0+5·5+2·8+4·4+1·2+9·1+8·6+0+0+1·9+0+1·5+0+0+1·2 = 196, 196 mod 11 = 9 → "3"
    expect(upgradeLegacyId('440524800101001')).toBe('440524198001010013');
    expect(upgradeLegacyId('110105491231002')).toBe('11010519491231002X');
  });
  it('makeResidentId pads the sequence and adds the check character', () => {
    expect(makeResidentId('211002', 19800101, 1)).toBe('211002198001010016');
  });
  it('normaliseResidentId reports no fixes for a clean number', () => {
    expect(normaliseResidentId('11010519491231002X')).toEqual({ value: '11010519491231002X', fixes: [] });
  });
  it('maskResidentId keeps the first and last four characters', () => {
    expect(maskResidentId('211002198001010016')).toBe('2110**********0016');
    expect(maskResidentId('11010519491231002x')).toBe('1101**********002X');
    expect(maskResidentId('110105491231002')).toBe('1101*******1002');
    expect(maskResidentId('1234')).toBe('****');
  });
});
