/** A population-register file (the 'population' channel) for fake persons, with households. */
import type { FakePerson } from './fixtures.js';

export const POPULATION_HEADER = ['户号', '姓名', '公民身份号码', '性别', '出生日期', '与户主关系', '行政区划代码', '住址', '联系电话'];

export function populationRows(persons: FakePerson[], perHousehold = 3): string[][] {
  return persons.map((p, i) => {
    const h = Math.floor(i / perHousehold);
    const head = persons[h * perHousehold];
    return [
      `H${String(h + 1).padStart(6, '0')}`, p.name, p.id, p.sex === 1 ? '男' : '女', p.birth, i % perHousehold === 0 ? '户主' : '家庭成员',
      head.region, `辽阳市测试路${h + 1}号`, `139${String(10000000 + i).slice(-8)}`,
    ];
  });
}
