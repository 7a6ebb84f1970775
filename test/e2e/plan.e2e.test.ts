/**
 * Plan supervision (督查督办) in a real browser against the real server: the supervisor imports the Liaoyang
 * plan through the import dialog (a bad file first: the server's message is shown; a second copy: no
 * duplicate), sees 58 tasks, all red (nothing started 200 days in); the 人社局 liaison reports 50% with
 * an attachment on a task the bureau leads; the supervisor approves it and sees that task turn green
 * (planned ≈ 55.6%); the 任务分工表 downloads as a valid workbook carrying the new status.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness.js';
import { PNG_1X1, createAccount, daysBetween, isoDaysFromToday, signIn, startPlanHarness, type PlanHarness } from './plan-helpers.js';

const SEED = readFileSync(`${ROOT}/src/modules/workplan/seeds/liaoyang-2018-15-income-plan.txt`);
const SUPERVISOR = { username: 'e2e.supervisor', password: 'Baita-Tower#2026', displayName: '测试督查员' };
const LIAISON = { username: 'e2e.hrss', password: 'Taizi-River#5566', displayName: '测试人社联络员' };
const START = isoDaysFromToday(-200);
const END = isoDaysFromToday(160);
/** 序时进度 as the server computes it: days elapsed ÷ total days, to 0.1. */
const PLANNED = Math.round((daysBetween(START, isoDaysFromToday(0)) / daysBetween(START, END)) * 1000) / 10;

/** Waits for the page to catch up with the server (the machine may be busy). */
const SLOW = { timeout: 20_000, interval: 250 };

let h: PlanHarness;
let sup: Page;
let li: Page;

beforeAll(async () => {
  h = await startPlanHarness('Liaoyang-Start-2024!');
  await createAccount(h.server, { ...SUPERVISOR, roles: ['supervisor'] });
  await createAccount(h.server, { ...LIAISON, roles: ['liaison'], departmentCode: 'hrss' });
});
afterAll(async () => {
  await h?.close();
});

const count = async (page: Page, colour: string) => Number((await page.getByTestId(`count-${colour}`).innerText()).replace(/\D+/g, ''));
const row = (page: Page, seq: number) => page.getByTestId(`matrix-row-${seq}`);

async function importFile(page: Page, name: string, buffer: Buffer) {
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/plain', buffer });
  await dialog.getByPlaceholder('开始日期').click();
  await dialog.getByPlaceholder('开始日期').fill(START);
  await page.keyboard.press('Enter');
  await dialog.getByPlaceholder('结束日期').fill(END);
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: /导\s*入/ }).click();
}

