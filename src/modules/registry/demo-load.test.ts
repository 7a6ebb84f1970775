import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../db/test-databases.js';
import { createTestApp, type TestApp } from '../../server/test-app.js';
import { loadDemoRegistry, type DemoLoadReport } from './demo-load.js';

/**
 * The demo city through the registry: every channel imported, rows without ID numbers linked to
 * the person the demo's truth says they are. (SQLite only: the same code runs on PostgreSQL in the
 * other registry tests, and the city takes a while to generate.)
 */
describe('demo city in the registry', () => {
  let t: TestApp;
  let report: DemoLoadReport;
  const actor = { userId: null, username: 'demo-test', ip: null };

  beforeAll(async () => {
    t = await createTestApp(testDatabases()[0]);
    report = await loadDemoRegistry(t.services, { scale: 0.005, actor });
  }, 300_000);
  afterAll(async () => t?.close());

  it('imports the population register and every agency channel', () => {
    for (const code of ['population', 'tax', 'social_insurance', 'civil_affairs', 'real_estate']) {
      expect(report.imports[code]?.rowsOk, code).toBeGreaterThan(0);
      // Faulty rows exist in every channel file but are a small share.
      expect(report.imports[code].rowsRejected / report.imports[code].rowsRead, code).toBeLessThan(0.02);
    }
    expect(report.imports.population.personsAdded).toBeGreaterThan(report.persons * 0.8);
  });

  it('links rows without ID numbers precisely, measured against the demo truth', () => {
    const q = report.quality;
    expect(q.rows).toBeGreaterThan(10);
    expect(q.precision).toBeGreaterThanOrEqual(0.95);
    expect(q.recall).toBeGreaterThanOrEqual(0.6);
  });

  it('adds nothing when loaded again', async () => {
    const again = await loadDemoRegistry(t.services, { scale: 0.005, actor });
    for (const r of Object.values(again.imports)) expect(r.duplicate).toBe(true);
  }, 300_000);
});
