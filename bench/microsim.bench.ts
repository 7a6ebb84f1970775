import os from 'node:os';
import { machine, timeMs, type Benchmark, type BenchResult } from './lib.js';

// Policy-evaluation microsimulation (issue 7): engine start, one household, the full city
// (1,604,580 persons × 12 months) baseline + one reform, on one thread and on a worker pool.
// The full city is the demo city at scale 0.05 tiled 20 times (generating the scale-1 city takes
// minutes); MICROSIM_BENCH_GENERATE=1 generates the real scale-1 city instead.

const year = 2024;

export const benchmarks: Benchmark[] = [
  {
    name: 'microsim engine start',
    run: async () => {
      const t0 = performance.now();
      const files = await import('../src/modules/microsim/params-files.js');
      const rules = await import('../src/modules/microsim/rules/index.js');
      rules.buildSystem(files.loadParameters());
      const cold = performance.now() - t0;
      const warm = await timeMs(() => rules.buildSystem(files.loadParameters()), 5);
      return [
        { name: 'microsim engine start', metric: 'parameters read + rules built', value: warm, unit: 'ms', target: '< 200 ms' },
        { name: 'microsim engine start', metric: 'first start in a process (module loading included)', value: cold, unit: 'ms', note: 'tsx transpiles the sources on first import' },
      ];
    },
  },
  {
    name: 'microsim one household',
    run: async () => {
      const { loadParameters } = await import('../src/modules/microsim/params-files.js');
      const { buildSystem } = await import('../src/modules/microsim/rules/index.js');
      const { computeSituation, parseSituation } = await import('../src/modules/microsim/situation.js');
      const system = buildSystem(loadParameters());
      const doc = {
        year,
        people: {
          p1: { wage_monthly: 30000, social_insurance_employee_monthly: 4500, special_deductions_monthly: 2000, bonus_annual: 36000 },
          p2: { labour_remuneration: [2000, { month: 6, amount: 5000 }], children_in_education: 1 },
        },
        households: { h1: { members: ['p1', 'p2'], area: 'urban' } },
      };
      const ms = await timeMs(() => computeSituation(system, parseSituation(system, doc)), 200);
      return [{ name: 'microsim one household', metric: 'calc of a 2-person household (every variable)', value: ms, unit: 'ms', target: '< 1 ms' }];
    },
  },
  {
    name: 'microsim full city',
    run: async () => {
      const { loadParameters, readReformFile, PARAMS_DIR } = await import('../src/modules/microsim/params-files.js');
      const { buildSystem } = await import('../src/modules/microsim/rules/index.js');
      const { demoPopulation, tilePopulation } = await import('../src/modules/microsim/population/demo.js');
      const { simulatePair } = await import('../src/modules/microsim/population/run.js');
      const { computeResults } = await import('../src/modules/microsim/population/results.js');
      const { SimulationPool, sharePopulation } = await import('../src/modules/microsim/population/parallel.js');
      const params = loadParameters();
      const system = buildSystem(params);
      const reform = readReformFile(`${PARAMS_DIR}/reforms/dibao-plus-10.yaml`);
      const generate = process.env.MICROSIM_BENCH_GENERATE === '1';
      let t = performance.now();
      const pp = sharePopulation(generate ? demoPopulation(year, { scale: 1 }) : tilePopulation(demoPopulation(year, { scale: 0.05 }), 20));
      const setup = performance.now() - t;
      const persons = pp.persons;
      const source = generate ? 'demo city generated at scale 1' : 'demo city at scale 0.05 tiled ×20';
      const out: BenchResult[] = [];
      let pair!: ReturnType<typeof simulatePair>;
      const one = await timeMs(() => (pair = simulatePair(system, pp, { year, reform })), 2);
      const cpu0 = process.cpuUsage();
      simulatePair(system, pp, { year, reform });
      const cpu = process.cpuUsage(cpu0);
      out.push(
        { name: 'microsim full city', metric: 'baseline + reform, 1 thread: CPU time', value: (cpu.user + cpu.system) / 1000, unit: 'ms', note: `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores` },
        { name: 'microsim full city', metric: `baseline + reform, 1 thread (${persons.toLocaleString('en-US')} persons × 12 months)`, value: one, unit: 'ms', target: '< 2000 ms', note: source },
        { name: 'microsim full city', metric: 'persons per second, 1 thread (baseline + reform)', value: persons / (one / 1000), unit: 'persons/s' },
      );
      t = performance.now();
      const pool = await SimulationPool.start(params, 2);
      const poolStart = performance.now() - t;
      try {
        const two = await timeMs(() => pool.simulatePair(pp, { year, reform }), 2);
        out.push(
          { name: 'microsim full city', metric: 'baseline + reform, 2 worker threads', value: two, unit: 'ms', target: '< 2000 ms', note: `pool start ${Math.round(poolStart)} ms (once)` },
          { name: 'microsim full city', metric: 'persons per second, 2 threads (baseline + reform)', value: persons / (two / 1000), unit: 'persons/s' },
        );
      } finally {
        await pool.close();
      }
      const results = await timeMs(() => computeResults(pp, pair.baseline, pair.reform, { decileUnit: 'household', relativeLines: [0.4, 0.5], examples: 8 }), 2);
      out.push(
        { name: 'microsim full city', metric: 'reform results (deciles, groups, counties, poverty, Gini…)', value: results, unit: 'ms' },
        { name: 'microsim full city', metric: 'population set-up (not timed above)', value: setup, unit: 'ms', note: machine() },
      );
      return out;
    },
  },
  {
    // The registry population: the demo city loaded into the registry (SQLite), then read back as a
    // policy population and run. MICROSIM_BENCH_REGISTRY_SCALE (default 0.05); MICROSIM_BENCH_REGISTRY_DB
    // = an SQLite file that already holds the demo registry of 2023 (skips the minutes-long load).
    name: 'microsim registry population',
    run: async () => {
      const { mkdtempSync } = await import('node:fs');
      const { tmpdir } = await import('node:os');
      const { join } = await import('node:path');
      const { connect } = await import('../src/db/connect.js');
      const { migrateToLatest } = await import('../src/db/migrate.js');
      const { Keyring } = await import('../src/modules/crypto/keyring.js');
      const { createServices } = await import('../src/server/services.js');
      const { loadParameters, readReformFile, PARAMS_DIR } = await import('../src/modules/microsim/params-files.js');
      const { buildSystem } = await import('../src/modules/microsim/rules/index.js');
      const { registryPopulation } = await import('../src/modules/microsim/population/registry.js');
      const { runReform } = await import('../src/modules/microsim/population/run.js');
      const scale = Number(process.env.MICROSIM_BENCH_REGISTRY_SCALE ?? 0.05);
      const ryear = 2023;
      const actor = { userId: null, username: 'bench', ip: null };
      const file = process.env.MICROSIM_BENCH_REGISTRY_DB ?? join(mkdtempSync(join(tmpdir(), 'zs-bench-microsim-')), 'bench.sqlite');
      const handle = await connect({ url: file });
      try {
        await migrateToLatest(handle.db);
        const s = createServices(handle, new Keyring(new Map([[1, Keyring.generateKey()]]), 1), join(tmpdir(), 'zs-bench-microsim-data'));
        let loadS = 0;
        if (!process.env.MICROSIM_BENCH_REGISTRY_DB) {
          await s.regions.seedLiaoyang();
          const { loadDemoRegistry } = await import('../src/modules/registry/demo-load.js');
          loadS = (await loadDemoRegistry(s, { scale, year: ryear, actor })).seconds;
        }
        let pp!: Awaited<ReturnType<typeof registryPopulation>>;
        const build = await timeMs(async () => (pp = await registryPopulation(handle, { year: ryear, actor, audit: s.audit })), 2);
        const system = buildSystem(loadParameters());
        const reform = readReformFile(`${PARAMS_DIR}/reforms/dibao-plus-10.yaml`);
        let netCost = 0;
        const run = await timeMs(() => (netCost = runReform(system, pp, { year: ryear, reform }).budget.netCost), 2);
        const note = `registry from the demo city at scale ${scale} (${pp.households.toLocaleString('en-US')} households)${loadS ? `; demo load ${loadS.toFixed(0)} s, not timed` : ''}; load average ${os.loadavg()[0].toFixed(1)}`;
        return [
          { name: 'microsim registry population', metric: `build from the registry (${pp.persons.toLocaleString('en-US')} persons), SQLite`, value: build, unit: 'ms', note },
          { name: 'microsim registry population', metric: 'persons per second, build', value: pp.persons / (build / 1000), unit: 'persons/s' },
          { name: 'microsim registry population', metric: 'baseline + 低保 +10% reform with results, 1 thread', value: run, unit: 'ms', note: `net cost ${(netCost / 1e4).toFixed(1)} 万元/year` },
        ];
      } finally {
        await handle.close();
      }
    },
  },
];
