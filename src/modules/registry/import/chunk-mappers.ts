/**
 * Where an import's chunks are mapped: the first ones on this thread (a small file never waits for a
 * thread to start), the rest in a worker thread running the same ChunkMapper, so that on a machine
 * with two cores the rows of one chunk are mapped while the batch writer buffers the chunk before
 * and the database writes the one before that. Answers come back in the order chunks were sent.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Indexer } from '../protect.js';
import { ChunkMapper, type ChunkContext, type MappedChunk } from './map-chunk.js';
import type { MapReply, MapRequest } from './map-thread.js';
import type { ColumnPlan } from './row-mapper.js';

export interface ChunkMappers {
  map(rows: string[][]): Promise<MappedChunk>;
  setHeader(plan: ColumnPlan, titlePeriod: string | null): void;
  /** Stops the worker thread (if any); chunks still being mapped are answered with an error. */
  close(): Promise<void>;
}

// The worker runs TypeScript: it registers tsx's loader itself (a loader registered in this thread
// does not carry over), then imports map-thread.ts.
const BOOT = String.raw`
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((m) => { m.register(); return import(workerData.entry); }).catch((e) => {
  require('node:worker_threads').parentPort.postMessage({ id: 0, error: 'mapping worker failed to start: ' + String((e && e.stack) || e) });
});
`;

function tsxApiUrl(): string {
  // The package's ESM entry (its CommonJS entry does not find its own files when loaded from a worker).
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
}

/**
 * `inlineChunks`: how many chunks are mapped on this thread before the worker takes over (Infinity:
 * never start one).
 */
export function chunkMappers(context: ChunkContext, indexer: Indexer, indexKey: () => Uint8Array, inlineChunks: number): ChunkMappers {
  const inline = new ChunkMapper(context, indexer);
  let current = context;
  let sent = 0;
  let worker: Worker | null = null;
  let next = 1;
  let failure: Error | null = null;
  const waiting = new Map<number, { resolve: (c: MappedChunk) => void; reject: (e: Error) => void }>();
  const fail = (e: Error) => {
    failure ??= e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  const start = (): Worker => {
    // The young generation as the main thread's (package.json: --max-semi-space-size=64): mapping allocates short-lived values.
    const w = new Worker(BOOT, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 192 }, workerData: { tsx: tsxApiUrl(), entry: new URL('./map-thread.ts', import.meta.url).href, context: current, indexKey: indexKey() } });
    w.on('message', (m: MapReply | { ready: true }) => {
      if ('ready' in m) return;
      if ('error' in m) {
        const e = new Error(m.error);
        if (m.id === 0) return fail(e);
        waiting.get(m.id)?.reject(e);
      } else waiting.get(m.id)?.resolve({ wire: m.wire, fixes: m.fixes });
      waiting.delete(m.id);
    });
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`mapping worker exited (${code})`)));
    return w;
  };
  return {
    map(rows) {
      if (failure) return Promise.reject(failure);
      if (sent++ < inlineChunks) {
        try {
          return Promise.resolve(inline.map(rows));
        } catch (e) {
          return Promise.reject(e as Error);
        }
      }
      worker ??= start();
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker!.postMessage({ type: 'map', id, rows } satisfies MapRequest);
      });
    },
    setHeader(plan, titlePeriod) {
      current = { ...current, plan, titlePeriod };
      inline.setHeader(plan, titlePeriod);
      worker?.postMessage({ type: 'header', plan, titlePeriod } satisfies MapRequest);
    },
    async close() {
      fail(new Error('mapping closed'));
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
