import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../../db/migrate.js';
import { testDatabases } from '../../db/test-databases.js';
import { createTestApp, type TestApp } from '../../server/test-app.js';
import { bufferSource } from './import/source.js';
import { MicrodataRepository } from './microdata.repository.js';
import type { RegistryViewer } from './scope.js';
import { TEST_ACTOR, TEST_PIA, fakePersons, toCsv } from './testing/fixtures.js';

// Social insurance is stored as one record per source row (three amounts per scheme); the figures
// below are worked by hand from the two files.
const actor = TEST_ACTOR;
const viewer: RegistryViewer = { userId: null, username: 'tester', regionCode: '211000', canUnmask: true };
const ASOF = '2024-06-30';
const EMPLOYER = '91211000MA0000001X';
const WIDE_HEADER = ['姓名', '身份证号', '费款所属期', '缴费基数', '单位编码', '养老保险个人缴费', '养老保险单位缴费', '医疗保险个人缴费', '医疗保险单位缴费', '失业保险个人缴费', '失业保险单位缴费', '公积金个人', '公积金单位'];
const LONG_HEADER = ['姓名', '身份证号', '费款所属期', '险种', '缴费基数', '个人缴费', '单位缴费'];
// The first implementation's key of this per-scheme record for a person whose identity key is PERSON (row-key.test.ts).
const PERSON = '0123456789abcdef'.repeat(2);
const PINNED = { key: '08ccafd369174fc1', year: 2023, period: '2023-01', base: 500000, personal: 40000 };

