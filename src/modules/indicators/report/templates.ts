/**
 * Narrative templates of the monitoring report: Handlebars (plain-text output, no HTML escaping) over the
 * ReportModel, with a few helpers that format through the shared indicator formatter. Shipped defaults live
 * in ./templates/*.hbs; analysts' edits are stored in the database (report-templates.repository.ts).
 * A template is checked before it is saved: it must compile, and render in strict mode against the fixture
 * dashboard, so a misspelt field or helper is refused with a Chinese message naming it and its line.
 */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { formatNumber, formatPercent, formatWithUnit, growthWords, TARGET_STATUS_ZH } from '../../../shared/indicators-format.js';
import { AppError } from '../../app-error.js';
import { FIXTURE_DASHBOARD } from './fixtures.js';
import { buildReportModel, type ReportModel } from './model.js';

export const REPORT_SECTIONS = ['overview', 'analysis', 'problems', 'suggestions'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const SECTION_TITLES: Record<ReportSection, string> = {
  overview: '一、总体情况',
  analysis: '二、分项分析',
  problems: '三、存在问题',
  suggestions: '四、下一步建议',
};

export const MAX_TEMPLATE_LENGTH = 20_000;

const defaults = new Map<ReportSection, string>();
export function defaultTemplate(section: ReportSection): string {
  let t = defaults.get(section);
  if (t === undefined) {
    t = readFileSync(new URL(`./templates/${section}.hbs`, import.meta.url), 'utf8');
    defaults.set(section, t);
  }
  return t;
}

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** The helper set, documented for analysts in the template drawer. */
function makeEnv(): typeof Handlebars {
  const hb = Handlebars.create();
  const h = (name: string, fn: (...args: unknown[]) => unknown) => hb.registerHelper(name, (...args: unknown[]) => fn(...args.slice(0, -1)));
  h('yuan', (x) => formatWithUnit(num(x), { unit: '元', decimals: 0 }));
  h('num', (x, d) => formatNumber(num(x), typeof d === 'number' ? d : 0));
  h('pct', (x, d) => formatPercent(num(x), typeof d === 'number' ? d : 1));
  h('abspct', (x, d) => formatPercent(num(x) === null ? null : Math.abs(num(x)!), typeof d === 'number' ? d : 1));
  h('growth', (x) => growthWords(num(x)));
  h('status', (s) => TARGET_STATUS_ZH[String(s)] ?? String(s));
  h('join', (list, field, sep) => (Array.isArray(list) ? list.map((x) => (typeof field === 'string' && x && typeof x === 'object' ? (x as Record<string, unknown>)[field] : x)).join(typeof sep === 'string' ? sep : '、') : ''));
  h('gt', (a, b) => num(a) !== null && num(b) !== null && num(a)! > num(b)!);
  h('lt', (a, b) => num(a) !== null && num(b) !== null && num(a)! < num(b)!);
  h('eq', (a, b) => a === b);
  h('neq', (a, b) => a !== b);
  h('and', (...xs) => xs.every(Boolean));
  h('or', (...xs) => xs.some(Boolean));
  h('not', (x) => !x);
  h('has', (x) => x !== null && x !== undefined && x !== '—');
  // {{seq}}: 一是, 二是, … numbered within one section as written (a skipped point leaves no gap)
  hb.registerHelper('seq', (options: { data?: { seq?: { n: number } } }) => {
    const c = options.data?.seq ?? { n: 0 };
    const n = c.n++;
    return `${'一二三四五六七八九十'[n] ?? n + 1}是`;
  });
  // {{sub}}: （一）, （二）, … sub-headings numbered the same way
  hb.registerHelper('sub', (options: { data?: { sub?: { n: number } } }) => {
    const c = options.data?.sub ?? { n: 0 };
    const n = c.n++;
    return `（${'一二三四五六七八九十'[n] ?? n + 1}）`;
  });
  return hb;
}
const env = makeEnv();
export const HELPER_NAMES = ['yuan', 'num', 'pct', 'abspct', 'growth', 'status', 'join', 'gt', 'lt', 'eq', 'neq', 'and', 'or', 'not', 'has', 'seq', 'sub'];

/** Template output → paragraphs: blank lines separate paragraphs, line breaks inside one are dropped. */
export function toParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.split('\n').map((l) => l.trim()).join(''))
    .filter((p) => p.length > 0);
}

