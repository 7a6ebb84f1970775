/**
 * Bulk writes for generated data (the demo's year of diaries, tests, the benchmark): entries without
 * paradata, months marked approved, and approvals up to a level — what a year of real review would
 * leave behind, written in a few statements.
 */
import type { Insertable } from 'kysely';
import type { ReviewLevel } from '../../shared/api/survey.js';
import { nowIso } from '../../shared/time.js';
import { CITY_CODE } from './diary.service.js';
import type { SvApprovalTable, SvEntryTable, SvHouseholdMonthTable } from './schema-types.js';
import type { HouseholdRow, SurveyRepository } from './survey.repository.js';

export interface GeneratedEntry {
  householdId: number;
  date: string;
  itemCode: string;
  amountFen: number;
  note?: string | null;
}

/** Deterministic entry ids for generated data: a UUID-shaped hex of (household, serial). */
export function generatedId(householdId: number, serial: number): string {
  const h = householdId.toString(16).padStart(8, '0').slice(-8);
  const s = serial.toString(16).padStart(12, '0').slice(-12);
  return `${h}-0000-4000-8000-${s}`;
}

export async function insertGenerated(repo: SurveyRepository, entries: GeneratedEntry[], serialStart = 0, by = 'demo'): Promise<void> {
  const now = nowIso();
  const rows: Insertable<SvEntryTable>[] = entries.map((e, i) => ({
    id: generatedId(e.householdId, serialStart + i), household_id: e.householdId, date: e.date, month: e.date.slice(0, 7), item_code: e.itemCode, amount_fen: e.amountFen,
    note: e.note ?? null, member_seq: null, version: 1, deleted: 0, source: 'generated', created_at: now, created_by: by, updated_at: now, updated_by: by,
  }));
  await repo.db.transaction().execute((trx) => repo.insertEntries(rows, trx));
}

const LEVEL_ORDER: ReviewLevel[] = ['household', 'township', 'county', 'city'];

/**
 * Marks the months of the given households submitted and approved, and approves every township,
 * county and the city up to `upTo` (a unit only when all its households are among those given).
 */
export async function approveGenerated(repo: SurveyRepository, sampleId: number, households: HouseholdRow[], months: string[], upTo: ReviewLevel, by = 'demo'): Promise<void> {
  const now = nowIso();
  const given = new Set(households.map((h) => h.id));
  const active = await repo.households({ sampleId, status: 'active' });
  const monthRows: Insertable<SvHouseholdMonthTable>[] = [];
  for (const h of households) {
    for (const month of months) {
      monthRows.push({ household_id: h.id, month, status: 'approved', declared_members: null, issues: '[]', submitted_at: now, submitted_by: by, reviewed_at: now, reviewed_by: by, comment: null });
    }
  }
  const approvals: Insertable<SvApprovalTable>[] = [];
  const upto = LEVEL_ORDER.indexOf(upTo);
  const complete = (pick: (h: HouseholdRow) => string, code: string) => active.filter((h) => pick(h) === code).every((h) => given.has(h.id));
  for (const month of months) {
    if (upto >= 1) for (const t of new Set(households.map((h) => h.township_code))) if (complete((h) => h.township_code, t)) approvals.push({ sample_id: sampleId, level: 'township', unit_code: t, month, status: 'approved', by_user: by, at: now, comment: null });
    if (upto >= 2) for (const c of new Set(households.map((h) => h.county_code))) if (complete((h) => h.county_code, c)) approvals.push({ sample_id: sampleId, level: 'county', unit_code: c, month, status: 'approved', by_user: by, at: now, comment: null });
    if (upto >= 3 && complete(() => CITY_CODE, CITY_CODE)) approvals.push({ sample_id: sampleId, level: 'city', unit_code: CITY_CODE, month, status: 'approved', by_user: by, at: now, comment: null });
  }
  await repo.db.transaction().execute(async (trx) => {
    await repo.insertMonths(monthRows, trx);
    await repo.insertApprovals(approvals, trx);
  });
}
