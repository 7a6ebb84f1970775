import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../db/test-databases.js';
import { createTestApp, type TestApp } from '../../server/test-app.js';
import type { Dashboard, IndicatorDefinition, IndicatorValue, ManualEntry } from '../../shared/api/indicators.js';

const JOBS: IndicatorDefinition = {
  code: 'jobs.public_welfare', name: { zh: '公益性岗位安置困难群众人数', en: 'People in hardship placed in public-welfare jobs' }, unit: '人', periodicity: 'month',
  numerator: 'admin.jobs.public_welfare', denominator: null, factor: 1, decimals: 0, source: 'admin', department: 'hrss', definition: '月末在岗的公益性岗位安置困难群众人数，市人社局报送。', better: 'higher',
};

/** Monthly administrative indicators: defined by a supervisor, entered by the department each month, approved; growth on the same month a year before. */
describe.each(testDatabases())('monthly indicators on $name', (db) => {
  let t: TestApp;
  let sup: string;
  let sup2: string;
  let hrss: string;
  let agri: string;
  beforeAll(async () => {
    t = await createTestApp(db);
    sup = await t.userWithSession('m.sup', ['supervisor']);
    sup2 = await t.userWithSession('m.sup2', ['supervisor']);
    hrss = await t.userWithSession('m.hrss', ['liaison'], '211000', 'hrss');
    agri = await t.userWithSession('m.agri', ['liaison'], '211000', 'agriculture');
  });
  afterAll(() => t.close());

  const api = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload && { payload }) });
  const approved = async (cookie: string, indicator: string, period: string, value: number) => {
    const res = await api('POST', '/api/indicators/entries', cookie, { indicator, period, region: '211000', value });
    expect(res.statusCode, res.body).toBe(200);
    const ok = await api('POST', `/api/indicators/entries/${(res.json() as ManualEntry).id}/approve`, sup, {});
    expect(ok.statusCode, ok.body).toBe(200);
  };
  const values = async (code: string) => {
    const res = await api('GET', `/api/indicators/definitions/${code}/values`, sup2);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { values: IndicatorValue[] }).values;
  };

  it('a supervisor defines a monthly indicator; the department enters months; values per month with growth on the same month a year before', async () => {
    expect((await api('POST', '/api/indicators/definitions', hrss, JOBS)).statusCode).toBe(403);
    const created = await api('POST', '/api/indicators/definitions', sup, JOBS);
    expect(created.statusCode, created.body).toBe(200);
    expect((created.json() as IndicatorDefinition).periodicity).toBe('month');
    expect((await api('POST', '/api/indicators/definitions', sup, JOBS)).json().error.code).toBe('CODE_EXISTS');
    // a second monthly indicator over the first: the change on the same month a year before (@-1)
    const change = { ...JOBS, code: 'jobs.public_welfare.change', name: { zh: '公益性岗位安置人数同比增加', en: 'Change on a year before' }, numerator: 'ind.jobs.public_welfare - ind.jobs.public_welfare@-1', department: null };
    expect((await api('POST', '/api/indicators/definitions', sup, change)).statusCode).toBe(200);
    await approved(hrss, JOBS.code, '2024-01', 1200);
    await approved(hrss, JOBS.code, '2025-01', 1260);
    await approved(hrss, JOBS.code, '2025-02', 1300);
    const v = await values(JOBS.code);
    expect(v.map((x) => x.period).sort()).toEqual(['2024-01', '2025-01', '2025-02']);
    const at = (p: string) => v.find((x) => x.period === p)!;
    expect([at('2025-01').value, at('2025-01').source.kind]).toEqual([1260, 'admin']);
    expect(at('2025-01').growth).toBeCloseTo(1260 / 1200 - 1, 12); // 5%
    expect(at('2025-02').growth).toBeNull(); // no February 2024
    expect(at('2024-01').growth).toBeNull();
    const c = await values(change.code);
    expect(c.find((x) => x.period === '2025-01')!.value).toBe(60); // 1,260 − 1,200
    // a yearly indicator gets no month values
    expect((await values('income.pc.urban')).some((x) => /-\d\d$/.test(x.period))).toBe(false);
  });

  it('the dashboard takes a month: headline cards show the month where it exists, else the annual value', async () => {
    // 市农委's cooperative count (a headline card) reported monthly from now on
    const coop = ((await api('GET', '/api/indicators/definitions', sup)).json() as IndicatorDefinition[]).find((d) => d.code === 'coop.land_share')!;
    expect((await api('PUT', '/api/indicators/definitions/coop.land_share', sup, { ...coop, periodicity: 'month' })).statusCode).toBe(200);
    await approved(agri, 'coop.land_share', '2025-03', 42);
    await approved(agri, 'coop.land_share', '2024-03', 35);
    const res = await api('GET', '/api/indicators/dashboard?period=2025-03', sup);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Dashboard;
    expect([d.year, d.period]).toEqual([2025, '2025-03']);
    const card = d.headline.find((h) => h.code === 'coop.land_share')!;
    expect([card.period, card.value]).toEqual(['2025-03', 42]);
    expect(card.growth).toBeCloseTo(42 / 35 - 1, 12);
    expect(d.headline.find((h) => h.code === 'income.pc.urban')!.period).toBe('2025'); // no month value: the annual card
    expect((await api('GET', '/api/indicators/dashboard?period=2025-13', sup)).statusCode).toBe(400);
    expect((await api('GET', '/api/indicators/dashboard?period=2025-03&year=2024', sup)).json().error.code).toBe('PERIOD_MISMATCH');
  });
});
