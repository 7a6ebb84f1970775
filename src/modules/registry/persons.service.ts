/**
 * Persons: search by ID number or name within the viewer's region scope, the person page
 * (household, incomes by year and component, property, social insurance, 低保, sources, linkage
 * history), and unmasking with a stated purpose. Identifiers are masked unless unmasked; every
 * read of a person is audited; a person outside the viewer's scope does not exist for them.
 */
import type { DbHandle } from '../../db/connect.js';
import { checkResidentId, normaliseResidentId } from '../../shared/resident-id.js';
import { inScope } from '../../shared/region-scope.js';
import { AppError, forbidden, notFound } from '../app-error.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import { ITEMS, SI_SCHEMES, isItem, type Component } from './items.js';
import { parseName } from './normalise.js';
import { maskAccount, maskAddress, maskName, maskPhone, maskResidentId, type Protector } from './protect.js';
import { scopePattern, type RegistryViewer } from './scope.js';
import { siColumn } from './si-record.js';

export interface PersonListItem {
  id: number;
  idNumber: string | null;
  name: string | null;
  sex: number | null;
  birthDate: string | null;
  regionCode: string;
  householdId: number | null;
  residence: string | null;
  hasIdNumber: boolean;
}

export interface PersonPage extends PersonListItem {
  phone: string | null;
  address: string | null;
  relation: string | null;
  /** ids merged into this person (their records count as this person's) */
  mergedIds: number[];
  /** set when the id asked for had been merged into this person */
  requestedId: number;
  household: { id: number; regionCode: string; members: { id: number; name: string | null; sex: number | null; birthYear: number | null; relation: string | null }[] } | null;
  incomes: { year: number; component: Component; item: string; channel: string; amountFen: number; signedFen: number; records: number }[];
  property: { id: number; kind: string; valueFen: number; area: number | null; regionCode: string | null; address: string | null; ref: string | null; acquiredOn: string | null; disposedOn: string | null; channel: string; batchId: number; rowNo: number }[];
  socialInsurance: { year: number; scheme: string; months: number; personalFen: number; employerFen: number; baseFen: number | null }[];
  dibao: { year: number; months: number; benefitFen: number; householdSize: number | null; standardFen: number | null }[];
  sources: { channel: string; channelName: string; batchId: number; fileName: string; records: number; firstRow: number; lastRow: number }[];
  linkage: { at: string; action: string; fromId: number; intoId: number; method: string; by: string; reason: string | null }[];
  pendingLinks: { linkId: number; otherId: number; weight: number }[];
}

export class PersonsService {
  constructor(
    private readonly h: DbHandle,
    private readonly protector: Protector,
    private readonly audit: AuditService,
  ) {}

  private show(v: RegistryViewer, unmasked: boolean) {
    const p = this.protector;
    return {
      id: (enc: string | null) => (enc === null ? null : unmasked ? p.dec(enc) : maskResidentId(p.dec(enc))),
      name: (enc: string | null) => (enc === null ? null : unmasked ? p.dec(enc) : maskName(p.dec(enc))),
      phone: (enc: string | null) => (enc === null ? null : unmasked ? p.dec(enc) : maskPhone(p.dec(enc))),
      address: (enc: string | null) => (enc === null ? null : unmasked ? p.dec(enc) : maskAddress(p.dec(enc))),
      account: (enc: string | null) => (enc === null ? null : unmasked ? p.dec(enc) : maskAccount(p.dec(enc))),
    };
  }

  /** Search by an ID number (any common spelling) or an exact name, within scope; results masked. */
  async search(v: RegistryViewer, q: { idNumber?: string; name?: string }, actor: Actor): Promise<PersonListItem[]> {
    let bidxColumn: 'id_number_bidx' | 'name_bidx';
    let value: string;
    if (q.idNumber) {
      const c = checkResidentId(q.idNumber);
      bidxColumn = 'id_number_bidx';
      value = this.protector.idIndex(c.ok ? c.value.id : normaliseResidentId(q.idNumber).value);
    } else if (q.name) {
      const n = parseName(q.name);
      if (!n.ok) throw new AppError(400, 'BAD_NAME', '姓名格式不正确');
      bidxColumn = 'name_bidx';
      value = this.protector.nameIndex(n.value);
    } else throw new AppError(400, 'SEARCH_EMPTY', '请输入身份证号或姓名');
    // Matches may be merged records: the person shown is the one they were merged into.
    const hits = await this.h.db.selectFrom('reg_persons').select('canonical_id').where(bidxColumn, '=', value).limit(500).execute();
    const ids = [...new Set(hits.map((h) => h.canonical_id))];
    const rows = ids.length
      ? await this.h.db.selectFrom('reg_persons').selectAll().where('id', 'in', ids).where('region_code', 'like', scopePattern(v.regionCode)).orderBy('id').limit(100).execute()
      : [];
    await this.audit.record(actor, {
      action: 'registry.person.search', objectType: 'reg_person', regionCode: v.regionCode,
      detail: { by: q.idNumber ? 'idNumber' : 'name', results: rows.map((r) => r.id) },
    });
    const s = this.show(v, false);
    return rows.map((r) => ({
      id: r.id, idNumber: s.id(r.id_number_enc), name: s.name(r.name_enc), sex: r.sex, birthDate: r.birth_date, regionCode: r.region_code,
      householdId: r.household_id, residence: r.residence, hasIdNumber: r.id_number_bidx !== null,
    }));
  }

