import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'zengshou-stats-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/zengshou.js', 'stats', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

// synthetic households (测试户): per-capita incomes 100/50/200/40 with sizes 1/2/1/5
const households = file('hh.csv', 'hh,income,w,size,county\n测试户1,100,1,1,A\n测试户2,100,2,2,A\n测试户3,200,1,1,B\n测试户4,200,1,5,B\n');

describe('zengshou stats', () => {
  it('inequality --json with household size: per-capita income, person weights', () => {
    const r = run('inequality', households, '--income', 'income', '--weight', 'w', '--household-size', 'size', '--poverty-line', '60', '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    // persons: 40 ×5, 50 ×4, 100 ×1, 200 ×1 (11 persons, income 200 + 200 + 100 + 200 = 700)
    expect(s.n).toBe(4);
    expect(s.population).toBe(11);
    expect(s.mean).toBeCloseTo(700 / 11, 12);
    expect(s.median).toBe(50);
    expect(Object.keys(s.quantiles)).toEqual(['0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7', '0.8', '0.9']);
    expect(s.quintileShares.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 12);
    expect(s.decileShares).toHaveLength(10);
    expect(s.fgt0).toBeCloseTo(9 / 11, 12);
    for (const k of ['quintileMeans', 'gini', 'theil', 'mld', 's80s20', 'palma', 'fgt1', 'fgt2', 'watts']) expect(s).toHaveProperty(k);
  });
  it('estimate --json by domain', () => {
    const r = run('estimate', households, '--weight', 'w', '--ratio', 'income/size', '--by', 'county', '--json');
    expect(r.code).toBe(0);
    const { estimates } = JSON.parse(r.out);
    expect(estimates.map((e: { domain: string }) => e.domain)).toEqual(['A', 'B']);
    expect(estimates[0].estimate).toBeCloseTo(300 / 5, 12);
    expect(estimates[1].estimate).toBeCloseTo(400 / 6, 12);
    expect(Object.keys(estimates[0])).toEqual(['domain', 'estimate', 'se', 'cv', 'ci', 'n']);
    const all = JSON.parse(run('estimate', households, '--weight', 'w', '--mean', 'income', '--json').out);
    expect(all.estimates[0].domain).toBeNull();
    expect(all.estimates[0].estimate).toBeCloseTo(700 / 5, 12);
  });
  it('bad input: one clear line naming row and column, exit code 2', () => {
    const bad = file('bad.csv', 'income,w\n100,1\nabc,1\n');
    let r = run('inequality', bad, '--income', 'income', '--json');
    expect(r.code).toBe(2);
    expect(r.err).toContain('row 2 (line 3), column "income": "abc" is not a number');
    r = run('inequality', households, '--income', 'wage');
    expect(r.code).toBe(2);
    expect(r.err).toContain('column "wage" is not in the header');
    const neg = file('neg.csv', 'income,w\n100,1\n50,-3\n');
    r = run('estimate', neg, '--weight', 'w', '--mean', 'income');
    expect(r.code).toBe(2);
    expect(r.err).toContain('row 2 (line 3), column "w": -3 is negative');
    r = run('inequality', file('empty.csv', ''), '--income', 'income');
    expect(r.code).toBe(2);
    expect(r.err).toContain('empty');
  });
});
