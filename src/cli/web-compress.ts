import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|css|svg|json|txt|map)$/;

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside every compressible built asset, once at build
 * time, so the server sends them as they are (@fastify/static preCompressed) instead of compressing
 * on every request: the 1.1 MB antd chunk travels as about 0.3 MB.
 */
export function precompress(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      n += precompress(p);
      continue;
    }
    if (!COMPRESSIBLE.test(name) || statSync(p).size < 1024) continue;
    const body = readFileSync(p);
    writeFileSync(`${p}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
    writeFileSync(`${p}.gz`, gzipSync(body, { level: 9 }));
    n++;
  }
  return n;
}
