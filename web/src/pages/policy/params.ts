/** Pure helpers over the parameter tree: what is in force in a year, how to show a value, and overrides. */
import type { Bracket, DatedValue, Override, Parameter, ParamValue, Programme } from './api';

export type Lang = 'zh' | 'en';

/** Dated values in force at some time during the year (2018's income tax has two). */
export function valuesInForce(p: Parameter, year: number): DatedValue[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return p.values.filter((v, i) => v.from <= end && (i + 1 >= p.values.length || p.values[i + 1].from > start));
}

export type ValueKind = 'number' | 'boolean' | 'string' | 'table';

export function kindOf(p: Parameter): ValueKind {
  for (let i = p.values.length - 1; i >= 0; i--) {
    const v = p.values[i].value;
    if (v === null) continue;
    if (Array.isArray(v)) return 'table';
    return typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string';
  }
  return 'number';
}

/** The words a code parameter takes, from its unit "word (a | b)". */
export function wordsOf(p: Parameter): string[] {
  const m = /\(([^)]*\|[^)]*)\)/.exec(p.unit);
  return m ? m[1].split('|').map((w) => w.trim()).filter(Boolean) : [];
}

const num = (x: number, digits = 2) => x.toLocaleString('en-US', { maximumFractionDigits: digits });
const UNIT: Record<string, [string, string]> = {
  'yuan/month': ['元/月', 'yuan/month'],
  'yuan/year': ['元/年', 'yuan/year'],
  yuan: ['元', 'yuan'],
  months: ['个月', 'months'],
  days: ['天', 'days'],
  count: ['次', ''],
};

export function formatBrackets(bs: Bracket[], lang: Lang): string {
  return bs
    .map((b) => {
      const rate = `${num(b.rate * 100)}%`;
      const quick = b.quick ? (lang === 'zh' ? `，速算扣除数 ${num(b.quick)}` : `, quick deduction ${num(b.quick)}`) : '';
      const upTo = b.to === null ? (lang === 'zh' ? '以上' : 'above') : `≤ ${num(b.to)}`;
      return `${upTo}: ${rate}${quick}`;
    })
    .join(lang === 'zh' ? '；' : '; ');
}

export function formatValue(v: ParamValue, unit: string, lang: Lang): string {
  if (v === null) return lang === 'zh' ? '（无此规定）' : '(no rule)';
  if (Array.isArray(v)) return formatBrackets(v, lang);
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  if (typeof v === 'string') return v;
  if (unit === 'rate') return `${num(v * 100, 3)}%`;
  const u = UNIT[unit];
  return u ? `${num(v)} ${u[lang === 'zh' ? 0 : 1]}`.trim() : `${num(v)}${unit && !unit.startsWith('tier') ? ` ${unit}` : ''}`;
}

/** One line saying what an override does. */
export function describeOverride(o: Override, p: Parameter | undefined, lang: Lang): string {
  const unit = p?.unit ?? '';
  if ('scale' in o) {
    const pct = Math.round((o.scale - 1) * 1000) / 10;
    return lang === 'zh' ? `各年度取值 ×${o.scale}（${pct >= 0 ? '+' : ''}${pct}%）` : `every value ×${o.scale} (${pct >= 0 ? '+' : ''}${pct}%)`;
  }
  if ('value' in o) return lang === 'zh' ? `所有年度取 ${formatValue(o.value, unit, lang)}` : `${formatValue(o.value, unit, lang)} at all dates`;
  return o.values
    .map((v) => {
      const value: ParamValue = v.brackets ? v.brackets.map((b) => ({ to: b.to ?? null, rate: b.rate, quick: b.quick ?? 0 })) : (v.value ?? null);
      return lang === 'zh' ? `自 ${v.from} 起 ${formatValue(value, unit, lang)}` : `from ${v.from}: ${formatValue(value, unit, lang)}`;
    })
    .join(lang === 'zh' ? '；' : '; ');
}

export interface TreeNode {
  key: string;
  title: string;
  /** leaves: the parameter */
  parameter?: Parameter;
  children?: TreeNode[];
}

/** Programme → groups (the dotted name) → parameters; labels in the UI language; `filter` keeps matching leaves and their parents. */
export function parameterTree(programmes: Programme[], lang: Lang, filter = ''): TreeNode[] {
  const q = filter.trim().toLowerCase();
  const match = (p: Parameter) => !q || p.name.toLowerCase().includes(q) || p.label.zh.includes(q) || p.label.en.toLowerCase().includes(q);
  const out: TreeNode[] = [];
  for (const prog of programmes) {
    const root: TreeNode = { key: prog.programme, title: prog.label[lang], children: [] };
    for (const p of prog.parameters.filter(match)) {
      const parts = p.name.split('.').slice(1, -1);
      let node = root;
      let key = prog.programme;
      for (const part of parts) {
        key += `.${part}`;
        let child = node.children!.find((c) => c.key === key && !c.parameter);
        if (!child) node.children!.push((child = { key, title: part, children: [] }));
        node = child;
      }
      node.children!.push({ key: p.name, title: p.label[lang], parameter: p });
    }
    if (root.children!.length) out.push(root);
  }
  return out;
}

export function findParameter(programmes: Programme[], name: string): Parameter | undefined {
  for (const prog of programmes) for (const p of prog.parameters) if (p.name === name) return p;
  return undefined;
}
