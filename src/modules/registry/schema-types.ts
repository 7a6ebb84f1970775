import type { Generated } from 'kysely';
import type { SiScheme } from './items.js';

/**
 * Registry tables as Kysely sees them (registered in src/db/schema.ts). `*_enc` columns hold
 * keyring ciphertext, `*_bidx` keyed blind indexes; money is integer fen; dates YYYY-MM-DD.
 */
export interface RegChannelTable {
  id: Generated<number>;
  code: string;
  name: string;
  department: string;
  description: string;
  sensitive: number;
  /** JSON ChannelMapping */
  mapping: string;
  active: number;
  updated_at: string;
  updated_by: string;
}

/** A personal-information protection impact assessment (PIPL art. 55/56) filed for a channel. */
export interface RegPiaTable {
  id: Generated<number>;
  channel_id: number;
  purpose: string;
  legal_basis: string;
  data_items: string;
  risks: string;
  measures: string;
  risk_level: string;
  assessor: string;
  assessed_on: string;
  valid_until: string;
  filed_by: string;
  filed_at: string;
}

export interface RegBatchTable {
  id: Generated<number>;
  channel_id: number;
  /** 'file' (upload or CLI), 'resubmit' (fixed quarantine rows), 'demo' */
  source: string;
  file_name: string;
  file_sha256: string;
  file_bytes: number;
  encoding: string | null;
  rows_read: number;
  rows_ok: number;
  rows_rejected: number;
  rows_duplicate: number;
  records_added: number;
  persons_added: number;
  /** JSON: normalisation fix counts, linkage counts */
  stats: string;
  started_at: string;
  finished_at: string;
  imported_by: string;
}

export interface RegQuarantineTable {
  id: Generated<number>;
  batch_id: number;
  channel_id: number;
  row_no: number;
  region_code: string;
  raw_enc: string;
  /** JSON RowProblem[] */
  reasons: string;
  /** open | fixed | dismissed */
  status: string;
  fixed_batch_id: number | null;
  updated_at: string;
  updated_by: string | null;
}

export interface RegHouseholdTable {
  id: Generated<number>;
  key_bidx: string;
  region_code: string;
  address_enc: string | null;
  channel_id: number;
  batch_id: number;
  row_no: number;
}

export interface RegPersonTable {
  id: Generated<number>;
  key_bidx: string;
  id_number_enc: string | null;
  id_number_bidx: string | null;
  name_enc: string | null;
  name_bidx: string | null;
  surname_bidx: string | null;
  sex: number | null;
  birth_date: string | null;
  residence: string | null;
  region_code: string;
  address_enc: string | null;
  phone_enc: string | null;
  household_id: number | null;
  relation: string | null;
  linkage: string | null;
  merged_into: number | null;
  canonical_id: number;
  channel_id: number;
  batch_id: number;
  row_no: number;
  created_at: string;
}

export interface RegLinkTable {
  id: Generated<number>;
  person_id: number;
  candidate_id: number;
  weight: number;
  /** JSON: comparison levels per field */
  levels: string;
  /** auto | pending | confirmed | rejected | undone */
  status: string;
  run_id: string;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

export interface RegMergeTable {
  id: Generated<number>;
  /** merge | unmerge */
  action: string;
  from_id: number;
  into_id: number;
  /** auto | review | manual */
  method: string;
  link_id: number | null;
  reason: string | null;
  at: string;
  by: string;
}

interface Provenance {
  channel_id: number;
  batch_id: number;
  row_no: number;
  row_key: string;
}

export interface RegIncomeTable extends Provenance {
  id: Generated<number>;
  person_id: number;
  year: number;
  period: string;
  component: string;
  item: string;
  amount_fen: number;
}

export interface RegPropertyTable extends Provenance {
  id: Generated<number>;
  person_id: number;
  kind: string;
  value_fen: number;
  area_m2: number | null;
  region_code: string | null;
  address_enc: string | null;
  ref_enc: string | null;
  ref_bidx: string | null;
  acquired_on: string | null;
  valued_on: string | null;
  disposed_on: string | null;
}

/** One source row of social insurance: three amounts per scheme (see si-record.ts). */
export type RegSocialInsuranceTable = Provenance & {
  id: Generated<number>;
  person_id: number;
  year: number;
  period: string;
  employer_code: string | null;
} & { [C in `${SiScheme}_${'base' | 'personal' | 'employer'}_fen`]: number | null };

export interface RegDibaoTable extends Provenance {
  id: Generated<number>;
  person_id: number;
  household_id: number | null;
  year: number;
  period: string;
  household_size: number | null;
  standard_fen: number | null;
  benefit_fen: number;
  region_code: string | null;
}
