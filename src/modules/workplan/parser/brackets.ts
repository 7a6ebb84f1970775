import { BRACKET } from './text.js';

/** A top-level bracketed span of a text: `text.slice(start, end)` includes both brackets. */
export interface BracketGroup {
  start: number;
  /** Index just past the closing bracket (text.length when the group is never closed). */
  end: number;
  /** What is between the outer brackets. */
  content: string;
  closed: boolean;
}

/**
 * Finds the outermost bracket groups of `text`, treating （）and () as one family (documents often
 * open with one width and close with the other) and 〔〕［］【】 as another. Nested brackets stay
 * inside their group, so 市交通运输局（市道路运输事业发展中心） and 各县(市)区政府 remain whole.
 * `strayClosers` are closing brackets with no opener.
 */
export function scanBrackets(text: string): { groups: BracketGroup[]; strayClosers: number[] } {
  const groups: BracketGroup[] = [];
  const strayClosers: number[] = [];
  const stack: { family: 'round' | 'square'; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const cls = BRACKET[text.charCodeAt(i)];
    if (cls === 0) continue;
    const family = cls <= 2 ? 'round' : 'square';
    if (cls === 1 || cls === 3) {
      stack.push({ family, at: i });
      continue;
    }
    // Close the innermost open bracket of the same family; brackets opened inside it and never
    // closed are abandoned (they stay part of the outer group's content).
    let j = stack.length - 1;
    while (j >= 0 && stack[j].family !== family) j--;
    if (j < 0) {
      if (stack.length === 0) strayClosers.push(i);
      continue;
    }
    const opener = stack[j];
    stack.length = j;
    if (j === 0) groups.push({ start: opener.at, end: i + 1, content: text.slice(opener.at + 1, i), closed: true });
  }
  if (stack.length > 0) {
    const opener = stack[0];
    groups.push({ start: opener.at, end: text.length, content: text.slice(opener.at + 1), closed: false });
  }
  return { groups, strayClosers };
}

/** Bracket depth before each character of `text` (0 = outside any bracket). */
export function depthMap(text: string): Uint8Array {
  const depth = new Uint8Array(text.length);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    const cls = BRACKET[text.charCodeAt(i)];
    if ((cls === 2 || cls === 4) && d > 0) d--;
    depth[i] = d;
    if (cls === 1 || cls === 3) d = Math.min(d + 1, 255);
  }
  return depth;
}

/**
 * Splits `text` at depth-0 characters in `separators`; each piece keeps the separator that followed
 * it (empty for the last), so a caller can glue pieces back exactly as written.
 */
export function splitTopLevel(text: string, separators: string | RegExp): { piece: string; sep: string }[] {
  const isSep = typeof separators === 'string' ? (c: string) => separators.includes(c) : (c: string) => separators.test(c);
  const depth = depthMap(text);
  const out: { piece: string; sep: string }[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (depth[i] === 0 && BRACKET[text.charCodeAt(i)] === 0 && isSep(text[i])) {
      let j = i + 1;
      while (j < text.length && depth[j] === 0 && BRACKET[text.charCodeAt(j)] === 0 && isSep(text[j])) j++;
      out.push({ piece: text.slice(from, i), sep: text.slice(i, j) });
      from = j;
      i = j - 1;
    }
  }
  out.push({ piece: text.slice(from), sep: '' });
  return out;
}
