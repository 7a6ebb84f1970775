import { readClauses, type NodeClauses } from './clauses.js';
import { isIssuerLine, parseDateLine, readHeader, findDocNumber } from './metadata.js';
import { buildOutline, type OutlineNode } from './outline.js';
import { extractTargets } from './targets.js';
import { depthMap } from './brackets.js';
import type { Measure, ParsedPlan, ParseWarning, SectionNode } from './types.js';

/**
 * Parses the text of a Chinese government work plan (工作方案 / 实施意见 / 行动计划 …) into its
 * metadata, section tree and measures. Pure and synchronous; never throws on odd input: whatever it
 * cannot read is reported in `warnings` (a plan with no measures has a NO_MEASURES warning; see
 * `requireMeasures`).
 */
export function parsePlan(text: string): ParsedPlan {
  const outline = buildOutline(text);
  const facts = readHeader(outline.header, outline.trailer);
  const warnings: ParseWarning[] = [];

  const abbreviations = definedAbbreviations(text);
  const clauses = new Map<OutlineNode, NodeClauses>();
  const titles = new Map<OutlineNode, string>();
  for (const n of outline.nodes) {
    const c = readClauses(n.paras, abbreviations);
    clauses.set(n, c);
    titles.set(n, titleOf(c.paras.map((p) => p.text)));
  }

  // Measures: items that name units; plus, among such items, siblings that name none (reported).
  const isMeasure = new Set<OutlineNode>(outline.nodes.filter((n) => clauses.get(n)!.found));
  const hasMeasureBelow = (n: OutlineNode): boolean => n.children.some((c) => isMeasure.has(c) || hasMeasureBelow(c));
  const unitless = new Set<OutlineNode>();
  for (const n of outline.nodes) {
    if (isMeasure.has(n) || hasMeasureBelow(n)) continue;
    const siblings = n.parent ? n.parent.children : outline.roots;
    if (siblings.some((s) => s !== n && clauses.get(s)!.found)) unitless.add(n);
  }
  for (const n of unitless) isMeasure.add(n);

  const measures: Measure[] = [];
  const measureIndex = new Map<OutlineNode, number>();
  for (const n of outline.nodes) {
    if (!isMeasure.has(n)) continue;
    const index = measures.length + 1;
    measureIndex.set(n, index);
    const c = clauses.get(n)!;
    const m = buildMeasure(n, c, index, isMeasure, clauses, titles);
    measures.push(m);
    for (const w of c.warnings) warnings.push({ ...w, measure: index });
    if (unitless.has(n)) {
      warnings.push({ line: n.line, code: 'MEASURE_WITHOUT_UNITS', message: `措施“${m.ref} ${m.title}”未写明牵头、配合或责任单位`, measure: index });
    }
    dedupeUnits(m, warnings);
  }
  for (const n of outline.nodes) {
    if (!isMeasure.has(n)) for (const w of clauses.get(n)!.warnings) warnings.push(w);
  }

  checkNumbering(outline.roots, warnings);
  if (measures.length === 0) {
    warnings.push({ line: 1, code: 'NO_MEASURES', message: '未识别到任何措施：没有找到写明牵头单位、配合单位或责任单位的编号条目' });
  }
  if (!facts.title) warnings.push({ line: 1, code: 'NO_TITLE', message: '未识别到文件标题' });
  if (!facts.docNumber) warnings.push({ line: 1, code: 'NO_DOC_NUMBER', message: '未识别到发文字号（如 辽市政发〔2018〕15号）' });
  if (!facts.issuer) warnings.push({ line: 1, code: 'NO_ISSUER', message: '未识别到发文机关' });
  if (!facts.date) warnings.push({ line: 1, code: 'NO_DATE', message: '未识别到成文日期' });
  warnings.sort((a, b) => a.line - b.line);

  return {
    title: facts.title,
    noticeTitle: facts.noticeTitle,
    docNumber: facts.docNumber,
    issuer: facts.issuer,
    date: facts.date,
    preamble: preamble(outline.header, facts.titleLine),
    sections: outline.roots.map((r) => toSection(r, titles, measureIndex)),
    measures,
    warnings,
  };
}

