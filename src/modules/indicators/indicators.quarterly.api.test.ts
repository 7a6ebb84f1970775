import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../db/test-databases.js';
import { createTestApp, type TestApp } from '../../server/test-app.js';
import type { Dashboard, IndicatorValue } from '../../shared/api/indicators.js';
import type { Estimates } from '../../shared/api/survey.js';
import { formatWithUnit } from '../../shared/indicators-format.js';
import { SYSTEM_ACTOR } from '../audit/audit.service.js';
import { approveGenerated, insertGenerated } from '../survey/bulk.js';
import { testSource } from '../survey/fixtures.js';
import { seededRandom } from '../survey/sampling.js';
import { parseDocx } from './report/report-parse.test-helpers.js';

// 2026 is in progress: January–June entered and approved
const MONTHS = [...[2024, 2025].flatMap((y) => Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`)), ...['01', '02', '03', '04', '05', '06'].map((m) => `2026-${m}`)];

/**
 * Quarterly income, year to date (一季度 … 全年), against the survey module's own estimates. Every household
 * earns the same amount each month, 10% more in 2025 than in 2024, so by hand: the nine months to September
 * are 9/12 of the year for every household, and the ratio estimator Σw·Y / Σw·m (same households, same
 * members, same weights) gives 0.75 × the annual estimate with 0.75 × its SE; growth on 2024-Q3 is 10%.
 * 一季度 is the survey's own 2025-Q1 estimate; 全年 its 2025 estimate. 2026 (same amounts as 2025) has only
 * January–June: 上半年 2026 exists (0.5 × the 2025 annual estimate, growth 0), the year does not.
 */
describe.each(testDatabases())('quarterly indicators (year to date) from the household survey on $name', (db) => {
  let t: TestApp;
  let analyst: string;
  let county: string;
  const est: Record<string, Estimates> = {};
  beforeAll(async () => {
    t = await createTestApp(db);
    const s = t.services.survey;
    const sampleId = await s.samples.draw({ name: '季度样本', yearFrom: 2024, yearTo: 2026, options: { targetHouseholds: 60, householdsPerPsu: 5, reservesPerPsu: 0, seed: 7 } }, testSource(), SYSTEM_ACTOR);
    const active = await s.repo.households({ sampleId, status: 'active' });
    const r = seededRandom(11);
    const base = new Map(active.map((h) => [h.id, 10 * Math.round(((h.urban ? 400000 : 180000) * (0.5 + r())) / 10)]));
    await insertGenerated(s.repo, active.flatMap((h) => MONTHS.map((m) => ({ householdId: h.id, date: `${m}-10`, itemCode: '1101', amountFen: m.startsWith('2024') ? base.get(h.id)! : (base.get(h.id)! * 11) / 10 }))));
    await approveGenerated(s.repo, sampleId, active, MONTHS, 'city');
    analyst = await t.userWithSession('q.analyst', ['analyst']);
    county = await t.userWithSession('q.county', ['analyst'], '211021');
    for (const p of ['2025', '2025-Q1', '2025-Q3']) est[p] = (await t.app.inject({ method: 'GET', url: `/api/survey/estimates?sampleId=${sampleId}&period=${p}`, headers: { cookie: analyst } })).json();
  });
  afterAll(() => t.close());

  const dashboard = async (cookie: string, q: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/indicators/dashboard?${q}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    return res.json() as Dashboard;
  };
  const row = (period: string, domain: string) => est[period].rows.find((x) => x.domain === domain)!.disposable;
  const card = (d: Dashboard, code: string) => d.headline.find((h) => h.code === code)!;
  const same = (v: IndicatorValue, e: ReturnType<typeof row>, k = 1) => {
    expect(v.value!).toBeCloseTo(k * e.estimate!, 6);
    expect(v.se!).toBeCloseTo(k * e.se!, 6);
    expect(v.ci![0]).toBeCloseTo(k * e.ci[0]!, 6);
    expect(v.ci![1]).toBeCloseTo(k * e.ci[1]!, 6);
  };

  it('前三季度 is nine months to date: 0.75 × the annual estimate with 0.75 × its SE and CI, not the third quarter alone', async () => {
    const d = await dashboard(analyst, 'period=2025-Q3');
    expect(d.year).toBe(2025);
    expect(d.period).toBe('2025-Q3');
    for (const [code, domain] of [['income.pc.urban', 'urban'], ['income.pc.rural', 'rural'], ['income.pc.all', 'all']]) {
      const v = card(d, code);
      expect(v.period).toBe('2025-Q3');
      same(v, row('2025', domain), 0.75);
      expect(v.value!).toBeCloseTo(3 * row('2025-Q3', domain).estimate!, 6); // the survey's 2025-Q3 is July–September alone
      expect(v.growth!).toBeCloseTo(0.1, 10);
      expect(v.source.label).toContain('前三季度');
    }
    const ratio = card(d, 'income.ratio.urban_rural');
    expect(ratio.period).toBe('2025-Q3');
    expect(ratio.value!).toBeCloseTo(row('2025', 'urban').estimate! / row('2025', 'rural').estimate!, 10);
    expect(ratio.growth!).toBeCloseTo(0, 10);
    // indicators without quarterly values keep the year's
    expect(card(d, 'inequality.gini').period).toBe('2025');
    // the county table follows: the quarter's county figures
    expect(d.counties.find((c) => c.region === '211021')!.all.period).toBe('2025-Q3');
    expect(d.counties.find((c) => c.region === '211021')!.all.value!).toBeCloseTo(0.75 * row('2025', '211021').estimate!, 6);
  });

  it('一季度 equals the survey’s 2025-Q1 estimate and 全年 its 2025 estimate (same design, same numbers); a county user gets the county', async () => {
    const q1 = await dashboard(analyst, 'year=2025&period=2025-Q1');
    same(card(q1, 'income.pc.all'), row('2025-Q1', 'all'));
    same(card(q1, 'income.pc.rural'), row('2025-Q1', 'rural'));
    same(card(q1, 'income.pc.all'), row('2025', 'all'), 0.25);
    const q4 = await dashboard(analyst, 'period=2025-Q4');
    same(card(q4, 'income.pc.urban'), row('2025', 'urban'));
    expect(card(q4, 'income.pc.urban').growth!).toBeCloseTo(0.1, 10);
    const c = await dashboard(county, 'period=2025-Q2');
    expect(c.region.code).toBe('211021');
    same(card(c, 'income.pc.all'), row('2025', '211021'), 0.5);
    // the year in progress: 上半年 2026 without an annual 2026 estimate
    const h1 = await dashboard(analyst, 'period=2026-Q2');
    same(card(h1, 'income.pc.all'), row('2025', 'all'), 0.5);
    expect(card(h1, 'income.pc.all').growth!).toBeCloseTo(0, 10);
    expect(card(h1, 'inequality.gini').period).toBe('2025');
    const q3 = await dashboard(analyst, 'period=2026-Q3');
    expect(card(q3, 'income.pc.all').period).toBe('2025'); // no 前三季度 2026 yet: the latest annual value
    const bad = await t.app.inject({ method: 'GET', url: '/api/indicators/dashboard?year=2024&period=2025-Q1', headers: { cookie: analyst } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('PERIOD_MISMATCH');
  });

  it('the quarterly report is titled 前三季度 and carries the quarter’s figure; a quarter without values keeps the annual note', async () => {
    const d = await dashboard(analyst, 'period=2025-Q3');
    const res = await t.app.inject({ method: 'GET', url: '/api/indicators/report.docx?region=211000&period=2025-Q3', headers: { cookie: analyst } });
    expect(res.statusCode).toBe(200);
    const doc = await parseDocx(res.rawPayload);
    expect(doc.text).toContain('辽阳市2025年前三季度城乡居民收入增长监测报告');
    expect(doc.text).toContain(formatWithUnit(card(d, 'income.pc.all').value, { unit: '', decimals: 0 }));
    expect(doc.text).not.toContain('指标按年度计算');
    expect(doc.text).toContain(`居民人均可支配收入${formatWithUnit(card(d, 'income.pc.all').value, { unit: '', decimals: 0 })}元，比上年同期增长10.0%`);
    const none = await t.app.inject({ method: 'GET', url: '/api/indicators/report.docx?region=211000&period=2026-Q3', headers: { cookie: analyst } });
    expect(none.statusCode).toBe(200);
    const nd = await parseDocx(none.rawPayload);
    expect(nd.text).toContain('2026年第三季度');
    expect(nd.text).toContain('指标按年度计算');
  });
});
