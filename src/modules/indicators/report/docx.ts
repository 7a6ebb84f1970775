/**
 * 收入增长监测报告 (.docx) in the usual government layout, following the 督办通报 (workplan/exports/bulletin.ts):
 * a red masthead with a 文号-like issue line, 方正小标宋 title, 仿宋 三号 body with 28-pt line spacing, 黑体 section
 * headings 一、… 四、, 楷体 sub-headings （一）…, tables in 宋体 五号, charts as PNG images, page numbers "— 1 —".
 * Pure: a Dashboard and the four section templates in, a Buffer out.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, Header, ImageRun, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { Dashboard } from '../../../shared/api/indicators.js';
import { reportCharts, type ChartImage } from './charts.js';
import { buildReportModel, type ReportModel } from './model.js';
import { buildTables, cellText, specAt, type ReportTable, type TableName } from './tables.js';
import { REPORT_SECTIONS, SECTION_TITLES, renderSection, type ReportSection } from './templates.js';

export interface ReportOptions {
  /** '2025', '2025-Q3', '2025-07'; default: the dashboard's year */
  period?: string;
  /** section → Handlebars source (the saved or default templates) */
  templates: Record<ReportSection, string>;
  /** the date printed on the report (ISO); default: the dashboard's generatedAt */
  today?: string;
  /** issuing office printed under the masthead */
  issuer?: string;
  /** skip the charts (faster; used by the template preview) */
  charts?: boolean;
}

const BODY = '仿宋';
const HEI = '黑体';
const KAI = '楷体';
const TITLE = '方正小标宋简体';
const SONG = '宋体';
const SIZE = 32; // 三号 (half-points)
const RED = 'C00000';

const run = (text: string, o: { font?: string; size?: number; bold?: boolean; color?: string } = {}) =>
  new TextRun({ text, font: { eastAsia: o.font ?? BODY, ascii: o.font ?? BODY, hAnsi: o.font ?? BODY }, size: o.size ?? SIZE, bold: o.bold, color: o.color });

function para(text: string, o: { indent?: boolean; center?: boolean; right?: boolean; font?: string; size?: number; bold?: boolean; color?: string; after?: number } = {}) {
  return new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : o.right ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    indent: o.indent ? { firstLine: 640 } : undefined,
    spacing: { line: 560, after: o.after },
    children: [run(text, o)],
  });
}

/** A narrative paragraph: "（一）收入分配。…" starts with a 楷体 run, as sub-headings do in government reports. */
function narrative(text: string): Paragraph {
  const m = /^(（[一二三四五六七八九十]+）[^。：]*[。：]?)([\s\S]*)$/.exec(text);
  const head = m ? m[1]! : '';
  const body = m ? m[2]! : text;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 640 },
    spacing: { line: 560 },
    children: [...(head ? [run(head, { font: KAI, bold: true })] : []), run(body)],
  });
}

const heading = (text: string) => new Paragraph({ spacing: { line: 560, before: 120 }, indent: { firstLine: 640 }, children: [run(text, { font: HEI })] });

const caption = (text: string) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 400, before: 160, after: 80 }, children: [run(text, { font: HEI, size: 24 })] });

function tableOf(t: ReportTable): Table {
  const b = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, o: { bold?: boolean; right?: boolean } = {}) =>
    new TableCell({
      children: [new Paragraph({ alignment: o.right ? AlignmentType.RIGHT : o.bold ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, { font: SONG, size: 21, bold: o.bold })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: b, bottom: b, left: b, right: b, insideHorizontal: b, insideVertical: b },
    rows: [
      new TableRow({ tableHeader: true, children: t.columns.map((c) => cell(c.header, { bold: true })) }),
      ...t.rows.map((r, i) => new TableRow({ children: r.map((c, j) => cell(cellText(c, specAt(t, i, j)), { right: typeof c === 'number' })) })),
    ],
  });
}

function chartParagraph(c: ChartImage): Paragraph {
  const w = 560; // points wide on an A4 page with 2.8 cm margins
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new ImageRun({ type: 'png', data: c.png, transformation: { width: w, height: Math.round((w * c.height) / c.width) }, altText: { name: c.title, title: c.title, description: c.title } })],
  });
}

