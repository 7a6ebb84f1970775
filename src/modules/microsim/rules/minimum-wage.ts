/**
 * Minimum wage: the monthly minimum of the tier applying where the person lives (urban or rural
 * tier, a setting in params/minimum-wage.yaml), and a flag for wages below it.
 */
import type { FormulaContext, VariableDef } from '../engine/index.js';

const P = 'minimum_wage';

/** Urban and rural monthly minimums (0 where none is in force), and whether any month has one. */
function minimums(ctx: FormulaContext) {
  const u = new Float64Array(12);
  const r = new Float64Array(12);
  let any = false;
  for (let m = 1; m <= 12; m++) {
    if (!ctx.has(`${P}.tier_urban`, m)) continue;
    const byTier = (t: number) => (ctx.has(`${P}.tier${t}`, m) ? ctx.num(`${P}.tier${t}`, m) : 0);
    u[m - 1] = byTier(ctx.num(`${P}.tier_urban`, m));
    r[m - 1] = byTier(ctx.num(`${P}.tier_rural`, m));
    any = true;
  }
  return { u, r, any };
}

export const minimumWage: VariableDef = {
  name: 'minimum_wage_monthly',
  entity: 'person',
  period: 'month',
  unit: 'yuan',
  programme: P,
  label: { zh: '适用的月最低工资标准', en: 'Monthly minimum wage applying' },
  doc: '0 in months before any standard in params/minimum-wage.yaml is in force.',
  refs: ['《最低工资规定》(劳动和社会保障部令第21号)'],
  deps: ['urban'],
  formula: (ctx) => {
    const urban = ctx.get('urban');
    const ph = ctx.personHousehold;
    const { u, r, any } = minimums(ctx);
    if (!any) return;
    for (let p = 0; p < ctx.n; p++) ctx.out.set(urban[ph[p]] === 1 ? u : r, p * 12);
  },
};

export const belowMinimumWage: VariableDef = {
  name: 'below_minimum_wage_monthly',
  entity: 'person',
  period: 'month',
  unit: 'flag',
  programme: P,
  label: { zh: '工资低于最低工资标准', en: 'Wage below the minimum wage' },
  doc: '1 when a wage is paid and is below the monthly minimum in force.',
  deps: ['wage_monthly', 'minimum_wage_monthly'],
  formula: (ctx) => {
    const w = ctx.get('wage_monthly');
    const min = ctx.get('minimum_wage_monthly');
    for (let i = 0; i < ctx.n * 12; i++) ctx.out[i] = w[i] > 0 && w[i] < min[i] ? 1 : 0;
  },
};

export const belowMinimumWageMonths: VariableDef = {
  name: 'below_minimum_wage_months',
  entity: 'person',
  period: 'year',
  unit: 'count',
  programme: P,
  label: { zh: '工资低于最低工资标准的月数', en: 'Months with a wage below the minimum' },
  doc: 'The months flagged by below_minimum_wage_monthly (computed directly).',
  deps: ['wage_monthly', 'urban'],
  formula: (ctx) => {
    const w = ctx.get('wage_monthly');
    const urban = ctx.get('urban');
    const ph = ctx.personHousehold;
    const { u, r, any } = minimums(ctx);
    if (!any) return;
    for (let p = 0; p < ctx.n; p++) {
      const min = urban[ph[p]] === 1 ? u : r;
      let s = 0;
      for (let m = 0; m < 12; m++) {
        const x = w[p * 12 + m];
        if (x > 0 && x < min[m]) s++;
      }
      ctx.out[p] = s;
    }
  },
};

export const belowMinimumWagePersons: VariableDef = {
  name: 'below_minimum_wage_persons',
  entity: 'household',
  period: 'year',
  unit: 'count',
  programme: P,
  label: { zh: '工资曾低于最低工资标准的住户成员数', en: 'Members paid below the minimum wage in some month' },
  deps: ['below_minimum_wage_months'],
  formula: (ctx) => {
    const months = ctx.get('below_minimum_wage_months');
    for (let p = 0; p < ctx.persons; p++) if (months[p] > 0) ctx.out[ctx.personHousehold[p]]++;
  },
};

export const MINIMUM_WAGE: VariableDef[] = [minimumWage, belowMinimumWage, belowMinimumWageMonths, belowMinimumWagePersons];
