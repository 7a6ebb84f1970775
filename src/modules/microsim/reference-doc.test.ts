import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { variablesReference } from './reference-doc.js';
import { SYSTEM } from './rules/test-helpers.js';

describe('docs/microsim-variables.md', () => {
  const page = variablesReference(SYSTEM);

  it('is up to date (regenerate: node bin/run-ts.js scripts/gen-microsim-docs.ts)', () => {
    const committed = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../docs/microsim-variables.md'), 'utf8');
    expect(committed).toBe(page);
  });

  it('lists every variable once', () => {
    for (const name of SYSTEM.variables.keys()) expect(page.split(`| \`${name}\` |`).length - 1, name).toBe(1);
  });
});
