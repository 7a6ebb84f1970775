/**
 * The report's tables as .xlsx: one sheet per table (or only `table`, for a dashboard chart's export
 * button). Numbers are stored rounded exactly as displayed, with a number format that shows the same
 * characters as the dashboard and the .docx ('%' columns stay fractions with a 0.0% format).
 */
import ExcelJS from 'exceljs';
import type { Dashboard } from '../../../shared/api/indicators.js';
import type { FormatSpec } from '../../../shared/indicators-format.js';
import { AppError } from '../../app-error.js';
import { buildReportModel } from './model.js';
import { reportTitle } from './docx.js';
import { buildTables, cellNumber, specAt, TABLE_NAMES, type TableName } from './tables.js';

const SHEET_NAMES: Record<TableName, string> = {
  headline: '主要指标', series: '历年变化', quintiles: '五等份', lorenz: '洛伦兹曲线', counties: '县区', keyGroups: '重点群体', targets: '目标', tasks: '任务',
};

export function numFmtOf(spec: FormatSpec | undefined): string | undefined {
  if (!spec) return undefined;
  const dec = spec.decimals > 0 ? `.${'0'.repeat(spec.decimals)}` : '';
  if (spec.unit === '%') return spec.fraction ? `0${dec}%` : `0${dec}"%"`;
  return `#,##0${dec}`;
}

export async function reportWorkbook(d: Dashboard, o: { period?: string; table?: TableName } = {}): Promise<Buffer> {
  if (o.table && !TABLE_NAMES.includes(o.table)) throw new AppError(400, 'TABLE_UNKNOWN', `没有名为“${o.table}”的表格（可用：${TABLE_NAMES.join('、')}）`);
  const m = buildReportModel(d, o.period);
  const tables = buildTables(d).filter((t) => !o.table || t.name === o.table);
  if (o.table && tables.length === 0) throw new AppError(404, 'TABLE_EMPTY', `本期没有“${SHEET_NAMES[o.table]}”数据`);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zengshou 增收';
  wb.created = new Date(d.generatedAt);
  wb.title = reportTitle(m);
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
  for (const t of tables) {
    const ws = wb.addWorksheet(SHEET_NAMES[t.name], { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.columns = t.columns.map((c) => ({ width: c.width ?? 14 }));
    const n = t.columns.length;
    ws.mergeCells(1, 1, 1, n);
    const title = ws.getCell(1, 1);
    title.value = `${m.region.name}${m.periodText}${t.title}`;
    title.font = { bold: true, size: 14, name: '宋体' };
    title.alignment = { horizontal: 'center', vertical: 'middle' };
    ws.getRow(1).height = 26;
    const header = ws.addRow(t.columns.map((c) => c.header));
    header.font = { bold: true, name: '黑体' };
    header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    header.eachCell((c) => (c.border = border));
    t.rows.forEach((r, i) => {
      const row = ws.addRow(r.map((c, j) => cellNumber(c, specAt(t, i, j))));
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cell.border = border;
        const fmt = typeof cell.value === 'number' ? numFmtOf(specAt(t, i, col - 1)) : undefined;
        if (fmt) cell.numFmt = fmt;
        if (cell.value === null) cell.value = '—';
      });
    });
    ws.views = [{ state: 'frozen', ySplit: 2 }];
    const notes = [t.note, m.synthetic ? '注：演示用合成数据，不代表真实统计结果。' : null, `生成时间：${d.generatedAt}`].filter(Boolean) as string[];
    for (const note of notes) ws.addRow([note]).font = { italic: true, size: 9 };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
