/**
 * End-to-end harness: builds the web app when needed, starts the real server in-process on a random
 * port with a fresh data directory, and drives Debian's Chromium through playwright-core.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Secret, TOTP } from 'otpauth';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ensureWebBuilt as buildWebIfStale } from '../../src/cli/web-build.js';
import { startServer, type RunningServer } from '../../src/server/start.js';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const WEB_DIR = join(ROOT, 'dist/web');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Builds dist/web when it is missing or older than the web sources (the same check `npm start` makes). */
export async function ensureWebBuilt(): Promise<void> {
  await buildWebIfStale(ROOT);
}

export interface Harness {
  /** Base URL of the server, e.g. http://127.0.0.1:41234 */
  url: string;
  dataDir: string;
  browser: Browser;
  /** the server's services, for setting up data a test does not click through */
  services: RunningServer['services'];
  /** A fresh browser context (own cookies) with Chinese as the browser language. */
  newPage: () => Promise<Page>;
  /**
   * Errors the pages reported: uncaught exceptions, console.error, CSP violations. Chromium's own
   * "Failed to load resource" lines for expected 4xx answers (401 before sign-in) are left out.
   */
  pageErrors: string[];
  close: () => Promise<void>;
}

export async function startHarness(opts: { adminPassword: string; loadDemo?: boolean }): Promise<Harness> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  await ensureWebBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'zengshou-e2e-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    adminPassword: opts.adminPassword,
    loadDemo: opts.loadDemo ?? false,
    webDir: WEB_DIR,
  });
  const url = server.url.replace('://localhost:', '://127.0.0.1:');
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (e) {
    await server.close();
    throw e;
  }
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  return {
    url,
    dataDir,
    browser,
    services: server.services,
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

export function totpNow(secret: string): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate();
}

/** The two-factor enrolment every administrator goes through at first sign-in: reads the secret, types the code. */
export async function enrolTotp(page: Page, screenshot?: string): Promise<void> {
  await page.getByText('绑定动态口令（双因素认证）').waitFor();
  await expect(page.locator('canvas').first().isVisible()).resolves.toBe(true); // the QR code
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  if (screenshot) await page.screenshot({ path: screenshot });
  await page.getByLabel('动态口令').fill(totpNow(secret));
  await page.getByRole('button', { name: /启\s*用/ }).click();
}