  /** The canonical person for an id, or 404 when there is none in the viewer's scope. */
  private async canonical(v: RegistryViewer, id: number) {
    const asked = await this.h.db.selectFrom('reg_persons').select(['canonical_id']).where('id', '=', id).executeTakeFirst();
    if (!asked) throw notFound('人员');
    const p = await this.h.db.selectFrom('reg_persons').selectAll().where('id', '=', asked.canonical_id).executeTakeFirstOrThrow();
    // Out of scope looks exactly like absent: no hint that the person exists elsewhere.
    if (!inScope(v.regionCode, p.region_code)) throw notFound('人员');
    return p;
  }

  async page(v: RegistryViewer, id: number, actor: Actor, unmask?: { purpose: string }): Promise<PersonPage> {
    if (unmask && !v.canUnmask) throw forbidden('您的角色无权查看未脱敏的个人信息');
    if (unmask && unmask.purpose.trim().length < 4) throw new AppError(400, 'PURPOSE_REQUIRED', '查看未脱敏信息须说明用途（至少4个字）');
    const p = await this.canonical(v, id);
    const db = this.h.db;
    const cluster = (await db.selectFrom('reg_persons').select('id').where('canonical_id', '=', p.id).execute()).map((r) => r.id);
    const s = this.show(v, !!unmask);

    const household = p.household_id
      ? {
          id: p.household_id,
          regionCode: (await db.selectFrom('reg_households').select('region_code').where('id', '=', p.household_id).executeTakeFirstOrThrow()).region_code,
          members: (await db.selectFrom('reg_persons').selectAll().where('household_id', '=', p.household_id).where('merged_into', 'is', null).orderBy('id').execute()).map((m) => ({
            id: m.id, name: s.name(m.name_enc), sex: m.sex, birthYear: m.birth_date ? Number(m.birth_date.slice(0, 4)) : null, relation: m.relation,
          })),
        }
      : null;

    const incomeRows = await db
      .selectFrom('reg_income')
      .innerJoin('reg_channels', 'reg_channels.id', 'reg_income.channel_id')
      .select(['reg_income.year', 'reg_income.component', 'reg_income.item', 'reg_channels.code as channel'])
      .select((eb) => [eb.fn.sum<number>('reg_income.amount_fen').as('amount'), eb.fn.countAll<number>().as('n')])
      .where('reg_income.person_id', 'in', cluster)
      .groupBy(['reg_income.year', 'reg_income.component', 'reg_income.item', 'reg_channels.code'])
      .orderBy('reg_income.year', 'desc')
      .execute();
    const incomes = incomeRows.map((r) => {
      const amount = Number(r.amount);
      return { year: r.year, component: r.component as Component, item: r.item, channel: r.channel, amountFen: amount, signedFen: isItem(r.item) ? ITEMS[r.item].sign * amount : amount, records: Number(r.n) };
    });

    const property = (
      await db.selectFrom('reg_property').innerJoin('reg_channels', 'reg_channels.id', 'reg_property.channel_id').selectAll('reg_property').select('reg_channels.code as channel').where('person_id', 'in', cluster).orderBy('reg_property.id').execute()
    ).map((r) => ({
      id: r.id, kind: r.kind, valueFen: r.value_fen, area: r.area_m2, regionCode: r.region_code, address: s.address(r.address_enc), ref: s.account(r.ref_enc),
      acquiredOn: r.acquired_on, disposedOn: r.disposed_on, channel: r.channel, batchId: r.batch_id, rowNo: r.row_no,
    }));

    const socialInsurance = await this.socialInsurance(cluster);

    const dibao = (
      await db
        .selectFrom('reg_dibao')
        .select('year')
        .select((eb) => [eb.fn.countAll<number>().as('months'), eb.fn.sum<number>('benefit_fen').as('benefit'), eb.fn.max<number>('household_size').as('size'), eb.fn.max<number>('standard_fen').as('standard')])
        .where('person_id', 'in', cluster)
        .groupBy('year')
        .orderBy('year', 'desc')
        .execute()
    ).map((r) => ({ year: r.year, months: Number(r.months), benefitFen: Number(r.benefit ?? 0), householdSize: r.size === null ? null : Number(r.size), standardFen: r.standard === null ? null : Number(r.standard) }));

    const sources = await this.sources(cluster);
    const linkage = (
      await db.selectFrom('reg_merges').selectAll().where((eb) => eb.or([eb('from_id', 'in', cluster), eb('into_id', 'in', cluster)])).orderBy('id').execute()
    ).map((m) => ({ at: m.at, action: m.action, fromId: m.from_id, intoId: m.into_id, method: m.method, by: m.by, reason: m.reason }));
    const pendingLinks = (
      await db.selectFrom('reg_links').selectAll().where('status', '=', 'pending').where((eb) => eb.or([eb('person_id', 'in', cluster), eb('candidate_id', 'in', cluster)])).execute()
    ).map((l) => ({ linkId: l.id, otherId: cluster.includes(l.person_id) ? l.candidate_id : l.person_id, weight: l.weight }));

    await this.audit.record(actor, {
      action: unmask ? 'registry.person.unmask' : 'registry.person.read', objectType: 'reg_person', objectId: p.id, regionCode: p.region_code,
      detail: unmask ? { purpose: unmask.purpose, requestedId: id } : { requestedId: id },
    });
    return {
      id: p.id, requestedId: id, idNumber: s.id(p.id_number_enc), name: s.name(p.name_enc), sex: p.sex, birthDate: p.birth_date, regionCode: p.region_code,
      householdId: p.household_id, residence: p.residence, hasIdNumber: p.id_number_bidx !== null, phone: s.phone(p.phone_enc), address: s.address(p.address_enc),
      relation: p.relation, mergedIds: cluster.filter((x) => x !== p.id), household, incomes, property, socialInsurance, dibao, sources, linkage, pendingLinks,
    };
  }

