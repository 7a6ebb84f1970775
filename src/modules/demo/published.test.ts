import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PUBLISHED, nationalQuintileRatios } from './published.js';

const csv = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'data/published-statistics.csv'), 'utf8');
const rows = csv
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','));
const find = (geo: string, indicator: string, year: number) =>
  rows.find((r) => r[0] === geo && r[1] === indicator && Number(r[2]) === year)?.[3];

describe('PUBLISHED agrees with data/published-statistics.csv', () => {
  it('incomes', () => {
    expect(Number(find('辽阳市', '城镇常住居民人均可支配收入', 2018))).toBe(PUBLISHED.disposableIncome.urban[2018]);
    expect(Number(find('辽阳市', '农村常住居民人均可支配收入', 2018))).toBe(PUBLISHED.disposableIncome.rural[2018]);
    expect(Number(find('辽阳市', '城镇常住居民人均可支配收入', 2023))).toBe(PUBLISHED.disposableIncome.urban[2023]);
    expect(Number(find('辽阳市', '农村常住居民人均可支配收入', 2023))).toBe(PUBLISHED.disposableIncome.rural[2023]);
    expect(Number(find('辽阳市', '居民人均可支配收入', 2023))).toBe(PUBLISHED.disposableIncome.all[2023]);
  });
  it('population, poverty and 低保', () => {
    expect(Number(find('辽阳市', '常住人口(第七次全国人口普查)', 2020))).toBe(PUBLISHED.population2020);
    expect(Number(find('辽阳市', '农村贫困人口(2010年不变价2300元标准)', 2018))).toBe(PUBLISHED.ruralPoor2018);
    expect(Number(find('辽阳市', '最低生活保障人数', 2018))).toBe(PUBLISHED.dibao2018.total);
    expect(PUBLISHED.dibao2018.urban + PUBLISHED.dibao2018.rural).toBe(PUBLISHED.dibao2018.total);
    expect(Number(find('辽阳市', '城镇化率(常住人口)', 2018))).toBe(PUBLISHED.urbanisation2018);
  });
  it('national quintiles and county GDP', () => {
    for (const y of [2015, 2018, 2023]) {
      const v = find('全国', '居民人均可支配收入五等份(低|中下|中|中上|高)', y)!.split('|').map(Number);
      expect(v).toEqual(PUBLISHED.nationalQuintiles[y]);
    }
    for (const r of rows.filter((r) => r[1] === '地区生产总值' && r[0] !== '辽阳市')) {
      expect(Object.values(PUBLISHED.countyGdp2023)).toContain(Number(r[3]));
    }
  });
  it('quintile ratios are group means over the published national mean', () => {
    const r = nationalQuintileRatios(2018);
    expect(r[0]).toBeCloseTo(6440 / 28228, 12);
    expect(r[4] / r[0]).toBeCloseTo(70640 / 6440, 10);
    expect(Number(find('全国', '居民人均可支配收入五等份(低|中下|中|中上|高)', 2018) && /mean 28228/.test(csv))).toBe(1);
  });
});
