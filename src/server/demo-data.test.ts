import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabases } from '../db/test-databases.js';
import { loadDemoIfEmpty } from './demo-data.js';
import { createTestApp, loginCookie } from './test-app.js';

describe.each(testDatabases())('demo data on $name', (db) => {
  it('loads accounts and the plan with every status colour, once', async () => {
    const t = await createTestApp(db);
    const dir = mkdtempSync(join(tmpdir(), 'zs-demo-'));
    try {
      const r = await loadDemoIfEmpty(t.services, { dataDir: dir, password: 'Demo-Password-2026', today: '2026-11-27' });
      expect(r.loaded).toBe(true);
      expect(r.accounts.map((a) => a.username)).toEqual(expect.arrayContaining(['ducha', 'fenxi', 'shenji', 'baita', 'lianluo.hrss']));
      expect((statSync(r.accountsFile!).mode & 0o777).toString(8)).toBe('600');
      expect(readFileSync(r.accountsFile!, 'utf8')).toContain('Demo-Password-2026');
      expect((await loadDemoIfEmpty(t.services, { dataDir: dir, today: '2026-11-27' })).loaded).toBe(false);
      const cookie = await loginCookie(t.app, 'ducha', 'Demo-Password-2026');
      const [plan] = (await t.app.inject({ url: '/api/plans?asOf=2026-11-27', headers: { cookie } })).json();
      expect(plan.taskCount).toBe(58);
      for (const c of ['green', 'yellow', 'red', 'done']) expect(plan.counts[c], c).toBeGreaterThan(0);
      const hr = await loginCookie(t.app, 'lianluo.hrss', 'Demo-Password-2026');
      const mine = (await t.app.inject({ url: `/api/plans/${plan.id}/tasks?mine=1`, headers: { cookie: hr } })).json() as unknown[];
      // 36 measure lines of the seed name the bureau (grep -c 市人力资源(和)社会保障局): 17 as lead or responsible, 19 cooperating.
      expect(mine).toHaveLength(36);
    } finally {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
