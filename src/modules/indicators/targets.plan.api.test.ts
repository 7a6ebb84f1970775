import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../db/test-databases.js';
import { createTestApp, type TestApp } from '../../server/test-app.js';
import type { Target } from '../../shared/api/indicators.js';
import { SYSTEM_ACTOR } from '../audit/audit.service.js';

const PLAN = readFileSync(new URL('../workplan/seeds/liaoyang-2018-15-income-plan.txt', import.meta.url));
const CITY_VIEWER = { roles: ['supervisor' as const], regionCode: '211000', departmentId: null };

/** Every quantitative target of the imported plan becomes a target: the parser's milestones and one added by the supervisor. */
describe.each(testDatabases())('plan milestones as targets on $name', (db) => {
  let t: TestApp;
  let sup: string;
  let milestoneId: number;
  beforeAll(async () => {
    t = await createTestApp(db);
    sup = await t.userWithSession('ind.sup', ['supervisor']);
    const { planId } = await t.services.plans.importBytes(PLAN, 'plan.txt', { startDate: '2018-06-01', endDate: '2020-12-31', periodType: 'quarter', today: '2019-06-30' }, SYSTEM_ACTOR);
    const task = (await t.services.plans.tasks(planId, CITY_VIEWER)).find((x) => x.ref.startsWith('二(二)'))!;
    await t.services.plans.addMilestone(task.id, { title: '2019年培训新型职业农民1000人', dueDate: '2019-12-31', targetValue: 1000, targetUnit: '人', cumulative: false }, CITY_VIEWER, SYSTEM_ACTOR);
    milestoneId = Number((await t.handle.db.selectFrom('milestones').select('id').where('title', '=', '2019年培训新型职业农民1000人').executeTakeFirstOrThrow()).id);
  });
  afterAll(() => t.close());

  const targets = async (q = '') => (await t.app.inject({ method: 'GET', url: `/api/indicators/targets${q}`, headers: { cookie: sup } })).json() as Target[];

  it('ties the parsed cooperative milestones to the seeded targets (no duplicates) and adds a target for any other milestone', async () => {
    const all = await targets('?year=2019');
    expect(all.filter((x) => x.indicator.startsWith('coop.land_share')).map((x) => [x.indicator, x.targetYear, x.targetValue]).sort()).toEqual([
      ['coop.land_share', 2022, 80],
      ['coop.land_share.new', 2018, 10],
    ]);
    const m = all.find((x) => x.indicator === `plan.milestone.${milestoneId}`)!;
    expect(m).toMatchObject({ title: '2019年培训新型职业农民1000人', targetYear: 2019, targetValue: 1000, kind: 'level', status: 'no_data', latest: null });
    const defs = (await t.app.inject({ method: 'GET', url: '/api/indicators/definitions', headers: { cookie: sup } })).json() as { code: string; numerator: string; unit: string }[];
    expect(defs.find((d) => d.code === `plan.milestone.${milestoneId}`)).toMatchObject({ numerator: `workplan.milestone.${milestoneId}`, unit: '人' });
  });

  it("uses the milestone's reported value: 1,200 trained of 1,000 is achieved", async () => {
    await t.handle.db.updateTable('milestones').set({ actual_value: 1200 }).where('id', '=', milestoneId).execute();
    const m = (await targets('?year=2019')).find((x) => x.indicator === `plan.milestone.${milestoneId}`)!;
    // the first read after the change may be served from the cache while the values are recomputed
    await t.services.indicators.background;
    const again = (await targets('?year=2019')).find((x) => x.indicator === `plan.milestone.${milestoneId}`)!;
    expect([again.latest, again.status]).toEqual([{ period: '2019', value: 1200 }, 'achieved']);
    expect(m.targetValue).toBe(1000);
  });
});
