import type { Generated } from 'kysely';
import type {
  RegBatchTable, RegChannelTable, RegDibaoTable, RegHouseholdTable, RegIncomeTable, RegLinkTable, RegMergeTable, RegPersonTable,
  RegPiaTable, RegPropertyTable, RegQuarantineTable, RegSocialInsuranceTable,
} from '../modules/registry/schema-types.js';
import type { SurveyTables } from '../modules/survey/schema-types.js';
import type { IndicatorTables } from '../modules/indicators/schema-types.js';

/**
 * The database as Kysely sees it. Each capability adds its tables here and a migration in
 * ./migrations. Timestamps are ISO-8601 text; booleans 0/1; money integer fen.
 */
export interface Database extends SurveyTables, IndicatorTables {
  regions: RegionTable;
  departments: DepartmentTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  audit_log: AuditLogTable;
  settings: SettingTable;
  plans: PlanTable;
  tasks: TaskTable;
  task_units: TaskUnitTable;
  milestones: MilestoneTable;
  task_reports: TaskReportTable;
  report_attachments: ReportAttachmentTable;
  notifications: NotificationTable;
  reg_channels: RegChannelTable;
  reg_pias: RegPiaTable;
  reg_batches: RegBatchTable;
  reg_quarantine: RegQuarantineTable;
  reg_households: RegHouseholdTable;
  reg_persons: RegPersonTable;
  reg_links: RegLinkTable;
  reg_merges: RegMergeTable;
  reg_income: RegIncomeTable;
  reg_property: RegPropertyTable;
  reg_social_insurance: RegSocialInsuranceTable;
  reg_dibao: RegDibaoTable;
  reg_income_year: { year: number; person_id: number; component: string; amount_fen: number; records: number };
  reg_household_snapshots: { year: number; version: string; households: number; regions: string; data: Buffer; computed_at: string };
  ms_runs: MsRunTable;
  ms_scenarios: MsScenarioTable;
}

export interface RegionTable {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  /** 《统计上划分城乡的规定》 code (111…220), villages and communities only. */
  urban_rural_code: string | null;
  valid_from: string;
  valid_to: string | null;
}

export interface DepartmentTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: string;
  region_code: string;
  /** JSON array of other names for the same unit. */
  aliases: string;
  active: number;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  department_id: number | null;
  region_code: string;
  /** JSON array of Role. */
  roles: string;
  password_hash: string;
  password_changed_at: string;
  must_change_password: number;
  /** TOTP secret, encrypted with the master key (AES-256-GCM). */
  totp_secret_enc: string | null;
  totp_enabled: number;
  disabled: number;
  locale: string;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself is only ever in the user's cookie. */
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  ip: string;
  user_agent: string;
  /** 1 once the second factor was verified (or is not required). */
  second_factor: number;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ts: string;
  success: number;
  ip: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  ts: string;
  user_id: number | null;
  username: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  region_code: string | null;
  outcome: string;
  ip: string | null;
  /** JSON object with action-specific detail. */
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface SettingTable {
  key: string;
  /** JSON value. */
  value: string;
  updated_at: string;
  updated_by: string | null;
}

// --- plan supervision (督查督办) ---
export interface PlanTable {
  id: Generated<number>;
  title: string;
  doc_number: string | null;
  issuer: string | null;
  issued_on: string | null;
  region_code: string;
  source_hash: string;
  source_name: string;
  /** JSON: the parser's section tree. */
  sections: string;
  period_type: string;
  start_date: string;
  end_date: string;
  /** JSON: the parser's warnings, kept for the administrator. */
  warnings: string;
  created_at: string;
  created_by: string;
}

export interface TaskTable {
  id: Generated<number>;
  plan_id: number;
  seq: number;
  ref: string;
  number: string;
  /** JSON array: headings from the outermost down (重点任务 …). */
  path_titles: string;
  title: string;
  text: string;
  etc: number;
  line: number;
  start_date: string;
  deadline: string;
  /** Percent complete from the last approved report. */
  progress: number;
  progress_note: string | null;
  last_report_on: string | null;
  close_requested: number;
  closed_at: string | null;
  closed_by: string | null;
  updated_at: string;
}

export interface TaskUnitTable {
  id: Generated<number>;
  task_id: number;
  role: string;
  unit_name: string;
  department_id: number | null;
  owner_user_id: number | null;
}

export interface MilestoneTable {
  id: Generated<number>;
  task_id: number;
  title: string;
  due_date: string;
  target_value: number | null;
  target_unit: string | null;
  cumulative: number;
  actual_value: number | null;
  done_on: string | null;
  /** 1 while proposed by the parser and not yet confirmed by the supervisor. */
  proposed: number;
}

export interface TaskReportTable {
  id: Generated<number>;
  task_id: number;
  task_unit_id: number;
  period: string;
  /** 'unit' (a cooperating unit to the lead) or 'consolidated' (the lead to the supervisor). */
  kind: string;
  content: string;
  percent: number;
  /** JSON array of {milestoneId, value}. */
  indicators: string;
  request_close: number;
  status: string;
  submitted_by: string;
  submitted_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_comment: string | null;
}

export interface ReportAttachmentTable {
  id: Generated<number>;
  report_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  stored_as: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number | null;
  department_id: number | null;
  /** 'user', 'department' or 'supervisors'. */
  audience: string;
  task_id: number | null;
  kind: string;
  message: string;
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
}

/** A stored policy-evaluation run (request and results as JSON). */
export interface MsRunTable {
  id: Generated<number>;
  created_at: string;
  user_id: number | null;
  username: string | null;
  year: number;
  scale: number;
  reform_name: string | null;
  reform_label: string | null;
  net_cost: number;
  elapsed_ms: number;
  request: string;
  results: string;
}

/** A saved policy-evaluation scenario (a reform and the year and scale to run it for). */
export interface MsScenarioTable {
  id: Generated<number>;
  name: string;
  year: number;
  scale: number;
  reform: string;
  created_by_id: number | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