/** Where each table and chart goes: after the narrative of its section. */
const PLACEMENT: Record<ReportSection, { tables: TableName[]; charts: ChartImage['key'][] }> = {
  overview: { tables: ['headline'], charts: ['series'] },
  analysis: { tables: ['quintiles', 'counties', 'keyGroups', 'targets', 'tasks'], charts: ['quintiles', 'counties'] },
  problems: { tables: [], charts: [] },
  suggestions: { tables: [], charts: [] },
};

export function reportTitle(m: ReportModel): string {
  return `${m.region.name}${m.periodText}城乡居民收入增长监测报告`;
}

export function issueNumber(m: ReportModel): string {
  const y = m.period.slice(0, 4);
  const n = m.periodKind === 'quarter' ? Number(m.period.slice(-1)) : m.periodKind === 'month' ? Number(m.period.slice(5)) : 1;
  return `增收监测〔${y}〕${n}号`;
}

export async function reportDocx(d: Dashboard, o: ReportOptions): Promise<Buffer> {
  const m = buildReportModel(d, o.period, o.today ?? d.generatedAt);
  const tables = new Map(buildTables(d).map((t) => [t.name, t]));
  const charts = o.charts === false ? new Map<string, ChartImage>() : new Map((await reportCharts(d)).map((c) => [c.key, c]));
  let tableNo = 0;
  let figNo = 0;

  const body: (Paragraph | Table)[] = [];
  for (const s of REPORT_SECTIONS) {
    body.push(heading(SECTION_TITLES[s]));
    const paragraphs = renderSection(s, o.templates[s], m);
    for (const p of paragraphs.length ? paragraphs : ['本期无相关内容。']) body.push(narrative(p));
    for (const key of PLACEMENT[s].charts) {
      const c = charts.get(key);
      if (!c) continue;
      body.push(chartParagraph(c), caption(`图${++figNo}　${c.title}`));
    }
    for (const name of PLACEMENT[s].tables) {
      const t = tables.get(name);
      if (!t || t.rows.length === 0) continue;
      body.push(caption(`表${++tableNo}　${t.title}`), tableOf(t));
      if (t.note) body.push(para(t.note, { size: 21, font: SONG }));
    }
  }

  const defs = d.definitions.filter((x) => d.headline.some((v) => v.code === x.code));
  const doc = new Document({
    creator: 'Zengshou 增收',
    title: reportTitle(m),
    description: `${m.region.name} ${m.period} 收入增长监测报告`,
    styles: { default: { document: { run: { font: BODY, size: SIZE } } } },
    sections: [{
      properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, // GB/T 9704: 37/35/28/26 mm
      headers: { default: new Header({ children: [para('收入增长监测报告', { right: true, size: 18, font: SONG })] }) },
      footers: {
        default: new Footer({
          children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run('— ', { font: SONG, size: 28 }), new TextRun({ children: [PageNumber.CURRENT], font: SONG, size: 28 }), run(' —', { font: SONG, size: 28 })] })],
        }),
      },
      children: [
        para('收入增长监测', { center: true, font: TITLE, size: 72, color: RED, after: 120 }),
        para(issueNumber(m), { center: true }),
        new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } }, spacing: { after: 240 }, children: [run(`${o.issuer ?? `${m.region.name}增收工作领导小组办公室`}　　　　${m.reportDate}`, { size: 28 })] }),
        para(reportTitle(m), { center: true, font: TITLE, size: 44, after: 240 }),
        ...(m.synthetic ? [para('（本报告数据为演示用合成数据，不代表真实统计结果）', { center: true, font: KAI, size: 24, color: RED })] : []),
        ...(m.periodKind !== 'year' && !m.quarterValues ? [para(`（指标按年度计算，本期报告采用截至${m.periodText}可得的${d.year}年最新数据）`, { center: true, font: KAI, size: 24 })] : []),
        ...body,
        heading('附：指标说明'),
        ...defs.map((x) => para(`${x.name.zh}：${x.definition}`, { indent: true, size: 24 })),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

/** The narrative alone (template preview in the web drawer). */
export function previewSection(d: Dashboard, section: ReportSection, source: string, period?: string): string {
  return renderSection(section, source, buildReportModel(d, period)).join('\n\n');
}
