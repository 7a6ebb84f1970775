/**
 * Dashboard first paint in Chromium: the real server with the demo city loaded (the registry's synthetic
 * city, the survey sample with two years of diaries, the Liaoyang plan; scale ZENGSHOU_DEMO_SCALE,
 * default 0.05 as `npm start` loads it), the built web app, Debian's Chromium via playwright-core.
 * For each run a fresh page opens /indicators signed in as the city analyst (fenxi) and as the 白塔区
 * liaison (baita); an init script records when the app's layout (its navigation) and the headline cards enter the DOM, and
 * the browser's own first-contentful-paint entry gives FCP. The first run after start (server caches
 * cold) is reported on its own; the figure is the median of the following runs.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { ensureWebBuilt } from '../src/cli/web-build.js';
import { startServer } from '../src/server/start.js';
import type { Benchmark, BenchResult } from './lib.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RUNS = Number(process.env.DASHBOARD_BENCH_RUNS ?? 7);
const PASSWORD = 'Dashboard-Bench#2026';

/** Marks in the page: when the app's layout and the headline cards first appear (ms since navigation start). */
const MARKS = `
  window.__marks = {};
  new MutationObserver(() => {
    const m = window.__marks;
    if (m.layout === undefined && document.querySelector('[data-testid="main-nav"]')) m.layout = performance.now();
    if (m.headline === undefined && document.querySelector('[data-testid="headline-value-income.pc.urban"], [data-testid="headline"] [data-testid^="headline-value-"]')) m.headline = performance.now();
    if (m.chart === undefined && document.querySelector('[data-testid^="chart-"] canvas')) m.chart = performance.now();
  }).observe(document, { childList: true, subtree: true });
`;

interface Run {
  fcp: number;
  layout: number;
  headline: number;
  chart: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
};

async function measure(browser: Browser, url: string, username: string): Promise<Run[]> {
  const ctx = await browser.newContext({ baseURL: url, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  try {
    const login = await ctx.request.post('/api/auth/login', { data: { username, password: PASSWORD } });
    if (!login.ok()) throw new Error(`login ${username}: ${login.status()} ${await login.text()}`);
    await ctx.addInitScript(MARKS);
    const runs: Run[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const page = await ctx.newPage();
      await page.goto('/indicators');
      // functions, not strings: the app's CSP forbids eval; no DOM types in the server tsconfig, hence globalThis
      type Win = { __marks: Record<string, number | undefined>; performance: { getEntriesByName: (n: string) => { startTime: number }[] } };
      await page.waitForFunction(() => (globalThis as unknown as Win).__marks.headline !== undefined, null, { timeout: 60_000 });
      await page.waitForFunction(() => (globalThis as unknown as Win).__marks.chart !== undefined, null, { timeout: 30_000 }).catch(() => undefined);
      const r = await page.evaluate(() => {
        const w = globalThis as unknown as Win;
        const e = w.performance.getEntriesByName('first-contentful-paint')[0];
        return { fcp: e ? e.startTime : null, layout: w.__marks.layout ?? null, headline: w.__marks.headline ?? null, chart: w.__marks.chart ?? null };
      });
      runs.push({ fcp: r.fcp ?? NaN, layout: r.layout ?? NaN, headline: r.headline ?? NaN, chart: r.chart ?? NaN });
      await page.close();
    }
    return runs;
  } finally {
    await ctx.close();
  }
}

/** First contentful paint of the home page for the same user: what the shell (scripts, session) costs on its own. */
async function shellFcp(browser: Browser, url: string, username: string): Promise<number[]> {
  const ctx = await browser.newContext({ baseURL: url, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  try {
    const login = await ctx.request.post('/api/auth/login', { data: { username, password: PASSWORD } });
    if (!login.ok()) throw new Error(`login ${username}: ${login.status()}`);
    const out: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await ctx.newPage();
      await page.goto('/');
      await page.getByTestId('user-name').waitFor();
      out.push(await page.evaluate(() => (globalThis as unknown as { performance: { getEntriesByName: (n: string) => { startTime: number }[] } }).performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
      await page.close();
    }
    return out;
  } finally {
    await ctx.close();
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: 'dashboard first paint (Chromium)',
    run: async () => {
      if (!existsSync(CHROMIUM)) return [{ name: 'dashboard first paint (Chromium)', metric: 'skipped', value: NaN, unit: '', note: `no Chromium at ${CHROMIUM}` }];
      await ensureWebBuilt(ROOT);
      // ZENGSHOU_BENCH_DASHBOARD_DIR: a data directory where the demo is already loaded (e.g. by `npm start` at
      // ZENGSHOU_DEMO_SCALE=1, the full city, with this benchmark's password), kept afterwards
      const reuse = process.env.ZENGSHOU_BENCH_DASHBOARD_DIR;
      const dataDir = reuse ?? mkdtempSync(join(tmpdir(), 'zs-bench-dashboard-'));
      const saved = process.env.ZENGSHOU_DEMO_PASSWORD;
      process.env.ZENGSHOU_DEMO_PASSWORD = PASSWORD;
      const scale = process.env.ZENGSHOU_DEMO_SCALE ?? (reuse ? '(as loaded)' : '0.05');
      const t0 = performance.now();
      const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, adminPassword: 'Liaoyang-Root#2026', loadDemo: true, webDir: join(ROOT, 'dist/web') });
      const loadS = (performance.now() - t0) / 1000;
      let browser: Browser | undefined;
      try {
        browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
        const url = server.url.replace('://localhost:', '://127.0.0.1:');
        const out: BenchResult[] = [];
        for (const [who, label] of [['fenxi', '市级用户 fenxi（辽阳市）'], ['baita', '县级用户 baita（白塔区）']] as const) {
          const runs = await measure(browser, url, who);
          const [cold, ...warm] = runs;
          const note = `${label}; median of ${warm.length} runs after the first; demo scale ${scale} (${reuse ? `data directory ${reuse}, server ready in` : 'loaded in'} ${loadS.toFixed(0)} s)`;
          const name = `dashboard first paint: ${who}`;
          out.push(
            { name, metric: 'first contentful paint', value: median(warm.map((r) => r.fcp)) / 1000, unit: 's', target: '< 1 s', note },
            { name, metric: 'app layout rendered (React\'s first frame)', value: median(warm.map((r) => r.layout)) / 1000, unit: 's', note },
            { name, metric: 'headline cards rendered', value: median(warm.map((r) => r.headline)) / 1000, unit: 's', target: '< 1 s', note },
            { name, metric: 'first chart drawn', value: median(warm.map((r) => r.chart)) / 1000, unit: 's', note },
            { name, metric: 'headline cards, first run (cold caches)', value: cold!.headline / 1000, unit: 's', note: `FCP ${(cold!.fcp / 1000).toFixed(3)} s` },
            { name, metric: 'home page FCP (shell alone, for comparison)', value: median(await shellFcp(browser, url, who)) / 1000, unit: 's', note: 'same user, same browser: the shared shell before any indicators code' },
          );
        }
        return out;
      } finally {
        await browser?.close().catch(() => undefined);
        await server.close();
        if (!reuse) rmSync(dataDir, { recursive: true, force: true });
        if (saved === undefined) delete process.env.ZENGSHOU_DEMO_PASSWORD;
        else process.env.ZENGSHOU_DEMO_PASSWORD = saved;
      }
    },
  },
];
