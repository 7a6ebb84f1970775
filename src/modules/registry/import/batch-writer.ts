/**
 * Writes one import batch inside the caller's transaction: maps and validates each row, links the
 * person deterministically (ID number → blind index → person; a new person otherwise), buffers
 * persons, households, records and quarantined rows, and flushes them in bulk. Nothing here
 * commits: the caller's transaction makes the batch all or nothing.
 */
import { sql, type Transaction } from 'kysely';
import type { DialectName } from '../../../db/connect.js';
import type { Database } from '../../../db/schema.js';
import { ITEMS } from '../items.js';
import type { ChannelMapping } from '../mapping.js';
import type { Protector, Sealed } from '../protect.js';
import { ROOT_REGION } from '../scope.js';
import { addIncomeYear, bulkInsertFlat, bulkUpdate, nextId } from '../bulk.js';
import { chunkMappers, type ChunkMappers } from './chunk-mappers.js';
import { P, PERSON_SLOTS, RECORD_VALUES, REJECTED_SLOTS, type MappedChunk } from './map-chunk.js';
import { DIBAO_COLS, HOUSEHOLD_COLS, INCOME_COLS, PERSON_COLS, PERSON_UPDATE_COLS, PROPERTY_COLS, QUARANTINE_COLS, SI_COLS } from './record-columns.js';
import type { RegionRow } from './region-names.js';
import type { ColumnPlan, RowProblem } from './row-mapper.js';

const FLUSH_AT = 4000;
/** Rows mapped together (in the mapping worker, after the first chunks) */
const CHUNK_ROWS = 2000;
/** Chunks sent to be mapped before the writer waits for the oldest */
const CHUNKS_AHEAD = 3;
const NEGATIVE_ITEMS = Object.entries(ITEMS).filter(([, d]) => d.sign < 0).map(([k]) => k);

export interface BatchCounts {
  rowsRead: number;
  rowsOk: number;
  rowsRejected: number;
  recordsAttempted: number;
  recordsAdded: number;
  personsAdded: number;
  householdsAdded: number;
  /** rows linked to a person already in the registry by ID number */
  linkedById: number;
  /** persons without an ID number, left for probabilistic linkage */
  pendingLinkage: number;
  fixes: Record<string, number>;
  problems: Record<string, number>;
}

/** Identity keys (blind indexes) of the registry's persons and households → their ids. */
export interface IdentityIndex {
  persons: Map<string, number>;
  households: Map<string, number>;
}

export interface BatchContext {
  trx: Transaction<Database>;
  dialect: DialectName;
  protector: Protector;
  channelId: number;
  channelCode: string;
  batchId: number;
  mapping: ChannelMapping;
  plan: ColumnPlan;
  /** header paths of the file (the quarantine keeps rows as {header: value}) */
  paths: string[];
  regions: readonly RegionRow[];
  asOf: string;
  now: string;
  titlePeriod?: string | null;
  /** The registry's identity index as of the batch's start, when the caller still holds it (else loaded). */
  identity?: IdentityIndex;
  /** Chunks mapped on this thread before a worker thread takes over (default 2; Infinity: never). */
  inlineChunks?: number;
  /** Rows per chunk (tests use small chunks to reach the worker with few rows). */
  chunkRows?: number;
}

export class BatchWriter {
  // (a later channel's spelling of a name never overwrites the first one: typos and traditional forms are common)
  readonly counts: BatchCounts = {
    rowsRead: 0, rowsOk: 0, rowsRejected: 0, recordsAttempted: 0, recordsAdded: 0, personsAdded: 0, householdsAdded: 0, linkedById: 0, pendingLinkage: 0, fixes: {}, problems: {},
  };
  private personIndex: Map<string, number>;
  private householdIndex: Map<string, number>;
  private nextPerson = 0;
  private nextHousehold = 0;
  private readonly updatedThisBatch = new Set<number>();
  private readonly regionCodes: Set<string>;
  private readonly mappers: ChunkMappers;
  /** rows read but not yet sent to be mapped, and chunks sent but not yet buffered (in order) */
  private chunk: { nos: number[]; cells: string[][] } = { nos: [], cells: [] };
  private mapping: { nos: number[]; cells: string[][]; mapped: Promise<MappedChunk> }[] = [];
  private updatesPersons: boolean;
  // Rows to write, laid end to end per table (see bulkInsertFlat); person updates one array each.
  private persons: unknown[] = [];
  private personUpdates: unknown[][] = [];
  private households: unknown[] = [];
  private income: unknown[] = [];
  private si: unknown[] = [];
  private dibao: unknown[] = [];
  private property: unknown[] = [];
  private quarantine: unknown[] = [];
  private pending = 0;
  private inFlight: Promise<void>[] = [];
  /** the last address encrypted (household members, and a property row's owner and dwelling, repeat it) */
  private lastAddress: { plain: string | null; enc: Sealed | null } = { plain: null, enc: null };
  /** income records above this id are the batch's own (the import holds the write lock) */
  private incomeAfter = 0;

