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
import { addIncomeYear, bulkInsertFlat, bulkUpdate, nextId, type Col } from '../bulk.js';
import { SI_AMOUNT_COLUMNS } from '../si-record.js';
import { recordKeyOf, recordKeyState, type KeyState } from './row-key.js';
import { mapRow, type ColumnPlan, type MapContext, type PersonFields, type RecordOut, type RowProblem } from './row-mapper.js';

const FLUSH_AT = 4000;
const NEGATIVE_ITEMS = Object.entries(ITEMS).filter(([, d]) => d.sign < 0).map(([k]) => k);

const PERSON_COLS: Col[] = [
  { name: 'id', type: 'int' }, { name: 'key_bidx', type: 'text' }, { name: 'id_number_enc', type: 'text' }, { name: 'id_number_bidx', type: 'text' },
  { name: 'name_enc', type: 'text' }, { name: 'name_bidx', type: 'text' }, { name: 'surname_bidx', type: 'text' }, { name: 'sex', type: 'int' },
  { name: 'birth_date', type: 'text' }, { name: 'residence', type: 'text' }, { name: 'region_code', type: 'text' }, { name: 'address_enc', type: 'text' },
  { name: 'phone_enc', type: 'text' }, { name: 'household_id', type: 'int' }, { name: 'relation', type: 'text' }, { name: 'linkage', type: 'text' },
  { name: 'canonical_id', type: 'int' }, { name: 'channel_id', type: 'int' }, { name: 'batch_id', type: 'int' }, { name: 'row_no', type: 'int' },
  { name: 'created_at', type: 'text' },
];
const PERSON_UPDATE_COLS: Col[] = [
  { name: 'region_code', type: 'text' }, { name: 'household_id', type: 'int' }, { name: 'relation', type: 'text' }, { name: 'address_enc', type: 'text' },
  { name: 'phone_enc', type: 'text' }, { name: 'residence', type: 'text' },
];
const HOUSEHOLD_COLS: Col[] = [
  { name: 'id', type: 'int' }, { name: 'key_bidx', type: 'text' }, { name: 'region_code', type: 'text' }, { name: 'address_enc', type: 'text' },
  { name: 'channel_id', type: 'int' }, { name: 'batch_id', type: 'int' }, { name: 'row_no', type: 'int' },
];
const PROV: Col[] = [{ name: 'channel_id', type: 'int' }, { name: 'batch_id', type: 'int' }, { name: 'row_no', type: 'int' }, { name: 'row_key', type: 'text' }];
const INCOME_COLS: Col[] = [
  { name: 'person_id', type: 'int' }, { name: 'year', type: 'int' }, { name: 'period', type: 'text' }, { name: 'component', type: 'text' }, { name: 'item', type: 'text' },
  { name: 'amount_fen', type: 'bigint' }, ...PROV,
];
const SI_COLS: Col[] = [
  { name: 'person_id', type: 'int' }, { name: 'year', type: 'int' }, { name: 'period', type: 'text' }, { name: 'employer_code', type: 'text' },
  ...SI_AMOUNT_COLUMNS.map((name): Col => ({ name, type: 'bigint' })), ...PROV,
];
const DIBAO_COLS: Col[] = [
  { name: 'person_id', type: 'int' }, { name: 'household_id', type: 'int' }, { name: 'year', type: 'int' }, { name: 'period', type: 'text' },
  { name: 'household_size', type: 'int' }, { name: 'standard_fen', type: 'bigint' }, { name: 'benefit_fen', type: 'bigint' }, { name: 'region_code', type: 'text' }, ...PROV,
];
const PROPERTY_COLS: Col[] = [
  { name: 'person_id', type: 'int' }, { name: 'kind', type: 'text' }, { name: 'value_fen', type: 'bigint' }, { name: 'area_m2', type: 'float' },
  { name: 'region_code', type: 'text' }, { name: 'address_enc', type: 'text' }, { name: 'ref_enc', type: 'text' }, { name: 'ref_bidx', type: 'text' }, { name: 'acquired_on', type: 'text' },
  { name: 'valued_on', type: 'text' }, { name: 'disposed_on', type: 'text' }, ...PROV,
];
const QUARANTINE_COLS: Col[] = [
  { name: 'batch_id', type: 'int' }, { name: 'channel_id', type: 'int' }, { name: 'row_no', type: 'int' }, { name: 'region_code', type: 'text' }, { name: 'raw_enc', type: 'text' },
  { name: 'reasons', type: 'text' }, { name: 'status', type: 'text' }, { name: 'updated_at', type: 'text' },
];

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
  regionExists: (code: string) => boolean;
  regionByNames?: (county: string, township: string, village: string) => string | null;
  asOf: string;
  now: string;
  titlePeriod?: string | null;
  /** The registry's identity index as of the batch's start, when the caller still holds it (else loaded). */
  identity?: IdentityIndex;
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
  private readonly keyCache = new Map<string, string>();
  private mapCtx: MapContext;
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
  private lastHousehold = { no: '', key: '' };
  /** the record-key hash state after the last person's identity key (a row's records share it) */
  private lastKeyState: { key: string; state: KeyState } = { key: '', state: recordKeyState('\u0000') };
  /** the last address encrypted (household members, and a property row's owner and dwelling, repeat it) */
  private lastAddress: { plain: string | null; enc: Sealed | null } = { plain: null, enc: null };
  /** income records above this id are the batch's own (the import holds the write lock) */
  private incomeAfter = 0;

  constructor(private readonly c: BatchContext) {
    this.mapCtx = this.context();
    this.updatesPersons = this.updates();
    this.personIndex = c.identity?.persons ?? new Map();
    this.householdIndex = c.identity?.households ?? new Map();
  }

  /** The identity index with this batch's persons and households added (valid once the batch commits). */
  get identity(): IdentityIndex {
    return { persons: this.personIndex, households: this.householdIndex };
  }

  private context(): MapContext {
    const c = this.c;
    return { mapping: c.mapping, plan: c.plan, regionExists: c.regionExists, regionByNames: c.regionByNames, asOf: c.asOf, titlePeriod: c.titlePeriod };
  }

  private updates(): boolean {
    const f = this.c.plan.fields;
    return [f.regionCode, f.villageName, f.townshipName, f.householdNo, f.relation, f.address, f.phone, f.residence].some((x) => x !== undefined);
  }

  /** A new sheet of the same workbook: its own header, possibly its own title period. */
  setHeader(plan: ColumnPlan, paths: string[], titlePeriod: string | null): void {
    this.c.plan = plan;
    this.c.paths = paths;
    this.c.titlePeriod = titlePeriod;
    this.mapCtx = this.context();
    this.updatesPersons = this.updates();
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
    this.counts.rowsRead++;
    const mapped = mapRow(cells, this.mapCtx);
    if (!mapped.ok) {
      this.reject(no, cells, mapped.problems);
    } else {
      this.counts.rowsOk++;
      for (const f of mapped.fixes) this.counts.fixes[f] = (this.counts.fixes[f] ?? 0) + 1;
      const key = this.keyOf(mapped.person);
      const personId = this.person(no, mapped.person, key);
      for (const r of mapped.records) this.record(no, personId, key, mapped.person, r);
    }
    if (++this.pending >= FLUSH_AT) await this.flush();
    // Let the database's answers in now and then (a row source that never waits would otherwise
    // keep them queued, and the statements of a flush wait for each other's answers).
    else if ((this.counts.rowsRead & 255) === 0) await new Promise<void>((r) => setImmediate(r));
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
    const region = this.c.regionExists(regionCell) ? regionCell : ROOT_REGION;
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

  /** Households come from population registers; other channels' household numbers (低保户编号) stay theirs. */
  private household(no: number, p: PersonFields): number | null {
    if (!p.householdNo || this.c.mapping.record !== 'person') return null;
    // A register lists a household's members one after another: its key is computed once for them.
    if (p.householdNo !== this.lastHousehold.no) this.lastHousehold = { no: p.householdNo, key: this.c.protector.bidx('household', `${this.c.channelCode}\u0000${p.householdNo}`) };
    const key = this.lastHousehold.key;
    let id = this.householdIndex.get(key);
    if (id === undefined) {
      id = this.nextHousehold++;
      this.householdIndex.set(key, id);
      this.households.push(id, key, p.regionCode ?? ROOT_REGION, this.encAddress(p.address), this.c.channelId, this.c.batchId, no);
      this.counts.householdsAdded++;
    }
    return id;
  }

  /** Identity key, cached by ID number: a channel repeats a person in many rows (one per month). */
  private keyOf(p: PersonFields): string {
    if (!p.idNumber) return this.c.protector.personKey(p);
    let k = this.keyCache.get(p.idNumber);
    if (k === undefined) {
      if (this.keyCache.size > 2_000_000) this.keyCache.clear();
      k = this.c.protector.personKey(p);
      this.keyCache.set(p.idNumber, k);
    }
    return k;
  }

  private person(no: number, p: PersonFields, key: string): number {
    const pr = this.c.protector;
    const existing = this.personIndex.get(key);
    const householdId = this.household(no, p);
    if (existing !== undefined) {
      if (p.idNumber) this.counts.linkedById++;
      if (this.updatesPersons && !this.updatedThisBatch.has(existing)) {
        this.updatedThisBatch.add(existing);
        this.personUpdates.push([existing, p.regionCode, householdId, p.relation, this.encAddress(p.address), pr.later(p.phone), p.residence]);
      }
      return existing;
    }
    const id = this.nextPerson++;
    this.personIndex.set(key, id);
    this.updatedThisBatch.add(id);
    const pending = p.idNumber ? null : 'pending';
    if (pending) this.counts.pendingLinkage++;
    this.persons.push(
      id, key, pr.later(p.idNumber), p.idNumber ? key : null, pr.later(p.name), p.name ? pr.nameIndex(p.name) : null, p.name ? pr.surnameIndex(p.name) : null,
      p.sex, p.birthDate, p.residence, p.regionCode ?? ROOT_REGION, this.encAddress(p.address), pr.later(p.phone), householdId, p.relation, pending,
      id, this.c.channelId, this.c.batchId, no, this.c.now,
    );
    this.counts.personsAdded++;
    return id;
  }

  private record(no: number, personId: number, key: string, p: PersonFields, r: RecordOut): void {
    const pr = this.c.protector;
    this.counts.recordsAttempted++;
    // The same record (same person, same content) from the same channel is one record, however often sent.
    if (this.lastKeyState.key !== key) this.lastKeyState = { key, state: recordKeyState(`${key}\u0000`) };
    const rowKey = recordKeyOf(r, this.lastKeyState.state);
    const ch = this.c.channelId;
    const b = this.c.batchId;
    switch (r.type) {
      case 'income':
        this.income.push(personId, r.year, r.period, ITEMS[r.item].component, r.item, r.amountFen, ch, b, no, rowKey);
        break;
      case 'si':
        this.si.push(personId, r.year, r.period, r.employerCode, ...r.amounts, ch, b, no, rowKey);
        break;
      case 'dibao':
        this.dibao.push(personId, null, r.year, r.period, r.householdSize, r.standardFen, r.benefitFen, p.regionCode, ch, b, no, rowKey);
        break;
      case 'property':
        this.property.push(
          personId, r.kind, r.valueFen, r.area, r.regionCode, this.encAddress(r.address), pr.later(r.ref), r.ref ? pr.bidx('key', `${this.c.channelCode}\u0000ref\u0000${r.ref}`) : null,
          r.acquiredOn, r.valuedOn, r.disposedOn, ch, b, no, rowKey,
        );
        break;
    }
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
    const running = this.inFlight;
    this.inFlight = [];
    await Promise.allSettled(running);
  }

  /** Flushes what is left and fills in household ids on the batch's 低保 records. */
  async finish(): Promise<BatchCounts> {
    await this.flush();
    while (this.inFlight.length > 0) await this.inFlight.shift();
    if (this.counts.recordsAdded > 0) await addIncomeYear(this.c.trx, this.c.batchId, this.incomeAfter, NEGATIVE_ITEMS);
    if (this.c.mapping.record === 'dibao') {
      await sql`UPDATE reg_dibao SET household_id = (SELECT household_id FROM reg_persons WHERE reg_persons.id = reg_dibao.person_id) WHERE batch_id = ${this.c.batchId}`.execute(this.c.trx);
    }
    return this.counts;
  }
}
