import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../db/test-databases.js';
import { currentTotp } from '../modules/auth/totp.js';
import { cookieFrom, createTestApp, loginCookie, TEST_PASSWORD, type TestApp } from './test-app.js';

describe.each(testDatabases())('auth and accounts API on $name', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(db);
  });
  afterAll(() => t.close());

  const login = (payload: object, ip = '127.0.0.1') => t.app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress: ip });

  it('answers health without a session', async () => {
    const r = await t.app.inject('/api/health');
    expect(r.json()).toEqual({ status: 'ok' });
  });

  it('sets a random httpOnly SameSite=Strict session cookie and returns the user with scope', async () => {
    const cookie = await t.userWithSession('zhao.analyst', ['analyst'], '211002');
    const token = cookie.split('=')[1];
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const me = await t.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'zhao.analyst', roles: ['analyst'], region: { code: '211002', name: '白塔区', level: 'county' } });
    const r = await login({ username: 'zhao.analyst', password: TEST_PASSWORD });
    const c = r.cookies.find((x) => x.name === 'zs_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Strict');
  });

  it('refuses wrong passwords and unknown users with the same message, and audits both', async () => {
    const a = await login({ username: 'zhao.analyst', password: 'wrong-password' }, '10.9.9.9');
    const b = await login({ username: 'nobody', password: 'wrong-password' }, '10.9.9.9');
    expect(a.statusCode).toBe(401);
    expect(a.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } });
    expect(b.json()).toEqual(a.json());
    const { rows } = await t.services.audit.query({ action: 'auth.login', outcome: 'failure', limit: 10, offset: 0 });
    expect(rows.map((r) => r.username)).toEqual(expect.arrayContaining(['zhao.analyst', 'nobody']));
    expect(rows.find((r) => r.username === 'nobody')!.ip).toBe('10.9.9.9');
  });

  it('locks an account after 5 failures within 15 minutes, even for the right password', async () => {
    await t.userWithSession('qian.liaison', ['liaison']);
    for (let i = 0; i < 5; i++) expect((await login({ username: 'qian.liaison', password: `bad-${i}` })).statusCode).toBe(401);
    const locked = await login({ username: 'qian.liaison', password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    const { rows } = await t.services.audit.query({ action: 'auth.lockout', limit: 5, offset: 0 });
    expect(rows.some((r) => r.username === 'qian.liaison')).toBe(true);
    // The security administrator unlocks it.
    const sec = await t.userWithSession('sun.secadmin', ['secadmin']);
    const users = (await t.app.inject({ url: '/api/users', headers: { cookie: sec } })).json() as { id: number; username: string; locked: boolean }[];
    // secadmin must enrol TOTP first
    expect((await t.app.inject({ url: '/api/users', headers: { cookie: sec } })).json().error?.code).toBe('TOTP_ENROLMENT_REQUIRED');
    const setup = (await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: { cookie: sec } })).json();
    const en = await t.app.inject({ method: 'POST', url: '/api/auth/totp/enable', headers: { cookie: sec }, payload: { code: currentTotp(setup.secret) } });
    expect(en.statusCode).toBe(200);
    const list = (await t.app.inject({ url: '/api/users', headers: { cookie: sec } })).json() as { id: number; username: string; locked: boolean }[];
    expect(users).toBeDefined();
    const q = list.find((u) => u.username === 'qian.liaison')!;
    expect(q.locked).toBe(true);
    expect((await t.app.inject({ method: 'POST', url: `/api/users/${q.id}/unlock`, headers: { cookie: sec } })).statusCode).toBe(200);
    expect((await login({ username: 'qian.liaison', password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('requires the TOTP code once enrolled', async () => {
    const r = await login({ username: 'sun.secadmin', password: TEST_PASSWORD });
    expect(r.json().error.code).toBe('TOTP_REQUIRED');
    const row = (await t.services.auth.repo.userByName('sun.secadmin'))!;
    const secret = t.services.keyring.decrypt(row.totp_secret_enc!);
    expect(row.totp_secret_enc).not.toContain(secret);
    expect((await login({ username: 'sun.secadmin', password: TEST_PASSWORD, totp: '000000' })).json().error.code).toBe('TOTP_INVALID');
    expect((await login({ username: 'sun.secadmin', password: TEST_PASSWORD, totp: currentTotp(secret) })).statusCode).toBe(200);
  });

  it('checks roles on the server: an analyst cannot list users or read the audit trail', async () => {
    const cookie = await loginCookie(t.app, 'zhao.analyst', TEST_PASSWORD);
    for (const url of ['/api/users', '/api/audit', '/api/audit/verify', '/api/settings/security']) {
      const r = await t.app.inject({ url, headers: { cookie } });
      expect(r.statusCode, url).toBe(403);
      expect(r.json().error.code).toBe('FORBIDDEN');
    }
    expect((await t.app.inject('/api/users')).statusCode).toBe(401);
  });

  it('scopes regions: a 白塔区 user sees nothing of 辽阳县', async () => {
    const cookie = await loginCookie(t.app, 'zhao.analyst', TEST_PASSWORD);
    const regions = (await t.app.inject({ url: '/api/regions', headers: { cookie } })).json() as { code: string }[];
    expect(regions.length).toBeGreaterThan(1);
    expect(regions.every((r) => r.code.startsWith('211002'))).toBe(true);
    const other = (await t.app.inject({ url: '/api/regions?parent=211021', headers: { cookie } })).json() as unknown[];
    expect(other).toEqual([]);
  });

  it('lets a security administrator create a user only within scope, with a one-time password', async () => {
    const cookie = await loginCookie(t.app, 'sun.secadmin', TEST_PASSWORD, currentTotp(t.services.keyring.decrypt((await t.services.auth.repo.userByName('sun.secadmin'))!.totp_secret_enc!)));
    const created = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie }, payload: { username: 'li.enumerator', displayName: '李调查', regionCode: '211021101', roles: ['enumerator'] } });
    expect(created.statusCode).toBe(200);
    const { initialPassword, user } = created.json();
    expect(user).toMatchObject({ username: 'li.enumerator', regionName: '刘二堡镇' });
    // First login must change the password before anything else.
    const c2 = cookieFrom(await login({ username: 'li.enumerator', password: initialPassword }));
    expect((await t.app.inject({ url: '/api/regions', headers: { cookie: c2 } })).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: c2 }, payload: { currentPassword: initialPassword, newPassword: 'short' } });
    expect(weak.json().error.code).toBe('PASSWORD_POLICY');
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie: c2 }, payload: { currentPassword: initialPassword, newPassword: 'Liu-er-bao-2018' } });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/regions', headers: { cookie: c2 } })).statusCode).toBe(200);
    // The auditor role cannot be combined with administration (三员分立).
    const sep = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie }, payload: { username: 'bad.mix', displayName: 'x', regionCode: '211000', roles: ['auditor', 'sysadmin'] } });
    expect(sep.json().error.code).toBe('ROLE_SEPARATION');
  });

  it('rejects bad input with clear JSON errors and stores nothing', async () => {
    const missing = await login({ username: 'x' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('VALIDATION_FAILED');
    const notJson = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(notJson.json().error.code).toBe('INVALID_JSON');
    const big = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'a', password: 'x'.repeat(2_000_000) }) });
    expect(big.statusCode).toBe(413);
    const sqlish = await login({ username: "admin' OR '1'='1", password: "' OR 1=1 --" });
    expect(sqlish.json().error.code).toBe('INVALID_CREDENTIALS');
    const cookie = await loginCookie(t.app, 'sun.secadmin', TEST_PASSWORD, currentTotp(t.services.keyring.decrypt((await t.services.auth.repo.userByName('sun.secadmin'))!.totp_secret_enc!)));
    const html = await t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie }, payload: { username: '<script>', displayName: 'x', regionCode: '211000', roles: ['analyst'] } });
    expect(html.json().error.code).toBe('VALIDATION_FAILED');
    expect(await t.services.auth.repo.userByName('<script>')).toBeUndefined();
    expect((await t.app.inject('/api/nope')).json().error.code).toBe('NOT_FOUND');
  });

  it('expires idle sessions and logs out', async () => {
    const cookie = await loginCookie(t.app, 'zhao.analyst', TEST_PASSWORD);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).json().error.code).toBe('UNAUTHENTICATED');
    const c2 = await loginCookie(t.app, 'zhao.analyst', TEST_PASSWORD);
    // Age the session past the idle timeout.
    const old = new Date(Date.now() - 31 * 60_000).toISOString();
    await t.handle.db.updateTable('sessions').set({ last_seen_at: old }).execute();
    const exp = await t.app.inject({ url: '/api/me', headers: { cookie: c2 } });
    expect(exp.statusCode).toBe(401);
    expect(exp.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('keeps the audit chain intact through all of the above', async () => {
    expect(await t.services.audit.verify()).toMatchObject({ ok: true });
  });

  it('sends security headers', async () => {
    const r = await t.app.inject('/api/health');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('login rate limit', () => {
  it('answers 429 RATE_LIMITED past the per-address limit', async () => {
    const t = await createTestApp(testDatabases()[0], { loginRateLimit: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });
});