  constructor(private readonly c: BatchContext) {
    this.updatesPersons = this.updates();
    this.personIndex = c.identity?.persons ?? new Map();
    this.householdIndex = c.identity?.households ?? new Map();
    this.regionCodes = new Set(c.regions.map((r) => r.code));
    const context = { mapping: c.mapping, plan: c.plan, regions: c.regions, asOf: c.asOf, titlePeriod: c.titlePeriod ?? null, channelCode: c.channelCode };
    this.mappers = chunkMappers(context, c.protector, () => c.protector.keyring.blindIndexKey(), c.inlineChunks ?? 2);
  }

  /** The identity index with this batch's persons and households added (valid once the batch commits). */
  get identity(): IdentityIndex {
    return { persons: this.personIndex, households: this.householdIndex };
  }

  private updates(): boolean {
    const f = this.c.plan.fields;
    return [f.regionCode, f.villageName, f.townshipName, f.householdNo, f.relation, f.address, f.phone, f.residence].some((x) => x !== undefined);
  }

  /** A new sheet of the same workbook: its own header, possibly its own title period. */
  async setHeader(plan: ColumnPlan, paths: string[], titlePeriod: string | null): Promise<void> {
    // The rows before are mapped and buffered under the sheet before's header.
    await this.sendChunk();
    while (this.mapping.length > 0) await this.bufferNext();
    this.c.plan = plan;
    this.c.paths = paths;
    this.c.titlePeriod = titlePeriod;
    this.updatesPersons = this.updates();
    this.mappers.setHeader(plan, titlePeriod);
  }

  /** Loads the identity indexes (inside the transaction, after the import lock). */
  async init(): Promise<void> {
    const { trx } = this.c;
    if (!this.c.identity) {
      for (const r of await trx.selectFrom('reg_persons').select(['key_bidx', 'id']).execute()) this.personIndex.set(r.key_bidx, r.id);
      for (const r of await trx.selectFrom('reg_households').select(['key_bidx', 'id']).execute()) this.householdIndex.set(r.key_bidx, r.id);
    }
    this.nextPerson = await nextId(trx, 'reg_persons');
    this.nextHousehold = await nextId(trx, 'reg_households');
    this.incomeAfter = (await nextId(trx, 'reg_income')) - 1;
  }

  async addRow(no: number, cells: string[]): Promise<void> {
    this.chunk.nos.push(no);
    this.chunk.cells.push(cells);
    if (this.chunk.nos.length >= (this.c.chunkRows ?? CHUNK_ROWS)) await this.sendChunk();
  }

  /** Sends the rows read so far to be mapped; buffers the oldest chunk when enough are ahead. */
  private async sendChunk(): Promise<void> {
    const { nos, cells } = this.chunk;
    if (nos.length === 0) return;
    this.chunk = { nos: [], cells: [] };
    const mapped = this.mappers.map(cells);
    mapped.catch(() => {}); // awaited in order by bufferNext (or abandon)
    this.mapping.push({ nos, cells, mapped });
    while (this.mapping.length > CHUNKS_AHEAD) await this.bufferNext();
  }

  /** Links the oldest mapped chunk's rows to persons and buffers their values. */
  private async bufferNext(): Promise<void> {
    const { nos, cells, mapped } = this.mapping.shift()!;
    const { wire, fixes } = await mapped;
    for (const [f, n] of Object.entries(fixes)) this.counts.fixes[f] = (this.counts.fixes[f] ?? 0) + n;
    let at = 0;
    for (let r = 0; r < nos.length; r++) {
      const no = nos[r];
      this.counts.rowsRead++;
      if (wire[at] === null) {
        this.reject(no, cells[r], wire[at + 1] as RowProblem[]);
        at += REJECTED_SLOTS;
      } else {
        this.counts.rowsOk++;
        const personId = this.person(no, wire, at);
        const n = wire[at + P.records] as number;
        const region = wire[at + P.regionCode] as string | null;
        at += PERSON_SLOTS;
        for (let k = 0; k < n; k++) at = this.record(no, personId, region, wire, at);
      }
      if (++this.pending >= FLUSH_AT) await this.flush();
    }
    // Let the database's answers in (a row source that never waits would otherwise keep them queued).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  reject(no: number, cells: readonly string[], problems: RowProblem[]): void {
    this.counts.rowsRejected++;
    for (const p of problems) this.counts.problems[p.code] = (this.counts.problems[p.code] ?? 0) + 1;
    const raw: Record<string, string> = {};
    this.c.paths.forEach((p, i) => {
      if (p !== '' || (cells[i] ?? '') !== '') raw[p || `#${i + 1}`] = cells[i] ?? '';
    });
    // Scoped users see a rejected row when it names a region of theirs; otherwise only city-wide users do.
    const regionCell = this.c.plan.fields.regionCode === undefined ? '' : (cells[this.c.plan.fields.regionCode] ?? '').trim();
    const region = this.regionCodes.has(regionCell) ? regionCell : ROOT_REGION;
    this.quarantine.push(this.c.batchId, this.c.channelId, no, region, this.c.protector.later(JSON.stringify(raw)), JSON.stringify(problems), 'open', this.c.now);
  }

