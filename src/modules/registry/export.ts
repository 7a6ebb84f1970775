/**
 * The registry's statistical tables as an .xlsx workbook. Only published cells are written; a
 * suppressed cell shows "—" and the notes say why, so the file discloses nothing the web page does not.
 */
import ExcelJS from 'exceljs';
import type { BandTable } from './disclosure/band-tables.js';
import type { IncomeTable } from './disclosure/region-tables.js';
import { COMPONENT_LABELS } from './items.js';

const HIDDEN = '—';
const NOTE = '注：“—”为依规隐去的数据（户数少于门槛、单户占比超过85%，或为防止由合计、上下级区划推算而一并隐去）。数据为合成演示数据时仅供演示。';

export async function tablesWorkbook(t: { income: IncomeTable & { year: number; parent: string; level: string }; bands: BandTable & { year: number }; groups: IncomeTable & { year: number } }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zengshou 增收';
  const bold = { bold: true } as const;

  const incomeSheet = (name: string, title: string, table: IncomeTable) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([title]).font = { bold: true, size: 13 };
    const header = ['区划代码', '名称', '户数', '人数', ...(['wage', 'business', 'property', 'transfer'] as const).map((c) => `${COMPONENT_LABELS[c].zh}（元/人）`), '人均可支配收入（元）', '人均可支配收入中位数（元）'];
    ws.addRow(header).font = bold;
    for (const r of table.rows) {
      const cells = table.columns.map((c) => r.perCapita[c] ?? HIDDEN);
      const row = ws.addRow([r.code, r.name, r.households, r.persons, ...cells, r.median ?? (r.hidden.disposable ? HIDDEN : '')]);
      if (r.isParent) row.font = bold;
    }
    ws.addRow([]);
    ws.addRow([NOTE]);
    ws.columns.forEach((c, i) => (c.width = i < 2 ? 16 : 14));
    for (let i = 5; i <= 10; i++) ws.getColumn(i).numFmt = '#,##0.00';
  };
  incomeSheet('人均可支配收入', `${t.income.year}年 登记人均可支配收入（按区划）`, t.income);
  incomeSheet('城乡', `${t.groups.year}年 登记人均可支配收入（城镇、农村）`, t.groups);

  const ws = wb.addWorksheet('收入分布');
  ws.addRow([`${t.bands.year}年 按家庭人均可支配收入分组的人数`]).font = { bold: true, size: 13 };
  ws.addRow(['区划代码', '名称', '户数', '人数', ...t.bands.bands.map((b) => (b.to === null ? `${b.from}元及以上` : `${b.from}–${b.to}元`))]).font = bold;
  for (const r of t.bands.rows) {
    const row = ws.addRow([r.code, r.name, r.households, r.persons, ...r.counts.map((c) => c ?? HIDDEN)]);
    if (r.isParent) row.font = bold;
  }
  ws.addRow([]);
  ws.addRow([NOTE]);
  ws.columns.forEach((c, i) => (c.width = i < 2 ? 16 : 13));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
