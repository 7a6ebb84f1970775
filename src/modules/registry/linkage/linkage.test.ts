import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../db/test-databases.js';
import { createTestApp, type TestApp } from '../../../server/test-app.js';
import type { Actor } from '../../audit/audit.service.js';
import { bufferSource } from '../import/source.js';
import type { RegistryViewer } from '../scope.js';
import { fakePersons, toCsv } from '../testing/fixtures.js';
import { ROSTER_HEADER, rosterWithoutIds } from '../testing/linkage-fixture.js';
import { POPULATION_HEADER, populationRows } from '../testing/population.js';

const actor: Actor = { userId: null, username: 'linker', ip: null };
const city: RegistryViewer = { userId: null, username: 'linker', regionCode: '211000', canUnmask: true };
const PIA = { purpose: '测试', legalBasis: '测试', dataItems: '姓名', risks: '泄露', measures: '加密', riskLevel: 'low' as const, assessor: '测试', assessedOn: '2024-01-01', validUntil: '2030-12-31' };

describe.each(testDatabases())('probabilistic linkage ($name)', (tdb) => {
  let t: TestApp;
  const everyone = fakePersons(1400, 21);
  const registered = everyone.slice(0, 1200);
  const onRoster = registered.slice(0, 150);
  const newcomers = everyone.slice(1200, 1230);
  const roster = rosterWithoutIds(onRoster, newcomers);

  beforeAll(async () => {
    t = await createTestApp(tdb);
    const r = t.services.registry;
    await r.channels.filePia('population', PIA, actor);
    await r.channels.filePia('civil_affairs', PIA, actor);
    await r.imports.importFile('population', bufferSource('pop.csv', Buffer.from(toCsv(POPULATION_HEADER, populationRows(registered)))), actor, { asOf: '2024-06-30' });
    const rep = await r.imports.importFile('civil_affairs', bufferSource('dibao.csv', Buffer.from(toCsv(ROSTER_HEADER, roster.map((x) => x.cells)))), actor, { asOf: '2024-06-30' });
    expect(rep.pendingLinkage).toBe(roster.length);
  }, 60_000);
  afterAll(async () => t?.close());

  /** The ID number each roster row's person ended up linked to (null: still on its own). */
  async function outcome(): Promise<(string | null)[]> {
    const db = t.handle.db;
    const rows = await db.selectFrom('reg_persons').select(['id', 'canonical_id', 'row_no', 'batch_id']).where('id_number_bidx', 'is', null).orderBy('row_no').execute();
    const out: (string | null)[] = [];
    for (const r of rows) {
      const root = await db.selectFrom('reg_persons').select(['id_number_enc']).where('id', '=', r.canonical_id).executeTakeFirstOrThrow();
      out.push(root.id_number_enc ? t.services.registry.protector.dec(root.id_number_enc) : null);
    }
    return out;
  }

  it('links rows without ID numbers with high precision and recall on data where the truth is known', async () => {
    const rep = await t.services.registry.linkage.run(actor);
    expect(rep.pending).toBe(roster.length);
    expect(rep.model?.converged).toBe(true);
    const linkedTo = await outcome();
    let truePos = 0;
    let falsePos = 0;
    roster.forEach((row, i) => {
      if (linkedTo[i] === null) return;
      if (linkedTo[i] === row.truth) truePos++;
      else falsePos++;
    });
    const precision = truePos / (truePos + falsePos);
    const recall = truePos / onRoster.length;
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.85);
    // Newcomers stay on their own.
    expect(linkedTo.slice(onRoster.length).filter((x) => x !== null)).toHaveLength(0);
    expect(rep.autoMerged).toBe(truePos + falsePos);
  });

  it('queues doubtful pairs for review; a reviewer confirms or rejects, and every merge can be undone', async () => {
    const db = t.handle.db;
    const queue = await t.services.registry.linkage.links(city, 'pending', actor);
    for (const item of queue) {
      expect(item.weight).toBeGreaterThanOrEqual(4);
      expect(item.left.name).toMatch(/\*/);
    }
    const auto = await t.services.registry.linkage.links(city, 'auto', actor);
    expect(auto.length).toBeGreaterThan(0);
    const one = auto[0];
    const before = await db.selectFrom('reg_persons').select(['canonical_id']).where('id', '=', one.left.id).executeTakeFirstOrThrow();
    expect(before.canonical_id).toBe(one.right.id);
    await t.services.registry.linkage.unmerge(city, one.left.id, '复核发现非同一人', actor);
    const after = await db.selectFrom('reg_persons').select(['canonical_id', 'merged_into']).where('id', '=', one.left.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ canonical_id: one.left.id, merged_into: null });
    // The person page of the formerly merged record shows both events.
    const page = await t.services.registry.persons.page(city, one.left.id, actor);
    expect(page.linkage.map((l) => l.action)).toEqual(['merge', 'unmerge']);
    expect(page.dibao).toHaveLength(1);
    // Merge again by hand, then a review decision on a queued pair if there is one.
    await t.services.registry.linkage.merge(city, one.left.id, one.right.id, '人工复核确认', actor);
    expect((await db.selectFrom('reg_persons').select(['canonical_id']).where('id', '=', one.left.id).executeTakeFirstOrThrow()).canonical_id).toBe(one.right.id);
    if (queue.length > 0) {
      await t.services.registry.linkage.decide(city, queue[0].linkId, 'reject', actor);
      await expect(t.services.registry.linkage.decide(city, queue[0].linkId, 'confirm', actor)).rejects.toMatchObject({ code: 'LINK_DECIDED' });
    }
    const audit = (await t.services.audit.query({ action: 'registry.', limit: 1000, offset: 0 })).rows.map((r) => r.action);
    expect(audit).toContain('registry.unmerge');
    expect(audit.filter((a) => a === 'registry.merge').length).toBeGreaterThanOrEqual(2);
  });
});
