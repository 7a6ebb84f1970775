import type { Insertable } from 'kysely';
import type { Household, Member, Roster, SampleSummary } from '../../shared/api/survey.js';
import { LIAOYANG_DIVISIONS } from '../regions/liaoyang-divisions.js';
import type { RegionsService } from '../regions/regions.service.js';
import { nowIso } from '../../shared/time.js';
import { AppError, badRequest, notFound } from '../app-error.js';
import type { Actor, AuditService } from '../audit/audit.service.js';
import { assertSee, assertWrite, isHouseholdOnly, type SurveyViewer } from './access.js';
import { CLASSIFICATIONS, versionFor, type ClassItem } from './classification.js';
import { parsePeriod } from './periods.js';
import { residentCount, type MemberPresence } from './residents.js';
import { DEFAULT_SAMPLE_OPTIONS, drawSample, stratumOf, type FrameUnit, type SampleOptions } from './sampling.js';
import type { SvHouseholdTable, SvMemberTable } from './schema-types.js';
import type { HouseholdRow, MemberRow, SurveyRepository } from './survey.repository.js';

export interface ListedHousehold {
  ref: string;
  headName: string;
  address: string;
  members: { name: string; sex: '1' | '2'; birthYear: number; relation: string; supportedStudent?: boolean }[];
}

/** Where a sample is drawn from: the frame of communities/villages and the listing of a selected one. */
export interface SampleSource {
  frame: FrameUnit[];
  listing: (unit: number) => ListedHousehold[];
}

export interface DrawInput {
  name: string;
  yearFrom: number;
  yearTo: number;
  options?: Partial<SampleOptions>;
}

const COUNTY_NAMES = new Map(LIAOYANG_DIVISIONS.map((d) => [d.code, d.name]));

export function toHousehold(r: HouseholdRow, villageName = ''): Household {
  return {
    id: r.id, sampleId: r.sample_id, code: r.code, headName: r.head_name, address: r.address, villageCode: r.village_code, villageName, townshipCode: r.township_code,
    countyCode: r.county_code, urban: !!r.urban, stratum: r.stratum, psu: r.psu, rotationGroup: r.rotation_group, designWeight: r.design_weight,
    status: r.status as Household['status'], refusalReason: r.refusal_reason, replacesId: r.replaces_id, activeFrom: r.active_from, activeTo: r.active_to,
    enumeratorUserId: r.enumerator_user_id, hasLogin: r.user_id !== null,
  };
}

export function presenceOf(members: MemberRow[], absences: { member_id: number; date_from: string; date_to: string }[]): Map<number, MemberPresence[]> {
  const byMember = new Map<number, { from: string; to: string }[]>();
  for (const a of absences) {
    const l = byMember.get(a.member_id) ?? [];
    l.push({ from: a.date_from, to: a.date_to });
    byMember.set(a.member_id, l);
  }
  const out = new Map<number, MemberPresence[]>();
  for (const m of members) {
    const l = out.get(m.household_id) ?? [];
    l.push({ since: m.since, until: m.until, supportedStudent: !!m.supported_student, absences: byMember.get(m.id) ?? [] });
    out.set(m.household_id, l);
  }
  return out;
}

/** The classification in the database, the sample, households, refusals and replacements, the roster. */
export class SampleService {
  constructor(
    readonly repo: SurveyRepository,
    private readonly audit: AuditService,
    private readonly regions: RegionsService,
  ) {}

  /** Writes the shipped classification versions (idempotent). */
  async seedClassification(): Promise<void> {
    await this.repo.seedItems(
      CLASSIFICATIONS.flatMap((v) =>
        v.items.map((i, sort) => ({ version: v.version, code: i.code, name: i.name, kind: i.kind, component: i.component, sign: i.sign, part: i.part, in_kind: i.inKind ? 1 : 0, category: i.category, group_name: i.group, sort })),
      ),
    );
  }

