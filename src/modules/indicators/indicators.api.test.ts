import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../db/test-databases.js';
import { createTestApp, type TestApp } from '../../server/test-app.js';
import type { Dashboard, IndicatorDefinition, ManualEntry, Target } from '../../shared/api/indicators.js';

describe.each(testDatabases())('indicators API on $name', (db) => {
  let t: TestApp;
  let sup: string;
  let sup2: string;
  let agri: string;
  let baita: string;
  let analyst: string;
  beforeAll(async () => {
    t = await createTestApp(db);
    sup = await t.userWithSession('ind.sup', ['supervisor']);
    sup2 = await t.userWithSession('ind.sup2', ['supervisor']);
    agri = await t.userWithSession('ind.agri', ['liaison'], '211000', 'agriculture');
    baita = await t.userWithSession('ind.baita', ['liaison'], '211002', 'gov_baita');
    analyst = await t.userWithSession('ind.analyst', ['analyst']);
  });
  afterAll(() => t.close());

  const api = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload && { payload }) });
  const enter = async (cookie: string, indicator: string, period: string, value: number, region = '211000') => {
    const res = await api('POST', '/api/indicators/entries', cookie, { indicator, period, region, value });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ManualEntry;
  };
  const approved = async (cookie: string, indicator: string, period: string, value: number) => {
    const e = await enter(cookie, indicator, period, value);
    const res = await api('POST', `/api/indicators/entries/${e.id}/approve`, cookie === sup ? sup2 : sup, {});
    expect(res.statusCode, res.body).toBe(200);
  };
  const dashboard = async (cookie: string, q = '') => {
    const res = await api('GET', `/api/indicators/dashboard${q}`, cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Dashboard;
  };
  const card = (d: Dashboard, code: string) => d.headline.find((h) => h.code === code)!;

  it('serves the catalogue as data, with formulas', async () => {
    const defs = (await api('GET', '/api/indicators/definitions', analyst)).json() as IndicatorDefinition[];
    const codes = defs.map((d) => d.code);
    for (const c of ['income.pc.urban', 'income.pc.rural', 'income.pc.all', 'income.ratio.urban_rural', 'inequality.gini', 'middle.share', 'poverty.rural.headcount', 'dibao.recipients', 'coop.land_share']) expect(codes).toContain(c);
    const ratio = defs.find((d) => d.code === 'income.ratio.urban_rural')!;
    expect([ratio.numerator, ratio.denominator, ratio.better]).toEqual(['ind.income.pc.urban', 'ind.income.pc.rural', 'lower']);
    expect(defs.find((d) => d.code === 'coop.land_share')!.department).toBe('agriculture');
  });

  it('scopes the dashboard: a county user sees the county only; a city user may choose a county', async () => {
    const own = await dashboard(baita);
    expect(own.region).toEqual({ code: '211002', name: '白塔区', level: 'county' });
    expect(own.counties.map((c) => c.region)).toEqual(['211002']);
    for (const region of ['211000', '211003']) {
      const res = await api('GET', `/api/indicators/dashboard?region=${region}`, baita);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('OUT_OF_SCOPE');
    }
    expect((await api('GET', '/api/indicators/entries', baita)).statusCode).toBe(200);
    const city = await dashboard(sup);
    expect(city.region.level).toBe('city');
    expect(city.counties).toHaveLength(7);
    expect((await dashboard(sup, '?region=211002')).region.code).toBe('211002');
    expect((await api('GET', '/api/indicators/dashboard?region=211002001', sup)).statusCode).toBe(400);
    expect((await api('GET', '/api/indicators/dashboard', await t.userWithSession('ind.enum', ['enumerator']))).statusCode).toBe(403);
  });

  it('manual entry: the department enters, the supervisor returns or approves, approval locks; audited', async () => {
    // 市农委 enters its own indicator only
    const wrong = await api('POST', '/api/indicators/entries', agri, { indicator: 'income.pc.urban', period: '2017', region: '211000', value: 1 });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([403, 'NOT_YOUR_DEPARTMENT']);
    const bad = await api('POST', '/api/indicators/entries', agri, { indicator: 'coop.land_share', period: '2017-13', region: '211000', value: 1 });
    expect(bad.statusCode).toBe(400);
    const first = await enter(agri, 'coop.land_share', '2017', 35);
    expect(first.status).toBe('submitted');
    expect(card(await dashboard(sup, '?year=2017'), 'coop.land_share').value).toBeNull(); // not yet approved
    const noComment = await api('POST', `/api/indicators/entries/${first.id}/return`, sup, { comment: ' ' });
    expect([noComment.statusCode, noComment.json().error.code]).toEqual([400, 'COMMENT_REQUIRED']);
    const returned = (await api('POST', `/api/indicators/entries/${first.id}/return`, sup, { comment: '请核对年末数' })).json() as ManualEntry;
    expect([returned.status, returned.reviewComment]).toEqual(['returned', '请核对年末数']);
    const second = await enter(agri, 'coop.land_share', '2017', 36);
    expect((await api('POST', `/api/indicators/entries/${second.id}/approve`, agri, {})).statusCode).toBe(403); // liaisons do not approve
    const ok = (await api('POST', `/api/indicators/entries/${second.id}/approve`, sup, {})).json() as ManualEntry;
    expect([ok.status, ok.reviewedBy]).toEqual(['approved', 'ind.sup']);
    const again = await api('POST', '/api/indicators/entries', agri, { indicator: 'coop.land_share', period: '2017', region: '211000', value: 37 });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'ENTRY_LOCKED']);
    const twice = await api('POST', `/api/indicators/entries/${second.id}/return`, sup, { comment: 'x' });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'ENTRY_LOCKED']);
    const c = card(await dashboard(sup, '?year=2017'), 'coop.land_share');
    expect([c.value, c.source.kind, c.period]).toEqual([36, 'admin', '2017']);
    expect(c.source.label).toContain('市农委');
    // a county liaison cannot enter a city figure
    const scope = await api('POST', '/api/indicators/entries', baita, { indicator: 'coop.land_share', period: '2018', region: '211000', value: 1 });
    expect(scope.statusCode).toBe(403);
    const audit = await t.handle.db.selectFrom('audit_log').select(['action', 'object_id']).where('action', 'like', 'indicators.entry.%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['indicators.entry.approve', 'indicators.entry.return', 'indicators.entry.submit', 'indicators.entry.submit']);
    const list = (await api('GET', '/api/indicators/entries?indicator=coop.land_share', sup)).json() as ManualEntry[];
    expect(list.map((e) => e.status).sort()).toEqual(['approved', 'returned']);
  });

  it('target status from hand-computed data: 80 cooperatives by 2022 at risk, 10 new in 2018 achieved', async () => {
    for (const [y, v] of [[2018, 46], [2019, 52], [2020, 58], [2021, 64]]) await approved(agri, 'coop.land_share', String(y), v);
    const targets = (await api('GET', '/api/indicators/targets?year=2021', analyst)).json() as Target[];
    const total = targets.find((x) => x.indicator === 'coop.land_share' && x.targetYear === 2022)!;
    expect(total).toMatchObject({ targetValue: 80, kind: 'level', latest: { period: '2021', value: 64 } });
    // trend 2017→2021: (64/36)^(1/4) − 1 = 15.47%; projection 64 × 1.1547 = 73.9 (7.6% short) → at risk; needed 80/64 − 1 = 25%
    expect(total.trendAnnualGrowth!).toBeCloseTo((64 / 36) ** 0.25 - 1, 10);
    expect(total.projectedValue!).toBeCloseTo(64 * (64 / 36) ** 0.25, 8);
    expect(total.requiredAnnualGrowth!).toBeCloseTo(0.25, 10);
    expect(total.status).toBe('at_risk');
    const fresh = targets.find((x) => x.indicator === 'coop.land_share.new' && x.targetYear === 2018)!;
    expect(fresh).toMatchObject({ status: 'achieved', targetValue: 10 });
    const d = await dashboard(sup, '?year=2021');
    const newCoops = (await api('GET', '/api/indicators/definitions/coop.land_share.new/values', sup)).json().values as { period: string; value: number }[];
    expect(newCoops.map((v) => [v.period, v.value])).toEqual([['2018', 10], ['2019', 6], ['2020', 6], ['2021', 6]]);
    expect(d.targets.find((x) => x.id === total.id)!.status).toBe('at_risk');
  });

  it('history entries give the series, the urban-rural ratio and the doubling path', async () => {
    await approved(sup, 'income.pc.urban', '2010', 15000);
    await approved(sup, 'income.pc.rural', '2010', 6000);
    await approved(sup, 'income.pc.urban', '2011', 16500);
    await approved(sup, 'income.pc.rural', '2011', 6900);
    const d = await dashboard(sup, '?year=2011');
    const ratio = d.series.find((s) => s.code === 'income.ratio.urban_rural')!.points;
    expect(ratio.map((p) => [p.period, p.value])).toEqual([['2010', 2.5], ['2011', 16500 / 6900]]);
    const urban = d.series.find((s) => s.code === 'income.pc.urban')!.points;
    expect(urban[1].growth!).toBeCloseTo(0.1, 12);
    const path = d.doublingPath.find((p) => p.code === 'income.pc.rural')!;
    expect(path.baseValue).toBe(6000);
    expect(path.points[10]).toEqual({ year: 2020, value: 12000 });
    const doubling = d.targets.find((x) => x.indicator === 'income.pc.urban')!;
    expect([doubling.baseValue, doubling.kind, doubling.targetValue]).toEqual([15000, 'multiple', 2]);
  });

  it('a formula edit by a supervisor is validated, audited and recomputes the values', async () => {
    const defs = (await api('GET', '/api/indicators/definitions', sup)).json() as IndicatorDefinition[];
    const coop = defs.find((x) => x.code === 'coop.land_share')!;
    expect((await api('PUT', '/api/indicators/definitions/coop.land_share', agri, { ...coop, numerator: 'admin.coop.land_share + 1' })).statusCode).toBe(403);
    const bad = await api('PUT', '/api/indicators/definitions/coop.land_share', sup, { ...coop, numerator: '(admin.coop.land_share' });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'BAD_FORMULA']);
    const res = await api('PUT', '/api/indicators/definitions/coop.land_share', sup, { ...coop, numerator: 'admin.coop.land_share + 1' });
    expect(res.statusCode, res.body).toBe(200);
    expect(card(await dashboard(sup, '?year=2021'), 'coop.land_share').value).toBe(65);
    const audit = await t.handle.db.selectFrom('audit_log').select(['detail']).where('action', '=', 'indicators.definition.update').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail).before.numerator).toBe('admin.coop.land_share');
    await api('PUT', '/api/indicators/definitions/coop.land_share', sup, coop);
    expect(card(await dashboard(sup, '?year=2021'), 'coop.land_share').value).toBe(64);
  });

  it('supervisors add and edit targets; others cannot', async () => {
    const body = { indicator: 'coop.land_share', title: '到2024年达到90家', planRef: '', region: '211000', baseYear: 2021, baseValue: null, targetYear: 2024, targetValue: 90, kind: 'level' };
    expect((await api('POST', '/api/indicators/targets', agri, body)).statusCode).toBe(403);
    const created = (await api('POST', '/api/indicators/targets', sup, body)).json() as Target;
    // 64 → 90 in 3 years needs (90/64)^(1/3) − 1 = 12.0% a year; the trend 15.5% projects 98.5 → on track
    expect(created).toMatchObject({ baseValue: 64, status: 'on_track' });
    expect(created.requiredAnnualGrowth!).toBeCloseTo((90 / 64) ** (1 / 3) - 1, 10);
    const res = await api('PUT', `/api/indicators/targets/${created.id}`, sup, { ...body, targetValue: 200 });
    expect((res.json() as Target).targetValue).toBe(200);
  });
});
