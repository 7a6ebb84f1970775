import { describe, expect, it } from 'vitest';
import { rng } from '../random.js';
import { recordKey, recordKeyOf, recordKeyState } from './row-key.js';

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

  it('are sixteen lower-case hex digits, each of them at every place', () => {
    const seen = Array.from({ length: 16 }, () => new Set<string>());
    const keys = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const k = recordKey(`row ${i}`);
      expect(k).toMatch(/^[0-9a-f]{16}$/);
      [...k].forEach((c, at) => seen[at].add(c));
      keys.add(k);
    }
    expect(keys.size).toBe(10_000);
    expect(seen.map((s) => s.size)).toEqual(new Array(16).fill(16));
  });

  it('give the same key when the person prefix is hashed once and reused', () => {
    const state = recordKeyState(`${PERSON}\u0000`);
    expect(recordKey(SI, state)).toBe('08ccafd369174fc1');
    for (const [a, b] of [['', 'x'], ['x', ''], ['张三\u0000', '{"amountFen":-5}']]) expect(recordKey(b, recordKeyState(a))).toBe(recordKey(a + b));
    expect(recordKey(SI.replace('40000', '40001'), state)).not.toBe('08ccafd369174fc1');
  });

  it('hash a record as its JSON text without building it: the same key as recordKey(JSON.stringify(record))', () => {
    const r = rng(29);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    const strings = ['', '2023-01', '辽阳市白塔区卫进路12号', 'a"b', 'back\\slash', 'tab\there', 'nul\u0000x', '\u001f', 'emoji 😀', 'lone \ud800 surrogate', '91211000MA0XYZ1234'];
    const numbers = [0, -0, 1, -5, 40000, 123456789012, 0.1, 1e21, 1.5e-7, NaN, Infinity];
    const value = (depth: number): unknown => {
      const k = r();
      if (k < 0.3) return pick(strings);
      if (k < 0.6) return pick(numbers);
      if (k < 0.7) return pick([null, true, false, undefined]);
      if (depth > 2) return null;
      if (k < 0.85) return Array.from({ length: Math.floor(r() * 5) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(r() * 4) }, (_, i) => [pick(['type', 'year', 'amounts', 'x"y', '地址', `k${i}`]), value(depth + 1)]));
    };
    const state = recordKeyState(`${PERSON}\u0000`);
    for (let i = 0; i < 3000; i++) {
      const record = { type: pick(['income', 'si', 'dibao', 'property']), year: 2023, payload: value(0), extra: value(1) };
      expect(recordKeyOf(record, state)).toBe(recordKey(JSON.stringify(record), state));
      expect(recordKeyOf(record)).toBe(recordKey(JSON.stringify(record)));
    }
    // The pinned record of the first implementation, as an object.
    expect(recordKeyOf(JSON.parse(SI) as object, state)).toBe('08ccafd369174fc1');
  });
});
