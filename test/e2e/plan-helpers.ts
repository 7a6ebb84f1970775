/**
 * What the supervision browser test needs beyond the shell harness: the running server's services (to
 * create the supervisor and the liaison directly), sign-in, and reading a downloaded workbook.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { CHROMIUM, WEB_DIR, ensureWebBuilt } from './harness.js';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface PlanHarness {
  url: string;
  server: RunningServer;
  browser: Browser;
  /** Uncaught errors and console errors from every page. */
  pageErrors: string[];
  newPage: () => Promise<Page>;
  close: () => Promise<void>;
}

export async function startPlanHarness(adminPassword: string): Promise<PlanHarness> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  await ensureWebBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'zengshou-plan-e2e-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, adminPassword, webDir: WEB_DIR });
  const url = server.url.replace('://localhost:', '://127.0.0.1:');
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  } catch (e) {
    await server.close();
    throw e;
  }
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  return {
    url,
    server,
    browser,
    pageErrors,
    newPage: async () => {
      const ctx = await browser.newContext({ baseURL: url, locale: 'zh-CN', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
      contexts.push(ctx);
      const page = await ctx.newPage();
      page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(`console: ${m.text()}`);
      });
      return page;
    },
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const SYSTEM = { userId: null, username: 'system', ip: null };

/** A synthetic account made by the system (by = null): no forced password change; these roles need no TOTP. */
export async function createAccount(
  server: RunningServer,
  a: { username: string; displayName: string; roles: ('supervisor' | 'liaison')[]; departmentCode?: string; password: string },
): Promise<void> {
  const dept = a.departmentCode ? await server.services.departments.repo.byCode(a.departmentCode) : undefined;
  if (a.departmentCode && !dept) throw new Error(`no department ${a.departmentCode}`);
  await server.services.users.create(
    { username: a.username, displayName: a.displayName, roles: a.roles, regionCode: '211000', departmentId: dept?.id ?? null, password: a.password },
    SYSTEM,
    null,
  );
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('user-name').waitFor();
}

/** yyyy-mm-dd, `days` from today (UTC, as the server counts). */
export function isoDaysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Days between two ISO dates. */
export const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** A tiny valid PNG (1×1, grey): the attachment check looks at the signature. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==',
  'base64',
);
