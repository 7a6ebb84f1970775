/**
 * A chunk of channel rows mapped for the batch writer: each row validated and normalised (mapRow),
 * with its person's identity key and household key, and each record's key — all the work of a row
 * that does not depend on the registry's state (a new person's name indexes are the batch writer's:
 * most rows are of persons already known). It runs in a worker thread during a large import (see
 * chunk-mappers.ts), so its output is one flat array of plain values (cheap to pass between
 * threads), laid out as P, PERSON_SLOTS and RECORD_VALUES say. The batch writer then only looks the
 * person up, assigns ids and buffers the values.
 */
import { ITEMS } from '../items.js';
import type { ChannelMapping } from '../mapping.js';
import type { Indexer } from '../protect.js';
import { regionNameResolver, type RegionRow } from './region-names.js';
import { recordKeyOf, recordKeyState, type KeyState } from './row-key.js';
import { mapRow, type ColumnPlan, type MapContext, type PersonFields, type RecordOut } from './row-mapper.js';
import { SI_AMOUNT_COLUMNS } from '../si-record.js';

export interface ChunkContext {
  mapping: ChannelMapping;
  plan: ColumnPlan;
  regions: readonly RegionRow[];
  /** YYYY-MM-DD: "today" for validation. */
  asOf: string;
  titlePeriod: string | null;
  channelCode: string;
}

export interface MappedChunk {
  /** Rows one after another: a rejected row is REJECTED_SLOTS values, an accepted one PERSON_SLOTS and its records. */
  wire: unknown[];
  /** ID-number fixes made in the chunk, by kind */
  fixes: Record<string, number>;
}

/**
 * The layout of `wire`. A rejected row: [null, problems]. An accepted row: the person's slots
 * (P.key … P.records = how many records follow), then each record: [type, record key, its values].
 */
export const REJECTED_SLOTS = 2;
export const P = {
  key: 0, householdKey: 1, idNumber: 2, name: 3, sex: 4, birthDate: 5, residence: 6, regionCode: 7, address: 8, phone: 9, relation: 10, records: 11,
} as const;
export const PERSON_SLOTS = 12;
/** Values after [type, record key], per record type. */
export const RECORD_VALUES = {
  /** year, period, component, item, amount */
  income: 5,
  /** year, period, employer code, then SI_AMOUNT_COLUMNS */
  si: 3 + SI_AMOUNT_COLUMNS.length,
  /** year, period, household size, standard, benefit */
  dibao: 5,
  /** kind, value, area, region code, address, reference, reference's blind index, acquired, valued, disposed */
  property: 10,
} as const satisfies Record<RecordOut['type'], number>;

export class ChunkMapper {
  private ctx: MapContext;
  /** identity keys by ID number: a channel repeats a person in many rows (one per month) */
  private readonly keyCache = new Map<string, string>();
  private lastHousehold = { no: '', key: '' };
  /** the record-key hash state after the last person's identity key (a row's records share it) */
  private lastKeyState: { key: string; state: KeyState } = { key: '', state: recordKeyState('\u0000') };

  constructor(
    private readonly c: ChunkContext,
    private readonly indexer: Indexer,
  ) {
    const codes = new Set(c.regions.map((r) => r.code));
    this.ctx = { mapping: c.mapping, plan: c.plan, regionExists: (code) => codes.has(code), regionByNames: regionNameResolver(c.regions), asOf: c.asOf, titlePeriod: c.titlePeriod };
  }

  /** A new sheet of the same workbook: its own header, possibly its own title period. */
  setHeader(plan: ColumnPlan, titlePeriod: string | null): void {
    this.ctx = { ...this.ctx, plan, titlePeriod, last: undefined };
  }

  map(rows: readonly (readonly string[])[]): MappedChunk {
    const wire: unknown[] = [];
    const fixes: Record<string, number> = {};
    for (const cells of rows) {
      const m = mapRow(cells, this.ctx);
      if (!m.ok) {
        wire.push(null, m.problems);
        continue;
      }
      for (const f of m.fixes) fixes[f] = (fixes[f] ?? 0) + 1;
      const p = m.person;
      const key = this.keyOf(p);
      wire.push(
        key, this.householdKey(p), p.idNumber, p.name, p.sex, p.birthDate, p.residence, p.regionCode, p.address, p.phone, p.relation, m.records.length,
      );
      for (const r of m.records) this.record(wire, key, r);
    }
    return { wire, fixes };
  }

  private keyOf(p: PersonFields): string {
    if (!p.idNumber) return this.indexer.personKey(p);
    let k = this.keyCache.get(p.idNumber);
    if (k === undefined) {
      if (this.keyCache.size > 2_000_000) this.keyCache.clear();
      k = this.indexer.personKey(p);
      this.keyCache.set(p.idNumber, k);
    }
    return k;
  }

  /** Households come from population registers; other channels' household numbers (低保户编号) stay theirs. */
  private householdKey(p: PersonFields): string | null {
    if (!p.householdNo || this.c.mapping.record !== 'person') return null;
    // A register lists a household's members one after another: its key is computed once for them.
    if (p.householdNo !== this.lastHousehold.no) this.lastHousehold = { no: p.householdNo, key: this.indexer.bidx('household', `${this.c.channelCode}\u0000${p.householdNo}`) };
    return this.lastHousehold.key;
  }

  private record(wire: unknown[], key: string, r: RecordOut): void {
    // The same record (same person, same content) from the same channel is one record, however often sent.
    if (this.lastKeyState.key !== key) this.lastKeyState = { key, state: recordKeyState(`${key}\u0000`) };
    const rowKey = recordKeyOf(r, this.lastKeyState.state);
    switch (r.type) {
      case 'income':
        wire.push('income', rowKey, r.year, r.period, ITEMS[r.item].component, r.item, r.amountFen);
        break;
      case 'si':
        wire.push('si', rowKey, r.year, r.period, r.employerCode, ...r.amounts);
        break;
      case 'dibao':
        wire.push('dibao', rowKey, r.year, r.period, r.householdSize, r.standardFen, r.benefitFen);
        break;
      case 'property':
        wire.push(
          'property', rowKey, r.kind, r.valueFen, r.area, r.regionCode, r.address, r.ref, r.ref ? this.indexer.bidx('key', `${this.c.channelCode}\u0000ref\u0000${r.ref}`) : null,
          r.acquiredOn, r.valuedOn, r.disposedOn,
        );
        break;
    }
  }
}
