/**
 * One physical row of a channel file: its number in the file (1-based; within its sheet for XLSX)
 * and its cells as text. `sheet` is the 0-based sheet ordinal when a workbook is read sheet by sheet.
 */
export interface RawRow {
  no: number;
  cells: string[];
  sheet?: number;
}

/** Row references of multi-sheet workbooks: sheet ordinal × 2^21 + row (an XLSX sheet has at most 2^20 rows). */
export const SHEET_STRIDE = 2 ** 21;

export function rowRef(r: RawRow): number {
  return (r.sheet ?? 0) * SHEET_STRIDE + r.no;
}

/** "第3个工作表第12行" style description of a row reference. */
export function describeRowRef(ref: number): { sheet: number; row: number } {
  return { sheet: Math.floor(ref / SHEET_STRIDE), row: ref % SHEET_STRIDE };
}
