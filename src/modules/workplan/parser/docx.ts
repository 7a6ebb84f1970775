import mammoth from 'mammoth';
import { WorkplanInputError } from './errors.js';

/**
 * Extracts the text of a .docx (Word 2007+, also WPS) with mammoth: one line per paragraph, so a
 * warning's line number is the paragraph number. Table cells come out as paragraphs too. Takes the
 * file's bytes; reads nothing from disk.
 */
export async function extractDocxText(bytes: Uint8Array): Promise<{ text: string; messages: string[] }> {
  if (bytes.length === 0) throw new WorkplanInputError('EMPTY_FILE', '文件是空的（0 字节），没有可导入的内容');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new WorkplanInputError('LEGACY_DOC', '这是旧版 Word（.doc）文件，不能直接导入；请在 Word 或 WPS 中另存为 .docx 后导入');
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw new WorkplanInputError('DOCX_CORRUPT', 'Word 文档（.docx）已损坏或不是 .docx 文件：文件头不是 ZIP 格式');
  }
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  } catch (e) {
    throw new WorkplanInputError('DOCX_CORRUPT', `Word 文档（.docx）已损坏，无法读取：${explain(e)}`);
  }
  // mammoth ends every paragraph with "\n\n"; a soft line break inside a paragraph is a single "\n".
  const text = result.value.replace(/\n\n/g, '\n').replace(/\n$/, '');
  if (text.trim() === '') throw new WorkplanInputError('EMPTY_FILE', 'Word 文档中没有文字');
  return { text, messages: result.messages.map((m) => `${m.type}: ${m.message}`) };
}

function explain(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/end of central directory|corrupted zip|unexpected end|invalid|signature/i.test(msg)) return `ZIP 结构不完整（文件可能被截断或损坏）（${msg}）`;
  if (/word\/document\.xml|main document/i.test(msg)) return `缺少正文 word/document.xml（${msg}）`;
  return msg;
}
