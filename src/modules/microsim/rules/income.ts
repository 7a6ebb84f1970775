/**
 * Income aggregates in the NBS sense (PRODUCT.md): wage income, net business income, net property
 * income, net transfers, and household disposable income = their sum.
 */
import { type FormulaContext, type VariableDef } from '../engine/index.js';

function personYear(name: string, label: { zh: string; en: string }, doc: string, deps: string[], formula: (ctx: FormulaContext) => void): VariableDef {
  return { name, entity: 'person', period: 'year', unit: 'yuan', programme: 'income', label, doc, deps, formula };
}

/** out[p] = Σ over the month columns' 12 months + Σ the year columns. */
function addUp(ctx: FormulaContext, months: string[], years: string[]): void {
  const out = ctx.out;
  const n = ctx.n;
  for (const name of months) {
    if (ctx.constant(name) === 0) continue;
    const x = ctx.get(name);
    for (let p = 0; p < n; p++) {
      const o = p * 12;
      out[p] += x[o] + x[o + 1] + x[o + 2] + x[o + 3] + x[o + 4] + x[o + 5] + x[o + 6] + x[o + 7] + x[o + 8] + x[o + 9] + x[o + 10] + x[o + 11];
    }
  }
  for (const name of years) {
    if (ctx.constant(name) === 0) continue;
    const x = ctx.get(name);
    for (let p = 0; p < n; p++) out[p] += x[p];
  }
}

export const wageIncome = personYear(
  'wage_income_annual', { zh: '工资性收入', en: 'Wage income' }, 'Wages, the annual bonus, labour remuneration and author’s fees.',
  ['wage_monthly', 'bonus_annual', 'labour_remuneration_monthly', 'author_fees_monthly'],
  (ctx) => addUp(ctx, ['wage_monthly', 'labour_remuneration_monthly', 'author_fees_monthly'], ['bonus_annual']),
);
export const businessIncome = personYear(
  'business_net_income_annual', { zh: '经营净收入', en: 'Net business income' }, 'Business and farming net income.',
  ['business_income_annual', 'agricultural_income_annual'],
  (ctx) => addUp(ctx, [], ['business_income_annual', 'agricultural_income_annual']),
);
export const royaltiesAnnual = personYear(
  'royalties_annual', { zh: '特许权使用费收入（全年）', en: 'Royalties (year)' }, 'Property income in NBS terms.',
  ['royalties_monthly'], (ctx) => addUp(ctx, ['royalties_monthly'], []),
);
export const rentalAnnual = personYear(
  'rental_income_annual', { zh: '出租房屋租金收入（全年）', en: 'Rent received (year)' }, '',
  ['rental_income_monthly'], (ctx) => addUp(ctx, ['rental_income_monthly'], []),
);

let scratchBuffer = new Float64Array(0);
/** A zeroed work array of n values (reused). */
export function scratch(n: number): Float64Array {
  if (scratchBuffer.length < n) scratchBuffer = new Float64Array(n);
  const s = scratchBuffer.subarray(0, n);
  s.fill(0);
  return s;
}

const PERSON_PARTS = [
  'wage_income_annual', 'business_net_income_annual', 'royalties_annual', 'deposit_interest_annual', 'dividend_income_annual', 'listed_dividend_long_annual',
  'rental_income_annual', 'pension_annual', 'iit_annual', 'social_insurance_employee_annual', 'social_insurance_other_annual',
];
const SIGN = [1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1];

export const disposableBeforeDibao: VariableDef = {
  name: 'disposable_income_before_dibao_annual',
  entity: 'household',
  period: 'year',
  unit: 'yuan',
  programme: 'income',
  label: { zh: '住户可支配收入（不含低保，全年）', en: 'Household disposable income before 低保 (year)' },
  doc: 'Wage income + net business income + net property income (interest, dividends, rent, royalties, imputed rent − property spending) + net transfers other than 低保 (pensions, transfers received − income tax − social insurance and housing fund − transfers paid).',
  refs: ['国家统计局 住户收支与生活状况调查 可支配收入定义'],
  deps: [...PERSON_PARTS, 'imputed_rent_annual', 'property_expense_annual', 'transfers_received_annual', 'transfers_paid_annual'],
  formula: (ctx) => {
    const ph = ctx.personHousehold;
    const out = ctx.out;
    const np = ctx.persons;
    const tmp = scratch(np);
    for (let k = 0; k < PERSON_PARTS.length; k++) {
      if (ctx.constant(PERSON_PARTS[k]) === 0) continue;
      const x = ctx.get(PERSON_PARTS[k]);
      if (SIGN[k] > 0) for (let p = 0; p < np; p++) tmp[p] += x[p];
      else for (let p = 0; p < np; p++) tmp[p] -= x[p];
    }
    for (let p = 0; p < np; p++) out[ph[p]] += tmp[p];
    const [imputed, expense, received, paid] = ['imputed_rent_annual', 'property_expense_annual', 'transfers_received_annual', 'transfers_paid_annual'].map((d) => ctx.get(d));
    for (let h = 0; h < ctx.n; h++) out[h] += imputed[h] - expense[h] + received[h] - paid[h];
  },
};

export const disposableIncome: VariableDef = {
  name: 'disposable_income_annual',
  entity: 'household',
  period: 'year',
  unit: 'yuan',
  programme: 'income',
  label: { zh: '住户可支配收入（全年）', en: 'Household disposable income (year)' },
  doc: 'Disposable income before 低保 + 低保 paid (PRODUCT.md: wage + net business + net property income + net transfers).',
  refs: ['国家统计局 住户收支与生活状况调查 可支配收入定义'],
  deps: ['disposable_income_before_dibao_annual', 'dibao_annual'],
  formula: (ctx) => {
    const before = ctx.get('disposable_income_before_dibao_annual');
    const dibao = ctx.get('dibao_annual');
    for (let h = 0; h < ctx.n; h++) ctx.out[h] = before[h] + dibao[h];
  },
};

export const householdSize: VariableDef = {
  name: 'household_size',
  entity: 'household',
  period: 'year',
  unit: 'count',
  programme: 'income',
  label: { zh: '住户人数', en: 'Household members' },
  formula: (ctx) => {
    for (let h = 0; h < ctx.n; h++) ctx.out[h] = ctx.householdSize[h];
  },
};

export const disposablePerCapita: VariableDef = {
  name: 'disposable_income_per_capita_annual',
  entity: 'household',
  period: 'year',
  unit: 'yuan',
  programme: 'income',
  label: { zh: '住户人均可支配收入（全年）', en: 'Disposable income per member (year)' },
  deps: ['disposable_income_annual'],
  formula: (ctx) => {
    const d = ctx.get('disposable_income_annual');
    for (let h = 0; h < ctx.n; h++) ctx.out[h] = d[h] / ctx.householdSize[h];
  },
};

export const INCOME: VariableDef[] = [wageIncome, businessIncome, royaltiesAnnual, rentalAnnual, disposableBeforeDibao, disposableIncome, householdSize, disposablePerCapita];