  private itemCache = new Map<number, Map<string, ClassItem>>();
  /** The classification that applies to a year, by code. */
  async itemsFor(year: number): Promise<Map<string, ClassItem>> {
    const version = versionFor(year);
    let m = this.itemCache.get(version);
    if (!m) {
      let rows = await this.repo.items(version);
      if (rows.length === 0) {
        await this.seedClassification();
        rows = await this.repo.items(version);
      }
      m = new Map(
        rows.map((r) => [r.code, { code: r.code, name: r.name, kind: r.kind as ClassItem['kind'], component: r.component as ClassItem['component'], sign: r.sign as ClassItem['sign'], part: r.part as ClassItem['part'], inKind: !!r.in_kind, category: r.category, group: r.group_name }]),
      );
      this.itemCache.set(version, m);
    }
    return m;
  }

  async classification(year: number) {
    const version = versionFor(year);
    const note = CLASSIFICATIONS.find((c) => c.version === version)?.note ?? '';
    return { version, note, items: [...(await this.itemsFor(year)).values()] };
  }

  /** Draws and stores a sample; the frame's villages become regions (accounts can be scoped to them). */
  async draw(input: DrawInput, source: SampleSource, actor: Actor): Promise<number> {
    if (input.yearTo < input.yearFrom) throw badRequest('BAD_YEARS', '结束年份不能早于开始年份');
    const options = { ...DEFAULT_SAMPLE_OPTIONS, ...input.options };
    const listings = new Map<number, ListedHousehold[]>();
    const listed = (i: number) => {
      let l = listings.get(i);
      if (!l) listings.set(i, (l = source.listing(i)));
      return l;
    };
    const drawn = drawSample(source.frame, (i) => listed(i).length, options);
    const hits = new Map<number, { count: number; expected: number }>();
    for (const p of drawn.psus) hits.set(p.unit, { count: (hits.get(p.unit)?.count ?? 0) + 1, expected: p.expectedHits });
    await this.regions.importDivisions(source.frame.map((u) => ({ code: u.code, name: u.name, level: 'village' as const, parentCode: u.townshipCode, urbanRuralCode: u.urbanRuralCode })));
    const now = nowIso();
    const sampleId = await this.repo.db.transaction().execute(async (trx) => {
      const id = await this.repo.insertSample({ name: input.name, year_from: input.yearFrom, year_to: input.yearTo, params: JSON.stringify({ options, strata: drawn.strata }), created_at: now, created_by: actor.username ?? 'system' }, trx);
      await this.repo.insertFrameUnits(
        source.frame.map((u, i) => ({
          sample_id: id, code: u.code, name: u.name, county_code: u.countyCode, township_code: u.townshipCode, urban_rural_code: u.urbanRuralCode, stratum: stratumOf(u), size: u.size,
          hits: hits.get(i)?.count ?? 0, expected_hits: hits.get(i)?.expected ?? 0, listed: listings.get(i)?.length ?? 0,
        })),
        trx,
      );
      const unitIds = new Map((await this.repo.frameUnits(id, trx)).map((r) => [r.code, r.id]));
      const rows: Insertable<SvHouseholdTable>[] = [];
      const people: { code: string; members: ListedHousehold['members'] }[] = [];
      const seqInUnit = new Map<number, number>();
      const ordered = [...drawn.households].sort((a, b) => a.psu.unit - b.psu.unit || a.reserveRank - b.reserveRank || a.position - b.position);
      for (const h of ordered) {
        const u = source.frame[h.psu.unit];
        const l = listed(h.psu.unit)[h.position];
        const k = (seqInUnit.get(h.psu.unit) ?? 0) + 1;
        seqInUnit.set(h.psu.unit, k);
        const code = `S${id}-${u.code}-${String(k).padStart(3, '0')}`;
        rows.push({
          sample_id: id, frame_unit_id: unitIds.get(u.code)!, code, stratum: h.psu.stratum, psu: h.psu.label, county_code: u.countyCode, township_code: u.townshipCode, village_code: u.code,
          urban: u.urbanRuralCode.startsWith('1') ? 1 : 0, rotation_group: h.rotationGroup, design_weight: h.weight, status: h.reserveRank === 0 ? 'active' : 'reserve', reserve_rank: h.reserveRank,
          replaces_id: null, refusal_reason: null, refused_at: null, active_from: `${input.yearFrom}-01-01`, active_to: `${input.yearTo}-12-31`, head_name: l.headName, address: l.address,
          enumerator_user_id: null, user_id: null, source_ref: l.ref,
        });
        people.push({ code, members: l.members });
      }
      await this.repo.insertHouseholds(rows, trx);
      const ids = new Map((await this.repo.householdIdsByCode(id, trx)).map((r) => [r.code, r.id]));
      const members: Insertable<SvMemberTable>[] = people.flatMap((p) =>
        p.members.map((m, j) => ({ household_id: ids.get(p.code)!, seq: j + 1, name: m.name, sex: m.sex, birth_year: m.birthYear, relation: m.relation, supported_student: m.supportedStudent ? 1 : 0, since: null, until: null })),
      );
      await this.repo.insertMembers(members, trx);
      return id;
    });
    const active = drawn.households.filter((h) => h.reserveRank === 0).length;
    await this.audit.record(actor, { action: 'survey.sample.draw', objectType: 'survey_sample', objectId: sampleId, regionCode: '211000', detail: { name: input.name, psus: drawn.psus.length, households: active, reserves: drawn.households.length - active, seed: options.seed } });
    return sampleId;
  }

