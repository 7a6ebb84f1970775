/**
 * Streaming XLSX writing with exceljs (WorkbookWriter), one sheet after another, with title rows,
 * header rows and merged cells; then entry dates in the zip are fixed so the same input gives the
 * same bytes (exceljs stamps docProps with workbook.created/modified, and the zip with the time).
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { ChannelRow, SheetLayout } from '../channels/index.js';
import type { WrittenFile } from './csv.js';
import { fixZipTimestamps } from './zip-timestamps.js';

/** The fixed timestamp of every workbook (the census reference date). */
export const FIXED_DATE = new Date(Date.UTC(2020, 10, 1, 0, 0, 0));

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function writeXlsx(path: string, layout: SheetLayout, rows: Iterable<ChannelRow>, onRow?: (n: number) => void): Promise<WrittenFile & { rowsPerSheet: number[] }> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  wb.creator = 'Zengshou demo generator';
  wb.lastModifiedBy = 'Zengshou demo generator';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const rowsPerSheet = layout.sheets.map(() => 0);
  let current = -1;
  let ws: ExcelJS.Worksheet | null = null;
  let n = 0;
  /** Commits the current sheet and starts the next ones up to `index` (sheets come in order). */
  const open = async (index: number) => {
    while (current < index) {
      if (ws) await ws.commit();
      current++;
      ws = wb.addWorksheet(layout.sheets[current]);
      ws.columns = layout.columnWidths.map((width) => ({ width }));
      // merges need uncommitted rows: add title and header rows, merge, then commit them
      let last: ExcelJS.Row | null = null;
      for (const t of layout.titleRows) last = ws.addRow(t);
      for (const h of layout.headerRows) {
        last = ws.addRow(h);
        last.font = { bold: true };
      }
      for (const m of layout.merges) ws.mergeCells(m);
      last?.commit();
    }
  };
  for (const row of rows) {
    if (row.sheet < current) throw new Error(`rows for sheet ${row.sheet} after sheet ${current}`);
    if (row.sheet !== current) await open(row.sheet);
    ws!.addRow(row.cells).commit();
    rowsPerSheet[row.sheet]++;
    if (onRow && (++n & 0x3fff) === 0) onRow(n);
  }
  await open(layout.sheets.length - 1);
  if (ws) await (ws as ExcelJS.Worksheet).commit();
  await wb.commit();
  fixZipTimestamps(path, FIXED_DATE);
  return { rows: rowsPerSheet.reduce((a, b) => a + b, 0), bytes: statSync(path).size, sha256: await sha256File(path), rowsPerSheet };
}
