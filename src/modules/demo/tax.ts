/**
 * Individual income tax as the demo's employers and tax bureau apply it, in fen (integers):
 * the pre-2019 monthly wage tax (3,500 threshold, 7 brackets), the 2018 Q4 transition (5,000 with
 * the new monthly table), cumulative withholding from 2019 (国家税务总局公告2018年第61号), the annual
 * one-off bonus taxed separately, and business income. The policy-evaluation module owns the full
 * rule set; this is what the synthetic withholding records are computed with.
 */

type Bracket = [upTo: number, rate: number, quick: number]; // 元

const ANNUAL_2019: Bracket[] = [
  [36000, 0.03, 0], [144000, 0.1, 2520], [300000, 0.2, 16920], [420000, 0.25, 31920],
  [660000, 0.3, 52920], [960000, 0.35, 85920], [Infinity, 0.45, 181920],
];
/** Monthly table of 2018-10 onwards (also the bonus table from 2019). */
const MONTHLY_2018: Bracket[] = [
  [3000, 0.03, 0], [12000, 0.1, 210], [25000, 0.2, 1410], [35000, 0.25, 2660],
  [55000, 0.3, 4410], [80000, 0.35, 7160], [Infinity, 0.45, 15160],
];
/** Monthly table 2011-09 to 2018-09. */
const MONTHLY_2011: Bracket[] = [
  [1500, 0.03, 0], [4500, 0.1, 105], [9000, 0.2, 555], [35000, 0.25, 1005],
  [55000, 0.3, 2755], [80000, 0.35, 5505], [Infinity, 0.45, 13505],
];
const BUSINESS_2019: Bracket[] = [[30000, 0.05, 0], [90000, 0.1, 1500], [300000, 0.2, 10500], [500000, 0.3, 40500], [Infinity, 0.35, 65500]];
const BUSINESS_2011: Bracket[] = [[15000, 0.05, 0], [30000, 0.1, 750], [60000, 0.2, 3750], [100000, 0.3, 9750], [Infinity, 0.35, 14750]];

/** Tax in fen on taxable income in fen with a bracket table stated in 元. */
function applyTable(table: Bracket[], taxableFen: number): number {
  if (taxableFen <= 0) return 0;
  const x = taxableFen / 100;
  for (let i = 0; i < table.length; i++) {
    const b = table[i];
    if (x <= b[0]) return Math.round((x * b[1] - b[2]) * 100);
  }
  return 0;
}

/** Which monthly regime applies (0: before 2011-09, 1: to 2018-09, 2: from 2018-10); constant-wage months in one regime pay the same tax. */
export function monthlyRegimeId(y: number, m: number): number {
  return y < 2011 || (y === 2011 && m < 9) ? 0 : y < 2018 || (y === 2018 && m < 10) ? 1 : 2;
}

export const annualComprehensiveTax = (taxableFen: number) => applyTable(ANNUAL_2019, taxableFen);

/** Monthly threshold (元) and table used for month m of year y under the monthly (pre-2019) method. */
function monthlyRegime(y: number, m: number): { threshold: number; table: Bracket[] } {
  if (y < 2011 || (y === 2011 && m < 9)) return { threshold: 2000, table: PRE_2011 };
  if (y < 2018 || (y === 2018 && m < 10)) return { threshold: 3500, table: MONTHLY_2011 };
  return { threshold: 5000, table: MONTHLY_2018 };
}
/** Monthly table before 2011-09 (9 brackets, 2,000 threshold). */
const PRE_2011: Bracket[] = [
  [500, 0.05, 0], [2000, 0.1, 25], [5000, 0.15, 125], [20000, 0.2, 375], [40000, 0.25, 1375],
  [60000, 0.3, 3375], [80000, 0.35, 6375], [100000, 0.4, 10375], [Infinity, 0.45, 15375],
];

/** Basic deduction per month (元) for the year's wage withholding. */
export function monthlyBasicDeduction(y: number, m: number): number {
  return y >= 2019 ? 5000 : monthlyRegime(y, m).threshold;
}

/** Pre-2019 wage tax for one month (fen): (wage − social insurance − threshold) on that month's table. */
export function monthlyWageTaxOld(y: number, m: number, wageFen: number, siFen: number): number {
  const { threshold, table } = monthlyRegime(y, m);
  return applyTable(table, wageFen - siFen - threshold * 100);
}

/**
 * Cumulative withholding (2019+): tax due on cumulative taxable income to this month minus tax
 * already withheld, never negative. Returns the new cumulative tax withheld.
 */
export function cumulativeWithholding(cumTaxableFen: number, withheldSoFarFen: number): { thisMonth: number; cumulative: number } {
  const due = annualComprehensiveTax(cumTaxableFen);
  const thisMonth = Math.max(0, due - withheldSoFarFen);
  return { thisMonth, cumulative: withheldSoFarFen + thisMonth };
}

/** Annual one-off bonus taxed separately: bonus/12 picks the rate on the monthly table. */
export function bonusTax(y: number, bonusFen: number): number {
  if (bonusFen <= 0) return 0;
  const table = y >= 2018 ? MONTHLY_2018 : y >= 2011 ? MONTHLY_2011 : PRE_2011; // paid in December
  const per = bonusFen / 100 / 12;
  for (let i = 0; i < table.length; i++) {
    const b = table[i];
    if (per <= b[0]) return Math.round((bonusFen / 100) * b[1] * 100 - b[2] * 100);
  }
  return 0;
}

/**
 * Business income tax for a year (fen) on net business income less social insurance and the
 * yearly deduction for owners without wages (42,000 from 2012, 60,000 from 2019); from 2021 the
 * tax on taxable income up to 1 million (2 million from 2023) is halved.
 */
export function businessIncomeTax(y: number, businessFen: number, siFen: number, months: number): number {
  const deduction = (y >= 2019 ? 5000 : y >= 2012 ? 3500 : 2000) * 100 * months;
  const taxable = businessFen - siFen - deduction;
  if (taxable <= 0) return 0;
  const tax = applyTable(y >= 2019 ? BUSINESS_2019 : BUSINESS_2011, taxable);
  const halfLimit = y >= 2023 ? 200_000_000 : y >= 2021 ? 100_000_000 : 0;
  return halfLimit > 0 && taxable <= halfLimit ? Math.round(tax / 2) : tax;
}