  /** Months and sums per year and scheme (the table holds one row per month with every scheme's amounts). */
  private async socialInsurance(cluster: number[]): Promise<PersonPage['socialInsurance']> {
    const rows = await this.h.db
      .selectFrom('reg_social_insurance')
      .select('year')
      .select((eb) =>
        SI_SCHEMES.flatMap((scheme) => [
          eb.fn.count<number>(siColumn(scheme, 'personal')).as(`${scheme}_months`),
          eb.fn.sum<number>(siColumn(scheme, 'personal')).as(`${scheme}_personal`),
          eb.fn.sum<number>(siColumn(scheme, 'employer')).as(`${scheme}_employer`),
          eb.fn.max<number>(siColumn(scheme, 'base')).as(`${scheme}_base`),
        ]),
      )
      .where('person_id', 'in', cluster)
      .groupBy('year')
      .orderBy('year', 'desc')
      .execute();
    const out: PersonPage['socialInsurance'] = [];
    for (const r of rows as unknown as Record<string, number | string | null>[]) {
      for (const scheme of SI_SCHEMES) {
        const months = Number(r[`${scheme}_months`] ?? 0);
        if (months === 0) continue;
        const base = r[`${scheme}_base`];
        out.push({ year: Number(r.year), scheme, months, personalFen: Number(r[`${scheme}_personal`] ?? 0), employerFen: Number(r[`${scheme}_employer`] ?? 0), baseFen: base === null ? null : Number(base) });
      }
    }
    return out;
  }

  /** Which channel files and rows this person's records came from. */
  private async sources(cluster: number[]): Promise<PersonPage['sources']> {
    const db = this.h.db;
    const out = new Map<number, { channelId: number; records: number; firstRow: number; lastRow: number }>();
    for (const t of ['reg_income', 'reg_property', 'reg_social_insurance', 'reg_dibao'] as const) {
      const rows = await db
        .selectFrom(t)
        .select(['batch_id', 'channel_id'])
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min<number>('row_no').as('lo'), eb.fn.max<number>('row_no').as('hi')])
        .where('person_id', 'in', cluster)
        .groupBy(['batch_id', 'channel_id'])
        .execute();
      for (const r of rows) {
        const o = out.get(r.batch_id) ?? { channelId: r.channel_id, records: 0, firstRow: Infinity, lastRow: 0 };
        o.records += Number(r.n);
        o.firstRow = Math.min(o.firstRow, Number(r.lo));
        o.lastRow = Math.max(o.lastRow, Number(r.hi));
        out.set(r.batch_id, o);
      }
    }
    const persons = await db.selectFrom('reg_persons').select(['batch_id', 'channel_id', 'row_no']).where('id', 'in', cluster).execute();
    for (const p of persons) {
      const o = out.get(p.batch_id) ?? { channelId: p.channel_id, records: 0, firstRow: p.row_no, lastRow: p.row_no };
      out.set(p.batch_id, o);
    }
    if (out.size === 0) return [];
    const batches = await db
      .selectFrom('reg_batches')
      .innerJoin('reg_channels', 'reg_channels.id', 'reg_batches.channel_id')
      .select(['reg_batches.id', 'reg_batches.file_name', 'reg_channels.code', 'reg_channels.name'])
      .where('reg_batches.id', 'in', [...out.keys()])
      .execute();
    return batches
      .map((b) => {
        const o = out.get(b.id)!;
        return { channel: b.code, channelName: b.name, batchId: b.id, fileName: b.file_name, records: o.records, firstRow: o.firstRow, lastRow: o.lastRow };
      })
      .sort((a, b) => a.batchId - b.batchId);
  }
}
