/**
 * 最低生活保障 (低保): monthly benefit = (standard − household per-capita income) × members for
 * households below the standard, where income disregards the employment costs of employed members
 * (辽市政发〔2018〕15号 二(七)2), and a member who refused suitable jobs 3 times in a row without
 * a valid reason loses their share (《社会救助暂行办法》第四十五条).
 */
import { annualSum, roundFen, type FormulaContext, type VariableDef } from '../engine/index.js';
import { scratch } from './income.js';

const P = 'dibao';

export const dibaoStandard: VariableDef = {
  name: 'dibao_standard_monthly',
  entity: 'household',
  period: 'month',
  unit: 'yuan',
  programme: P,
  label: { zh: '低保标准（每人每月）', en: '低保 standard (per person per month)' },
  doc: 'Urban or rural standard in force in the month. Liaoyang’s figures are PLACEHOLDERS in params/dibao.yaml.',
  deps: ['urban'],
  formula: (ctx) => {
    const urban = ctx.get('urban');
    const u = new Float64Array(12);
    const r = new Float64Array(12);
    for (let m = 1; m <= 12; m++) {
      if (!ctx.has(`${P}.standard.urban`, m)) continue; // no standard on file for the month: no 低保 computed
      u[m - 1] = ctx.num(`${P}.standard.urban`, m);
      r[m - 1] = ctx.num(`${P}.standard.rural`, m);
    }
    const out = ctx.out;
    for (let h = 0; h < ctx.n; h++) {
      const x = urban[h] === 1 ? u : r;
      for (let j = 0; j < 12; j++) out[h * 12 + j] = x[j];
    }
  },
};

/** The disregard limit in month m is k[m] × standard + c[m]. */
function disregard(limit: (ctx: FormulaContext, m: number) => [k: number, c: number]): (ctx: FormulaContext) => void {
  return (ctx) => {
    const wage = ctx.get('wage_monthly');
    const labour = ctx.get('labour_remuneration_monthly');
    const std = ctx.get('dibao_standard_monthly');
    const takeUp = ctx.get('dibao_take_up');
    const ph = ctx.personHousehold;
    const k = new Float64Array(12);
    const c = new Float64Array(12);
    for (let m = 1; m <= 12; m++) [k[m - 1], c[m - 1]] = limit(ctx, m);
    const out = ctx.out;
    const np = ctx.persons;
    const noLabour = ctx.constant('labour_remuneration_monthly') === 0;
    for (let p = 0; p < np; p++) {
      if (takeUp[ph[p]] !== 1) continue;
      const o = ph[p] * 12;
      for (let j = 0; j < 12; j++) {
        const i = p * 12 + j;
        const earned = noLabour ? wage[i] : wage[i] + labour[i];
        if (earned <= 0) continue;
        out[o + j] += Math.min(earned, k[j] * std[o + j] + c[j]);
      }
    }
  };
}

export const dibaoDisregard: VariableDef = {
  name: 'dibao_employment_disregard_monthly',
  entity: 'household',
  period: 'month',
  unit: 'yuan',
  programme: P,
  label: { zh: '就业成本扣减（住户每月）', en: 'Employment-cost disregard (household, per month)' },
  doc: 'For each member with earnings in the month: min(earnings, share_of_standard × standard). Alternative formula fixed_amount: min(earnings, fixed amount). Assessed only for households that apply (0 otherwise).',
  refs: ['辽市政发〔2018〕15号 二(七)2'],
  deps: ['wage_monthly', 'labour_remuneration_monthly', 'dibao_standard_monthly', 'dibao_take_up'],
  formula: disregard((ctx, m) => [ctx.num(`${P}.employment_disregard.share_of_standard`, m), 0]),
  alternatives: {
    fixed_amount: {
      label: { zh: '按定额扣减就业成本', en: 'Fixed employment-cost disregard' },
      deps: ['wage_monthly', 'labour_remuneration_monthly', 'dibao_standard_monthly', 'dibao_take_up'],
      formula: disregard((ctx, m) => [0, ctx.num(`${P}.employment_disregard.fixed_amount`, m)]),
    },
  },
};

