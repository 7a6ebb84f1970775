import os from 'node:os';

/** One measured figure. Benchmarks never assert; they report. */
export interface BenchResult {
  name: string;
  metric: string;
  value: number;
  unit: string;
  /** The target the issue sets, for the table (e.g. "< 0.6 s"); informational only. */
  target?: string;
  note?: string;
}

/** A benchmark file (bench/*.bench.ts) exports `benchmarks: Benchmark[]`. */
export interface Benchmark {
  name: string;
  run: () => Promise<BenchResult[]>;
}

export function machine() {
  return `${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`;
}

/** Milliseconds taken by fn, best of `repeat` runs (after one warm-up when repeat > 1). */
export async function timeMs(fn: () => unknown | Promise<unknown>, repeat = 1): Promise<number> {
  if (repeat > 1) await fn();
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}
