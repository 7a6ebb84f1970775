// Writes docs/microsim-variables.md from the microsimulation variable definitions:
//   node bin/run-ts.js scripts/gen-microsim-docs.ts
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadParameters } from '../src/modules/microsim/params-files.js';
import { variablesReference } from '../src/modules/microsim/reference-doc.js';
import { buildSystem } from '../src/modules/microsim/rules/index.js';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'microsim-variables.md');
writeFileSync(file, variablesReference(buildSystem(loadParameters())));
console.log(`written ${file}`);