  /**
   * Encrypts an address, reusing the previous ciphertext when the same address comes again at once:
   * a household's members follow each other in a register, and a property row names its dwelling's
   * address for both the owner and the property. Equal ciphertexts only show what the household or
   * the row already shows (that the two addresses are one); every other value gets its own IV.
   */
  private encAddress(plain: string | null): Sealed | null {
    if (plain === null) return null;
    if (plain !== this.lastAddress.plain) this.lastAddress = { plain, enc: this.c.protector.later(plain) };
    return this.lastAddress.enc;
  }

  /** The household of a population register's row (its key from the mapping), added when new. */
  private household(no: number, w: unknown[], at: number): number | null {
    const key = w[at + P.householdKey] as string | null;
    if (key === null) return null;
    let id = this.householdIndex.get(key);
    if (id === undefined) {
      id = this.nextHousehold++;
      this.householdIndex.set(key, id);
      this.households.push(id, key, w[at + P.regionCode] ?? ROOT_REGION, this.encAddress(w[at + P.address] as string | null), this.c.channelId, this.c.batchId, no);
      this.counts.householdsAdded++;
    }
    return id;
  }

  /** The person of a mapped row (at `at` in the chunk's wire): found by identity key, or added. */
  private person(no: number, w: unknown[], at: number): number {
    const pr = this.c.protector;
    const key = w[at + P.key] as string;
    const idNumber = w[at + P.idNumber] as string | null;
    const existing = this.personIndex.get(key);
    const householdId = this.household(no, w, at);
    if (existing !== undefined) {
      if (idNumber) this.counts.linkedById++;
      if (this.updatesPersons && !this.updatedThisBatch.has(existing)) {
        this.updatedThisBatch.add(existing);
        const address = this.encAddress(w[at + P.address] as string | null);
        this.personUpdates.push([existing, w[at + P.regionCode], householdId, w[at + P.relation], address, pr.later(w[at + P.phone] as string | null), w[at + P.residence]]);
      }
      return existing;
    }
    const id = this.nextPerson++;
    this.personIndex.set(key, id);
    this.updatedThisBatch.add(id);
    const pending = idNumber ? null : 'pending';
    if (pending) this.counts.pendingLinkage++;
    const address = this.encAddress(w[at + P.address] as string | null);
    const name = w[at + P.name] as string | null;
    this.persons.push(
      id, key, pr.later(idNumber), idNumber ? key : null, pr.later(name), name ? pr.nameIndex(name) : null, name ? pr.surnameIndex(name) : null,
      w[at + P.sex], w[at + P.birthDate], w[at + P.residence], w[at + P.regionCode] ?? ROOT_REGION, address, pr.later(w[at + P.phone] as string | null), householdId,
      w[at + P.relation], pending, id, this.c.channelId, this.c.batchId, no, this.c.now,
    );
    this.counts.personsAdded++;
    return id;
  }

  /** Buffers the record at `at` (type, record key, values); returns where the next one starts. */
  private record(no: number, personId: number, personRegion: string | null, w: unknown[], at: number): number {
    this.counts.recordsAttempted++;
    const type = w[at] as keyof typeof RECORD_VALUES;
    const rowKey = w[at + 1];
    const v = at + 2;
    const ch = this.c.channelId;
    const b = this.c.batchId;
    switch (type) {
      case 'income':
        this.income.push(personId, w[v], w[v + 1], w[v + 2], w[v + 3], w[v + 4], ch, b, no, rowKey);
        break;
      case 'si':
        this.si.push(personId);
        for (let k = 0; k < RECORD_VALUES.si; k++) this.si.push(w[v + k]);
        this.si.push(ch, b, no, rowKey);
        break;
      case 'dibao':
        this.dibao.push(personId, null, w[v], w[v + 1], w[v + 2], w[v + 3], w[v + 4], personRegion, ch, b, no, rowKey);
        break;
      case 'property':
        this.property.push(
          personId, w[v], w[v + 1], w[v + 2], w[v + 3], this.encAddress(w[v + 4] as string | null), this.c.protector.later(w[v + 5] as string | null), w[v + 6],
          w[v + 7], w[v + 8], w[v + 9], ch, b, no, rowKey,
        );
        break;
    }
    return v + RECORD_VALUES[type];
  }

