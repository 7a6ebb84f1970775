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
  return hb;
}
const env = makeEnv();
export const HELPER_NAMES = ['yuan', 'num', 'pct', 'abspct', 'growth', 'status', 'join', 'gt', 'lt', 'eq', 'neq', 'and', 'or', 'not', 'has', 'seq'];

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
      return fn(model, { allowProtoPropertiesByDefault: false, data: { seq: { n: 0 } } });
    } catch (e) {
      throw new AppError(400, 'TEMPLATE_INVALID', explainTemplateError(title, e, source));
    }
  };
}

let fixtureModel: ReportModel | undefined;

/** Check a template before saving: compiles, renders in strict mode against the fixture, not empty, not too long. */
export function validateTemplate(section: ReportSection, source: string): void {
  const title = SECTION_TITLES[section];
  if (source.length > MAX_TEMPLATE_LENGTH) throw new AppError(400, 'TEMPLATE_TOO_LONG', `模板“${title}”过长（不超过 ${MAX_TEMPLATE_LENGTH} 个字符）`);
  fixtureModel ??= buildReportModel(FIXTURE_DASHBOARD);
  const out = compileTemplate(section, source, true)(fixtureModel);
  // the compile above is lazy in Handlebars: force it and then check the result
  if (toParagraphs(out).length === 0) throw new AppError(400, 'TEMPLATE_EMPTY', `模板“${title}”生成的文字为空`);
}

export function renderSection(section: ReportSection, source: string, model: ReportModel): string[] {
  return toParagraphs(compileTemplate(section, source)(model));
}
