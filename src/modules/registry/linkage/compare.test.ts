import { describe, expect, it } from 'vitest';
import { compare, type LinkRecord } from './compare.js';

const rec = (name: string | null, birthDate: string | null, sex: number | null = 1, regionCode: string | null = '211002016'): LinkRecord => ({ id: 1, name, birthDate, sex, regionCode });

describe('field comparison levels', () => {
  it('tells exact, homophone and different names apart', () => {
    expect(compare(rec('张伟', null), rec('张伟', null))).toMatchObject({ surname: 2, given: 3 });
    expect(compare(rec('张伟', null), rec('章玮', null))).toMatchObject({ surname: 1, given: 2 });
    expect(compare(rec('张伟', null), rec('李强', null))).toMatchObject({ surname: 0, given: 0 });
    // one character of a two-character given name changed, or dropped
    expect(compare(rec('王建国', null), rec('王建军', null)).given).toBe(1);
    expect(compare(rec('王建国', null), rec('王国', null)).given).toBe(1);
  });

  it('tells exact, near and different birth dates apart', () => {
    expect(compare(rec(null, '1980-03-04'), rec(null, '1980-03-04')).birth).toBe(2);
    expect(compare(rec(null, '1980-03-04'), rec(null, '1980-04-03')).birth).toBe(1); // day and month swapped
    expect(compare(rec(null, '1980-03-04'), rec(null, '1980-03-14')).birth).toBe(1);
    expect(compare(rec(null, '1980-03-04'), rec(null, '1981-03-04')).birth).toBe(1);
    expect(compare(rec(null, '1980-03-04'), rec(null, '1990-03-04')).birth).toBe(1);
    expect(compare(rec(null, '1980-03-04'), rec(null, '1975-07-04')).birth).toBe(0);
  });

  it('gives no evidence for missing values, and compares places by township and county', () => {
    const l = compare(rec(null, null, null, '211000'), rec('张伟', '1980-01-01', 2, '211002016'));
    expect(l).toEqual({ surname: null, given: null, birth: null, sex: null, place: null, address: null });
    expect(compare(rec('a', null, 1, '211002016001'), rec('a', null, 1, '211002016')).place).toBe(2);
    expect(compare(rec('a', null, 1, '211002016'), rec('a', null, 1, '211002017')).place).toBe(1);
    expect(compare(rec('a', null, 1, '211002016'), rec('a', null, 1, '211003004')).place).toBe(0);
  });

  it('compares addresses exactly, then by building or village group', () => {
    const at = (address: string) => ({ ...rec('张伟', null), address });
    expect(compare(at('辽宁省辽阳市白塔区文圣街道银河社区北京路64号12单元1204室'), at('辽阳市白塔区文圣街道银河社区北京路64号12单元1204室')).address).toBe(2);
    expect(compare(at('辽宁省辽阳市白塔区文圣街道银河社区北京路64号12单元1204室'), at('辽宁省辽阳市白塔区文圣街道银河社区北京路64号3单元301室')).address).toBe(1);
    expect(compare(at('辽宁省辽阳市白塔区文圣街道银河社区北京路64号12单元1204室'), at('辽宁省辽阳市文圣区东京陵街道新华社区民主路8号1单元101室')).address).toBe(0);
  });
});
