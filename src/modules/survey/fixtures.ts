/**
 * A small synthetic frame for tests and browser tests: two counties of Liaoyang, urban communities
 * and rural villages, listed households of recognisably synthetic people (测试户…).
 */
import type { SampleSource } from './sample.service.js';
import { seededRandom, type FrameUnit } from './sampling.js';

export function testSource(seed = 1): SampleSource {
  const r = seededRandom(seed);
  const frame: FrameUnit[] = [];
  const add = (township: string, county: string, k: number, ur: string, name: string) =>
    frame.push({ code: `${township}${String(k).padStart(3, '0')}`, name, countyCode: county, townshipCode: township, urbanRuralCode: ur, size: 20 + Math.floor(r() * 30) });
  for (let k = 1; k <= 6; k++) add('211002016', '211002', k, '111', `测试${k}社区`);
  for (let k = 1; k <= 4; k++) add('211021101', '211021', k, '121', `测试镇${k}社区`);
  for (let k = 1; k <= 6; k++) add('211021101', '211021', 200 + k, '220', `测试${k}村`);
  const listing = (i: number) => {
    const u = frame[i];
    const rr = seededRandom(seed * 1000 + i);
    return Array.from({ length: u.size }, (_, j) => {
      const size = 1 + Math.floor(rr() * 4);
      return {
        ref: `${u.code}/${j + 1}`,
        headName: `测试户${u.code.slice(-3)}-${j + 1}`,
        address: `${u.name}${j + 1}号（测试地址）`,
        members: Array.from({ length: size }, (_, m) => ({
          name: `测试${m === 0 ? '户主' : `成员${m}`}`,
          sex: (m % 2 ? '2' : '1') as '1' | '2',
          birthYear: m === 0 ? 1965 + Math.floor(rr() * 20) : 1990 + Math.floor(rr() * 25),
          relation: m === 0 ? '户主' : m === 1 ? '配偶' : '子女',
        })),
      };
    });
  };
  return { frame, listing };
}
