import { describe, expect, it } from 'vitest';
import { createHmac, hkdfSync } from 'node:crypto';
import { Keyring } from './keyring.js';
import { parseKeys } from './master-key.js';

const k1 = Buffer.alloc(32, 1).toString('base64');
const k2 = Buffer.alloc(32, 2).toString('base64');

describe('keyring', () => {
  it('round-trips and never stores plaintext', () => {
    const kr = parseKeys(`1:${k1}`);
    const c = kr.encrypt('211002199001011234');
    expect(c).not.toContain('211002199001011234');
    expect(c.startsWith('v1:')).toBe(true);
    expect(kr.decrypt(c)).toBe('211002199001011234');
    expect(kr.encrypt('x')).not.toBe(kr.encrypt('x')); // random IV
  });
  it('never reuses an IV, across refills of the IV pool (4,096 per refill)', () => {
    const kr = parseKeys(`1:${k1}`);
    const ivs = new Set<string>();
    const n = 3 * 4096 + 17;
    for (let i = 0; i < n; i++) {
      const c = kr.encrypt(`p${i}`);
      ivs.add(Buffer.from(c.slice(3), 'base64').subarray(0, 12).toString('hex'));
      if (i % 1000 === 0) expect(kr.decrypt(c)).toBe(`p${i}`);
    }
    expect(ivs.size).toBe(n);
  });

  it('detects tampering (GCM tag)', () => {
    const kr = parseKeys(k1);
    const c = kr.encrypt('张三');
    const raw = Buffer.from(c.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => kr.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });
  it('rotates: old ciphertexts stay readable, new ones use the new key, blind index is stable', () => {
    const old = parseKeys(`1:${k1}`);
    const rotated = parseKeys(`1:${k1},2:${k2}`);
    const c = old.encrypt('secret');
    expect(rotated.isStale(c)).toBe(true);
    expect(rotated.decrypt(c)).toBe('secret');
    expect(rotated.encrypt('secret').startsWith('v2:')).toBe(true);
    expect(rotated.blindIndex('secret')).toBe(old.blindIndex('secret'));
    expect(old.blindIndex('secret', 'id')).not.toBe(old.blindIndex('secret', 'phone'));
  });
  it('computes blind indexes as HMAC-SHA-256 under the HKDF-derived index key (stored indexes stay valid)', () => {
    const master = Buffer.alloc(32, 7);
    const indexKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'zengshou/index', 32));
    const expected = createHmac('sha256', indexKey).update('registry.id').update('\0').update('21100219800101123X').digest('hex');
    expect(new Keyring(new Map([[1, master]]), 1).blindIndex('21100219800101123X', 'registry.id')).toBe(expected);
  });
  it('encrypts many values at once — in a worker thread when there are many — exactly as one by one', async () => {
    const kr = parseKeys(`1:${k1},2:${k2}`);
    for (const n of [3, 500]) {
      const plain = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? '' : `辽阳市白塔区卫进路${i}号 "x" \\ 😀`));
      const out = await kr.encryptMany(plain);
      expect(out).toHaveLength(n);
      expect(out.every((c) => c.startsWith('v2:'))).toBe(true);
      expect(out.map((c) => kr.decrypt(c))).toEqual(plain);
      // Same layout as encrypt(): 12-byte IV, 16-byte tag, then the body; every IV fresh.
      expect(Buffer.from(out[1].slice(3), 'base64').length).toBe(Buffer.from(kr.encrypt(plain[1]).slice(3), 'base64').length);
      expect(new Set(out.map((c) => Buffer.from(c.slice(3), 'base64').subarray(0, 12).toString('hex'))).size).toBe(n);
    }
    // A key the worker does not hold cannot read them: the tag is checked.
    const [sealed] = await kr.encryptMany(Array<string>(100).fill('秘密'));
    expect(() => parseKeys(`2:${k1}`).decrypt(sealed)).toThrow();
  });
  it('rejects keys of the wrong size', () => {
    expect(() => parseKeys(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
    expect(() => new Keyring(new Map(), 1)).toThrow();
  });
});