  async latestSampleId(): Promise<number | null> {
    return (await this.repo.samples())[0]?.id ?? null;
  }

  async summaries(): Promise<SampleSummary[]> {
    const out: SampleSummary[] = [];
    for (const s of await this.repo.samples()) {
      const units = await this.repo.frameUnits(s.id);
      const hhs = await this.repo.households({ sampleId: s.id });
      const counts = { active: 0, refused: 0, reserve: 0, replaced: 0 };
      for (const h of hhs) {
        if (h.status === 'active' || h.status === 'refused' || h.status === 'reserve') counts[h.status]++;
        if (h.replaces_id !== null) counts.replaced++;
      }
      const strata = new Map<string, SampleSummary['strata'][number]>();
      for (const u of units) {
        let st = strata.get(u.stratum);
        if (!st) strata.set(u.stratum, (st = { code: u.stratum, countyCode: u.county_code, countyName: COUNTY_NAMES.get(u.county_code) ?? u.county_code, urban: u.stratum.endsWith('U'), frameUnits: 0, frameHouseholds: 0, psus: 0, households: 0 }));
        st.frameUnits++;
        st.frameHouseholds += u.size;
        st.psus += u.hits;
      }
      for (const h of hhs) if (h.status === 'active') strata.get(h.stratum)!.households++;
      out.push({ id: s.id, name: s.name, yearFrom: s.year_from, yearTo: s.year_to, createdAt: s.created_at, strata: [...strata.values()].sort((a, b) => a.code.localeCompare(b.code)), counts, lastApprovedMonth: await this.repo.lastApprovedMonth(s.id) });
    }
    return out;
  }

  async households(v: SurveyViewer, q: { sampleId?: number; status?: string; region?: string; q?: string }): Promise<Household[]> {
    const { inScope, regionPrefix } = await import('../../shared/region-scope.js');
    const scope = q.region && inScope(v.regionCode, q.region) ? q.region : v.regionCode;
    const rows = await this.repo.households({ sampleId: q.sampleId, status: q.status, prefix: regionPrefix(scope), text: q.q });
    const own = isHouseholdOnly(v);
    const visible = rows.filter((r) => r.user_id === v.id || (!own && inScope(v.regionCode, r.village_code)));
    const names = new Map((await this.repo.villageNames([...new Set(visible.map((r) => r.village_code))])).map((r) => [r.code, r.name]));
    return visible.map((r) => toHousehold(r, names.get(r.village_code)));
  }

  async household(v: SurveyViewer, id: number): Promise<HouseholdRow> {
    const h = await this.repo.household(id);
    assertSee(v, h);
    return h as HouseholdRow;
  }

