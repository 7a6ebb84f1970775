import { describe, expect, it } from 'vitest';
import { attachmentProblem, bytesToBase64, formatSize } from './files';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** RFC 4648 base64 the long way: 3 bytes → 4 sextets, '=' padding. */
function referenceBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const left = bytes.length - i;
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63] + (left > 1 ? ALPHABET[(n >> 6) & 63] : '=') + (left > 2 ? ALPHABET[n & 63] : '=');
  }
  return out;
}

describe('reading files in the browser', () => {
  it('encodes bytes as base64 (RFC 4648), across chunk boundaries', () => {
    const bytes = new Uint8Array(0x8000 * 2 + 7);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) % 256;
    expect(bytesToBase64(bytes)).toBe(referenceBase64(bytes));
    expect(referenceBase64(new TextEncoder().encode('Man'))).toBe('TWFu'); // the RFC's own example
    expect(bytesToBase64(new TextEncoder().encode('Ma'))).toBe('TWE=');
    expect(bytesToBase64(new TextEncoder().encode('牵头单位'))).toBe('54m15aS05Y2V5L2N');
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });

  it('refuses attachments of other types or over 10 MB before uploading', () => {
    expect(attachmentProblem({ name: '照片.PNG', size: 100 })).toBeNull();
    expect(attachmentProblem({ name: 'report.docx', size: 10 * 1024 * 1024 })).toBeNull();
    expect(attachmentProblem({ name: 'report.docx', size: 10 * 1024 * 1024 + 1 })).toBe('size');
    expect(attachmentProblem({ name: 'report.doc', size: 100 })).toBe('type');
    expect(attachmentProblem({ name: 'run.exe', size: 100 })).toBe('type');
  });

  it('formats sizes', () => {
    expect(formatSize(67)).toBe('67 B');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