// One story in steps that share the two signed-in pages (each step waits for the one before).
describe('plan supervision in the browser', () => {
  it('lets the supervisor import the plan: a bad file is refused, 58 red tasks, no duplicate', async () => {
    expect(PLANNED).toBeGreaterThan(54);
    expect(PLANNED).toBeLessThan(57);

    // No plan yet; the import dialog refuses a document without measures with the server's message.
    sup = await h.newPage();
    await signIn(sup, SUPERVISOR.username, SUPERVISOR.password);
    await sup.getByTestId('main-nav').getByText('方案督办').click();
    await sup.getByText('尚未导入工作方案').waitFor();
    await sup.getByRole('button', { name: /导入方案/ }).click();
    await importFile(sup, 'notes.txt', Buffer.from('一、总体要求\n这是一段没有责任单位的文字。\n', 'utf8'));
    await expect(sup.getByTestId('import-error').innerText()).resolves.toContain('没有识别到任何措施');
    await sup.screenshot({ path: '/tmp/zengshou-plan-import-error.png' });

    // The seed: 58 tasks, the parser's warnings with line numbers.
    await importFile(sup, 'liaoyang-2018-15.txt', SEED);
    const result = sup.getByTestId('import-result');
    await expect(result.innerText()).resolves.toContain('导入成功：生成任务 58 项');
    await expect(result.innerText()).resolves.toContain('辽市政发〔2018〕15号');
    await expect(result.innerText()).resolves.toMatch(/第 \d+ 行/);
    await sup.screenshot({ path: '/tmp/zengshou-plan-import.png' });
    await sup.getByRole('button', { name: '查看任务矩阵' }).click();
    await sup.getByRole('dialog').waitFor({ state: 'hidden' });

    // The matrix: 58 rows, all red (nothing reported 200 days after the start), ● lead cells.
    await sup.getByTestId('task-matrix').waitFor();
    await expect(sup.getByTestId('plan-title').innerText()).resolves.toBe('辽阳市激发重点群体活力带动城乡居民增收工作方案');
    expect(await count(sup, 'total')).toBe(58);
    expect(await count(sup, 'red')).toBe(58);
    expect(await sup.locator('[data-testid^="matrix-row-"]').count()).toBe(58);
    await expect(row(sup, 1).getAttribute('data-colour')).resolves.toBe('red');
    await expect(row(sup, 1).innerText()).resolves.toContain('完善技术工人薪酬激励机制');
    await expect(row(sup, 1).locator('td[title="市人力资源社会保障局：牵头单位"]').innerText()).resolves.toBe('●');
    await sup.screenshot({ path: '/tmp/zengshou-plan-matrix-red.png' });

    // Importing the same document again creates nothing.
    await sup.getByRole('button', { name: /导入方案/ }).click();
    await importFile(sup, 'again.txt', SEED);
    await sup.getByTestId('import-duplicate').waitFor();
    await sup.getByRole('button', { name: '查看任务矩阵' }).click();
    expect(await count(sup, 'total')).toBe(58);

    // 58 rows × 35 units: the first columns and the header stay while the units scroll sideways.
    const matrix = sup.getByTestId('task-matrix');
    await matrix.evaluate((el) => el.scrollTo({ left: el.scrollWidth, top: 600 }));
    const seqBox = await row(sup, 20).locator('td').first().boundingBox();
    const tableBox = await matrix.boundingBox();
    expect(Math.abs(seqBox!.x - tableBox!.x)).toBeLessThan(6);
    await sup.screenshot({ path: '/tmp/zengshou-plan-matrix-scrolled.png' });
    await matrix.evaluate((el) => el.scrollTo({ left: 0, top: 0 }));
  });

  it('lets the 人社局 liaison report 50% with an attachment on a task the bureau leads', async () => {
    li = await h.newPage();
    await signIn(li, LIAISON.username, LIAISON.password);
    await li.goto('/plan');
    const myRow = li.getByRole('row').filter({ hasText: '完善技术工人薪酬激励机制' });
    await expect(myRow.innerText()).resolves.toContain('牵头单位');
    const mine = await li.getByRole('row').filter({ has: li.locator('[data-testid^="report-"]') }).count();
    expect(mine).toBeGreaterThan(20);
    expect(mine).toBeLessThan(58); // only the bureau's tasks
    await li.screenshot({ path: '/tmp/zengshou-plan-mytasks.png' });
    await li.getByTestId('report-1').click();
    const form = li.getByTestId('report-form');
    await form.waitFor();
    await expect(form.innerText()).resolves.toContain('您的单位是牵头单位');
    await expect(form.locator('.ant-select-content, .ant-select-selection-item').first().innerText()).resolves.toBe(isoDaysFromToday(0).slice(0, 7));
    await form.getByLabel('工作进展').fill('已起草《技术工人薪酬激励指引》征求意见稿，召开企业座谈会 3 次（测试数据）。');
    await form.getByRole('spinbutton', { name: '完成进度（%）' }).fill('50');
    await form.getByRole('spinbutton', { name: '完成进度（%）' }).press('Tab');
    await form.locator('input[type=file]').setInputFiles({ name: '座谈会照片.png', mimeType: 'image/png', buffer: PNG_1X1 });
    await form.getByText('座谈会照片.png').waitFor();
    await li.screenshot({ path: '/tmp/zengshou-plan-report-form.png' });
    await form.getByRole('button', { name: /提交报告/ }).click();
    await li.getByText('进展报告已提交').waitFor();
    const card = li.locator('[data-testid^="report-card-"]').first();
    await expect(card.innerText()).resolves.toMatch(/待审核[\s\S]*50%/);
    await card.getByText('座谈会照片.png').waitFor();
  });

  it('lets the supervisor approve the report: the task turns from red to green', async () => {
    await sup.reload();
    await row(sup, 1).locator('a').click();
    const review = sup.locator('[data-testid^="review-"]');
    await review.waitFor();
    await expect(sup.locator('[data-testid^="report-card-"]').first().innerText()).resolves.toContain('已起草《技术工人薪酬激励指引》');
    // Returning needs a comment: refused on the page before anything is sent.
    await review.getByRole('button', { name: /退\s*回/ }).click();
    await review.getByText('退回时须填写意见').waitFor();
    await sup.screenshot({ path: '/tmp/zengshou-plan-review.png' });
    await review.getByRole('button', { name: /通\s*过/ }).click();
    await sup.getByText('已通过，任务进度已更新').waitFor();
    await expect.poll(async () => sup.locator('[data-testid^="report-card-"]').first().innerText(), SLOW).toContain('已通过');
    await sup.keyboard.press('Escape');
    await expect.poll(async () => row(sup, 1).getAttribute('data-colour'), SLOW).toBe('green');
    await expect(row(sup, 1).innerText()).resolves.toContain(`50% / ${PLANNED}%`);
    await expect.poll(async () => count(sup, 'green'), SLOW).toBe(1);
    expect(await count(sup, 'red')).toBe(57);
    await sup.screenshot({ path: '/tmp/zengshou-plan-matrix-green.png' });
  });

  it('exports the 任务分工表 with the new status, and shows the ranking, overdue list, timeline and English', async () => {
    // The 任务分工表 downloads and opens as a workbook with the new progress and status.
    const [download] = await Promise.all([sup.waitForEvent('download'), sup.getByRole('link', { name: /任务分工表/ }).click()]);
    expect(download.suggestedFilename()).toBe('任务分工表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const ws = wb.getWorksheet('任务分工表')!;
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '重点任务', '具体措施', '牵头单位', '配合单位', '完成时限', '进展', '状态']);
    expect(ws.rowCount).toBe(60);
    expect([ws.getCell('A3').value, ws.getCell('C3').value, ws.getCell('G3').value, ws.getCell('H3').value]).toEqual([1, '完善技术工人薪酬激励机制', '50%', '正常']);
    expect(ws.getCell('H4').value).toBe('严重滞后');

    // The other views render: ranking by unit kind, overdue (none), the timeline.
    await sup.getByRole('tab', { name: '单位排名' }).click();
    await sup.getByTestId('ranking-department').waitFor();
    await expect(sup.getByTestId('ranking-department').innerText()).resolves.toContain('市人力资源社会保障局');
    await sup.screenshot({ path: '/tmp/zengshou-plan-ranking.png', fullPage: true });
    await sup.getByRole('tab', { name: '逾期任务' }).click();
    await sup.getByText('暂无逾期任务').waitFor();
    await sup.getByRole('tab', { name: '时间轴' }).click();
    await sup.getByTestId('timeline-chart').locator('canvas').first().waitFor();
    await sup.screenshot({ path: '/tmp/zengshou-plan-timeline.png' });

    // Targets the parser found are proposed milestones: the supervisor confirms one.
    await sup.getByRole('tab', { name: '任务矩阵' }).click();
    await row(sup, 12).locator('a').click();
    const drawer = sup.getByRole('dialog').filter({ hasText: '二(二)9' });
    await drawer.getByRole('heading', { name: '节点目标' }).waitFor();
    await expect(drawer.getByText('待确认').count()).resolves.toBe(2);
    await sup.screenshot({ path: '/tmp/zengshou-plan-task-info.png' });
    await drawer.getByRole('button', { name: /确\s*认/ }).first().click();
    await expect.poll(async () => drawer.getByText('待确认').count(), SLOW).toBe(1);
    await sup.keyboard.press('Escape');

    // Reminders: the supervisor runs the check now; the bell lists what the supervision office gets.
    await sup.getByRole('button', { name: /立即检查提醒/ }).click();
    await sup.getByText(/检查完成，新增提醒 \d+ 条/).waitFor();
    await sup.getByTestId('notify-bell').click();
    await sup.getByTestId('notifications').waitFor();
    await sup.keyboard.press('Escape');

    // English through the shell's switch.
    await sup.getByText('English', { exact: true }).click();
    await sup.getByRole('tab', { name: 'Task matrix' }).waitFor();
    await expect(row(sup, 1).innerText()).resolves.toContain('On track');
    await sup.screenshot({ path: '/tmp/zengshou-plan-matrix-en.png' });
    await sup.getByText('中文', { exact: true }).click();
    await sup.getByRole('tab', { name: '任务矩阵' }).waitFor();

    expect(h.pageErrors).toEqual([]);
  });
});
