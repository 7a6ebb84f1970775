import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PARAMS_DIR, readReformFile } from '../params-files.js';
import { PARAMS, SYSTEM } from '../rules/test-helpers.js';
import { demoPopulation } from './demo.js';
import { SimulationPool, sharePopulation } from './parallel.js';
import { simulatePair } from './run.js';

describe('simulation on worker threads', () => {
  let pool: SimulationPool | undefined;
  afterAll(async () => pool?.close());

  it('gives exactly the columns of the single-threaded run', async () => {
    const pp = sharePopulation(demoPopulation(2024, { scale: 0.005 }));
    const reform = readReformFile(join(PARAMS_DIR, 'reforms/dibao-plus-10.yaml'));
    pool = await SimulationPool.start(PARAMS, 2);
    const par = await pool.simulatePair(pp, { year: 2024, reform, personsPerSlice: 500 });
    const one = simulatePair(SYSTEM, pp, { year: 2024, reform });
    for (const k of Object.keys(one.baseline) as (keyof typeof one.baseline)[]) {
      expect(Array.from(par.baseline[k]), k).toEqual(Array.from(one.baseline[k]));
      expect(Array.from(par.reform[k]), k).toEqual(Array.from(one.reform[k]));
    }
    expect(par.placeholders.map((p) => p.name).sort()).toEqual(one.placeholders.map((p) => p.name).sort());
  }, 120_000);
});