  /** The household of a household account. */
  async householdOfUser(userId: number): Promise<HouseholdRow> {
    const h = await this.repo.householdOfUser(userId);
    if (!h) throw notFound('与本账号关联的样本户');
    return h;
  }

  /** Records a refusal with its reason and brings in the next reserve household of the same PSU. */
  async refuse(v: SurveyViewer, id: number, reason: string, actor: Actor): Promise<{ refusedId: number; replacement: Household | null }> {
    const h = await this.repo.household(id);
    assertWrite(v, h);
    const row = h as HouseholdRow;
    if (row.status !== 'active') throw new AppError(409, 'NOT_ACTIVE', '只有在调查中的样本户可以登记拒访');
    const now = nowIso();
    const today = now.slice(0, 10);
    const replacement = await this.repo.db.transaction().execute(async (trx) => {
      await this.repo.updateHousehold(id, { status: 'refused', refusal_reason: reason, refused_at: now, active_to: today < row.active_from ? row.active_from : today }, trx);
      const r = await this.repo.nextReserve(row.frame_unit_id, row.psu, trx);
      if (!r) return null;
      await this.repo.updateHousehold(r.id, { status: 'active', replaces_id: id, rotation_group: row.rotation_group, design_weight: row.design_weight, active_from: today > row.active_from ? today : row.active_from, active_to: row.active_to }, trx);
      await this.repo.insertParadata([
        { ts: now, user_id: actor.userId, username: actor.username, household_id: id, object_type: 'household', object_id: String(id), field: 'status', old_value: 'active', new_value: 'refused', reason, client_ts: null },
        { ts: now, user_id: actor.userId, username: actor.username, household_id: r.id, object_type: 'household', object_id: String(r.id), field: 'status', old_value: 'reserve', new_value: 'active', reason: `替换拒访户 ${row.code}`, client_ts: null },
      ], trx);
      return this.repo.household(r.id, trx);
    });
    await this.audit.record(actor, { action: 'survey.household.refuse', objectType: 'survey_household', objectId: id, regionCode: row.village_code, detail: { reason, replacement: replacement?.code ?? null } });
    return { refusedId: id, replacement: replacement ? toHousehold(replacement) : null };
  }

  async linkUser(householdId: number, userId: number): Promise<void> {
    await this.repo.updateHousehold(householdId, { user_id: userId });
  }

  async assignEnumerator(householdIds: number[], userId: number | null): Promise<void> {
    for (const id of householdIds) await this.repo.updateHousehold(id, { enumerator_user_id: userId });
  }

  // ---------- roster ----------

  async members(householdId: number): Promise<Member[]> {
    const ms = await this.repo.members([householdId]);
    const abs = await this.repo.absences(ms.map((m) => m.id));
    return ms.map((m) => ({
      id: m.id, seq: m.seq, name: m.name, sex: m.sex as '1' | '2', birthYear: m.birth_year, relation: m.relation, supportedStudent: !!m.supported_student, since: m.since, until: m.until,
      absences: abs.filter((a) => a.member_id === m.id).map((a) => ({ id: a.id, from: a.date_from, to: a.date_to, reason: a.reason })),
    }));
  }

  async presence(householdId: number): Promise<MemberPresence[]> {
    const ms = await this.repo.members([householdId]);
    return presenceOf(ms, await this.repo.absences(ms.map((m) => m.id))).get(householdId) ?? [];
  }

  async residentsIn(householdId: number, start: string, end: string): Promise<number> {
    return residentCount(await this.presence(householdId), start, end);
  }

  async roster(v: SurveyViewer, householdId: number, year: number): Promise<Roster> {
    const h = await this.household(v, householdId);
    const members = await this.members(householdId);
    const presence = await this.presence(householdId);
    const residents = parsePeriod(String(year)).months.map((month) => {
      const p = parsePeriod(month);
      return { month, count: residentCount(presence, p.start, p.end) };
    });
    const names = await this.repo.villageNames([h.village_code]);
    return { household: toHousehold(h, names[0]?.name), members, residents };
  }
}
