/**
 * A plausible year of diaries for demo sample households, from the demo city's income model: each
 * month's income items as the household would write them down (wages on the 15th, pensions on the
 * 10th, farm sales by season, taxes and contributions as deductions), spending by the eight NBS
 * categories (food weekly), and the housing questionnaire that carries the imputed rent. Entries are
 * household-month aggregates per item, not every shopping trip: about 15 rows a household-month
 * (food weekly when `detail`, else one line per category a month).
 */
import { computeHousehold, HouseholdYear, ITEM, NI, yearParams, type City } from '../../demo/index.js';
import type { GeneratedEntry } from '../bulk.js';
import { seededRandom } from '../sampling.js';

/** NBS-like consumption shares by category (urban, rural) and each category's items with their shares. */
const CONSUMPTION: { urban: number; rural: number; items: [string, number][] }[] = [
  { urban: 0.29, rural: 0.31, items: [['5101', 0.2], ['5102', 0.35], ['5103', 0.25], ['5104', 0.15], ['5105', 0.05]] },
  { urban: 0.07, rural: 0.06, items: [['5201', 0.8], ['5202', 0.2]] },
  { urban: 0.22, rural: 0.2, items: [['5302', 0.1], ['5303', 0.3], ['5304', 0.45], ['5305', 0.15]] },
  { urban: 0.06, rural: 0.06, items: [['5402', 1]] },
  { urban: 0.13, rural: 0.13, items: [['5501', 0.3], ['5502', 0.4], ['5503', 0.3]] },
  { urban: 0.11, rural: 0.1, items: [['5601', 0.6], ['5602', 0.4]] },
  { urban: 0.09, rural: 0.11, items: [['5701', 0.5], ['5702', 0.5]] },
  { urban: 0.03, rural: 0.03, items: [['5801', 0.6], ['5802', 0.4]] },
];

const day = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;

export interface DemoYear {
  entries: GeneratedEntry[];
  /** Owner-occupied imputed net rent, 元 a month (for the housing questionnaire), by household id. */
  imputedRentYuan: Map<number, number>;
}

/**
 * `households`: sample household id and its demo city household index. Months after `lastMonth`
 * (YYYY-MM) are left empty.
 */
export function demoDiaries(city: City, year: number, households: { id: number; h: number }[], opts: { seed?: number; lastMonth?: string; detail?: boolean } = {}): DemoYear {
  const { seed = 7, lastMonth = `${year}-12`, detail = true } = opts;
  const P = yearParams(city, year);
  const hy = new HouseholdYear();
  const r = seededRandom(seed * 7919 + year);
  const entries: GeneratedEntry[] = [];
  const imputedRentYuan = new Map<number, number>();
  for (const { id, h } of households) {
    computeHousehold(city, h, P, hy);
    const urban = city.households.urban[h] === 1;
    const propensity = (urban ? 0.64 : 0.78) * Math.exp(0.25 * (r() - 0.5));
    let imputed = 0;
    for (let m = 1; m <= 12; m++) {
      const month = `${year}-${String(m).padStart(2, '0')}`;
      const sum = (item: number) => {
        let s = 0;
        for (let k = 0; k < hy.size; k++) s += hy.v[hy.at(k, m) + item];
        return Math.round(s);
      };
      imputed += sum(ITEM.imputedRent);
      if (month > lastMonth) continue;
      const add = (date: string, itemCode: string, fen: number) => {
        if (fen > 0) entries.push({ householdId: id, date, itemCode, amountFen: fen });
      };
      add(day(month, 15), '1101', sum(ITEM.wage));
      const biz = sum(ITEM.business);
      const farm = !urban;
      if (biz >= 0) {
        add(day(month, 18), farm ? '2101' : '2103', Math.round(biz * 1.6));
        add(day(month, 18), farm ? '2201' : '2203', Math.round(biz * 1.6) - biz);
      } else add(day(month, 18), farm ? '2201' : '2203', -biz);
      add(day(month, 21), '3101', sum(ITEM.interest));
      add(day(month, 21), '3102', sum(ITEM.dividends));
      add(day(month, 5), '3103', sum(ITEM.rent));
      add(day(month, 20), '3201', sum(ITEM.propertyExpense));
      add(day(month, 10), '4101', sum(ITEM.pension));
      add(day(month, 10), '4102', sum(ITEM.dibao));
      add(day(month, 12), '4103', sum(ITEM.subsidies));
      add(day(month, 8), '4107', sum(ITEM.otherTransfers));
      add(day(month, 15), '4201', sum(ITEM.iit));
      add(day(month, 15), '4202', sum(ITEM.socialInsurance));
      let disposable = 0;
      for (let k = 0; k < hy.size; k++) {
        const o = hy.at(k, m);
        disposable += hy.v[o] + hy.v[o + 1] + hy.v[o + 2] + hy.v[o + 3] + hy.v[o + 4] - hy.v[o + 6] + hy.v[o + 7] + hy.v[o + 8] + hy.v[o + 9] + hy.v[o + 10] - hy.v[o + 11] - hy.v[o + 12];
      }
      const spend = Math.max(60000 * Math.max(1, hy.members), disposable) * propensity;
      CONSUMPTION.forEach((c, ci) => {
        const total = Math.round(spend * (urban ? c.urban : c.rural) * Math.exp(0.3 * (r() - 0.5)));
        if (ci === 0 && detail) {
          // food written down every week, one line for the week's main item
          [3, 10, 17, 24].forEach((d, w) => add(day(month, d), c.items[w % c.items.length][0], Math.round(total / 4)));
        } else add(day(month, 6 + ((ci * 3) % 20)), c.items[m % c.items.length][0], total);
      });
    }
    if (imputed > 0) imputedRentYuan.set(id, Math.round(imputed / 12) / 100);
  }
  return { entries, imputedRentYuan };
}
