import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { RankingRow, TaskSummary } from '../../../shared/api/workplan.js';
import { COLOUR_LABEL, REASON_LABEL } from './labels.js';

export interface BulletinInput {
  planTitle: string;
  docNumber: string | null;
  asOf: string;
  tasks: TaskSummary[];
  ranking: RankingRow[];
}

const FONT = '仿宋';
const p = (text: string, opts: { bold?: boolean; indent?: boolean; center?: boolean; size?: number; font?: string } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: opts.indent ? { firstLine: 640 } : undefined,
    spacing: { line: 560 },
    children: [new TextRun({ text, bold: opts.bold, size: opts.size ?? 32, font: opts.font ?? FONT })],
  });

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 21, font: '宋体' })] })] });

function table(head: string[], rows: string[][]): Table {
  const b = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: b, bottom: b, left: b, right: b, insideHorizontal: b, insideVertical: b },
    rows: [new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

const leads = (t: TaskSummary) => t.units.filter((u) => u.role !== 'cooperating').map((u) => u.name).join('、');

/** 督办通报: summary, red and yellow tasks, rankings — in the usual government layout (仿宋 三号, 黑体 headings). */
export async function bulletinDocument(input: BulletinInput): Promise<Buffer> {
  const counts = { green: 0, yellow: 0, red: 0, done: 0 };
  for (const t of input.tasks) counts[t.status.colour]++;
  const total = input.tasks.length;
  const red = input.tasks.filter((t) => t.status.colour === 'red');
  const yellow = input.tasks.filter((t) => t.status.colour === 'yellow');
  const avg = total ? input.tasks.reduce((s, t) => s + t.progress, 0) / total : 0;
  const [y, m, d] = input.asOf.split('-').map(Number);
  const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { line: 560 }, children: [new TextRun({ text, font: '黑体', size: 32 })] });
  const ranked = input.ranking.filter((r) => r.rank > 0);

  const doc = new Document({
    creator: 'Zengshou 增收',
    title: '督办通报',
    sections: [{
      children: [
        p('督 办 通 报', { bold: true, center: true, size: 44, font: '方正小标宋简体' }),
        p(`（截至${y}年${m}月${d}日）`, { center: true }),
        p(''),
        p(`为推动《${input.planTitle}》${input.docNumber ? `（${input.docNumber}）` : ''}各项任务落实，现将任务推进情况通报如下：`, { indent: true }),
        heading('一、总体情况'),
        p(`方案共分解任务 ${total} 项。其中已办结销号 ${counts.done} 项，按序时推进（绿色）${counts.green} 项，落后序时进度（黄色）${counts.yellow} 项，严重滞后或逾期（红色）${counts.red} 项；平均完成进度 ${avg.toFixed(1)}%。`, { indent: true }),
        heading('二、滞后任务'),
        ...(red.length + yellow.length === 0
          ? [p('目前没有滞后任务。', { indent: true })]
          : [table(['序号', '任务', '牵头单位', '完成时限', '进度', '序时进度', '状态'], [...red, ...yellow].map((t) => [
              String(t.seq), `${t.ref} ${t.title}`, leads(t), t.deadline, `${t.progress}%`, `${t.status.planned}%`, `${COLOUR_LABEL[t.status.colour]}（${REASON_LABEL[t.status.reason]}）`,
            ]))]),
        heading('三、单位排名'),
        p('按报送及时率（50%）、平均完成进度（40%）、办结率（10%）计分，每项红色任务扣 5 分，分单位类别排名。', { indent: true }),
        table(['类别', '名次', '单位', '牵头任务', '报送及时率', '平均进度', '办结', '红色', '得分'], ranked.map((r) => [
          r.kind === 'county_government' ? '县(市)区' : '市直部门', String(r.rank), r.departmentName, String(r.leadTasks),
          `${(r.onTimeRate * 100).toFixed(0)}%`, `${r.avgProgress}%`, String(r.closed), String(r.red), String(r.score),
        ])),
        heading('四、工作要求'),
        p('各牵头单位要对照任务分工，对滞后任务逐项分析原因、明确整改措施和完成时限，按时报送进展；配合单位要主动对接牵头单位，形成工作合力。督查室将持续跟踪督办。', { indent: true }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