const ASSESSED_PERSON = [
  'wage_income_annual', 'business_net_income_annual', 'royalties_annual', 'deposit_interest_annual', 'dividend_income_annual',
  'listed_dividend_long_annual', 'rental_income_annual', 'pension_annual', 'iit_annual', 'social_insurance_employee_annual', 'social_insurance_other_annual',
];

/** Household income as the 低保 means test counts it, before the employment-cost disregard. */
export const dibaoCountedIncome: VariableDef = {
  name: 'dibao_counted_income_annual',
  entity: 'household',
  period: 'year',
  unit: 'yuan',
  programme: P,
  label: { zh: '低保核算家庭收入（扣减就业成本前，全年）', en: 'Household income counted for 低保, before the disregard (year)' },
  doc: 'Wages, business, property income, pensions and transfers received − income tax − social insurance − transfers paid. Imputed rent and 低保 itself are not income here.',
  refs: ['《社会救助暂行办法》第九条', '民发〔2012〕220号'],
  deps: [...ASSESSED_PERSON, 'transfers_received_annual', 'transfers_paid_annual'],
  formula: (ctx) => {
    const np = ctx.persons;
    const tmp = scratch(np);
    ASSESSED_PERSON.forEach((d, k) => {
      if (ctx.constant(d) === 0) return;
      const x = ctx.get(d);
      if (k < 8) for (let p = 0; p < np; p++) tmp[p] += x[p];
      else for (let p = 0; p < np; p++) tmp[p] -= x[p];
    });
    const ph = ctx.personHousehold;
    const out = ctx.out;
    for (let p = 0; p < np; p++) out[ph[p]] += tmp[p];
    const received = ctx.get('transfers_received_annual');
    const paid = ctx.get('transfers_paid_annual');
    for (let h = 0; h < ctx.n; h++) out[h] += received[h] - paid[h];
  },
};

/** Household income as the 低保 means test counts it, per member per month (year average). */
export const dibaoIncome: VariableDef = {
  name: 'dibao_assessed_income_per_capita_monthly',
  entity: 'household',
  period: 'year',
  unit: 'yuan',
  programme: P,
  label: { zh: '低保核算家庭人均月收入', en: 'Household income per member per month as assessed for 低保' },
  doc: '(counted income − employment-cost disregards) ÷ 12 ÷ members.',
  refs: ['《社会救助暂行办法》第九条', '辽市政发〔2018〕15号 二(七)2'],
  deps: ['dibao_counted_income_annual', 'dibao_employment_disregard_monthly'],
  formula: (ctx) => {
    const counted = ctx.get('dibao_counted_income_annual');
    const dis = ctx.get('dibao_employment_disregard_monthly');
    for (let h = 0; h < ctx.n; h++) {
      let d = 0;
      for (let m = 0; m < 12; m++) d += dis[h * 12 + m];
      ctx.out[h] = (counted[h] - d) / 12 / ctx.householdSize[h];
    }
  },
};

export const dibaoHouseholdBenefit: VariableDef = {
  name: 'dibao_entitlement_monthly',
  entity: 'household',
  period: 'month',
  unit: 'yuan',
  programme: P,
  label: { zh: '低保应发金额（制裁前）', en: '低保 entitlement before sanctions' },
  doc: '(standard − assessed per-capita income) × members when positive, for households that apply and meet the asset conditions.',
  refs: ['《社会救助暂行办法》第十一条'],
  deps: ['dibao_standard_monthly', 'dibao_assessed_income_per_capita_monthly', 'dibao_take_up', 'dibao_assets_ok'],
  formula: (ctx) => {
    const std = ctx.get('dibao_standard_monthly');
    const inc = ctx.get('dibao_assessed_income_per_capita_monthly');
    const takeUp = ctx.get('dibao_take_up');
    const assets = ctx.get('dibao_assets_ok');
    const size = ctx.householdSize;
    for (let h = 0; h < ctx.n; h++) {
      if (takeUp[h] !== 1 || assets[h] !== 1) continue;
      for (let m = 0; m < 12; m++) {
        const gap = std[h * 12 + m] - inc[h];
        if (gap > 0) ctx.out[h * 12 + m] = roundFen(gap * size[h]);
      }
    }
  },
};

