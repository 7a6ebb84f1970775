import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../db/test-databases.js';
import { createTestApp, type TestApp } from '../../server/test-app.js';
import type { Dashboard } from '../../shared/api/indicators.js';
import type { Estimates } from '../../shared/api/survey.js';
import { SYSTEM_ACTOR } from '../audit/audit.service.js';
import { approveGenerated, insertGenerated } from '../survey/bulk.js';
import { testSource } from '../survey/fixtures.js';
import { seededRandom } from '../survey/sampling.js';

const MONTHS = Array.from({ length: 12 }, (_, m) => `2024-${String(m + 1).padStart(2, '0')}`);

/** The dashboard's survey figures are the survey module's own published estimates (independent route). */
describe.each(testDatabases())('indicators from the household survey on $name', (db) => {
  let t: TestApp;
  let analyst: string;
  let county: string;
  let estimates: Estimates;
  beforeAll(async () => {
    t = await createTestApp(db);
    const s = t.services.survey;
    const sampleId = await s.samples.draw({ name: '测试样本', yearFrom: 2024, yearTo: 2024, options: { targetHouseholds: 60, householdsPerPsu: 5, reservesPerPsu: 0, seed: 5 } }, testSource(), SYSTEM_ACTOR);
    const active = await s.repo.households({ sampleId, status: 'active' });
    const r = seededRandom(3);
    await insertGenerated(s.repo, active.flatMap((h) => MONTHS.map((m) => ({ householdId: h.id, date: `${m}-10`, itemCode: '1101', amountFen: Math.round((h.urban ? 400000 : 180000) * (0.5 + r())) }))));
    await approveGenerated(s.repo, sampleId, active, MONTHS, 'city');
    analyst = await t.userWithSession('ind.analyst', ['analyst']);
    county = await t.userWithSession('ind.county', ['analyst'], '211021');
    estimates = (await t.app.inject({ method: 'GET', url: `/api/survey/estimates?sampleId=${sampleId}&period=2024`, headers: { cookie: analyst } })).json();
  });
  afterAll(() => t.close());

  const dashboard = async (cookie: string) => (await t.app.inject({ method: 'GET', url: '/api/indicators/dashboard', headers: { cookie } })).json() as Dashboard;
  const row = (domain: string) => estimates.rows.find((x) => x.domain === domain)!.disposable;

  it('headline incomes equal the survey estimates, with their SE and CI', async () => {
    const d = await dashboard(analyst);
    expect(d.year).toBe(2024);
    for (const [code, domain] of [['income.pc.urban', 'urban'], ['income.pc.rural', 'rural'], ['income.pc.all', 'all']]) {
      const v = d.headline.find((h) => h.code === code)!;
      expect(v.value!).toBeCloseTo(row(domain).estimate!, 6);
      expect(v.se!).toBeCloseTo(row(domain).se!, 6);
      expect(v.ci![0]).toBeCloseTo(row(domain).ci[0]!, 6);
      expect(v.source).toMatchObject({ kind: 'survey', href: '/survey?tab=estimates&period=2024' });
    }
    const ratio = d.headline.find((h) => h.code === 'income.ratio.urban_rural')!;
    expect(ratio.value!).toBeCloseTo(row('urban').estimate! / row('rural').estimate!, 10);
    expect(d.quintiles!.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(d.lorenz!.points[20]).toEqual([1, 1]);
    const gini = d.lorenz!.gini.value!;
    expect(gini).toBeGreaterThan(0);
    expect(gini).toBeLessThan(1);
  });

  it('a county user gets the county estimate; the city table has each county', async () => {
    const c = await dashboard(county);
    expect(c.region.code).toBe('211021');
    expect(c.headline.find((h) => h.code === 'income.pc.all')!.value!).toBeCloseTo(row('211021').estimate!, 6);
    const city = await dashboard(analyst);
    expect(city.counties.find((x) => x.region === '211021')!.all.value!).toBeCloseTo(row('211021').estimate!, 6);
    expect(city.counties.find((x) => x.region === '211002')!.rural.value).toBeNull(); // the test frame has no rural 白塔区 households
  });
});
