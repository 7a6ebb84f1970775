/**
 * From a channel row to canonical registry records: resolve the mapping's columns against the file's
 * header, then validate and normalise every field of every row, collecting all problems of a row
 * (not just the first). Pure: region codes and dates come in as arguments.
 */
import { checkResidentId, type ResidentIdCheck, type ResidentIdFix } from '../../../shared/resident-id.js';
import { ITEM_CODES, ITEMS, PROPERTY_KINDS, SI_SCHEMES, type Item, type PropertyKind, type SiScheme } from '../items.js';
import { FIELDS, type ChannelMapping, type Field } from '../mapping.js';
import { emptySiAmounts, setScheme, siPersonalTotal, siRecord, type SiRecord } from '../si-record.js';
import {
  parseCode, parseDate, parseMoney, parseName, parseNumber, parsePeriod, parsePhone, parseRegionCode, parseSex, parseText,
  periodFromParts, type Parsed,
} from '../normalise.js';
import { findColumn, unitFromHeader } from '../readers/headers.js';

export interface RowProblem {
  field: string;
  code: string;
}

export interface PersonFields {
  idNumber: string | null;
  name: string | null;
  sex: 1 | 2 | null;
  birthDate: string | null;
  phone: string | null;
  address: string | null;
  regionCode: string | null;
  residence: 'resident' | 'non_resident' | null;
  account: string | null;
  householdNo: string | null;
  relation: string | null;
}

export type RecordOut =
  | { type: 'income'; year: number; period: string; item: Item; amountFen: number }
  | SiRecord
  | { type: 'dibao'; year: number; period: string; householdSize: number | null; standardFen: number | null; benefitFen: number }
  | {
      type: 'property'; kind: PropertyKind; valueFen: number; area: number | null; regionCode: string | null; address: string | null;
      ref: string | null; acquiredOn: string | null; disposedOn: string | null; valuedOn: string | null;
    };

export type MappedRow = { ok: true; person: PersonFields; records: RecordOut[]; fixes: ResidentIdFix[] } | { ok: false; problems: RowProblem[] };

export interface ColumnPlan {
  fields: Partial<Record<Field, number>>;
  /** units the file's own headers state ("(分)", "（元）"), which win over the mapping's */
  units: Partial<Record<Field, 'yuan' | 'fen'>>;
  income: { col: number; item: Item; unit: 'yuan' | 'fen' }[];
  schemes: { scheme: SiScheme; personal: number; employer: number; base: number; unit: 'yuan' | 'fen' }[];
  /** Alias groups that found no column and are required for this record kind. */
  missing: string[];
}

const REQUIRED: Record<ChannelMapping['record'], Field[][]> = {
  person: [['idNumber', 'name']],
  income: [['idNumber', 'name'], ['period', 'year', 'date']],
  social_insurance: [['idNumber', 'name'], ['period', 'year', 'date']],
  dibao: [['idNumber', 'name'], ['benefit'], ['period', 'year', 'date']],
  property: [['idNumber', 'name']],
};

/** Resolves every mapped field to a column index of the header paths. */
export function planColumns(paths: readonly string[], m: ChannelMapping, titlePeriodAllowed = false): ColumnPlan {
  const taken = new Set<number>();
  const plan: ColumnPlan = { fields: {}, units: {}, income: [], schemes: [], missing: [] };
  const unitAt = (i: number, fallback: 'yuan' | 'fen') => (i >= 0 ? unitFromHeader(paths[i]) : null) ?? fallback;
  // Multi-column groups first: their aliases are the more specific paths ("养老保险/个人缴费").
  for (const s of m.schemeColumns ?? []) {
    const find = (a?: string[]) => {
      if (!a) return -1;
      const i = findColumn(paths, a, taken);
      if (i >= 0) taken.add(i);
      return i;
    };
    const personal = find(s.personal);
    if (personal < 0) continue;
    plan.schemes.push({ scheme: s.scheme, personal, employer: find(s.employer), base: find(s.base), unit: s.unit ?? unitAt(personal, m.unit) });
  }
  for (const c of m.incomeColumns ?? []) {
    const i = findColumn(paths, c.column, taken);
    if (i < 0) continue;
    taken.add(i);
    plan.income.push({ col: i, item: c.item as Item, unit: c.unit ?? unitAt(i, m.unit) });
  }
  for (const f of FIELDS) {
    const aliases = m.fields[f];
    if (!aliases) continue;
    const i = findColumn(paths, aliases, taken);
    if (i >= 0) {
      plan.fields[f] = i;
      taken.add(i);
      const u = unitFromHeader(paths[i]);
      if (u) plan.units[f] = u;
    }
  }
  for (const group of REQUIRED[m.record]) {
    const needsPeriod = group.includes('period');
    if (needsPeriod && m.defaults?.period) continue;
    if (needsPeriod && titlePeriodAllowed) continue;
    if (!group.some((f) => plan.fields[f] !== undefined)) plan.missing.push(group.join('|'));
  }
  if (m.record === 'income' && plan.income.length === 0 && plan.fields.amount === undefined) plan.missing.push('amount|incomeColumns');
  if (m.record === 'social_insurance' && plan.schemes.length === 0 && plan.fields.personal === undefined) plan.missing.push('personal|schemeColumns');
  if (m.record === 'property' && plan.fields.value === undefined && plan.fields.area === undefined) plan.missing.push('value|area');
  return plan;
}

