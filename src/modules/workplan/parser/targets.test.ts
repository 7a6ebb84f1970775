import { describe, expect, it } from 'vitest';
import { extractTargets } from './targets.js';

const brief = (text: string) => extractTargets(text).map((t) => [t.year, t.value, t.unit, t.cumulative]);

describe('extractTargets', () => {
  it('pairs each quantity with the year before it in the sentence', () => {
    expect(brief('2018年再建成10个千亩以上土地股份合作社;到2022年,全市千亩以上农村土地股份合作社总数达到80家。')).toEqual([
      [2018, 10, '个', false],
      [2022, 80, '家', true],
    ]);
  });

  it('reads percentages, 万 units, full-width digits, ranges and Chinese numerals after a verb', () => {
    expect(brief('到2020年，城镇登记失业率控制在4.5%以内。')).toEqual([[2020, 4.5, '%', false]]);
    expect(brief('2018—2020年累计培训新型职业农民1.2万人次。')).toEqual([[2020, 1.2, '万人次', true]]);
    expect(brief('２０１９年新建示范基地１５个。')).toEqual([[2019, 15, '个', false]]);
    expect(brief('2019年培育十个示范村。')).toEqual([[2019, 10, '个', false]]);
    expect(brief('到2025年，农村居民人均可支配收入增长8个百分点。')).toEqual([[2025, 8, '个百分点', false]]);
  });

  it('takes a year that follows the quantity when none precedes it', () => {
    expect(brief('新建标准化厂房3处，2019年底前完成。')).toEqual([[2019, 3, '处', false]]);
  });

  it('ignores numbers with no year, base years, thresholds written in words, dates and document numbers', () => {
    expect(brief('无正当理由连续3次拒绝接受介绍的工作的，减发或者停发低保金。')).toEqual([]);
    expect(brief('城乡居民人均收入比2010年翻一番。')).toEqual([]);
    expect(brief('2018年5月22日印发(辽政发〔2017〕40号)。')).toEqual([]);
    expect(brief('2018年扶持千亩以上合作社发展。')).toEqual([]);
  });

  it('keeps the clause as written', () => {
    expect(extractTargets('力争到2020年，全市新增就业３万人。')[0].text).toBe('力争到2020年，全市新增就业３万人');
  });
});
