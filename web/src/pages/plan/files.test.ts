import { describe, expect, it } from 'vitest';
import { attachmentProblem, bytesToBase64, formatSize } from './files';

describe('reading files in the browser', () => {
  it('encodes bytes as base64 exactly as Node does, across chunk boundaries', () => {
    const bytes = new Uint8Array(0x8000 * 2 + 7);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) % 256;
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
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
