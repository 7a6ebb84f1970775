import { describe, expect, it } from 'vitest';
import { labelColumn, numericColumn, readCsv } from './csv.js';

describe('CSV reader', () => {
  it('quotes, doubled quotes, embedded commas and newlines, CRLF, BOM, blank lines', () => {
    const t = readCsv('\ufeffname,"in,come",note\r\n"王, 五",100,"say ""hi""\nthere"\r\n\r\nx,2.5e3,\n', ['in,come', 'name', 'note']);
    expect(t.rows).toBe(2);
    expect(labelColumn(t, 'name')).toEqual(['王, 五', 'x']);
    expect(Array.from(numericColumn(t, 'in,come'))).toEqual([100, 2500]);
    expect(t.columns.get('note')).toEqual(['say "hi"\nthere', '']);
    expect(Array.from(t.lines)).toEqual([2, 5]);
  });
  it('errors name the row and column', () => {
    const t = readCsv('a,b\n1,2\n3,x\n4,-1\n5,\n', ['a', 'b']);
    expect(() => numericColumn(t, 'b')).toThrow('row 2 (line 3), column "b": "x" is not a number');
    expect(() => readCsv('a,b\n1,2\n', ['c'])).toThrow('column "c" is not in the header (columns: a, b)');
    expect(() => readCsv('', ['a'])).toThrow('empty');
    expect(() => readCsv('a,b\n', ['a'])).toThrow('no data rows');
    expect(() => readCsv('a,b\n1,2,3\n', ['a'])).toThrow('row 1 (line 2): 3 fields');
    const u = readCsv('w\n1\n-2\n', ['w']);
    expect(() => numericColumn(u, 'w', { nonNegative: true })).toThrow('row 2 (line 3), column "w": -2 is negative');
  });
});
