import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDatabases } from '../../db/test-databases.js';
import { createTestApp, type TestApp } from '../../server/test-app.js';
import { upgradeLegacyId } from '../../shared/resident-id.js';
import { Keyring } from '../crypto/keyring.js';
import type { Actor } from '../audit/audit.service.js';
import { bufferSource } from './import/source.js';
import type { RegistryViewer } from './scope.js';
import { TAX_HEADER, TEST_ACTOR, TEST_PIA, fakePersons, taxRows, toCsv } from './testing/fixtures.js';

const actor: Actor = TEST_ACTOR;
const cityViewer: RegistryViewer = { userId: null, username: 'tester', regionCode: '211000', canUnmask: true };
const ASOF = '2024-06-30';
const PIA = TEST_PIA;

describe.each(testDatabases())('registry import ($name)', (tdb) => {
  let t: TestApp;
  const persons = fakePersons(6, 3);
  const months = ['2024-01', '2024-02'];

  beforeAll(async () => {
    t = await createTestApp(tdb);
  });
  afterAll(async () => t?.close());

  const count = async (table: 'reg_income' | 'reg_persons' | 'reg_quarantine' | 'reg_batches' | 'reg_social_insurance') =>
    Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('refuses a sensitive channel until an impact assessment is filed', async () => {
    const csv = toCsv(TAX_HEADER, taxRows(persons.slice(0, 1), months));
    await expect(t.services.registry.imports.importFile('tax', bufferSource('a.csv', Buffer.from(csv)), actor, { asOf: ASOF })).rejects.toMatchObject({ code: 'PIA_REQUIRED' });
    await t.services.registry.channels.filePia('tax', PIA, actor);
    expect((await t.services.registry.channels.get('tax', ASOF)).pia?.riskLevel).toBe('medium');
  });

  it('imports a GB18030 file, repairs what can be repaired and quarantines the rest with reasons', async () => {
    const rows = taxRows(persons, months);
    // Faults: lower-case x / full-width digits / spaces / a 15-digit legacy number (all repairable) …
    const p0 = persons[0].id;
    rows[0][3] = ` ${p0.slice(0, 9)} ${p0.slice(9)} `;
    rows[2][3] = persons[1].id.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const legacy = '211002800101101';
    const legacyRow = [...rows[3]];
    legacyRow[3] = legacy;
    legacyRow[1] = '劉偉';
    // … and faults that are not: a wrong check character, an unreadable amount, a future period.
    const badCheck = [...rows[4]];
    badCheck[3] = persons[2].id.slice(0, 17) + (persons[2].id[17] === '0' ? '1' : '0');
    const badAmount = [...rows[5]];
    badAmount[6] = '12,3a.00';
    const future = [...rows[6]];
    future[5] = '2031-01';
    const duplicate = [...rows[7]];
    const all = [...rows, legacyRow, badCheck, badAmount, future, duplicate];
    const bytes = iconv.encode(toCsv(TAX_HEADER, all), 'gb18030');
    const r = await t.services.registry.imports.importFile('tax', bufferSource('tax-2024.csv', bytes), actor, { asOf: ASOF });
    expect(r.encoding).toBe('gb18030');
    expect(r.rowsRead).toBe(all.length);
    expect(r.rowsRejected).toBe(3);
    expect(r.rowsOk).toBe(all.length - 3);
    // 6 persons × 2 months + the legacy person's one month; wage and tax each (tax only where > 0); the duplicate adds nothing.
    const expectedRecords = [...rows, legacyRow].reduce((n, row) => n + 1 + (Number(row[7]) > 0 ? 1 : 0), 0);
    expect(r.recordsAdded).toBe(expectedRecords);
    expect(r.recordsDuplicate).toBe(1 + (Number(duplicate[7]) > 0 ? 1 : 0));
    expect(r.personsAdded).toBe(7);
    expect(r.fixes).toMatchObject({ SPACES: 1, FULL_WIDTH: 1, LEGACY_15: 1 });
    expect(await count('reg_income')).toBe(expectedRecords);

    // The legacy number was upgraded and the traditional name simplified.
    const legacyPerson = await t.handle.db.selectFrom('reg_persons').selectAll().where('id_number_bidx', '=', t.services.registry.protector.idIndex(upgradeLegacyId(legacy))).executeTakeFirstOrThrow();
    expect(t.services.registry.protector.dec(legacyPerson.name_enc!)).toBe('刘伟');
    expect(legacyPerson.birth_date).toBe('1980-01-01');
    expect(legacyPerson.sex).toBe(1);
    // Nothing personal in plaintext.
    const raw = JSON.stringify(await t.handle.db.selectFrom('reg_persons').selectAll().execute());
    expect(raw).not.toContain(persons[1].id);
    expect(raw).not.toContain(persons[1].name);

    const q = await t.services.registry.imports.quarantine(cityViewer, { batchId: r.batchId }, actor);
    expect(q.map((x) => x.reasons.map((p) => p.code))).toEqual([['ID_BAD_CHECK_CHARACTER'], ['BAD_AMOUNT'], ['PERIOD_IN_FUTURE']]);
    expect(q[0].values['证件号码']).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
  });

  it('adds nothing when the same file comes again, or rows already imported come in another file', async () => {
    const before = { income: await count('reg_income'), persons: await count('reg_persons'), batches: await count('reg_batches') };
    const bytes = iconv.encode(toCsv(TAX_HEADER, taxRows(persons, months)), 'gb18030');
    const again = await t.services.registry.imports.importFile('tax', bufferSource('copy.csv', bytes), actor, { asOf: ASOF });
    expect(again.recordsAdded).toBe(0);
    expect(again.personsAdded).toBe(0);
    const same = await t.services.registry.imports.importFile('tax', bufferSource('copy-again.csv', bytes), actor, { asOf: ASOF });
    expect(same.duplicate).toBe(true);
    expect(same.batchId).toBe(again.batchId);
    expect(await count('reg_income')).toBe(before.income);
    expect(await count('reg_persons')).toBe(before.persons);
    expect(await count('reg_batches')).toBe(before.batches + 1);
  });

  it('offers the rejected rows as a reject file, and takes them back once fixed', async () => {
    const batches = await t.services.registry.imports.batches();
    const first = batches.find((b) => b.fileName === 'tax-2024.csv')!;
    expect(first.openRejects).toBe(3);
    const file = await t.services.registry.imports.rejectFile(cityViewer, first.id, '更正拒收行', actor);
    const text = file.bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFF原行号,序号,纳税人姓名,证件类型,证件号码,所得项目,税款所属期,收入额,已扣缴税额,错误原因');
    expect(text).toContain('校验位错误');

    const q = await t.services.registry.imports.quarantine(cityViewer, { batchId: first.id }, actor);
    const bad = q.find((x) => x.reasons[0].code === 'BAD_AMOUNT')!;
    await t.services.registry.imports.fixRow(cityViewer, bad.id, { 收入额: '1234.00' }, actor);
    const before = await count('reg_income');
    const res = await t.services.registry.imports.resubmit(cityViewer, first.id, null, actor, ASOF);
    expect(res).toMatchObject({ accepted: 1, stillRejected: 2 });
    expect(await count('reg_income')).toBe(before + 1);
    const after = await t.services.registry.imports.quarantine(cityViewer, { batchId: first.id, status: 'open' }, actor);
    expect(after).toHaveLength(2);
  });

  it('maps rows in a worker thread with the same outcome: every record on its own row and person, rejects kept', async () => {
    const more = fakePersons(900, 61);
    const rows = taxRows(more, ['2024-01', '2024-02']);
    const bad = 1234; // a wrong check character, in the middle of a chunk the worker maps
    rows[bad][3] = rows[bad][3].slice(0, 17) + (rows[bad][3][17] === '0' ? '1' : '0');
    const csv = Buffer.from(toCsv(TAX_HEADER, rows));
    // Chunks of 250 rows, none mapped on this thread: all 1,800 rows go through the worker.
    const r = await t.services.registry.imports.importFile('tax', bufferSource('worker.csv', csv), actor, { asOf: ASOF, mapping: { inlineChunks: 0, chunkRows: 250 } });
    expect({ read: r.rowsRead, ok: r.rowsOk, rejected: r.rowsRejected, persons: r.personsAdded }).toEqual({ read: 1800, ok: 1799, rejected: 1, persons: 900 });
    const expected = rows.reduce((n, row, i) => n + (i === bad ? 0 : 1 + (Number(row[7]) > 0 ? 1 : 0)), 0);
    expect(r.recordsAdded).toBe(expected);
    // Each row's wage is on the person of the row's ID number (file row k+1 is rows[k-1]: the header is row 1).
    const db = t.handle.db;
    const wages = await db.selectFrom('reg_income').innerJoin('reg_persons', 'reg_persons.id', 'reg_income.person_id')
      .select(['reg_income.row_no', 'reg_income.amount_fen', 'reg_persons.id_number_bidx']).where('reg_income.batch_id', '=', r.batchId).where('reg_income.item', '!=', 'iit').execute();
    expect(wages).toHaveLength(1799);
    const idx = t.services.registry.protector;
    for (const w of wages) {
      const row = rows[w.row_no - 2];
      expect([w.id_number_bidx, Number(w.amount_fen)]).toEqual([idx.idIndex(row[3]), Math.round(Number(row[6]) * 100)]);
    }
    const q = await t.services.registry.imports.quarantine(cityViewer, { batchId: r.batchId }, actor);
    expect(q.map((x) => [x.rowNo, x.reasons.map((p) => p.code)])).toEqual([[bad + 2, ['ID_BAD_CHECK_CHARACTER']]]);
  });

  it('leaves the database as it was when a file fails half-way', async () => {
    const before = { income: await count('reg_income'), persons: await count('reg_persons'), batches: await count('reg_batches'), q: await count('reg_quarantine') };
    const more = fakePersons(3000, 99);
    const csv = Buffer.from(toCsv(TAX_HEADER, taxRows(more, ['2024-03'])));
    // A source whose stream breaks after 60% of the bytes (a network share going away).
    const src = bufferSource('broken.csv', csv);
    const { Readable } = await import('node:stream');
    let opened = 0;
    const broken = {
      ...src,
      open: () => {
        opened++;
        if (opened === 1) return src.open(); // the hashing pass reads it all
        let sent = false;
        return new Readable({
          read() {
            if (!sent) {
              sent = true;
              this.push(csv.subarray(0, Math.floor(csv.length * 0.6)));
            } else this.destroy(new Error('connection reset'));
          },
        });
      },
    };
    await expect(t.services.registry.imports.importFile('tax', broken, actor, { asOf: ASOF })).rejects.toThrow('connection reset');
    expect({ income: await count('reg_income'), persons: await count('reg_persons'), batches: await count('reg_batches'), q: await count('reg_quarantine') }).toEqual(before);
  });

  it('leaves the database as it was when the file breaks while earlier flushes are still being written', async () => {
    const before = { income: await count('reg_income'), persons: await count('reg_persons'), batches: await count('reg_batches') };
    const more = fakePersons(18000, 97);
    const csv = Buffer.from(toCsv(TAX_HEADER, taxRows(more, ['2024-05'])));
    const src = bufferSource('late-break.csv', csv);
    const { Readable } = await import('node:stream');
    let opened = 0;
    // Breaks after 99 % of the bytes: two flushes of 4,000 rows have been handed on by then (of the
    // 17,800 rows read, the last chunks of 2,000 are still being mapped, in the mapping worker).
    const broken = {
      ...src,
      open: () => {
        if (++opened === 1) return src.open();
        let sent = false;
        return new Readable({
          read() {
            if (!sent) {
              sent = true;
              this.push(csv.subarray(0, Math.floor(csv.length * 0.99)));
            } else setImmediate(() => this.destroy(new Error('connection reset')));
          },
        });
      },
    };
    // Each flush's encryption takes a while: when the file breaks, the second is still running.
    const real = Keyring.prototype.encryptMany;
    let running = 0;
    const spy = vi.spyOn(Keyring.prototype, 'encryptMany').mockImplementation(async function (this: Keyring, texts: string[]) {
      running++;
      await new Promise((r) => setTimeout(r, 300));
      try {
        return await real.call(this, texts);
      } finally {
        running--;
      }
    });
    try {
      await expect(t.services.registry.imports.importFile('tax', broken, actor, { asOf: ASOF })).rejects.toThrow('connection reset');
      // The import waited for what it had handed on before rolling back (nothing of it runs later).
      expect(running).toBe(0);
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
    expect({ income: await count('reg_income'), persons: await count('reg_persons'), batches: await count('reg_batches') }).toEqual(before);
  });

  it('leaves the database as it was when encrypting a flush fails while earlier flushes are being written', async () => {
    const before = { income: await count('reg_income'), persons: await count('reg_persons'), batches: await count('reg_batches') };
    const more = fakePersons(9000, 98); // three flushes of new persons: the third one's encryption fails
    const csv = Buffer.from(toCsv(TAX_HEADER, taxRows(more, ['2024-04'])));
    const real = Keyring.prototype.encryptMany;
    let calls = 0;
    const spy = vi.spyOn(Keyring.prototype, 'encryptMany').mockImplementation(function (this: Keyring, texts: string[]) {
      return ++calls === 3 ? Promise.reject(new Error('encryption worker: gone')) : real.call(this, texts);
    });
    try {
      await expect(t.services.registry.imports.importFile('tax', bufferSource('seal.csv', csv), actor, { asOf: ASOF })).rejects.toThrow('encryption worker: gone');
    } finally {
      spy.mockRestore();
    }
    expect(calls).toBeGreaterThanOrEqual(3);
    expect({ income: await count('reg_income'), persons: await count('reg_persons'), batches: await count('reg_batches') }).toEqual(before);
    // The same file again, with the encryption working: all of it.
    const rep = await t.services.registry.imports.importFile('tax', bufferSource('seal.csv', csv), actor, { asOf: ASOF });
    expect(rep.rowsOk).toBe(9000);
    expect(await count('reg_persons')).toBe(before.persons + 9000);
  });

  it('links by the registry as committed: not by persons of a failed batch, and seeing persons another importer added', async () => {
    // The importer keeps its identity index between batches; the failed batch above had added 1,800
    // persons to it before rolling back. They are new again now, and their records land on them.
    const more = fakePersons(3000, 99).slice(0, 4);
    const personsBefore = await count('reg_persons');
    const r1 = await t.services.registry.imports.importFile('tax', bufferSource('after-failure.csv', Buffer.from(toCsv(TAX_HEADER, taxRows(more, ['2024-04'])))), actor, { asOf: ASOF });
    expect(r1.personsAdded).toBe(4);
    expect(await count('reg_persons')).toBe(personsBefore + 4);
    // Another process (here: a second set of services over the same database) adds a person …
    const { createServices } = await import('../../server/services.js');
    const other = createServices(t.handle, t.services.registry.protector.keyring, mkdtempSync(join(tmpdir(), 'zs-other-')));
    const newcomer = fakePersons(1, 555);
    const r2 = await other.registry.imports.importFile('tax', bufferSource('other.csv', Buffer.from(toCsv(TAX_HEADER, taxRows(newcomer, ['2024-04'])))), actor, { asOf: ASOF });
    expect(r2.personsAdded).toBe(1);
    // … and this importer's next file links that person's rows to the same person, not a new one.
    const r3 = await t.services.registry.imports.importFile('tax', bufferSource('newcomer-may.csv', Buffer.from(toCsv(TAX_HEADER, taxRows([...newcomer, ...more], ['2024-05'])))), actor, { asOf: ASOF });
    expect(r3.personsAdded).toBe(0);
    expect(r3.linkedById).toBe(r3.rowsOk);
    expect(await count('reg_persons')).toBe(personsBefore + 5);
  });
});
