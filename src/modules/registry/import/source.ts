/**
 * A channel file as the importer reads it: opened as a byte stream (twice: once to hash, once to
 * read), with its format decided from the name or the first bytes, and read as batches of raw rows.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { csvRowBatches, decodeChunks, type CsvEncoding } from '../readers/csv.js';
import type { RawRow } from '../readers/types.js';
import { xlsxRowBatches } from '../readers/xlsx.js';

export interface FileSource {
  name: string;
  size: number;
  open: () => Readable;
}

export function fileSource(path: string, name = path): Promise<FileSource> {
  return stat(path).then((s) => ({ name, size: s.size, open: () => createReadStream(path, { highWaterMark: 256 * 1024 }) }));
}

export function bufferSource(name: string, bytes: Uint8Array): FileSource {
  return { name, size: bytes.byteLength, open: () => Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]) };
}

export async function sha256Of(src: FileSource): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of src.open()) h.update(chunk as Buffer);
  return h.digest('hex');
}

export type FileFormat = 'csv' | 'xlsx';

export async function formatOf(src: FileSource): Promise<FileFormat> {
  if (/\.(xlsx|xlsm)$/i.test(src.name)) return 'xlsx';
  if (/\.(csv|txt|tsv)$/i.test(src.name)) return 'csv';
  for await (const chunk of src.open()) {
    const b = chunk as Buffer;
    return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 ? 'xlsx' : 'csv';
  }
  return 'csv';
}

export interface RowReader {
  batches: AsyncGenerator<RawRow[]>;
  /** Bytes consumed so far (for progress). */
  bytesRead: () => number;
  encoding: () => CsvEncoding | 'xlsx' | null;
}

export function readRows(src: FileSource, format: FileFormat, sheet?: string): RowReader {
  let bytes = 0;
  let encoding: CsvEncoding | 'xlsx' | null = format === 'xlsx' ? 'xlsx' : null;
  const raw = src.open();
  const stream = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      cb(null, chunk);
    },
  });
  raw.on('error', (e) => stream.destroy(e));
  raw.pipe(stream);
  const batches = format === 'xlsx' ? xlsxRowBatches(stream, { sheet }) : csvRowBatches(decodeChunks(stream as AsyncIterable<Uint8Array>, (e) => (encoding = e)));
  return { batches, bytesRead: () => bytes, encoding: () => encoding };
}
