import { depthMap, scanBrackets } from './brackets.js';
import { DEADLINE_LINE_RE, STARTS_WITH_UNIT_LABEL_RE } from './labels.js';
import type { Para } from './outline.js';
import { trimChars } from './text.js';
import type { ParseWarning } from './types.js';
import { isNonUnitRemark, looksLikeUnit, mentionsUnits, parseLabelledClause, parseUnlabelledClause, splitUnitList, type UnitClause } from './units.js';

/** What a node's own paragraphs say about units, and its text with the unit clauses taken out. */
export interface NodeClauses {
  /** At least one unit clause was read (even if a list in it was empty). */
  found: boolean;
  lead: string[];
  cooperating: string[];
  responsible: string[];
  etc: boolean;
  deadline: string | null;
  /** Paragraphs without unit clauses; empty paragraphs dropped. */
  paras: Para[];
  warnings: Omit<ParseWarning, 'measure'>[];
}

const SENTENCE_BREAK = '。；;！？!?';

/**
 * Reads the unit clauses of one numbered item: bracketed ((牵头单位:X;配合单位:Y), 〔…〕, (X牵头，Y按
 * 职责分工负责), (X、Y负责)) anywhere in its paragraphs, and unbracketed label sentences
 * (牵头单位：X) at the start of a paragraph or sentence. Brackets that look like unit clauses but
 * cannot be read become warnings, and stay in the text.
 */
export function readClauses(paras: Para[], abbreviations: ReadonlySet<string> = new Set()): NodeClauses {
  const out: NodeClauses = { found: false, lead: [], cooperating: [], responsible: [], etc: false, deadline: null, paras: [], warnings: [] };
  const take = (c: UnitClause, line: number) => {
    out.found = true;
    out.lead.push(...c.lead);
    out.cooperating.push(...c.cooperating);
    out.responsible.push(...c.responsible);
    out.etc ||= c.etc;
    if (c.deadline) out.deadline ??= c.deadline;
    for (const is of c.issues) {
      // A short name the document defines, (以下简称人行中支), is a unit even if it does not end like one.
      if (is.name !== undefined && abbreviations.has(is.name)) continue;
      out.warnings.push({ line, code: is.code, message: is.message });
    }
  };

  for (const p of joinOpenBrackets(paras)) {
    let text = p.text;
    const deadline = DEADLINE_LINE_RE.exec(text);
    if (deadline) {
      out.deadline ??= trimChars(deadline[1]);
      continue;
    }
    // Unbracketed "牵头单位：X；配合单位：Y" from the start of a sentence to the end of the paragraph.
    const at = labelSentenceStart(text);
    if (at >= 0) {
      const clauseText = trimChars(text.slice(at), '。．.');
      const c = parseLabelledClause(clauseText);
      if (c) {
        take(c, p.line);
        text = text.slice(0, at);
      }
    }
    // Bracketed clauses.
    const { groups } = scanBrackets(text);
    const cut: { start: number; end: number }[] = [];
    for (const g of groups) {
      const labelled = parseLabelledClause(g.content);
      if (labelled) {
        if (!g.closed) {
          out.warnings.push({ line: p.line, code: 'UNBALANCED_BRACKET', message: `责任分工的括号没有闭合：“${text.slice(g.start)}”` });
        }
        take(labelled, p.line);
        cut.push(g);
        continue;
      }
      // "(2018年底前完成)" after the measure: its deadline (the remark stays in the text).
      const d = DEADLINE_REMARK_RE.exec(g.content.trim());
      if (d) {
        if (inClausePosition(text, g.start, g.end)) out.deadline ??= d[1];
        continue;
      }
      if (isNonUnitRemark(g.content)) continue;
      const unlabelled = parseUnlabelledClause(g.content);
      if (unlabelled) {
        take(unlabelled, p.line);
        cut.push(g);
        continue;
      }
      if (inClausePosition(text, g.start, g.end) && mentionsUnits(g.content)) {
        out.warnings.push({
          line: p.line,
          code: 'UNIT_CLAUSE_UNREADABLE',
          message: `括号内容像责任分工但无法读取：“${text.slice(g.start, g.end)}”，请人工核对`,
        });
      }
    }
    text = removeSpans(text, cut);
    if (text && out.paras.length > 0 && cut.length === 0 && isBareUnitList(text)) {
      out.warnings.push({ line: p.line, code: 'UNIT_CLAUSE_UNREADABLE', message: `这一行像单位名单，但没有“牵头单位”等标签：“${text}”，请人工核对` });
    }
    if (text) out.paras.push({ text, line: p.line });
  }
  return out;
}

/** A paragraph that is nothing but unit names ("市财政局、市统计局"): a list whose label is missing. */
function isBareUnitList(text: string): boolean {
  if (/[。！？!?：:]/.test(text)) return false;
  const pieces = splitUnitList(text).units;
  return pieces.length > 0 && pieces.every(looksLikeUnit);
}

const DEADLINE_REMARK_RE = /^((?:19|20)\d{2}\s*年[^()（）]{0,10}?(?:底前|前|底|内|年末|年底))(?:完成)?$/;

/**
 * A bracket opened in one paragraph and closed in one of the next three ("（牵头单位：X" / "配合单位：Y）")
 * is one clause: those paragraphs are joined, with a line break, under the first one's line number.
 */
function joinOpenBrackets(paras: Para[]): Para[] {
  const out: Para[] = [];
  for (let i = 0; i < paras.length; i++) {
    let text = paras[i].text;
    if (hasUnclosed(text)) {
      for (let j = i + 1; j < paras.length && j <= i + 3; j++) {
        const joined = `${text}\n${paras.slice(i + 1, j + 1).map((p) => p.text).join('\n')}`;
        if (!hasUnclosed(joined)) {
          text = joined;
          out.push({ text, line: paras[i].line });
          i = j;
          text = '';
          break;
        }
      }
      if (text === '') continue;
    }
    out.push(paras[i]);
  }
  return out;
}

function hasUnclosed(text: string): boolean {
  const { groups } = scanBrackets(text);
  return groups.length > 0 && !groups[groups.length - 1].closed;
}

/** Index where an unbracketed label sentence starts in `text`, or -1. */
function labelSentenceStart(text: string): number {
  const depth = depthMap(text);
  for (let i = 0; i < text.length; i++) {
    const atSentenceStart = i === 0 || (depth[i - 1] === 0 && SENTENCE_BREAK.includes(text[i - 1]));
    if (atSentenceStart && depth[i] === 0 && STARTS_WITH_UNIT_LABEL_RE.test(text.slice(i, i + 16))) return i;
  }
  return -1;
}

/** A bracket at the end of its paragraph, or right after a sentence break: where unit clauses sit. */
function inClausePosition(text: string, start: number, end: number): boolean {
  const after = text.slice(end);
  if (/^[\s\u3000。．.；;，,]*$/.test(after)) return true;
  const before = text.slice(0, start).trimEnd();
  return before === '' || SENTENCE_BREAK.includes(before[before.length - 1]);
}

/** Removes the spans and tidies what is left: "…政策。(…)。" becomes "…政策。". */
function removeSpans(text: string, spans: { start: number; end: number }[]): string {
  if (spans.length === 0) return trimChars(text);
  let s = '';
  let from = 0;
  for (const sp of spans) {
    s += text.slice(from, sp.start);
    from = sp.end;
  }
  s += text.slice(from);
  return trimChars(s.replace(/([。；;！？!?])[\s\u3000]*[。．.]/g, '$1'));
}
