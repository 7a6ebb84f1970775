/**
 * Income aggregates in the NBS sense (PRODUCT.md): wage income, net business income, net property
 * income, net transfers, and household disposable income = their sum.
 */
import { type FormulaContext, type VariableDef } from '../engine/index.js';

function personYear(name: string, label: { zh: string; en: string }, doc: string, deps: string[], f: (ctx: FormulaContext, cols: Float64Array[], p: number) => number): VariableDef {
  return {
    name,
    entity: 'person',
    period: 'year',
    unit: 'yuan',
    programme: 'income',
    label,
    doc,
    deps,
    formula: (ctx) => {
      const cols = deps.map((d) => ctx.get(d));
      for (let p = 0; p < ctx.n; p++) ctx.out[p] = f(ctx, cols, p);
    },
  };
}

const sum12 = (x: Float64Array, p: number) => {
  let s = 0;
  for (let m = 0; m < 12; m++) s += x[p * 12 + m];
  return s;
};

export const wageIncome = personYear(
  'wage_income_annual', { zh: '工资性收入', en: 'Wage income' }, 'Wages, the annual bonus, labour remuneration and author’s fees.',
  ['wage_monthly', 'bonus_annual', 'labour_remuneration_monthly', 'author_fees_monthly'],
  (_, [w, b, l, a], p) => sum12(w, p) + b[p] + sum12(l, p) + sum12(a, p),
);
export const businessIncome = personYear(
  'business_net_income_annual', { zh: '经营净收入', en: 'Net business income' }, 'Business and farming net income.',
  ['business_income_annual', 'agricultural_income_annual'],
  (_, [b, a], p) => b[p] + a[p],
);
export const royaltiesAnnual = personYear(
  'royalties_annual', { zh: '特许权使用费收入（全年）', en: 'Royalties (year)' }, 'Property income in NBS terms.',
  ['royalties_monthly'], (_, [r], p) => sum12(r, p),
);
export const rentalAnnual = personYear(
  'rental_income_annual', { zh: '出租房屋租金收入（全年）', en: 'Rent received (year)' }, '',
  ['rental_income_monthly'], (_, [r], p) => sum12(r, p),
);

const PERSON_PARTS = [
  'wage_income_annual', 'business_net_income_annual', 'royalties_annual', 'deposit_interest_annual', 'dividend_income_annual', 'listed_dividend_long_annual',
  'rental_income_annual', 'pension_annual', 'iit_annual', 'social_insurance_employee_annual', 'social_insurance_other_annual',
];
const SIGN = [1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1];

export const disposableIncome: VariableDef = {
  name: 'disposable_income_annual',
  entity: 'household',
  period: 'year',
  unit: 'yuan',
  programme: 'income',
  label: { zh: '住户可支配收入（全年）', en: 'Household disposable income (year)' },
  doc: 'Wage income + net business income + net property income (interest, dividends, rent, royalties, imputed rent − property spending) + net transfers (pensions, 低保, transfers received − income tax − social insurance and housing fund − transfers paid).',
  refs: ['国家统计局 住户收支与生活状况调查 可支配收入定义'],
  deps: [...PERSON_PARTS, 'imputed_rent_annual', 'property_expense_annual', 'transfers_received_annual', 'transfers_paid_annual', 'dibao_annual'],
  formula: (ctx) => {
    const cols = PERSON_PARTS.map((d) => ctx.get(d));
    const ph = ctx.personHousehold;
    const out = ctx.out;
    for (let p = 0; p < ctx.persons; p++) {
      let s = 0;
      for (let k = 0; k < cols.length; k++) s += SIGN[k] * cols[k][p];
      out[ph[p]] += s;
    }
    const [imputed, expense, received, paid, dibao] = ['imputed_rent_annual', 'property_expense_annual', 'transfers_received_annual', 'transfers_paid_annual', 'dibao_annual'].map((d) => ctx.get(d));
    for (let h = 0; h < ctx.n; h++) out[h] += imputed[h] - expense[h] + received[h] - paid[h] + dibao[h];
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

export const INCOME: VariableDef[] = [wageIncome, businessIncome, royaltiesAnnual, rentalAnnual, disposableIncome, householdSize, disposablePerCapita];
