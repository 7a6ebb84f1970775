/**
 * Header rows: finding them under title rows, composing multi-row headers whose upper cells were
 * merged across columns ("养老保险" over "个人缴费 | 单位缴费"), and matching columns to a
 * mapping's aliases. Pure.
 *
 * In a merged range only the top-left cell holds the text, so a blank upper header cell belongs to
 * the group on its left (within the group of the row above), and a blank lower cell means the text
 * above spans down (a vertical merge). Column names are the non-blank parts joined with "/".
 */
import { normHeader } from '../normalise.js';

/** Column paths for a header block (rows top → bottom), one per column. */
export function composeHeaders(rows: readonly (readonly string[])[]): string[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const filled: string[][] = rows.map(() => new Array<string>(width).fill(''));
  for (let r = 0; r < rows.length; r++) {
    const last = r === rows.length - 1;
    for (let c = 0; c < width; c++) {
      const text = (rows[r][c] ?? '').trim();
      if (text !== '' || last || c === 0) {
        filled[r][c] = text;
        continue;
      }
      // Blank upper cell: continue the group on the left, unless the row above starts a new group here.
      const newGroupAbove = r > 0 && (rows[r - 1][c] ?? '').trim() !== '';
      filled[r][c] = newGroupAbove ? '' : filled[r][c - 1];
      // A blank upper cell whose column has text below and nothing to the left in this row stays blank.
    }
  }
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let r = 0; r < rows.length; r++) {
      const t = filled[r][c];
      if (t !== '' && parts[parts.length - 1] !== t) parts.push(t);
    }
    out.push(parts.join('/'));
  }
  return out;
}

/**
 * Index of the column an alias list names: an exact match of the whole path wins, then a match of
 * the last part (or of the path's tail for aliases that contain "/"). -1 when none.
 */
export function findColumn(paths: readonly string[], aliases: readonly string[], taken?: ReadonlySet<number>): number {
  return findIn(normalisedPaths(paths), aliases, taken);
}

interface NormPaths {
  norm: string[];
  bare: string[];
  /** last part of each path, of norm and of bare */
  normLast: string[];
  bareLast: string[];
}

const lastPart = (p: string) => p.slice(p.lastIndexOf('/') + 1);

function normalisedPaths(paths: readonly string[]): NormPaths {
  const norm = paths.map(normHeader);
  // Units and notes in brackets ("月保障金（元）", "缴费基数(分)") do not take part in matching.
  const bare = norm.map(stripBrackets);
  return { norm, bare, normLast: norm.map(lastPart), bareLast: bare.map(lastPart) };
}

// aliases come from a handful of channel mappings: normalised once, not once per candidate header block
const aliasNorm = new Map<string, string>();
const normAlias = (a: string) => {
  let n = aliasNorm.get(a);
  if (n === undefined) aliasNorm.set(a, (n = normHeader(a)));
  return n;
};

function findIn({ norm, bare, normLast, bareLast }: NormPaths, aliases: readonly string[], taken?: ReadonlySet<number>): number {
  const free = (i: number) => !taken?.has(i);
  for (const names of [norm, bare]) {
    for (const a of aliases) {
      const na = normAlias(a);
      const i = names.findIndex((p, k) => p === na && free(k));
      if (i >= 0) return i;
    }
  }
  for (const [names, lasts] of [[norm, normLast], [bare, bareLast]] as const) {
    for (const a of aliases) {
      const na = normAlias(a);
      const tail = `/${na}`;
      const i = names.findIndex((p, k) => (lasts[k] === na || p.endsWith(tail)) && free(k));
      if (i >= 0) return i;
    }
  }
  return -1;
}

function stripBrackets(p: string): string {
  return p.replace(/\([^)]*\)/g, '');
}

/** The money unit a header states ("(分)", "（元）", "单位：元"), if any. */
export function unitFromHeader(path: string): 'yuan' | 'fen' | null {
  const h = normHeader(path);
  if (/\((单位:)?分\)|单位:分/.test(h)) return 'fen';
  if (/\((单位:)?(万)?元[^)]*\)|单位:元/.test(h)) return /万元/.test(h) ? null : 'yuan';
  return null;
}

export interface HeaderGuess {
  /** 0-based index of the first header row within the sample */
  start: number;
  /** number of header rows */
  depth: number;
  paths: string[];
  /** how many alias groups found a column */
  matched: number;
}

/**
 * Finds the header block in the first rows of a sheet: the block (up to 4 rows deep) whose
 * composed paths match the most alias groups. Title rows above it and data rows below it match
 * few aliases. With `depth` given only that depth is tried.
 */
export function detectHeader(sample: readonly (readonly string[])[], aliasGroups: readonly (readonly string[])[], depth?: number): HeaderGuess | null {
  let best: HeaderGuess | null = null;
  const depths = depth ? [depth] : [1, 2, 3, 4];
  for (let start = 0; start < Math.min(sample.length, 20); start++) {
    for (const d of depths) {
      if (start + d > sample.length) continue;
      const paths = composeHeaders(sample.slice(start, start + d));
      const np = normalisedPaths(paths);
      const taken = new Set<number>();
      let matched = 0;
      for (const g of aliasGroups) {
        const i = findIn(np, g, taken);
        if (i >= 0) {
          matched++;
          taken.add(i);
        }
      }
      // More matches win; at equal matches the shallower block (title rows above add no matches).
      if (matched > 0 && (!best || matched > best.matched || (matched === best.matched && d < best.depth))) best = { start, depth: d, paths, matched };
    }
  }
  return best;
}
