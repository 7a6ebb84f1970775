/**
 * Streaming CSV: encoding detection (UTF-8 with or without BOM, UTF-16 with BOM, else GB18030 —
 * what Chinese Excel and tax systems write), delimiter detection (comma, tab, semicolon, |) and an
 * RFC 4180 parser (quotes, doubled quotes, line breaks inside quotes, CRLF). Rows come out in
 * batches so memory stays bounded whatever the file size.
 */
import iconv from 'iconv-lite';
import type { RawRow } from './types.js';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Decides the encoding from the first bytes of a file. */
export function detectEncoding(head: Uint8Array): { encoding: CsvEncoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return { encoding: isUtf8(head) ? 'utf-8' : 'gb18030', bom: 0 };
}

/** Strict UTF-8 check; a sequence cut off at the end of the sample is allowed. */
function isUtf8(b: Uint8Array): boolean {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n: number;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) n = 2;
    else if (c >= 0xf0 && c <= 0xf4) n = 3;
    else return false;
    if (i + n >= b.length) return true;
    for (let k = 1; k <= n; k++) if ((b[i + k] & 0xc0) !== 0x80) return false;
    i += n + 1;
  }
  return true;
}

/** Decodes a byte stream to text chunks in the detected encoding (the BOM dropped). */
export async function* decodeChunks(bytes: AsyncIterable<Uint8Array>, onEncoding?: (e: CsvEncoding) => void): AsyncGenerator<string> {
  let decoder: ReturnType<typeof iconv.getDecoder> | null = null;
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of bytes) {
    let buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!decoder) {
      pending = Buffer.concat([pending, buf]);
      if (pending.length < 65536) continue;
      buf = pending;
      const { encoding, bom } = detectEncoding(buf.subarray(0, 65536));
      onEncoding?.(encoding);
      decoder = iconv.getDecoder(encoding);
      buf = buf.subarray(bom);
    }
    const s = decoder.write(buf);
    if (s) yield s;
  }
  if (!decoder) {
    const { encoding, bom } = detectEncoding(pending);
    onEncoding?.(encoding);
    decoder = iconv.getDecoder(encoding);
    const s = decoder.write(pending.subarray(bom));
    if (s) yield s;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

function detectDelimiter(firstLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';', '|']) {
    const n = firstLine.split(d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Parses decoded text chunks into rows (numbered from 1, the physical record order), yielding a
 * batch per input chunk. Empty lines are skipped but counted.
 */
export async function* csvRowBatches(chunks: AsyncIterable<string>): AsyncGenerator<RawRow[]> {
  let delimiter = '';
  let field = '';
  let row: string[] = [];
  let inQuotes = false;
  let quoteSeen = false; // the previous char was a quote inside a quoted field
  let rowNo = 0;
  let carryCR = false;
  let out: RawRow[] = [];
  const endRow = () => {
    row.push(field);
    field = '';
    rowNo++;
    if (!(row.length === 1 && row[0] === '')) out.push({ no: rowNo, cells: row });
    row = [];
  };
  for await (const text of chunks) {
    if (!delimiter) {
      const nl = text.indexOf('\n');
      delimiter = detectDelimiter(nl >= 0 ? text.slice(0, nl) : text);
    }
    const d = delimiter.charCodeAt(0);
    let start = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (carryCR) {
        carryCR = false;
        if (c === 10) {
          start = i + 1;
          continue;
        }
      }
      if (inQuotes) {
        if (quoteSeen) {
          quoteSeen = false;
          if (c === 34) {
            // "" inside quotes: one literal quote
            field += text.slice(start, i);
            start = i + 1;
            continue;
          }
          inQuotes = false; // the quote closed the field; fall through to the unquoted handling
        } else {
          if (c === 34) {
            field += text.slice(start, i);
            start = i + 1;
            quoteSeen = true;
          }
          continue;
        }
      }
      if (c === d) {
        field += text.slice(start, i);
        row.push(field);
        field = '';
        start = i + 1;
      } else if (c === 10 || c === 13) {
        field += text.slice(start, i);
        endRow();
        start = i + 1;
        if (c === 13) carryCR = true;
      } else if (c === 34 && field === '' && start === i) {
        inQuotes = true;
        start = i + 1;
      }
    }
    field += text.slice(start);
    if (out.length) {
      yield out;
      out = [];
    }
  }
  if (field !== '' || row.length > 0) endRow();
  if (out.length) yield out;
}
