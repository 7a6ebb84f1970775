import { cnToInt, halfWidthDigits } from './text.js';
import type { Target } from './types.js';

// Quantity units, longest first so 个百分点 wins over 个 and 万人次 over 万人 and 人.
const UNITS = [
  '个百分点', '万人次', '万平方米', '平方公里', '平方米', '万千瓦', '万亩', '万人', '万户', '万元', '亿元', '万吨',
  '公里', '千米', '公顷', '人次', '户次', '百分点',
  '个', '家', '人', '名', '户', '所', '项', '处', '亩', '座', '条', '台', '套', '间', '元', '倍', '次', '场', '期',
  '批', '吨', '张', '件', '类', '支', '%', '％', '‰',
].sort((a, b) => b.length - a.length);

const NUM = '(\\d+(?:\\.\\d+)?)';
/** Chinese numerals are taken only after a verb of achievement, so 千亩以上 is not read as 1000 亩. */
const VERB = '(?:建成|建设|达到|新增|新建|培育|培训|完成|创建|打造|扶持|实现|增加|提高到|提升到|增长|认定|举办|组织|开展|引进|发展|吸纳|带动|累计|共)';
const CN_NUM = '([一二两三四五六七八九十百千万]{1,6})';
const QTY_RE = new RegExp(`(?<![\\d.〔\\[［第])${NUM}\\s*(${UNITS.map(esc).join('|')})|(?<=${VERB}(?:了|约|近|超过)?)${CN_NUM}(${UNITS.filter((u) => !/^[%％‰]$/.test(u)).map(esc).join('|')})`, 'g');
/**
 * A due year, possibly the end of a range: 2018年, 到2022年, 2018—2020年. A base year (比2010年,
 * 较2015年, 与2017年相比) is not a due year.
 */
const YEAR_RE = /(?<![比较与同])(?:(?:19|20)\d{2}\s*[-—–~～至到]\s*)?((?:19|20)\d{2})\s*年/g;

const CUMULATIVE_RE = /总数|累计|总计|共计|总量|总规模|保有量|存量|总数达到/;
const INCREMENT_RE = /再|新增|新建|新培育|新认定|新发展|增加|年内|当年|全年|每年/;

function esc(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&');
}

/**
 * Dated quantitative targets in a measure's text: a number with a unit of count or measure, and the
 * year it is due (the latest year mentioned before it in the same sentence, else the first one after
 * it). A number with no year in its sentence is not a target (连续3次拒绝 is a rule, not a goal).
 */
export function extractTargets(text: string): Target[] {
  const s = halfWidthDigits(text);
  const out: Target[] = [];
  for (const sentence of sentences(s)) {
    const years: { year: number; index: number }[] = [];
    YEAR_RE.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = YEAR_RE.exec(sentence.text)); ) years.push({ year: Number(m[1]), index: m.index });
    if (years.length === 0) continue;
    QTY_RE.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = QTY_RE.exec(sentence.text)); ) {
      // 千亩 / 百户 / 万人 with no digit are size classes (千亩以上合作社), not counts.
      if (m[3] !== undefined && !/[一二两三四五六七八九十]/.test(m[3])) continue;
      const value = m[1] !== undefined ? Number(m[1]) : cnToInt(m[3]);
      const unit = m[2] ?? m[4];
      if (!Number.isFinite(value)) continue;
      // "2018年" itself and dates (5月22日) never reach here: 年/月/日 are not units.
      const before = years.filter((y) => y.index < m!.index);
      const y = before.length ? before[before.length - 1] : years.find((x) => x.index > m!.index);
      if (!y) continue;
      const from = clauseStart(sentence.text, Math.min(y.index, m.index));
      const to = clauseEnd(sentence.text, Math.max(y.index, m.index + m[0].length));
      const clause = sentence.text.slice(from, to).trim();
      const cumulative = CUMULATIVE_RE.test(clause) || (!INCREMENT_RE.test(clause) && /^(?:到|至)/.test(clause) && /达到/.test(clause));
      out.push({ year: y.year, value, unit: unit === '％' ? '%' : unit, text: text.slice(sentence.start + from, sentence.start + to).trim(), cumulative });
    }
  }
  return out;
}

function sentences(s: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let from = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || '。；;！？!?\n'.includes(s[i])) {
      if (i > from) out.push({ text: s.slice(from, i), start: from });
      from = i + 1;
    }
  }
  return out;
}

const CLAUSE_BREAK = '，,：:';
function clauseStart(s: string, i: number): number {
  let j = i;
  while (j > 0 && !CLAUSE_BREAK.includes(s[j - 1])) j--;
  return j;
}
function clauseEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length && !CLAUSE_BREAK.includes(s[j])) j++;
  return j;
}
