/**
 * The survey's main table in the usual publication layout (指标 down, areas across), the 五等份 table,
 * and the precision of each figure, as an .xlsx workbook.
 */
import ExcelJS from 'exceljs';
import type { EstimateCell, Estimates } from '../../../shared/api/survey.js';

export function periodLabel(p: string): string {
  const m = /^(\d{4})(?:-Q([1-4])|-(\d{2}))?$/.exec(p);
  if (!m) return p;
  if (m[2]) return `${m[1]}年${['一', '二', '三', '四'][Number(m[2]) - 1]}季度`;
  if (m[3]) return `${m[1]}年${Number(m[3])}月`;
  return `${m[1]}年`;
}

const QUINTILES = ['低收入组', '中间偏下收入组', '中间收入组', '中间偏上收入组', '高收入组'];

export async function estimatesWorkbook(e: Estimates): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zengshou 增收';
  const ws = wb.addWorksheet('主要数据');
  const cols = e.rows;
  const width = cols.length + 1;
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).value = `辽阳市居民收支主要数据（${periodLabel(e.period)}）`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, width);
  ws.getCell(2, 1).value = '单位：元，%';
  ws.getCell(2, 1).alignment = { horizontal: 'right' };
  ws.getRow(3).values = ['指标', ...cols.map((c) => c.label)];
  ws.getRow(3).font = { bold: true };
  const mark = (c: EstimateCell | null) => (c && c.flags.includes('suppressed') ? '…' : c && c.flags.length ? '*' : '');
  const money = (c: EstimateCell | null) => (c?.estimate == null ? (c && c.flags.includes('suppressed') ? '…' : null) : Math.round(c.estimate));
  const pct = (c: EstimateCell | null) => (c?.estimate == null ? null : Math.round(c.estimate * 1000) / 10);
  const lines: [string, (r: Estimates['rows'][number]) => string | number | null][] = [
    ['人均可支配收入', (r) => money(r.disposable)],
    ['　工资性收入', (r) => money(r.wage)],
    ['　经营净收入', (r) => money(r.business)],
    ['　财产净收入', (r) => money(r.property)],
    ['　转移净收入', (r) => money(r.transfer)],
    ['人均消费支出', (r) => money(r.consumption)],
    ['人均可支配收入中位数', (r) => money(r.median)],
    ['人均可支配收入名义增长（%）', (r) => pct(r.growthNominal)],
    ['人均可支配收入实际增长（%）', (r) => pct(r.growthReal)],
    ['人均可支配收入标准误', (r) => (r.disposable.se == null ? null : Math.round(r.disposable.se))],
    ['变异系数（%）', (r) => (r.disposable.cv == null ? null : Math.round(r.disposable.cv * 1000) / 10)],
    [`${Math.round(e.settings.level * 100)}%置信区间下限`, (r) => (r.disposable.ci[0] == null ? null : Math.round(r.disposable.ci[0]))],
    [`${Math.round(e.settings.level * 100)}%置信区间上限`, (r) => (r.disposable.ci[1] == null ? null : Math.round(r.disposable.ci[1]))],
    ['名义增长标准误（百分点）', (r) => (r.growthNominal?.se == null ? null : Math.round(r.growthNominal.se * 1000) / 10)],
    ['样本户数', (r) => r.households],
    ['样本人数', (r) => r.persons],
    ['人均可支配收入标注', (r) => mark(r.disposable) || null],
  ];
  for (const [label, f] of lines) ws.addRow([label, ...cols.map(f)]);
  ws.getColumn(1).width = 30;
  for (let c = 2; c <= width; c++) ws.getColumn(c).width = 12;
  ws.addRow([]);
  const notes = [
    '注：1. 人均可支配收入 = (工资性收入 + 经营净收入 + 财产净收入 + 转移净收入) / 常住人口；按加权比率估计，标准误用泰勒线性化（分层、以社区/村为初级抽样单位）。',
    `2. ${e.calibrated ? '权数已按各层常住人口总数校准。' : '未录入常住人口总数，权数未校准。'}本表只包含${{ household: '调查员', township: '乡镇（街道）', county: '县（市、区）', city: '市' }[e.approvalLevel]}审核通过的样本户。`,
    `3. “…”表示样本户不足或按设置不予公布；“*”表示样本户少于 ${e.settings.minHouseholds} 户或变异系数大于 ${Math.round(e.settings.maxCv * 100)}%，仅供参考。`,
    `4. 增长为与${periodLabel(e.previousPeriod)}相比；实际增长按居民消费价格指数${e.cpi ? `（${e.cpi}）` : '（未录入）'}扣除价格因素。`,
  ];
  for (const n of notes) {
    const row = ws.addRow([n]);
    ws.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).alignment = { wrapText: true };
  }

  const qs = wb.addWorksheet('五等份');
  qs.mergeCells(1, 1, 1, 1 + 2 * e.quintiles.length);
  qs.getCell(1, 1).value = `按收入五等份分组的居民人均可支配收入（${periodLabel(e.period)}）`;
  qs.getCell(1, 1).font = { bold: true, size: 14 };
  qs.getRow(2).values = ['组别', ...e.quintiles.flatMap((q) => [q.label, '标准误'])];
  qs.getRow(2).font = { bold: true };
  QUINTILES.forEach((name, g) => qs.addRow([name, ...e.quintiles.flatMap((q) => [money(q.groups[g]), q.groups[g].se == null ? null : Math.round(q.groups[g].se!)])]));
  qs.getColumn(1).width = 18;
  qs.addRow([]);
  qs.addRow([`注：住户按人均可支配收入从低到高排序，按${e.settings.quintileUnit === 'person' ? '人口' : '户'}权数等分为五组。`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
