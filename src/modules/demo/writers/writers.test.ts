import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResidentId } from '../../../shared/resident-id.js';
import { generateCity } from '../city.js';
import { FAULT_KINDS } from '../faults.js';
import { residentIdOf } from '../render.js';
import type { City } from '../types.js';
import { writeDemo, type Manifest } from './index.js';

const dirs: string[] = [];
let city: City;
let manifest: Manifest;
let a: string;
let b: string;

function listFiles(root: string, rel = ''): string[] {
  return readdirSync(join(root, rel)).flatMap((f) => (statSync(join(root, rel, f)).isDirectory() ? listFiles(root, join(rel, f)) : [join(rel, f)]));
}

beforeAll(async () => {
  a = mkdtempSync(join(tmpdir(), 'demo-a-'));
  b = mkdtempSync(join(tmpdir(), 'demo-b-'));
  dirs.push(a, b);
  city = generateCity({ seed: 2018, scale: 0.002 });
  manifest = await writeDemo(city, { outDir: a, year: 2023 });
  await writeDemo(generateCity({ seed: 2018, scale: 0.002 }), { outDir: b, year: 2023 });
}, 120_000);
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('writeDemo', () => {
  it('writes byte-identical files for the same seed and scale (XLSX included)', () => {
    const files = listFiles(a).sort();
    expect(listFiles(b).sort()).toEqual(files);
    expect(files).toContain('manifest.json');
    expect(files.filter((f) => f.endsWith('.xlsx'))).toHaveLength(2);
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });

  it('lists every file in the manifest with its hash, and counts faults as in the truth files', () => {
    expect(manifest.synthetic).toBe(true);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(listFiles(a).filter((f) => f !== 'manifest.json').sort());
    for (const f of manifest.files.filter((x) => x.kind === 'channel')) {
      const truth = readFileSync(join(a, f.truth!), 'utf8').trim().split('\r\n').slice(1);
      expect(truth).toHaveLength(f.rows);
      for (const k of FAULT_KINDS) {
        const rows = truth.filter((l) => l.split(',')[3].split('|').includes(k)).length;
        expect(rows, `${f.path} ${k}`).toBe(f.faults![k].rows);
      }
    }
  });

  it('tax records are GB18030 CSV in 元 whose ID cells show exactly the faults the truth file states', () => {
    const f = manifest.files.find((x) => x.path.startsWith('channels/tax-'))!;
    const text = iconv.decode(readFileSync(join(a, f.path)), 'gb18030');
    const lines = text.trim().split('\r\n');
    expect(lines[0].split(',')[0]).toBe('所属期');
    const truth = readFileSync(join(a, f.truth!), 'utf8').trim().split('\r\n').slice(1).map((l) => l.split(','));
    let faulty = 0;
    lines.slice(1).forEach((line, i) => {
      const cells = line.split(',');
      const [, , pid, faults] = truth[i];
      const fs = faults ? faults.split('|') : [];
      const idCell = cells[5];
      const canonical = residentIdOf(city, Number(pid));
      const check = checkResidentId(idCell, { asOf: '2025-01-01' });
      if (fs.includes('missing_id')) expect(idCell.trim()).toBe('');
      else if (fs.includes('wrong_check')) expect(check.ok).toBe(false);
      else expect(check.ok && check.value.id).toBe(canonical);
      if (fs.length === 0) expect(idCell).toBe(canonical);
      if (fs.includes('duplicate_row')) expect(line).toBe(lines[i]);
      if (fs.length) faulty++;
      expect(cells[7]).toMatch(/^\d+\.\d{2}$/);
    });
    expect(faulty).toBeGreaterThan(0);
  });

  it('the 低保 roster has merged title and header rows; social insurance is in 分; fixed workbook dates', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(a, manifest.files.find((x) => x.path.startsWith('channels/dibao-'))!.path));
    const ws = wb.worksheets[0];
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:R1', 'G3:L3', 'A3:A4']));
    expect(String(ws.getCell('A1').value)).toContain('合成演示数据');
    expect(ws.getCell('G4').value).toBe('姓名');
    expect(wb.created.toISOString()).toBe('2020-11-01T00:00:00.000Z');

    const reader = new ExcelJS.stream.xlsx.WorkbookReader(join(a, manifest.files.find((x) => x.path.startsWith('channels/social-insurance-'))!.path), {});
    const sheetNames: string[] = [];
    let header: unknown[] = [];
    let firstRow: unknown[] = [];
    for await (const sheet of reader) {
      sheetNames.push((sheet as unknown as { name: string }).name);
      if (sheetNames.length > 1) continue;
      for await (const row of sheet) {
        if (row.number === 1) header = row.values as unknown[];
        if (row.number === 2) {
          firstRow = row.values as unknown[];
          break;
        }
      }
    }
    expect(header[9]).toBe('缴费基数(分)');
    expect(Number.isInteger(firstRow[9])).toBe(true);
    expect(manifest.files.find((x) => x.path.startsWith('channels/social-insurance-'))!.sheets!.map((x) => x.name)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2023年${String(i + 1).padStart(2, '0')}月`),
    );
  });

  it('the property register is UTF-8 with BOM and some owners lack an ID number', () => {
    const f = manifest.files.find((x) => x.path.startsWith('channels/property-'))!;
    const buf = readFileSync(join(a, f.path));
    expect(buf.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    expect(f.amountUnit).toBe('元');
    const faults = f.faults!;
    expect(faults.missing_id.eligible).toBeGreaterThan(0);
    expect(faults.legacy_15.rows + faults.lowercase_x.rows + faults.missing_id.rows).toBeGreaterThan(0);
    const text = buf.toString('utf8');
    expect(text.split('\r\n')[0]).toContain('不动产权证号');
  });
});
