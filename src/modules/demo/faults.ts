/**
 * Real-world faults in agency files, applied deterministically. Identity faults belong to an
 * agency's master data, so they are decided once per person and channel (the same wrong ID on all
 * of a person's rows); spaces and duplicated rows are decided per row. All draws are hash-based
 * on (seed, channel, person or row), independent of the order rows are written in.
 */
import { residentIdCheckChar } from '../../shared/resident-id.js';
import { TRADITIONAL, TYPOS } from './names.js';
import { hashU01 } from './rng.js';

export const FAULT_KINDS = [
  'missing_id', // ID number left empty: link by name + birth date + address
  'wrong_check', // one wrong check character
  'legacy_15', // old 15-digit number (persons born 1900–1999 only)
  'full_width', // digits typed in full-width form
  'lowercase_x', // check character X written as x (persons whose ID ends in X only)
  'name_typo', // one character replaced by a homophone or look-alike
  'name_traditional', // traditional forms of the name's characters
  'spaces', // leading/trailing spaces in the name or ID cell
  'duplicate_row', // the same row delivered twice
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Probabilities: identity faults per person (lowercase_x among persons whose ID ends in X), row faults per row. */
export type FaultRates = Record<FaultKind, number>;

const KIND_INDEX = Object.fromEntries(FAULT_KINDS.map((k, i) => [k, i])) as Record<FaultKind, number>;

export interface Identity {
  id: string;
  name: string;
  faults: FaultKind[];
  /** the ID still ended in X after any other ID fault, so lower-case x was possible */
  xEligible: boolean;
}

/** The mutually exclusive ID faults, in the order their probabilities are stacked. */
const ID_FAULTS: FaultKind[] = ['missing_id', 'wrong_check', 'legacy_15', 'full_width'];

/** How one channel's master data holds a person's ID number and name. */
export function faultyIdentity(seed: number, channel: number, pid: number, id: string, name: string, rates: FaultRates): Identity {
  const faults: FaultKind[] = [];
  let outId = id;
  const u = hashU01(seed, channel * 64 + 1, pid);
  let acc = 0;
  let chosen: FaultKind | null = null;
  for (const k of ID_FAULTS) {
    acc += rates[k];
    if (u < acc) {
      chosen = k;
      break;
    }
  }
  const born = Number(id.slice(6, 10));
  if (chosen === 'missing_id') outId = '';
  else if (chosen === 'wrong_check') outId = withWrongCheck(id, hashU01(seed, channel * 64 + 2, pid));
  else if (chosen === 'legacy_15' && born >= 1900 && born <= 1999) outId = id.slice(0, 6) + id.slice(8, 17);
  else if (chosen === 'full_width') outId = toFullWidth(id);
  else chosen = null;
  if (chosen) faults.push(chosen);
  const xEligible = outId.endsWith('X');
  if (xEligible && hashU01(seed, channel * 64 + 3, pid) < rates.lowercase_x) {
    outId = outId.slice(0, -1) + 'x';
    faults.push('lowercase_x');
  }
  let outName = name;
  const v = hashU01(seed, channel * 64 + 4, pid);
  if (v < rates.name_typo) {
    const typo = withTypo(name, hashU01(seed, channel * 64 + 5, pid));
    if (typo !== name) {
      outName = typo;
      faults.push('name_typo');
    }
  } else if (v < rates.name_typo + rates.name_traditional) {
    const trad = toTraditional(name);
    if (trad !== name) {
      outName = trad;
      faults.push('name_traditional');
    }
  }
  return { id: outId, name: outName, faults, xEligible };
}

/** Whether a row gets stray spaces / is delivered twice. */
export function rowFaults(seed: number, channel: number, row: number, rates: FaultRates): { spaces: boolean; duplicate: boolean } {
  return {
    spaces: hashU01(seed, channel * 64 + 10, row) < rates.spaces,
    duplicate: hashU01(seed, channel * 64 + 11, row) < rates.duplicate_row,
  };
}

/** Leading, trailing or both; sometimes an ideographic space (U+3000) as Chinese input methods type. */
export function withSpaces(s: string, u: number): string {
  if (u < 0.4) return ` ${s}`;
  if (u < 0.8) return `${s} `;
  if (u < 0.9) return `\u3000${s}`;
  return ` ${s}  `;
}

export function toFullWidth(s: string): string {
  return s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** Replaces the check character with another valid-looking one. */
export function withWrongCheck(id: string, u: number): string {
  const right = residentIdCheckChar(id.slice(0, 17));
  const options = '0123456789X'.replace(right, '');
  return id.slice(0, 17) + options[Math.floor(u * options.length)];
}

export function toTraditional(name: string): string {
  return Array.from(name, (c) => TRADITIONAL[c] ?? c).join('');
}

/** One character (the first that has a known confusion, from a random start) replaced. */
export function withTypo(name: string, u: number): string {
  const chars = Array.from(name);
  const start = Math.floor(u * chars.length);
  for (let i = 0; i < chars.length; i++) {
    const j = (start + i) % chars.length;
    const t = TYPOS[chars[j]];
    if (t) {
      chars[j] = t;
      return chars.join('');
    }
  }
  return name;
}

const ROW_KINDS = new Set<FaultKind>(['spaces', 'duplicate_row']);

/**
 * Per-file fault counts as the manifest reports them: for identity faults the persons affected
 * and the persons for whom the fault was possible (IDs ending in X for lowercase_x, born 1900–1999
 * for legacy_15); for row faults the rows affected out of the rows before duplication.
 */
export class FaultTally {
  readonly rows = new Float64Array(FAULT_KINDS.length);
  readonly persons = new Float64Array(FAULT_KINDS.length);
  readonly eligiblePersons = new Float64Array(FAULT_KINDS.length);
  dataRows = 0;
  distinctPersons = 0;

  countRow(faults: readonly FaultKind[]): void {
    this.dataRows++;
    for (const f of faults) this.rows[KIND_INDEX[f]]++;
  }
  countPerson(originalId: string, identity: Identity): void {
    this.distinctPersons++;
    const born = Number(originalId.slice(6, 10));
    for (const k of FAULT_KINDS) {
      if (ROW_KINDS.has(k)) continue;
      const eligible = k === 'lowercase_x' ? identity.xEligible : k === 'legacy_15' ? born >= 1900 && born <= 1999 : true;
      if (eligible) this.eligiblePersons[KIND_INDEX[k]]++;
    }
    for (const f of identity.faults) this.persons[KIND_INDEX[f]]++;
  }
  toJSON(): Record<FaultKind, { rows: number; persons?: number; eligible: number; rate: number }> {
    const original = this.dataRows - this.rows[KIND_INDEX.duplicate_row];
    return Object.fromEntries(
      FAULT_KINDS.map((k, i) => {
        const row = ROW_KINDS.has(k);
        const eligible = row ? original : this.eligiblePersons[i];
        const n = row ? this.rows[i] : this.persons[i];
        return [k, row ? { rows: this.rows[i], eligible, rate: eligible ? n / eligible : 0 } : { rows: this.rows[i], persons: n, eligible, rate: eligible ? n / eligible : 0 }];
      }),
    ) as Record<FaultKind, { rows: number; persons?: number; eligible: number; rate: number }>;
  }
}
