/**
 * Income tax for the year: comprehensive income and its annual settlement (refund or payment,
 * with the bonus taxed separately or combined, whichever is lower while allowed), business income,
 * the 20% classes, and the year's total.
 */
import { applyScale, householdSum, roundFen, type FormulaContext, type VariableDef } from '../../engine/index.js';
import { afterExpenses, comprehensiveTax } from './calc.js';

/** Comprehensive income applies to residents when December is under the comprehensive regime. */
const settles = (ctx: FormulaContext) => ctx.str('iit.regime', 12) === 'comprehensive';

function sum12(x: Float64Array, p: number): number {
  const o = p * 12;
  return x[o] + x[o + 1] + x[o + 2] + x[o + 3] + x[o + 4] + x[o + 5] + x[o + 6] + x[o + 7] + x[o + 8] + x[o + 9] + x[o + 10] + x[o + 11];
}

export const specialExtra: VariableDef = {
  name: 'special_deductions_extra_annual',
  entity: 'person',
  period: 'year',
  unit: 'yuan',
  programme: 'iit',
  label: { zh: '年度汇算时扣除的专项附加扣除（证书继续教育、大病医疗）', en: 'Special deductions claimed at settlement (certificate, serious illness)' },
  doc: 'Certificate year 3,600; serious illness: self-paid costs above 15,000, at most 80,000.',
  refs: ['国发〔2018〕41号 第八条、第十一条'],
  deps: ['iit_resident', 'continuing_education_certificate', 'serious_illness_expense_annual'],
  formula: (ctx) => {
    if (!settles(ctx)) return;
    const resident = ctx.get('iit_resident');
    const cert = ctx.get('continuing_education_certificate');
    const ill = ctx.get('serious_illness_expense_annual');
    const c = ctx.num('iit.special.continuing_education_certificate', 12);
    const t = ctx.num('iit.special.serious_illness_threshold', 12);
    const cap = ctx.num('iit.special.serious_illness_cap', 12);
    for (let p = 0; p < ctx.n; p++) {
      if (resident[p] !== 1) continue;
      ctx.out[p] = (cert[p] === 1 ? c : 0) + Math.min(cap, Math.max(0, ill[p] - t));
    }
  },
};

const INCOME_DEPS = ['wage_monthly', 'labour_remuneration_monthly', 'author_fees_monthly', 'royalties_monthly'];

export const comprehensiveIncome: VariableDef = {
  name: 'iit_comprehensive_income_annual',
  entity: 'person',
  period: 'year',
  unit: 'yuan',
  programme: 'iit',
  label: { zh: '综合所得收入额（不含全年一次性奖金）', en: 'Comprehensive income amount (excluding the annual bonus)' },
  doc: 'Wages + 80% of labour remuneration and royalties + 80% × 70% of author’s fees (residents, from 2019).',
  refs: ['《中华人民共和国个人所得税法》第六条第二款'],
  deps: ['iit_resident', ...INCOME_DEPS],
  formula: (ctx) => {
    if (!settles(ctx)) return;
    const [resident, wage, labour, author, royalty] = ['iit_resident', ...INCOME_DEPS].map((d) => ctx.get(d));
    const k = ctx.num('iit.comprehensive.income_share', 12);
    const a = ctx.num('iit.comprehensive.author_reduction', 12);
    const remuneration = !(ctx.constant('labour_remuneration_monthly') === 0 && ctx.constant('author_fees_monthly') === 0 && ctx.constant('royalties_monthly') === 0);
    const out = ctx.out;
    for (let p = 0; p < ctx.n; p++) {
      if (resident[p] !== 1) continue;
      out[p] = sum12(wage, p) + (remuneration ? k * (sum12(labour, p) + sum12(royalty, p)) + k * a * sum12(author, p) : 0);
    }
  },
};

