import { describe, expect, it } from 'vitest';
import { findDocNumber, isIssuerLine, isTitleLine, parseDateLine, titleFromNotice } from './metadata.js';

describe('document metadata', () => {
  it('reads document numbers in any bracket style, normalised to 〔〕', () => {
    expect(findDocNumber('辽市政发〔2018〕15号')).toBe('辽市政发〔2018〕15号');
    expect(findDocNumber('  辽市政发[2018]15号 ')).toBe('辽市政发〔2018〕15号');
    expect(findDocNumber('辽市政发（2018）15号')).toBe('辽市政发〔2018〕15号');
    expect(findDocNumber('辽市政办发【2019】第7号')).toBe('辽市政办发〔2019〕7号');
    expect(findDocNumber('辽市政发〔２０１８〕１５号')).toBe('辽市政发〔2018〕15号');
    // A number cited in running text is another document's.
    expect(findDocNumber('根据省政府通知(辽政发〔2017〕40号)精神,结合实际')).toBeNull();
  });

  it('reads date lines, Arabic or Chinese numerals, and rejects impossible dates', () => {
    expect(parseDateLine('2018年5月22日')).toBe('2018-05-22');
    expect(parseDateLine('  2018年 5月 22日  ')).toBe('2018-05-22');
    expect(parseDateLine('（2018年12月1日）')).toBe('2018-12-01');
    expect(parseDateLine('二〇一八年五月二十二日')).toBe('2018-05-22');
    expect(parseDateLine('二○二三年十二月三十一日')).toBe('2023-12-31');
    expect(parseDateLine('2018年2月30日')).toBeNull();
    expect(parseDateLine('时间: 2018年07月13日')).toBeNull();
  });

  it('tells issuers and titles apart', () => {
    expect(isIssuerLine('辽阳市人民政府')).toBe(true);
    expect(isIssuerLine('辽阳市人民政府办公室')).toBe(true);
    expect(isIssuerLine('辽阳市激发重点群体活力带动城乡居民增收工作方案')).toBe(false);
    expect(isTitleLine('辽阳市激发重点群体活力带动城乡居民增收工作方案')).toBe(true);
    expect(isTitleLine('示例市促进增收三年行动计划（2023—2025年）')).toBe(true);
    expect(isTitleLine('现将《方案》印发给你们,请结合实际,认真组织实施。')).toBe(false);
    expect(titleFromNotice('关于印发《示例市增收方案》的通知')).toBe('示例市增收方案');
    expect(titleFromNotice('关于印发辽阳市激发重点群体活力带动城乡居民增收工作方案的通知')).toBe('辽阳市激发重点群体活力带动城乡居民增收工作方案');
  });
});
