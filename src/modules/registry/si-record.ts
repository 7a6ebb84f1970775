/**
 * A social-insurance record is one source row: a person's contributions of one month (and employer)
 * for every scheme the row states, each with its base, personal and employer amount. The stored
 * table has three columns per scheme (`pension_base_fen`, `pension_personal_fen`, …); a scheme is
 * present when its personal amount is not null. One record per row (instead of one per scheme)
 * keeps "every stored value knows its row" and stores the full city's 4.7 million monthly rows as
 * 4.7 million records, not 19 million.
 */
import { SI_SCHEMES, type SiScheme } from './items.js';

/** Three amounts per scheme in SI_SCHEMES order: base, personal, employer (fen, null = not stated). */
export type SiAmounts = (number | null)[];

export const SI_PARTS = ['base', 'personal', 'employer'] as const;
export type SiPart = (typeof SI_PARTS)[number];

/** The stored column of a scheme's amount. */
export const siColumn = (scheme: SiScheme, part: SiPart) => `${scheme}_${part}_fen` as const;

/** Every amount column, in the order of SiAmounts. */
export const SI_AMOUNT_COLUMNS = SI_SCHEMES.flatMap((s) => SI_PARTS.map((p) => siColumn(s, p)));

const SCHEME_INDEX = new Map<SiScheme, number>(SI_SCHEMES.map((s, i) => [s, i]));

export const emptySiAmounts = (): SiAmounts => new Array<number | null>(SI_SCHEMES.length * 3).fill(null);

/** Sets one scheme's amounts; personal is never null for a stated scheme (0 when only the employer paid). */
export function setScheme(a: SiAmounts, scheme: SiScheme, baseFen: number | null, personalFen: number, employerFen: number | null): void {
  const i = SCHEME_INDEX.get(scheme)! * 3;
  a[i] = baseFen;
  a[i + 1] = personalFen;
  a[i + 2] = employerFen;
}

export interface SiRecord {
  type: 'si';
  year: number;
  period: string;
  employerCode: string | null;
  amounts: SiAmounts;
}

/**
 * The record in one fixed shape: its JSON (property order included) is what the record key hashes,
 * so the importer and the migration that converted earlier per-scheme records build it here.
 */
export const siRecord = (year: number, period: string, employerCode: string | null, amounts: SiAmounts): SiRecord => ({ type: 'si', year, period, employerCode, amounts });

export interface SiSchemeAmounts {
  scheme: SiScheme;
  baseFen: number | null;
  personalFen: number;
  employerFen: number | null;
}

/** The schemes a record states, in SI_SCHEMES order. */
export function siSchemes(a: SiAmounts): SiSchemeAmounts[] {
  const out: SiSchemeAmounts[] = [];
  for (let s = 0; s < SI_SCHEMES.length; s++) {
    const personal = a[s * 3 + 1];
    if (personal !== null && personal !== undefined) out.push({ scheme: SI_SCHEMES[s], baseFen: a[s * 3], personalFen: personal, employerFen: a[s * 3 + 2] });
  }
  return out;
}

/** The personal contributions of all stated schemes (the income record the channel implies). */
export function siPersonalTotal(a: SiAmounts): number {
  let fen = 0;
  for (let s = 1; s < a.length; s += 3) fen += a[s] ?? 0;
  return fen;
}

/** A stored row's amount columns (numbers, or strings from PostgreSQL's bigint) as SiAmounts. */
export function siAmountsOfRow(row: Record<string, unknown>): SiAmounts {
  return SI_AMOUNT_COLUMNS.map((c) => (row[c] === null || row[c] === undefined ? null : Number(row[c])));
}
