import { describe, expect, it } from 'vitest';
import { makeResidentId, residentIdCheckChar } from '../../shared/resident-id.js';
import { maskCell, parseRoster } from './rosters.js';

const rows = (cells: string[][]) => cells.map((c, i) => ({ no: i + 1, cells: c }));
const A = makeResidentId('211002', '19800101', 11);
const B = makeResidentId('211021', '19750615', 22);
const C = makeResidentId('211081', '19920203', 35);

describe('key-group roster', () => {
  it('finds the ID column by its header under a title row, normalises numbers and counts repeats', () => {
    const fullWidth = A.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const r = parseRoster(rows([['2024年技能人才名单'], ['序号', '姓名', '公民身份号码', '证书等级'], ['1', '测试甲', fullWidth, '三级'], ['2', '测试乙', ` ${B} `, '二级'], ['3', '测试甲', A, '三级'], ['', '', '', '']]))!;
    expect(r.header).toBe('公民身份号码');
    expect(r.column).toBe(2);
    expect(r.ids).toEqual([A, B]);
    expect(r.duplicates).toBe(1);
    expect(r.rejects).toEqual([]);
  });

  it('rejects bad numbers with the row and a Chinese reason, masked', () => {
    const badCheck = A.slice(0, 17) + (A[17] === '0' ? '1' : '0');
    const r = parseRoster(rows([['身份证号'], [badCheck], ['12345'], [C], ['']]))!;
    expect(r.ids).toEqual([C]);
    expect(r.rejects).toEqual([
      { row: 2, value: maskCell(badCheck), reason: '身份证号校验位错误' },
      { row: 3, value: '*****', reason: '身份证号位数或字符不对' },
    ]);
    expect(r.rejects[0]!.value).not.toContain(badCheck.slice(6, 14));
  });

  it('upgrades a 15-digit number and finds a header-less column by its contents', () => {
    // 15-digit form of C: drop the century and the check character (born 1992, so the upgrade restores "19")
    const legacy = C.slice(0, 6) + C.slice(8, 17);
    expect(residentIdCheckChar(C.slice(0, 17))).toBe(C[17]);
    const r = parseRoster(rows([['测试丙', legacy], ['测试甲', A]]))!;
    expect(r.header).toBeNull();
    expect(r.column).toBe(1);
    expect(r.ids).toEqual([C, A]);
  });

  it('gives up on a sheet without ID numbers', () => {
    expect(parseRoster(rows([['姓名', '单位'], ['测试甲', '辽阳市某单位']]))).toBeNull();
  });
});
