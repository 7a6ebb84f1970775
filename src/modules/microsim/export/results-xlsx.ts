/**
 * A reform run as an .xlsx workbook, one sheet per part of the impact dashboard: summary and budget
 * by programme, deciles, winners and losers, inequality and poverty, key groups, counties and areas,
 * example households. Money in 元 per year; shares as Excel percentages.
 */
import ExcelJS from 'exceljs';
import type { GroupResult, Run, WinnersLosers } from '../../../shared/api/microsim.js';

const MONEY = '#,##0';
const MONEY2 = '#,##0.00';
const PCT = '0.00%';
const RATIO = '0.0000';
const WL: [keyof WinnersLosers, string][] = [
  ['gainMore5', '增收超过5%'],
  ['gainLess5', '增收5%以内'],
  ['noChange', '基本不变（±0.1%）'],
  ['loseLess5', '减收5%以内'],
  ['loseMore5', '减收超过5%'],
];

type Cell = string | number | null;
interface Col {
  header: string;
  width?: number;
  fmt?: string;
}

function sheet(wb: ExcelJS.Workbook, name: string, title: string, cols: Col[], rows: Cell[][], notes: string[] = []): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const width = Math.max(cols.length, 1);
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  const head = ws.getRow(3);
  head.values = cols.map((c) => c.header);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle' };
  for (const r of rows) ws.addRow(r.map((v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? 14;
    if (c.fmt) col.eachCell((cell, n) => n > 3 && (cell.numFmt = c.fmt!));
  });
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  if (notes.length) ws.addRow([]);
  for (const n of notes) {
    const row = ws.addRow([n]);
    ws.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).alignment = { wrapText: true };
  }
  return ws;
}

const wlCols = (): Col[] => WL.map(([, h]) => ({ header: h, fmt: PCT, width: 12 }));
const wlCells = (w: WinnersLosers): Cell[] => WL.map(([k]) => w[k]);

function groupRows(gs: GroupResult[]): Cell[][] {
  return gs.map((g) => [
    g.label.zh, g.households, g.persons, g.baseline, g.reform, g.change, g.relativeChange, g.budgetEffect,
    g.gini.baseline, g.gini.reform, g.poverty.baseline, g.poverty.reform, ...wlCells(g.winnersLosers),
  ]);
}
const groupCols = (first: string): Col[] => [
  { header: first, width: 22 },
  { header: '户数（加权）', fmt: MONEY },
  { header: '人数（加权）', fmt: MONEY },
  { header: '基线人均可支配收入（元）', fmt: MONEY, width: 16 },
  { header: '改革后人均可支配收入（元）', fmt: MONEY, width: 16 },
  { header: '人均变化（元）', fmt: MONEY2 },
  { header: '相对变化', fmt: PCT },
  { header: '人均财政净成本（元）', fmt: MONEY2, width: 16 },
  { header: '基尼系数（基线）', fmt: RATIO },
  { header: '基尼系数（改革后）', fmt: RATIO },
  { header: '相对贫困发生率（基线）', fmt: PCT, width: 16 },
  { header: '相对贫困发生率（改革后）', fmt: PCT, width: 16 },
  ...wlCols(),
];

