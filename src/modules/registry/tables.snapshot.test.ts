import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabases } from '../../db/test-databases.js';
import { createTestApp, type TestApp } from '../../server/test-app.js';
import type { Actor } from '../audit/audit.service.js';
import type { HouseholdIncome } from './disclosure/region-tables.js';
import { TablesRepository } from './tables.repository.js';
import { TablesService } from './tables.service.js';
import { TAX_HEADER, TEST_ACTOR, TEST_PIA, fakePersons, taxRows, toCsv } from './testing/fixtures.js';
import { POPULATION_HEADER, populationRows } from './testing/population.js';
import { bufferSource } from './import/source.js';
import type { RegistryViewer } from './scope.js';

const actor: Actor = TEST_ACTOR;
const city: RegistryViewer = { userId: null, username: 'tester', regionCode: '211000', canUnmask: false };
const ASOF = '2024-06-30';
const PIA = TEST_PIA;

/**
 * The household incomes behind every region table are kept in reg_household_snapshots with the
 * registry version: computed after an import, read back (not recomputed) by a fresh service — as
 * after a restart — and recomputed when a merge or unmerge changes who belongs to which household.
 */
describe.each(testDatabases())('stored household incomes for the tables ($name)', (tdb) => {
  let t: TestApp;
  const persons = fakePersons(40, 23);
  const pop = populationRows(persons, 2);
  const tax = taxRows(persons, ['2023-01', '2023-02', '2023-03']);

  /** Expected by hand from the rows: person i lives in household ⌊i/2⌋ at its head's region; wage in 工资性收入, tax withheld −转移净收入. */
  const expected = (moved: Map<number, number> = new Map()): HouseholdIncome[] => {
    const out = new Map<number, HouseholdIncome>();
    persons.forEach((p, i) => {
      const hh = Math.floor((moved.get(i) ?? i) / 2);
      const h = out.get(hh) ?? { regionCode: pop[hh * 2][6], members: 0, components: [0, 0, 0, 0], urban: null };
      if (!moved.has(i)) h.members++;
      for (const r of tax.filter((x) => x[3] === p.id)) {
        h.components[0] += Math.round(Number(r[6]) * 100);
        h.components[3] -= Math.round(Number(r[7]) * 100);
      }
      out.set(hh, h);
    });
    return [...out.values()];
  };
  const sorted = (hs: HouseholdIncome[]) => hs.map((h) => ({ ...h, components: h.components.map((c) => c + 0) })).sort((a, b) => `${a.regionCode}|${a.members}|${a.components}`.localeCompare(`${b.regionCode}|${b.members}|${b.components}`));
  const idOf = async (i: number) => (await t.handle.db.selectFrom('reg_persons').select('id').where('id_number_bidx', '=', t.services.registry.protector.idIndex(persons[i].id)).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await createTestApp(tdb);
    for (const c of ['population', 'tax']) await t.services.registry.channels.filePia(c, PIA, actor);
    const imp = (c: string, name: string, h: string[], rows: string[][]) => t.services.registry.imports.importFile(c, bufferSource(name, Buffer.from(toCsv(h, rows))), actor, { asOf: ASOF });
    expect((await imp('population', 'pop.csv', POPULATION_HEADER, pop)).rowsOk).toBe(40);
    expect((await imp('tax', 'tax.csv', TAX_HEADER, tax)).rowsOk).toBe(120);
  });
  afterAll(async () => t?.close());

  it('stores each year after an import and serves a fresh service from it without recomputing', async () => {
    const tables = t.services.registry.tables;
    expect(await tables.prepare()).toEqual([2023]);
    expect(await tables.prepare()).toEqual([]);
    const row = await t.handle.db.selectFrom('reg_household_snapshots').select(['year', 'households', 'version']).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ year: 2023, households: 20 });
    expect(sorted(await tables.householdIncomes(2023))).toEqual(sorted(expected()));

    const table = await tables.incomeTable(city, { year: 2023, parent: '211000', level: 'county' });
    const sums = vi.spyOn(TablesRepository.prototype, 'householdSums');
    try {
      const fresh = new TablesService(t.handle, t.services.audit, t.services.settings);
      expect(await fresh.incomeTable(city, { year: 2023, parent: '211000', level: 'county' })).toEqual(table);
      expect(sums).not.toHaveBeenCalled();
    } finally {
      sums.mockRestore();
    }
    // A hand check of the published row: the city's per-capita wage is Σ wages ÷ persons.
    const wages = tax.reduce((a, r) => a + Math.round(Number(r[6]) * 100), 0);
    expect(table.rows[0].perCapita.wage).toBe(Math.round(wages / persons.length) / 100);
  });

  it('recomputes after a merge and again after the unmerge', async () => {
    const tables = t.services.registry.tables;
    const before = (await t.handle.db.selectFrom('reg_household_snapshots').select('version').executeTakeFirstOrThrow()).version;
    // Person 0 (household 0) merged into person 2 (household 1): 0's income counts in household 1, 0 no longer a member.
    const p0 = await idOf(0);
    await t.services.registry.linkage.merge(city, p0, await idOf(2), '测试：同一人', actor);
    expect(await tables.prepare()).toEqual([2023]);
    const after = (await t.handle.db.selectFrom('reg_household_snapshots').select('version').executeTakeFirstOrThrow()).version;
    expect(after).not.toBe(before);
    expect(sorted(await tables.householdIncomes(2023))).toEqual(sorted(expected(new Map([[0, 2]]))));
    const fresh = new TablesService(t.handle, t.services.audit, t.services.settings);
    expect(sorted(await fresh.householdIncomes(2023))).toEqual(sorted(expected(new Map([[0, 2]]))));

    await t.services.registry.linkage.unmerge(city, p0, '测试：拆分', actor);
    expect(sorted(await fresh.householdIncomes(2023))).toEqual(sorted(expected()));
    expect(await tables.prepare()).toEqual([]);
  });
});
