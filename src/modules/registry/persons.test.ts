import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../db/test-databases.js';
import { createTestApp, type TestApp } from '../../server/test-app.js';
import type { Actor } from '../audit/audit.service.js';
import { tmpdir } from 'node:os';
import { createServices } from '../../server/services.js';
import { Keyring } from '../crypto/keyring.js';
import { bufferSource } from './import/source.js';
import { ENCRYPTED_COLUMNS } from './rotate.js';
import type { RegistryViewer } from './scope.js';
import { TAX_HEADER, fakePersons, taxRows, toCsv } from './testing/fixtures.js';
import { POPULATION_HEADER, populationRows } from './testing/population.js';

const actor: Actor = { userId: null, username: 'tester', ip: null };
const city: RegistryViewer = { userId: null, username: 'city', regionCode: '211000', canUnmask: true };
const baita: RegistryViewer = { userId: null, username: 'baita', regionCode: '211002', canUnmask: false };
const ASOF = '2024-06-30';
const PIA = { purpose: '测试', legalBasis: '测试', dataItems: '身份证号', risks: '泄露', measures: '加密', riskLevel: 'low' as const, assessor: '测试', assessedOn: '2024-01-01', validUntil: '2030-12-31' };

describe.each(testDatabases())('registry persons ($name)', (tdb) => {
  let t: TestApp;
  const persons = fakePersons(12, 5);
  const inBaita = persons.find((p, i) => populationRows(persons)[i][6].startsWith('211002'))!;
  const elsewhere = persons.find((p, i) => !populationRows(persons)[i][6].startsWith('211002'))!;

  beforeAll(async () => {
    t = await createTestApp(tdb);
    const r = t.services.registry;
    await r.channels.filePia('population', PIA, actor);
    await r.channels.filePia('tax', PIA, actor);
    await r.imports.importFile('population', bufferSource('pop.csv', Buffer.from(toCsv(POPULATION_HEADER, populationRows(persons)))), actor, { asOf: ASOF });
    await r.imports.importFile('tax', bufferSource('tax.csv', Buffer.from(toCsv(TAX_HEADER, taxRows(persons, ['2023-01', '2023-02'])))), actor, { asOf: ASOF });
  });
  afterAll(async () => t?.close());

  const audits = async (action: string) => (await t.services.audit.query({ action, limit: 500, offset: 0 })).rows;

  it('finds a person by ID number in any common spelling, masked, and audits the search', async () => {
    const spelled = ` ${inBaita.id.slice(0, 17)}${inBaita.id[17].toLowerCase()} `;
    const hits = await t.services.registry.persons.search(city, { idNumber: spelled }, actor);
    expect(hits).toHaveLength(1);
    expect(hits[0].idNumber).toBe(`${inBaita.id.slice(0, 4)}**********${inBaita.id.slice(14)}`);
    expect(hits[0].name).toBe(inBaita.name[0] + '*'.repeat(inBaita.name.length - 1));
    const a = await audits('registry.person.search');
    expect(JSON.parse(a[0].detail).results).toEqual([hits[0].id]);
  });

  it('shows the person page with household, incomes and sources, and audits the read', async () => {
    const [hit] = await t.services.registry.persons.search(city, { idNumber: inBaita.id }, actor);
    const page = await t.services.registry.persons.page(city, hit.id, actor);
    expect(page.household?.members.length).toBeGreaterThanOrEqual(1);
    expect(page.address).toMatch(/\*{4}$/);
    const wage = page.incomes.filter((i) => i.item === 'wage');
    expect(wage).toHaveLength(1);
    expect(wage[0]).toMatchObject({ year: 2023, component: 'wage', records: 2 });
    expect(page.sources.map((s) => s.channel).sort()).toEqual(['population', 'tax']);
    const reads = await audits('registry.person.read');
    expect(reads.some((x) => x.object_id === String(hit.id))).toBe(true);
  });

  it('gives a scoped user no person of another county, by search or by id', async () => {
    expect(await t.services.registry.persons.search(baita, { idNumber: elsewhere.id }, actor)).toEqual([]);
    const [other] = await t.services.registry.persons.search(city, { idNumber: elsewhere.id }, actor);
    await expect(t.services.registry.persons.page(baita, other.id, actor)).rejects.toMatchObject({ status: 404 });
    expect(await t.services.registry.persons.search(baita, { idNumber: inBaita.id }, actor)).toHaveLength(1);
    const byName = await t.services.registry.persons.search(baita, { name: elsewhere.name }, actor);
    expect(byName.every((p) => p.regionCode.startsWith('211002'))).toBe(true);
  });

  it('unmasks only with the right and a stated purpose, and audits the purpose', async () => {
    const [hit] = await t.services.registry.persons.search(city, { idNumber: inBaita.id }, actor);
    await expect(t.services.registry.persons.page(baita, hit.id, actor, { purpose: '核对低保申请' })).rejects.toMatchObject({ status: 403 });
    await expect(t.services.registry.persons.page(city, hit.id, actor, { purpose: '' })).rejects.toMatchObject({ code: 'PURPOSE_REQUIRED' });
    const page = await t.services.registry.persons.page(city, hit.id, actor, { purpose: '核对低保申请材料' });
    expect(page.idNumber).toBe(inBaita.id);
    expect(page.name).toBe(inBaita.name);
    const [u] = await audits('registry.person.unmask');
    expect(JSON.parse(u.detail).purpose).toBe('核对低保申请材料');
  });

  it('rotates the key in place: every ciphertext on the new version, lookups unchanged', async () => {
    const first = Keyring.generateKey();
    const k1 = new Keyring(new Map([[1, first]]), 1);
    // The key file gains a version 2; version 1 stays loaded to read what it encrypted.
    const k12 = new Keyring(new Map([[1, first], [2, Keyring.generateKey()]]), 2);
    const handle = await tdb.open();
    try {
      const s1 = createServices(handle, k1, tmpdir());
      await s1.regions.seedLiaoyang();
      await s1.registry.channels.filePia('population', PIA, actor);
      await s1.registry.imports.importFile('population', bufferSource('pop.csv', Buffer.from(toCsv(POPULATION_HEADER, populationRows(persons)))), actor, { asOf: ASOF });
      const r = await s1.registry.rotateKey(k12, actor);
      expect(r.keyVersion).toBe(2);
      expect(r.values).toBe(persons.length * 4 + Math.ceil(persons.length / 3));
      for (const [table, cols] of Object.entries(ENCRYPTED_COLUMNS)) {
        const rows = (await handle.db.selectFrom(table as 'reg_persons').selectAll().execute()) as unknown as Record<string, unknown>[];
        for (const row of rows) for (const c of cols) if (row[c] !== null) expect(String(row[c]).startsWith('v2:')).toBe(true);
      }
      // The platform restarted with the new key file: lookups by blind index still work, values decrypt.
      const s2 = createServices(handle, k12, tmpdir());
      const [hit] = await s2.registry.persons.search(city, { idNumber: persons[0].id }, actor);
      expect((await s2.registry.persons.page(city, hit.id, actor, { purpose: '核对密钥轮换结果' })).idNumber).toBe(persons[0].id);
      // A second run finds nothing left to do.
      expect((await s2.registry.rotateKey(k12, actor)).values).toBe(0);
    } finally {
      await handle.close();
    }
  });
});
