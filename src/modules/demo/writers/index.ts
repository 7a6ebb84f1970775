/**
 * Writes a generated city to a directory: canonical/ (clean CSV per table, UTF-8), channels/ (what
 * the agencies deliver, with faults), truth/ (person and faults behind every channel row) and
 * manifest.json (counts, hashes, fault tallies, calibration). Same city and year → same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { channelSpecs, type ChannelSpec } from '../channels/index.js';
import { FaultTally, type FaultRates } from '../faults.js';
import { canonicalTables } from '../records.js';
import { SYNTHETIC_MARKER } from '../render.js';
import { summariseYear } from '../summary.js';
import { TARGET_DISPOSABLE } from '../params-income.js';
import type { City } from '../types.js';
import { openCsv, writeCsv, type WrittenFile } from './csv.js';
import { writeXlsx } from './xlsx.js';

export interface WriteDemoOptions {
  outDir: string;
  /** the year of the monthly files and channel files (2010–2024) */
  year: number;
  /** write only these parts (default both) */
  parts?: { canonical?: boolean; channels?: boolean };
  onProgress?: (task: string, done: number, total: number) => void;
}

export interface ManifestFile {
  path: string;
  kind: 'canonical' | 'channel' | 'truth';
  rows: number;
  bytes: number;
  sha256: string;
  columns: string[];
  format?: 'csv' | 'xlsx';
  encoding?: string;
  amountUnit?: string;
  description?: string;
  sheets?: { name: string; rows: number; firstDataRow: number }[];
  persons?: number;
  faultRates?: FaultRates;
  faults?: ReturnType<FaultTally['toJSON']>;
  truth?: string;
}

export interface Manifest {
  generator: string;
  synthetic: true;
  notice: string;
  seed: number;
  scale: number;
  year: number;
  referenceDate: string;
  counts: Record<string, number>;
  calibration: { year: number; urbanTarget: number; ruralTarget: number; urban: number; rural: number; dibaoUrban: number; dibaoRural: number; ruralPoor: number; quintileRatios: number[] }[];
  files: ManifestFile[];
}

export async function writeDemo(city: City, options: WriteDemoOptions): Promise<Manifest> {
  const { outDir, year } = options;
  if (!(year >= 2010 && year <= 2024)) throw new RangeError(`year must be 2010–2024, got ${year}`);
  const progress = options.onProgress ?? (() => {});
  const parts = { canonical: options.parts?.canonical ?? true, channels: options.parts?.channels ?? true };
  for (const d of ['canonical', 'channels', 'truth']) mkdirSync(join(outDir, d), { recursive: true });
  const files: ManifestFile[] = [];

  if (parts.canonical) {
    for (const t of canonicalTables(city, year)) {
      const path = `canonical/${t.name}.csv`;
      const estimate = t.name.startsWith('income-monthly') ? city.persons.count * 12 : t.name === 'household-income-annual' ? city.households.count * 15 : city.persons.count;
      progress(path, 0, estimate);
      const w = await writeCsv(join(outDir, path), t.columns, t.rows(), 'utf8', (n) => progress(path, n, Math.max(n, estimate)));
      progress(path, w.rows, w.rows);
      files.push({ path, kind: 'canonical', ...w, columns: [...t.columns], format: 'csv', encoding: 'UTF-8', amountUnit: '分' });
    }
  }
  if (parts.channels) {
    for (const spec of channelSpecs(city, year)) files.push(...(await writeChannel(city, spec, outDir, progress)));
  }

  const manifest: Manifest = {
    generator: 'zengshou demo generate',
    synthetic: true,
    notice: `${SYNTHETIC_MARKER}: every person, household, firm and amount here is synthetic; none is real personal data.`,
    seed: city.seed,
    scale: city.scale,
    year,
    referenceDate: '2020-11-01',
    counts: {
      residents2020: countResidents2020(city),
      persons: city.persons.count,
      households: city.households.count,
      villages: city.geography.villages.count,
      employers: city.employers.count,
      dwellings: city.dwellings.count,
      vehicles: city.vehicles.count,
      referrals: city.referrals.count,
    },
    calibration: [...new Set([2010, 2018, 2020, 2023, year])].sort().map((y) => {
      const s = summariseYear(city, y);
      const r = (x: number) => Math.round(x * 100) / 100;
      return {
        year: y,
        urbanTarget: r(TARGET_DISPOSABLE.urban[y]),
        ruralTarget: r(TARGET_DISPOSABLE.rural[y]),
        urban: r(s.perCapita.urban.disposable),
        rural: r(s.perCapita.rural.disposable),
        dibaoUrban: s.dibaoRecipients.urban,
        dibaoRural: s.dibaoRecipients.rural,
        ruralPoor: s.ruralPoor,
        quintileRatios: s.quintileRatios.map((x) => Math.round(x * 1000) / 1000),
      };
    }),
    files,
  };
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

function countResidents2020(city: City): number {
  let n = 0;
  for (let h = 0; h < city.households.count; h++) if (city.households.leftYear[h] === 0) n += city.households.size[h];
  return n;
}

async function writeChannel(city: City, spec: ChannelSpec, outDir: string, progress: (task: string, done: number, total: number) => void): Promise<ManifestFile[]> {
  const tally = new FaultTally();
  const truthPath = spec.file.replace(/^channels\//, 'truth/').replace(/\.(csv|xlsx)$/, '.truth.csv');
  const truth = openCsv(join(outDir, truthPath), 'utf8');
  await truth.line(['sheet', 'row', 'pid', 'faults'], false);
  const firstDataRow = spec.layout ? spec.layout.titleRows.length + spec.layout.headerRows.length + 1 : 2;
  const perSheet = new Map<number, number>();
  const rows = (function* () {
    for (const row of spec.rows(tally)) {
      const k = (perSheet.get(row.sheet) ?? 0) + 1;
      perSheet.set(row.sheet, k);
      truth.push([spec.layout ? spec.layout.sheets[row.sheet] : '', firstDataRow + k - 1, row.pid, row.faults.join('|')]);
      yield row;
    }
  })();
  const estimate = city.persons.count;
  progress(spec.file, 0, estimate);
  const onRow = (n: number) => {
    progress(spec.file, n, Math.max(n, estimate));
  };
  let written: WrittenFile & { rowsPerSheet?: number[] };
  if (spec.format === 'csv') {
    const cells = (function* () {
      for (const r of rows) yield r.cells;
    })();
    written = await writeCsv(join(outDir, spec.file), spec.columns, cells, spec.encoding === 'GB18030' ? 'gb18030' : 'utf8-bom', onRow);
  } else {
    written = await writeXlsx(join(outDir, spec.file), spec.layout!, rows, onRow);
  }
  const t = await truth.close();
  progress(spec.file, written.rows, written.rows);
  const channelFile: ManifestFile = {
    path: spec.file,
    kind: 'channel',
    rows: written.rows,
    bytes: written.bytes,
    sha256: written.sha256,
    columns: spec.columns,
    format: spec.format,
    encoding: spec.encoding,
    amountUnit: spec.amountUnit,
    description: spec.description,
    persons: tally.distinctPersons,
    faultRates: spec.rates,
    faults: tally.toJSON(),
    truth: truthPath,
  };
  if (spec.layout) {
    channelFile.sheets = spec.layout.sheets.map((name, i) => ({ name, rows: written.rowsPerSheet?.[i] ?? 0, firstDataRow }));
  }
  return [channelFile, { path: truthPath, kind: 'truth', ...t, columns: ['sheet', 'row', 'pid', 'faults'], format: 'csv', encoding: 'UTF-8' }];
}
