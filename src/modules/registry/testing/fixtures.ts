/**
 * Synthetic people and channel files for registry tests and benchmarks. Every person is invented:
 * names from common characters, ID numbers built with a valid check character, regions of
 * Liaoyang. Deterministic from a seed.
 */
import { makeResidentId } from '../../../shared/resident-id.js';
import { rng } from '../random.js';

export interface FakePerson {
  id: string;
  name: string;
  sex: 1 | 2;
  birth: string;
  region: string;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧';
const GIVEN = '伟强磊军勇杰涛斌超明刚平辉鹏华飞芳娜敏静丽艳娟霞秀玲桂英红梅兰凤燕萍雪琳婷颖';
/** Township-level regions of 白塔区 (211002) and 文圣区 (211003) from the Liaoyang seed. */
export const FIXTURE_REGIONS = ['211002016', '211002017', '211003004', '211003008'];

export { rng };

export function fakePersons(n: number, seed = 7): FakePerson[] {
  const r = rng(seed);
  const out: FakePerson[] = [];
  const used = new Set<string>();
  while (out.length < n) {
    const sex = r() < 0.5 ? 1 : 2;
    const y = 1950 + Math.floor(r() * 50);
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    const birth = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    let seq = 1 + Math.floor(r() * 998);
    if (seq % 2 !== sex % 2) seq = seq === 999 ? 997 : seq + 1;
    const id = makeResidentId(r() < 0.5 ? '211002' : '211003', birth.replace(/-/g, ''), seq);
    if (used.has(id)) continue;
    used.add(id);
    const name = SURNAMES[Math.floor(r() * SURNAMES.length)] + GIVEN[Math.floor(r() * GIVEN.length)] + (r() < 0.6 ? GIVEN[Math.floor(r() * GIVEN.length)] : '');
    out.push({ id, name, sex, birth, region: FIXTURE_REGIONS[Math.floor(r() * FIXTURE_REGIONS.length)] });
  }
  return out;
}

export const TAX_HEADER = ['序号', '纳税人姓名', '证件类型', '证件号码', '所得项目', '税款所属期', '收入额', '已扣缴税额'];

/** Tax withholding rows: one per person and month, wage and tax in 元. */
export function taxRows(persons: FakePerson[], months: string[], seed = 11): string[][] {
  const r = rng(seed);
  const rows: string[][] = [];
  for (const p of persons) {
    const wage = 3000 + Math.floor(r() * 9000);
    for (const m of months) {
      const tax = Math.max(0, (wage - 5000) * 0.03);
      rows.push([String(rows.length + 1), p.name, '居民身份证', p.id, '正常工资薪金', m, wage.toFixed(2), tax.toFixed(2)]);
    }
  }
  return rows;
}

export function toCsv(header: string[], rows: string[][]): string {
  const esc = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [header, ...rows].map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
}

/** An impact assessment (PIPL art. 55) good for tests: a channel may import once it is filed. */
export const TEST_PIA = {
  purpose: '测试', legalBasis: '《个人信息保护法》第十三条', dataItems: '身份证号、姓名、收入', risks: '泄露', measures: '加密、脱敏、审计',
  riskLevel: 'medium' as const, assessor: '测试组', assessedOn: '2024-01-01', validUntil: '2030-12-31',
};
export const TEST_ACTOR = { userId: null, username: 'tester', ip: null };
