import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'zengshou-calc-'));

async function zengshou(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['bin/zengshou.js', ...args], { cwd: root, maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

describe('zengshou calc', () => {
  it('prints the PRODUCT.md worked case as JSON: withholding by month, the year, 低保 by household', async () => {
    const f = file('case.json', {
      year: 2024,
      people: { p1: { wage_monthly: 30000, social_insurance_employee_monthly: 4500, special_deductions_monthly: 2000 } },
      households: { h1: { members: ['p1'], area: 'urban' } },
    });
    const r = await zengshou('calc', f, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.people.p1.iit_withheld_monthly).toEqual([555, 625, 1850, 1850, 1850, 1850, 1850, 2250, 3700, 3700, 3700, 3700]);
    expect(j.people.p1.iit_annual).toBe(27480);
    expect(j.households.h1.dibao_monthly).toEqual(new Array(12).fill(0));
    expect(j.placeholders.map((p: { name: string }) => p.name)).toContain('dibao.standard.urban');
  });

  it('applies a reform file, keeps the baseline beside it, and explains a household', async () => {
    const f = file('poor.json', { year: 2024, people: { a: {} }, households: { h: { members: ['a'], area: 'urban' } } });
    const reform = file('plus.yaml', 'name: plus\nparameters:\n  dibao.standard.urban: {scale: 1.1}\n');
    const r = await zengshou('calc', f, '--reform', reform, '--explain', 'h', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    const base = j.baseline.households.h.dibao_monthly[0];
    expect(base).toBeGreaterThan(0);
    expect(j.households.h.dibao_monthly[0]).toBeCloseTo(base * 1.1, 2);
    const step = j.explanation.steps.find((s: { variable: string }) => s.variable === 'dibao_standard_monthly');
    expect(step.parameters[0].ref).toMatch(/PLACEHOLDER.*reform "plus" ×1.1/);
  });

  it('rejects bad input with one clear line and exit code 2', async () => {
    const cases: [unknown, RegExp][] = [
      [{ year: 2024, people: { p: { wage: 1 } } }, /person p: wage: unknown variable/],
      [{ year: 2024, people: { p: { wage_monthly: [1, 2] } } }, /wage_monthly must be one number or 12 monthly numbers/],
      [{ year: 2024, people: { p: {} }, households: { h: { members: ['q'] } } }, /member "q" is not in "people"/],
      [{ people: { p: {} } }, /"year" must be a whole year/],
      [{ year: 2024, people: { p: { iit_annual: 5 } } }, /iit_annual is computed and cannot be given/],
    ];
    for (const [doc, message] of cases) {
      const r = await zengshou('calc', file('bad.json', doc));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const r = await zengshou('calc', file('broken.json', '{"year": '));
    expect([r.code, /not valid JSON/.test(r.stderr)]).toEqual([2, true]);
  });
});
