import { readFileSync } from 'node:fs';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { extractDocxText } from './docx.js';
import { WorkplanInputError } from './errors.js';
import { parsePlanBytes, planTextFromBytes } from './input.js';

async function tinyDocx(lines: string[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: lines.map((t, i) =>
          i === 0
            ? new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t, bold: true })] })
            : new Paragraph({ children: [new TextRun(t)] }),
        ),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const PLAN = [
  '示例市稳就业促增收工作方案',
  '示政发〔2024〕3号',
  '一、重点任务',
  '1.扩大就业容量。2024年新增城镇就业5000人。（牵头单位：市人力资源社会保障局；配合单位：市财政局、各县（市）区政府）',
  '2.加强技能培训。（责任单位：市教育局、市人力资源社会保障局）',
  '示例市人民政府',
  '2024年2月1日',
];

async function rejection(p: Promise<unknown>): Promise<WorkplanInputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkplanInputError) return e;
    throw e;
  }
  throw new Error('expected a WorkplanInputError');
}

describe('.docx input', () => {
  it('extracts one line per paragraph, so line numbers are paragraph numbers', async () => {
    const { text } = await extractDocxText(await tinyDocx(PLAN));
    expect(text.split('\n')).toEqual(PLAN);
  });

  it('parses a .docx plan end to end', async () => {
    const { plan, format } = await parsePlanBytes(await tinyDocx(PLAN), '方案.docx');
    expect(format).toBe('docx');
    expect([plan.title, plan.docNumber, plan.issuer, plan.date]).toEqual(['示例市稳就业促增收工作方案', '示政发〔2024〕3号', '示例市人民政府', '2024-02-01']);
    expect(plan.measures.map((m) => [m.line, m.lead, m.cooperating, m.responsible])).toEqual([
      [4, ['市人力资源社会保障局'], ['市财政局', '各县（市）区政府'], []],
      [5, [], [], ['市教育局', '市人力资源社会保障局']],
    ]);
    expect(plan.measures[0].targets).toEqual([{ year: 2024, value: 5000, unit: '人', text: '2024年新增城镇就业5000人', cumulative: false }]);
  });

  it('recognises a .docx by its content even without the extension', async () => {
    expect((await planTextFromBytes(await tinyDocx(PLAN), 'upload.bin')).format).toBe('docx');
  });

  it('rejects a truncated .docx with a clear error', async () => {
    const corrupt = readFileSync(new URL('./fixtures/corrupt-truncated.docx', import.meta.url));
    const e = await rejection(planTextFromBytes(corrupt, 'corrupt.docx'));
    expect(e.code).toBe('DOCX_CORRUPT');
    expect(e.message).toMatch(/^Word 文档（\.docx）已损坏/);
  });

  it('rejects a file named .docx that is not one, an old .doc, and an empty one', async () => {
    const text = new TextEncoder().encode('这不是 Word 文档');
    expect((await rejection(planTextFromBytes(text, 'x.docx'))).code).toBe('DOCX_CORRUPT');
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await rejection(planTextFromBytes(ole, 'x.docx'))).code).toBe('LEGACY_DOC');
    expect((await rejection(planTextFromBytes(ole, 'x.doc'))).code).toBe('LEGACY_DOC');
    expect((await rejection(planTextFromBytes(new Uint8Array(0), 'x.docx'))).code).toBe('EMPTY_FILE');
  });

  it('rejects a valid .docx with no text, and one with no measures', async () => {
    expect((await rejection(planTextFromBytes(await tinyDocx([' ']), 'x.docx'))).code).toBe('EMPTY_FILE');
    const e = await rejection(parsePlanBytes(await tinyDocx(['关于放假的通知', '一、放假时间', '二、注意事项']), 'x.docx'));
    expect(e.code).toBe('NO_MEASURES');
  });
});
