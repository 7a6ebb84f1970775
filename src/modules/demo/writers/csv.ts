/** Streaming CSV writing with backpressure, in UTF-8 (optionally with BOM) or GB18030, hashing as it goes. */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import iconv from 'iconv-lite';
import type { Cell } from '../records.js';

export type CsvEncoding = 'utf8' | 'utf8-bom' | 'gb18030';

export interface WrittenFile {
  rows: number;
  bytes: number;
  sha256: string;
}

const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(v: Cell): string {
  if (typeof v === 'number') return String(v);
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvLine(cells: readonly Cell[]): string {
  let s = '';
  for (let i = 0; i < cells.length; i++) s += (i ? ',' : '') + csvCell(cells[i]);
  return s + '\r\n';
}

/** Opens a CSV writer; push lines, then close. Lines are CRLF-terminated (what Excel and agencies produce). */
export function openCsv(path: string, encoding: CsvEncoding) {
  const out = createWriteStream(path);
  const hash = createHash('sha256');
  let pending = '';
  let bytes = 0;
  let rows = 0;
  const encode = (s: string) => (encoding === 'gb18030' ? iconv.encode(s, 'gb18030') : Buffer.from(s, 'utf8'));
  const flush = async () => {
    if (!pending) return;
    const buf = encode(pending);
    pending = '';
    hash.update(buf);
    bytes += buf.length;
    if (!out.write(buf)) await new Promise<void>((resolve) => out.once('drain', resolve));
  };
  if (encoding === 'utf8-bom') pending = '\uFEFF';
  return {
    /** Appends a line without waiting for the disk (for a side file written alongside a main one). */
    push(cells: readonly Cell[]): void {
      pending += csvLine(cells);
      rows++;
      if (pending.length > 1 << 20) {
        const buf = encode(pending);
        pending = '';
        hash.update(buf);
        bytes += buf.length;
        out.write(buf);
      }
    },
    async line(cells: readonly Cell[], isData = true): Promise<void> {
      pending += csvLine(cells);
      if (isData) rows++;
      if (pending.length > 1 << 20) await flush();
    },
    async close(): Promise<WrittenFile> {
      await flush();
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      return { rows, bytes, sha256: hash.digest('hex') };
    },
  };
}

export async function writeCsv(path: string, columns: readonly string[], rows: Iterable<Cell[]>, encoding: CsvEncoding, onRow?: (n: number) => void): Promise<WrittenFile> {
  const w = openCsv(path, encoding);
  await w.line(columns, false);
  let n = 0;
  for (const r of rows) {
    await w.line(r);
    if (onRow && (++n & 0x3fff) === 0) onRow(n);
  }
  return w.close();
}
