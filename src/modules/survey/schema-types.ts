import type { Generated } from 'kysely';

/** Household income survey tables (migration 0004-survey). Money in fen; dates YYYY-MM-DD; booleans 0/1. */

export interface SvItemTable {
  version: number;
  code: string;
  name: string;
  kind: string;
  component: string | null;
  sign: number;
  part: string | null;
  in_kind: number;
  category: number | null;
  group_name: string;
  sort: number;
}

export interface SvSampleTable {
  id: Generated<number>;
  name: string;
  year_from: number;
  year_to: number;
  /** JSON: the options the sample was drawn with, and the strata plan. */
  params: string;
  created_at: string;
  created_by: string;
}

export interface SvFrameUnitTable {
  id: Generated<number>;
  sample_id: number;
  code: string;
  name: string;
  county_code: string;
  township_code: string;
  urban_rural_code: string;
  stratum: string;
  size: number;
  /** Hits in the PPS selection (0: not selected). */
  hits: number;
  expected_hits: number;
  listed: number;
}

export interface SvHouseholdTable {
  id: Generated<number>;
  sample_id: number;
  frame_unit_id: number;
  code: string;
  stratum: string;
  psu: string;
  county_code: string;
  township_code: string;
  village_code: string;
  urban: number;
  rotation_group: number;
  design_weight: number;
  /** active, refused, reserve, exited */
  status: string;
  reserve_rank: number;
  replaces_id: number | null;
  refusal_reason: string | null;
  refused_at: string | null;
  active_from: string;
  active_to: string;
  head_name: string;
  address: string;
  enumerator_user_id: number | null;
  user_id: number | null;
  /** Where the household came from (the demo city's household index). */
  source_ref: string | null;
}

export interface SvMemberTable {
  id: Generated<number>;
  household_id: number;
  seq: number;
  name: string;
  sex: string;
  birth_year: number;
  relation: string;
  supported_student: number;
  since: string | null;
  until: string | null;
}

export interface SvAbsenceTable {
  id: Generated<number>;
  member_id: number;
  date_from: string;
  date_to: string;
  reason: string;
}

export interface SvEntryTable {
  /** Generated on the phone (UUID): the same entry synced twice is one row. */
  id: string;
  household_id: number;
  date: string;
  month: string;
  item_code: string;
  amount_fen: number;
  note: string | null;
  member_seq: number | null;
  version: number;
  deleted: number;
  /** diary, questionnaire, generated (demo/benchmark) */
  source: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface SvConflictTable {
  id: Generated<number>;
  entry_id: string;
  household_id: number;
  /** JSON of the entry as the phone sent it and as the server held it. */
  client_payload: string;
  server_payload: string;
  status: string;
  created_at: string;
  created_by: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: string | null;
}

export interface SvQuestionnaireTable {
  id: Generated<number>;
  household_id: number;
  year: number;
  kind: string;
  data: string;
  version: number;
  updated_at: string;
  updated_by: string;
}

export interface SvHouseholdMonthTable {
  household_id: number;
  month: string;
  /** open, submitted, returned, approved */
  status: string;
  declared_members: number | null;
  /** JSON: quality issues at submission with their comments. */
  issues: string;
  submitted_at: string | null;
  submitted_by: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  comment: string | null;
}

export interface SvApprovalTable {
  id: Generated<number>;
  sample_id: number;
  level: string;
  unit_code: string;
  month: string;
  /** approved, returned */
  status: string;
  by_user: string;
  at: string;
  comment: string | null;
}

export interface SvParadataTable {
  id: Generated<number>;
  ts: string;
  user_id: number | null;
  username: string | null;
  household_id: number;
  object_type: string;
  object_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  reason: string | null;
  client_ts: string | null;
}

export interface SvCpiTable {
  period: string;
  value: number;
  updated_at: string;
  updated_by: string;
}

export interface SvPopulationTable {
  year: number;
  stratum: string;
  persons: number;
  households: number;
}

export interface SurveyTables {
  sv_items: SvItemTable;
  sv_samples: SvSampleTable;
  sv_frame_units: SvFrameUnitTable;
  sv_households: SvHouseholdTable;
  sv_members: SvMemberTable;
  sv_absences: SvAbsenceTable;
  sv_entries: SvEntryTable;
  sv_conflicts: SvConflictTable;
  sv_questionnaires: SvQuestionnaireTable;
  sv_household_months: SvHouseholdMonthTable;
  sv_approvals: SvApprovalTable;
  sv_paradata: SvParadataTable;
  sv_cpi: SvCpiTable;
  sv_population: SvPopulationTable;
}