export interface MapContext {
  mapping: ChannelMapping;
  plan: ColumnPlan;
  /** Known region codes (6, 9 and 12 digits). */
  regionExists: (code: string) => boolean;
  /** YYYY-MM-DD: no birth date, period or event after this. */
  asOf: string;
  /** Region code for a place given by names (county, township, village), or null. */
  regionByNames?: (county: string, township: string, village: string) => string | null;
  /** A period stated in the file's title rows ("花名册（2023年12月）"), used when no column gives one. */
  titlePeriod?: string | null;
  /**
   * The previous row's ID number and name as read and as checked: a channel that lists a person's
   * months one after another (tax) repeats them, and the check is the same. Filled in by mapRow.
   */
  last?: { rawId: string; id: ResidentIdCheck | null; rawName: string; name: Parsed<string> | null };
}

/** parseName, reusing the previous row's result when the cell is the same. */
const parseNameOnce = (s: string, ctx: MapContext): Parsed<string> => {
  const last = (ctx.last ??= { rawId: '', id: null, rawName: '', name: null });
  if (last.rawName !== s || !last.name) last.name = parseName(s);
  last.rawName = s;
  return last.name;
};

// Field parsers with their options, defined once (not as closures per row: a hot path).
const parseSexWith = (s: string, labels?: Record<string, string>) => parseSex(s, labels);
const text200 = (s: string) => parseText(s, 200);
const text60 = (s: string) => parseText(s, 60);
const text40 = (s: string) => parseText(s, 40);
const accountText = (s: string) => parseText(s.replace(/[\s-]/g, ''), 40);
const relationText = (s: string, labels?: Record<string, string>) => parseText(labels?.[s] ?? s, 8);
const employerText = (s: string) => parseText(s.toUpperCase(), 18);

/** One row being mapped: its cells, the plan, and the problems found so far. */
class RowState {
  readonly problems: RowProblem[] = [];
  constructor(
    readonly cells: readonly string[],
    readonly plan: ColumnPlan,
    readonly m: ChannelMapping,
  ) {}

  cell(f: Field): string {
    const i = this.plan.fields[f];
    return i === undefined ? '' : (this.cells[i] ?? '').trim();
  }

  take<T>(field: string, p: Parsed<T>): T | null {
    if (p.ok) return p.value;
    this.problems.push({ field, code: p.code });
    return null;
  }

  optional<T, A = undefined>(f: Field, parse: (s: string, arg: A) => Parsed<T>, arg?: A): T | null {
    const s = this.cell(f);
    return s === '' ? null : this.take(f, parse(s, arg as A));
  }

  money(f: Field, required: boolean, allowNegative = false): number | null {
    const s = this.cell(f);
    if (s === '') {
      if (required) this.problems.push({ field: f, code: 'EMPTY_AMOUNT' });
      return null;
    }
    const unit = this.m.units?.[f] ?? this.plan.units[f] ?? this.m.unit;
    return this.take(f, parseMoney(s, unit, { allowNegative }));
  }

  /** A money cell of a column (scheme columns): null when blank. */
  amount(col: number, field: string, unit: 'yuan' | 'fen'): number | null {
    const s = col < 0 ? '' : (this.cells[col] ?? '').trim();
    return s === '' ? null : this.take(field, parseMoney(s, unit));
  }

