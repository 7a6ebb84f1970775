import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../db/test-databases.js';
import { createTestApp, type TestApp } from '../../server/test-app.js';
import type { Dashboard, RosterResult, RosterSummary } from '../../shared/api/indicators.js';
import { makeResidentId } from '../../shared/resident-id.js';
import { SYSTEM_ACTOR } from '../audit/audit.service.js';
import { loadDemoRegistry } from '../registry/demo-load.js';

const csv = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8').toString('base64');

describe.each(testDatabases())('key-group rosters on $name', (db) => {
  let t: TestApp;
  let sup: string;
  let baita: string;
  let analyst: string;
  /** ID numbers of persons in the registry, read back by decrypting (independent of the blind index) */
  let ids: string[];
  beforeAll(async () => {
    t = await createTestApp(db);
    await loadDemoRegistry(t.services, { scale: 0.002, actor: SYSTEM_ACTOR });
    sup = await t.userWithSession('ros.sup', ['supervisor']);
    baita = await t.userWithSession('ros.baita', ['liaison'], '211002', 'gov_baita');
    analyst = await t.userWithSession('ros.analyst', ['analyst']);
    const rows = await t.handle.db.selectFrom('reg_persons').select(['id_number_enc', 'household_id']).where('id_number_enc', 'is not', null).where('household_id', 'is not', null).orderBy('id').limit(400).execute();
    // one member per household, so that every member brings a household of their own
    const seen = new Set<number>();
    ids = [];
    for (const r of rows) if (!seen.has(r.household_id!)) (seen.add(r.household_id!), ids.push(t.services.keyring.decrypt(r.id_number_enc!)));
    expect(ids.length).toBeGreaterThanOrEqual(26);
  }, 300_000);
  afterAll(() => t.close());

  const post = (cookie: string, group: string, body: object) => t.app.inject({ method: 'POST', url: `/api/indicators/key-groups/${group}/roster`, headers: { cookie }, payload: body });
  const researchers = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/indicators/dashboard?year=2023', headers: { cookie: sup } });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as Dashboard).keyGroups.find((g) => g.key === 'researcher');
  };

  it('takes a department\'s .csv roster: good numbers saved, bad ones returned with row and reason, repeats counted', async () => {
    expect((await researchers())?.income.value ?? null).toBeNull(); // nobody on the roster yet
    const stranger = makeResidentId('211002', '19990101', 997); // valid, but nobody the registry knows
    const bad = ids[0]!.slice(0, 17) + (ids[0]![17] === '0' ? '1' : '0');
    const lines = ['市科技局 科研人员名单', '序号,姓名,身份证号', ...ids.slice(0, 25).map((id, i) => `${i + 1},测试${i},${id}`), `26,测试重复,${ids[3]}`, `27,测试错号,${bad}`, `28,测试外地,${stranger}`];
    const res = await post(sup, 'researcher', { source: '市科技局', fileName: '科研人员.csv', contentBase64: csv(lines) });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as RosterResult;
    expect(r).toMatchObject({ group: 'researcher', source: '市科技局', header: '身份证号', accepted: 26, duplicates: 1, added: 26, removed: 0, notInRegistry: 1 });
    expect(r.rejects).toEqual([{ row: 29, value: `${bad.slice(0, 6)}***********${bad[17]}`, reason: '身份证号校验位错误' }]);
    // the group's figure now exists (25 registered members, each with a household)
    const g = (await researchers())!;
    expect(g.income.suppressed).toBe(false);
    expect(g.income.value).toBeGreaterThan(0);
    // audited, without any ID number
    const audit = await t.handle.db.selectFrom('audit_log').select(['detail', 'object_id']).where('action', '=', 'indicators.roster.import').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.object_id).toBe('researcher');
    for (const id of ids.slice(0, 26)) expect(audit[0]!.detail).not.toContain(id.slice(6, 14) + id.slice(14));
    // numbers are stored as blind indexes only
    const stored = await t.handle.db.selectFrom('ind_group_members').select('id_bidx').where('group_key', '=', 'researcher').execute();
    expect(stored).toHaveLength(26);
    for (const s of stored) expect(s.id_bidx).not.toMatch(/^\d{17}[\dX]$/);
  });

  it('adds without repeating, replaces on request (.xlsx with a title row), and suppresses a group of fewer than 3', async () => {
    const again = (await post(sup, 'researcher', { source: '市科技局', fileName: 'r.csv', contentBase64: csv(['身份证号', ...ids.slice(20, 30)]) })).json() as RosterResult;
    expect([again.accepted, again.added]).toEqual([10, 5]); // 20–24 were on the list already
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['2023年科研人员名单（替换）']);
    ws.addRow(['姓名', '公民身份号码']);
    ws.addRow(['测试甲', ids[0]]);
    ws.addRow(['测试乙', ids[1]]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const res = await post(sup, 'researcher', { source: '市科技局', fileName: '名单.xlsx', contentBase64: xlsx, replace: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ header: '公民身份号码', accepted: 2, added: 2, removed: 31 });
    const summary = (await t.app.inject({ method: 'GET', url: '/api/indicators/key-groups/rosters', headers: { cookie: sup } })).json() as RosterSummary;
    expect(summary).toEqual([{ group: 'researcher', label: { zh: '科研人员', en: 'Researchers' }, source: '市科技局', synthetic: false, members: 2, inRegistry: 2 }]);
    const g = (await researchers())!;
    expect([g.income.suppressed, g.income.value]).toEqual([true, null]); // 2 households: fewer than 3 contributors
  });

  it('refuses county users, roles without entry rights, unknown groups and files without ID numbers', async () => {
    const body = { source: 'x', fileName: 'r.csv', contentBase64: csv(['身份证号', ids[0]!]) };
    const county = await post(baita, 'researcher', body);
    expect([county.statusCode, county.json().error.code]).toEqual([403, 'CITY_LEVEL_ONLY']);
    expect((await post(analyst, 'researcher', body)).statusCode).toBe(403);
    expect((await post(sup, 'astronauts', body)).statusCode).toBe(400);
    const none = await post(sup, 'researcher', { ...body, contentBase64: csv(['姓名,单位', '测试甲,某单位']) });
    expect([none.statusCode, none.json().error.code]).toEqual([400, 'NO_ID_COLUMN']);
    const junk = await post(sup, 'researcher', { ...body, fileName: 'r.xlsx', contentBase64: Buffer.from('PK\u0003\u0004 not a workbook').toString('base64') });
    expect([junk.statusCode, junk.json().error.code]).toEqual([400, 'BAD_FILE']);
  });
});
