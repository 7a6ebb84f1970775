import { describe, expect, it } from 'vitest';
import { halfWidth, normHeader, parseDate, parseMoney, parseName, parsePeriod, parsePhone, parseSex, periodFromParts, splitName } from './normalise.js';
import { toSimplified } from './traditional.js';

describe('normalise', () => {
  it('turns full-width characters and ideographic spaces into ASCII', () => {
    expect(halfWidth('\u3000１２３ＡＢ\u3000')).toBe('123AB');
    expect(normHeader(' 建筑面积（平方米） ')).toBe('建筑面积(平方米)');
  });

  it('simplifies traditional name characters and strips spaces', () => {
    expect(toSimplified('劉偉')).toBe('刘伟');
    expect(parseName(' 張 麗 ')).toEqual({ ok: true, value: '张丽' });
    expect(parseName('阿依古丽•买买提')).toEqual({ ok: true, value: '阿依古丽·买买提' });
    expect(parseName('王5')).toEqual({ ok: false, code: 'BAD_NAME' });
    expect(parseName('  ')).toEqual({ ok: false, code: 'EMPTY_NAME' });
  });

  it('splits double surnames', () => {
    expect(splitName('欧阳娜娜')).toEqual({ surname: '欧阳', given: '娜娜' });
    expect(splitName('王芳')).toEqual({ surname: '王', given: '芳' });
  });

  it('parses dates in the forms clerks write', () => {
    for (const s of ['1980-01-02', '1980/1/2', '19800102', '1980年1月2日', '1980.01.02', '１９８０－０１－０２'.replace(/－/g, '-')]) {
      expect(parseDate(s)).toEqual({ ok: true, value: '1980-01-02' });
    }
    // Excel serial 29222 = 1980-01-02 (25569 = 1970-01-01, plus 3653 days)
    expect(parseDate('29222')).toEqual({ ok: true, value: '1980-01-02' });
    expect(parseDate('1980-02-30').ok).toBe(false);
  });

  it('parses periods to YYYY-MM or YYYY and refuses the future', () => {
    expect(parsePeriod('202305', 2024)).toEqual({ ok: true, value: '2023-05' });
    expect(parsePeriod('2023年5月', 2024)).toEqual({ ok: true, value: '2023-05' });
    expect(parsePeriod('2023-05-31', 2024)).toEqual({ ok: true, value: '2023-05' });
    expect(parsePeriod('2023', 2024)).toEqual({ ok: true, value: '2023' });
    expect(parsePeriod('2023-13', 2024).ok).toBe(false);
    expect(parsePeriod('2030-01', 2024).ok).toBe(false);
    expect(periodFromParts('2023年', '5月', 2024)).toEqual({ ok: true, value: '2023-05' });
  });

  it('parses money in 元 and 分 to integer fen', () => {
    expect(parseMoney('1,234.5', 'yuan')).toEqual({ ok: true, value: 123450 });
    expect(parseMoney('￥１２３４.５６元', 'yuan')).toEqual({ ok: true, value: 123456 });
    expect(parseMoney('123456', 'fen')).toEqual({ ok: true, value: 123456 });
    expect(parseMoney('0.1', 'yuan')).toEqual({ ok: true, value: 10 });
    expect(parseMoney('1.234', 'yuan')).toEqual({ ok: false, code: 'TOO_MANY_DECIMALS' });
    expect(parseMoney('1.50', 'fen')).toEqual({ ok: false, code: 'FRACTIONAL_FEN' });
    expect(parseMoney('-5', 'yuan')).toEqual({ ok: false, code: 'NEGATIVE_AMOUNT' });
    expect(parseMoney('(5.00)', 'yuan', { allowNegative: true })).toEqual({ ok: true, value: -500 });
    expect(parseMoney('abc', 'yuan')).toEqual({ ok: false, code: 'BAD_AMOUNT' });
    expect(parseMoney('7.05', 'yuan')).toEqual({ ok: true, value: 705 });
    expect(parseMoney('1000000001', 'yuan')).toEqual({ ok: false, code: 'AMOUNT_OUT_OF_RANGE' });
    expect(parseMoney('12.00', 'fen')).toEqual({ ok: true, value: 12 });
  });

  it('parses plain amounts (the fast path) exactly as the general parser does', () => {
    // A leading space sends the same text through the general path (clean-up first): both must agree.
    let seed = 12345;
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const texts = ['0', '00', '0.0', '5.', '.5', '1.005', '999999999.99', '1000000000.00', '1000000000.01', '12345678901234567', '1e3', '-0'];
    for (let i = 0; i < 3000; i++) {
      const int = String(rnd(10 ** (1 + rnd(9)))).padStart(1 + rnd(3), '0');
      const frac = ['', '.', `.${rnd(10)}`, `.${String(rnd(100)).padStart(2, '0')}`, `.${rnd(1000)}`][rnd(5)];
      texts.push(int + frac);
    }
    for (const t of texts) {
      for (const unit of ['yuan', 'fen'] as const) expect(parseMoney(t, unit), `${t} ${unit}`).toEqual(parseMoney(` ${t}`, unit));
    }
  });

  it('parses sex and phone numbers', () => {
    expect(parseSex('女')).toEqual({ ok: true, value: 2 });
    expect(parseSex('1')).toEqual({ ok: true, value: 1 });
    expect(parseSex('未知').ok).toBe(false);
    expect(parsePhone('138 1234 5678')).toEqual({ ok: true, value: '13812345678' });
    expect(parsePhone('0419-1234567')).toEqual({ ok: true, value: '0419-1234567' });
    expect(parsePhone('12345').ok).toBe(false);
  });
});
