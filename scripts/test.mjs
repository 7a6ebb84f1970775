#!/usr/bin/env node
// `npm test`: type-check, unit + integration tests (SQLite always, PostgreSQL when ZENGSHOU_TEST_PG
// is set), then browser tests in Debian's Chromium when it is installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const bin = (name) => `node_modules/.bin/${name}`;

run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
run(bin('tsc'), ['-p', 'web/tsconfig.json', '--noEmit']);
if (!process.env.ZENGSHOU_TEST_PG) console.log('ZENGSHOU_TEST_PG is not set: database tests run on SQLite only.');
run(bin('vitest'), ['run', ...process.argv.slice(2)]);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) {
  run(bin('vitest'), ['run', '--config', 'test/e2e/vitest.config.ts']);
} else {
  console.log(`No Chromium at ${chromium}: browser tests skipped (apt-get install -y chromium fonts-noto-cjk).`);
}
