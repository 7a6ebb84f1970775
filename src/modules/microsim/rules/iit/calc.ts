/**
 * Scalar income-tax computations shared by the vectorised formulas (and tested on their own).
 * Amounts in 元; results rounded to the fen.
 */
import { applyScale, bracketOf, roundFen, type Scale } from '../../engine/index.js';

export interface RemunerationRules {
  smallLimit: number;
  fixedExpense: number;
  expenseRate: number;
}

/** Income after the expense deduction: 800 for payments up to 4,000, else 20%. */
export function afterExpenses(x: number, r: RemunerationRules): number {
  if (x <= 0) return 0;
  return x <= r.smallLimit ? Math.max(0, x - r.fixedExpense) : x * (1 - r.expenseRate);
}

/** Resident withholding on labour remuneration (预扣率表二); before 2019 the final tax with 加成征收. */
export function labourWithholding(x: number, r: RemunerationRules, table: Scale): number {
  return roundFen(applyScale(table, afterExpenses(x, r)));
}

/** Resident withholding on author's fees: after expenses × 70% × 20%. */
export function authorWithholding(x: number, r: RemunerationRules, reduction: number, rate: number): number {
  return roundFen(afterExpenses(x, r) * reduction * rate);
}

/** Resident withholding on royalties: after expenses × 20%. */
export function royaltyWithholding(x: number, r: RemunerationRules, rate: number): number {
  return roundFen(afterExpenses(x, r) * rate);
}

/**
 * Annual one-off bonus taxed on its own: the rate and quick deduction of the monthly table
 * bracket holding bonus ÷ divisor, applied once to the whole bonus (财税〔2018〕164号, 国税发〔2005〕9号).
 * `shortfall`: before 2019, what the month's wage fell short of the deduction, taken off the bonus first.
 */
export function bonusSeparateTax(bonus: number, table: Scale, divisor: number, shortfall = 0): number {
  const b = bonus - Math.max(0, shortfall);
  if (b <= 0) return 0;
  const i = bracketOf(table, b / divisor);
  return roundFen(b * table.rate[i] - table.quick[i]);
}

/** Non-residents' bonus for several months: [(bonus ÷ 6) × rate − quick] × 6 (财政部 税务总局公告2019年第35号). */
export function nonResidentBonusTax(bonus: number, table: Scale, divisor: number): number {
  if (bonus <= 0) return 0;
  return roundFen(applyScale(table, bonus / divisor) * divisor);
}

/** Tax on the comprehensive taxable income of a year (annual table). */
export function comprehensiveTax(taxable: number, table: Scale): number {
  return roundFen(applyScale(table, taxable));
}
