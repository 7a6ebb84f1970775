import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machine, type Benchmark, type BenchResult } from './lib.js';

// Runs every bench/*.bench.ts (or those whose file name contains an argument), prints a table,
// writes bench/results.json.
const dir = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
const date = new Date().toISOString();
const host = machine();
type Row = BenchResult & { suite: string; machine: string; date: string };
const rows: Row[] = [];
for (const f of files) {
  const { benchmarks } = (await import(pathToFileURL(join(dir, f)).href)) as { benchmarks: Benchmark[] };
  for (const b of benchmarks) {
    process.stderr.write(`… ${b.name}\n`);
    try {
      for (const r of await b.run()) rows.push({ ...r, suite: f, machine: host, date });
    } catch (e) {
      process.stderr.write(`  failed: ${(e as Error).stack}\n`);
      rows.push({ name: b.name, metric: 'error', value: NaN, unit: '', note: String((e as Error).message), suite: f, machine: host, date });
    }
  }
}
const fmt = (v: number) => (Number.isFinite(v) ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3)) : 'n/a');
const table = rows.map((r) => ({ name: r.name, metric: r.metric, value: fmt(r.value), unit: r.unit, target: r.target ?? '', note: r.note ?? '' }));
console.table(table);
console.log(`machine: ${host}`);
// A partial run (`npm run bench -- name`) replaces only its own suites' rows in results.json.
const file = join(dir, 'results.json');
const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Row[]).filter((r) => r.suite && !files.includes(r.suite)) : [];
writeFileSync(file, JSON.stringify([...kept, ...rows], null, 2) + '\n');
console.log('written bench/results.json');
