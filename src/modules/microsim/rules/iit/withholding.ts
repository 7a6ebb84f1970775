/**
 * Individual income tax withheld during the year: residence, special additional deductions,
 * wages (monthly method until 2018, cumulative withholding from 2019, non-residents monthly),
 * the annual bonus taxed separately, labour remuneration, author's fees and royalties.
 */
import { applyScale, roundFen, type FormulaContext, type Scale, type VariableDef } from '../../engine/index.js';
import { authorWithholding, bonusSeparateTax, labourWithholding, nonResidentBonusTax, royaltyWithholding, type RemunerationRules } from './calc.js';

const comprehensive = (ctx: FormulaContext, m: number) => ctx.str('iit.regime', m) === 'comprehensive';

export const iitResident: VariableDef = {
  name: 'iit_resident',
  entity: 'person',
  period: 'year',
  unit: 'flag',
  programme: 'iit',
  label: { zh: '居民个人', en: 'Resident individual' },
  doc: 'Domiciled in China, or in China for at least days_threshold days of the year (183 from 2019).',
  refs: ['《中华人民共和国个人所得税法》第一条'],
  deps: ['domiciled', 'days_in_china'],
  formula: (ctx) => {
    const dom = ctx.get('domiciled');
    const days = ctx.get('days_in_china');
    const t = ctx.num('iit.resident.days_threshold', 12);
    for (let p = 0; p < ctx.n; p++) ctx.out[p] = dom[p] === 1 || days[p] >= t ? 1 : 0;
  },
};

export const specialDeductions: VariableDef = {
  name: 'special_deductions_monthly',
  entity: 'person',
  period: 'month',
  unit: 'yuan',
  programme: 'iit',
  label: { zh: '专项附加扣除（每月）', en: 'Special additional deductions (per month)' },
  doc: 'Children’s education, infant care, elderly support, continuing education (degree), housing loan interest or rent, from 2019 for residents. May be given as input (one total per month).',
  refs: ['国发〔2018〕41号', '国发〔2022〕8号', '国发〔2023〕13号'],
  input: { default: 0 },
  deps: ['iit_resident', 'children_in_education', 'infants', 'child_deduction_share', 'elderly_support', 'continuing_education_degree', 'housing_loan', 'rent_city_tier'],
  formula: (ctx) => {
    const resident = ctx.get('iit_resident');
    const kids = ctx.get('children_in_education');
    const infants = ctx.get('infants');
    const share = ctx.get('child_deduction_share');
    const elderly = ctx.get('elderly_support');
    const degree = ctx.get('continuing_education_degree');
    const loan = ctx.get('housing_loan');
    const tier = ctx.get('rent_city_tier');
    const on = new Uint8Array(12);
    const [child, infant, only, sibling, deg, interest, rent1, rent2, rent3] = Array.from({ length: 9 }, () => new Float64Array(12));
    const sp = 'iit.special.';
    let any = false;
    for (let m = 1; m <= 12; m++) {
      if (!comprehensive(ctx, m)) continue;
      const j = m - 1;
      on[j] = 1;
      any = true;
      child[j] = ctx.num(sp + 'children_education', m);
      infant[j] = ctx.num(sp + 'infant_care', m);
      only[j] = ctx.num(sp + 'elderly_only_child', m);
      sibling[j] = ctx.num(sp + 'elderly_sibling_cap', m);
      deg[j] = ctx.num(sp + 'continuing_education_degree', m);
      interest[j] = ctx.num(sp + 'housing_loan_interest', m);
      rent1[j] = ctx.num(sp + 'rent_tier1', m);
      rent2[j] = ctx.num(sp + 'rent_tier2', m);
      rent3[j] = ctx.num(sp + 'rent_tier3', m);
    }
    if (!any) return;
    const out = ctx.out;
    for (let p = 0; p < ctx.n; p++) {
      if (resident[p] !== 1) continue;
      const k = kids[p];
      const f = infants[p];
      const e = elderly[p];
      const d = degree[p];
      const l = loan[p];
      const t = tier[p];
      if (k === 0 && f === 0 && e === 0 && d === 0 && l === 0 && t === 0) continue;
      for (let j = 0; j < 12; j++) {
        if (!on[j]) continue;
        const rent = t === 1 ? rent1[j] : t === 2 ? rent2[j] : t === 3 ? rent3[j] : 0;
        const housing = Math.max(l === 1 ? interest[j] : 0, rent);
        out[p * 12 + j] = (k * child[j] + f * infant[j]) * share[p] + (e === 1 ? only[j] : e === 2 ? sibling[j] : 0) + (d === 1 ? deg[j] : 0) + housing;
      }
    }
  },
};

