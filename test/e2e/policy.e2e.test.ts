/**
 * Policy evaluation in a real browser against the real server. An analyst starts from the shipped
 * reform "低保标准提高10%", runs it on 1% of the demo city, reads the impact dashboard (its net cost is
 * the stored run's, a raise in 低保 costs money and cannot make anyone poorer), switches a chart to
 * its table, downloads the .xlsx; then the household calculator gives PRODUCT.md's worked case of
 * cumulative withholding (wage 30,000/month, social insurance 4,500, special deductions 2,000:
 * Jan 555, Feb 625, Mar–Jul 1,850, Aug 2,250, Sep–Dec 3,700, year 27,480); the run is listed under 运行记录.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service.js';
import type { Run } from '../../src/shared/api/microsim.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { CHROMIUM, WEB_DIR, ensureWebBuilt } from './harness.js';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PASSWORD = 'Policy-Analyst#2024';

let server: RunningServer;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let dataDir: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  await ensureWebBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'zengshou-policy-e2e-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, adminPassword: 'Liaoyang-Start-2024!', webDir: WEB_DIR });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  await server.services.users.create({ username: 'e2e.policy', displayName: '政策分析员', roles: ['analyst'], regionCode: '211000', password: PASSWORD, departmentId: null }, SYSTEM_ACTOR, null);
  const url = server.url.replace('://localhost:', '://127.0.0.1:');
  ctx = await browser.newContext({ baseURL: url, locale: 'zh-CN', acceptDownloads: true, viewport: { width: 1440, height: 900 } });
  page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(`console: ${m.text()}`);
  });
});

afterAll(async () => {
  await ctx?.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function pick(testid: string, option: string | RegExp) {
  await page.getByTestId(testid).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

describe('policy evaluation in the browser', () => {
  let runId: number;

  it('runs the shipped 低保 reform and shows its impact with the stored run’s numbers', async () => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill('e2e.policy');
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('user-name').waitFor();
    await page.goto('/policy');
    await page.getByTestId('scenario-editor').waitFor();
    await pick('scale-select', /^1%/);
    await pick('shipped-reform', '低保标准提高10%');
    await expect.poll(() => page.getByTestId('overrides').locator('tbody tr').count()).toBe(2);
    await page.getByTestId('run').click();
    await page.getByTestId('dashboard').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('results-title').innerText()).toContain('低保标准提高10%');
    runId = Number(new URL(page.url()).searchParams.get('run'));
    expect(runId).toBeGreaterThan(0);

    const stored = (await (await page.request.get(`/api/microsim/runs/${runId}`)).json()) as Run;
    const shownCost = Number(await page.getByTestId('net-cost').getAttribute('data-value'));
    expect(shownCost).toBe(stored.results.budget.netCost);
    expect(shownCost).toBeGreaterThan(0);
    // a higher 低保 standard takes nobody's income down by more than rounding
    expect(stored.results.winnersLosers.loseMore5).toBe(0);
    expect(stored.results.winnersLosers.loseLess5).toBe(0);

    await page.getByTestId('deciles').locator('.ant-segmented-item').filter({ hasText: '表' }).click();
    await expect.poll(() => page.getByTestId('deciles-table').locator('tbody tr').count()).toBe(10);
    await page.screenshot({ path: '/tmp/zengshou-policy-dashboard.png', fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    const file = join(dataDir, 'run.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['重点群体', '县市区']));
  });

  it('computes the worked case of cumulative withholding in the household calculator', async () => {
    await page.getByTestId('tab-calculator').click();
    await page.getByTestId('calculator').waitFor();
    await pick('calc-year', '2024');
    await page.getByTestId('calc-wage-0').fill('30000');
    await page.getByTestId('calc-si-0').fill('4500');
    await page.getByTestId('calc-sd-0').fill('2000');
    await page.getByTestId('calc-submit').click();
    await page.getByTestId('calc-withheld').waitFor();
    const expected = [555, 625, 1850, 1850, 1850, 1850, 1850, 2250, 3700, 3700, 3700, 3700];
    for (let m = 1; m <= 12; m++) {
      expect(Number((await page.getByTestId(`withheld-p1-${m}`).innerText()).replace(/,/g, ''))).toBe(expected[m - 1]);
    }
    expect(Number((await page.getByTestId('iit-annual-p1').innerText()).replace(/,/g, ''))).toBe(27_480);
  });

  it('lists the run under 运行记录 and opens it again', async () => {
    await page.getByTestId('tab-runs').click();
    await page.getByTestId(`open-run-${runId}`).click();
    await page.getByTestId('dashboard').waitFor();
    expect(await page.getByTestId('results-title').innerText()).toContain('低保标准提高10%');
    expect(pageErrors).toEqual([]);
  });
});
