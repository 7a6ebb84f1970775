import type { Generated } from 'kysely';

/**
 * The database as Kysely sees it. Each capability adds its tables here and a migration in
 * ./migrations. Timestamps are ISO-8601 text; booleans 0/1; money integer fen.
 */
export interface Database {
  regions: RegionTable;
  departments: DepartmentTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  audit_log: AuditLogTable;
  settings: SettingTable;
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
