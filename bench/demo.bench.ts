import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCity, summariseYear } from '../src/modules/demo/index.js';
import { writeDemo } from '../src/modules/demo/writers/index.js';
import type { Benchmark } from './lib.js';

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

export const benchmarks: Benchmark[] = [
  {
    name: 'demo: generate the full city (scale 1) in-process',
    async run() {
      let peak = process.memoryUsage().rss;
      const sample = () => {
        peak = Math.max(peak, process.memoryUsage().rss);
      };
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const city = generateCity({ seed: 2018, scale: 1, onProgress: sample });
      const ms = performance.now() - t0;
      sample();
      const cpu = process.cpuUsage(cpu0);
      const residents = Array.from(city.households.size).reduce((s, n, h) => s + (city.households.leftYear[h] === 0 ? n : 0), 0);
      const s2018 = summariseYear(city, 2018);
      return [
        { name: 'demo generate scale 1', metric: 'wall time', value: ms / 1000, unit: 's', target: '< 60 s', note: `cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s` },
        { name: 'demo generate scale 1', metric: 'persons per second', value: city.persons.count / (ms / 1000), unit: 'persons/s', note: `${city.persons.count} persons (${residents} resident in 2020), ${city.households.count} households, 15 years calibrated` },
        { name: 'demo generate scale 1', metric: 'peak RSS (sampled)', value: mb(peak), unit: 'MiB', target: '< 4096 MiB', note: `process max RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB` },
        { name: 'demo generate scale 1', metric: 'urban / rural income 2018', value: s2018.perCapita.urban.disposable, unit: '元', note: `rural ${s2018.perCapita.rural.disposable.toFixed(0)}; targets 32222 / 14873` },
      ];
    },
  },
  {
    name: 'demo: write canonical and channel files (scale 0.01)',
    async run() {
      const city = generateCity({ seed: 2018, scale: 0.01 });
      const dir = mkdtempSync(join(tmpdir(), 'demo-bench-'));
      try {
        const t0 = performance.now();
        const m = await writeDemo(city, { outDir: dir, year: 2023 });
        const s = (performance.now() - t0) / 1000;
        const rows = m.files.reduce((n, f) => n + f.rows, 0);
        const xlsxRows = m.files.filter((f) => f.format === 'xlsx').reduce((n, f) => n + f.rows, 0);
        return [
          { name: 'demo write scale 0.01', metric: 'rows per second', value: rows / s, unit: 'rows/s', note: `${rows} rows in ${m.files.length} files, ${s.toFixed(1)} s` },
          { name: 'demo write scale 0.01', metric: 'xlsx rows', value: xlsxRows, unit: 'rows', note: 'exceljs streaming writer' },
        ];
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
