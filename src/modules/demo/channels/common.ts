/**
 * What the channel files have in common: the row type, the fault rates per channel, and the
 * RowFaulter that gives each row its person's faulty identity, stray spaces and duplicates while
 * keeping the tally and the truth (person and faults of every data row).
 */
import { FaultTally, faultyIdentity, rowFaults, withSpaces, type FaultKind, type FaultRates, type Identity } from '../faults.js';
import type { Cell } from '../records.js';
import { personName, residentIdOf } from '../render.js';
import { hashU01 } from '../rng.js';
import type { City } from '../types.js';

export type ChannelKey = 'tax' | 'social-insurance' | 'dibao' | 'property';

export interface ChannelRow {
  /** sheet index for workbooks with several sheets */
  sheet: number;
  cells: Cell[];
  /** the person the row is about (truth for record linkage) */
  pid: number;
  faults: FaultKind[];
}

/** Layout of a workbook: title rows above the header, merged ranges (A1 notation), sheet names. */
export interface SheetLayout {
  sheets: string[];
  titleRows: Cell[][];
  headerRows: Cell[][];
  merges: string[];
  columnWidths: number[];
}

export interface ChannelSpec {
  key: ChannelKey;
  /** relative path under the output directory */
  file: string;
  format: 'csv' | 'xlsx';
  encoding: 'GB18030' | 'UTF-8 with BOM' | 'UTF-8';
  amountUnit: '元' | '分';
  description: string;
  columns: string[];
  layout?: SheetLayout;
  rates: FaultRates;
  rows(tally: FaultTally): Generator<ChannelRow>;
}

const ZERO: FaultRates = {
  missing_id: 0, wrong_check: 0, legacy_15: 0, full_width: 0, lowercase_x: 0, name_typo: 0, name_traditional: 0, spaces: 0, duplicate_row: 0,
};

/**
 * Fault rates per channel (assumed; ASSUMPTIONS.md gives the reasoning). The tax system validates
 * IDs at entry, so it has few ID faults and none missing; civil-affairs rosters are typed by
 * township staff in Excel and have the most; the property register carries old certificates.
 */
export const CHANNEL_FAULT_RATES: Record<ChannelKey, FaultRates> = {
  tax: { ...ZERO, lowercase_x: 0.3, legacy_15: 0.002, full_width: 0.002, wrong_check: 0.0005, name_typo: 0.003, name_traditional: 0.003, spaces: 0.01, duplicate_row: 0.002 },
  'social-insurance': { ...ZERO, lowercase_x: 0.2, legacy_15: 0.01, full_width: 0.003, wrong_check: 0.001, missing_id: 0.001, name_typo: 0.005, name_traditional: 0.005, spaces: 0.02, duplicate_row: 0.003 },
  dibao: { ...ZERO, lowercase_x: 0.3, legacy_15: 0.02, full_width: 0.01, wrong_check: 0.005, missing_id: 0.02, name_typo: 0.02, name_traditional: 0.01, spaces: 0.03, duplicate_row: 0.01 },
  property: { ...ZERO, lowercase_x: 0.25, legacy_15: 0.03, full_width: 0.005, wrong_check: 0.002, missing_id: 0.015, name_typo: 0.005, name_traditional: 0.01, spaces: 0.01, duplicate_row: 0.005 },
};

export const CHANNEL_NUMBER: Record<ChannelKey, number> = { tax: 1, 'social-insurance': 2, dibao: 3, property: 4 };

export class RowFaulter {
  private readonly seen: Uint8Array;
  private row = 0;
  private readonly channel: number;
  constructor(
    private readonly city: City,
    key: ChannelKey,
    private readonly rates: FaultRates,
    private readonly tally: FaultTally,
  ) {
    this.seen = new Uint8Array(city.persons.count);
    this.channel = CHANNEL_NUMBER[key];
  }

  private lastPid = -1;
  private last: Identity | null = null;

  /** The person's identity as this channel holds it (counted once per person). */
  identity(p: number): Identity {
    if (p === this.lastPid && this.last) return this.last;
    const id = residentIdOf(this.city, p);
    const idt = faultyIdentity(this.city.seed, this.channel, p, id, personName(this.city, p), this.rates);
    if (!this.seen[p]) {
      this.seen[p] = 1;
      this.tally.countPerson(id, idt);
    }
    this.lastPid = p;
    this.last = idt;
    return idt;
  }

  /**
   * The row (cells built from the faulty identity), with stray spaces in the ID or name cell
   * and possibly a duplicate right after it.
   */
  *emit(p: number, sheet: number, idCol: number, nameCol: number, build: (idt: Identity) => Cell[]): Generator<ChannelRow> {
    const idt = this.identity(p);
    const cells = build(idt);
    const faults: FaultKind[] = [...idt.faults];
    const n = this.row++;
    const rf = rowFaults(this.city.seed, this.channel, n, this.rates);
    if (rf.spaces) {
      const col = idCol >= 0 && cells[idCol] !== '' && hashU01(this.city.seed, this.channel * 64 + 12, n) < 0.6 ? idCol : nameCol;
      cells[col] = withSpaces(String(cells[col]), hashU01(this.city.seed, this.channel * 64 + 13, n));
      faults.push('spaces');
    }
    this.tally.countRow(faults);
    yield { sheet, cells, pid: p, faults };
    if (rf.duplicate) {
      const dup: FaultKind[] = [...faults, 'duplicate_row'];
      this.tally.countRow(dup);
      yield { sheet, cells: cells.slice(), pid: p, faults: dup };
    }
  }
}

/** 元 with two decimals from fen. */
export const yuan = (fen: number) => (fen / 100).toFixed(2);
export const SEX_LABEL = ['', '男', '女'];
