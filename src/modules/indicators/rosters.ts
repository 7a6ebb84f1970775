/**
 * Key-group rosters (重点群体名单) as departments send them: a sheet with a column of resident ID numbers
 * (人社局's skill-certificate holders, 农委's trained farmers, …). Finds that column — by its header
 * (身份证号, 公民身份号码, 证件号码 …) in the first rows, else the first column whose cells read as ID numbers —
 * and checks every number. Pure: rows in, accepted numbers and rejected rows with their reasons out.
 */
import { checkResidentId } from '../../shared/resident-id.js';
import { normHeader } from '../registry/normalise.js';
import { residentIdProblem } from '../registry/import/row-mapper.js';
import type { RawRow } from '../registry/readers/types.js';

export interface RosterReject {
  row: number;
  /** the cell as written, masked: a reject list must not become a list of ID numbers */
  value: string;
  reason: string;
}

export interface ParsedRoster {
  /** canonical 18-character numbers, each once */
  ids: string[];
  duplicates: number;
  rejects: RosterReject[];
  /** the header the column was found by, or null when found by its contents */
  header: string | null;
  column: number;
}

const ID_HEADER = /^(公民)?身份(证)?(号码?|证件?号码?)$|^证件号码?$|^身份证$|^idnumber$|^idno$/;
const HEADER_ROWS = 10;

/** Shows the first 6 and the last character only (the numbers are personal data). */
export function maskCell(v: string): string {
  const t = v.trim();
  return t.length <= 7 ? '*'.repeat(t.length) : `${t.slice(0, 6)}${'*'.repeat(t.length - 7)}${t.slice(-1)}`;
}

function findColumn(rows: readonly RawRow[]): { header: string | null; column: number; start: number } | null {
  for (let r = 0; r < Math.min(rows.length, HEADER_ROWS); r++) {
    const c = rows[r]!.cells.findIndex((cell) => ID_HEADER.test(normHeader(cell).replace(/[\s/（）()]/g, '')));
    if (c >= 0) return { header: rows[r]!.cells[c]!.trim(), column: c, start: r + 1 };
  }
  // no header: the column where most of the first rows hold valid numbers
  const sample = rows.slice(0, 50);
  const width = Math.max(0, ...sample.map((r) => r.cells.length));
  let best = -1;
  let bestHits = 0;
  for (let c = 0; c < width; c++) {
    const hits = sample.filter((r) => checkResidentId(r.cells[c] ?? '').ok).length;
    if (hits > bestHits) [best, bestHits] = [c, hits];
  }
  return best >= 0 && bestHits * 2 >= sample.filter((r) => r.cells.some((x) => x.trim() !== '')).length ? { header: null, column: best, start: 0 } : null;
}

/** null when no column of ID numbers can be found. */
export function parseRoster(rows: readonly RawRow[], asOf?: string): ParsedRoster | null {
  const where = findColumn(rows);
  if (!where) return null;
  const seen = new Set<string>();
  const ids: string[] = [];
  const rejects: RosterReject[] = [];
  let duplicates = 0;
  for (const row of rows.slice(where.start)) {
    const raw = row.cells[where.column] ?? '';
    if (raw.trim() === '' && row.cells.every((x) => x.trim() === '')) continue; // blank line
    const c = checkResidentId(raw, { asOf });
    if (!c.ok) {
      rejects.push({ row: row.no, value: maskCell(raw), reason: residentIdProblem(c.error) });
      continue;
    }
    if (seen.has(c.value.id)) {
      duplicates++;
      continue;
    }
    seen.add(c.value.id);
    ids.push(c.value.id);
  }
  return { ids, duplicates, rejects, header: where.header, column: where.column };
}
