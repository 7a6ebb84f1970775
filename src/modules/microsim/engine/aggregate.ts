/** Builders for the two common derived variables: a year total of a month variable, a household total of a person variable. */
import type { Label, Unit, VariableDef } from './types.js';

interface Extra {
  unit?: Unit;
  programme?: string;
  doc?: string;
  refs?: string[];
}

/** A year variable summing the 12 months of `of` (same entity). */
export function annualSum(name: string, of: VariableDef, label: Label, extra: Extra = {}): VariableDef {
  return {
    name,
    entity: of.entity,
    period: 'year',
    unit: extra.unit ?? of.unit,
    label,
    programme: extra.programme ?? of.programme,
    doc: extra.doc ?? `Sum of the 12 months of ${of.name}.`,
    refs: extra.refs,
    deps: [of.name],
    formula: (ctx) => {
      const x = ctx.get(of.name);
      const out = ctx.out;
      for (let r = 0; r < ctx.n; r++) {
        let s = 0;
        for (let m = 0; m < 12; m++) s += x[r * 12 + m];
        out[r] = s;
      }
    },
  };
}

/** A household variable summing `of` over the members (same period). */
export function householdSum(name: string, of: VariableDef, label: Label, extra: Extra = {}): VariableDef {
  const k = of.period === 'month' ? 12 : 1;
  return {
    name,
    entity: 'household',
    period: of.period,
    unit: extra.unit ?? of.unit,
    label,
    programme: extra.programme ?? of.programme,
    doc: extra.doc ?? `Sum of ${of.name} over the household's members.`,
    refs: extra.refs,
    deps: [of.name],
    formula: (ctx) => {
      const x = ctx.get(of.name);
      const ph = ctx.personHousehold;
      const out = ctx.out;
      if (k === 1) {
        for (let p = 0; p < ctx.persons; p++) out[ph[p]] += x[p];
      } else {
        for (let p = 0; p < ctx.persons; p++) {
          const o = ph[p] * 12;
          for (let m = 0; m < 12; m++) out[o + m] += x[p * 12 + m];
        }
      }
    },
  };
}
