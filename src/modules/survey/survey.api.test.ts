import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../db/test-databases.js';
import { createTestApp, loginCookie, type TestApp } from '../../server/test-app.js';
import { SYSTEM_ACTOR } from '../audit/audit.service.js';
import { SYSTEM_VIEWER } from './access.js';
import { approveGenerated, insertGenerated } from './bulk.js';
import { testSource } from './fixtures.js';
import type { HouseholdRow } from './survey.repository.js';

const MONTH = '2025-03';
const YEAR_TO = new Date().getUTCFullYear();
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

describe.each(testDatabases())('household survey API on $name', (db) => {
  let t: TestApp;
  let sampleId: number;
  let hh: HouseholdRow;
  let other: HouseholdRow;
  let home: string;
  let enumerator: string;
  let township: string;
  let county: string;
  let city: string;
  beforeAll(async () => {
    t = await createTestApp(db);
    const s = t.services.survey;
    sampleId = await s.samples.draw({ name: '测试样本', yearFrom: 2024, yearTo: YEAR_TO, options: { targetHouseholds: 60, householdsPerPsu: 5, reservesPerPsu: 2, seed: 5 } }, testSource(), SYSTEM_ACTOR);
    const active = await s.repo.households({ sampleId, status: 'active' });
    hh = active.find((h) => h.township_code === '211021101' && h.urban === 0)!;
    other = active.find((h) => h.id !== hh.id && h.township_code === hh.township_code)!;
    await s.createHouseholdLogin(SYSTEM_VIEWER, null, hh.id, { username: 'test.household', password: 'Household-2025!' }, SYSTEM_ACTOR);
    home = await loginCookie(t.app, 'test.household', 'Household-2025!');
    enumerator = await t.userWithSession('test.enumerator', ['enumerator'], '211021101');
    township = await t.userWithSession('test.township', ['analyst'], '211021101');
    county = await t.userWithSession('test.county', ['analyst'], '211021');
    city = await t.userWithSession('test.city', ['analyst'], '211000');
    // every other household of the county has an approved March (generated)
    const rest = active.filter((h) => h.id !== hh.id && h.county_code === hh.county_code);
    await insertGenerated(s.repo, rest.flatMap((h) => [
      { householdId: h.id, date: `${MONTH}-10`, itemCode: '1101', amountFen: 350000 },
      { householdId: h.id, date: `${MONTH}-12`, itemCode: '5101', amountFen: 40000 },
    ]));
    await approveGenerated(s.repo, sampleId, rest, [MONTH], 'household');
  });
  afterAll(() => t.close());

  const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload && { payload }) });
  const sync = (cookie: string, entries: object[], id = hh.id) => api('POST', `/api/survey/households/${id}/entries/sync`, cookie, { entries });

  it('draws a stratified sample with design weights, and lists it by scope', async () => {
    const samples = (await api('GET', '/api/survey/samples', city)).json();
    expect(samples[0].strata.map((x: { code: string }) => x.code)).toEqual(['211002-U', '211021-R', '211021-U']);
    expect(samples[0].counts.active).toBeGreaterThanOrEqual(60);
    const all = (await api('GET', `/api/survey/households?sampleId=${sampleId}&status=active`, city)).json() as { countyCode: string; designWeight: number }[];
    const mine = (await api('GET', `/api/survey/households?sampleId=${sampleId}&status=active`, enumerator)).json() as { townshipCode: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(all.length);
    expect(mine.every((h) => h.townshipCode === '211021101')).toBe(true);
    expect(all.every((h) => h.designWeight > 1)).toBe(true);
  });

  it('keeps a household account to its own household', async () => {
    const me = (await api('GET', '/api/survey/me', home)).json();
    expect(me.household.id).toBe(hh.id);
    const list = (await api('GET', '/api/survey/households', home)).json();
    expect(list.map((h: { id: number }) => h.id)).toEqual([hh.id]);
    expect((await api('GET', `/api/survey/households/${other.id}/months/${MONTH}`, home)).statusCode).toBe(404);
    expect((await sync(home, [{ id: uuid(99), baseVersion: 0, date: `${MONTH}-02`, itemCode: '5101', amount: '10' }], other.id)).statusCode).toBe(404);
    expect((await api('GET', '/api/survey/estimates?period=2025', home)).statusCode).toBe(403);
    expect((await api('POST', '/api/survey/review/approve', home, { sampleId, level: 'household', unitCode: String(hh.id), month: MONTH })).statusCode).toBe(403);
  });

  it('syncs entries typed offline once, however often they are sent, reading amounts as people type them', async () => {
    const batch = [
      { id: uuid(1), baseVersion: 0, date: `${MONTH}-03`, itemCode: '1101', amount: '4,800元', clientTs: '2025-03-03T20:00:00+08:00' },
      { id: uuid(2), baseVersion: 0, date: `${MONTH}-03`, itemCode: '5101', amount: '１２８．５' },
      { id: uuid(3), baseVersion: 0, date: `${MONTH}-04`, itemCode: '5401', amount: '0.35万' },
    ];
    const first = (await sync(home, batch)).json();
    expect(first.results.map((r: { status: string }) => r.status)).toEqual(['created', 'created', 'created']);
    expect(first.results.map((r: { entry: { amountFen: number } }) => r.entry.amountFen)).toEqual([480000, 12850, 350000]);
    // the phone lost the answer and sends the same batch again: nothing doubles
    const again = (await sync(home, batch)).json();
    expect(again.results.map((r: { status: string }) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    const month = (await api('GET', `/api/survey/households/${hh.id}/months/${MONTH}`, home)).json();
    expect(month.entries).toHaveLength(3);
    expect(month.status).toBe('open');
    expect(month.missingDays).toContain(`${MONTH}-05`);
  });

  it('refuses bad entries with the reason', async () => {
    const res = (await sync(home, [
      { id: uuid(10), baseVersion: 0, date: tomorrow, itemCode: '5101', amount: '10' },
      { id: uuid(11), baseVersion: 0, date: '2023-12-31', itemCode: '5101', amount: '10' },
      { id: uuid(12), baseVersion: 0, date: `${MONTH}-05`, itemCode: '5101', amount: '1,23' },
      { id: uuid(13), baseVersion: 0, date: `${MONTH}-05`, itemCode: '9999', amount: '10' },
      { id: uuid(14), baseVersion: 0, date: `${MONTH}-05`, itemCode: '5101', amount: '一百' },
      { id: uuid(15), baseVersion: 0, date: '2025-02-30', itemCode: '5101', amount: '10' },
    ])).json();
    expect(res.results.map((r: { code: string }) => r.code)).toEqual(['DATE_IN_FUTURE', 'DATE_OUTSIDE_PERIOD', 'AMOUNT_GROUPING', 'UNKNOWN_ITEM', 'AMOUNT_INVALID', 'DATE_INVALID']);
    expect(res.results[1].message).toContain('不在本户的记账期内');
    const bad = await sync(home, [{ id: 'not-a-uuid', baseVersion: 0, date: `${MONTH}-05`, itemCode: '5101', amount: '10' }]);
    expect(bad.statusCode).toBe(400);
  });

  it('keeps both versions when an edit conflicts, for the enumerator to resolve; paradata record who changed what', async () => {
    // the enumerator corrects the amount (version 1 → 2)
    const upd = (await sync(enumerator, [{ id: uuid(2), baseVersion: 1, date: `${MONTH}-03`, itemCode: '5101', amount: '138.5' }])).json();
    expect(upd.results[0]).toMatchObject({ status: 'updated', version: 2 });
    // the phone, still at version 1, changes the note: conflict, the server keeps its version
    const c = (await sync(home, [{ id: uuid(2), baseVersion: 1, date: `${MONTH}-03`, itemCode: '5101', amount: '128.5', note: '米面油' }])).json();
    expect(c.results[0]).toMatchObject({ status: 'conflict', version: 2 });
    const conflicts = (await api('GET', `/api/survey/conflicts?sampleId=${sampleId}`, enumerator)).json();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].client).toMatchObject({ amount_fen: 12850, note: '米面油' });
    expect(conflicts[0].server).toMatchObject({ amount_fen: 13850, version: 2 });
    expect((await api('POST', `/api/survey/conflicts/${conflicts[0].id}/resolve`, home, { keep: 'client' })).statusCode).toBe(403);
    expect((await api('POST', `/api/survey/conflicts/${conflicts[0].id}/resolve`, enumerator, { keep: 'both', comment: '两笔都是真实支出' })).statusCode).toBe(200);
    const month = (await api('GET', `/api/survey/households/${hh.id}/months/${MONTH}`, home)).json();
    expect(month.entries.filter((e: { itemCode: string }) => e.itemCode === '5101').map((e: { amountFen: number }) => e.amountFen).sort()).toEqual([12850, 13850]);
    const para = (await api('GET', `/api/survey/households/${hh.id}/paradata`, enumerator)).json() as { field: string; oldValue: string; newValue: string; username: string; clientTs: string | null }[];
    expect(para.find((p) => p.field === 'amount_fen')).toMatchObject({ oldValue: '12850', newValue: '13850', username: 'test.enumerator' });
    expect(para.some((p) => p.field === 'conflict')).toBe(true);
    expect(para.find((p) => p.field === 'created' && p.clientTs)?.clientTs).toBe('2025-03-03T20:00:00+08:00');
  });

  it('blocks submission on errors, asks for comments on warnings, then locks the month', async () => {
    await sync(home, [{ id: uuid(20), baseVersion: 0, date: `${MONTH}-06`, itemCode: '5102', amount: '-30' }]);
    const err = await api('POST', `/api/survey/households/${hh.id}/months/${MONTH}/submit`, home, {});
    expect(err.json().error.code).toBe('QUALITY_ERRORS');
    expect(err.json().error.details.issues.some((i: { code: string }) => i.code === 'NEGATIVE_AMOUNT')).toBe(true);
    await sync(home, [{ id: uuid(20), baseVersion: 1, date: `${MONTH}-06`, itemCode: '5102', amount: '30' }]);
    const warn = await api('POST', `/api/survey/households/${hh.id}/months/${MONTH}/submit`, home, {});
    expect(warn.json().error.code).toBe('COMMENTS_REQUIRED');
    expect(warn.json().error.details.missing).toContain('MISSING_DAYS');
    const comments = Object.fromEntries((warn.json().error.details.missing as string[]).map((k) => [k, '春节后外出，少数天无收支']));
    const ok = await api('POST', `/api/survey/households/${hh.id}/months/${MONTH}/submit`, home, { comments });
    expect(ok.statusCode, ok.body).toBe(200);
    const late = (await sync(home, [{ id: uuid(21), baseVersion: 0, date: `${MONTH}-07`, itemCode: '5101', amount: '20' }])).json();
    expect(late.results[0]).toMatchObject({ status: 'refused', code: 'MONTH_SUBMITTED' });
  });

  it('reviews bottom-up: a level approves only after every unit below it; approval locks until reopened', async () => {
    const approve = (cookie: string, level: string, unitCode: string) => api('POST', '/api/survey/review/approve', cookie, { sampleId, level, unitCode, month: MONTH });
    expect((await approve(township, 'township', '211021101')).json().error.code).toBe('CHILDREN_PENDING');
    // a township user cannot approve at county level, nor a county user someone else's county
    expect((await approve(township, 'county', '211021')).json().error.code).toBe('REVIEW_LEVEL');
    expect((await approve(county, 'county', '211002')).json().error.code).toBe('OUT_OF_SCOPE');
    const units = (await api('GET', `/api/survey/review?sampleId=${sampleId}&month=${MONTH}`, enumerator)).json();
    const mine = units.children.find((u: { unitCode: string }) => u.unitCode === String(hh.id));
    expect(mine).toMatchObject({ status: 'submitted', canApprove: true });
    // returned with a comment, fixed, resubmitted, approved
    expect((await api('POST', '/api/survey/review/return', enumerator, { sampleId, level: 'household', unitCode: String(hh.id), month: MONTH })).json().error.code).toBe('COMMENT_REQUIRED');
    expect((await api('POST', '/api/survey/review/return', enumerator, { sampleId, level: 'household', unitCode: String(hh.id), month: MONTH, comment: '请核实3日工资' })).statusCode).toBe(200);
    expect((await api('GET', `/api/survey/households/${hh.id}/months/${MONTH}`, home)).json()).toMatchObject({ status: 'returned', comment: '请核实3日工资' });
    const comments = { MISSING_DAYS: '外出', WAGE_HISTORY: '新工作', MEMBERS_MISMATCH: '核对无误' };
    expect((await api('POST', `/api/survey/households/${hh.id}/months/${MONTH}/submit`, home, { comments })).statusCode).toBe(200);
    expect((await approve(enumerator, 'household', String(hh.id))).statusCode).toBe(200);
    expect((await approve(county, 'county', '211021')).json().error.code).toBe('CHILDREN_PENDING');
    expect((await approve(township, 'township', '211021101')).statusCode).toBe(200);
    const c = await approve(county, 'county', '211021');
    expect(c.statusCode, c.body).toBe(200);
    const locked = (await sync(home, [{ id: uuid(3), baseVersion: 1, date: `${MONTH}-04`, itemCode: '5401', amount: '3600' }])).json();
    expect(locked.results[0]).toMatchObject({ status: 'refused', code: 'MONTH_LOCKED' });
    expect(locked.results[0].message).toContain('已审核通过并锁定');
    // the township cannot take back its approval while the county holds it
    const re = (level: string, code: string, cookie: string) => api('POST', '/api/survey/review/reopen', cookie, { sampleId, level, unitCode: code, month: MONTH, comment: '发现录入错误' });
    expect((await re('township', '211021101', township)).json().error.code).toBe('PARENT_APPROVED');
    expect((await re('county', '211021', county)).statusCode).toBe(200);
    expect((await re('township', '211021101', township)).statusCode).toBe(200);
    expect((await re('household', String(hh.id), enumerator)).statusCode).toBe(200);
    const open = (await sync(home, [{ id: uuid(3), baseVersion: 1, date: `${MONTH}-04`, itemCode: '5401', amount: '3600' }])).json();
    expect(open.results[0].status).toBe('updated');
    const { rows } = await t.services.audit.query({ action: 'survey.review.', limit: 50, offset: 0 });
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['survey.review.approve', 'survey.review.return', 'survey.review.reopen']));
  });

  it('refuses to submit a month with no resident member', async () => {
    const roster = (await api('GET', `/api/survey/households/${hh.id}/roster?year=2025`, enumerator)).json();
    for (const m of roster.members) {
      expect((await api('PATCH', `/api/survey/members/${m.id}`, enumerator, { until: '2025-01-10', reason: '全家迁出' })).statusCode).toBe(200);
    }
    const after = (await api('GET', `/api/survey/households/${hh.id}/roster?year=2025`, enumerator)).json();
    expect(after.residents.find((r: { month: string }) => r.month === MONTH).count).toBe(0);
    const res = await api('POST', `/api/survey/households/${hh.id}/months/${MONTH}/submit`, home, { comments: {} });
    expect(res.json().error.code).toBe('QUALITY_ERRORS');
    expect(res.json().error.message).toContain('没有常住成员');
    for (const m of roster.members) await api('PATCH', `/api/survey/members/${m.id}`, enumerator, { until: null, reason: '登记有误，恢复' });
  });

  it('replaces a refusal with a reserve household of the same PSU and weight', async () => {
    const target = (await t.services.survey.repo.households({ sampleId, status: 'active' })).find((h) => h.county_code === '211002')!;
    const city2 = await t.userWithSession('test.enum.city', ['enumerator'], '211000');
    const r = (await api('POST', `/api/survey/households/${target.id}/refuse`, city2, { reason: '户主以工作忙为由拒绝记账' })).json();
    expect(r.replacement).toMatchObject({ psu: target.psu, designWeight: target.design_weight, replacesId: target.id, status: 'active' });
    const refused = (await api('GET', `/api/survey/households?sampleId=${sampleId}&status=refused`, city)).json();
    expect(refused[0]).toMatchObject({ id: target.id, refusalReason: '户主以工作忙为由拒绝记账' });
  });

  it('estimates from approved data and exports the publication table', async () => {
    const e = (await api('GET', `/api/survey/estimates?sampleId=${sampleId}&period=${MONTH}`, city)).json();
    expect(e.approvalLevel).toBe('county');
    // nothing approved at county level now (the county reopened): no household in the table
    expect(e.rows.find((r: { domain: string }) => r.domain === 'all').households).toBe(0);
    await t.services.survey.estimates.setSettings({ minHouseholds: 3, maxCv: 0.5, action: 'flag', approvalLevel: 'household', quintileUnit: 'household', level: 0.95 }, 'test');
    const e2 = (await api('GET', `/api/survey/estimates?sampleId=${sampleId}&period=${MONTH}`, city)).json();
    const rural = e2.rows.find((r: { domain: string }) => r.domain === '211021');
    expect(rural.households).toBeGreaterThan(5);
    // each generated household: wage 3,500 元, food 400 元 in the month
    expect(rural.wage.estimate).toBeGreaterThan(0);
    expect(rural.disposable.se).toBeGreaterThan(0);
    const x = await api('GET', `/api/survey/estimates.xlsx?sampleId=${sampleId}&period=${MONTH}`, city);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('主要数据')!;
    expect(ws.getCell('A1').value).toBe('辽阳市居民收支主要数据（2025年3月）');
    expect(ws.getRow(3).values).toEqual([undefined, '指标', '全市', '城镇', '农村', '白塔区', '文圣区', '宏伟区', '弓长岭区', '太子河区', '辽阳县', '灯塔市']);
    expect(ws.getCell('A4').value).toBe('人均可支配收入');
    expect(wb.getWorksheet('五等份')!.getCell('A3').value).toBe('低收入组');
  });

  it('lets the household account keep its questionnaires, with version checks', async () => {
    const url = `/api/survey/households/${hh.id}/questionnaires/2025/housing`;
    const data = { tenure: 'owned', areaM2: 86, builtYear: 2008, marketRentYuan: 1500, upkeepYuan: 1200, heating: 'central' };
    const saved = (await api('PUT', url, home, { data, baseVersion: 0 })).json();
    expect(saved).toMatchObject({ version: 1, data });
    expect((await api('PUT', url, home, { data: { ...data, areaM2: 90 }, baseVersion: 0 })).json().error.code).toBe('QUESTIONNAIRE_CONFLICT');
    expect((await api('PUT', url, home, { data: { ...data, areaM2: -1 }, baseVersion: 1 })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await api('PUT', url, home, { data: { ...data, areaM2: 90 }, baseVersion: 1 })).json().version).toBe(2);
  });
});
