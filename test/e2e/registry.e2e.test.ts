/**
 * The income and property registry in a real browser against the real server. An administrator
 * (two-factor enrolled) uploads the population register and a tax file through the import page:
 * the tax channel holds sensitive data, so its import stays disabled until an impact assessment is
 * filed; one tax row has a broken ID check character and lands in the quarantine with its reason.
 * A city analyst finds a person by ID number (masked), opens the person page, unmasks it after
 * stating a purpose — each read in the audit log — and reads the county table, whose city row is
 * the per-capita wage worked out from the files by hand, and exports it to Excel with the same
 * figure. A county analyst cannot reach another county's person by search or by its page address.
 * Last, with 400 more persons and a 低保 roster without ID numbers, the analyst runs linkage from the
 * review tab and confirms a queued pair: the two records become one person, by review, audited.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/modules/audit/audit.service.js';
import { bufferSource } from '../../src/modules/registry/import/source.js';
import { TAX_HEADER, TEST_PIA, fakePersons, taxRows, toCsv } from '../../src/modules/registry/testing/fixtures.js';
import { ROSTER_HEADER, rosterWithoutIds } from '../../src/modules/registry/testing/linkage-fixture.js';
import { POPULATION_HEADER, populationRows } from '../../src/modules/registry/testing/population.js';
import type { Role } from '../../src/shared/roles.js';
import { enrolTotp, startHarness, type Harness } from './harness.js';

const PASSWORD = 'Registry-Taizi#2024';
const persons = fakePersons(40, 23);
const pop = populationRows(persons, 2); // 20 households of two, placed at the head's township
const tax = taxRows(persons, ['2023-01', '2023-02', '2023-03']);
// Row 6's ID number with another check character: rejected, kept in the quarantine.
const BAD = 5;
const badId = tax[BAD][3].slice(0, 17) + (tax[BAD][3].endsWith('1') ? '2' : '1');
tax[BAD][3] = badId;
// A person of 白塔区 (211002) and one of 文圣区 (211003), by their household's place.
const inBaita = persons.findIndex((_, i) => pop[i][6].startsWith('211002'));
const inWensheng = persons.findIndex((_, i) => pop[i][6].startsWith('211003'));

let h: Harness;

async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

const account = (username: string, roles: Role[], regionCode: string) =>
  h.services.users.create({ username, displayName: username, roles, regionCode, password: PASSWORD, departmentId: null }, SYSTEM_ACTOR, null);

async function chooseChannel(page: Page, name: string) {
  await page.locator('.ant-select').filter({ hasText: '渠道' }).first().click();
  await page.locator('.ant-select-item-option', { hasText: name }).click();
}

async function upload(page: Page, channel: string, file: string, header: string[], rows: string[][]) {
  await chooseChannel(page, channel);
  await page.locator('input[type=file]').setInputFiles({ name: file, mimeType: 'text/csv', buffer: Buffer.from(toCsv(header, rows)) });
  await page.getByRole('button', { name: '开始导入' }).click();
  return page.locator('.ant-alert-success').filter({ hasText: '接收' });
}

beforeAll(async () => {
  h = await startHarness({ adminPassword: 'Liaoyang-Start-2024!' });
  await account('e2e.importer', ['sysadmin'], '211000');
  await account('e2e.analyst', ['analyst'], '211000');
  await account('e2e.wensheng', ['analyst'], '211003');
  await h.services.registry.channels.filePia('population', TEST_PIA, SYSTEM_ACTOR);
});
afterAll(async () => {
  await h?.close();
});

describe('income and property registry in the browser', () => {
  it('imports the population register and a tax file with a rejected row, after the impact assessment', async () => {
    const page = await h.newPage();
    await signIn(page, 'e2e.importer');
    await enrolTotp(page);
    await page.getByTestId('user-name').waitFor();
    await page.goto('/registry?tab=imports');

    const done = await upload(page, '常住人口与家庭户信息', 'population.csv', POPULATION_HEADER, pop);
    await expect(done.innerText()).resolves.toContain('接收 40 行，拒收 0 行');

    // The tax channel is sensitive and has no impact assessment yet: the import cannot start.
    await page.reload();
    await chooseChannel(page, '个人所得税扣缴明细');
    await page.getByText('须先在“数据渠道”中登记影响评估').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'tax.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(TAX_HEADER, tax)) });
    await expect(page.getByRole('button', { name: '开始导入' }).isDisabled()).resolves.toBe(true);

    await h.services.registry.channels.filePia('tax', TEST_PIA, SYSTEM_ACTOR);
    await page.reload();
    const taxDone = await upload(page, '个人所得税扣缴明细', 'tax.csv', TAX_HEADER, tax);
    await expect(taxDone.innerText()).resolves.toContain(`接收 ${tax.length - 1} 行，拒收 1 行`);

    // The rejected row, with its reason, in the batch's quarantine.
    await page.getByRole('row', { name: /tax\.csv/ }).getByRole('button', { name: '1', exact: true }).click();
    const quarantine = page.locator('.ant-modal').filter({ hasText: '拒收行（批次' });
    await quarantine.getByText('身份证号校验位错误').waitFor();
    await expect(quarantine.getByRole('cell', { name: String(BAD + 2) }).count()).resolves.toBeGreaterThan(0); // file row: header is row 1
  });

  it('lets a city analyst find a person by ID number, masked, and unmask the page with a purpose — all audited', async () => {
    const page = await h.newPage();
    await signIn(page, 'e2e.analyst');
    await page.getByTestId('user-name').waitFor();
    await page.goto('/registry?tab=persons');
    const p = persons[inBaita];
    await page.getByPlaceholder('身份证号（15 或 18 位）').fill(p.id);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const masked = `${p.id.slice(0, 4)}${'*'.repeat(10)}${p.id.slice(-4)}`;
    const row = page.getByRole('row').filter({ hasText: masked });
    await row.waitFor();
    await expect(page.getByText(p.id, { exact: true }).count()).resolves.toBe(0);

    await row.getByRole('button', { name: /查\s*看/ }).click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: '人员信息' });
    await drawer.getByText(masked).waitFor();
    await drawer.getByRole('button', { name: '查看未脱敏信息' }).click();
    const ask = page.locator('.ant-modal').filter({ hasText: '请说明查看用途' });
    await ask.getByRole('textbox').fill('核实收入登记（测试）');
    await ask.getByRole('button', { name: /确\s*定/ }).click();
    await drawer.getByText(p.id, { exact: true }).waitFor();
    await drawer.getByText('已显示未脱敏信息（已记录用途）').waitFor();

    const audit = await h.services.audit.query({ username: 'e2e.analyst', action: 'registry.person', limit: 50, offset: 0 });
    const actions = audit.rows.map((r) => r.action);
    expect(actions).toContain('registry.person.search');
    expect(actions).toContain('registry.person.read');
    const unmask = audit.rows.find((r) => r.action === 'registry.person.unmask');
    expect(JSON.parse(unmask!.detail)).toMatchObject({ purpose: '核实收入登记（测试）' });
  });

  it('shows the county table with the city row worked out by hand, and exports the same figure', async () => {
    const page = await h.newPage();
    await signIn(page, 'e2e.analyst');
    await page.getByTestId('user-name').waitFor();
    await page.goto('/registry?tab=tables');
    // By hand: Σ accepted wages (元 → 分) over the 40 registered persons, rounded to 分.
    const wageFen = tax.reduce((a, r, i) => a + (i === BAD ? 0 : Math.round(Number(r[6]) * 100)), 0);
    const perCapita = Math.round(wageFen / persons.length) / 100;
    const shown = perCapita.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 0 });
    const card = page.locator('.ant-card-small').filter({ hasText: '人均可支配收入（按区划）' });
    const cityRow = card.getByRole('row').filter({ hasText: '辽阳市' });
    await cityRow.waitFor();
    const cells = await cityRow.getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 4)).toEqual(['辽阳市', '20', '40', shown]);
    await card.getByRole('row').filter({ hasText: '白塔区' }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 Excel/ }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    const ws = wb.getWorksheet('人均可支配收入')!;
    const values: unknown[][] = [];
    ws.eachRow((r) => values.push((r.values as unknown[]).slice(1)));
    const city = values.find((r) => r[0] === '211000')!;
    expect(city.slice(1, 5)).toEqual(['辽阳市', 20, 40, perCapita]);
  });

  it('keeps a county analyst out of another county’s person, by search and by address', async () => {
    const page = await h.newPage();
    await signIn(page, 'e2e.wensheng');
    await page.getByTestId('user-name').waitFor();
    await page.goto('/registry?tab=persons');
    const search = async (id: string) => {
      await page.getByPlaceholder('身份证号（15 或 18 位）').fill(id);
      await page.getByRole('button', { name: /查\s*询/ }).click();
    };
    // Own county first (the search works), then 白塔区's person: nothing.
    const own = persons[inWensheng];
    await search(own.id);
    await page.getByRole('row').filter({ hasText: `${own.id.slice(0, 4)}${'*'.repeat(10)}${own.id.slice(-4)}` }).waitFor();
    await search(persons[inBaita].id);
    await page.getByText('辖区内没有符合条件的人员').waitFor();

    // The person page's address with the other county's person id: refused, nothing shown.
    const city = { userId: null, username: 'system', regionCode: '211000', canUnmask: false };
    const [found] = await h.services.registry.persons.search(city, { idNumber: persons[inBaita].id }, SYSTEM_ACTOR);
    await page.goto(`/registry?tab=persons&person=${found.id}`);
    const drawer = page.locator('.ant-drawer').filter({ hasText: '人员信息' });
    await drawer.locator('.ant-alert-error').waitFor();
    await expect(drawer.getByText(persons[inBaita].name.slice(1)).count()).resolves.toBe(0);
    await expect(drawer.locator('.ant-descriptions').count()).resolves.toBe(0);
  });

  it('lets the analyst run linkage and confirm a queued pair in the review tab', async () => {
    const r = h.services.registry;
    const more = fakePersons(440, 21);
    const registered = more.slice(0, 400);
    const roster = rosterWithoutIds(registered.slice(0, 50), more.slice(400, 410));
    await r.channels.filePia('civil_affairs', TEST_PIA, SYSTEM_ACTOR);
    await r.imports.importFile('population', bufferSource('pop2.csv', Buffer.from(toCsv(POPULATION_HEADER, populationRows(registered)))), SYSTEM_ACTOR, { asOf: '2024-06-30' });
    await r.imports.importFile('civil_affairs', bufferSource('dibao.csv', Buffer.from(toCsv(ROSTER_HEADER, roster.map((x) => x.cells)))), SYSTEM_ACTOR, { asOf: '2024-06-30' });

    const page = await h.newPage();
    await signIn(page, 'e2e.analyst');
    await page.getByTestId('user-name').waitFor();
    await page.goto('/registry?tab=review');
    await page.getByText('没有待确认的匹配建议').waitFor();
    await page.getByRole('button', { name: '运行概率匹配' }).click();
    const ran = page.locator('.ant-message').filter({ hasText: '比较' });
    await ran.waitFor();
    const [, compared, merged, queued] = /比较 (\d+) 对：自动合并 (\d+)，待确认 (\d+)/.exec(await ran.innerText())!.map(Number);
    expect(compared).toBeGreaterThan(0);
    expect(merged).toBeGreaterThan(0);
    expect(queued).toBeGreaterThan(0);
    const items = page.locator('.ant-list-item');
    await expect(items.count()).resolves.toBe(queued);
    // Both sides masked.
    const first = items.first();
    for (const name of await first.locator('a').allInnerTexts()) expect(name).toMatch(/\*/);

    const recordName = await first.locator('a').first().innerText();
    await first.getByRole('button', { name: '是同一人', exact: true }).click();
    if (queued === 1) await page.getByText('没有待确认的匹配建议').waitFor();
    else await expect.poll(() => items.count()).toBe(queued - 1);

    // The run's automatic merges and this one decision, each audited under the analyst's name.
    const audit = await h.services.audit.query({ username: 'e2e.analyst', action: 'registry.merge', limit: 1000, offset: 0 });
    const details = audit.rows.map((a) => JSON.parse(a.detail) as { method: string; linkId: number });
    expect(details.filter((d) => d.method === 'auto')).toHaveLength(merged);
    const reviewed = details.filter((d) => d.method === 'review');
    expect(reviewed).toHaveLength(1);
    const detail = reviewed[0];
    // The roster record now opens as the person it was merged into.
    const link = (await r.linkage.links({ userId: null, username: 'system', regionCode: '211000', canUnmask: false }, 'confirmed', SYSTEM_ACTOR)).find((l) => l.linkId === detail.linkId)!;
    expect(link.left.name).toBe(recordName);
    await page.goto(`/registry?tab=review&person=${link.left.id}`);
    await page.locator('.ant-drawer').getByText(`您打开的记录 ${link.left.id} 已合并到本人员`).waitFor();
  });

  it('raised no errors in the pages', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