function bonusSeparateAllowed(ctx: FormulaContext, month: number): boolean {
  return ctx.bool('iit.bonus.separate_allowed', month);
}

/**
 * Wages: before 2019 month by month, tax = T_month(wage − social insurance − deduction); from
 * 2019 for residents cumulatively (国家税务总局公告2018年第61号): tax this month = T_year(cumulative
 * wages − 5,000 × months employed − social insurance − special deductions) − tax withheld so far,
 * never negative; non-residents T_month(wage − 5,000). When the bonus may no longer be taxed
 * separately it joins the wages of its month.
 */
export const iitWageWithheld: VariableDef = {
  name: 'iit_wage_withheld_monthly',
  entity: 'person',
  period: 'month',
  unit: 'yuan',
  programme: 'iit',
  label: { zh: '工资薪金预扣预缴税额', en: 'Tax withheld on wages' },
  refs: ['国家税务总局公告2018年第61号 第六条', '财税〔2018〕98号', '《中华人民共和国个人所得税法》第六条'],
  deps: ['wage_monthly', 'social_insurance_employee_monthly', 'special_deductions_monthly', 'iit_resident', 'bonus_annual', 'bonus_month'],
  formula: (ctx) => {
    const wage = ctx.get('wage_monthly');
    const si = ctx.get('social_insurance_employee_monthly');
    const special = ctx.get('special_deductions_monthly');
    const resident = ctx.get('iit_resident');
    const bonus = ctx.get('bonus_annual');
    const bonusMonth = ctx.get('bonus_month');
    const comp = new Array<boolean>(13);
    const deduction = new Float64Array(13);
    const monthly = new Array<Scale>(13);
    const combinedBonus = new Array<boolean>(13);
    let annual: Scale | undefined;
    for (let m = 1; m <= 12; m++) {
      comp[m] = comprehensive(ctx, m);
      deduction[m] = ctx.num('iit.monthly_deduction', m);
      monthly[m] = ctx.scale('iit.monthly_table', m);
      combinedBonus[m] = !bonusSeparateAllowed(ctx, m);
      if (comp[m]) annual ??= ctx.scale('iit.comprehensive.annual_table', m);
    }
    const out = ctx.out;
    let simple = true; // every month cumulative, no bonus joining the wages: the common case, in a tight loop
    for (let m = 1; m <= 12; m++) if (!comp[m] || combinedBonus[m]) simple = false;
    if (simple) {
      const { to, rate, quick } = annual!;
      for (let p = 0; p < ctx.n; p++) {
        const o = p * 12;
        if (resident[p] !== 1) {
          for (let j = 0; j < 12; j++) if (wage[o + j] > 0) out[o + j] = roundFen(applyScale(monthly[j + 1], wage[o + j] - deduction[j + 1]));
          continue;
        }
        let cum = 0;
        let withheld = 0;
        let b = 0;
        for (let j = 0; j < 12; j++) {
          const w = wage[o + j];
          if (w <= 0) continue;
          cum += w - deduction[j + 1] - special[o + j] - si[o + j];
          if (cum <= 0) continue;
          if (b > 0 && cum <= to[b - 1]) b = 0;
          while (cum > to[b]) b++;
          const due = roundFen(cum * rate[b] - quick[b]);
          if (due > withheld) {
            const t = roundFen(due - withheld);
            out[o + j] = t;
            withheld += t;
          }
        }
      }
      return;
    }
    for (let p = 0; p < ctx.n; p++) {
      const o = p * 12;
      const res = resident[p] === 1;
      let cumTaxable = 0;
      let withheld = 0;
      for (let m = 1; m <= 12; m++) {
        const i = o + m - 1;
        let w = wage[i];
        if (combinedBonus[m] && bonusMonth[p] === m) w += bonus[p];
        if (w <= 0) continue;
        if (!comp[m]) {
          out[i] = roundFen(applyScale(monthly[m], w - si[i] - deduction[m]));
        } else if (!res) {
          out[i] = roundFen(applyScale(monthly[m], w - deduction[m]));
        } else {
          cumTaxable += w - (wage[i] > 0 ? deduction[m] + special[i] : 0) - si[i];
          const due = roundFen(applyScale(annual!, cumTaxable));
          const t = due > withheld ? roundFen(due - withheld) : 0;
          out[i] = t;
          withheld += t;
        }
      }
    }
  },
};

