import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { WorkplanInputError } from './errors.js';

/**
 * Turns the bytes of a plain-text plan into a string. Government offices save text as UTF-8 (with or
 * without BOM), as UTF-16 from Windows Notepad, or as GB18030/GBK from older tools; all are read.
 * Binary files (images, PDF, old .doc, archives) are rejected with a clear error instead of being
 * decoded into noise. Pure: no I/O.
 */

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** Known binary formats, by their first bytes. */
const MAGIC: { sig: number[]; what: string; code?: 'LEGACY_DOC' }[] = [
  { sig: [0x50, 0x4b, 0x03, 0x04], what: 'ZIP 压缩包（.docx/.xlsx 等 Office 文件也是这种格式；.docx 请以 .docx 扩展名导入）' },
  { sig: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: '旧版 Word（.doc）或其他 Office 二进制文件', code: 'LEGACY_DOC' },
  { sig: [0x25, 0x50, 0x44, 0x46], what: 'PDF 文件' },
  { sig: [0x89, 0x50, 0x4e, 0x47], what: 'PNG 图片' },
  { sig: [0xff, 0xd8, 0xff], what: 'JPEG 图片' },
  { sig: [0x47, 0x49, 0x46, 0x38], what: 'GIF 图片' },
  { sig: [0x52, 0x61, 0x72, 0x21], what: 'RAR 压缩包' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf], what: '7z 压缩包' },
  { sig: [0x1f, 0x8b], what: 'gzip 压缩文件' },
  { sig: [0x7f, 0x45, 0x4c, 0x46], what: '可执行程序' },
  { sig: [0x4d, 0x5a], what: '可执行程序' },
];

export function decodeText(input: Uint8Array): DecodedText {
  const bytes = input;
  if (bytes.length === 0) throw new WorkplanInputError('EMPTY_FILE', '文件是空的（0 字节），没有可导入的内容');

  let decoded: DecodedText;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    decoded = { text: utf8(bytes.subarray(3), true), encoding: 'utf-8-bom' };
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    decoded = { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    decoded = { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  } else {
    rejectKnownBinary(bytes);
    decoded = decodeWithoutBom(bytes);
  }
  if (hasBinaryControls(decoded.text)) {
    throw new WorkplanInputError('BINARY_FILE', '文件含有大量控制字符，不是文本文件；请导入 .txt 或 .docx');
  }
  if (decoded.text.trim() === '') throw new WorkplanInputError('EMPTY_FILE', '文件只有空白，没有可导入的文字');
  return decoded;
}

function utf8(bytes: Uint8Array, fatal: boolean): string {
  return new TextDecoder('utf-8', { fatal, ignoreBOM: true }).decode(bytes);
}

function rejectKnownBinary(bytes: Uint8Array) {
  for (const m of MAGIC) {
    if (startsWith(bytes, m.sig)) {
      if (m.code === 'LEGACY_DOC') {
        throw new WorkplanInputError('LEGACY_DOC', `这是${m.what}，不能直接导入；请在 Word 或 WPS 中另存为 .docx 或 .txt 后导入`);
      }
      throw new WorkplanInputError('BINARY_FILE', `这是${m.what}，不是文本文件；请导入 .txt 或 .docx`);
    }
  }
}

/** UTF-8 and GB18030 never use bytes below 0x20 except for real control characters. */
function rejectControlBytes(bytes: Uint8Array) {
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  if (controls > 0 && controls > bytes.length / 200) {
    throw new WorkplanInputError('BINARY_FILE', '文件含有大量控制字符，不是文本文件；请导入 .txt 或 .docx');
  }
}

function decodeWithoutBom(bytes: Uint8Array): DecodedText {
  const nul = bytes.indexOf(0) >= 0;
  if (nul) {
    // Text with NUL bytes is UTF-16 without a BOM, or it is not text.
    const le = utf16Guess(bytes);
    if (le) return le;
    throw new WorkplanInputError('BINARY_FILE', '文件含有二进制数据（空字节），不是文本文件；请导入 .txt 或 .docx');
  }
  rejectControlBytes(bytes);
  try {
    return { text: utf8(bytes, true), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through to the Chinese legacy encodings
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const detected = jschardet.detect(buf);
  const name = (detected.encoding ?? '').toUpperCase();
  if (name === 'BIG5' && detected.confidence >= 0.5) {
    const text = iconv.decode(buf, 'big5');
    if (plausibleChinese(text)) return { text, encoding: 'big5' };
  }
  // GB2312 and GBK are subsets of GB18030, so GB18030 reads them all.
  const text = iconv.decode(buf, 'gb18030');
  if (plausibleChinese(text)) return { text, encoding: 'gb18030' };
  throw new WorkplanInputError(
    'UNSUPPORTED_ENCODING',
    `无法识别文件的文字编码（自动检测为 ${detected.encoding ?? '未知'}），请另存为 UTF-8 或 GB18030 编码的文本后导入`,
  );
}

/**
 * UTF-16 without BOM: decode both ways and keep the one that reads as ordinary text (ASCII, common
 * CJK ideographs, CJK punctuation); the wrong byte order yields rare symbols and control characters.
 */
function utf16Guess(bytes: Uint8Array): DecodedText | null {
  if (bytes.length % 2 !== 0) return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let best: DecodedText | null = null;
  let bestScore = -1;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const text = iconv.decode(buf, encoding);
    let score = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) score++;
    }
    if (score > bestScore) [best, bestScore] = [{ text, encoding }, score];
  }
  return best && bestScore >= best.text.length * 0.9 && plausibleChinese(best.text) && !hasBinaryControls(best.text) ? best : null;
}

/** Control characters other than tab, line breaks and form feed. */
function hasBinaryControls(text: string): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) n++;
  }
  return n > 0 && n > text.length / 200;
}

/**
 * Does a decoding look like Chinese text? No replacement characters, and nearly every non-ASCII
 * character is a CJK ideograph or CJK/full-width punctuation (a wrong guess yields rare symbols).
 */
function plausibleChinese(text: string): boolean {
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    if (c === 0xfffd) return false;
    nonAscii++;
    if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f) ||
      (c >= 0x2460 && c <= 0x24ff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      c === 0xb7 ||
      c === 0xd7
    ) {
      cjk++;
    }
  }
  return nonAscii === 0 || cjk / nonAscii >= 0.9;
}