export const comprehensiveDeductions: VariableDef = {
  name: 'iit_comprehensive_deductions_annual',
  entity: 'person',
  period: 'year',
  unit: 'yuan',
  programme: 'iit',
  label: { zh: '综合所得各项扣除（年）', en: 'Deductions from comprehensive income (year)' },
  doc: 'Basic deduction 60,000 + special deductions (social insurance and housing fund) + special additional deductions for 12 months and those claimed at settlement + other deductions (+ other insurance contributions when there is no business income).',
  refs: ['《中华人民共和国个人所得税法》第六条第一款第一项'],
  deps: ['iit_resident', 'social_insurance_employee_annual', 'special_deductions_monthly', 'special_deductions_extra_annual', 'other_deductions_annual', 'social_insurance_other_annual', 'business_income_annual'],
  formula: (ctx) => {
    if (!settles(ctx)) return;
    const [resident, si, special, extra, other, siOther, business] = comprehensiveDeductions.deps!.map((d) => ctx.get(d));
    const basic = ctx.num('iit.comprehensive.basic_deduction', 12);
    for (let p = 0; p < ctx.n; p++) {
      if (resident[p] !== 1) continue;
      ctx.out[p] = basic + si[p] + sum12(special, p) + extra[p] + other[p] + (business[p] > 0 ? 0 : siOther[p]);
    }
  },
};

/** 1: the bonus is taxed separately; 2: combined with comprehensive income; 0: no bonus or no settlement. */
export const bonusMethod: VariableDef = {
  name: 'iit_bonus_method',
  entity: 'person',
  period: 'year',
  unit: 'code',
  programme: 'iit',
  label: { zh: '全年一次性奖金计税方式（1 单独，2 并入综合所得）', en: 'Annual bonus method (1 separate, 2 combined)' },
  doc: 'At settlement the taxpayer takes whichever gives less tax, while separate taxation is allowed (until 2027-12-31).',
  refs: ['财税〔2018〕164号 第一条', '财政部 税务总局公告2023年第30号'],
  deps: ['iit_resident', 'bonus_annual', 'bonus_month', 'iit_bonus_withheld', 'iit_comprehensive_income_annual', 'iit_comprehensive_deductions_annual'],
  formula: (ctx) => {
    if (!settles(ctx)) return;
    const [resident, bonus, month, bonusTax, income, ded] = bonusMethod.deps!.map((d) => ctx.get(d));
    const table = ctx.scale('iit.comprehensive.annual_table', 12);
    const allowed = Array.from({ length: 12 }, (_, j) => ctx.bool('iit.bonus.separate_allowed', j + 1));
    for (let p = 0; p < ctx.n; p++) {
      if (resident[p] !== 1 || bonus[p] <= 0) continue;
      const m = Math.min(12, Math.max(1, Math.round(month[p])));
      if (!allowed[m - 1]) {
        ctx.out[p] = 2;
        continue;
      }
      const separate = comprehensiveTax(income[p] - ded[p], table) + bonusTax[p];
      const combined = comprehensiveTax(income[p] + bonus[p] - ded[p], table);
      ctx.out[p] = separate <= combined ? 1 : 2;
      if (ctx.tracing) ctx.note(p, `bonus taxed separately: ${separate}; combined: ${combined} → ${separate <= combined ? 'separately' : 'combined'}`);
    }
  },
};

export const comprehensiveTaxVar: VariableDef = {
  name: 'iit_comprehensive_tax_annual',
  entity: 'person',
  period: 'year',
  unit: 'yuan',
  programme: 'iit',
  label: { zh: '综合所得应纳税额（含全年一次性奖金）', en: 'Tax due on comprehensive income (with the annual bonus)' },
  doc: 'Residents from 2019: annual table on (income − deductions), plus the bonus as chosen. Otherwise the tax withheld is final.',
  refs: ['《中华人民共和国个人所得税法》第二条、第六条、附表一'],
  deps: ['iit_resident', 'bonus_annual', 'iit_bonus_withheld', 'iit_bonus_method', 'iit_comprehensive_income_annual', 'iit_comprehensive_deductions_annual', 'iit_withheld_annual'],
  formula: (ctx) => {
    const [resident, bonus, bonusTax, method, income, ded, withheld] = comprehensiveTaxVar.deps!.map((d) => ctx.get(d));
    if (!settles(ctx)) {
      ctx.out.set(withheld);
      return;
    }
    const table = ctx.scale('iit.comprehensive.annual_table', 12);
    for (let p = 0; p < ctx.n; p++) {
      if (resident[p] !== 1) ctx.out[p] = withheld[p];
      else if (method[p] === 1) ctx.out[p] = roundFen(comprehensiveTax(income[p] - ded[p], table) + bonusTax[p]);
      else ctx.out[p] = comprehensiveTax(income[p] + bonus[p] - ded[p], table);
    }
  },
};

