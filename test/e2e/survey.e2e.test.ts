/**
 * The household survey in a real browser against the real server. A sample is drawn in-process; every
 * household but one has approved diaries for 2025-Q3, the one has August and September only, so its
 * township and county cannot approve July yet and the whole county is missing from the quarterly table.
 * On a phone-sized screen the household records a week of July (the fourth day offline: kept on the
 * phone, uploaded when the connection returns, once), answers the quality warnings and submits; the
 * enumerator approves it, the township and the county approve their July; the analyst's 2025-Q3 table
 * now holds the county, with exactly the numbers the survey module computes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service.js';
import { SYSTEM_VIEWER } from '../../src/modules/survey/access.js';
import { approveGenerated, insertGenerated } from '../../src/modules/survey/bulk.js';
import { testSource } from '../../src/modules/survey/fixtures.js';
import type { HouseholdRow } from '../../src/modules/survey/survey.repository.js';
import type { Role } from '../../src/shared/roles.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { CHROMIUM, WEB_DIR, ensureWebBuilt } from './harness.js';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PASSWORD = 'Survey-Diary#2025';
const PHONE = { width: 390, height: 844 };

let server: RunningServer;
let browser: Browser;
let dataDir: string;
let sampleId: number;
let hh: HouseholdRow;
let countyHouseholds: number;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function newPage(phone = false): Promise<{ page: Page; ctx: BrowserContext }> {
  const url = server.url.replace('://localhost:', '://127.0.0.1:');
  const ctx = await browser.newContext({ baseURL: url, locale: 'zh-CN', acceptDownloads: true, ...(phone ? { viewport: PHONE, isMobile: true, hasTouch: true } : { viewport: { width: 1440, height: 900 } }) });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(`console: ${m.text()}`);
  });
  return { page, ctx };
}

async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('user-name').waitFor();
}

const account = (username: string, roles: Role[], regionCode: string) =>
  server.services.users.create({ username, displayName: username, roles, regionCode, password: PASSWORD, departmentId: null }, SYSTEM_ACTOR, null);

beforeAll(async () => {
  await ensureWebBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'zengshou-survey-e2e-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, adminPassword: 'Liaoyang-Start-2024!', webDir: WEB_DIR });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const s = server.services.survey;
  sampleId = await s.samples.draw({ name: '浏览器测试样本', yearFrom: 2025, yearTo: new Date().getUTCFullYear(), options: { targetHouseholds: 60, householdsPerPsu: 5, reservesPerPsu: 2, seed: 5 } }, testSource(), SYSTEM_ACTOR);
  const active = await s.repo.households({ sampleId, status: 'active' });
  hh = active.find((h) => h.township_code === '211021101' && h.urban === 0)!;
  countyHouseholds = active.filter((h) => h.county_code === hh.county_code).length;
  await s.createHouseholdLogin(SYSTEM_VIEWER, null, hh.id, { username: 'e2e.household', password: PASSWORD }, SYSTEM_ACTOR);
  await account('e2e.enumerator', ['enumerator'], '211021101');
  await account('e2e.township', ['analyst'], '211021101');
  await account('e2e.county', ['analyst'], '211021');
  await account('e2e.analyst', ['analyst'], '211000');
  const month = (h: HouseholdRow, m: string, k: number) => [
    { householdId: h.id, date: `${m}-15`, itemCode: '1101', amountFen: 300000 + 1000 * (h.id % 17) + k },
    { householdId: h.id, date: `${m}-16`, itemCode: '4101', amountFen: 80000 },
    { householdId: h.id, date: `${m}-20`, itemCode: '5101', amountFen: 90000 + 500 * (h.id % 7) },
  ];
  const others = active.filter((h) => h.id !== hh.id);
  await insertGenerated(s.repo, [...others.flatMap((h) => month(h, '2025-07', 1)), ...active.flatMap((h) => [...month(h, '2025-08', 2), ...month(h, '2025-09', 3)])]);
  await approveGenerated(s.repo, sampleId, others, ['2025-07'], 'county');
  await approveGenerated(s.repo, sampleId, active, ['2025-08', '2025-09'], 'county');
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const n = async (page: Page, id: string) => Number((await page.getByTestId(id).innerText()).replace(/[^\d]/g, ''));

describe('household survey in the browser', () => {
  let analyst: Page;
  let before: number;

  it('shows the analyst a 2025-Q3 table without the county whose July is not approved', async () => {
    ({ page: analyst } = await newPage());
    await signIn(analyst, 'e2e.analyst');
    await analyst.goto('/survey?tab=estimates&period=2025-Q3');
    await analyst.getByTestId('est-row-all').waitFor();
    before = await n(analyst, 'est-all-n');
    expect(await n(analyst, 'est-211021-n')).toBe(0);
    expect(await analyst.getByTestId('est-211021-disposable').innerText()).toBe('…');
    const e = await server.services.survey.estimates.estimate(sampleId, '2025-Q3');
    expect(before).toBe(e.rows.find((r) => r.domain === 'all')!.households);
    await analyst.screenshot({ path: '/tmp/zengshou-survey-estimates-before.png', fullPage: true });
  });

  it('lets the household record a week of July on a phone, one day offline, and submit the month', async () => {
    const { page: phone, ctx } = await newPage(true);
    await signIn(phone, 'e2e.household');
    await phone.goto('/survey?date=2025-07-01');
    await phone.getByTestId('diary-phone').waitFor();
    const rows = phone.getByTestId('entry-row');
    const add = async (search: string, code: string, amount: string) => {
      // a tap on the list can miss while the page shifts on a slow machine: the entry is ready once
      // the add button is enabled, as a person would see it; else pick again
      const box = phone.getByTestId('item-search');
      for (let attempt = 1; ; attempt++) {
        await box.fill(search);
        await phone.getByTestId(`item-${code}`).click();
        await phone.getByTestId('amount').fill(amount);
        const ready = await expect
          .poll(() => phone.getByTestId('add-entry').isEnabled(), { timeout: 3_000 })
          .toBe(true)
          .then(() => true, () => false);
        if (ready) break;
        console.warn(`item ${code}, try ${attempt}: box «${await box.inputValue()}», amount «${await phone.getByTestId('amount').inputValue()}», not ready`);
        if (attempt === 3) throw new Error(`entry for item ${code} not ready after ${attempt} tries`);
      }
      await phone.getByTestId('add-entry').click();
    };
    const week: [string, string, string][] = [
      ['gz', '1101', '4,800元'],
      ['ly', '5101', '１２８．５'],
      ['rqd', '5102', '86'],
      ['zwys', '5104', '35'],
      ['电费', '5303', '120'],
      ['sc', '5103', '56'],
      ['公交', '5501', '0.003万'],
    ];
    for (let d = 0; d < week.length; d++) {
      const [search, code, amount] = week[d];
      if (d > 0) await phone.getByTestId('diary-next').click();
      await expect.poll(() => phone.getByTestId('diary-date').inputValue()).toBe(`2025-07-0${d + 1}`);
      if (d === 3) {
        await ctx.setOffline(true);
        await phone.getByTestId('online-status').filter({ hasText: '离线' }).waitFor();
        await add(search, code, amount);
        await expect.poll(() => phone.getByTestId('sync-status').innerText()).toContain('待同步 1 笔');
        await expect(rows.first().getAttribute('data-state')).resolves.toBe('pending');
        await phone.screenshot({ path: '/tmp/zengshou-survey-phone-offline.png' });
        await ctx.setOffline(false);
        await expect.poll(() => phone.getByTestId('sync-status').innerText(), { timeout: 15_000 }).toContain('已全部同步');
      } else {
        await add(search, code, amount);
        await expect.poll(() => rows.first().getAttribute('data-state')).toBe('synced');
      }
      await expect.poll(() => rows.count()).toBe(1);
    }
    // the day's total reads the amount typed as 0.003万 as 30 元
    await expect(phone.getByTestId('day-total').innerText()).resolves.toContain('30.00');
    await phone.screenshot({ path: '/tmp/zengshou-survey-phone-diary.png', fullPage: true });
    // submission: the quality checks ask for a comment on the days without entries
    const panel = phone.getByTestId('month-panel');
    await panel.getByTestId('issue-MISSING_DAYS').waitFor();
    await panel.getByTestId('submit-month').click();
    await expect.poll(() => panel.getByTestId('submit-error').innerText()).toContain('填写说明');
    for (const input of await panel.locator('[data-testid^="comment-"]').all()) await input.fill('7月8日起外出务工，其余日子在外地，无收支');
    await panel.getByTestId('submit-month').click();
    await expect.poll(() => panel.getByTestId('month-status').innerText()).toBe('已提交，待审核');
    await phone.screenshot({ path: '/tmp/zengshou-survey-phone-submitted.png', fullPage: true });
    // seven entries on the server, the offline one included once
    const m = await server.services.survey.repo.entriesOfMonth(hh.id, '2025-07');
    expect(m.map((e) => Number(e.amount_fen)).sort((a, b) => a - b)).toEqual([3000, 3500, 5600, 8600, 12000, 12850, 480000]);
  });

  it('lets the enumerator approve the household, then the township and the county their July', async () => {
    const approve = async (user: string, testId: string) => {
      const { page } = await newPage();
      await signIn(page, user);
      await page.goto('/survey?tab=review&month=2025-07');
      await page.getByTestId('review').waitFor();
      await page.getByTestId(testId).click();
      await page.getByText('已处理').first().waitFor();
      return page;
    };
    const enumerator = await approve('e2e.enumerator', `approve-${hh.id}`);
    await expect.poll(() => enumerator.getByTestId(`review-unit-${hh.id}`).innerText()).toContain('已审核通过');
    await approve('e2e.township', 'approve-self');
    const county = await approve('e2e.county', 'approve-self');
    await expect.poll(() => county.getByTestId('review-self-211021').innerText()).toContain('已审核通过');
    await county.screenshot({ path: '/tmp/zengshou-survey-review-county.png', fullPage: true });
  });

  it('shows the county in the quarterly table, as the survey module computes it', async () => {
    await analyst.reload();
    await analyst.getByTestId('est-row-all').waitFor();
    await expect.poll(() => n(analyst, 'est-211021-n')).toBe(countyHouseholds);
    expect(await n(analyst, 'est-all-n')).toBe(before + countyHouseholds);
    const e = await server.services.survey.estimates.estimate(sampleId, '2025-Q3');
    const all = e.rows.find((r) => r.domain === 'all')!;
    const county = e.rows.find((r) => r.domain === '211021')!;
    expect(await n(analyst, 'est-all-disposable')).toBe(Math.round(all.disposable.estimate!));
    expect(await n(analyst, 'est-211021-disposable')).toBe(Math.round(county.disposable.estimate!));
    await analyst.getByTestId('estimates-chart').locator('canvas').first().waitFor();
    await analyst.screenshot({ path: '/tmp/zengshou-survey-estimates-after.png', fullPage: true });
    const [download] = await Promise.all([analyst.waitForEvent('download'), analyst.getByTestId('export-xlsx').click()]);
    expect(download.suggestedFilename()).toBe('住户调查主要数据_2025-Q3.xlsx');
    expect(pageErrors).toEqual([]);
  });
});
