import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../db/test-databases.js';
import { createTestApp, type TestApp } from '../../../server/test-app.js';
import type { ReformResults } from '../../../shared/api/microsim.js';
import { CHANNEL_FAULT_RATES, DEFAULT_SEED, generateCity, isMemberInYear, type City } from '../../demo/index.js';
import { CHANNEL_NUMBER } from '../../demo/channels/common.js';
import { faultyIdentity } from '../../demo/faults.js';
import { personName, residentIdOf } from '../../demo/render.js';
import { loadDemoRegistry } from '../../registry/demo-load.js';
import { cityPopulation } from './demo.js';
import { registryPopulation } from './registry.js';
import type { PolicyPopulation } from './types.js';

const SCALE = 0.002;
const YEAR = 2023;
const DIBAO_PLUS_10 = {
  name: 'dibao-plus-10',
  label: { zh: '低保标准提高10%', en: '低保 standards raised by 10%' },
  parameters: { 'dibao.standard.urban': { scale: 1.1 }, 'dibao.standard.rural': { scale: 1.1 } },
};
const actor = { userId: null, username: 'registry-population-test', ip: null };
const sum = (a: ArrayLike<number>, from = 0, to = a.length) => {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i];
  return s;
};

/**
 * The demo city loaded into the registry through its channels, then read back as a policy
 * population: it must be the demo city's own population of the year on what the registry holds
 * (households and members, urban/rural, county, formal wages by month, 低保 take-up).
 */
