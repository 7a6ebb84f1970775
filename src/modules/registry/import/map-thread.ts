/**
 * The body of an import's mapping worker thread (started by chunk-mappers.ts): maps the chunks it is
 * sent, in the order sent, with blind indexes from the key it was given.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { blindIndexWith } from '../../crypto/keyring.js';
import { Indexer } from '../protect.js';
import { ChunkMapper, type ChunkContext } from './map-chunk.js';
import type { ColumnPlan } from './row-mapper.js';

export type MapRequest = { type: 'header'; plan: ColumnPlan; titlePeriod: string | null } | { type: 'map'; id: number; rows: string[][] };
export type MapReply = { id: number; wire: unknown[]; fixes: Record<string, number> } | { id: number; error: string };

const data = workerData as { context: ChunkContext; indexKey: Uint8Array };
const key = Buffer.from(data.indexKey);
const mapper = new ChunkMapper(data.context, new Indexer((value, purpose) => blindIndexWith(key, value, purpose)));
const port = parentPort!;
port.on('message', (m: MapRequest) => {
  if (m.type === 'header') return mapper.setHeader(m.plan, m.titlePeriod);
  try {
    const out = mapper.map(m.rows);
    port.postMessage({ id: m.id, wire: out.wire, fixes: out.fixes } satisfies MapReply);
  } catch (e) {
    port.postMessage({ id: m.id, error: String((e as Error)?.stack ?? e) } satisfies MapReply);
  }
});
port.postMessage({ ready: true });