export const settlement: VariableDef = {
  name: 'iit_settlement_annual',
  entity: 'person',
  period: 'year',
  unit: 'yuan',
  programme: 'iit',
  label: { zh: '年度汇算应补（+）或应退（−）税额', en: 'Annual settlement: payment (+) or refund (−)' },
  doc: 'Tax due on comprehensive income − tax withheld. No payment is asked when comprehensive income is at most 120,000 or the payment at most 400 (through 2027).',
  refs: ['国家税务总局公告2019年第44号', '财政部 税务总局公告2019年第94号', '财政部 税务总局公告2023年第32号'],
  deps: ['iit_resident', 'iit_comprehensive_tax_annual', 'iit_withheld_annual', 'bonus_annual', ...INCOME_DEPS],
  formula: (ctx) => {
    if (!settles(ctx)) return;
    const [resident, due, withheld, bonus, wage, labour, author, royalty] = settlement.deps!.map((d) => ctx.get(d));
    const incomeLimit = ctx.num('iit.settlement.waiver_income_limit', 12);
    const amountLimit = ctx.num('iit.settlement.waiver_amount_limit', 12);
    for (let p = 0; p < ctx.n; p++) {
      if (resident[p] !== 1) continue;
      const d = roundFen(due[p] - withheld[p]);
      if (d > 0) {
        const gross = sum12(wage, p) + bonus[p] + sum12(labour, p) + sum12(author, p) + sum12(royalty, p);
        if (gross <= incomeLimit || d <= amountLimit) {
          if (ctx.tracing) ctx.note(p, `payment of ${d} waived (income ${gross} ≤ ${incomeLimit} or payment ≤ ${amountLimit})`);
          continue;
        }
      }
      ctx.out[p] = d;
    }
  },
};

/**
 * Business income: the business table on net income less the deductions of owners without
 * comprehensive income; the year's months each take their table (2018: 9 months old, 3 new); the
 * individual-business relief halves the tax on the part up to the limit (2021–2027).
 */
export const businessTax: VariableDef = {
  name: 'iit_business_tax_annual',
  entity: 'person',
  period: 'year',
  unit: 'yuan',
  programme: 'iit',
  label: { zh: '经营所得个人所得税', en: 'Income tax on business income' },
  refs: ['《中华人民共和国个人所得税法》附表二', '《个人所得税法实施条例》第十五条', '财税〔2018〕98号', '财政部 税务总局公告2021年第12号', '财政部 税务总局公告2023年第12号'],
  deps: ['business_income_annual', 'iit_resident', 'social_insurance_other_annual', 'social_insurance_employee_annual', 'special_deductions_monthly', 'special_deductions_extra_annual', 'other_deductions_annual', 'bonus_annual', ...INCOME_DEPS],
  formula: (ctx) => {
    const [business, resident, siOther, si, special, extra, other, bonus, wage, labour, author, royalty] = businessTax.deps!.map((d) => ctx.get(d));
    const comp = settles(ctx);
    const tables = Array.from({ length: 12 }, (_, m) => ctx.scale('iit.business.table', m + 1));
    let monthly = 0;
    for (let m = 1; m <= 12; m++) monthly += ctx.num('iit.business.monthly_deduction', m);
    const reliefShare = ctx.num('iit.business.relief_share', 12);
    const reliefLimit = ctx.num('iit.business.relief_limit', 12);
    for (let p = 0; p < ctx.n; p++) {
      const x = business[p];
      if (x <= 0) continue;
      let ded = siOther[p];
      if (!comp) ded += monthly;
      else if (resident[p] === 1 && sum12(wage, p) + bonus[p] + sum12(labour, p) + sum12(author, p) + sum12(royalty, p) <= 0) {
        ded += monthly + si[p] + sum12(special, p) + extra[p] + other[p];
      }
      const taxable = x - ded;
      if (taxable <= 0) continue;
      let tax = 0;
      for (let m = 0; m < 12; m++) tax += applyScale(tables[m], taxable);
      tax /= 12;
      const relief = reliefShare > 0 ? reliefShare * applyScale(tables[11], Math.min(taxable, reliefLimit)) : 0;
      ctx.out[p] = roundFen(tax - relief);
    }
  },
};

