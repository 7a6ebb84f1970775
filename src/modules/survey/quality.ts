/**
 * Quality rules of a household-month, checked when it is submitted (and shown on the diary page).
 * Errors block submission; warnings need a comment. Each issue has a stable key so a comment given
 * once stays attached to it. Pure.
 */
import { formatFen, type QualityIssue } from '../../shared/api/survey.js';
import type { ClassItem } from './classification.js';

export interface MonthFacts {
  month: string;
  entries: readonly { id: string; date: string; itemCode: string; amountFen: number }[];
  /** The classification version for the month's year. */
  items: ReadonlyMap<string, ClassItem>;
  residentMembers: number;
  residentMembersBefore: number | null;
  declaredMembers: number | null;
  declaredMembersBefore: number | null;
  /** Monthly wage totals (fen) of the household's earlier months with diaries (most recent last). */
  wageHistory: readonly number[];
  /** Per-capita monthly wage (fen) of the other households of the stratum with wages this month. */
  stratumWagePerCapita: readonly number[];
  /** Days of the month up to today (or the month's end) without any entry. */
  missingDays: readonly string[];
}

export const RULES = {
  wageRatio: 3,
  minHistory: 3,
  stratumMultiple: 3,
  minStratum: 10,
  largeConsumptionFen: 5_000_000,
  largeIncomeFen: 20_000_000,
  missingDays: 10,
} as const;

const issue = (severity: 'error' | 'warning', code: string, message: string, key = code, entryId: string | null = null): QualityIssue => ({ key, code, severity, message, entryId, comment: null });

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

function quantile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}

/** Wage income of the month in fen (工资性收入 items). */
export function wageOf(entries: MonthFacts['entries'], items: MonthFacts['items']): number {
  let w = 0;
  for (const e of entries) if (items.get(e.itemCode)?.component === 'wage') w += e.amountFen;
  return w;
}

export function checkMonth(f: MonthFacts): QualityIssue[] {
  const out: QualityIssue[] = [];
  const yuan = (fen: number) => `${formatFen(fen)} 元`;
  if (f.residentMembers === 0) out.push(issue('error', 'NO_RESIDENT_MEMBER', '该户本月没有常住成员（名册中无人在家居住超过半月），不能提交；请先核对家庭成员名册'));
  if (f.entries.length === 0) out.push(issue('error', 'MONTH_EMPTY', `${f.month} 没有任何记账，不能提交`));
  for (const e of f.entries) {
    const item = f.items.get(e.itemCode);
    if (!item) {
      out.push(issue('error', 'UNKNOWN_ITEM', `${e.date} 的记账项目 ${e.itemCode} 不在本年度的项目分类中`, `UNKNOWN_ITEM:${e.id}`, e.id));
      continue;
    }
    if (e.amountFen < 0) {
      out.push(issue('error', 'NEGATIVE_AMOUNT', `${e.date}「${item.name}」金额为负数（${yuan(e.amountFen)}）；支出请记在支出项目下，金额填正数`, `NEGATIVE_AMOUNT:${e.id}`, e.id));
    }
    const large = item.kind === 'consumption' ? RULES.largeConsumptionFen : RULES.largeIncomeFen;
    if (e.amountFen >= large) {
      out.push(issue('warning', 'LARGE_AMOUNT', `${e.date}「${item.name}」${yuan(e.amountFen)}，金额较大，请确认没有多写“万”或多打零`, `LARGE_AMOUNT:${e.id}`, e.id));
    }
  }
  const wage = wageOf(f.entries, f.items);
  const history = f.wageHistory.filter((w) => w > 0);
  if (wage > 0 && history.length >= RULES.minHistory) {
    const typical = median(history);
    if (wage > RULES.wageRatio * typical || wage < typical / RULES.wageRatio) {
      out.push(issue('warning', 'WAGE_HISTORY', `本月工资性收入 ${yuan(wage)}，与本户此前月份的通常水平（${yuan(Math.round(typical))}）相差三倍以上，请说明原因（如年终奖、换工作、停工）`));
    }
  }
  if (wage > 0 && f.residentMembers > 0 && f.stratumWagePerCapita.length >= RULES.minStratum) {
    const perCapita = wage / f.residentMembers;
    const p95 = quantile(f.stratumWagePerCapita, 0.95);
    if (perCapita > RULES.stratumMultiple * p95) {
      out.push(issue('warning', 'WAGE_STRATUM', `本月人均工资性收入 ${yuan(Math.round(perCapita))}，超过本层样本户第 95 百分位数（${yuan(Math.round(p95))}）的三倍，请核实`));
    }
  }
  if (f.declaredMembers !== null && f.declaredMembersBefore !== null && f.declaredMembers !== f.declaredMembersBefore && f.residentMembers === f.residentMembersBefore) {
    out.push(issue('warning', 'MEMBERS_CHANGED', `申报的在家居住人数由 ${f.declaredMembersBefore} 人变为 ${f.declaredMembers} 人，但家庭成员名册没有相应变动；请更新名册或说明原因`));
  } else if (f.declaredMembers !== null && f.declaredMembers !== f.residentMembers) {
    out.push(issue('warning', 'MEMBERS_MISMATCH', `申报的在家居住人数（${f.declaredMembers} 人）与名册推算的常住人数（${f.residentMembers} 人）不一致，请核对`));
  }
  if (f.entries.length > 0 && f.missingDays.length > RULES.missingDays) {
    out.push(issue('warning', 'MISSING_DAYS', `本月有 ${f.missingDays.length} 天没有记账，请确认这些天确实没有收支`));
  }
  return out;
}

/** Issues with the comments given (by key); the keys of warnings still lacking one. */
export function applyComments(issues: QualityIssue[], comments: Record<string, string>): { issues: QualityIssue[]; missing: string[] } {
  const withComments = issues.map((i) => ({ ...i, comment: comments[i.key]?.trim() || null }));
  return { issues: withComments, missing: withComments.filter((i) => i.severity === 'warning' && !i.comment).map((i) => i.key) };
}
