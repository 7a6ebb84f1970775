/** The columns an import batch writes, per table, in the order the batch writer buffers their values. */
import type { Col } from '../bulk.js';
import { SI_AMOUNT_COLUMNS } from '../si-record.js';

export const PERSON_COLS: Col[] = [
  { name: 'id', type: 'int' }, { name: 'key_bidx', type: 'text' }, { name: 'id_number_enc', type: 'text' }, { name: 'id_number_bidx', type: 'text' },
  { name: 'name_enc', type: 'text' }, { name: 'name_bidx', type: 'text' }, { name: 'surname_bidx', type: 'text' }, { name: 'sex', type: 'int' },
  { name: 'birth_date', type: 'text' }, { name: 'residence', type: 'text' }, { name: 'region_code', type: 'text' }, { name: 'address_enc', type: 'text' },
  { name: 'phone_enc', type: 'text' }, { name: 'household_id', type: 'int' }, { name: 'relation', type: 'text' }, { name: 'linkage', type: 'text' },
  { name: 'canonical_id', type: 'int' }, { name: 'channel_id', type: 'int' }, { name: 'batch_id', type: 'int' }, { name: 'row_no', type: 'int' },
  { name: 'created_at', type: 'text' },
];
export const PERSON_UPDATE_COLS: Col[] = [
  { name: 'region_code', type: 'text' }, { name: 'household_id', type: 'int' }, { name: 'relation', type: 'text' }, { name: 'address_enc', type: 'text' },
  { name: 'phone_enc', type: 'text' }, { name: 'residence', type: 'text' },
];
export const HOUSEHOLD_COLS: Col[] = [
  { name: 'id', type: 'int' }, { name: 'key_bidx', type: 'text' }, { name: 'region_code', type: 'text' }, { name: 'address_enc', type: 'text' },
  { name: 'channel_id', type: 'int' }, { name: 'batch_id', type: 'int' }, { name: 'row_no', type: 'int' },
];
export const PROV: Col[] = [{ name: 'channel_id', type: 'int' }, { name: 'batch_id', type: 'int' }, { name: 'row_no', type: 'int' }, { name: 'row_key', type: 'text' }];
export const INCOME_COLS: Col[] = [
  { name: 'person_id', type: 'int' }, { name: 'year', type: 'int' }, { name: 'period', type: 'text' }, { name: 'component', type: 'text' }, { name: 'item', type: 'text' },
  { name: 'amount_fen', type: 'bigint' }, ...PROV,
];
export const SI_COLS: Col[] = [
  { name: 'person_id', type: 'int' }, { name: 'year', type: 'int' }, { name: 'period', type: 'text' }, { name: 'employer_code', type: 'text' },
  ...SI_AMOUNT_COLUMNS.map((name): Col => ({ name, type: 'bigint' })), ...PROV,
];
export const DIBAO_COLS: Col[] = [
  { name: 'person_id', type: 'int' }, { name: 'household_id', type: 'int' }, { name: 'year', type: 'int' }, { name: 'period', type: 'text' },
  { name: 'household_size', type: 'int' }, { name: 'standard_fen', type: 'bigint' }, { name: 'benefit_fen', type: 'bigint' }, { name: 'region_code', type: 'text' }, ...PROV,
];
export const PROPERTY_COLS: Col[] = [
  { name: 'person_id', type: 'int' }, { name: 'kind', type: 'text' }, { name: 'value_fen', type: 'bigint' }, { name: 'area_m2', type: 'float' },
  { name: 'region_code', type: 'text' }, { name: 'address_enc', type: 'text' }, { name: 'ref_enc', type: 'text' }, { name: 'ref_bidx', type: 'text' }, { name: 'acquired_on', type: 'text' },
  { name: 'valued_on', type: 'text' }, { name: 'disposed_on', type: 'text' }, ...PROV,
];
export const QUARANTINE_COLS: Col[] = [
  { name: 'batch_id', type: 'int' }, { name: 'channel_id', type: 'int' }, { name: 'row_no', type: 'int' }, { name: 'region_code', type: 'text' }, { name: 'raw_enc', type: 'text' },
  { name: 'reasons', type: 'text' }, { name: 'status', type: 'text' }, { name: 'updated_at', type: 'text' },
];
