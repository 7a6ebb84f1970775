import { depthMap, splitTopLevel } from './brackets.js';
import { ANY_LABEL_RE, SHORT_UNIT_LABELS, UNIT_LABELS } from './labels.js';
import { bracketKind, trimChars } from './text.js';
import type { UnitRole } from './types.js';

/** Units found in one clause, names as written. */
export interface UnitClause {
  lead: string[];
  cooperating: string[];
  responsible: string[];
  etc: boolean;
  deadline: string | null;
  /** Problems inside the clause; the caller attaches the line number. */
  issues: ClauseIssue[];
}

export interface ClauseIssue {
  code: 'UNIT_CLAUSE_UNREADABLE' | 'UNKNOWN_LABEL' | 'EMPTY_UNIT_LIST' | 'ETC_STRIPPED';
  message: string;
  /** For a listed name that does not look like a unit: the name. */
  name?: string;
}

const SEPARATORS = '、，,；;／/';
const TRIM = ` \u3000${SEPARATORS}。．.：:`;

/** Endings of unit names: 局, 委, 办, 政府, 中心, 协会, 支行, 调查队, … */
const UNIT_SUFFIX =
  '(?:局|委|办|厅|部|院|会|队|行|所|处|室|站|署|社|馆|台|校|团|联|中心|政府|公司|集团|协会|学会|商会|工会|委员会|办公室|管委会|分局|支行|分行|调查队|残联|妇联|科协|工商联|团市委|街道|乡镇|企业|机构|部门|单位|县|区|市|乡|镇)';
const UNIT_END_RE = new RegExp(`${UNIT_SUFFIX}$`);
/** A bracket group at the end of a name: 市交通运输局（市道路运输事业发展中心）. */
const TRAILING_GROUP_RE = /[(（〔［\[【][^()（）〔〕［］\[\]【】]*[)）〕］\]】]$/;
/** Open-ended list endings: 等, 等部门, 等有关单位. */
const ETC_RE = /等(?:有关|相关|其他)?(?:部门|单位|成员单位)?$/;
/** Verbs that may close a list: X、Y按职责分工负责. */
const DUTY_SUFFIX_RE = /(?:按照?职责分工|按照?职能分工|按照?职责|分别|共同|分工)?(?:负责落实|负责|落实|配合|参与|协助|协同)$/;

/** Does `name` read like the name of an organisation (or a catch-all such as 各县(市)区政府)? */
export function looksLikeUnit(name: string): boolean {
  const n = name.trim();
  if (n.length < 2 || n.length > 40) return false;
  if (/[。！？!?：:；;，,]/.test(n)) return false;
  const core = n.replace(TRAILING_GROUP_RE, '');
  return core.length >= 2 && UNIT_END_RE.test(core);
}

/**
 * Splits a unit list ("市财政局、市教育局等") into names as written. Keeps bracketed parts with their
 * name, rejoins catch-alls split by 、 (各区、县(市)政府), splits "A局和B局" when both halves are units,
 * strips a trailing 等 (reported through `etc`).
 */
