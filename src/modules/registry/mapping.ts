import { z } from 'zod';
import { ITEM_CODES, PROPERTY_KINDS, SI_SCHEMES } from './items.js';

/**
 * A channel's saved column mapping: which record a row becomes, which header (or header path,
 * "上级表头/下级表头" for multi-row headers) holds each field, units of money columns, and the
 * channel's labels for coded values. Channels are data: an administrator edits this JSON.
 */
export const RECORD_KINDS = ['person', 'income', 'social_insurance', 'dibao', 'property'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const FIELDS = [
  // the person
  'idNumber', 'name', 'sex', 'birthDate', 'phone', 'address', 'regionCode', 'residence', 'account', 'householdNo', 'relation',
  // the place by names when a file has no region code (县（市、区） / 乡镇（街道） / 村（社区）)
  'countyName', 'townshipName', 'villageName',
  // when
  'period', 'year', 'month', 'date',
  // income: one item and amount per row (when incomeColumns is not used)
  'item', 'amount',
  // social insurance: one scheme per row (when schemeColumns is not used)
  'scheme', 'base', 'personal', 'employer', 'employerCode',
  // 低保
  'householdSize', 'standard', 'benefit',
  // property
  'kind', 'value', 'area', 'propertyRef', 'acquiredOn', 'disposedOn',
] as const;
export type Field = (typeof FIELDS)[number];

/** Fields holding money: parsed with the mapping's unit (元 → ×100, 分 as is). */
export const MONEY_FIELDS: ReadonlySet<Field> = new Set(['amount', 'base', 'personal', 'employer', 'standard', 'benefit', 'value']);

const Aliases = z.array(z.string().min(1)).min(1);
const Unit = z.enum(['yuan', 'fen']);

export const ChannelMappingSchema = z.object({
  record: z.enum(RECORD_KINDS),
  /** Unit of money columns unless a column says otherwise. */
  unit: Unit.default('yuan'),
  /** XLSX: sheet name (default: the first sheet), or '*' for every sheet (e.g. one sheet per month). */
  sheet: z.string().optional(),
  /** Number of header rows above the data; found automatically when absent. */
  headerRows: z.number().int().min(1).max(10).optional(),
  fields: z.partialRecord(z.enum(FIELDS), Aliases),
  /** Per-field unit overrides for money fields. */
  units: z.partialRecord(z.enum(FIELDS), Unit).optional(),
  /** Income: one record per non-empty column (e.g. 工资薪金 | 已扣缴税额). */
  incomeColumns: z.array(z.object({ column: Aliases, item: z.enum(ITEM_CODES as [string, ...string[]]), unit: Unit.optional() })).optional(),
  /** Social insurance: one record per scheme from its columns (e.g. 养老保险/个人缴费). */
  schemeColumns: z
    .array(z.object({ scheme: z.enum(SI_SCHEMES), personal: Aliases, employer: Aliases.optional(), base: Aliases.optional(), unit: Unit.optional() }))
    .optional(),
  /** Channel labels → codes, per coded field (item, scheme, kind, sex, residence, relation). */
  values: z.partialRecord(z.enum(['item', 'scheme', 'kind', 'sex', 'residence', 'relation']), z.record(z.string(), z.string())).optional(),
  /** Values used when the file has no such column. */
  defaults: z
    .object({
      item: z.enum(ITEM_CODES as [string, ...string[]]).optional(),
      scheme: z.enum(SI_SCHEMES).optional(),
      kind: z.enum(PROPERTY_KINDS).optional(),
      period: z.string().regex(/^\d{4}(-\d{2})?$/).optional(),
    })
    .optional(),
  /**
   * Also write income records: social insurance personal contributions as 'social_insurance',
   * 低保 benefits as 'dibao', property rows with an income column, etc.
   */
  alsoIncome: z.enum(ITEM_CODES as [string, ...string[]]).optional(),
  /** Rows without an ID number are kept for probabilistic linkage (name + birth date or address or place). */
  allowMissingId: z.boolean().default(true),
  /**
   * Money amounts are the household's, repeated on every member's row (a 低保 roster): the implied
   * income record goes on the head's row only (relation 户主 or a relation label mapped to 'head').
   */
  householdAmounts: z.boolean().default(false),
});
export type ChannelMapping = z.infer<typeof ChannelMappingSchema>;
export type ChannelMappingInput = z.input<typeof ChannelMappingSchema>;

/** Every header alias the mapping knows, for header-row detection. */
export function mappingAliases(m: ChannelMapping): string[][] {
  const out: string[][] = [];
  for (const a of Object.values(m.fields)) if (a) out.push(a);
  for (const c of m.incomeColumns ?? []) out.push(c.column);
  for (const c of m.schemeColumns ?? []) {
    out.push(c.personal);
    if (c.employer) out.push(c.employer);
    if (c.base) out.push(c.base);
  }
  return out;
}
