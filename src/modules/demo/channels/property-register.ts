/**
 * The real-estate registry's property list (不动产登记信息) at the end of the year: one row per
 * registered dwelling and owner (jointly owned homes list both spouses), UTF-8 CSV with BOM as
 * exported for Excel, values in 元. Old certificates carry 15-digit IDs; some owners lack an ID
 * (link by name and address).
 */
import { dwellingValue, housePriceIndex, mortgageOutstanding } from '../property.js';
import { RELATION } from '../params-population.js';
import { dwellingAddress, propertyCertificate, propertyUnitNumber, SYNTHETIC_MARKER_ZH } from '../render.js';
import { hashU01 } from '../rng.js';
import type { City } from '../types.js';
import { CHANNEL_FAULT_RATES, RowFaulter, yuan, type ChannelSpec } from './common.js';

export const PROPERTY_COLUMNS = [
  '不动产权证号', '不动产单元号', '权利人', '证件种类', '证件号码', '共有情况', '坐落', '规划用途', '建筑面积（平方米）', '登记日期',
  '评估价值（元）', '抵押状态', '备注',
];
const USE_LABEL = ['', '住宅', '住宅', '住宅'];

export function propertyRegisterChannel(city: City, year: number): ChannelSpec {
  const rates = CHANNEL_FAULT_RATES.property;
  return {
    key: 'property',
    file: `channels/property-register-${year}.csv`,
    format: 'csv',
    encoding: 'UTF-8 with BOM',
    amountUnit: '元',
    description: '不动产登记中心 不动产登记信息 (registered dwellings at year end; one row per owner)',
    columns: PROPERTY_COLUMNS,
    rates,
    *rows(tally) {
      const f = new RowFaulter(city, 'property', rates, tally);
      const d = city.dwellings;
      const hh = city.households;
      const ps = city.persons;
      const vu = city.geography.villages.urban;
      for (let i = 0; i < d.count; i++) {
        if (!d.registered[i] || d.acquired[i] > year) continue;
        const h = d.household[i];
        if (hh.leftYear[h] !== 0 && hh.leftYear[h] <= year) continue;
        const owner = d.owner[i];
        const head = hh.first[h];
        const spouse = hh.size[h] > 1 && ps.relation[head + 1] === RELATION.spouse ? head + 1 : -1;
        const partner = owner === head ? spouse : owner === spouse ? head : -1;
        const joint = partner >= 0 && ps.birth[partner] <= (d.acquired[i] - 18) * 10000 + 1231;
        const value = Math.round(dwellingValue(d, i, year, housePriceIndex(vu[d.village[i]] === 1, year)) * 100);
        const date = `${d.acquired[i]}-${String(1 + Math.floor(hashU01(city.seed, i, 0xd7) * 12)).padStart(2, '0')}-${String(1 + Math.floor(hashU01(city.seed, i, 0xd8) * 28)).padStart(2, '0')}`;
        const mortgaged = mortgageOutstanding(d, i, year) > 0 ? '抵押' : '';
        for (const p of joint ? [owner, partner] : [owner]) {
          yield* f.emit(p, 0, 4, 2, (idt) => [
            propertyCertificate(city, i), propertyUnitNumber(city, i), idt.name, '居民身份证', idt.id, joint ? '共同共有' : '单独所有',
            dwellingAddress(city, i), USE_LABEL[d.use[i]], d.area[i].toFixed(2), date, yuan(value), mortgaged, SYNTHETIC_MARKER_ZH,
          ]);
        }
      }
    },
  };
}
