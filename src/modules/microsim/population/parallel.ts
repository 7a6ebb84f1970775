/**
 * Baseline and reform on several threads: the population is copied once into shared memory, each
 * worker (worker.ts) runs a contiguous range of households and writes into shared output columns.
 * Parameters and the reform are sent as data, so a reform with formula functions (not data) runs
 * on the calling thread instead (simulatePair).
 */
import { Worker } from 'node:worker_threads';
import { householdIndex, splitHouseholds, type ParameterSet, type Reform } from '../engine/index.js';
import { SCENARIO_TARGETS, scenarioColumns, type PairColumns, type PairOptions, type Placeholder } from './run.js';
import type { PolicyPopulation } from './types.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

function shared<T extends Float64Array | Int32Array | Uint8Array | Uint16Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const C = a.constructor as new (b: SharedArrayBuffer) => T;
  const out = new C(new SharedArrayBuffer(a.byteLength));
  out.set(a as never);
  return out;
}

/** The population with its arrays in shared memory (copied once). */
export function sharePopulation(pp: PolicyPopulation): PolicyPopulation {
  const inputs: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(pp.inputs)) inputs[k] = shared(v);
  const given: Record<string, Uint8Array> | undefined = pp.given ? Object.fromEntries(Object.entries(pp.given).map(([k, v]) => [k, shared(v)])) : undefined;
  return { ...pp, personHousehold: shared(pp.personHousehold), inputs, ...(given ? { given } : {}) };
}

/** The URL to start a worker from: the TypeScript source runs through tsx, built JavaScript directly. */
function workerScript(): { code: string; eval: true } {
  const url = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url).href;
  const code = import.meta.url.endsWith('.ts')
    ? `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url)}); });`
    : `import(${JSON.stringify(url)});`;
  return { code, eval: true };
}

export class SimulationPool {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (p: Placeholder[]) => void; reject: (e: Error) => void }>();

  private constructor(private readonly workers: Worker[]) {
    for (const w of workers) {
      w.on('message', (m: WorkerReply) => {
        if (m.kind === 'ready') return;
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.kind === 'done') p.resolve(m.placeholders);
        else p.reject(new Error(m.message));
      });
      w.on('error', (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
    }
  }

  /** Starts `threads` workers with these parameters and waits until each has built the rules. */
  static async start(params: ParameterSet, threads = 2): Promise<SimulationPool> {
    const { code } = workerScript();
    const workers = Array.from({ length: threads }, () => new Worker(code, { eval: true }));
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const onMessage = (m: WorkerReply) => {
              if (m.kind !== 'ready') return;
              w.off('message', onMessage);
              resolve();
            };
            w.on('message', onMessage);
            w.once('error', reject);
            w.postMessage({ kind: 'init', params: params.all() } satisfies WorkerRequest);
          }),
      ),
    );
    return new SimulationPool(workers);
  }

  get threads(): number {
    return this.workers.length;
  }

  /** Baseline and reform household columns over a shared population (see sharePopulation). */
  async simulatePair(pp: PolicyPopulation, o: Omit<PairOptions, 'range'>) {
    const index = householdIndex(pp);
    const column = () => new Float64Array(new SharedArrayBuffer(pp.households * 8));
    const out: PairColumns = {
      baseline: Object.fromEntries(SCENARIO_TARGETS.map((t) => [t, column()])),
      reform: Object.fromEntries(SCENARIO_TARGETS.map((t) => [t, column()])),
    };
    const pop = { persons: pp.persons, households: pp.households, personHousehold: pp.personHousehold, inputs: pp.inputs, given: pp.given };
    const parts = splitHouseholds(index, pp.households, this.workers.length);
    const results = await Promise.all(
      parts.map(
        (range, i) =>
          new Promise<Placeholder[]>((resolve, reject) => {
            const id = this.nextId++;
            this.pending.set(id, { resolve, reject });
            this.workers[i].postMessage({ kind: 'run', id, pop, year: o.year, reform: o.reform as Reform | undefined, range, personsPerSlice: o.personsPerSlice, out } satisfies WorkerRequest);
          }),
      ),
    );
    const placeholders = new Map<string, Placeholder>();
    for (const list of results) for (const p of list) placeholders.set(`${p.name}@${p.from}`, p);
    return { baseline: scenarioColumns(out.baseline), reform: scenarioColumns(out.reform), placeholders: [...placeholders.values()] };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
