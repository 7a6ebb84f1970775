import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.service.js';
import { buildApp } from '../src/server/app.js';
import { bootstrap } from '../src/server/bootstrap.js';
import { loadDemoIfEmpty } from '../src/server/demo-data.js';
import { loginCookie } from '../src/server/test-app.js';
import type { Benchmark, BenchResult } from './lib.js';
import { timeMs } from './lib.js';

/**
 * Indicators dashboard (issue 8) through the HTTP API at demo scale: the full demo (registry city at
 * scale 0.05 ≈ 99,000 persons, survey of 1,500 households with two years of diaries, published history,
 * key-group rosters). Measures the cold path (every indicator recomputed from the sources, then the
 * dashboard) and the warm path (the dashboard served from the values cache) for the city and a county.
 * Loading the demo takes minutes: set ZENGSHOU_BENCH_INDICATORS_DIR to a data directory where the demo
 * is already loaded (it is copied, not changed). Target: the dashboard's data well under 1 s.
 */
const PASSWORD = 'Bench-Password-2018q';

async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'zs-bench-ind-'));
  const src = process.env.ZENGSHOU_BENCH_INDICATORS_DIR;
  try {
    if (src && existsSync(join(src, 'z.sqlite'))) cpSync(src, dir, { recursive: true });
    const t0 = performance.now();
    const { services: s } = await bootstrap({ databaseUrl: join(dir, 'z.sqlite'), dataDir: dir, adminPassword: 'Root-Bench-2018-xyzQ' });
    const demo = await loadDemoIfEmpty(s, { dataDir: dir, password: 'Demo-Bench-2018-xyzQ', registryScale: Number(process.env.ZENGSHOU_DEMO_SCALE ?? 0.05) });
    const loadS = (performance.now() - t0) / 1000;
    const app = await buildApp(s, { webDir: '/nonexistent', secureCookies: false, bodyLimit: 1 << 20, logLevel: 'silent', loginRateLimit: 10_000, rateLimit: 0 });
    try {
      for (const [u, region] of [['bench.city', '211000'], ['bench.county', '211002']] as const) {
        if (!(await s.auth.repo.userByName(u))) await s.users.create({ username: u, displayName: u, regionCode: region, roles: ['supervisor'], password: PASSWORD, departmentId: null }, SYSTEM_ACTOR, null);
      }
      const city = await loginCookie(app, 'bench.city', PASSWORD);
      const county = await loginCookie(app, 'bench.county', PASSWORD);
      const get = async (cookie: string, url = '/api/indicators/dashboard') => {
        const res = await app.inject({ method: 'GET', url, headers: { cookie } });
        if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
        return res;
      };
      // cold: an empty cache → the first read computes every indicator from the sources
      const cold = await timeMs(async () => {
        await s.handle.db.deleteFrom('ind_values').execute();
        await s.settings.set('indicators.fingerprint', 'stale', 'bench');
        s.indicators.forgetSources();
        await get(city);
      });
      // stale: inputs changed → the read is served from the cache, the recomputation runs behind it
      const stale = await timeMs(async () => {
        await s.settings.set('indicators.fingerprint', 'stale', 'bench');
        await get(city);
      });
      await s.indicators.background;
      await s.indicators.recompute();
      const recompute = await timeMs(async () => {
        const res = await app.inject({ method: 'POST', url: '/api/indicators/recompute', headers: { cookie: city } });
        if (res.statusCode !== 200) throw new Error(res.body);
      });
      const afterEntry = await timeMs(() => s.indicators.recompute(), 3);
      let bytes = 0;
      const warmCity = await timeMs(async () => {
        bytes = (await get(city)).body.length;
      }, 10);
      const warmCounty = await timeMs(() => get(county), 10);
      const values = await s.indicators.repo.valueCount();
      const persons = demo.registry && 'persons' in demo.registry ? demo.registry.persons : undefined;
      const note = `SQLite; ${values} cached values${persons ? `; registry ${persons.toLocaleString('en-US')} persons` : ''}; survey 1,500 households`;
      return [
        { name: 'indicators dashboard', metric: 'cold: recompute from sources + dashboard (API)', value: cold / 1000, unit: 's', note },
        { name: 'indicators dashboard', metric: 'stale cache: dashboard while recomputing behind (API)', value: stale, unit: 'ms' },
        { name: 'indicators dashboard', metric: 'recompute after an entry approval (survey and registry elements kept)', value: afterEntry, unit: 'ms' },
        { name: 'indicators dashboard', metric: 'POST /api/indicators/recompute (full)', value: recompute / 1000, unit: 's' },
        { name: 'indicators dashboard', metric: 'warm: city dashboard (API, best of 10)', value: warmCity, unit: 'ms', target: '< 1 s first paint', note: `${Math.round(bytes / 1024)} KiB JSON` },
        { name: 'indicators dashboard', metric: 'warm: county dashboard (API, best of 10)', value: warmCounty, unit: 'ms' },
        { name: 'indicators dashboard', metric: 'demo load (or copy) before the measurements', value: loadS, unit: 's' },
      ];
    } finally {
      await app.close();
      await s.handle.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const benchmarks: Benchmark[] = [{ name: 'indicators', run }];
