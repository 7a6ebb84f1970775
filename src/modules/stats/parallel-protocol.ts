import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { BucketPlan } from './sort.js';
import type { ScanSettings, ScanState } from './summary-scan.js';

/**
 * Messages between the calling thread and the stats worker (parallel.ts, parallel-worker.ts).
 * The calling thread stays synchronous (distributionScan returns a value), so replies cannot wait
 * for its event loop: each side posts on a MessagePort nobody listens to and bumps a counter in
 * shared memory; the other side sleeps on that counter (Atomics.wait) and takes the message with
 * receiveMessageOnPort.
 */

/** Slots of the shared control array. */
export const READY = 0;
export const TO_WORKER = 1;
export const TO_CALLER = 2;
export const CONTROL_SLOTS = 4;

export interface Job {
  kind: 'job';
  id: number;
  /** The worker's part of the input: units [h, n) of the caller's arrays, copied to shared memory. */
  values: Float64Array;
  weights: Float64Array;
  count: number;
  n: number;
  plan: BucketPlan;
  /** Shared room for n (value, weight) pairs. */
  pairs: Float64Array;
  settings: ScanSettings;
}

export type ToWorker =
  | { id: number; abort: true }
  | { id: number; abort?: false; pos: Int32Array; split: number }
  | { id: number; abort?: false; N: number; T: number; cumHi: number; cumLo: number; start: Int32Array };

export type ToCaller =
  | { id: number; error: string }
  | { id: number; error?: undefined; counts: Int32Array; nan: number }
  | { id: number; error?: undefined; acc: Float64Array; bad: number }
  | { id: number; error?: undefined; state: ScanState };

/** A side that gets no message in this long assumes the other is gone. */
const TIMEOUT_MS = 120_000;

export function send(port: MessagePort, ctrl: Int32Array, slot: number, message: unknown): void {
  port.postMessage(message);
  Atomics.add(ctrl, slot, 1);
  Atomics.notify(ctrl, slot);
}

/** The next message of job `id` (older jobs' leftovers are dropped), waiting for it. */
export function receive<T extends { id: number }>(port: MessagePort, ctrl: Int32Array, slot: number, id: number): T {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const seen = Atomics.load(ctrl, slot);
    let m = receiveMessageOnPort(port);
    while (m && (m.message as T).id !== id) m = receiveMessageOnPort(port);
    if (m) return m.message as T;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error('the stats worker thread stopped answering');
    Atomics.wait(ctrl, slot, seen, Math.min(left, 1000));
  }
}
