import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.service.js';
import { clearChartCache } from '../src/modules/indicators/report/charts.js';
import { reportDocx } from '../src/modules/indicators/report/docx.js';
import { FIXTURE_DASHBOARD } from '../src/modules/indicators/report/fixtures.js';
import { defaultTemplate, REPORT_SECTIONS, type ReportSection } from '../src/modules/indicators/report/templates.js';
import { reportWorkbook } from '../src/modules/indicators/report/xlsx.js';
import { buildApp } from '../src/server/app.js';
import { bootstrap } from '../src/server/bootstrap.js';
import { loadDemoIfEmpty } from '../src/server/demo-data.js';
import { loginCookie } from '../src/server/test-app.js';
import type { Benchmark, BenchResult } from './lib.js';
import { timeMs } from './lib.js';

/**
 * Monitoring report (issue 8): time to generate the city's .docx (three ECharts charts rendered to SVG and
 * rasterised by resvg with the Noto CJK font, narrative templates, tables) and .xlsx.
 * - generator: from a city-sized dashboard (the fixture: 16 years, 7 counties, 7 key groups, 6 targets);
 *   "cold" draws the charts, "warm" finds them in the PNG cache (the same report downloaded again);
 * - API: GET /api/indicators/report.docx|xlsx for the city with the demo loaded (dashboard included), only
 *   when ZENGSHOU_BENCH_INDICATORS_DIR names a data directory with the demo already loaded (copied, not changed).
 */
const templates = Object.fromEntries(REPORT_SECTIONS.map((s) => [s, defaultTemplate(s)])) as Record<ReportSection, string>;

async function generator(): Promise<BenchResult[]> {
  const cold = await timeMs(async () => {
    clearChartCache();
    await reportDocx(FIXTURE_DASHBOARD, { templates });
  }, 3);
  const warm = await timeMs(() => reportDocx(FIXTURE_DASHBOARD, { templates }), 5);
  const noCharts = await timeMs(() => reportDocx(FIXTURE_DASHBOARD, { templates, charts: false }), 5);
  const xlsx = await timeMs(() => reportWorkbook(FIXTURE_DASHBOARD), 5);
  const name = 'monitoring report, city (fixture dashboard)';
  return [
    { name, metric: '.docx, charts drawn', value: cold, unit: 'ms', note: '3 charts via ECharts SSR + resvg (CJK text dominates)' },
    { name, metric: '.docx, charts cached', value: warm, unit: 'ms' },
    { name, metric: '.docx without charts', value: noCharts, unit: 'ms' },
    { name, metric: '.xlsx, 8 sheets', value: xlsx, unit: 'ms' },
  ];
}

const PASSWORD = 'Bench-Password-2018r';

async function api(): Promise<BenchResult[]> {
  const src = process.env.ZENGSHOU_BENCH_INDICATORS_DIR;
  if (!src || !existsSync(join(src, 'z.sqlite'))) return [];
  const dir = mkdtempSync(join(tmpdir(), 'zs-bench-report-'));
  try {
    cpSync(src, dir, { recursive: true });
    const { services: s } = await bootstrap({ databaseUrl: join(dir, 'z.sqlite'), dataDir: dir, adminPassword: 'Root-Bench-2018-xyzR' });
    await loadDemoIfEmpty(s, { dataDir: dir, password: 'Demo-Bench-2018-xyzR', registryScale: Number(process.env.ZENGSHOU_DEMO_SCALE ?? 0.05) });
    const app = await buildApp(s, { webDir: '/nonexistent', secureCookies: false, bodyLimit: 1 << 20, logLevel: 'silent', loginRateLimit: 10_000, rateLimit: 0 });
    try {
      if (!(await s.auth.repo.userByName('bench.report'))) await s.users.create({ username: 'bench.report', displayName: 'bench.report', regionCode: '211000', roles: ['analyst'], password: PASSWORD, departmentId: null }, SYSTEM_ACTOR, null);
      const cookie = await loginCookie(app, 'bench.report', PASSWORD);
      const get = async (url: string) => {
        const res = await app.inject({ method: 'GET', url, headers: { cookie } });
        if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 200)}`);
      };
      await get('/api/indicators/dashboard'); // values computed once
      const docx = await timeMs(async () => {
        clearChartCache();
        await get('/api/indicators/report.docx');
      }, 3);
      const xlsx = await timeMs(() => get('/api/indicators/report.xlsx'), 3);
      const name = 'monitoring report API, demo city';
      return [
        { name, metric: 'GET report.docx', value: docx, unit: 'ms', note: 'dashboard from the values cache + charts drawn' },
        { name, metric: 'GET report.xlsx', value: xlsx, unit: 'ms' },
      ];
    } finally {
      await app.close();
      await s.handle.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const benchmarks: Benchmark[] = [
  { name: 'monitoring report generator', run: generator },
  { name: 'monitoring report API (demo city)', run: api },
];