export const propertyTax: VariableDef = {
  name: 'iit_property_tax_annual',
  entity: 'person',
  period: 'year',
  unit: 'yuan',
  programme: 'iit',
  label: { zh: '利息股息红利、财产租赁、财产转让、偶然所得个人所得税', en: 'Income tax on interest, dividends, rent, property transfers and incidental income' },
  doc: 'Deposit interest at its own rate (0 since 2008-10-09); dividends 20% (listed, held over a year: exempt); rent per month after 800 or 20% expenses at the home-letting rate; transfer gains and incidental income 20%.',
  refs: ['《中华人民共和国个人所得税法》第三条', '财税〔2008〕132号', '财税〔2015〕101号', '财税〔2008〕24号'],
  deps: ['deposit_interest_annual', 'dividend_income_annual', 'listed_dividend_long_annual', 'rental_income_monthly', 'property_transfer_gain_annual', 'incidental_income_annual'],
  formula: (ctx) => {
    const [interest, dividends, listed, rent, transfer, incidental] = propertyTax.deps!.map((d) => ctx.get(d));
    const rate = ctx.num('iit.classes.rate', 12);
    const interestRate = ctx.num('iit.classes.deposit_interest_rate', 12);
    const listedShare = ctx.has('iit.classes.listed_dividend_long_rate_share', 12) ? ctx.num('iit.classes.listed_dividend_long_rate_share', 12) : 1;
    const rentRate = ctx.num('iit.classes.housing_rental_rate', 12);
    const rules = {
      smallLimit: ctx.num('iit.remuneration.small_payment_limit', 12),
      fixedExpense: ctx.num('iit.remuneration.fixed_expense', 12),
      expenseRate: ctx.num('iit.remuneration.expense_rate', 12),
    };
    const anyRent = ctx.constant('rental_income_monthly') !== 0;
    for (let p = 0; p < ctx.n; p++) {
      let t = 0;
      if (interest[p] !== 0 || dividends[p] !== 0 || listed[p] !== 0) {
        t = roundFen(interest[p] * interestRate) + roundFen(dividends[p] * rate) + roundFen(listed[p] * listedShare * rate);
      }
      if (anyRent) {
        for (let m = 0; m < 12; m++) {
          const r = rent[p * 12 + m];
          if (r > 0) t += roundFen(afterExpenses(r, rules) * rentRate);
        }
      }
      if (transfer[p] > 0) t += roundFen(transfer[p] * rate);
      if (incidental[p] > 0) t += roundFen(incidental[p] * rate);
      ctx.out[p] = t;
    }
  },
};

export const iitAnnual: VariableDef = {
  name: 'iit_annual',
  entity: 'person',
  period: 'year',
  unit: 'yuan',
  programme: 'iit',
  label: { zh: '个人所得税（全年合计，含年度汇算）', en: 'Income tax for the year (after the annual settlement)' },
  doc: 'Tax withheld + settlement payment (or − refund) + business income tax + the 20% classes.',
  deps: ['iit_withheld_annual', 'iit_settlement_annual', 'iit_business_tax_annual', 'iit_property_tax_annual'],
  formula: (ctx) => {
    const [w, s, b, c] = iitAnnual.deps!.map((d) => ctx.get(d));
    for (let p = 0; p < ctx.n; p++) ctx.out[p] = roundFen(w[p] + s[p] + b[p] + c[p]);
  },
};

export const iitHousehold = householdSum('iit_household_annual', iitAnnual, { zh: '住户个人所得税（全年）', en: 'Household income tax (year)' });

export const IIT_ANNUAL: VariableDef[] = [specialExtra, comprehensiveIncome, comprehensiveDeductions, bonusMethod, comprehensiveTaxVar, settlement, businessTax, propertyTax, iitAnnual, iitHousehold];