describe.each(testDatabases())('registry population on $name', (db) => {
  let t: TestApp;
  let city: City;
  let demo: PolicyPopulation;
  let reg: PolicyPopulation;
  /** registry household row → demo household row */
  let demoRowOf: Int32Array;
  /** registry person row → demo person row */
  let demoPersonOf: Int32Array;

  beforeAll(async () => {
    t = await createTestApp(db);
    await loadDemoRegistry(t.services, { scale: SCALE, year: YEAR, actor });
    city = generateCity({ scale: SCALE, seed: DEFAULT_SEED });
    demo = cityPopulation(city, YEAR);
    reg = await registryPopulation(t.services.handle, { year: YEAR, actor, audit: t.services.audit });

    // The test (not the code under test) decrypts ID numbers to know which demo person each registry person is.
    const ids = new Map<string, number>();
    for (let p = 0; p < city.persons.count; p++) ids.set(residentIdOf(city, p), p);
    const demoHouseholdRow = new Map(demo.householdIds!.map((id, r) => [Number(id.slice(1)), r]));
    const demoPersonRow = new Int32Array(city.persons.count).fill(-1);
    for (let r = 0, row = 0; r < demo.households; r++) {
      const h = Number(demo.householdIds![r].slice(1));
      for (let p = city.households.first[h]; p < city.households.first[h] + city.households.size[h]; p++) if (isMemberInYear(city.households, city.persons, p, YEAR)) demoPersonRow[p] = row++;
    }
    const persons = await t.services.handle.db.selectFrom('reg_persons').select(['id', 'id_number_enc', 'household_id']).where('merged_into', 'is', null).where('household_id', 'is not', null).execute();
    const regHouseholdRow = new Map(reg.householdIds!.map((id, r) => [Number(id.slice(1)), r]));
    demoRowOf = new Int32Array(reg.households).fill(-1);
    demoPersonOf = new Int32Array(reg.persons).fill(-1);
    // registry rows of a household are its members by id, ids in import order = demo order
    const firstRow = new Int32Array(reg.households).fill(-1);
    for (let p = reg.persons - 1; p >= 0; p--) firstRow[reg.personHousehold[p]] = p;
    const seen = new Int32Array(reg.households);
    persons.sort((a, b) => Number(a.id) - Number(b.id));
    for (const p of persons) {
      const r = regHouseholdRow.get(Number(p.household_id))!;
      const dp = ids.get(t.services.registry.protector.dec(p.id_number_enc!)!)!;
      demoRowOf[r] = demoHouseholdRow.get(city.persons.household[dp]) ?? -1;
      demoPersonOf[firstRow[r] + seen[r]++] = demoPersonRow[dp];
    }
  }, 600_000);
  afterAll(async () => t?.close());

  it('has the demo households of the year with the same members, area and county', () => {
    expect(reg.households).toBe(demo.households);
    expect(reg.persons).toBe(demo.persons);
    expect(new Set(demoRowOf).size).toBe(reg.households);
    expect(Math.min(...demoRowOf)).toBeGreaterThanOrEqual(0);
    const size = (pp: PolicyPopulation) => {
      const s = new Int32Array(pp.households);
      for (let p = 0; p < pp.persons; p++) s[pp.personHousehold[p]]++;
      return s;
    };
    const rs = size(reg);
    const ds = size(demo);
    for (let r = 0; r < reg.households; r++) {
      const d = demoRowOf[r];
      expect(rs[r], reg.householdIds![r]).toBe(ds[d]);
      expect(reg.inputs.urban[r], reg.householdIds![r]).toBe(demo.inputs.urban[d]);
      expect(reg.counties[reg.householdCounty[r]].code).toBe(demo.counties[demo.householdCounty[d]].code);
    }
    expect(sum(reg.householdWeight)).toBe(reg.households);
    expect(reg.source.kind).toBe('registry');
    expect(reg.groups).toEqual([]);
    expect(reg.source.description).toContain('重点群体');
  });

  it('has the formal wages of every month the tax records hold', () => {
    // persons whose tax rows carry an invalid or no ID number are in quarantine or unlinked: left out
    const taxFault = (p: number) => faultyIdentity(city.seed, CHANNEL_NUMBER.tax, p, residentIdOf(city, p), personName(city, p), CHANNEL_FAULT_RATES.tax).faults.some((f) => f === 'wrong_check' || f === 'missing_id');
    const demoPerson = new Int32Array(demo.persons);
    for (let p = 0, row = 0; p < city.persons.count; p++) if (isMemberInYear(city.households, city.persons, p, YEAR)) demoPerson[row++] = p; // (rows in household order)
    let compared = 0;
    let regTotal = 0;
    let demoTotal = 0;
    let skipped = 0;
    for (let r = 0; r < reg.persons; r++) {
      const d = demoPersonOf[r];
      expect(d).toBeGreaterThanOrEqual(0);
      const formal = demo.inputs.si_insured[d] === 1;
      const demoWages = formal ? Array.from(demo.inputs.wage_monthly.subarray(d * 12, d * 12 + 12)) : new Array(12).fill(0);
      const regWages = Array.from(reg.inputs.wage_monthly.subarray(r * 12, r * 12 + 12));
      if (formal && sum(regWages) === 0 && sum(demoWages) > 0) {
        skipped++;
        continue;
      }
      compared++;
      regTotal += sum(regWages);
      demoTotal += sum(demoWages);
      for (let m = 0; m < 12; m++) expect(regWages[m]).toBeCloseTo(demoWages[m], 2);
      expect(reg.inputs.bonus_annual[r]).toBeCloseTo(formal ? demo.inputs.bonus_annual[d] : 0, 2);
      // employee contributions: as the demo unless the person's contribution rows had an invalid or no ID number
      const siFault = faultyIdentity(city.seed, CHANNEL_NUMBER['social-insurance'], demoPerson[d], residentIdOf(city, demoPerson[d]), personName(city, demoPerson[d]), CHANNEL_FAULT_RATES['social-insurance']).faults.some((f) => f === 'wrong_check' || f === 'missing_id');
      expect(reg.inputs.si_insured[r]).toBe(siFault ? 0 : demo.inputs.si_insured[d]);
    }
    // the persons left out are exactly those with a faulty ID in the tax file (a small share)
    let faulty = 0;
    for (let r = 0; r < reg.persons; r++) {
      const d = demoPersonOf[r];
      const p = demoPerson[d];
      if (demo.inputs.si_insured[d] === 1 && sum(demo.inputs.wage_monthly, d * 12, d * 12 + 12) > 0 && taxFault(p)) faulty++;
    }
    expect(skipped).toBe(faulty);
    expect(skipped / reg.persons).toBeLessThan(0.01);
    expect(compared).toBeGreaterThan(1000);
    expect(regTotal).toBeGreaterThan(1e6);
    expect(regTotal).toBeCloseTo(demoTotal, 0);
  });

  it('takes 低保 take-up from the roster', () => {
    let both = 0;
    let demoOnly = 0;
    let regOnly = 0;
    for (let r = 0; r < reg.households; r++) {
      const a = reg.inputs.dibao_take_up[r];
      const b = demo.inputs.dibao_take_up[demoRowOf[r]];
      if (a && b) both++;
      else if (b) demoOnly++;
      else if (a) regOnly++;
    }
    expect(both).toBeGreaterThan(5);
    expect(regOnly).toBe(0);
    // a household is missed only when every member's roster row was rejected or left unlinked
    expect(demoOnly / (both + demoOnly)).toBeLessThan(0.1);
  });

  it('simulates a 10% 低保 raise over the registry with a positive cost, one audited build, scoped by region', async () => {
    const analyst = await t.userWithSession('reg.analyst', ['analyst']);
    const county = await t.userWithSession('reg.county', ['analyst'], '211002');
    const post = (cookie: string, body: object) => t.app.inject({ method: 'POST', url: '/api/microsim/simulate', headers: { cookie }, payload: body });
    const before = await t.services.audit.query({ action: 'microsim.population.registry', limit: 100, offset: 0 });

    const res = await post(analyst, { year: YEAR, data: 'registry', reform: DIBAO_PLUS_10 });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as ReformResults;
    expect(r.population.source.kind).toBe('registry');
    expect(r.population.households).toBe(reg.households);
    expect(r.population.weightedHouseholds).toBe(reg.households);
    expect(r.budget.netCost).toBeGreaterThan(0);
    // only households on the 低保 roster gain; nobody loses
    expect(r.income.change).toBeGreaterThan(0);
    expect(r.winnersLosers.loseMore5! + r.winnersLosers.loseLess5!).toBe(0);
    expect(r.winnersLosers.gainMore5! + r.winnersLosers.gainLess5!).toBeGreaterThan(0);
    expect(r.keyGroups).toEqual([]);
    // a second run reuses the population: no second read of the registry
    expect((await post(analyst, { year: YEAR, data: 'registry' })).statusCode).toBe(200);
    const after = await t.services.audit.query({ action: 'microsim.population.registry', limit: 100, offset: 0 });
    expect(after.total - before.total).toBe(1);
    const ev = after.rows.find((x) => x.action === 'microsim.population.registry')!;
    expect(JSON.parse(ev.detail).purpose).toContain('政策评估');

    // a county user's run holds only the county's households
    const inCounty = (pp: PolicyPopulation) => Array.from(pp.householdCounty).filter((c) => pp.counties[c].code === '211002').length;
    const c = await post(county, { year: YEAR, data: 'registry', reform: DIBAO_PLUS_10 });
    expect(c.statusCode, c.body).toBe(200);
    const cr = c.json() as ReformResults;
    expect(cr.population.households).toBe(inCounty(demo));
    expect(cr.population.households).toBeGreaterThan(0);
    expect(cr.counties.filter((g) => g.households > 0).map((g) => g.key)).toEqual(['211002']);
    const scoped = await t.services.audit.query({ action: 'microsim.population.registry', limit: 100, offset: 0 });
    expect(scoped.rows.some((x) => x.region_code === '211002')).toBe(true);

    // a year the registry holds no records of: a clear error naming the years it has
    const none = await post(analyst, { year: 2022, data: 'registry' });
    expect(none.statusCode, none.body).toBe(422);
    expect(none.json().error.code).toBe('REGISTRY_NO_RECORDS');
    expect(none.json().error.message).toContain('2023');
    // without registry.read: refused
    await expect(t.services.microsim.simulate({ year: YEAR, data: 'registry' }, actor, { regionCode: '211000', canReadRegistry: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  }, 120_000);
});

describe('zengshou simulate --data registry on an empty registry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zs-sim-empty-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits with code 2 and a Chinese message', () => {
    const r = spawnSync(process.execPath, [resolve('bin/zengshou.js'), 'simulate', '--data', 'registry', '--year', '2023', '--json'], {
      env: { ...process.env, ZENGSHOU_DATA_DIR: dir, ZENGSHOU_DEMO_SCALE: '0', ZENGSHOU_ADMIN_PASSWORD: 'Empty-Registry-Test-1', DATABASE_URL: join(dir, 'zengshou.sqlite') },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('收入与财产信息系统中没有可用于模拟的住户');
    expect(r.stderr).toContain('REGISTRY_EMPTY');
    expect(r.stdout).not.toContain('"budget"');
  }, 150_000);
});
