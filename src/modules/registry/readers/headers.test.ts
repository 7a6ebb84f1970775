import { describe, expect, it } from 'vitest';
import { composeHeaders, detectHeader, findColumn } from './headers.js';

describe('multi-row headers', () => {
  it('composes merged group headers with their sub-headers', () => {
    const rows = [
      ['序号', '身份证号', '姓名', '养老保险', '', '医疗保险', '', '备注'],
      ['', '', '', '个人缴费', '单位缴费', '个人缴费', '单位缴费', ''],
    ];
    expect(composeHeaders(rows)).toEqual(['序号', '身份证号', '姓名', '养老保险/个人缴费', '养老保险/单位缴费', '医疗保险/个人缴费', '医疗保险/单位缴费', '备注']);
  });

  it('finds columns by full path before last part, and never twice', () => {
    const paths = ['养老保险/个人缴费', '医疗保险/个人缴费', '个人缴费'];
    expect(findColumn(paths, ['医疗保险/个人缴费'])).toBe(1);
    expect(findColumn(paths, ['个人缴费'])).toBe(2);
    expect(findColumn(paths, ['个人缴费'], new Set([2]))).toBe(0);
  });

  it('skips title rows and finds a two-row header under them', () => {
    const sample = [
      ['辽阳市2023年城乡低保花名册', '', '', '', ''],
      ['填报单位：白塔区民政局', '', '', '', ''],
      ['户主', '', '家庭人口', '保障金额', ''],
      ['姓名', '身份证号', '', '保障标准', '月保障金'],
      ['张*', '211002198001010011', '3', '700', '1200'],
    ];
    const g = detectHeader(sample, [['姓名'], ['身份证号'], ['家庭人口'], ['保障标准'], ['月保障金']]);
    expect(g).toMatchObject({ start: 2, depth: 2, matched: 5 });
    expect(g!.paths).toEqual(['户主/姓名', '户主/身份证号', '家庭人口', '保障金额/保障标准', '保障金额/月保障金']);
  });
});

describe('units and notes in headers', () => {
  it('matches headers whatever unit note they carry, and reads the unit', async () => {
    const { unitFromHeader } = await import('./headers.js');
    const paths = ['缴费基数(分)', '月保障金（元）', '保障标准（元/人·月）', '建筑面积（平方米）'];
    expect(findColumn(paths, ['缴费基数'])).toBe(0);
    expect(findColumn(paths, ['月保障金'])).toBe(1);
    expect(findColumn(paths, ['保障标准'])).toBe(2);
    expect(findColumn(paths, ['建筑面积'])).toBe(3);
    expect(paths.map(unitFromHeader)).toEqual(['fen', 'yuan', 'yuan', null]);
  });
});