export function splitUnitList(value: string): { units: string[]; etc: boolean } {
  const raw = splitTopLevel(trimChars(value, TRIM), /[、，,；;／/\s\u3000]/);
  const parts: { piece: string; sep: string }[] = [];
  for (const p of raw) {
    const piece = p.piece;
    if (!piece) {
      if (parts.length) parts[parts.length - 1].sep += p.sep;
      continue;
    }
    const prev = parts[parts.length - 1];
    // "市交通运输局 （市道路运输事业发展中心）": a bracket-only piece belongs to the name before it.
    if (prev && bracketKind(piece[0])?.open && TRAILING_GROUP_RE.test(piece) && piece.replace(TRAILING_GROUP_RE, '') === '') {
      prev.piece += prev.sep + piece;
      prev.sep = p.sep;
      continue;
    }
    parts.push({ piece, sep: p.sep });
  }
  // 各区、县(市)政府 / 各县、区政府: a bare "各区" joins the government name that follows it.
  for (let i = 0; i + 1 < parts.length; i++) {
    const cur = parts[i].piece;
    const next = parts[i + 1].piece;
    if (/^各[区县市乡镇()（）]{1,6}$/.test(cur) && /^[区县市乡镇()（）]{1,6}(?:人民)?政府$/.test(next)) {
      parts[i] = { piece: cur + parts[i].sep + next, sep: parts[i + 1].sep };
      parts.splice(i + 1, 1);
    }
  }
  const units: string[] = [];
  let etc = false;
  for (const { piece } of parts) {
    for (let name of splitConjoined(piece)) {
      name = name.replace(/^由/, '');
      if (ETC_RE.test(name)) {
        name = name.replace(ETC_RE, '');
        etc = true;
      }
      const stripped = name.replace(DUTY_SUFFIX_RE, '');
      if (stripped !== name && looksLikeUnit(stripped)) name = stripped;
      name = trimChars(name, TRIM);
      if (name) units.push(name);
    }
  }
  return { units, etc };
}

/** "市财政局和市人社局" → two names; "市人力资源和社会保障局" stays one (市人力资源 is no unit). */
function splitConjoined(piece: string): string[] {
  const depth = depthMap(piece);
  for (let i = 1; i < piece.length - 1; i++) {
    if (depth[i] !== 0 || !'和及与'.includes(piece[i])) continue;
    const left = piece.slice(0, i);
    const right = piece.slice(i + 1);
    if (looksLikeUnit(left) && looksLikeUnit(right) && /^(?:市|县|区|省|各|国家|人民|中国|辽阳)/.test(right)) {
      return [left, ...splitConjoined(right)];
    }
  }
  return [piece];
}

const emptyClause = (): UnitClause => ({ lead: [], cooperating: [], responsible: [], etc: false, deadline: null, issues: [] });

/**
 * Reads a labelled clause: "牵头单位:X;配合单位:Y、Z", with ; or , between the parts, colons of either
 * width, extra labels (完成时限：…). Returns null when there is no unit label at bracket depth 0.
 */
export function parseLabelledClause(content: string): UnitClause | null {
  const depth = depthMap(content);
  const cuts: { start: number; end: number; role: UnitRole | 'deadline' | 'unknown'; label: string }[] = [];
  ANY_LABEL_RE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = ANY_LABEL_RE.exec(content)); ) {
    if (depth[m.index] !== 0) continue;
    const label = m[1] ?? m[2] ?? m[3] ?? m[4];
    const role: UnitRole | 'deadline' | 'unknown' = m[1]
      ? UNIT_LABELS[m[1]]
      : m[2]
        ? SHORT_UNIT_LABELS[m[2]]
        : m[3]
          ? 'deadline'
          : 'unknown';
    cuts.push({ start: m.index, end: m.index + m[0].length, role, label });
  }
  if (!cuts.some((c) => c.role !== 'deadline' && c.role !== 'unknown')) return null;

  const out = emptyClause();
  const prefix = trimChars(content.slice(0, cuts[0].start), TRIM);
  if (prefix) {
    out.issues.push({ code: 'UNIT_CLAUSE_UNREADABLE', message: `责任分工中无法识别的内容“${prefix}”` });
  }
  cuts.forEach((cut, i) => {
    const value = trimChars(content.slice(cut.end, cuts[i + 1]?.start ?? content.length), TRIM);
    if (cut.role === 'deadline') {
      out.deadline = value || null;
    } else if (cut.role === 'unknown') {
      out.issues.push({ code: 'UNKNOWN_LABEL', message: `未知标签“${cut.label}”，内容“${value}”未作为单位读取` });
    } else if (!value) {
      out.issues.push({ code: 'EMPTY_UNIT_LIST', message: `“${cut.label}”后没有单位` });
    } else {
      addUnits(out, cut.role, value, cut.label);
    }
  });
  return out;
}

