/**
 * A simulation worker thread: builds the rules from the parameter definitions it is sent, then
 * runs baseline and reform over household ranges of a shared population, writing into shared
 * output columns. Started by parallel.ts.
 */
import { parentPort } from 'node:worker_threads';
import { ParameterSet, type ParameterDef, type Population, type Reform, type TaxBenefitSystem } from '../engine/index.js';
import { buildSystem } from '../rules/index.js';
import { simulateInto, type PairColumns } from './run.js';

export type WorkerRequest =
  | { kind: 'init'; params: ParameterDef[] }
  | { kind: 'run'; id: number; pop: Population; year: number; reform?: Reform; range: [number, number]; personsPerSlice?: number; out: PairColumns };

export type WorkerReply = { kind: 'ready' } | { kind: 'done'; id: number; placeholders: { name: string; from: string; ref: string }[] } | { kind: 'error'; id: number; message: string };

let system: TaxBenefitSystem | undefined;

parentPort!.on('message', (m: WorkerRequest) => {
  if (m.kind === 'init') {
    system = buildSystem(new ParameterSet(m.params));
    parentPort!.postMessage({ kind: 'ready' } satisfies WorkerReply);
    return;
  }
  try {
    const r = simulateInto(system!, m.pop, { year: m.year, reform: m.reform, range: m.range, personsPerSlice: m.personsPerSlice }, m.out);
    parentPort!.postMessage({ kind: 'done', id: m.id, placeholders: r.placeholders } satisfies WorkerReply);
  } catch (e) {
    parentPort!.postMessage({ kind: 'error', id: m.id, message: (e as Error).message } satisfies WorkerReply);
  }
});
