import { AppError } from '../app-error.js';

/** Largest attachment accepted, bytes. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const KINDS: { ext: RegExp; mime: string; magic: (b: Buffer) => boolean }[] = [
  { ext: /\.pdf$/i, mime: 'application/pdf', magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { ext: /\.docx$/i, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: isZip },
  { ext: /\.xlsx$/i, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: isZip },
  { ext: /\.(jpe?g)$/i, mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: /\.png$/i, mime: 'image/png', magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
];

function isZip(b: Buffer) {
  return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

/** Accepts PDF, Word, Excel, JPEG and PNG whose content matches the extension; refuses anything else. */
export function sniffAttachment(name: string, bytes: Buffer): { mime: string } {
  if (bytes.length === 0) throw new AppError(400, 'EMPTY_FILE', '附件为空');
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError(413, 'ATTACHMENT_TOO_LARGE', `附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
  const kind = KINDS.find((k) => k.ext.test(name));
  if (!kind) throw new AppError(415, 'ATTACHMENT_TYPE', '只接受 PDF、Word (.docx)、Excel (.xlsx)、JPG 和 PNG 附件');
  if (!kind.magic(bytes)) throw new AppError(415, 'ATTACHMENT_MISMATCH', '附件内容与扩展名不符');
  return { mime: kind.mime };
}
