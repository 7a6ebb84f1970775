import { isIssuerLine, parseDateLine } from './metadata.js';
import { matchHeading, type HeadingMatch } from './numbering.js';
import { splitLines, trimChars } from './text.js';

/** One non-blank line of the body, trimmed. `line` is 1-based. */
export interface Para {
  text: string;
  line: number;
}

/** A numbered item of the document while it is being parsed. */
export interface OutlineNode {
  heading: HeadingMatch;
  /** 1-based line of the number. */
  line: number;
  /** The heading line as written (trimmed), number included. */
  raw: string;
  /** Paragraphs: the heading line without its number, then the lines under it (before any child). */
  paras: Para[];
  children: OutlineNode[];
  parent: OutlineNode | null;
  depth: number;
  /** Last line belonging to the node or its descendants. */
  endLine: number;
}

export interface Outline {
  /** Lines before the first heading, 0-based index into the document. */
  header: { text: string; index: number }[];
  /** Signature, date and distribution lines after the body. */
  trailer: { text: string; index: number }[];
  roots: OutlineNode[];
  /** Every node in document order. */
  nodes: OutlineNode[];
}

const PAGE_NUMBER_RE = /^[-—–－\s]*\d{1,3}[-—–－\s]*$/;
const TRAILER_RE = /^(?:[(（]此件.{0,12}[)）]|抄送|抄报|印发|附件[:：]?$)/;

/** Splits the text into header, a tree of numbered items, and trailer. */
export function buildOutline(text: string): Outline {
  const lines = splitLines(text).map((l) => trimChars(l));
  const headings = lines.map((l) => (l ? matchHeading(l) : null));
  const first = headings.findIndex((h) => h !== null);
  const bodyStart = first < 0 ? lines.length : first;

  // Trailer: walk back over blank lines, page numbers, signature, date, distribution lines.
  let bodyEnd = lines.length;
  for (let i = lines.length - 1; i >= bodyStart + 1; i--) {
    const l = lines[i];
    if (l === '' || PAGE_NUMBER_RE.test(l) || parseDateLine(l) || isIssuerLine(l) || TRAILER_RE.test(l)) {
      bodyEnd = i;
      continue;
    }
    break;
  }

  const header = lines.slice(0, bodyStart).map((t, index) => ({ text: t, index }));
  const trailer = lines.slice(bodyEnd).map((t, k) => ({ text: t, index: bodyEnd + k }));
  const roots: OutlineNode[] = [];
  const nodes: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (let i = bodyStart; i < bodyEnd; i++) {
    const l = lines[i];
    if (l === '' || PAGE_NUMBER_RE.test(l)) continue;
    const h = headings[i];
    if (h) {
      while (stack.length && stack[stack.length - 1].heading.rank >= h.rank) stack.pop();
      const parent = stack[stack.length - 1] ?? null;
      const rest = trimChars(l.slice(h.prefixLength));
      const node: OutlineNode = {
        heading: h,
        line: i + 1,
        raw: l,
        paras: rest ? [{ text: rest, line: i + 1 }] : [],
        children: [],
        parent,
        depth: stack.length + 1,
        endLine: i + 1,
      };
      (parent ? parent.children : roots).push(node);
      nodes.push(node);
      stack.push(node);
      for (const a of stack) a.endLine = i + 1;
    } else {
      const top = stack[stack.length - 1];
      top.paras.push({ text: l, line: i + 1 });
      for (const a of stack) a.endLine = i + 1;
    }
  }
  return { header, trailer, roots, nodes };
}
