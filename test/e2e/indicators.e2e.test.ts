/**
 * The indicators dashboard in a real browser against the real server with the demo loaded at a small
 * scale (registry city, survey sample with diaries, indicator demo entries, the Liaoyang plan). The 白塔区
 * liaison sees 白塔区's figures and cannot pick the city; the city analyst sees the city's figures, a
 * different headline, and — picking 白塔区 — exactly the liaison's figures. Each downloads the monitoring
 * report (.docx) from the page; the file is unzipped and its text holds every headline figure exactly as
 * the dashboard wrote it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../../src/server/demo-data.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { CHROMIUM, WEB_DIR, ensureWebBuilt } from './harness.js';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PASSWORD = 'Liaoyang-Demo#2026';

let server: RunningServer;
let browser: Browser;
let dataDir: string;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

/** Signs in from the login page the app shows at `from` (signed out, any page leads there, and back after). */
async function signedIn(username: string, from = '/login'): Promise<Page> {
  const url = server.url.replace('://localhost:', '://127.0.0.1:');
  const ctx = await browser.newContext({ baseURL: url, locale: 'zh-CN', acceptDownloads: true, viewport: { width: 1440, height: 900 } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(`console: ${m.text()}`);
  });
  await page.goto(from);
  await page.waitForURL(/\/login/);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('user-name').waitFor();
  return page;
}

/** The headline cards as the page wrote them: code → figure text (without unit). */
async function headline(page: Page): Promise<Record<string, string>> {
  await page.getByTestId('headline').waitFor();
  const cells = page.locator('[data-testid^="headline-value-"]');
  const out: Record<string, string> = {};
  for (let i = 0; i < (await cells.count()); i++) {
    const el = cells.nth(i);
    out[(await el.getAttribute('data-testid'))!.slice('headline-value-'.length)] = (await el.textContent())!.trim();
  }
  return out;
}

/** Clicks 下载监测报告 and returns the text of the .docx's main document, paragraph by paragraph. */
async function downloadReport(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('report-docx').click()]);
  const file = await download.path();
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = xml.split(/<\/w:p>/).map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  const text = paragraphs.join('\n').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
  return { name: download.suggestedFilename(), text };
}

/** Every shown figure of the headline is in the report, written the same way. */
function expectSameFigures(cards: Record<string, string>, text: string) {
  const shown = Object.entries(cards).filter(([, v]) => v !== '—' && v !== '*');
  expect(shown.length).toBeGreaterThanOrEqual(5);
  const missing = shown.filter(([, v]) => !text.includes(v));
  expect(missing).toEqual([]);
}

beforeAll(async () => {
  await ensureWebBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'zengshou-indicators-e2e-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, adminPassword: 'Liaoyang-Start-2024!', webDir: WEB_DIR });
  // the demo at 1% of the city: registry, survey sample with two years of diaries, indicator entries, plan
  await loadDemoIfEmpty(server.services, { dataDir, password: PASSWORD, registryScale: 0.01 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('indicators dashboard in Chromium', () => {
  let county: Record<string, string>;
  let countyPage: Page;

  it('shows the 白塔区 liaison 白塔区 only, and the report has the same headline figures', async () => {
    // opened signed out: the login page, then straight back to the dashboard
    countyPage = await signedIn('baita', '/indicators');
    expect(new URL(countyPage.url()).pathname).toBe('/indicators');
    county = await headline(countyPage);
    expect(await countyPage.getByTestId('dashboard').getAttribute('data-region')).toBe('211002');
    expect(county['income.pc.urban']).toMatch(/^\d{1,3}(,\d{3})+$/);
    // the picker holds the county alone and cannot be opened; the server refuses the city anyway
    const picker = countyPage.getByTestId('region-select');
    expect(await picker.textContent()).toContain('白塔区');
    expect(await picker.textContent()).not.toContain('辽阳市');
    expect(await picker.getAttribute('class')).toContain('disabled');
    const refused = await countyPage.evaluate(async () => (await fetch('/api/indicators/dashboard?region=211000')).status);
    expect(refused).toBe(403);

    const report = await downloadReport(countyPage);
    expect(report.name).toMatch(/\.docx$/);
    expect(report.text).toContain('白塔区');
    expectSameFigures(county, report.text);
  });

  it("shows the city analyst the city's own figures, 白塔区's on request, and a report with the city's figures", async () => {
    const page = await signedIn('fenxi');
    await page.goto('/indicators');
    const city = await headline(page);
    expect(await page.getByTestId('dashboard').getAttribute('data-region')).toBe('211000');
    expect(city['income.pc.urban']).toMatch(/^\d{1,3}(,\d{3})+$/);
    expect(city['income.pc.urban']).not.toBe(county['income.pc.urban']);

    const report = await downloadReport(page);
    expect(report.text).toContain('辽阳市');
    expectSameFigures(city, report.text);

    // the city user may look at a county: the same figures as the county's own user sees
    await page.getByTestId('region-select').click();
    await page.getByTitle('灯塔市').waitFor();
    await page.getByTitle('白塔区').click();
    await page.waitForURL(/region=211002/);
    await page.locator('[data-testid="dashboard"][data-region="211002"]').waitFor();
    // the previous figures stay dimmed while the county's load: wait until the page shows the new ones
    await page.waitForFunction(() => {
      const doc = (globalThis as unknown as { document: { querySelector: (s: string) => { closest: (s: string) => unknown } | null } }).document;
      return doc.querySelector('[data-testid="dashboard"][data-region="211002"]')?.closest('[style*="opacity: 0.6"]') === null;
    });
    expect(await headline(page)).toEqual(county);
    // the map is the shipped schematic, labelled as such
    expect(await page.getByTestId('map-schematic').textContent()).toContain('示意图');
    expect(pageErrors).toEqual([]);
  });
});