export const dibaoSanction: VariableDef = {
  name: 'dibao_sanction_monthly',
  entity: 'household',
  period: 'month',
  unit: 'yuan',
  programme: P,
  label: { zh: '拒绝介绍工作减发、停发的低保金', en: '低保 withheld for refusing suitable jobs' },
  doc: 'A member whose run of unjustified refusals reached the limit by the end of the previous month loses reduction_share of their share (entitlement ÷ members).',
  refs: ['《社会救助暂行办法》第四十五条', '辽市政发〔2018〕15号 二(七)2'],
  deps: ['dibao_entitlement_monthly', 'job_refusal_streak_initial', 'job_refusal_streak_monthly'],
  formula: (ctx) => {
    const ent = ctx.get('dibao_entitlement_monthly');
    const initial = ctx.get('job_refusal_streak_initial');
    const streak = ctx.get('job_refusal_streak_monthly');
    const ph = ctx.personHousehold;
    const size = ctx.householdSize;
    const limit = new Float64Array(12).fill(Infinity);
    const share = new Float64Array(12);
    for (let m = 1; m <= 12; m++) {
      if (!ctx.has(`${P}.sanction.refusals`, m)) continue;
      limit[m - 1] = ctx.num(`${P}.sanction.refusals`, m);
      share[m - 1] = ctx.num(`${P}.sanction.reduction_share`, m);
    }
    const out = ctx.out;
    for (let p = 0; p < ctx.persons; p++) {
      const o = ph[p] * 12;
      if (ent[o] <= 0 && ent[o + 11] <= 0 && ent[o + 5] <= 0) {
        let paid = false;
        for (let j = 0; j < 12 && !paid; j++) paid = ent[o + j] > 0;
        if (!paid) continue;
      }
      let any = initial[p] > 0;
      for (let j = 0; j < 11 && !any; j++) any = streak[p * 12 + j] > 0;
      if (!any) continue;
      const h = ph[p];
      for (let j = 0; j < 12; j++) {
        const before = j === 0 ? initial[p] : streak[p * 12 + j - 1];
        if (before < limit[j]) continue;
        const i = h * 12 + j;
        if (ent[i] <= 0) continue;
        out[i] = Math.min(ent[i], out[i] + roundFen((ent[i] / size[h]) * share[j]));
        if (ctx.tracing) ctx.note(h, `month ${j + 1}: member ${p + 1} refused ${before} suitable jobs in a row: share withheld`);
      }
    }
  },
};

export const dibaoMonthly: VariableDef = {
  name: 'dibao_monthly',
  entity: 'household',
  period: 'month',
  unit: 'yuan',
  programme: P,
  label: { zh: '低保金（每月实发）', en: '低保 paid (per month)' },
  deps: ['dibao_entitlement_monthly', 'dibao_sanction_monthly'],
  formula: (ctx) => {
    const e = ctx.get('dibao_entitlement_monthly');
    const s = ctx.get('dibao_sanction_monthly');
    for (let i = 0; i < ctx.n * 12; i++) ctx.out[i] = roundFen(e[i] - s[i]);
  },
};

export const dibaoAnnual = annualSum('dibao_annual', dibaoMonthly, { zh: '低保金（全年）', en: '低保 paid (year)' });

export const dibaoStandardAnnual = annualSum('dibao_standard_annual', dibaoStandard, { zh: '低保标准（每人全年）', en: '低保 standard (per person, year)' });

export const DIBAO: VariableDef[] = [dibaoStandard, dibaoStandardAnnual, dibaoDisregard, dibaoCountedIncome, dibaoIncome, dibaoHouseholdBenefit, dibaoSanction, dibaoMonthly, dibaoAnnual];