describe.each(testDatabases())('social insurance records ($name)', (tdb) => {
  let t: TestApp;
  const [a, b] = fakePersons(2, 21);
  const wide = toCsv(WIDE_HEADER, [
    [a.name, a.id, '2024-01', '5000.00', EMPLOYER, '400.00', '800.00', '100.00', '450.00', '25.00', '25.00', '600.00', '600.00'],
    [a.name, a.id, '2024-02', '5000.00', EMPLOYER, '400.00', '800.00', '100.00', '450.00', '25.00', '25.00', '600.00', '600.00'],
    // no housing fund; the employer alone pays unemployment insurance
    [b.name, b.id, '2024-01', '4000.00', EMPLOYER, '320.00', '640.00', '80.00', '360.00', '', '20.00', '', ''],
  ]);
  const long = toCsv(LONG_HEADER, [
    [b.name, b.id, '2024-02', '养老保险', '4000.00', '320.00', '640.00'],
    [b.name, b.id, '2024-02', '医疗保险', '4000.00', '80.00', '360.00'],
  ]);
  const importBoth = async (encode: (s: string) => Buffer) => {
    const s = t.services.registry.imports;
    return [await s.importFile('social_insurance', bufferSource('si-wide.csv', encode(wide)), actor, { asOf: ASOF }), await s.importFile('social_insurance', bufferSource('si-long.csv', encode(long)), actor, { asOf: ASOF })];
  };
  const personId = async (id: string) => (await t.services.registry.persons.search(viewer, { idNumber: id }, actor))[0].id;
  const stored = async () =>
    (await t.handle.db.selectFrom('reg_social_insurance').selectAll().orderBy('id').execute()).map(({ id: _id, ...r }) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /_fen$/.test(k) ? Number(v) : v])));

  beforeAll(async () => {
    t = await createTestApp(tdb);
    await t.services.registry.channels.filePia('social_insurance', TEST_PIA, actor);
  });
  afterAll(async () => t?.close());

  it('stores one record per row, whichever layout the file has', async () => {
    const [w, l] = await importBoth((s) => Buffer.from(s));
    expect([w.rowsOk, w.rowsRejected, l.rowsOk, l.rowsRejected]).toEqual([3, 0, 2, 0]);
    // 3 + 2 social-insurance records, and the personal contributions of each row as an income record
    expect(w.recordsAdded + l.recordsAdded).toBe(5 + 5);
    const n = await t.handle.db.selectFrom('reg_social_insurance').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(5);
    const income = await t.handle.db
      .selectFrom('reg_income')
      .select((eb) => eb.fn.sum<number>('amount_fen').as('fen'))
      .where('item', '=', 'social_insurance')
      .where('person_id', '=', await personId(b.id))
      .executeTakeFirstOrThrow();
    expect(Number(income.fen)).toBe(32000 + 8000 + 0 + 32000 + 8000);
  });

  it('shows a person’s months and sums per scheme', async () => {
    const pa = await t.services.registry.persons.page(viewer, await personId(a.id), actor);
    expect(pa.socialInsurance).toEqual([
      { year: 2024, scheme: 'pension', months: 2, personalFen: 80000, employerFen: 160000, baseFen: 500000 },
      { year: 2024, scheme: 'medical', months: 2, personalFen: 20000, employerFen: 90000, baseFen: 500000 },
      { year: 2024, scheme: 'unemployment', months: 2, personalFen: 5000, employerFen: 5000, baseFen: 500000 },
      { year: 2024, scheme: 'housing_fund', months: 2, personalFen: 120000, employerFen: 120000, baseFen: 500000 },
    ]);
    const pb = await t.services.registry.persons.page(viewer, await personId(b.id), actor);
    expect(pb.socialInsurance).toEqual([
      { year: 2024, scheme: 'pension', months: 2, personalFen: 64000, employerFen: 128000, baseFen: 400000 },
      { year: 2024, scheme: 'medical', months: 2, personalFen: 16000, employerFen: 72000, baseFen: 400000 },
      { year: 2024, scheme: 'unemployment', months: 1, personalFen: 0, employerFen: 2000, baseFen: 400000 },
    ]);
  });

  it('gives the simulation one record per scheme', async () => {
    const records = [];
    for await (const page of new MicrodataRepository(t.handle.db).socialInsurance(2024, null, 2)) records.push(...page);
    expect(records).toHaveLength(8 + 3 + 2);
    const bId = await personId(b.id);
    expect(records.filter((r) => r.personId === bId && r.scheme === 'unemployment')).toEqual([expect.objectContaining({ baseFen: 400000, personalFen: 0, employerFen: 2000, employerCode: EMPLOYER })]);
  });

  it('converts to per-scheme records and back, keys as each importer computed them', async () => {
    const before = await stored();
    const aId = await personId(a.id);
    const aKey = (await t.handle.db.selectFrom('reg_persons').select('key_bidx').where('id', '=', aId).executeTakeFirstOrThrow()).key_bidx;
    // A record the first implementation stored for a person with a known identity key.
    await t.handle.db.updateTable('reg_persons').set({ key_bidx: PERSON }).where('id', '=', aId).execute();
    const { channel_id, batch_id } = await t.handle.db.selectFrom('reg_social_insurance').select(['channel_id', 'batch_id']).executeTakeFirstOrThrow();
    await t.handle.db
      .insertInto('reg_social_insurance')
      .values({ person_id: aId, year: PINNED.year, period: PINNED.period, employer_code: null, pension_base_fen: PINNED.base, pension_personal_fen: PINNED.personal, channel_id, batch_id, row_no: 99, row_key: 'replaced' })
      .execute();

    await migrateTo(t.handle.db, '0009-registry-record-keys');
    const longRows = await t.handle.db.selectFrom('reg_social_insurance' as never).selectAll().execute() as unknown as { year: number; scheme: string; row_key: string }[];
    expect(longRows).toHaveLength(8 + 3 + 2 + 1);
    expect(longRows.filter((r) => r.year === PINNED.year).map((r) => r.row_key)).toEqual([PINNED.key]);

    await t.handle.db.deleteFrom('reg_social_insurance').where('year', '=', PINNED.year).execute();
    await t.handle.db.updateTable('reg_persons').set({ key_bidx: aKey }).where('id', '=', aId).execute();
    await migrateToLatest(t.handle.db);
    expect(await stored()).toEqual(before);

    // The same rows sent again (another file: GB18030) are recognised as the records already stored.
    const again = await importBoth((s) => iconv.encode(s, 'gb18030'));
    expect(again.map((r) => [r.duplicate, r.rowsOk, r.recordsAdded])).toEqual([[false, 3, 0], [false, 2, 0]]);
  });
});
