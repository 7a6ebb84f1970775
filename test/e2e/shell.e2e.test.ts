/**
 * The platform shell in a real browser against the real server: the administrator signs in and enrols
 * two-factor, sees the shell in Chinese with the entries its roles allow, creates an account holding
 * the remaining roles (三员分立: the auditor cannot be an administrator); that user changes the
 * generated password, enrols two-factor, sees all six entries, switches language, finds its own
 * sign-in in the audit log, verifies the chain, exports it, and signs out.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolTotp, startHarness, type Harness } from './harness.js';

const ADMIN_PASSWORD = 'Liaoyang-Start-2024!';
const NEW_PASSWORD = 'Taizi-River#7788';
const SIX = ['方案督办', '收入与财产信息', '住户收支调查', '政策评估', '指标与目标', '系统管理'];

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ adminPassword: ADMIN_PASSWORD });
});
afterAll(async () => {
  await h?.close();
});

const nav = (page: Page) => page.getByTestId('main-nav');

async function menuLabels(page: Page): Promise<string[]> {
  return (await nav(page).locator(':scope > li').allInnerTexts()).map((s) => s.trim().split('\n')[0]);
}

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

describe('platform shell', () => {
  it('serves the health check', async () => {
    const res = await fetch(`${h.url}/api/health`);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('walks the administrator and a new auditor through sign-in, the shell, the audit log and sign-out', async () => {
    const page = await h.newPage();
    await page.goto('/admin/users');
    await page.waitForURL('**/login');
    await expect(page.title()).resolves.toBe('增收 · 居民增收工作平台');

    // A wrong password is refused with a Chinese message.
    await signIn(page, 'admin', 'not-the-password');
    await expect(page.getByRole('alert').innerText()).resolves.toContain('用户名或密码错误');

    // The administrator must enrol two-factor before anything else.
    await page.screenshot({ path: '/tmp/zengshou-e2e-login.png' });
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await enrolTotp(page, '/tmp/zengshou-e2e-totp.png');

    // The shell in Chinese: name, roles, region; entries for sysadmin + secadmin only.
    await page.getByTestId('user-name').waitFor();
    await expect(page.getByTestId('user-name').innerText()).resolves.toContain('系统管理员');
    await expect(page.getByTestId('user-roles').innerText()).resolves.toBe('系统管理员、安全管理员');
    await expect(page.getByTestId('user-region').innerText()).resolves.toContain('辽阳市');
    expect(await menuLabels(page)).toEqual(['首页', '收入与财产信息', '系统管理']);

    // The security administrator creates an account for an auditor who also supervises, analyses and surveys.
    await page.goto('/admin/users');
    await page.getByRole('button', { name: /新建用户/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('e2e.auditor');
    await dialog.getByLabel('姓名').fill('测试审计员');
    await dialog.getByLabel('数据范围').click();
    await page.locator('.ant-select-tree').getByTitle('辽阳市（211000）').click();
    for (const role of ['安全审计员', '督查人员', '统计分析人员', '调查员']) await dialog.getByLabel(role).check();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const once = page.getByTestId('one-time-password');
    await once.waitFor();
    const initial = (await once.innerText()).trim();
    expect(initial.length).toBeGreaterThanOrEqual(10);
    await page.getByRole('button', { name: '我已妥善记录' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await expect(page.getByRole('row', { name: /e2e\.auditor/ }).innerText()).resolves.toContain('安全审计员');
    await page.screenshot({ path: '/tmp/zengshou-e2e-users.png' });

    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.getByText('您已安全退出').waitFor();

    // The new user: forced password change, then two-factor enrolment (auditor).
    await signIn(page, 'e2e.auditor', initial);
    await page.getByText('您的密码由管理员设置或已过期，请先修改密码。').waitFor();
    await page.getByLabel('当前密码').fill(initial);
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();
    await enrolTotp(page);

    // All six entries, and the name, roles and region.
    await page.getByTestId('user-name').waitFor();
    expect(await menuLabels(page)).toEqual(['首页', ...SIX]);
    await expect(page.getByTestId('user-name').innerText()).resolves.toContain('测试审计员');
    await expect(page.getByTestId('user-roles').innerText()).resolves.toBe('安全审计员、督查人员、统计分析人员、调查员');
    await expect(page.getByTestId('user-region').innerText()).resolves.toContain('辽阳市');
    await nav(page).getByText('方案督办').click();
    await page.waitForURL('**/plan');
    await page.locator('.ant-layout-header h4', { hasText: '方案督办' }).waitFor();

    // English and back; the choice is saved on the server (it survives a reload).
    await page.getByText('English', { exact: true }).click();
    await nav(page).getByText('Plan supervision').waitFor();
    await expect(page.getByTestId('user-roles').innerText()).resolves.toBe('Auditor, Supervisor, Analyst, Enumerator');
    await page.reload();
    await nav(page).getByText('Administration').waitFor();
    expect(await menuLabels(page)).toContain('Income & property registry');
    await page.getByText('中文', { exact: true }).click();
    await nav(page).getByText('系统管理').waitFor();

    // The audit log shows this user's own sign-in; the chain verifies; the export downloads.
    await nav(page).getByText('系统管理').click();
    await nav(page).getByText('审计日志').click();
    await page.waitForURL('**/admin/audit');
    await page.getByLabel('用户', { exact: true }).fill('e2e.auditor');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const loginRow = page.getByRole('row').filter({ hasText: 'auth.login' }).filter({ hasText: 'e2e.auditor' }).first();
    await loginRow.waitFor();
    await expect(loginRow.innerText()).resolves.toContain('成功');
    await page.getByRole('button', { name: /校验完整性/ }).click();
    await expect(page.getByTestId('audit-verify').innerText()).resolves.toMatch(/校验通过：\d+ 条记录的哈希链完整/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.screenshot({ path: '/tmp/zengshou-e2e-audit.png', fullPage: true });

    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.getByText('您已安全退出').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);
    expect(h.pageErrors).toEqual([]);
  });
});