  /**
   * Hands the buffered rows on and returns at once: their personal values are encrypted (in a worker
   * thread when there are many) and then they are written (in the SQLite worker thread, or by
   * PostgreSQL), in order, while the next rows are mapped. At most two flushes are in flight — one
   * being written while the next is encrypted — and a failure surfaces at the next flush.
   */
  async flush(): Promise<void> {
    this.pending = 0;
    while (this.inFlight.length >= 2) await this.inFlight.shift();
    const rows = { households: this.households, persons: this.persons, personUpdates: this.personUpdates, income: this.income, si: this.si, dibao: this.dibao, property: this.property, quarantine: this.quarantine };
    this.households = [];
    this.persons = [];
    this.personUpdates = [];
    this.income = [];
    this.si = [];
    this.dibao = [];
    this.property = [];
    this.quarantine = [];
    const sealed = this.c.protector.sealAll([rows.households, rows.persons, ...rows.personUpdates, rows.property, rows.quarantine]);
    sealed.catch(() => {});
    const previous = this.inFlight.at(-1);
    const done = (async () => {
      await sealed;
      if (previous) await previous; // writes keep their order; none after a failed one
      await this.write(rows);
    })();
    // Marked as handled here; a later flush (or finish) awaits it and sees any failure.
    done.catch(() => {});
    this.inFlight.push(done);
  }

  private async write(r: { households: unknown[]; persons: unknown[]; personUpdates: unknown[][]; income: unknown[]; si: unknown[]; dibao: unknown[]; property: unknown[]; quarantine: unknown[] }): Promise<void> {
    const { trx, dialect } = this.c;
    // Households before persons (persons reference them), persons before records.
    if (r.households.length) await bulkInsertFlat(trx, dialect, 'reg_households', HOUSEHOLD_COLS, r.households);
    if (r.persons.length) await bulkInsertFlat(trx, dialect, 'reg_persons', PERSON_COLS, r.persons);
    if (r.personUpdates.length) await bulkUpdate(trx, dialect, 'reg_persons', PERSON_UPDATE_COLS, r.personUpdates);
    let added = 0;
    if (r.income.length) added += await bulkInsertFlat(trx, dialect, 'reg_income', INCOME_COLS, r.income, true);
    if (r.si.length) added += await bulkInsertFlat(trx, dialect, 'reg_social_insurance', SI_COLS, r.si, true);
    if (r.dibao.length) added += await bulkInsertFlat(trx, dialect, 'reg_dibao', DIBAO_COLS, r.dibao, true);
    if (r.property.length) added += await bulkInsertFlat(trx, dialect, 'reg_property', PROPERTY_COLS, r.property, true);
    if (r.quarantine.length) await bulkInsertFlat(trx, dialect, 'reg_quarantine', QUARANTINE_COLS, r.quarantine);
    this.counts.recordsAdded += added;
  }

  /**
   * After a failure: waits until nothing handed on is still running, so that no statement of this
   * batch reaches the database while, or after, the caller's transaction rolls back.
   */
  async abandon(): Promise<void> {
    const mapping = this.mapping;
    this.mapping = [];
    await Promise.allSettled(mapping.map((m) => m.mapped));
    await this.mappers.close();
    const running = this.inFlight;
    this.inFlight = [];
    await Promise.allSettled(running);
  }

  /** Flushes what is left and fills in household ids on the batch's 低保 records. */
  async finish(): Promise<BatchCounts> {
    await this.sendChunk();
    while (this.mapping.length > 0) await this.bufferNext();
    await this.mappers.close();
    await this.flush();
    while (this.inFlight.length > 0) await this.inFlight.shift();
    if (this.counts.recordsAdded > 0) await addIncomeYear(this.c.trx, this.c.batchId, this.incomeAfter, NEGATIVE_ITEMS);
    if (this.c.mapping.record === 'dibao') {
      await sql`UPDATE reg_dibao SET household_id = (SELECT household_id FROM reg_persons WHERE reg_persons.id = reg_dibao.person_id) WHERE batch_id = ${this.c.batchId}`.execute(this.c.trx);
    }
    return this.counts;
  }
}