/** Handlebars' English error → a Chinese message that names the problem. */
export function explainTemplateError(title: string, e: unknown, source = ''): string {
  const msg = (e as Error)?.message ?? String(e);
  const line = /on line (\d+)/.exec(msg)?.[1] ?? /- (\d+):\d+/.exec(msg)?.[1];
  // strict-mode lookups carry the position of the expression: quote it whole ("headline.urbn.text")
  const ln = (e as { lineNumber?: number }).lineNumber;
  const col = (e as { column?: number }).column;
  const expr = ln && col !== undefined ? /^[^\s}()]+/.exec(source.split('\n')[ln - 1]?.slice(col) ?? '')?.[0] : undefined;
  const at = line ? `第${line}行` : '';
  let what: string;
  let m: RegExpExecArray | null;
  if ((m = /Missing helper: "([^"]+)"/.exec(msg))) what = `未知的函数“${m[1]}”（可用：${HELPER_NAMES.join('、')}）`;
  else if ((m = /"([^"]+)" not defined in/.exec(msg))) what = `未知的数据字段或函数“${expr && expr.includes(m[1]!) ? expr : m[1]}”`;
  else if ((m = /(\S+) doesn't match (\S+)/.exec(msg))) what = `块标记不匹配：“{{#${m[1]}}}”与“{{/${m[2]}}}”`;
  else if (/Expecting .* got 'EOF'/.test(msg)) what = '模板意外结束，可能缺少“}}”或块结束标记“{{/…}}”';
  else if ((m = /Expecting (.*), got '([^']+)'/.exec(msg))) what = `语法错误：此处不应出现 ${m[2]}`;
  else if (/Parse error/.test(msg)) what = '语法错误';
  else what = `无法生成文字（${msg.split('\n')[0]}）`;
  return `模板“${title}”${at ? at : ''}有误：${what}`;
}

export type Compiled = (model: ReportModel) => string;

export function compileTemplate(section: ReportSection, source: string, strict = false): Compiled {
  const title = SECTION_TITLES[section];
  let fn: HandlebarsTemplateDelegate;
  try {
    fn = env.compile(source, { noEscape: true, strict, knownHelpersOnly: false });
  } catch (e) {
    throw new AppError(400, 'TEMPLATE_INVALID', explainTemplateError(title, e, source));
  }
  return (model) => {
    try {
      return fn(model, { allowProtoPropertiesByDefault: false, data: { seq: { n: 0 }, sub: { n: 0 } } });
    } catch (e) {
      throw new AppError(400, 'TEMPLATE_INVALID', explainTemplateError(title, e, source));
    }
  };
}

let fixtureModel: ReportModel | undefined;

type Node = { type: string; loc?: { start: { line: number } } } & Record<string, unknown>;
const BUILTIN_BLOCKS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);

/**
 * Strict mode misses fields used only as helper arguments ({{#if (has headline.urbn.value)}} is just false),
 * so the parsed template is walked too: every path is resolved against the fixture model, with the
 * context #each and #with open (an array's first element stands for its items).
 */
function checkPaths(section: ReportSection, source: string, model: ReportModel): void {
  let ast: Node;
  try {
    ast = Handlebars.parse(source) as unknown as Node;
  } catch {
    return; // syntax errors are reported by the compile step
  }
  const title = SECTION_TITLES[section];
  const fail = (n: Node, path: string): never => {
    throw new AppError(400, 'TEMPLATE_INVALID', `模板“${title}”第${n.loc?.start.line ?? 1}行有误：未知的数据字段或函数“${path}”`);
  };
  const resolve = (n: Node, stack: unknown[]): { ok: boolean; value: unknown } => {
    if (n.type !== 'PathExpression') return { ok: true, value: undefined };
    if (n.data) return { ok: true, value: undefined }; // @index, @first, @root …
    const depth = (n.depth as number) ?? 0;
    let cur: unknown = stack[stack.length - 1 - depth];
    for (const part of n.parts as string[]) {
      if (cur === undefined) return { ok: true, value: undefined }; // context not known here
      if (cur === null || typeof cur !== 'object') return { ok: true, value: undefined };
      if (!(part in (cur as object))) return { ok: false, value: undefined };
      cur = (cur as Record<string, unknown>)[part];
    }
    return { ok: true, value: cur };
  };
  const expr = (n: Node | undefined, stack: unknown[]): void => {
    if (!n) return;
    if (n.type === 'SubExpression') return call(n, stack);
    if (n.type === 'PathExpression' && !resolve(n, stack).ok) fail(n, n.original as string);
  };
  const call = (n: Node, stack: unknown[]): void => {
    const path = n.path as Node;
    const params = (n.params as Node[]) ?? [];
    const name = path.type === 'PathExpression' ? (path.original as string) : '';
    const isHelper = HELPER_NAMES.includes(name) || BUILTIN_BLOCKS.has(name);
    if (!isHelper) expr(path, stack);
    for (const p of params) expr(p, stack);
    for (const pair of ((n.hash as Node | undefined)?.pairs as Node[] | undefined) ?? []) expr(pair.value as Node, stack);
  };
  const walk = (n: Node | undefined, stack: unknown[]): void => {
    if (!n) return;
    if (n.type === 'Program') return void (n.body as Node[]).forEach((b) => walk(b, stack));
    if (n.type === 'MustacheStatement') return call(n, stack);
    if (n.type === 'BlockStatement') {
      call(n, stack);
      const name = ((n.path as Node).original as string) ?? '';
      const arg = (n.params as Node[])[0];
      let inner: unknown[] = stack;
      if (name === 'each' || name === 'with') {
        const v = arg ? resolve(arg, stack).value : undefined;
        const ctx = name === 'each' ? (Array.isArray(v) ? v[0] : undefined) : v;
        inner = [...stack, ctx];
      }
      walk(n.program as Node, inner);
      walk(n.inverse as Node, stack);
    }
  };
  walk(ast, [model]);
}

/** Check a template before saving: compiles, renders in strict mode against the fixture, not empty, not too long. */
export function validateTemplate(section: ReportSection, source: string): void {
  const title = SECTION_TITLES[section];
  if (source.length > MAX_TEMPLATE_LENGTH) throw new AppError(400, 'TEMPLATE_TOO_LONG', `模板“${title}”过长（不超过 ${MAX_TEMPLATE_LENGTH} 个字符）`);
  fixtureModel ??= buildReportModel(FIXTURE_DASHBOARD);
  checkPaths(section, source, fixtureModel);
  const out = compileTemplate(section, source, true)(fixtureModel);
  // the compile above is lazy in Handlebars: force it and then check the result
  if (toParagraphs(out).length === 0) throw new AppError(400, 'TEMPLATE_EMPTY', `模板“${title}”生成的文字为空`);
}

export function renderSection(section: ReportSection, source: string, model: ReportModel): string[] {
  return toParagraphs(compileTemplate(section, source)(model));
}
