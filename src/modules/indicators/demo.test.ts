import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../db/test-databases.js';
import { createTestApp, type TestApp } from '../../server/test-app.js';
import type { Dashboard } from '../../shared/api/indicators.js';
import { SYSTEM_ACTOR } from '../audit/audit.service.js';
import { generateCity, KEY_GROUPS, summariseYear } from '../demo/index.js';
import { loadDemoRegistry } from '../registry/demo-load.js';
import { sql } from 'kysely';
import { keyGroupGrowth } from './indicators.service.js';
import { DEMO_COOPS, DEMO_STATS_LABEL, loadIndicatorsDemo, type IndicatorsDemoReport } from './demo.js';

const SCALE = 0.005;

/** The demo: the synthetic city in the registry, then history, cooperatives and key-group rosters. */
describe('indicators demo over the registry demo city (SQLite)', () => {
  let t: TestApp;
  let report: IndicatorsDemoReport;
  let d: Dashboard;
  beforeAll(async () => {
    t = await createTestApp(testDatabases()[0]);
    await loadDemoRegistry(t.services, { scale: SCALE, actor: SYSTEM_ACTOR });
    report = await loadIndicatorsDemo(t.services, { scale: SCALE, actor: SYSTEM_ACTOR });
    const cookie = await t.userWithSession('ind.sup', ['supervisor']);
    d = (await t.app.inject({ method: 'GET', url: '/api/indicators/dashboard?year=2023', headers: { cookie } })).json();
  }, 120_000);
  afterAll(() => t.close());

  it('enters the published history as approved, synthetic, labelled entries equal to the synthetic city', () => {
    const city = generateCity({ scale: SCALE });
    const urban = d.series.find((s) => s.code === 'income.pc.urban')!.points;
    const p2015 = urban.find((p) => p.period === '2015')!;
    expect(p2015.value).toBe(Math.round(summariseYear(city, 2015).perCapita.urban.disposable));
    expect([p2015.synthetic, p2015.source.kind, p2015.source.label]).toEqual([true, 'admin', DEMO_STATS_LABEL]);
    expect(urban.map((p) => p.period)).toEqual(Array.from({ length: 13 }, (_, i) => String(2010 + i))); // no survey in this test: history to 2022
    expect(d.doublingPath.find((x) => x.code === 'income.pc.urban')!.baseValue).toBe(urban[0].value);
    const coop = d.headline.find((h) => h.code === 'coop.land_share')!;
    expect([coop.value, coop.synthetic]).toEqual([DEMO_COOPS[2023], true]);
    expect(report.entries).toBeGreaterThan(13 * 7);
    // the middle-income target (not below the 2017 share) is seeded once the 2017 value exists
    const middle = d.targets.find((x) => x.indicator === 'middle.share')!;
    const m2017 = middle.targetValue;
    expect(middle).toMatchObject({ kind: 'level', baseYear: 2017, targetYear: 2020 });
    expect(m2017).toBeGreaterThan(0);
  });

  it('computes key-group incomes from the registry through the rosters, suppressed where too few', async () => {
    expect(report.groupMembers).toBeGreaterThan(0);
    expect(d.keyGroups.map((g) => g.key)).toEqual(KEY_GROUPS.map((g) => g.key));
    const skilled = d.keyGroups.find((g) => g.key === 'skilled')!;
    expect(skilled.income.value!).toBeGreaterThan(0);
    expect(skilled.income.period).toBe('2023');
    const all = (await t.services.indicators.repo.valuesOf('income.pc.registry', '211000')).find((r) => r.period === '2023')!.value!;
    expect(skilled.ratioToAll!).toBeCloseTo(skilled.income.value! / all, 12);
    for (const g of d.keyGroups) expect(g.income.suppressed ? g.income.value === null : g.income.value !== null).toBe(true);
  });

  it('loads once', async () => {
    const again = await loadIndicatorsDemo(t.services, { scale: SCALE, actor: SYSTEM_ACTOR });
    expect(again.entries).toBe(0);
  });

  it('key-group growth on the previous registry year, same group and region (suppressed or missing: none)', async () => {
    const cookie = await t.userWithSession('ind.sup.kg', ['supervisor']);
    const get = async (q: string) => (await t.app.inject({ method: 'GET', url: `/api/indicators/dashboard?${q}`, headers: { cookie } })).json() as Dashboard;
    const first = await get('year=2023');
    for (const g of first.keyGroups) expect(g.income.growth).toBeNull(); // no 2022 registry year
    // a second registry year: every registered income item of 2023 again in 2024, doubled (integer fen) —
    // every household's income doubles, members and suppression stay, so each group's per-capita income grows by exactly 100%
    const db = t.services.indicators.repo.db;
    await sql`INSERT INTO reg_income (person_id, year, period, component, item, amount_fen, channel_id, batch_id, row_no, row_key)
      SELECT person_id, 2024, '2024' || SUBSTR(period, 5), component, item, amount_fen * 2, channel_id, batch_id, row_no, row_key || '-2024' FROM reg_income WHERE year = 2023`.execute(db);
    await t.services.indicators.recompute(undefined, { full: true });
    const d2 = await get('year=2024');
    const before = new Map(first.keyGroups.map((g) => [g.key, g.income]));
    let compared = 0;
    for (const g of d2.keyGroups) {
      expect(g.income.period).toBe('2024');
      const prev = before.get(g.key)!;
      if (g.income.suppressed || prev.suppressed) expect(g.income.growth).toBeNull();
      else {
        expect(g.income.value!).toBeCloseTo(2 * prev.value!, 6);
        expect(g.income.growth!).toBeCloseTo(1, 12); // 2x / x − 1
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('key-group growth: null when this or the previous figure is suppressed or missing', () => {
    const f = (value: number | null, suppressed = false) => ({ key: 'skilled', value, n: 10, suppressed });
    expect(keyGroupGrowth(f(33000), f(30000))).toBeCloseTo(0.1, 12);
    expect(keyGroupGrowth(f(33000), undefined)).toBeNull();
    expect(keyGroupGrowth(f(33000), f(null, true))).toBeNull();
    expect(keyGroupGrowth(f(null, true), f(30000))).toBeNull();
  });
});
