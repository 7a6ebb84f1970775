import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../modules/workplan/parser/index.js';
import { formatPlan } from './plan.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const seed = 'src/modules/workplan/seeds/liaoyang-2018-15-income-plan.txt';
const fixtures = 'src/modules/workplan/parser/fixtures/';

async function zengshou(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['bin/zengshou.js', ...args], { cwd: root, maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('zengshou plan parse', () => {
  it('prints the seed as one JSON object with every measure and its units', async () => {
    const r = await zengshou('plan', 'parse', seed, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect([j.title, j.docNumber, j.issuer, j.date]).toEqual(['辽阳市激发重点群体活力带动城乡居民增收工作方案', '辽市政发〔2018〕15号', '辽阳市人民政府', '2018-05-22']);
    expect(j.sections).toHaveLength(4);
    expect(j.measures).toHaveLength(58);
    expect(j.measures[44]).toMatchObject({
      number: '4',
      path: ['三', '(二)', '4'],
      title: '完善职业技能培训体系',
      lead: ['市人力资源社会保障局'],
      cooperating: ['市教育局', '市民政局', '市农委', '市扶贫办'],
      responsible: [],
      etc: true,
      line: 77,
      targets: [],
    });
    expect(j.warnings).toHaveLength(1);
    expect(j.source).toEqual({ file: seed, format: 'utf-8' });
    // Every unit of the seed is in the department directory.
    expect(j.units.filter((u: { flagged: boolean }) => u.flagged)).toEqual([]);
  });

  it('reads a GB18030 file', async () => {
    const r = await zengshou('plan', 'parse', `${fixtures}seed-gb18030.txt`, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).source.format).toBe('gb18030');
  });

  it('exits with 2 and one clear line for bad files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zengshou-plan-'));
    const png = join(dir, 'scan.png');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const cases: [string, RegExp][] = [
      [png, /PNG 图片，不是文本文件.*\(BINARY_FILE\)/],
      [empty, /文件是空的.*\(EMPTY_FILE\)/],
      [`${fixtures}corrupt-truncated.docx`, /Word 文档（\.docx）已损坏.*\(DOCX_CORRUPT\)/],
      [`${fixtures}no-measures.txt`, /没有识别到任何措施.*\(NO_MEASURES\)/],
      [join(dir, 'missing.txt'), /文件不存在/],
    ];
    for (const [file, message] of cases) {
      const r = await zengshou('plan', 'parse', file);
      expect(r.code, file).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n'), file).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('formatPlan', () => {
  it('shows the document facts, one row per measure, warnings and units to map', () => {
    const plan = parsePlan('示例方案\n一、任务\n1.扩大就业。2019年新增就业3000人。（牵头单位：市人社局；配合单位：市交通局等）\n2.做好统计。（责任单位：市统计局）');
    const text = formatPlan(plan, {
      file: 'x.txt',
      format: 'utf-8',
      width: 120,
      units: [
        { name: '市人社局', code: 'hrss', canonical: '市人力资源社会保障局', flagged: false },
        { name: '市交通局', code: null, canonical: '市交通局', flagged: true },
        { name: '市统计局', code: 'statistics', canonical: '市统计局', flagged: false },
      ],
    });
    const lines = text.split('\n');
    expect(lines).toContain('措施: 2 项    警告: 4 条');
    expect(lines.find((l) => l.startsWith('1 '))).toMatch(/^1\s+一1\s+3\s+扩大就业\s+市人社局\s+市交通局 等\s+2019:3000人$/);
    expect(lines.find((l) => l.startsWith('2 '))).toMatch(/^2\s+一2\s+4\s+做好统计\s+市统计局\[责\]$/);
    expect(text).toContain('第3行 [ETC_STRIPPED]');
    expect(text).toContain('市人社局 → 市人力资源社会保障局 (hrss)');
    expect(text).toMatch(/单位目录中没有的单位（1 个，需管理员对应）:\n  市交通局/);
  });
});
