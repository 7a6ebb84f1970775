import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode.js';
import { WorkplanInputError } from './errors.js';
import { parsePlan } from './parse.js';

const seed = readFileSync(new URL('../seeds/liaoyang-2018-15-income-plan.txt', import.meta.url), 'utf8');
const sample = '一、任务\n1.扩大就业。（牵头单位：市人力资源社会保障局；配合单位：市财政局）\n';
const bytes = (...xs: (number[] | Uint8Array)[]) => new Uint8Array(xs.flatMap((x) => [...x]));
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const utf16be = (s: string) => {
  const b = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
  return new Uint8Array(b);
};

function errorOf(f: () => unknown): WorkplanInputError {
  try {
    f();
  } catch (e) {
    if (e instanceof WorkplanInputError) return e;
    throw e;
  }
  throw new Error('expected a WorkplanInputError');
}

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(new TextEncoder().encode(seed))).toEqual({ text: seed, encoding: 'utf-8' });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], new TextEncoder().encode(sample)))).toEqual({ text: sample, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 with a BOM (little and big endian), and without one', () => {
    expect(decodeText(bytes([0xff, 0xfe], utf16le(sample)))).toEqual({ text: sample, encoding: 'utf-16le' });
    expect(decodeText(bytes([0xfe, 0xff], utf16be(sample)))).toEqual({ text: sample, encoding: 'utf-16be' });
    expect(decodeText(utf16le(sample))).toEqual({ text: sample, encoding: 'utf-16le' });
    expect(decodeText(utf16be(sample))).toEqual({ text: sample, encoding: 'utf-16be' });
  });

  it('detects and reads the GB18030 fixture (the seed saved in GB18030) exactly', () => {
    const gb = readFileSync(new URL('./fixtures/seed-gb18030.txt', import.meta.url));
    // The fixture really is GB18030: not valid UTF-8, and the seed's 市 is C A D0 in GB.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb)).toThrow();
    expect([...gb.subarray(gb.indexOf(0xca), gb.indexOf(0xca) + 2)]).toEqual([0xca, 0xd0]);
    const d = decodeText(gb);
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(seed);
    expect(parsePlan(d.text).measures).toHaveLength(58);
  });

  it('reads short GBK text too (GBK is a subset of GB18030)', () => {
    const d = decodeText(new Uint8Array(iconv.encode(sample, 'gbk')));
    expect(d).toEqual({ text: sample, encoding: 'gb18030' });
  });

  it('rejects an empty or blank file', () => {
    expect(errorOf(() => decodeText(new Uint8Array(0))).code).toBe('EMPTY_FILE');
    expect(errorOf(() => decodeText(new TextEncoder().encode(' \n\u3000\n'))).code).toBe('EMPTY_FILE');
  });

  it('rejects binary files with a message that says what the file is', () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13]);
    const e = errorOf(() => decodeText(png));
    expect(e.code).toBe('BINARY_FILE');
    expect(e.message).toContain('PNG 图片');
    expect(errorOf(() => decodeText(bytes([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]))).code).toBe('BINARY_FILE');
    const doc = errorOf(() => decodeText(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])));
    expect(doc.code).toBe('LEGACY_DOC');
    expect(doc.message).toContain('另存为 .docx');
    // Arbitrary bytes: NULs at both parities, control characters.
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(errorOf(() => decodeText(noise)).code).toBe('BINARY_FILE');
    const controls = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(errorOf(() => decodeText(controls)).code).toBe('BINARY_FILE');
  });

  it('rejects text in an encoding it cannot identify as Chinese', () => {
    const latin1 = new Uint8Array(iconv.encode('Café crème brûlée à la carte', 'latin1'));
    const e = errorOf(() => decodeText(latin1));
    expect(e.code).toBe('UNSUPPORTED_ENCODING');
    expect(e.message).toContain('UTF-8 或 GB18030');
  });
});
