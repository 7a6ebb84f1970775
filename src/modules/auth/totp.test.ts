import { describe, expect, it } from 'vitest';
import { verifyTotp } from './totp.js';

// RFC 6238 appendix B test vectors (SHA-1, secret "12345678901234567890"), last 6 digits.
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
describe('TOTP (RFC 6238)', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('at %i s the code is %s', (t, code) => {
    expect(verifyTotp(SECRET, code, t * 1000)).toBe(true);
  });
  it('rejects codes outside the ±1 step window and malformed codes', () => {
    expect(verifyTotp(SECRET, '287082', (59 + 90) * 1000)).toBe(false);
    expect(verifyTotp(SECRET, '28708', 59_000)).toBe(false);
    expect(verifyTotp(SECRET, "' or 1", 59_000)).toBe(false);
  });
});
