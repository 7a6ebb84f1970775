import type { UnitRole } from './types.js';

/**
 * Labels that introduce unit lists. Order does not matter: the regex built below tries longer labels
 * first, so 牵头责任单位 wins over 责任单位 and 协同责任单位 over 责任单位.
 */
export const UNIT_LABELS: Readonly<Record<string, UnitRole>> = {
  牵头单位: 'lead',
  牵头部门: 'lead',
  牵头责任单位: 'lead',
  牵头责任部门: 'lead',
  主责单位: 'lead',
  主责部门: 'lead',
  主办单位: 'lead',
  配合单位: 'cooperating',
  配合部门: 'cooperating',
  配合责任单位: 'cooperating',
  协同责任单位: 'cooperating',
  协同单位: 'cooperating',
  协同部门: 'cooperating',
  协办单位: 'cooperating',
  参与单位: 'cooperating',
  参与部门: 'cooperating',
  责任单位: 'responsible',
  责任部门: 'responsible',
  主体责任单位: 'responsible',
  负责单位: 'responsible',
  负责部门: 'responsible',
  实施单位: 'responsible',
};

/** Bare verbs used as labels, only when a colon follows (牵头：X；配合：Y). */
export const SHORT_UNIT_LABELS: Readonly<Record<string, UnitRole>> = {
  牵头: 'lead',
  配合: 'cooperating',
  协同: 'cooperating',
  参与: 'cooperating',
  责任: 'responsible',
  负责: 'responsible',
};

/** Labels of a deadline inside a unit clause (完成时限：2018年底前). */
export const DEADLINE_LABELS = ['完成时限', '完成时间', '完成期限', '时间节点', '时限要求', '进度安排', '时限'];

const byLengthDesc = (a: string, b: string) => b.length - a.length;
const alt = (xs: string[]) => xs.slice().sort(byLengthDesc).join('|');

/** What may precede a label: start, a separator, a sentence end or an opening bracket. */
const LABEL_BEFORE = '(?<=^|[\\s\\u3000;；,，。.、:：(（〔［\\[【])';

/**
 * Global regex over any label: group 1 a unit label (colon optional), group 2 a short label (colon
 * required), group 3 a deadline label, group 4 any other "词语：" label (unknown, reported).
 */
export const ANY_LABEL_RE = new RegExp(
  `${LABEL_BEFORE}(?:(${alt(Object.keys(UNIT_LABELS))})\\s*[:：]?|(${alt(Object.keys(SHORT_UNIT_LABELS))})\\s*[:：]|(${alt(DEADLINE_LABELS)})\\s*[:：]?|([\\u4e00-\\u9fa5]{2,8})\\s*[:：])`,
  'g',
);

/**
 * A line or sentence outside brackets that starts with a unit label: "牵头单位：…" or "牵头单位 …"
 * (own-line form). A colon or a space must follow, so the sentence "牵头部门要加强协调" is not one.
 */
export const STARTS_WITH_UNIT_LABEL_RE = new RegExp(
  `^[\\s\\u3000]*(?:(?:${alt(Object.keys(UNIT_LABELS))}|${alt(Object.keys(SHORT_UNIT_LABELS))})\\s*[:：]|(?:${alt(Object.keys(UNIT_LABELS))})[\\s\\u3000]+)`,
);

/** A paragraph that is only a deadline: "完成时限：2023年12月底前". Group 1 is the deadline. */
export const DEADLINE_LINE_RE = new RegExp(`^[\\s\\u3000]*[(（]?(?:${alt(DEADLINE_LABELS)})\\s*[:：]\\s*(.+?)[)）。．.]?$`);
