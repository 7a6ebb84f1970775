import { describe, expect, it } from 'vitest';
import { computeHousehold, generateCity, HouseholdYear, ITEM, NI, yearParams } from '../../demo/index.js';
import { CLASSIFICATIONS } from '../classification.js';
import { demoDiaries } from './diaries.js';
import { demoPopulation, demoSource } from './source.js';

const city = generateCity({ scale: 0.01 });
const items = new Map(CLASSIFICATIONS[0].items.map((i) => [i.code, i]));

describe('demo diaries from the demo city', () => {
  it('write down each household’s monthly income exactly as the income model has it (imputed rent aside)', () => {
    const hs = [0, 5, 17, 101, 333, 1200].map((h, i) => ({ id: i + 1, h }));
    const d = demoDiaries(city, 2024, hs);
    const P = yearParams(city, 2024);
    const hy = new HouseholdYear();
    for (const { id, h } of hs) {
      computeHousehold(city, h, P, hy);
      for (const m of [1, 7, 12]) {
        const month = `2024-${String(m).padStart(2, '0')}`;
        let model = 0;
        for (let k = 0; k < hy.size; k++) {
          const o = hy.at(k, m);
          for (let i = 0; i < NI; i++) if (i !== ITEM.imputedRent) model += (i === ITEM.propertyExpense || i === ITEM.iit || i === ITEM.socialInsurance ? -1 : 1) * hy.v[o + i];
        }
        let diary = 0;
        for (const e of d.entries) if (e.householdId === id && e.date.startsWith(month)) diary += items.get(e.itemCode)!.sign * e.amountFen;
        expect(Math.abs(diary - Math.round(model)), `household ${h} ${month}`).toBeLessThanOrEqual(12);
      }
    }
    expect(d.entries.every((e) => e.amountFen > 0 && items.has(e.itemCode))).toBe(true);
  });

  it('frames every village with its resident households and lists them with members', () => {
    const src = demoSource(city, 2023);
    expect(src.frame).toHaveLength(city.geography.villages.count);
    const total = src.frame.reduce((a, u) => a + u.size, 0);
    const pop = demoPopulation(city, 2023);
    expect(pop.reduce((a, p) => a + p.households, 0)).toBeCloseTo(total / city.scale, -2);
    const big = src.frame.findIndex((u) => u.size > 5);
    const l = src.listing(big);
    expect(l).toHaveLength(src.frame[big].size);
    expect(l[0].headName).toContain('合成演示数据');
    expect(l.every((x) => x.members.length > 0)).toBe(true);
  });
});
