/**
 * A small RFC 4180 CSV reader over text (the caller reads the file): header row, quoted fields with
 * doubled quotes and embedded separators or newlines, CRLF or LF, a leading BOM. Only the columns
 * asked for are kept, so large files stay cheap. Errors name the row (1 = first data row) and column.
 */
export class CsvError extends Error {}

export interface CsvTable {
  header: string[];
  /** Number of data rows. */
  rows: number;
  /** Raw text of the requested columns, by column name. */
  columns: Map<string, string[]>;
  /** File line on which each data row starts (1-based), for messages. */
  lines: Uint32Array;
}

export function readCsv(text: string, wanted: readonly string[], separator = ','): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new CsvError('the file is empty');
  const sep = separator.charCodeAt(0);
  let pos = 0;
  let line = 1;
  const len = text.length;
  /** Reads one record; returns null at end of text. */
  const record = (): string[] | null => {
    if (pos >= len) return null;
    const fields: string[] = [];
    for (;;) {
      let field: string;
      if (text.charCodeAt(pos) === 34) {
        // quoted
        pos++;
        let out = '';
        let start = pos;
        for (;;) {
          if (pos >= len) throw new CsvError(`line ${line}: a quoted field is not closed`);
          const c = text.charCodeAt(pos);
          if (c === 34) {
            if (text.charCodeAt(pos + 1) === 34) {
              out += text.slice(start, pos + 1);
              pos += 2;
              start = pos;
              continue;
            }
            out += text.slice(start, pos);
            pos++;
            break;
          }
          if (c === 10) line++;
          pos++;
        }
        field = out;
      } else {
        const start = pos;
        while (pos < len) {
          const c = text.charCodeAt(pos);
          if (c === sep || c === 10 || c === 13) break;
          pos++;
        }
        field = text.slice(start, pos);
      }
      fields.push(field);
      const c = text.charCodeAt(pos);
      if (c === sep) {
        pos++;
        continue;
      }
      if (c === 13) pos++;
      if (text.charCodeAt(pos) === 10) pos++;
      line++;
      return fields;
    }
  };
  const header = record();
  if (!header || header.every((h) => h.trim() === '')) throw new CsvError('the file has no header row');
  const names = header.map((h) => h.trim());
  const index = new Map<string, number>();
  names.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i);
  });
  for (const w of wanted) {
    if (!index.has(w)) throw new CsvError(`column "${w}" is not in the header (columns: ${names.join(', ')})`);
  }
  const columns = new Map<string, string[]>(wanted.map((w) => [w, []]));
  const picks = wanted.map((w) => ({ name: w, at: index.get(w)!, out: columns.get(w)! }));
  const lines: number[] = [];
  let rows = 0;
  for (;;) {
    const startLine = line;
    const f = record();
    if (!f) break;
    if (f.length === 1 && f[0].trim() === '') continue; // blank line
    rows++;
    if (f.length !== names.length) {
      throw new CsvError(`row ${rows} (line ${startLine}): ${f.length} fields where the header has ${names.length}`);
    }
    for (const p of picks) p.out.push(f[p.at]);
    lines.push(startLine);
  }
  if (rows === 0) throw new CsvError('the file has a header but no data rows');
  return { header: names, rows, columns, lines: Uint32Array.from(lines) };
}

/** A column as numbers; an empty or non-numeric cell is an error naming its row and column. */
export function numericColumn(t: CsvTable, name: string, check?: { nonNegative?: boolean; positive?: boolean }): Float64Array {
  const raw = t.columns.get(name);
  if (!raw) throw new CsvError(`column "${name}" was not read`);
  const out = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const s = raw[i].trim();
    const v = s === '' ? NaN : Number(s);
    const where = `row ${i + 1} (line ${t.lines[i]}), column "${name}"`;
    if (!Number.isFinite(v)) throw new CsvError(`${where}: "${raw[i]}" is not a number`);
    if (check?.nonNegative && v < 0) throw new CsvError(`${where}: ${v} is negative`);
    if (check?.positive && !(v > 0)) throw new CsvError(`${where}: ${v} must be positive`);
    out[i] = v;
  }
  return out;
}

/** A column as labels; an empty cell is an error. */
export function labelColumn(t: CsvTable, name: string): string[] {
  const raw = t.columns.get(name);
  if (!raw) throw new CsvError(`column "${name}" was not read`);
  raw.forEach((v, i) => {
    if (v.trim() === '') throw new CsvError(`row ${i + 1} (line ${t.lines[i]}), column "${name}": empty value`);
  });
  return raw.map((v) => v.trim());
}
