import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.service.js';
import { Keyring } from '../src/modules/crypto/keyring.js';
import { DEPARTMENTS } from '../src/modules/workplan/departments.js';
import { SEED_PLAN_FILE } from '../src/modules/workplan/demo-load.js';
import { loadDemoIfEmpty } from '../src/server/demo-data.js';
import { createServices } from '../src/server/services.js';
import type { Benchmark, BenchResult } from './lib.js';
import { timeMs } from './lib.js';

// Supervision over the Liaoyang plan on the embedded database: importing the document (parse, resolve
// units, insert 58 tasks in one transaction), the task matrix with statuses, the ranking, and both exports.
export const benchmarks: Benchmark[] = [
  {
    name: 'supervision',
    run: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'zs-bench-sup-'));
      const h = await connect({ url: join(dir, 'db.sqlite') });
      try {
        await migrateToLatest(h.db);
        const s = createServices(h, new Keyring(new Map([[1, Keyring.generateKey()]]), 1), dir);
        await s.regions.seedLiaoyang();
        await s.departments.seed(DEPARTMENTS);
        const bytes = readFileSync(SEED_PLAN_FILE);
        const importMs = await timeMs(() => s.plans.importBytes(bytes, 'seed.txt', { startDate: '2026-01-01', endDate: '2027-12-31', periodType: 'month' }, SYSTEM_ACTOR));
        await s.settings.set('demo.loaded', false, null);
        // A second plan with history, for realistic ranking input.
        const t0 = performance.now();
        await loadDemoIfEmpty(s, { dataDir: dir, password: 'Bench-Password-2026', today: '2026-11-27' }).catch(() => undefined);
        const demoMs = performance.now() - t0;
        const v = { roles: ['supervisor' as const], regionCode: '211000', departmentId: null };
        const [plan] = await s.plans.repo.plans();
        const matrix = await timeMs(() => s.plans.tasks(plan.id, v), 20);
        const ranking = await timeMs(() => s.supervision.ranking(plan.id, v), 10);
        const { taskTableWorkbook } = await import('../src/modules/workplan/exports/task-table.js');
        const { bulletinDocument } = await import('../src/modules/workplan/exports/bulletin.js');
        const tasks = await s.plans.tasks(plan.id, v);
        const xlsx = await timeMs(() => taskTableWorkbook(plan.title, tasks), 5);
        const rank = await s.supervision.ranking(plan.id, v);
        const docx = await timeMs(() => bulletinDocument({ planTitle: plan.title, docNumber: plan.doc_number, asOf: '2026-11-27', tasks, ranking: rank }), 5);
        const out: BenchResult[] = [
          { name: 'supervision: import the seed plan', metric: 'parse + 58 tasks in one transaction', value: importMs, unit: 'ms' },
          { name: 'supervision: demo accounts + history', metric: 'wall time (accounts hash passwords)', value: demoMs, unit: 'ms' },
          { name: 'supervision: task matrix', metric: '58 tasks with status (best of 20)', value: matrix, unit: 'ms' },
          { name: 'supervision: ranking', metric: 'all units (best of 10)', value: ranking, unit: 'ms' },
          { name: 'supervision: 任务分工表 .xlsx', metric: 'build (best of 5)', value: xlsx, unit: 'ms' },
          { name: 'supervision: 督办通报 .docx', metric: 'build (best of 5)', value: docx, unit: 'ms' },
        ];
        return out;
      } finally {
        await h.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