function buildMeasure(
  n: OutlineNode,
  c: NodeClauses,
  index: number,
  isMeasure: Set<OutlineNode>,
  clauses: Map<OutlineNode, NodeClauses>,
  titles: Map<OutlineNode, string>,
): Measure {
  const chain: OutlineNode[] = [];
  for (let a: OutlineNode | null = n; a; a = a.parent) chain.unshift(a);
  const paras = c.paras.map((p) => p.text);
  let endLine = n.line;
  for (const p of n.paras) endLine = Math.max(endLine, p.line); // raw paragraphs: label lines count too
  // Sub-points that are not measures themselves belong to this measure's text.
  const addBelow = (x: OutlineNode) => {
    for (const ch of x.children) {
      if (isMeasure.has(ch)) continue;
      const cc = clauses.get(ch)!;
      const own = cc.paras.map((p) => p.text);
      if (own.length && cc.paras[0].line === ch.line) own[0] = ch.raw.slice(0, ch.heading.prefixLength) + own[0];
      else own.unshift(ch.raw);
      paras.push(...own);
      endLine = Math.max(endLine, ch.endLine);
      addBelow(ch);
    }
  };
  addBelow(n);
  const text = paras.join('\n');
  const path = chain.map((a) => a.heading.number);
  return {
    index,
    number: n.heading.number,
    path,
    pathTitles: chain.map((a) => titles.get(a)!),
    ref: path.join(''),
    title: titles.get(n)!,
    text,
    lead: c.lead,
    cooperating: c.cooperating,
    responsible: c.responsible,
    etc: c.etc,
    deadline: c.deadline,
    line: n.line,
    endLine,
    targets: extractTargets(text),
  };
}

/** First sentence of the first paragraph, without its full stop or a trailing colon. */
export function titleOf(paras: string[]): string {
  const first = paras[0] ?? '';
  const depth = depthMap(first);
  let end = first.length;
  for (let i = 0; i < first.length; i++) {
    if (depth[i] === 0 && '。！？!?'.includes(first[i])) {
      end = i;
      break;
    }
  }
  return first.slice(0, end).replace(/[\s\u3000：:；;，,。]+$/, '');
}

function dedupeUnits(m: Measure, warnings: ParseWarning[]) {
  const seen = new Map<string, string>();
  for (const role of ['lead', 'cooperating', 'responsible'] as const) {
    const kept: string[] = [];
    for (const u of m[role]) {
      const key = u.replace(/[\s\u3000]+/g, '').replace(/（/g, '(').replace(/）/g, ')');
      const prior = seen.get(key);
      if (prior === role) {
        warnings.push({ line: m.line, code: 'DUPLICATE_UNIT', message: `“${u}”在同一单位列表中重复出现，已去重`, measure: m.index });
        continue;
      }
      if (prior) warnings.push({ line: m.line, code: 'DUPLICATE_UNIT', message: `“${u}”同时列为${ROLE_CN[prior]}和${ROLE_CN[role]}`, measure: m.index });
      else seen.set(key, role);
      kept.push(u);
    }
    m[role] = kept;
  }
}
const ROLE_CN: Record<string, string> = { lead: '牵头单位', cooperating: '配合单位', responsible: '责任单位' };

function checkNumbering(nodes: OutlineNode[], warnings: ParseWarning[]) {
  const last = new Map<string, number>();
  for (const n of nodes) {
    const prev = last.get(n.heading.style) ?? 0;
    if (n.heading.value !== prev + 1) {
      warnings.push({
        line: n.line,
        code: 'NUMBERING_GAP',
        message: prev === 0 ? `编号“${n.heading.number}”不是从头开始，可能缺少前面的条目` : `编号不连续：“${n.heading.number}”前一项的编号是 ${prev}，可能漏掉了条目`,
      });
    }
    last.set(n.heading.style, n.heading.value);
    checkNumbering(n.children, warnings);
  }
}

function toSection(n: OutlineNode, titles: Map<OutlineNode, string>, idx: Map<OutlineNode, number>): SectionNode {
  return {
    number: n.heading.number,
    style: n.heading.style,
    depth: n.depth,
    title: titles.get(n)!,
    line: n.line,
    measure: idx.get(n) ?? null,
    children: n.children.map((c) => toSection(c, titles, idx)),
  };
}

function preamble(header: { text: string; index: number }[], titleLine: number | null): string {
  return header
    .filter((l) => (titleLine === null || l.index > titleLine) && l.text !== '')
    .filter((l) => !findDocNumber(l.text) && !parseDateLine(l.text) && !isIssuerLine(l.text))
    .map((l) => l.text)
    .join('\n');
}

/** Short names the document defines: …(以下简称人行中支) or …（简称“市人社局”）. */
function definedAbbreviations(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/[(（](?:以下简称|以下称|下称|简称)[“"‘]?([^”"’()（）]{1,20}?)[”"’]?[)）]/g)) out.add(m[1]);
  return out;
}
