import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import type { Benchmark, BenchResult } from './lib.js';
import { parsePlan, planTextFromBytes } from '../src/modules/workplan/parser/index.js';

// Parsing the 2018 Liaoyang plan (issue 3 target: < 20 ms), and the same plan from GB18030 bytes and
// from a .docx, timed over many runs; mean and 99th percentile.

const seedUrl = new URL('../src/modules/workplan/seeds/liaoyang-2018-15-income-plan.txt', import.meta.url);
const gbUrl = new URL('../src/modules/workplan/parser/fixtures/seed-gb18030.txt', import.meta.url);

interface Sample {
  /** Wall-clock milliseconds of each run, sorted. */
  ms: number[];
  /** Process CPU milliseconds (user + system) per run, averaged: less sensitive to a busy machine. */
  cpuMean: number;
}

async function sample(fn: () => unknown, runs: number, warmup = 20): Promise<Sample> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const cpu = process.cpuUsage(cpu0);
  return { ms: ms.sort((a, b) => a - b), cpuMean: (cpu.user + cpu.system) / 1000 / runs };
}

function summary(name: string, { ms, cpuMean }: Sample, target?: string, note?: string): BenchResult[] {
  const mean = ms.reduce((s, x) => s + x, 0) / ms.length;
  const p99 = ms[Math.min(ms.length - 1, Math.ceil(0.99 * ms.length) - 1)];
  return [
    { name, metric: 'mean', value: mean, unit: 'ms', target, note: `${ms.length} runs${note ? `; ${note}` : ''}` },
    { name, metric: 'p99', value: p99, unit: 'ms', target },
    { name, metric: 'cpu mean', value: cpuMean, unit: 'ms', note: 'process CPU time per run' },
  ];
}

export const benchmarks: Benchmark[] = [
  {
    name: 'workplan: parse seed text (58 measures)',
    run: async () => {
      const text = readFileSync(seedUrl, 'utf8');
      const n = parsePlan(text).measures.length;
      return summary('workplan: parse seed text (58 measures)', await sample(() => parsePlan(text), 2000), '< 20 ms', `${n} measures`);
    },
  },
  {
    name: 'workplan: GB18030 bytes → detect, decode, parse',
    run: async () => {
      const bytes = readFileSync(gbUrl);
      return summary('workplan: GB18030 bytes → detect, decode, parse', await sample(async () => parsePlan((await planTextFromBytes(bytes, 'plan.txt')).text), 300));
    },
  },
  {
    name: 'workplan: .docx bytes → mammoth, parse',
    run: async () => {
      const lines = readFileSync(seedUrl, 'utf8').split('\n');
      const docx = await Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] }));
      return summary('workplan: .docx bytes → mammoth, parse', await sample(async () => parsePlan((await planTextFromBytes(docx, 'plan.docx')).text), 100, 5));
    },
  },
];
