import { decodeText, type TextEncoding } from './decode.js';
import { WorkplanInputError } from './errors.js';
import { parsePlan } from './parse.js';
import type { ParsedPlan } from './types.js';

/** Where the text came from: a plain-text encoding, or a .docx. */
export type SourceFormat = TextEncoding | 'docx';

/**
 * The text of an uploaded plan from its bytes: .docx (by extension or by its ZIP signature) through
 * mammoth, anything else as text in whatever encoding it is in. Throws WorkplanInputError.
 */
export async function planTextFromBytes(bytes: Uint8Array, fileName = ''): Promise<{ text: string; format: SourceFormat }> {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (/\.docx$/i.test(fileName) || isZip) {
    const { extractDocxText } = await import('./docx.js'); // mammoth is heavy: load it only for .docx
    const { text } = await extractDocxText(bytes);
    return { text, format: 'docx' };
  }
  if (/\.doc$/i.test(fileName) && bytes[0] === 0xd0 && bytes[1] === 0xcf) {
    throw new WorkplanInputError('LEGACY_DOC', '这是旧版 Word（.doc）文件，不能直接导入；请在 Word 或 WPS 中另存为 .docx 后导入');
  }
  const { text, encoding } = decodeText(bytes);
  return { text, format: encoding };
}

/** Throws NO_MEASURES when the text has no recognisable measure; otherwise returns the plan. */
export function requireMeasures(plan: ParsedPlan): ParsedPlan {
  if (plan.measures.length === 0) {
    throw new WorkplanInputError(
      'NO_MEASURES',
      '没有识别到任何措施：文中没有写明牵头单位、配合单位或责任单位的编号条目（如“1.……（牵头单位：……；配合单位：……）”）',
    );
  }
  return plan;
}

/** Bytes of a .txt or .docx → a parsed plan with at least one measure, or a WorkplanInputError. */
export async function parsePlanBytes(bytes: Uint8Array, fileName = ''): Promise<{ plan: ParsedPlan; format: SourceFormat }> {
  const { text, format } = await planTextFromBytes(bytes, fileName);
  return { plan: requireMeasures(parsePlan(text)), format };
}
