/** Amounts typed in the diary, read the same way on the phone and on the server. No dependencies. */

export type AmountResult = { ok: true; fen: number } | { ok: false; code: AmountErrorCode; message: string };
export type AmountErrorCode = 'AMOUNT_EMPTY' | 'AMOUNT_INVALID' | 'AMOUNT_GROUPING' | 'AMOUNT_PRECISION' | 'AMOUNT_TOO_LARGE';

/** Largest amount one entry may hold: 1 亿元. */
export const MAX_ENTRY_FEN = 10_000_000_000;

/**
 * Reads an amount in 元 as people type it: full-width digits (１２８．５), thousands separators
 * (1,280 or 1，280), a ¥ sign, and the suffixes 元/块 or 万/万元 (1.5万 = 15,000 元). A minus sign is
 * read (the quality rules then block the month). Returns integer fen, or a clear reason.
 */
export function parseAmount(input: string): AmountResult {
  let s = input.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  if (s === '') return { ok: false, code: 'AMOUNT_EMPTY', message: '请输入金额' };
  s = s.replace(/^[¥$]/, '').replace(/^人民币/, '');
  let multiplier = 1;
  const suffix = /(万元|万|元整|元|块钱|块|圆)$/.exec(s);
  if (suffix) {
    if (suffix[1].startsWith('万')) multiplier = 10_000;
    s = s.slice(0, -suffix[1].length);
  }
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) {
      return { ok: false, code: 'AMOUNT_GROUPING', message: `千位分隔符位置不对：“${input.trim()}”，请按每三位一个逗号书写（如 1,280）或不写逗号` };
    }
    s = s.replace(/,/g, '');
  }
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === '' && !m[2])) {
    return { ok: false, code: 'AMOUNT_INVALID', message: `无法识别金额“${input.trim()}”：请输入阿拉伯数字，如 128.5、1,280 或 1.5万` };
  }
  const intPart = m[1].replace(/^0+(?=\d)/, '');
  const frac = m[2] ?? '';
  const places = multiplier === 1 ? 2 : 6;
  if (frac.replace(/0+$/, '').length > places) {
    return { ok: false, code: 'AMOUNT_PRECISION', message: multiplier === 1 ? '金额最多精确到分（小数点后两位）' : '以“万”为单位时最多保留六位小数（精确到分）' };
  }
  if (intPart.length > 12) return tooLarge();
  const fen = sign * (Number(intPart || '0') * 100 * multiplier + Number(frac.padEnd(places, '0').slice(0, places) || '0'));
  if (Math.abs(fen) > MAX_ENTRY_FEN) return tooLarge();
  return { ok: true, fen: fen === 0 ? 0 : fen };
}

const tooLarge = (): AmountResult => ({ ok: false, code: 'AMOUNT_TOO_LARGE', message: '单笔金额不能超过 1 亿元，请检查是否多写了“万”或多打了零' });

/** 12345678 fen → "123,456.78" (no locale dependence, for phones and tests alike). */
export function formatFen(fen: number): string {
  const neg = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
