/**
 * Employee social insurance (pension, medical, unemployment) and the housing provident fund, the
 * employee's part, on a contribution base bounded by 60% and 300% of the reference average wage.
 * The reference is the non-private average, or from 国办发〔2019〕13号 the employment-weighted
 * average of non-private and private units (the plan's 三(三)4).
 */
import { annualSum, householdSum, roundFen, type FormulaContext, type VariableDef } from '../engine/index.js';

const P = 'social_insurance';

/** A numeric parameter for each month of the year (index 0 = January). */
export function monthly(ctx: FormulaContext, name: string): Float64Array {
  const out = new Float64Array(12);
  for (let m = 1; m <= 12; m++) out[m - 1] = ctx.num(name, m);
  return out;
}

/** The average monthly wage the base bounds refer to in `month`. */
export function referenceWage(ctx: FormulaContext, month: number): number {
  const np = ctx.num(`${P}.average_wage.non_private`, month);
  if (ctx.str(`${P}.base.reference`, month) === 'non_private') return np;
  const s = ctx.num(`${P}.average_wage.private_employment_share`, month);
  return (1 - s) * np + s * ctx.num(`${P}.average_wage.private`, month);
}

/** The year's social-insurance parameters month by month (index 0 = January). */
export function siRules(ctx: FormulaContext) {
  const r = {
    lo: new Float64Array(12),
    hi: new Float64Array(12),
    pension: monthly(ctx, `${P}.employee.pension_rate`),
    medical: monthly(ctx, `${P}.employee.medical_rate`),
    unemployment: monthly(ctx, `${P}.employee.unemployment_rate`),
    hpfCap: new Float64Array(12),
    hpfMax: monthly(ctx, `${P}.housing_fund.max_rate`),
  };
  for (let m = 1; m <= 12; m++) {
    const ref = referenceWage(ctx, m);
    r.lo[m - 1] = ref * ctx.num(`${P}.base.floor_share`, m);
    r.hi[m - 1] = ref * ctx.num(`${P}.base.cap_share`, m);
    r.hpfCap[m - 1] = ref * ctx.num(`${P}.housing_fund.cap_share`, m);
  }
  return r;
}

/** Contribution base: the declared base (or the wage) within [lo, hi]. */
const baseOf = (wage: number, declared: number, lo: number, hi: number) => {
  const b = declared > 0 ? declared : wage;
  return roundFen(b < lo ? lo : b > hi ? hi : b);
};
/** Housing fund: min(declared base or wage, cap) × min(rate, max rate). */
const hpfOf = (wage: number, declared: number, rate: number, cap: number, max: number) =>
  roundFen(Math.min(declared > 0 ? declared : wage, cap) * Math.min(rate, max));

const SI_INPUTS = ['wage_monthly', 'si_insured', 'si_declared_base_monthly'];

export const siContributionBase: VariableDef = {
  name: 'si_contribution_base_monthly',
  entity: 'person',
  period: 'month',
  unit: 'yuan',
  programme: P,
  label: { zh: '社会保险缴费基数', en: 'Social insurance contribution base' },
  doc: 'The declared base (or the month’s wage), bounded by floor_share and cap_share times the reference average wage; 0 in months without a wage or when not insured.',
  refs: ['劳办发〔1997〕116号', '国办发〔2019〕13号'],
  deps: SI_INPUTS,
  formula: (ctx) => {
    const [wage, insured, declared] = SI_INPUTS.map((d) => ctx.get(d));
    const { lo, hi } = siRules(ctx);
    const out = ctx.out;
    for (let p = 0; p < ctx.n; p++) {
      if (insured[p] === 0) continue;
      for (let m = 0; m < 12; m++) {
        const i = p * 12 + m;
        if (wage[i] > 0) out[i] = baseOf(wage[i], declared[p], lo[m], hi[m]);
      }
    }
  },
};

function contribution(name: string, rate: 'pension' | 'medical' | 'unemployment', label: { zh: string; en: string }, ref: string): VariableDef {
  return {
    name,
    entity: 'person',
    period: 'month',
    unit: 'yuan',
    programme: P,
    label,
    doc: `Contribution base × the ${rate} rate.`,
    refs: [ref],
    deps: ['si_contribution_base_monthly'],
    formula: (ctx) => {
      const base = ctx.get('si_contribution_base_monthly');
      const r = siRules(ctx)[rate];
      const out = ctx.out;
      for (let i = 0; i < ctx.n * 12; i++) if (base[i] !== 0) out[i] = roundFen(base[i] * r[i % 12]);
    },
  };
}

