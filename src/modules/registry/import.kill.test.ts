import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createServices } from '../../server/services.js';
import { parseKeys } from '../crypto/master-key.js';
import { Keyring } from '../crypto/keyring.js';
import { fileSource } from './import/source.js';
import { TAX_HEADER, fakePersons, taxRows, toCsv } from './testing/fixtures.js';

/**
 * The real command line, killed with SIGKILL in the middle of a large import: the database must be
 * exactly as before, and the same import must then run to the end.
 */
describe('a killed import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zs-kill-'));
  const key = `1:${Keyring.generateKey().toString('base64')}`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const open = async () => {
    const handle = await connect({ url: join(dir, 'zengshou.sqlite') });
    await migrateToLatest(handle.db);
    return { handle, services: createServices(handle, parseKeys(key), dir) };
  };
  const counts = async (h: Awaited<ReturnType<typeof open>>['handle']) => {
    const n = async (t: 'reg_income' | 'reg_persons' | 'reg_batches' | 'reg_quarantine') =>
      Number((await h.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { income: await n('reg_income'), persons: await n('reg_persons'), batches: await n('reg_batches'), quarantine: await n('reg_quarantine') };
  };

  it('leaves the database as it was, and can be run again', async () => {
    const actor = { userId: null, username: 'tester', ip: null };
    // A first, small batch that must survive.
    let { handle, services } = await open();
    await services.regions.seedLiaoyang();
    await services.registry.channels.filePia('tax', { purpose: '测试', legalBasis: '测试', dataItems: '身份证号', risks: '泄露', measures: '加密', riskLevel: 'low', assessor: '测试', assessedOn: '2024-01-01', validUntil: '2030-01-01' }, actor);
    const small = join(dir, 'small.csv');
    writeFileSync(small, toCsv(TAX_HEADER, taxRows(fakePersons(50, 1), ['2024-01'])));
    await services.registry.imports.importFile('tax', await fileSource(small), actor, { asOf: '2024-06-30' });
    const before = await counts(handle);
    expect(before.income).toBeGreaterThan(0);
    await handle.close();

    const big = join(dir, 'big.csv');
    const persons = fakePersons(25000, 2);
    writeFileSync(big, toCsv(TAX_HEADER, taxRows(persons, ['2024-01', '2024-02', '2024-03', '2024-04'])));
    const child = spawn(process.execPath, [resolve('bin/zengshou.js'), 'registry', 'import', '--channel', 'tax', '--as-of', '2024-06-30', big], {
      env: { ...process.env, ZENGSHOU_DATA_DIR: dir, ZENGSHOU_MASTER_KEY: key, ZENGSHOU_ADMIN_PASSWORD: 'Kill-Test-Password-1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise((r) => child.on('exit', r));
    let stderr = '';
    const killedMidway = await new Promise<boolean>((done) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        // "导入 35% 行 …": well into the rows, long before the end.
        const m = /导入 (\d+)% 行 (\d+)/g;
        let hit: RegExpExecArray | null;
        while ((hit = m.exec(stderr))) {
          if (Number(hit[1]) >= 30 && Number(hit[1]) < 90 && !child.killed) {
            child.kill('SIGKILL');
            done(true);
          }
        }
      });
      child.on('exit', () => done(false));
    });
    await exited;
    expect(killedMidway, stderr).toBe(true);

    ({ handle, services } = await open());
    expect(await counts(handle)).toEqual(before);

    const report = await services.registry.imports.importFile('tax', await fileSource(big), actor, { asOf: '2024-06-30' });
    expect(report.duplicate).toBe(false);
    expect(report.rowsOk).toBe(persons.length * 4);
    expect(report.personsAdded).toBe(persons.length);
    const after = await counts(handle);
    expect(after.persons).toBe(before.persons + persons.length);
    expect(after.batches).toBe(before.batches + 1);
    await handle.close();
  }, 120_000);
});
