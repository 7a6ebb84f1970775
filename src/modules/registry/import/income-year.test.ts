import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../db/test-databases.js';
import { createTestApp, type TestApp } from '../../../server/test-app.js';
import type { Actor } from '../../audit/audit.service.js';
import { TAX_HEADER, TEST_ACTOR, TEST_PIA, fakePersons, taxRows, toCsv } from '../testing/fixtures.js';
import { bufferSource } from './source.js';

const actor: Actor = TEST_ACTOR;
const ASOF = '2024-06-30';
const PIA = TEST_PIA;

/**
 * The per-person yearly sums (reg_income_year) that the tables read: kept at each batch's commit,
 * counting a record sent twice once, and equal to the records' own sums.
 */
describe.each(testDatabases())('yearly income sums ($name)', (tdb) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(tdb);
    await t.services.registry.channels.filePia('tax', PIA, actor);
  });
  afterAll(async () => t?.close());

  it('adds each batch once, a repeated record counted once, equal to the sums of the records', async () => {
    const persons = fakePersons(6, 5);
    const months = ['2024-01', '2024-02', '2024-03'];
    // One wage and one tax record per person and month; file A and file B share persons 2–3 in 2024-02.
    const rows = taxRows(persons, months);
    const pick = (ps: number[], ms: string[]) => rows.filter((r) => ps.some((i) => persons[i].id === r[3]) && ms.includes(r[5]));
    const a = pick([0, 1, 2, 3], ['2024-01', '2024-02']);
    const b = pick([2, 3, 4, 5], ['2024-02', '2024-03']);
    const imp = (name: string, rs: string[][]) => t.services.registry.imports.importFile('tax', bufferSource(name, Buffer.from(toCsv(TAX_HEADER, rs))), actor, { asOf: ASOF });
    expect((await imp('a.csv', a)).rowsOk).toBe(8);
    const rb = await imp('b.csv', b);
    expect(rb.rowsOk).toBe(8);
    // Persons 2 and 3 in 2024-02 again: their wage record and, when tax was withheld, their tax record.
    const overlap = b.filter((r) => a.includes(r));
    expect(overlap.length).toBe(2);
    expect(rb.recordsDuplicate).toBe(overlap.reduce((n, r) => n + (Number(r[6]) !== 0 ? 1 : 0) + (Number(r[7]) !== 0 ? 1 : 0), 0));

    // Expected by hand from the rows: every (person, month) once; wages 工资性收入, tax withheld − 转移净收入.
    const expected = new Map<string, { wage: number; transfer: number }>();
    const seen = new Set<string>();
    for (const r of [...a, ...b]) {
      if (seen.has(`${r[3]}|${r[5]}`)) continue;
      seen.add(`${r[3]}|${r[5]}`);
      const e = expected.get(r[3]) ?? { wage: 0, transfer: 0 };
      e.wage += Math.round(Number(r[6]) * 100);
      e.transfer -= Math.round(Number(r[7]) * 100);
      expected.set(r[3], e);
    }
    const db = t.handle.db;
    const protector = t.services.registry.protector;
    for (const [id, e] of expected) {
      const p = await db.selectFrom('reg_persons').select('id').where('id_number_bidx', '=', protector.idIndex(id)).executeTakeFirstOrThrow();
      const sums = await db.selectFrom('reg_income_year').select(['component', 'amount_fen', 'records']).where('person_id', '=', p.id).where('year', '=', 2024).execute();
      const byComponent = Object.fromEntries(sums.map((s) => [s.component, Number(s.amount_fen)]));
      expect(byComponent.wage).toBe(e.wage);
      expect(byComponent.transfer ?? 0).toBe(e.transfer);
    }
    // The same as summing the records themselves, person by person.
    const fromRecords = await db
      .selectFrom('reg_income')
      .select(['person_id', 'component'])
      .select((eb) => [eb.fn.sum<number>(eb.case().when('item', '=', 'iit').then(eb.neg(eb.ref('amount_fen'))).else(eb.ref('amount_fen')).end()).as('v'), eb.fn.countAll<number>().as('n')])
      .groupBy(['person_id', 'component'])
      .execute();
    const kept = await db.selectFrom('reg_income_year').select(['person_id', 'component', 'amount_fen', 'records']).execute();
    const key = (x: { person_id: number; component: string }) => `${x.person_id}|${x.component}`;
    expect(new Map(kept.map((k) => [key(k), [Number(k.amount_fen), Number(k.records)]]))).toEqual(new Map(fromRecords.map((r) => [key(r), [Number(r.v), Number(r.n)]])));

    // The same file again adds nothing.
    expect((await imp('b.csv', b)).duplicate).toBe(true);
    expect((await db.selectFrom('reg_income_year').select(['person_id', 'component', 'amount_fen', 'records']).execute()).length).toBe(kept.length);
  });
});
