/**
 * The stats worker thread (started by parallel.ts): counts and scatters its part of the input, then
 * sorts and scans the upper key range, and hands back the scan state.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { READY, receive, send, TO_CALLER, TO_WORKER, type Job, type ToWorker } from './parallel-protocol.js';
import { ACC, countKeys, int32View, scatterPairs, sortBuckets, SortWorkspace } from './sort.js';
import { SummaryScan } from './summary-scan.js';

let port: MessagePort;
let ctrl: Int32Array;
const ws = new SortWorkspace();

function run(job: Job) {
  const { id, values, weights, count, plan } = job;
  const bits = int32View(values);
  const counts = new Int32Array(plan.last + 2);
  send(port, ctrl, TO_CALLER, { id, counts, nan: countKeys(bits, 0, count, plan, counts) });
  const go = receive<ToWorker>(port, ctrl, TO_WORKER, id);
  if (go.abort || !('pos' in go)) return;
  const acc = new Float64Array(ACC);
  const bad = scatterPairs(values, weights, bits, 0, count, plan, go.pos, job.pairs, go.split, acc);
  send(port, ctrl, TO_CALLER, { id, acc, bad });
  const totals = receive<ToWorker>(port, ctrl, TO_WORKER, id);
  if (totals.abort || !('start' in totals)) return;
  const scan = SummaryScan.of(job.settings);
  scan.begin(job.n, totals.N, totals.T);
  scan.continueAfter(totals.cumHi, totals.cumLo);
  sortBuckets(job.pairs, totals.start, go.split, plan.last + 1, plan, scan, ws);
  send(port, ctrl, TO_CALLER, { id, state: scan.state() });
}

parentPort!.on('message', (m: { kind: 'init'; ctrl: Int32Array; port: MessagePort } | Job) => {
  if (m.kind === 'init') {
    ctrl = m.ctrl;
    port = m.port;
    Atomics.store(ctrl, READY, 1);
    return;
  }
  try {
    run(m);
  } catch (e) {
    send(port, ctrl, TO_CALLER, { id: m.id, error: (e as Error).message });
  }
});
