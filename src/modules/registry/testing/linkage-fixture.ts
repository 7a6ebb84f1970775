/**
 * A 低保 roster without ID numbers for linkage tests: rows for persons already in the registry,
 * with the faults clerks make (homophone typos, traditional characters, day and month swapped),
 * and rows for newcomers who are in no other file. The truth (whose row it is) comes back too.
 */
import { rng } from '../random.js';
import type { FakePerson } from './fixtures.js';

export const ROSTER_HEADER = ['户编号', '姓名', '身份证号', '性别', '出生日期', '行政区划代码', '发放年月', '月保障金'];

const HOMOPHONE: Record<string, string> = {
  伟: '玮', 强: '墙', 磊: '垒', 军: '君', 勇: '永', 杰: '洁', 涛: '韬', 斌: '彬', 超: '潮', 明: '铭', 刚: '钢', 平: '萍', 辉: '晖', 鹏: '朋', 华: '桦',
  飞: '非', 芳: '方', 娜: '纳', 敏: '民', 静: '晶', 丽: '莉', 艳: '燕', 娟: '鹃', 霞: '侠', 秀: '修', 玲: '琳', 桂: '贵', 英: '瑛', 红: '虹', 梅: '枚',
  兰: '岚', 凤: '峰', 燕: '艳', 萍: '平', 雪: '学', 琳: '林', 婷: '亭', 颖: '莹', 张: '章', 刘: '柳', 王: '汪', 李: '黎', 杨: '阳', 徐: '许', 陈: '程',
};
const TRAD: Record<string, string> = { 刘: '劉', 张: '張', 陈: '陳', 杨: '楊', 赵: '趙', 黄: '黃', 吴: '吳', 孙: '孫', 马: '馬', 伟: '偉', 华: '華', 丽: '麗', 红: '紅', 凤: '鳳', 飞: '飛' };

export interface RosterRow {
  cells: string[];
  /** the ID number of the person the row really is, or null for a newcomer */
  truth: string | null;
}

export function rosterWithoutIds(known: FakePerson[], newcomers: FakePerson[], seed = 5): RosterRow[] {
  const r = rng(seed);
  const out: RosterRow[] = [];
  const row = (p: FakePerson, truth: string | null, i: number) => {
    let name = p.name;
    let birth = p.birth;
    const x = r();
    if (x < 0.25) {
      // one homophone typo in the given name (or the surname)
      const chars = [...name];
      const k = chars.length > 1 && r() < 0.8 ? 1 + Math.floor(r() * (chars.length - 1)) : 0;
      chars[k] = HOMOPHONE[chars[k]] ?? chars[k];
      name = chars.join('');
    } else if (x < 0.35) name = [...name].map((c) => TRAD[c] ?? c).join('');
    else if (x < 0.42 && Number(birth.slice(8, 10)) <= 12) birth = `${birth.slice(0, 4)}-${birth.slice(8, 10)}-${birth.slice(5, 7)}`;
    out.push({ cells: [`D${String(i + 1).padStart(5, '0')}`, name, '', p.sex === 1 ? '男' : '女', birth, p.region, '2024-03', '700.00'], truth });
  };
  known.forEach((p, i) => row(p, p.id, i));
  newcomers.forEach((p, i) => row(p, null, known.length + i));
  return out;
}