export async function resultsWorkbook(run: Run): Promise<Buffer> {
  const r = run.results;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zengshou 增收';
  const name = r.reform ? `${r.reform.label.zh}（${r.reform.name}）` : '基线（无改革）';
  const src = r.population.source;

  // 1. summary and budget by programme
  const ws = sheet(
    wb,
    '概要',
    `政策评估结果：${name}，${r.year}年`,
    [{ header: '项目', width: 30 }, { header: '基线', fmt: MONEY, width: 18 }, { header: '改革后', fmt: MONEY, width: 18 }, { header: '变化', fmt: MONEY, width: 18 }, { header: '财政净成本', fmt: MONEY, width: 18 }],
    [
      ...r.budget.programmes.map((p) => [`${p.label.zh}（${p.kind === 'revenue' ? '收入' : '支出'}，元/年）`, p.baseline, p.reform, p.change, p.netCost]),
      ['合计财政净成本（元/年）', null, null, null, r.budget.netCost],
      ['人均可支配收入（元/年）', r.income.baselineMean, r.income.reformMean, r.income.change, null],
    ],
  );
  ws.addRow([]);
  const info: [string, Cell][] = [
    ['改革方案', name],
    ['方案说明', r.reform?.description ?? ''],
    ['模拟年度', r.year],
    ['人口数据', src.description],
    ['规模（占全市常住人口）', src.scale ?? null],
    ['模拟户数 / 人数', `${r.population.households} / ${r.population.persons}`],
    ['代表户数 / 人数（加权）', `${Math.round(r.population.weightedHouseholds)} / ${Math.round(r.population.weightedPersons)}`],
    ['十等份分组单位', r.decileUnit === 'person' ? '人（等人数）' : '户（等户数）'],
    ['运行编号 / 时间 / 操作人', `${run.run.id} / ${run.run.createdAt} / ${run.run.username ?? ''}`],
    ['计算用时（毫秒）', `模拟 ${r.timing.simulateMs}，结果 ${r.timing.resultsMs}，合计 ${run.run.elapsedMs}`],
  ];
  for (const [k, v] of info) ws.addRow([k, v]).getCell(1).font = { bold: true };
  const overrides = Object.entries(run.request.reform?.parameters ?? {});
  if (overrides.length) {
    ws.addRow([]);
    ws.addRow(['改革参数', '调整方式']).font = { bold: true };
    for (const [p, o] of overrides) ws.addRow([p, JSON.stringify(o)]);
  }
  if (r.placeholders.length) {
    ws.addRow([]);
    ws.addRow(['注意：以下参数为占位值，须由管理员按正式文件替换（params/*.yaml）']).font = { bold: true, color: { argb: 'FFC00000' } };
    for (const p of r.placeholders) ws.addRow([p.name, `自 ${p.from}`, p.ref]);
  }

  // 2. deciles
  sheet(
    wb,
    '十等份',
    `按基线人均可支配收入十等份分组（${r.decileUnit === 'person' ? '等人数' : '等户数'}）`,
    [
      { header: '组别', width: 8 }, { header: '户数（加权）', fmt: MONEY }, { header: '人数（加权）', fmt: MONEY }, { header: '基线人均可支配收入（元）', fmt: MONEY, width: 16 },
      { header: '改革后人均可支配收入（元）', fmt: MONEY, width: 16 }, { header: '人均变化（元）', fmt: MONEY2 }, { header: '相对变化', fmt: PCT }, { header: '占全部净增收比重', fmt: PCT, width: 16 },
    ],
    r.deciles.map((d) => [d.decile, d.households, d.persons, d.baseline, d.reform, d.change, d.relativeChange, d.shareOfGains]),
    ['注：第1组收入最低。人均变化为组内人均可支配收入的变化；占比为该组净增收占全市净增收的比重（净减收时为负）。'],
  );

  // 3. winners and losers
  sheet(
    wb,
    '受益受损',
    '受益与受损人口占比（按家庭可支配收入的相对变化）',
    [{ header: '组别', width: 12 }, ...wlCols()],
    [['全部', ...wlCells(r.winnersLosers)], ...r.deciles.map((d) => [`第${d.decile}组`, ...wlCells(d.winnersLosers)])],
  );

  // 4. inequality and poverty
  type Line = { label: string; b: number | null; a: number | null; fmt: string };
  const line = (label: string, b: number | null, a: number | null, fmt: string): Line => ({ label, b, a, fmt });
  const lines: Line[] = [
    line('基尼系数（人）', r.inequality.gini.baseline, r.inequality.gini.reform, RATIO),
    line('泰尔指数 T（收入为正的人）', r.inequality.theil.baseline, r.inequality.theil.reform, RATIO),
    ...r.poverty.flatMap((p) => [
      line(`贫困发生率：${p.label.zh}（${Math.round(p.line ?? 0)}元/人·年）`, p.baseline.headcount, p.reform.headcount, PCT),
      line(`贫困缺口率：${p.label.zh}`, p.baseline.gap, p.reform.gap, PCT),
    ]),
    line(`中等收入群体比重（三口之家 ${r.middleIncome.band.lower}–${r.middleIncome.band.upper} 元，${r.middleIncome.band.priceYear}年价格）`, r.middleIncome.baseline, r.middleIncome.reform, PCT),
    line('工资低于最低工资标准的人数（加权）', r.minimumWage.baseline, r.minimumWage.reform, MONEY),
  ];
  const ineq = sheet(
    wb,
    '不平等与贫困',
    '收入不平等、贫困与中等收入群体',
    [{ header: '指标', width: 48 }, { header: '基线', width: 14 }, { header: '改革后', width: 14 }, { header: '变化', width: 14 }],
    lines.map((l) => [l.label, l.b, l.a, l.b !== null && l.a !== null ? l.a - l.b : null]),
  );
  lines.forEach((l, i) => {
    for (const c of [2, 3, 4]) ineq.getRow(4 + i).getCell(c).numFmt = l.fmt;
  });

  // 5–6. key groups, counties and areas
  sheet(wb, '重点群体', '七大重点群体', groupCols('群体'), groupRows(r.keyGroups), ['注：相对贫困线为基线人均可支配收入中位数的50%。一人可属于多个群体。']);
  sheet(wb, '县市区', '县（市、区）与城乡', groupCols('地区'), [...groupRows(r.counties), ...groupRows(r.areas)]);

  // 7. example households
  sheet(
    wb,
    '典型家庭',
    '典型家庭（合成数据）',
    [
      { header: '编号', width: 10 }, { header: '选取原因', width: 18 }, { header: '县（市、区）', width: 12 }, { header: '城乡', width: 6 }, { header: '人数', width: 6 }, { header: '十等份组', width: 8 },
      { header: '基线可支配收入', fmt: MONEY2 }, { header: '改革后可支配收入', fmt: MONEY2 }, { header: '变化', fmt: MONEY2 }, { header: '相对变化', fmt: PCT },
      { header: '个税（基线）', fmt: MONEY2 }, { header: '个税（改革后）', fmt: MONEY2 }, { header: '社保（基线）', fmt: MONEY2 }, { header: '社保（改革后）', fmt: MONEY2 },
      { header: '低保（基线）', fmt: MONEY2 }, { header: '低保（改革后）', fmt: MONEY2 },
    ],
    r.examples.map((e) => [
      e.id, e.why, e.county, e.urban ? '城镇' : '农村', e.members, e.decile, e.baseline.disposable, e.reform.disposable, e.change, e.relativeChange,
      e.baseline.iit, e.reform.iit, e.baseline.socialInsurance, e.reform.socialInsurance, e.baseline.dibao, e.reform.dibao,
    ]),
    ['注：示范城市的人口和家庭均为合成数据，不对应任何真实个人。金额为元/年。'],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