  codeOf<T extends string>(f: 'item' | 'scheme' | 'kind', known: readonly T[], fallback?: T): T | null {
    const s = this.cell(f);
    if (s === '') {
      if (fallback) return fallback;
      this.problems.push({ field: f, code: `EMPTY_${f.toUpperCase()}` });
      return null;
    }
    const r = parseCode(s, known, this.m.values?.[f]);
    return r.ok ? r.value : (this.problems.push({ field: f, code: `UNKNOWN_${f.toUpperCase()}` }), null);
  }
}

export function mapRow(cells: readonly string[], ctx: MapContext): MappedRow {
  const { mapping: m, plan } = ctx;
  const st = new RowState(cells, plan, m);
  const problems = st.problems;
  const maxYear = Number(ctx.asOf.slice(0, 4));

  // --- the person
  let fixes: ResidentIdFix[] = [];
  let idNumber: string | null = null;
  let idBirth: string | null = null;
  let idSex: 1 | 2 | null = null;
  const rawId = st.cell('idNumber');
  if (rawId !== '') {
    const last = (ctx.last ??= { rawId: '', id: null, rawName: '', name: null });
    if (last.rawId !== rawId || !last.id) last.id = checkResidentId(rawId, { asOf: ctx.asOf });
    last.rawId = rawId;
    const r = last.id;
    if (r.ok) {
      idNumber = r.value.id;
      idBirth = r.value.birthDate;
      idSex = r.value.sex;
      fixes = r.fixes;
    } else problems.push({ field: 'idNumber', code: `ID_${r.error}` });
  } else if (!m.allowMissingId) problems.push({ field: 'idNumber', code: 'ID_EMPTY' });
  const name = st.optional('name', parseNameOnce, ctx);
  const sex = st.optional('sex', parseSexWith, m.values?.sex);
  let birthDate = st.optional('birthDate', parseDate);
  if (birthDate && birthDate > ctx.asOf) {
    problems.push({ field: 'birthDate', code: 'BIRTH_IN_FUTURE' });
    birthDate = null;
  }
  // The ID number fixes birth date and sex; a row that says otherwise is inconsistent.
  if (idNumber) {
    if (birthDate && birthDate !== idBirth) problems.push({ field: 'birthDate', code: 'BIRTH_DATE_MISMATCH' });
    if (sex && sex !== idSex) problems.push({ field: 'sex', code: 'SEX_MISMATCH' });
  } else if (rawId === '' && !problems.some((p) => p.field === 'idNumber')) {
    // Without an ID number the row can only be linked by name with birth date, address or place.
    if (!name) problems.push({ field: 'name', code: 'NO_ID_AND_NO_NAME' });
    else if (!birthDate && !st.cell('address') && !st.cell('regionCode') && !st.cell('villageName')) problems.push({ field: 'idNumber', code: 'NO_ID_NOT_LINKABLE' });
  }
  let regionCode = st.optional('regionCode', parseRegionCode);
  if (regionCode && !ctx.regionExists(regionCode)) {
    problems.push({ field: 'regionCode', code: 'UNKNOWN_REGION' });
    regionCode = null;
  }
  if (!regionCode && ctx.regionByNames && (st.cell('countyName') || st.cell('townshipName') || st.cell('villageName'))) {
    regionCode = ctx.regionByNames(st.cell('countyName'), st.cell('townshipName'), st.cell('villageName'));
    if (!regionCode) problems.push({ field: 'villageName', code: 'UNKNOWN_REGION_NAME' });
  }
  const residenceRaw = st.cell('residence');
  let residence: PersonFields['residence'] = null;
  if (residenceRaw !== '') {
    const labels = { 居民: 'resident', 居民个人: 'resident', 非居民: 'non_resident', 非居民个人: 'non_resident', ...m.values?.residence };
    residence = st.take('residence', parseCode(residenceRaw, ['resident', 'non_resident'] as const, labels));
  }
  const person: PersonFields = {
    idNumber,
    name,
    sex: idSex ?? sex,
    birthDate: idBirth ?? birthDate,
    phone: st.optional('phone', parsePhone),
    address: st.optional('address', text200),
    regionCode,
    residence,
    account: st.optional('account', accountText),
    householdNo: st.optional('householdNo', text40),
    relation: st.optional('relation', relationText, m.values?.relation),
  };

  // --- when
  const needsPeriod = m.record !== 'person' && m.record !== 'property';
  let period: string | null = null;
  if (needsPeriod) {
    if (plan.fields.period !== undefined && st.cell('period') !== '') period = st.take('period', parsePeriod(st.cell('period'), maxYear));
    else if (plan.fields.year !== undefined && st.cell('year') !== '') period = st.take('year', periodFromParts(st.cell('year'), plan.fields.month === undefined ? undefined : st.cell('month'), maxYear));
    else if (plan.fields.date !== undefined && st.cell('date') !== '') {
      const d = st.take('date', parseDate(st.cell('date')));
      if (d) period = d.slice(0, 7);
    } else if (m.defaults?.period) period = m.defaults.period;
    else if (ctx.titlePeriod) period = ctx.titlePeriod;
    else problems.push({ field: 'period', code: 'EMPTY_PERIOD' });
    if (period && period > ctx.asOf.slice(0, period.length)) {
      problems.push({ field: 'period', code: 'PERIOD_IN_FUTURE' });
      period = null;
    }
  }
  const year = period ? Number(period.slice(0, 4)) : 0;

  // --- the records
  const records: RecordOut[] = [];
  switch (m.record) {
    case 'person':
      break;
    case 'income': {
      // One record per item column (收入额 | 已扣缴税额 …) and/or one from an item + amount pair.
      for (const c of plan.income) {
        const s = (cells[c.col] ?? '').trim();
        if (s === '') continue;
        const fen = st.take(`income:${c.item}`, parseMoney(s, c.unit, { allowNegative: c.item === 'business' }));
        if (fen !== null && fen !== 0 && period) records.push({ type: 'income', year, period, item: c.item, amountFen: fen });
      }
      if (plan.fields.amount !== undefined) {
        const item = st.codeOf('item', ITEM_CODES, m.defaults?.item as Item | undefined);
        const fen = st.money('amount', true, item === 'business');
        if (item && fen !== null && period) records.push({ type: 'income', year, period, item, amountFen: fen });
      }
      break;
    }
    case 'social_insurance': {
      const employerCode = st.optional('employerCode', employerText);
      // One record per row, whichever layout: a row of scheme columns states several schemes, a row
      // with a 险种 column one.
      const amounts = emptySiAmounts();
      let stated = false;
      if (plan.schemes.length > 0) {
        const sharedBase = st.money('base', false);
        for (const s of plan.schemes) {
          const personal = st.amount(s.personal, `${s.scheme}:personal`, s.unit);
          const employer = st.amount(s.employer, `${s.scheme}:employer`, s.unit);
          if (personal === null && employer === null) continue;
          const base = s.base >= 0 ? st.amount(s.base, `${s.scheme}:base`, s.unit) : sharedBase;
          setScheme(amounts, s.scheme, base, personal ?? 0, employer);
          stated = true;
        }
      } else {
        const scheme = st.codeOf('scheme', SI_SCHEMES, m.defaults?.scheme);
        const personal = st.money('personal', true);
        if (scheme && personal !== null) {
          setScheme(amounts, scheme, st.money('base', false), personal, st.money('employer', false));
          stated = true;
        }
      }
      if (stated && period) records.push(siRecord(year, period, employerCode, amounts));
      break;
    }
    case 'dibao': {
      const benefit = st.money('benefit', true);
      const size = st.optional('householdSize', parseNumber);
      if (size !== null && !(Number.isInteger(size) && size >= 1 && size <= 30)) problems.push({ field: 'householdSize', code: 'BAD_HOUSEHOLD_SIZE' });
      if (benefit !== null && period) records.push({ type: 'dibao', year, period, householdSize: size, standardFen: st.money('standard', false), benefitFen: benefit });
      break;
    }
    case 'property': {
      const kind = st.codeOf('kind', PROPERTY_KINDS, m.defaults?.kind);
      const value = st.money('value', false) ?? 0;
      const area = st.optional('area', parseNumber);
      if (area !== null && !(area > 0 && area < 100000)) problems.push({ field: 'area', code: 'BAD_AREA' });
      const acquiredOn = st.optional('acquiredOn', parseDate);
      const disposedOn = st.optional('disposedOn', parseDate);
      if (acquiredOn && acquiredOn > ctx.asOf) problems.push({ field: 'acquiredOn', code: 'DATE_IN_FUTURE' });
      if (kind) {
        records.push({
          type: 'property', kind, valueFen: value, area, regionCode: person.regionCode, address: person.address,
          ref: st.optional('propertyRef', text60), acquiredOn, disposedOn, valuedOn: null,
        });
      }
      break;
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const isHead = !m.householdAmounts || /^(户主|本人|01|02|head)$/.test(person.relation ?? '');
  if (m.alsoIncome && period && isHead) {
    const extra = alsoIncome(m.alsoIncome as Item, records, year, period);
    if (extra) records.push(extra);
  }
  return { ok: true, person, records, fixes };
}

/** The income record a non-income channel implies (contributions paid, 低保 received). */
function alsoIncome(item: Item, records: RecordOut[], year: number, period: string): RecordOut | null {
  let fen = 0;
  for (const r of records) {
    if (r.type === 'si') fen += siPersonalTotal(r.amounts);
    else if (r.type === 'dibao') fen += r.benefitFen;
  }
  return fen > 0 && ITEMS[item] ? { type: 'income', year, period, item, amountFen: fen } : null;
}

/** The Chinese explanation of a resident ID number's error code (as the reject file words it). */
export function residentIdProblem(error: string): string {
  return PROBLEM_MESSAGES[`ID_${error}`] ?? error;
}

/** Stable Chinese explanations of problem codes (the reject file's reason column). */
export function problemMessage(p: RowProblem): string {
  const msg = PROBLEM_MESSAGES[p.code] ?? p.code;
  return `${p.field}: ${msg}`;
}

const PROBLEM_MESSAGES: Record<string, string> = {
  ID_EMPTY: '身份证号为空',
  ID_BAD_FORMAT: '身份证号位数或字符不对',
  ID_BAD_REGION: '身份证号地址码无效',
  ID_BAD_BIRTH_DATE: '身份证号出生日期无效',
  ID_BAD_SEQUENCE: '身份证号顺序码无效',
  ID_BAD_CHECK_CHARACTER: '身份证号校验位错误',
  ID_LEGACY_NOT_ALLOWED: '不接受15位旧身份证号',
  EMPTY_NAME: '姓名为空',
  BAD_NAME: '姓名含有非法字符',
  BAD_SEX: '性别无法识别',
  BAD_DATE: '日期无法识别',
  BIRTH_IN_FUTURE: '出生日期晚于当前日期',
  BIRTH_DATE_MISMATCH: '出生日期与身份证号不符',
  SEX_MISMATCH: '性别与身份证号不符',
  NO_ID_AND_NO_NAME: '无身份证号时须有姓名',
  NO_ID_NOT_LINKABLE: '无身份证号，且无出生日期、住址或区划，无法匹配到人',
  UNKNOWN_REGION_NAME: '县区、乡镇、村（社区）名称无法对应到区划代码',
  BAD_REGION_CODE: '区划代码格式错误',
  UNKNOWN_REGION: '区划代码不存在',
  BAD_PHONE: '电话号码格式错误',
  EMPTY_PERIOD: '所属期为空',
  BAD_PERIOD: '所属期无法识别',
  PERIOD_IN_FUTURE: '所属期晚于当前日期',
  EMPTY_AMOUNT: '金额为空',
  BAD_AMOUNT: '金额无法识别',
  TOO_MANY_DECIMALS: '以元为单位的金额超过两位小数',
  FRACTIONAL_FEN: '以分为单位的金额不是整数',
  AMOUNT_OUT_OF_RANGE: '金额超出合理范围',
  NEGATIVE_AMOUNT: '金额不能为负',
  EMPTY_ITEM: '收入项目为空',
  UNKNOWN_ITEM: '收入项目无法识别',
  EMPTY_SCHEME: '险种为空',
  UNKNOWN_SCHEME: '险种无法识别',
  EMPTY_KIND: '财产类别为空',
  UNKNOWN_KIND: '财产类别无法识别',
  BAD_HOUSEHOLD_SIZE: '家庭人口数无效',
  BAD_AREA: '面积无效',
  BAD_NUMBER: '数值无法识别',
  DATE_IN_FUTURE: '日期晚于当前日期',
  TEXT_TOO_LONG: '内容过长',
  UNKNOWN_CODE: '代码无法识别',
};
