import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { precompress } from '../../cli/web-compress.js';
import { registerWeb } from './web.js';

describe('the built web app as the server sends it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zs-web-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>增收</title>');
  const js = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ i, name: `行${i}` })))};\n`;
  writeFileSync(join(dir, 'assets', 'app-3f9a.js'), js);
  writeFileSync(join(dir, 'assets', 'tiny-1a2b.css'), 'a{}');

  it('precompresses assets over 1 KB and sends the copy the browser accepts, cached for good', async () => {
    expect(precompress(join(dir, 'assets'))).toBe(1);
    const app = Fastify();
    await registerWeb(app, dir);
    const br = await app.inject({ url: '/assets/app-3f9a.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(js);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await app.inject({ url: '/assets/app-3f9a.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(js);
    const plain = await app.inject({ url: '/assets/app-3f9a.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
    const page = await app.inject({ url: '/indicators/targets' });
    expect(page.body).toContain('增收');
    expect(page.headers['cache-control']).toBe('no-cache');
    await app.close();
  });
});
