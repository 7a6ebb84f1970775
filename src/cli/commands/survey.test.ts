import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'zengshou-survey-cli-'));
const run = (...args: string[]) => {
  const env: Record<string, string | undefined> = { ...process.env, ZENGSHOU_DATA_DIR: dataDir, ZENGSHOU_ADMIN_PASSWORD: 'Survey-Cli-Start#2026' };
  delete env.VITEST;
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['bin/zengshou.js', 'survey', ...args], { encoding: 'utf8', env, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('zengshou survey', () => {
  it('refuses a bad period or level with one clear line and exit code 2', () => {
    const bad = run('estimate', '--period', '2024-13');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('期别格式应为 2024、2024-Q3 或 2024-07');
    expect(run('estimate', '--period', '2024', '--level', 'village').err).toContain('未知审核层级');
    expect(run('estimate', '--period', '2024').err).toContain('尚未抽取样本');
    expect(run('cpi', '--period', '2024', '--value', '1000').code).toBe(2);
  });

  it('draws a sample from the demo city, estimates (JSON) and exports the table', async () => {
    const s = run('sample', '--scale', '0.01', '--households', '200', '--per-psu', '5', '--from', '2024', '--to', '2024');
    expect(s.code, s.err).toBe(0);
    expect(s.out).toMatch(/样本 1：\d+ 户/);
    const list = JSON.parse(run('samples', '--json').out);
    expect(list[0]).toMatchObject({ id: 1, yearFrom: 2024, yearTo: 2024, lastApprovedMonth: null });
    const e = run('estimate', '--period', '2024-Q3', '--json');
    expect(e.code, e.err).toBe(0);
    const j = JSON.parse(e.out);
    expect(j).toMatchObject({ sampleId: 1, period: '2024-Q3', previousPeriod: '2023-Q3', approvalLevel: 'county' });
    // nothing approved yet: every cell is empty and says why
    expect(j.rows[0]).toMatchObject({ domain: 'all', households: 0, disposable: { estimate: null, flags: ['few', 'suppressed'] } });
    const out = join(dataDir, 'q3.xlsx');
    expect(run('export', '--period', '2024-Q3', '--out', out).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('主要数据')!.getCell('A1').value).toBe('辽阳市居民收支主要数据（2024年三季度）');
  }, 120_000);
});
