import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../db/test-databases.js';
import type { ImportEvent } from '../../shared/api/registry.js';
import { createTestApp, type TestApp } from '../../server/test-app.js';
import { currentTotp } from '../auth/totp.js';
import { TAX_HEADER, fakePersons, taxRows, toCsv } from './testing/fixtures.js';
import { POPULATION_HEADER, populationRows } from './testing/population.js';

const PIA = {
  purpose: '测试导入', legalBasis: '《个人信息保护法》第十三条', dataItems: '身份证号、姓名、收入', risks: '泄露', measures: '加密、脱敏、审计', riskLevel: 'medium', assessor: '测试组',
  assessedOn: '2024-01-01', validUntil: '2035-12-31',
};

describe.each(testDatabases())('registry API ($name)', (tdb) => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let baita: string;
  const persons = fakePersons(60, 17);
  const pop = populationRows(persons, 2);
  const inBaita = persons.filter((_, i) => pop[i][6].startsWith('211002'));
  const inWensheng = persons.filter((_, i) => pop[i][6].startsWith('211003'));

  const upload = async (channel: string, name: string, bytes: Buffer) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/registry/imports?channel=${channel}&name=${encodeURIComponent(name)}`, headers: { cookie: admin, 'content-type': 'application/vnd.zengshou.upload' }, payload: bytes });
    const events = res.body.trim().split('\n').map((l) => JSON.parse(l) as ImportEvent);
    return { status: res.statusCode, events, last: events[events.length - 1] };
  };
  const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
  const post = (url: string, cookie: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object });
  const audits = async (action: string) => (await t.services.audit.query({ action, limit: 1000, offset: 0 })).rows;

  beforeAll(async () => {
    t = await createTestApp(tdb);
    admin = await t.userWithSession('reg.admin', ['sysadmin']);
    const setup = (await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: { cookie: admin } })).json();
    await t.app.inject({ method: 'POST', url: '/api/auth/totp/enable', headers: { cookie: admin }, payload: { code: currentTotp(setup.secret) } });
    city = await t.userWithSession('reg.city', ['analyst'], '211000');
    baita = await t.userWithSession('reg.baita', ['analyst'], '211002');
  });
  afterAll(async () => t?.close());

  it('imports uploads with streamed progress once the impact assessment is filed', async () => {
    const refused = await t.app.inject({ method: 'POST', url: '/api/registry/imports?channel=population&name=pop.csv', headers: { cookie: admin, 'content-type': 'application/vnd.zengshou.upload' }, payload: Buffer.from('x') });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('PIA_REQUIRED');
    for (const code of ['population', 'tax']) expect((await post(`/api/registry/channels/${code}/pias`, admin, PIA)).statusCode).toBe(200);
    const p = await upload('population', '人口.csv', Buffer.from(toCsv(POPULATION_HEADER, pop)));
    expect(p.last).toMatchObject({ type: 'done', report: { rowsOk: persons.length, personsAdded: persons.length } });
    const tax = await upload('tax', '扣缴.csv', iconv.encode(toCsv(TAX_HEADER, taxRows(persons, ['2023-01', '2023-02', '2023-03'])), 'gb18030'));
    expect(tax.events.some((e) => e.type === 'progress')).toBe(true);
    expect(tax.last).toMatchObject({ type: 'done', report: { encoding: 'gb18030', rowsOk: persons.length * 3, personsAdded: 0 } });
    // Analysts may read but not import.
    expect((await t.app.inject({ method: 'POST', url: '/api/registry/imports?channel=tax&name=a.csv', headers: { cookie: city, 'content-type': 'application/vnd.zengshou.upload' }, payload: Buffer.from('x') })).statusCode).toBe(403);
  });

  it('gives a user scoped to 白塔区 no person of another county through any route', async () => {
    const other = inWensheng[0];
    const [hit] = (await get(`/api/registry/persons?idNumber=${other.id}`, city)).json();
    expect(hit).toBeTruthy();
    const id = hit.id as number;
    expect((await get(`/api/registry/persons?idNumber=${other.id}`, baita)).json()).toEqual([]);
    expect(((await get(`/api/registry/persons?name=${encodeURIComponent(other.name)}`, baita)).json() as { regionCode: string }[]).every((p) => p.regionCode.startsWith('211002'))).toBe(true);
    expect((await get(`/api/registry/persons/${id}`, baita)).statusCode).toBe(404);
    expect((await post(`/api/registry/persons/${id}/unmask`, baita, { purpose: '核对收入情况' })).statusCode).toBe(404);
    expect((await post(`/api/registry/persons/${id}/unmerge`, baita, { reason: '测试拆分' })).statusCode).toBe(404);
    const mine = (await get(`/api/registry/persons?idNumber=${inBaita[0].id}`, baita)).json()[0];
    expect((await post(`/api/registry/persons/${mine.id}/merge`, baita, { intoId: id, reason: '测试合并' })).statusCode).toBe(404);
    expect((await get('/api/registry/tables/income?year=2023&parent=211003', baita)).statusCode).toBe(403);
    expect((await get('/api/registry/tables/bands?year=2023&parent=211000&level=county', baita)).statusCode).toBe(403);
    expect((await get('/api/registry/tables/export.xlsx?year=2023&parent=211000', baita)).statusCode).toBe(403);
    const own = (await get('/api/registry/tables/income?year=2023', baita)).json();
    expect(own.parent).toBe('211002');
    expect(own.rows.every((r: { code: string }) => r.code.startsWith('211002'))).toBe(true);
    const links = (await get('/api/registry/links?status=pending', baita)).json() as { left: { regionCode: string }; right: { regionCode: string } }[];
    expect(links.every((l) => l.left.regionCode.startsWith('211002') && l.right.regionCode.startsWith('211002'))).toBe(true);
    expect((await get('/api/registry/quarantine', baita)).statusCode).toBe(403);
    const overview = (await get('/api/registry/overview', baita)).json();
    expect(overview.persons).toBe(inBaita.length);
  });

  it('audits every read of a person, and unmasking with its purpose', async () => {
    const target = inBaita[0];
    const before = (await audits('registry.person.read')).length;
    const [hit] = (await get(`/api/registry/persons?idNumber=${target.id}`, baita)).json();
    const page = (await get(`/api/registry/persons/${hit.id}`, baita)).json();
    expect(page.idNumber).toMatch(/^\d{4}\*{10}/);
    expect(page.incomes.filter((i: { item: string }) => i.item === 'wage')[0]).toMatchObject({ year: 2023, records: 3 });
    const reads = await audits('registry.person.read');
    expect(reads.length).toBe(before + 1);
    expect(reads[0]).toMatchObject({ username: 'reg.baita', object_id: String(hit.id), region_code: page.regionCode });
    expect((await audits('registry.person.search')).some((a) => a.username === 'reg.baita' && JSON.parse(a.detail).results.includes(hit.id))).toBe(true);
    const un = await post(`/api/registry/persons/${hit.id}/unmask`, baita, { purpose: '复核低保家庭收入' });
    expect(un.statusCode).toBe(200);
    expect(un.json().idNumber).toBe(target.id);
    expect(JSON.parse((await audits('registry.person.unmask'))[0].detail).purpose).toBe('复核低保家庭收入');
    expect((await post(`/api/registry/persons/${hit.id}/unmask`, baita, { purpose: '看' })).statusCode).toBe(400);
  });

  it('publishes tables and an .xlsx export with the same cells hidden', async () => {
    const table = (await get('/api/registry/tables/income?year=2023&parent=211000&level=county', city)).json();
    expect(table.rows[0]).toMatchObject({ code: '211000', isParent: true });
    const res = await get('/api/registry/tables/export.xlsx?year=2023&parent=211000&level=county', city);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('人均可支配收入')!;
    for (const [i, row] of (table.rows as { code: string; perCapita: Record<string, number | null> }[]).entries()) {
      const x = ws.getRow(3 + i);
      expect(x.getCell(1).value).toBe(row.code);
      const disp = x.getCell(9).value;
      expect(disp).toBe(row.perCapita.disposable ?? '—');
    }
    expect((await audits('registry.table.export')).length).toBeGreaterThan(0);
  });
});
