/**
 * Streaming XLSX rows (ExcelJS WorkbookReader): one sheet, cells as text, batches of rows, so a
 * workbook of any size is read in bounded memory. Merged header cells arrive as a text in the
 * top-left cell and blanks elsewhere; readers/headers.ts composes them.
 */
import type { Readable } from 'node:stream';
import type { RawRow } from './types.js';

export class SheetNotFoundError extends Error {}

/** Text of a cell as a clerk would read it: numbers without exponent where exact, dates as YYYY-MM-DD. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 }) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string; sharedFormula?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error) return '';
  }
  return String(v);
}

/** Rows of one sheet (by name; the first by default), or of every sheet in order with sheet = '*'. */
export async function* xlsxRowBatches(input: Readable, opts: { sheet?: string; batchSize?: number } = {}): AsyncGenerator<RawRow[]> {
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const batchSize = opts.batchSize ?? 2000;
  let found = false;
  const all = opts.sheet === '*';
  const names: string[] = [];
  for await (const ws of reader) {
    const name = (ws as unknown as { name: string }).name;
    const ordinal = names.length;
    names.push(name);
    if ((found && !all) || (opts.sheet !== undefined && !all && name !== opts.sheet)) {
      // Sheets must be consumed in order for the zip stream to advance.
      for await (const _row of ws) void _row;
      continue;
    }
    found = true;
    let out: RawRow[] = [];
    for await (const row of ws) {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
      if (cells.some((x) => x !== '')) out.push({ no: row.number, cells, sheet: ordinal });
      if (out.length >= batchSize) {
        yield out;
        out = [];
      }
    }
    if (out.length) yield out;
  }
  if (!found) throw new SheetNotFoundError(opts.sheet ? `工作表“${opts.sheet}”不存在（有：${names.join('、')}）` : '工作簿中没有工作表');
}
