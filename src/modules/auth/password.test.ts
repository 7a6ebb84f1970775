import { describe, expect, it } from 'vitest';
import { checkPassword, DEFAULT_PASSWORD_POLICY, generatePassword, hashPassword, verifyPassword } from './password.js';

describe('passwords', () => {
  it('hashes with a salt and verifies', async () => {
    const h1 = await hashPassword('Correct-Horse-9');
    const h2 = await hashPassword('Correct-Horse-9');
    expect(h1).not.toBe(h2);
    expect(h1).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('Correct-Horse-9', h1)).toBe(true);
    expect(await verifyPassword('correct-horse-9', h1)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
  it('enforces the 等保 complexity policy', () => {
    const p = DEFAULT_PASSWORD_POLICY;
    expect(checkPassword('short1A!', 'bob', p)).toHaveLength(1);
    expect(checkPassword('alllowercaseletters', 'bob', p)).toEqual(['密码须包含小写字母、大写字母、数字、符号中的至少 3 类']);
    expect(checkPassword('Bob-is-great-1', 'bob', p)).toEqual(['密码不能包含用户名']);
    expect(checkPassword('Tai-zi-he-2018', 'bob', p)).toEqual([]);
  });
  it('generates passwords that pass the policy', () => {
    for (let i = 0; i < 50; i++) expect(checkPassword(generatePassword(), 'admin', DEFAULT_PASSWORD_POLICY)).toEqual([]);
  });
});
