/**
 * The summary scan of a large input on two threads: the calling thread and one worker
 * (parallel-worker.ts), started lazily by the first large call, which itself runs on one thread.
 *
 * 1. Each thread counts the keys of its half of the input (the worker's half is copied to shared
 *    memory); from the two counts every bucket gets its place in one shared pair buffer, the
 *    caller's part of each bucket first, so the buffer ends up exactly as one thread would fill it.
 * 2. Each thread scatters its half into the buffer; the buckets are split at about half the units.
 * 3. The caller sorts and scans the lower buckets, the worker the upper ones, starting from the
 *    lower range's Σw (each thread summed its share of it in double-double during the scatter).
 *    The worker's scan state is then appended to the caller's (SummaryScan.absorb).
 * Sorted order and quantiles are those of the one-thread scan; sums (Gini, Σw·y, entropy, poverty)
 * are added in another order, so they may differ in the last bits.
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { CONTROL_SLOTS, READY, receive, send, TO_CALLER, TO_WORKER, type Job, type ToCaller, type ToWorker } from './parallel-protocol.js';
import { ACC, countKeys, ddAdd, ddTotal, int32View, planBuckets, scatterPairs, sortBuckets, type SortWorkspace } from './sort.js';
import type { SummaryScan } from './summary-scan.js';

/** Inputs with fewer units are scanned on the calling thread (two threads gain little below). */
export const PARALLEL_MIN = 1_500_000;

interface Pool {
  worker: Worker;
  port: MessagePort;
  ctrl: Int32Array;
  broken: boolean;
}

let pool: Pool | null = null;
let starting: Promise<void> | null = null;
/** Polls for the worker's ready flag while it starts; keeps the process alive only when awaited. */
let poll: ReturnType<typeof setInterval> | null = null;
let nextJob = 1;

/** Worker code: the TypeScript source runs through tsx, built JavaScript directly. */
function workerCode(): string {
  const ts = import.meta.url.endsWith('.ts');
  const url = new URL(ts ? './parallel-worker.ts' : './parallel-worker.js', import.meta.url).href;
  return ts ? `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url)}); });` : `import(${JSON.stringify(url)});`;
}

/**
 * Starts the worker thread (once); resolves when it can take work. Large scans start it themselves
 * and use it from the first call after it is ready; await this to be sure the next call uses it.
 */
export function startStatsPool(): Promise<void> {
  return launch(true);
}

function launch(awaited: boolean): Promise<void> {
  if (awaited) poll?.ref();
  if (starting) return starting;
  const ctrl = new Int32Array(new SharedArrayBuffer(4 * CONTROL_SLOTS));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(workerCode(), { eval: true });
  worker.unref();
  const p: Pool = { worker, port: port1, ctrl, broken: false };
  pool = p;
  starting = new Promise<void>((resolve, reject) => {
    const stop = () => {
      if (poll) clearInterval(poll);
      poll = null;
    };
    poll = setInterval(() => {
      if (Atomics.load(ctrl, READY) === 1) {
        stop();
        resolve();
      }
    }, 5);
    if (!awaited) poll.unref();
    const fail = (e: Error) => {
      p.broken = true;
      stop();
      reject(e);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the stats worker thread exited (${code})`)));
  });
  starting.catch(() => {});
  worker.postMessage({ kind: 'init', ctrl, port: port2 }, [port2]);
  return starting;
}

/** Stops the worker thread (a later large scan starts a new one). */
export async function stopStatsPool(): Promise<void> {
  const p = pool;
  pool = null;
  starting = null;
  if (p) {
    p.broken = true;
    p.port.close();
    await p.worker.terminate();
  }
}

/** The pool when its worker is ready; otherwise starts it (for later calls) and returns null. */
function readyPool(): Pool | null {
  if (!pool) {
    void launch(false);
    return null;
  }
  return !pool.broken && Atomics.load(pool.ctrl, READY) === 1 ? pool : null;
}

/**
 * Runs scanSorted(values, weights, scan) on two threads and returns true, or returns false (nothing
 * done) when the worker is not ready yet. Throws the one-thread scan's errors for NaN values and
 * invalid weights.
 */
export function parallelScan(values: Float64Array, weights: Float64Array, scan: SummaryScan, ws: SortWorkspace): boolean {
  const p = readyPool();
  const n = values.length;
  if (!p || weights.length !== n || n < 64) return false;
  const bits = int32View(values);
  const plan = planBuckets(bits, n);
  const nb = plan.last + 1;
  const h = n >>> 1;
  const [sy, sw] = ws.sharedInput(n - h);
  sy.set(values.subarray(h));
  sw.set(weights.subarray(h));
  const pairs = ws.pairs(n, true);
  const id = nextJob++;
  const job: Job = { kind: 'job', id, values: sy, weights: sw, count: n - h, n, plan, pairs, settings: scan.settings };
  p.worker.postMessage(job);
  const toWorker = (m: ToWorker) => send(p.port, p.ctrl, TO_WORKER, m);
  const fromWorker = () => {
    const m = receive<ToCaller>(p.port, p.ctrl, TO_CALLER, id);
    if (m.error !== undefined) throw new Error(`stats worker thread: ${m.error}`);
    return m;
  };
  let done = false;
  try {
    // 1. counts
    const counts = new Int32Array(nb + 1);
    const nanHere = countKeys(bits, 0, h, plan, counts);
    const c = fromWorker() as { counts: Int32Array; nan: number };
    const nan = nanHere >= 0 ? nanHere : c.nan >= 0 ? h + c.nan : -1;
    if (nan >= 0) throw new RangeError(`value ${nan} is NaN`);
    const start = new Int32Array(nb + 1);
    const pos = new Int32Array(nb);
    const posWorker = new Int32Array(nb);
    for (let b = 0; b < nb; b++) {
      pos[b] = start[b];
      posWorker[b] = start[b] + counts[b + 1];
      start[b + 1] = posWorker[b] + c.counts[b + 1];
    }
    let split = 1;
    while (split < nb && start[split] < n / 2) split++;
    // 2. scatter
    toWorker({ id, pos: posWorker, split });
    const acc = new Float64Array(ACC);
    const badHere = scatterPairs(values, weights, bits, 0, h, plan, pos, pairs, split, acc);
    const s = fromWorker() as { acc: Float64Array; bad: number };
    const bad = badHere >= 0 ? badHere : s.bad >= 0 ? h + s.bad : -1;
    if (bad >= 0) throw new RangeError(`weight ${bad} is negative or not finite`);
    const N = ddTotal(acc, s.acc);
    const T = acc[4] + s.acc[4];
    let [cumHi, cumLo] = ddAdd(acc[0], acc[1], s.acc[0]);
    [cumHi, cumLo] = ddAdd(cumHi, cumLo, s.acc[1]);
    // 3. sort and scan the two key ranges
    toWorker({ id, N, T, cumHi, cumLo, start });
    scan.begin(n, N, T);
    sortBuckets(pairs, start, 0, split, plan, scan, ws);
    const upper = fromWorker() as Extract<ToCaller, { state: unknown }>;
    done = true;
    scan.absorb(upper.state);
    return true;
  } finally {
    if (!done) toWorker({ id, abort: true });
  }
}
