import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { hashPassword, verifyPassword } from '../src/modules/auth/password.js';
import { startServer } from '../src/server/start.js';
import type { Benchmark, BenchResult } from './lib.js';

const PASSWORD = 'Bench-Password-2018';

async function load(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: 50, duration: 5, headers });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

/** Spawns the CLI server and polls /api/health: what an operator waits for. */
async function coldStartMs(dataDir: string): Promise<number> {
  const port = 39000 + Math.floor(Math.random() * 1000);
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/zengshou.js', 'serve', '--port', String(port)], {
    env: { ...process.env, ZENGSHOU_DATA_DIR: dataDir, ZENGSHOU_ADMIN_PASSWORD: PASSWORD, DATABASE_URL: '' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (r.ok) return performance.now() - t0;
      } catch {
        /* not up yet */
      }
      if (performance.now() - t0 > 60_000) throw new Error('server did not start in 60 s');
      await new Promise((res) => setTimeout(res, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((res) => child.once('exit', res));
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: 'server start',
    run: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'zs-bench-'));
      try {
        const first = await coldStartMs(dir);
        const again = await coldStartMs(dir);
        return [
          { name: 'server start', metric: 'first start (new database, migrations)', value: first, unit: 'ms' },
          { name: 'server start', metric: 'start on existing database', value: again, unit: 'ms' },
        ];
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'HTTP throughput',
    run: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'zs-bench-'));
      // The per-address rate limit is off: the benchmark's 50 connections all come from one address.
      process.env.ZENGSHOU_RATE_LIMIT = '0';
      const s = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir, adminPassword: PASSWORD });
      try {
        // A non-administrator (no TOTP step) for the authenticated route.
        await s.services.users.create({ username: 'bench.analyst', displayName: 'bench', regionCode: '211000', roles: ['analyst'], password: PASSWORD }, { userId: null, username: 'bench', ip: null }, null);
        const res = await fetch(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench.analyst', password: PASSWORD }) });
        const cookie = res.headers.get('set-cookie')!.split(';')[0];
        const health = await load(`${s.url}/api/health`);
        const me = await load(`${s.url}/api/me`, { cookie });
        const out: BenchResult[] = [
          { name: 'GET /api/health', metric: 'throughput, 50 connections', value: health.rps, unit: 'req/s' },
          { name: 'GET /api/health', metric: 'p99 latency', value: health.p99, unit: 'ms', note: `${health.errors} errors` },
          { name: 'GET /api/me (session)', metric: 'throughput, 50 connections', value: me.rps, unit: 'req/s' },
          { name: 'GET /api/me (session)', metric: 'p99 latency', value: me.p99, unit: 'ms', note: `${me.errors} errors` },
        ];
        return out;
      } finally {
        await s.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'password hashing',
    run: async () => {
      const h = await hashPassword(PASSWORD);
      const n = 20;
      const t0 = performance.now();
      for (let i = 0; i < n; i++) await verifyPassword(PASSWORD, h);
      const serial = (performance.now() - t0) / n;
      const t1 = performance.now();
      await Promise.all(Array.from({ length: n }, () => verifyPassword(PASSWORD, h)));
      const parallel = n / ((performance.now() - t1) / 1000);
      return [
        { name: 'scrypt verify (N=2^15, r=8)', metric: 'cost per login', value: serial, unit: 'ms' },
        { name: 'scrypt verify (N=2^15, r=8)', metric: 'logins per second (libuv pool)', value: parallel, unit: '/s' },
      ];
    },
  },
];
