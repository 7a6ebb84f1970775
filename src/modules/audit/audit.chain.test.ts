import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainHash, GENESIS_HASH, verifyChain, type AuditFields } from './audit.chain.js';

const fields = (i: number): AuditFields => ({
  ts: `2026-01-01T00:00:0${i}.000Z`, user_id: 1, username: 'admin', action: 'auth.login', object_type: null,
  object_id: null, region_code: '211000', outcome: 'success', ip: '127.0.0.1', detail: '{}',
});

function build(n: number) {
  const out = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < n; i++) {
    const f = fields(i);
    const hash = chainHash(prev, f);
    out.push({ ...f, id: i + 1, prev_hash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('audit hash chain', () => {
  it('hashes exactly SHA-256(prev ‖ newline ‖ canonical JSON)', () => {
    const f = fields(0);
    const expected = createHash('sha256')
      .update(`${GENESIS_HASH}\n["2026-01-01T00:00:00.000Z",1,"admin","auth.login",null,null,"211000","success","127.0.0.1","{}"]`)
      .digest('hex');
    expect(chainHash(GENESIS_HASH, f)).toBe(expected);
  });
  it('verifies an intact chain', () => {
    expect(verifyChain(build(5))).toEqual({ ok: true, last: build(5)[4].hash, count: 5 });
  });
  it('detects an altered field', () => {
    const c = build(5);
    c[2].outcome = 'failure';
    expect(verifyChain(c)).toMatchObject({ ok: false, break: { id: 3, reason: 'hash_mismatch' } });
  });
  it('detects a removed record', () => {
    const c = build(5);
    c.splice(1, 1);
    expect(verifyChain(c)).toMatchObject({ ok: false, break: { id: 3, reason: 'prev_hash_mismatch' } });
  });
});