export const siPension = contribution('si_pension_employee_monthly', 'pension', { zh: '基本养老保险个人缴费', en: 'Pension contribution (employee)' }, '国发〔2005〕38号');
export const siMedical = contribution('si_medical_employee_monthly', 'medical', { zh: '基本医疗保险个人缴费', en: 'Medical insurance contribution (employee)' }, '国发〔1998〕44号');
export const siUnemployment = contribution('si_unemployment_employee_monthly', 'unemployment', { zh: '失业保险个人缴费', en: 'Unemployment insurance contribution (employee)' }, '《失业保险条例》');

export const hpfEmployee: VariableDef = {
  name: 'hpf_employee_monthly',
  entity: 'person',
  period: 'month',
  unit: 'yuan',
  programme: P,
  label: { zh: '住房公积金个人缴存', en: 'Housing provident fund (employee)' },
  doc: 'min(declared base or wage, cap_share × reference wage) × min(hpf_rate, max_rate).',
  refs: ['《住房公积金管理条例》', '建金管〔2005〕5号'],
  deps: ['wage_monthly', 'hpf_rate', 'si_declared_base_monthly'],
  formula: (ctx) => {
    const wage = ctx.get('wage_monthly');
    const rate = ctx.get('hpf_rate');
    const declared = ctx.get('si_declared_base_monthly');
    const { hpfCap, hpfMax } = siRules(ctx);
    const out = ctx.out;
    for (let p = 0; p < ctx.n; p++) {
      if (rate[p] <= 0) continue;
      for (let m = 0; m < 12; m++) {
        const i = p * 12 + m;
        if (wage[i] > 0) out[i] = hpfOf(wage[i], declared[p], rate[p], hpfCap[m], hpfMax[m]);
      }
    }
  },
};

/** Computed straight from the inputs (the same rules as the variables above), in one pass. */
export const siEmployeeTotal: VariableDef = {
  name: 'social_insurance_employee_monthly',
  entity: 'person',
  period: 'month',
  unit: 'yuan',
  programme: P,
  label: { zh: '个人缴纳三险一金（专项扣除）', en: 'Employee social insurance and housing fund (special deduction)' },
  doc: 'Pension + medical + unemployment + housing fund paid by the employee: the 专项扣除 of the income tax. May be given as input.',
  refs: ['《中华人民共和国个人所得税法》第六条 专项扣除'],
  input: { default: 0 },
  deps: [...SI_INPUTS, 'hpf_rate'],
  formula: (ctx) => {
    const [wage, insured, declared, hpfRate] = [...SI_INPUTS, 'hpf_rate'].map((d) => ctx.get(d));
    const R = siRules(ctx);
    const out = ctx.out;
    // bases repeat month after month: compute each distinct one once
    let lastB = NaN;
    let lastM = 0;
    let lastSi = 0;
    for (let p = 0; p < ctx.n; p++) {
      const ins = insured[p] !== 0;
      const hr = hpfRate[p];
      if (!ins && hr <= 0) continue;
      const d = declared[p];
      for (let m = 0; m < 12; m++) {
        const i = p * 12 + m;
        const w = wage[i];
        if (w <= 0) continue;
        let si = 0;
        if (ins) {
          const b = baseOf(w, d, R.lo[m], R.hi[m]);
          if (b !== lastB || R.pension[m] !== R.pension[lastM] || R.medical[m] !== R.medical[lastM] || R.unemployment[m] !== R.unemployment[lastM]) {
            lastSi = roundFen(b * R.pension[m]) + roundFen(b * R.medical[m]) + roundFen(b * R.unemployment[m]);
            lastB = b;
            lastM = m;
          }
          si = lastSi;
        }
        out[i] = hr > 0 ? si + hpfOf(w, d, hr, R.hpfCap[m], R.hpfMax[m]) : si;
      }
    }
  },
};

export const siEmployeeAnnual = annualSum('social_insurance_employee_annual', siEmployeeTotal, { zh: '个人缴纳三险一金（全年）', en: 'Employee social insurance and housing fund (year)' });

export const siHousehold = householdSum('social_insurance_household_annual', siEmployeeAnnual, { zh: '住户个人缴纳三险一金（全年）', en: 'Household employee social insurance and housing fund (year)' });

export const SOCIAL_INSURANCE: VariableDef[] = [siContributionBase, siPension, siMedical, siUnemployment, hpfEmployee, siEmployeeTotal, siEmployeeAnnual, siHousehold];