/** The annual one-off bonus taxed on its own when paid (0 when it joins the wages). */
export const iitBonusWithheld: VariableDef = {
  name: 'iit_bonus_withheld',
  entity: 'person',
  period: 'year',
  unit: 'yuan',
  programme: 'iit',
  label: { zh: '全年一次性奖金单独计税扣缴税额', en: 'Tax withheld on the annual bonus (taxed separately)' },
  doc: 'bonus × rate − quick deduction of the monthly-table bracket holding bonus ÷ 12; before 2019 the month’s shortfall of the wage below the deduction is taken off the bonus first; non-residents: [(bonus ÷ 6) × rate − quick] × 6.',
  refs: ['财税〔2018〕164号 第一条', '国税发〔2005〕9号', '财政部 税务总局公告2019年第35号', '财政部 税务总局公告2023年第30号'],
  deps: ['bonus_annual', 'bonus_month', 'wage_monthly', 'social_insurance_employee_monthly', 'iit_resident'],
  formula: (ctx) => {
    const bonus = ctx.get('bonus_annual');
    const month = ctx.get('bonus_month');
    const wage = ctx.get('wage_monthly');
    const si = ctx.get('social_insurance_employee_monthly');
    const resident = ctx.get('iit_resident');
    let rules: { allowed: boolean; table: Scale; comp: boolean; divisor: number; nonResident: number; deduction: number }[] | undefined;
    for (let p = 0; p < ctx.n; p++) {
      const b = bonus[p];
      if (b <= 0) continue;
      rules ??= Array.from({ length: 12 }, (_, j) => {
        const m = j + 1;
        const comp = comprehensive(ctx, m);
        return {
          allowed: bonusSeparateAllowed(ctx, m),
          table: ctx.scale('iit.monthly_table', m),
          comp,
          divisor: ctx.num('iit.bonus.divisor', m),
          nonResident: comp ? ctx.num('iit.non_resident.bonus_divisor', m) : 0,
          deduction: ctx.num('iit.monthly_deduction', m),
        };
      });
      const m = Math.min(12, Math.max(1, Math.round(month[p])));
      const r = rules[m - 1];
      if (!r.allowed) continue;
      if (r.comp && resident[p] !== 1) {
        ctx.out[p] = nonResidentBonusTax(b, r.table, r.nonResident);
        continue;
      }
      const i = p * 12 + m - 1;
      const shortfall = r.comp ? 0 : r.deduction - (wage[i] - si[i]);
      ctx.out[p] = bonusSeparateTax(b, r.table, r.divisor, shortfall);
      if (ctx.tracing) ctx.note(p, `bonus ${b} ÷ ${r.divisor} sets the rate; tax ${ctx.out[p]}`);
    }
  },
};

function remunerationRules(ctx: FormulaContext, m: number): RemunerationRules {
  return {
    smallLimit: ctx.num('iit.remuneration.small_payment_limit', m),
    fixedExpense: ctx.num('iit.remuneration.fixed_expense', m),
    expenseRate: ctx.num('iit.remuneration.expense_rate', m),
  };
}

/**
 * Labour remuneration, author's fees and royalties: residents per payment (800 or 20% expenses;
 * labour on 预扣率表二, author's fees × 70% × 20%, royalties 20%); from 2019 non-residents on the
 * monthly table after 20% expenses (author's fees × 70%).
 */
