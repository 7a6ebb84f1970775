import type { Generated } from 'kysely';

/**
 * Indicators and targets (指标与目标) tables, merged into the Database interface in src/db/schema.ts.
 * Values are computed by the server into ind_values (a cache), never typed in.
 */
export interface IndicatorTables {
  ind_definitions: IndDefinitionTable;
  ind_entries: IndEntryTable;
  ind_targets: IndTargetTable;
  ind_values: IndValueTable;
  ind_extras: IndExtraTable;
  ind_group_members: IndGroupMemberTable;
}

export interface IndDefinitionTable {
  code: string;
  name_zh: string;
  name_en: string;
  unit: string;
  periodicity: string;
  numerator: string;
  denominator: string | null;
  factor: number;
  decimals: number;
  source: string;
  department: string | null;
  definition: string;
  better: string;
  /** position among the dashboard's headline cards, null: not a headline */
  headline: number | null;
  sort: number;
  version: number;
  updated_at: string;
  updated_by: string;
}

/** A department's entry of an administrative figure; counts once approved (approval locks it). */
export interface IndEntryTable {
  id: Generated<number>;
  indicator: string;
  period: string;
  region_code: string;
  value: number;
  note: string | null;
  /** submitted | approved | returned */
  status: string;
  department_id: number | null;
  entered_by: string;
  entered_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_comment: string | null;
  /** 1: demo figure derived from the synthetic city */
  synthetic: number;
  /** shown as the value's source, e.g. "市统计局 公布数（演示：由合成城市推算）" */
  source_label: string | null;
}

export interface IndTargetTable {
  id: Generated<number>;
  indicator: string;
  title: string;
  plan_ref: string;
  region_code: string;
  base_year: number;
  base_value: number | null;
  target_year: number;
  target_value: number;
  /** level | multiple | at_most */
  kind: string;
  /** seed | plan (a parsed plan milestone) | user */
  origin: string;
  milestone_id: number | null;
  updated_at: string;
  updated_by: string;
}

/** The computed value of an indicator for a period and region (the dashboard reads only this). */
export interface IndValueTable {
  code: string;
  period: string;
  region_code: string;
  value: number | null;
  se: number | null;
  ci_lo: number | null;
  ci_hi: number | null;
  n: number | null;
  suppressed: number;
  growth: number | null;
  source_kind: string;
  source_label: string;
  href: string | null;
  synthetic: number;
  computed_at: string;
}

/** Computed distribution data (quintiles, Lorenz points, key groups) as JSON per year and region. */
export interface IndExtraTable {
  kind: string;
  period: string;
  region_code: string;
  data: string;
  computed_at: string;
}

/**
 * Membership of the seven key groups, by the registry's keyed blind index of the resident ID number
 * (a department's roster, e.g. 人社局's skill certificates; for the demo, the synthetic city's flags).
 */
export interface IndGroupMemberTable {
  id: Generated<number>;
  group_key: string;
  id_bidx: string;
  source_label: string;
  synthetic: number;
}