function addUnits(out: UnitClause, role: UnitRole, value: string, label: string) {
  const { units, etc } = splitUnitList(value);
  for (const u of units) {
    if (!looksLikeUnit(u)) {
      out.issues.push({ code: 'UNIT_CLAUSE_UNREADABLE', message: `“${label}”中的“${u}”不像单位名称，已按原文保留，请核对`, name: u });
    }
  }
  out[role].push(...units);
  if (etc) {
    out.etc = true;
    out.issues.push({ code: 'ETC_STRIPPED', message: `“${label}”列表以“等”结尾，已去掉“等”，名单可能不完整` });
  }
  if (units.length === 0) out.issues.push({ code: 'EMPTY_UNIT_LIST', message: `“${label}”后没有单位` });
}

const LEAD_RE = /^(.+?)牵头(?:负责|落实)?(?:[，,；;、\s]+(.+))?$/;
const RESPONSIBLE_RE = /^(.+?)(?:按照?职责分工|按照?职能分工|按照?职责|分别|共同|分工)?(?:负责落实|负责)$/;
const COOP_TAIL_RE = /(?:按照?职责分工|按照?职能分工|按照?职责|分别|共同|分工)?(?:负责落实|负责|落实|配合|参与|协助|协同|配合落实)$/;

/**
 * Reads an unlabelled clause: "X牵头，Y、Z按职责分工负责", "X牵头，Y配合", "X、Y负责". Every name must
 * look like a unit, otherwise this is not a unit clause and null is returned.
 */
export function parseUnlabelledClause(content: string): UnitClause | null {
  const c = trimChars(content, TRIM).replace(/^由/, '');
  const out = emptyClause();
  let m = LEAD_RE.exec(c);
  if (m) {
    addUnits(out, 'lead', m[1], '牵头');
    if (m[2]) {
      const tail = COOP_TAIL_RE.exec(m[2]);
      if (!tail) return null;
      addUnits(out, 'cooperating', m[2].slice(0, tail.index), tail[0]);
    }
  } else if ((m = RESPONSIBLE_RE.exec(c))) {
    addUnits(out, 'responsible', m[1], '负责');
  } else {
    return null;
  }
  const all = [...out.lead, ...out.cooperating, ...out.responsible];
  if (all.length === 0 || !all.every(looksLikeUnit)) return null;
  return out;
}

/**
 * Bracketed remarks that are never unit clauses: (以下简称…), (含), (其中…), (系…指标), document
 * numbers (辽政发〔2017〕40号), abbreviations such as (GDP), numbers and dates, titles in 《》.
 */
export function isNonUnitRemark(content: string): boolean {
  const c = content.trim();
  if (!c) return true;
  if (/^(?:以下简称|以下称|下称|简称|含|包含|包括|不含|其中|系|即|如|例如|比如|详见|参见|见|注|试行|暂行|修订|草案|征求意见稿|原|现|《)/.test(c)) return true;
  if (/^[\u4e00-\u9fa5]{0,12}[〔［\[【(（]\s*(?:19|20)\d{2}\s*[〕］\]】)）]\s*第?\s*\d+\s*号$/.test(c)) return true;
  if (/指标$/.test(c)) return true;
  if (/^[\x20-\x7e]+$/.test(c)) return true;
  if (/^[\d\s.．%％\-—–~～至年月日底前后内,，、]+$/.test(c)) return true;
  return false;
}

/** Does a bracket's content mention units or duties (so failing to read it must be reported)? */
export function mentionsUnits(content: string): boolean {
  if (/牵头|负责|配合|协同|参与|单位|部门/.test(content)) return true;
  return splitTopLevel(content, SEPARATORS).some(({ piece }) => looksLikeUnit(trimChars(piece, TRIM)) && !/^(?:各|有关|相关)$/.test(piece));
}
