import ExcelJS from 'exceljs';
import type { TaskSummary } from '../../../shared/api/workplan.js';
import { COLOUR_FILL, COLOUR_LABEL } from './labels.js';

/**
 * 任务分工表: 序号, 重点任务, 具体措施, 牵头单位, 配合单位, 完成时限, 进展, 状态 — the layout supervision
 * offices keep in Excel, with the 重点任务 cells merged over their measures.
 */
export async function taskTableWorkbook(planTitle: string, tasks: TaskSummary[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zengshou 增收';
  wb.created = new Date();
  const ws = wb.addWorksheet('任务分工表', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [
    { key: 'seq', width: 6 }, { key: 'group', width: 18 }, { key: 'title', width: 46 }, { key: 'lead', width: 22 },
    { key: 'coop', width: 30 }, { key: 'deadline', width: 12 }, { key: 'progress', width: 10 }, { key: 'status', width: 12 },
  ];
  ws.mergeCells('A1:H1');
  const title = ws.getCell('A1');
  title.value = `${planTitle}任务分工表`;
  title.font = { bold: true, size: 16, name: '宋体' };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  const header = ws.addRow(['序号', '重点任务', '具体措施', '牵头单位', '配合单位', '完成时限', '进展', '状态']);
  header.font = { bold: true, name: '黑体' };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
  header.eachCell((c) => (c.border = border));
  let groupStart = 0;
  let groupName = '';
  const mergeGroup = (end: number) => {
    if (groupStart && end > groupStart) ws.mergeCells(groupStart, 2, end, 2);
  };
  for (const t of tasks) {
    const lead = t.units.filter((u) => u.role !== 'cooperating').map((u) => u.name).join('、');
    const coop = t.units.filter((u) => u.role === 'cooperating').map((u) => u.name).join('、');
    const row = ws.addRow([t.seq, t.group, t.title, lead, coop, t.deadline, `${t.progress}%`, COLOUR_LABEL[t.status.colour]]);
    row.alignment = { vertical: 'middle', wrapText: true };
    row.eachCell((c) => (c.border = border));
    row.getCell(8).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLOUR_FILL[t.status.colour] } };
    if (t.group !== groupName) {
      mergeGroup(row.number - 1);
      groupStart = row.number;
      groupName = t.group;
    }
  }
  mergeGroup(ws.rowCount);
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
