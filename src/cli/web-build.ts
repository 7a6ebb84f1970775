import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { precompress } from './web-compress.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app with Vite when dist/web is missing or older than its sources. */
export async function ensureWebBuilt(root = process.cwd()): Promise<void> {
  const index = resolve(root, 'dist/web/index.html');
  const sources = [resolve(root, 'web'), resolve(root, 'src/shared')];
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built > Math.max(...sources.map(newestMtime))) return;
  console.log('正在构建前端 (building the web app)…');
  const r = spawnSync(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // Vite keeps a NODE_ENV it finds set (vitest sets "test"), which would ship React's and antd's
    // development builds: several times slower, and what the browser tests and benchmarks then measured.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error('前端构建失败 (web build failed)');
  precompress(resolve(root, 'dist/web/assets'));
}
