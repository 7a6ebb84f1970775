import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { DbHandle } from '../db/connect.js';
import type { TestDatabase } from '../db/test-databases.js';
import { SYSTEM_ACTOR } from '../modules/audit/audit.service.js';
import { Keyring } from '../modules/crypto/keyring.js';
import { DEPARTMENTS } from '../modules/workplan/departments.js';
import type { Role } from '../shared/roles.js';
import { buildApp } from './app.js';
import { createServices, type Services } from './services.js';

/** A test platform: a fresh database, seeded, with the app ready for inject(). */
export interface TestApp {
  app: FastifyInstance;
  services: Services;
  handle: DbHandle;
  close: () => Promise<void>;
  /** Creates a user who needs no further steps (no pending password change) and returns a cookie header. */
  userWithSession: (username: string, roles: Role[], regionCode?: string, departmentCode?: string) => Promise<string>;
}

export const TEST_PASSWORD = 'Test-Password-2018';

export async function createTestApp(db: TestDatabase, opts: { loginRateLimit?: number } = {}): Promise<TestApp> {
  const handle = await db.open();
  const dataDir = mkdtempSync(join(tmpdir(), 'zs-test-'));
  const services = createServices(handle, new Keyring(new Map([[1, Keyring.generateKey()]]), 1), dataDir);
  await services.regions.seedLiaoyang();
  await services.departments.seed(DEPARTMENTS);
  const app = await buildApp(services, { webDir: '/nonexistent', secureCookies: false, bodyLimit: 1024 * 1024, logLevel: 'silent', loginRateLimit: opts.loginRateLimit ?? 10_000, rateLimit: 0 });
  return {
    app,
    services,
    handle,
    close: async () => {
      await app.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
    userWithSession: async (username, roles, regionCode = '211000', departmentCode) => {
      const dept = departmentCode ? await services.departments.repo.byCode(departmentCode) : undefined;
      await services.users.create({ username, displayName: username, regionCode, roles, password: TEST_PASSWORD, departmentId: dept?.id ?? null }, SYSTEM_ACTOR, null);
      return loginCookie(app, username, TEST_PASSWORD);
    },
  };
}

export function cookieFrom(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'zs_session');
  if (!c) throw new Error(`no session cookie: ${res.statusCode} ${res.body}`);
  return `zs_session=${c.value}`;
}

export async function loginCookie(app: FastifyInstance, username: string, password: string, totp?: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...(totp && { totp }) } });
  return cookieFrom(res);
}
