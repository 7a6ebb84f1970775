import { describe, expect, it } from 'vitest';
import { recordKey, recordKeyState } from './row-key.js';

const SI = '{"type":"si","year":2023,"period":"2023-01","scheme":"pension","baseFen":500000,"personalFen":40000,"employerFen":null,"employerCode":null}';
const PERSON = '0123456789abcdef'.repeat(2);

describe('record keys', () => {
  it('are the keys stored by earlier imports (values of the first implementation, 2026-11)', () => {
    // A change here would make re-sent records look new: these values must never change.
    expect(recordKey('')).toBe('ab3e7c0b59ad62f7');
    expect(recordKey('a')).toBe('1a80b1b3404e4299');
    expect(recordKey('辽阳市白塔区')).toBe('4d0a490bcf81d181');
    expect(recordKey(`${PERSON}\u0000${SI}`)).toBe('08ccafd369174fc1');
  });

  it('give the same key when the person prefix is hashed once and reused', () => {
    const state = recordKeyState(`${PERSON}\u0000`);
    expect(recordKey(SI, state)).toBe('08ccafd369174fc1');
    for (const [a, b] of [['', 'x'], ['x', ''], ['张三\u0000', '{"amountFen":-5}']]) expect(recordKey(b, recordKeyState(a))).toBe(recordKey(a + b));
    expect(recordKey(SI.replace('40000', '40001'), state)).not.toBe('08ccafd369174fc1');
  });
});