export const iitRemunerationWithheld: VariableDef = {
  name: 'iit_remuneration_withheld_monthly',
  entity: 'person',
  period: 'month',
  unit: 'yuan',
  programme: 'iit',
  label: { zh: '劳务报酬、稿酬、特许权使用费预扣税额', en: "Tax withheld on labour remuneration, author's fees and royalties" },
  refs: ['国家税务总局公告2018年第61号 第八条', '财政部 税务总局公告2019年第35号'],
  deps: ['labour_remuneration_monthly', 'author_fees_monthly', 'royalties_monthly', 'iit_resident'],
  formula: (ctx) => {
    const labour = ctx.get('labour_remuneration_monthly');
    const author = ctx.get('author_fees_monthly');
    const royalty = ctx.get('royalties_monthly');
    if (ctx.constant('labour_remuneration_monthly') === 0 && ctx.constant('author_fees_monthly') === 0 && ctx.constant('royalties_monthly') === 0) return;
    const resident = ctx.get('iit_resident');
    let rules: { r: RemunerationRules; comp: boolean; reduction: number; rate: number; labour: Scale; monthly: Scale }[] | undefined;
    const out = ctx.out;
    for (let p = 0; p < ctx.n; p++) {
      for (let j = 0; j < 12; j++) {
        const i = p * 12 + j;
        const l = labour[i];
        const a = author[i];
        const r = royalty[i];
        if (l <= 0 && a <= 0 && r <= 0) continue;
        rules ??= Array.from({ length: 12 }, (_, k) => ({
          r: remunerationRules(ctx, k + 1),
          comp: comprehensive(ctx, k + 1),
          reduction: ctx.num('iit.comprehensive.author_reduction', k + 1),
          rate: ctx.num('iit.remuneration.rate', k + 1),
          labour: ctx.scale('iit.remuneration.labour_table', k + 1),
          monthly: ctx.scale('iit.monthly_table', k + 1),
        }));
        const R = rules[j];
        if (R.comp && resident[p] !== 1) {
          const k = 1 - R.r.expenseRate;
          out[i] = roundFen(applyScale(R.monthly, l * k)) + roundFen(applyScale(R.monthly, a * k * R.reduction)) + roundFen(applyScale(R.monthly, r * k));
          continue;
        }
        const tl = l > 0 ? labourWithholding(l, R.r, R.labour) : 0;
        const ta = a > 0 ? authorWithholding(a, R.r, R.reduction, R.rate) : 0;
        const tr = r > 0 ? royaltyWithholding(r, R.r, R.rate) : 0;
        out[i] = tl + ta + tr;
        if (ctx.tracing) ctx.note(p, `month ${j + 1}: labour ${l} → ${tl}, author's fees ${a} → ${ta}, royalties ${r} → ${tr}`);
      }
    }
  },
};

export const iitWithheld: VariableDef = {
  name: 'iit_withheld_monthly',
  entity: 'person',
  period: 'month',
  unit: 'yuan',
  programme: 'iit',
  label: { zh: '个人所得税预扣预缴（每月合计）', en: 'Income tax withheld (per month)' },
  doc: 'Wages, the separately taxed bonus (in its month), labour remuneration, author’s fees and royalties.',
  deps: ['iit_wage_withheld_monthly', 'iit_remuneration_withheld_monthly', 'iit_bonus_withheld', 'bonus_month'],
  formula: (ctx) => {
    const w = ctx.get('iit_wage_withheld_monthly');
    const r = ctx.get('iit_remuneration_withheld_monthly');
    const b = ctx.get('iit_bonus_withheld');
    const bm = ctx.get('bonus_month');
    const out = ctx.out;
    for (let i = 0; i < ctx.n * 12; i++) out[i] = w[i] + r[i];
    for (let p = 0; p < ctx.n; p++) {
      if (b[p] !== 0) out[p * 12 + Math.min(12, Math.max(1, Math.round(bm[p]))) - 1] += b[p];
    }
  },
};

export const iitWithheldAnnual: VariableDef = {
  name: 'iit_withheld_annual',
  entity: 'person',
  period: 'year',
  unit: 'yuan',
  programme: 'iit',
  label: { zh: '个人所得税预扣预缴（全年）', en: 'Income tax withheld (year)' },
  doc: 'The 12 months of iit_withheld_monthly.',
  deps: ['iit_wage_withheld_monthly', 'iit_remuneration_withheld_monthly', 'iit_bonus_withheld'],
  formula: (ctx) => {
    const w = ctx.get('iit_wage_withheld_monthly');
    const r = ctx.get('iit_remuneration_withheld_monthly');
    const b = ctx.get('iit_bonus_withheld');
    const out = ctx.out;
    for (let p = 0; p < ctx.n; p++) {
      let s = b[p];
      for (let i = p * 12; i < p * 12 + 12; i++) s += w[i] + r[i];
      out[p] = roundFen(s);
    }
  },
};

export const IIT_WITHHOLDING: VariableDef[] = [iitResident, specialDeductions, iitWageWithheld, iitBonusWithheld, iitRemunerationWithheld, iitWithheld, iitWithheldAnnual];
