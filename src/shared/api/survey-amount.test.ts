import { describe, expect, it } from 'vitest';
import { formatFen, parseAmount } from './survey-amount.js';

const fen = (s: string) => {
  const r = parseAmount(s);
  if (!r.ok) throw new Error(`${s}: ${r.code} ${r.message}`);
  return r.fen;
};
const code = (s: string) => {
  const r = parseAmount(s);
  return r.ok ? `ok ${r.fen}` : r.code;
};

describe('diary amounts', () => {
  it('reads plain, separated, full-width and suffixed amounts to fen', () => {
    expect(fen('128')).toBe(12800);
    expect(fen('128.5')).toBe(12850);
    expect(fen('0.05')).toBe(5);
    expect(fen('.5')).toBe(50);
    expect(fen('1,280')).toBe(128000);
    expect(fen('1,234,567.89')).toBe(123456789);
    expect(fen('１２８．５０')).toBe(12850);
    expect(fen('１，２８０元')).toBe(128000);
    expect(fen('¥ 36')).toBe(3600);
    expect(fen('￥36元')).toBe(3600);
    expect(fen('20块')).toBe(2000);
    expect(fen('1.5万')).toBe(1_500_000); // 15,000 元
    expect(fen('１.２３４５６７万元')).toBe(1234567);
    expect(fen('3万')).toBe(3000000);
    expect(fen(' 45 元 ')).toBe(4500);
    expect(fen('0')).toBe(0);
    expect(fen('-20')).toBe(-2000);
    expect(fen('－２０')).toBe(-2000);
    expect(fen('12.30')).toBe(1230);
  });

  it('refuses what it cannot read, with the reason', () => {
    expect(code('')).toBe('AMOUNT_EMPTY');
    expect(code('   ')).toBe('AMOUNT_EMPTY');
    expect(code('一百')).toBe('AMOUNT_INVALID');
    expect(code('12元5角')).toBe('AMOUNT_INVALID');
    expect(code('abc')).toBe('AMOUNT_INVALID');
    expect(code('1.2.3')).toBe('AMOUNT_INVALID');
    expect(code('万')).toBe('AMOUNT_INVALID');
    expect(code('1,23')).toBe('AMOUNT_GROUPING');
    expect(code('12,3456')).toBe('AMOUNT_GROUPING');
    expect(code('1.234')).toBe('AMOUNT_PRECISION');
    expect(code('1.2345678万')).toBe('AMOUNT_PRECISION');
    expect(code('2亿')).toBe('AMOUNT_INVALID');
    expect(code('100000001')).toBe('AMOUNT_TOO_LARGE');
    expect(code('10001万')).toBe('AMOUNT_TOO_LARGE');
    expect(code('99999999999999999999')).toBe('AMOUNT_TOO_LARGE');
    const r = parseAmount('1,23');
    expect(!r.ok && r.message).toContain('1,23');
  });

  it('formats fen with separators and two decimals', () => {
    expect(formatFen(123456789)).toBe('1,234,567.89');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(-2000)).toBe('-20.00');
    expect(formatFen(0)).toBe('0.00');
  });
});
