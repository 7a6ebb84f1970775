import { describe, expect, it } from 'vitest';
import { Keyring } from '../../crypto/keyring.js';
import { DEFAULT_CHANNELS } from '../channels.js';
import { ChannelMappingSchema } from '../mapping.js';
import { Indexer, Protector } from '../protect.js';
import { TAX_HEADER, fakePersons, taxRows } from '../testing/fixtures.js';
import { POPULATION_HEADER, populationRows } from '../testing/population.js';
import { chunkMappers } from './chunk-mappers.js';
import { ChunkMapper, P, PERSON_SLOTS, RECORD_VALUES, REJECTED_SLOTS, type ChunkContext } from './map-chunk.js';
import { recordKey, recordKeyState } from './row-key.js';
import { mapRow, planColumns, type RecordOut } from './row-mapper.js';

const mapping = (code: string) => ChannelMappingSchema.parse(DEFAULT_CHANNELS.find((c) => c.code === code)!.mapping);
const REGIONS = ['211000', '211002', '211003', '211002016', '211002017', '211003004', '211003008'].map((code) => ({ code, name: code, level: 'x', parent_code: null }));
const keyring = new Keyring(new Map([[1, Keyring.generateKey()]]), 1);
const protector = new Protector(keyring);
const context = (code: string, header: string[]): ChunkContext => ({ mapping: mapping(code), plan: planColumns(header, mapping(code)), regions: REGIONS, asOf: '2024-06-30', titlePeriod: null, channelCode: code });

/** Tax rows of 40 persons over 3 months, with a wrong check character and a future period among them. */
function taxChunk(): string[][] {
  const rows = taxRows(fakePersons(40, 21), ['2024-01', '2024-02', '2024-03']);
  const id = rows[7][3];
  rows[7][3] = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
  rows[50][5] = '2031-01';
  return rows;
}

/** Reads a chunk's wire back into rows: [problems] or [person slots, records]. */
function readWire(wire: unknown[], n: number) {
  const out: ({ problems: unknown } | { person: unknown[]; records: unknown[][] })[] = [];
  let at = 0;
  for (let r = 0; r < n; r++) {
    if (wire[at] === null) {
      out.push({ problems: wire[at + 1] });
      at += REJECTED_SLOTS;
      continue;
    }
    const person = wire.slice(at, at + PERSON_SLOTS);
    at += PERSON_SLOTS;
    const records: unknown[][] = [];
    for (let k = 0; k < (person[P.records] as number); k++) {
      const width = 2 + RECORD_VALUES[wire[at] as keyof typeof RECORD_VALUES];
      records.push(wire.slice(at, at + width));
      at += width;
    }
    out.push({ person, records });
  }
  expect(at).toBe(wire.length);
  return out;
}

describe('ChunkMapper', () => {
  it('gives each row mapRow’s result, its identity key, and each record’s key as the record’s JSON hashes', () => {
    const ctx = context('tax', TAX_HEADER);
    const rows = taxChunk();
    const { wire, fixes } = new ChunkMapper(ctx, protector).map(rows);
    const got = readWire(wire, rows.length);
    expect(fixes).toEqual({});
    rows.forEach((cells, i) => {
      const m = mapRow(cells, { mapping: ctx.mapping, plan: ctx.plan, regionExists: () => true, asOf: ctx.asOf });
      const g = got[i];
      if (!m.ok) return expect(g).toEqual({ problems: m.problems });
      if (!('person' in g)) throw new Error(`row ${i} was rejected`);
      const key = protector.personKey(m.person);
      const p = m.person;
      expect(g.person).toEqual([key, null, p.idNumber, p.name, p.sex, p.birthDate, p.residence, p.regionCode, p.address, p.phone, p.relation, m.records.length]);
      // Independent of recordKeyOf: the key of the record's JSON text after the person's key.
      const keys = m.records.map((r: RecordOut) => recordKey(JSON.stringify(r), recordKeyState(`${key}\u0000`)));
      expect(g.records.map((r) => r[1])).toEqual(keys);
      const amounts = m.records.map((r) => (r.type === 'income' ? [r.item, r.amountFen] : []));
      expect(g.records.map((r) => [r[5], r[6]])).toEqual(amounts);
    });
    expect(got.filter((g) => 'problems' in g)).toHaveLength(2);
  });

  it('gives the same wire however the rows are split into chunks', () => {
    const ctx = context('tax', TAX_HEADER);
    const rows = taxChunk();
    const whole = new ChunkMapper(ctx, protector).map(rows).wire;
    const split = new ChunkMapper(ctx, protector);
    const parts = [rows.slice(0, 7), rows.slice(7, 8), rows.slice(8, 51), rows.slice(51)].map((c) => split.map(c).wire);
    expect(parts.flat()).toEqual(whole);
  });

  it('keys a population register’s households by channel and household number', () => {
    const ctx = context('population', POPULATION_HEADER);
    const rows = populationRows(fakePersons(9, 4), 3);
    const got = readWire(new ChunkMapper(ctx, protector).map(rows).wire, rows.length);
    got.forEach((g, i) => {
      if (!('person' in g)) throw new Error(`row ${i} was rejected`);
      expect(g.person[P.householdKey]).toBe(protector.bidx('household', `population\u0000${rows[i][0]}`));
    });
    expect(new Set(got.map((g) => 'person' in g && g.person[P.householdKey])).size).toBe(3);
  });
});

describe('chunkMappers', () => {
  it('maps in a worker thread exactly as on this thread, in order, across a change of header', async () => {
    const tax = context('tax', TAX_HEADER);
    const rows = taxChunk();
    // The second "sheet" has its columns in another order.
    const order = [3, 1, 0, 2, 4, 5, 7, 6];
    const header2 = order.map((i) => TAX_HEADER[i]);
    const rows2 = rows.map((r) => order.map((i) => r[i]));
    const run = async (inlineChunks: number) => {
      const m = chunkMappers(tax, protector, () => keyring.blindIndexKey(), inlineChunks);
      try {
        const first = [m.map(rows.slice(0, 60)), m.map(rows.slice(60))];
        m.setHeader(planColumns(header2, tax.mapping), null);
        const second = [m.map(rows2.slice(0, 30)), m.map(rows2.slice(30))];
        return (await Promise.all([...first, ...second])).map((c) => c.wire);
      } finally {
        await m.close();
      }
    };
    const inline = await run(Infinity);
    const worker = await run(0);
    const mixed = await run(1);
    expect(worker).toEqual(inline);
    expect(mixed).toEqual(inline);
    // Both sheets give the same rows (the header moved, the values did not).
    expect(inline[2].concat(inline[3])).toEqual(inline[0].concat(inline[1]));
    // The worker computed blind indexes with the keyring's key: the same keys as this thread's.
    expect(worker[0][P.key]).toBe(protector.idIndex(rows[0][3]));
  });

  it('rejects a chunk the worker cannot map, and every chunk after closing', async () => {
    const m = chunkMappers(context('tax', TAX_HEADER), new Indexer(() => 'x'), () => keyring.blindIndexKey(), 0);
    await expect(m.map([null as unknown as string[]])).rejects.toThrow(/TypeError/);
    await m.close();
    await expect(m.map(taxChunk())).rejects.toThrow('mapping closed');
  });
});
