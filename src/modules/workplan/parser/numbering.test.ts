import { describe, expect, it } from 'vitest';
import { matchHeading } from './numbering.js';
import { cnToInt } from './text.js';

const h = (line: string) => {
  const m = matchHeading(line);
  return m && [m.style, m.number, m.value, line.slice(m.prefixLength)];
};

describe('matchHeading', () => {
  it('reads every numbering style in both widths', () => {
    expect(h('一、总体要求')).toEqual(['cn', '一', 1, '总体要求']);
    expect(h('十二.其他')).toEqual(['cn', '十二', 12, '其他']);
    expect(h('(一)指导思想。')).toEqual(['paren_cn', '(一)', 1, '指导思想。']);
    expect(h('（十）加强宣传')).toEqual(['paren_cn', '(十)', 10, '加强宣传']);
    expect(h('1.完善机制')).toEqual(['arabic', '1', 1, '完善机制']);
    expect(h('12．完善机制')).toEqual(['arabic', '12', 12, '完善机制']);
    expect(h('３、完善机制')).toEqual(['arabic', '3', 3, '完善机制']);
    expect(h('(2)明确分工')).toEqual(['paren_arabic', '(2)', 2, '明确分工']);
    expect(h('（12）明确分工')).toEqual(['paren_arabic', '(12)', 12, '明确分工']);
    expect(h('⑶ 明确分工')).toEqual(['paren_arabic', '(3)', 3, '明确分工']);
    expect(h('4）明确分工')).toEqual(['paren_arabic', '(4)', 4, '明确分工']);
    expect(h('⑩定期调度')).toEqual(['circled', '⑩', 10, '定期调度']);
  });

  it('does not take ordinary text for a heading', () => {
    expect(h('2018年再建成10个合作社')).toBeNull();
    expect(h('1.5万人次参加培训')).toBeNull();
    expect(h('一是加强领导')).toBeNull();
    expect(h('一、二、三产业融合发展')).toBeNull();
    expect(h('(以下简称市人社局)')).toBeNull();
    expect(h('各县(市)区政府')).toBeNull();
  });
});

describe('cnToInt', () => {
  it('reads Chinese numerals', () => {
    expect([cnToInt('一'), cnToInt('十'), cnToInt('十二'), cnToInt('二十'), cnToInt('二十三'), cnToInt('一百零五'), cnToInt('两万')]).toEqual([
      1, 10, 12, 20, 23, 105, 20000,
    ]);
    expect(cnToInt('甲')).toBeNaN();
  });
});
