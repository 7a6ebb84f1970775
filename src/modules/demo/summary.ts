/**
 * Aggregates of the demo city for one year, NBS style: per-capita disposable income and its four
 * components for urban, rural and all residents; quintile group means (households ranked by
 * per-capita income); 低保 recipients; rural residents below the poverty line; Gini over persons.
 */
import { HouseholdPlan, planHousehold } from './income-plan.js';
import { POVERTY_LINE } from './params-income.js';
import { yearParams } from './year-params.js';
import type { City } from './types.js';

export interface Components {
  disposable: number;
  wage: number;
  business: number;
  property: number;
  transfer: number;
}

export interface YearSummary {
  year: number;
  persons: { urban: number; rural: number };
  households: number;
  /** 元 per person per year */
  perCapita: { urban: Components; rural: Components; all: Components };
  /** quintile group per-capita means / overall mean, households ranked by per-capita income, equal household counts */
  quintileRatios: number[];
  /** the same with groups of equal persons */
  quintileRatiosPersons: number[];
  gini: number;
  dibaoRecipients: { urban: number; rural: number };
  ruralPoor: number;
}

export function summariseYear(city: City, y: number): YearSummary {
  const hh = city.households;
  const P = yearParams(city, y);
  const buf = new HouseholdPlan();
  const sums = [0, 1].map(() => ({ n: 0, di: 0, wage: 0, business: 0, property: 0, transfer: 0 }));
  const pcIncome: number[] = [];
  const size: number[] = [];
  const dibao = [0, 0];
  let poor = 0;
  for (let h = 0; h < hh.count; h++) {
    const b = planHousehold(city, h, P, buf);
    if (b.members === 0) continue;
    const a = hh.urban[h] ? 0 : 1;
    const s = sums[a];
    const di = b.disposable() / 100;
    const wage = b.sum((k) => b.wageTotal(k)) / 100;
    const business = b.sum((k) => b.biz[k]) / 100;
    const property = (b.interest + b.dividends + b.rent + b.imputedRent - b.propertyExpense) / 100;
    s.n += b.members;
    s.di += di;
    s.wage += wage;
    s.business += business;
    s.property += property;
    s.transfer += di - wage - business - property;
    pcIncome.push(di / b.members);
    size.push(b.members);
    if (b.onRoster) dibao[a] += b.members;
    if (a === 1 && di / buf.members < POVERTY_LINE[y]) poor += buf.members;
  }
  const comp = (s: (typeof sums)[number]): Components => ({
    disposable: s.di / s.n,
    wage: s.wage / s.n,
    business: s.business / s.n,
    property: s.property / s.n,
    transfer: s.transfer / s.n,
  });
  const all = { n: 0, di: 0, wage: 0, business: 0, property: 0, transfer: 0 };
  for (const s of sums) for (const k of Object.keys(all) as (keyof typeof all)[]) all[k] += s[k];
  const order = pcIncome.map((_, i) => i).sort((a, b) => pcIncome[a] - pcIncome[b] || a - b);
  return {
    year: y,
    persons: { urban: sums[0].n, rural: sums[1].n },
    households: pcIncome.length,
    perCapita: { urban: comp(sums[0]), rural: comp(sums[1]), all: comp(all) },
    quintileRatios: quintiles(order, pcIncome, size, false),
    quintileRatiosPersons: quintiles(order, pcIncome, size, true),
    gini: gini(order, pcIncome, size),
    dibaoRecipients: { urban: dibao[0], rural: dibao[1] },
    ruralPoor: poor,
  };
}

/** Group per-capita means / overall mean, five groups of equal households (or persons). */
function quintiles(order: number[], pc: number[], size: number[], byPersons: boolean): number[] {
  const weight = (i: number) => (byPersons ? size[i] : 1);
  const totalW = order.reduce((s, i) => s + weight(i), 0);
  const inc = [0, 0, 0, 0, 0];
  const ppl = [0, 0, 0, 0, 0];
  let cum = 0;
  let totalInc = 0;
  let totalPpl = 0;
  for (const i of order) {
    const g = Math.min(4, Math.floor((cum / totalW) * 5));
    cum += weight(i);
    inc[g] += pc[i] * size[i];
    ppl[g] += size[i];
    totalInc += pc[i] * size[i];
    totalPpl += size[i];
  }
  const mean = totalInc / totalPpl;
  return inc.map((x, g) => x / ppl[g] / mean);
}

/** Gini over persons (each person carries the household's per-capita income), PRODUCT.md formula. */
function gini(order: number[], pc: number[], size: number[]): number {
  let N = 0;
  let T = 0;
  for (const i of order) {
    N += size[i];
    T += size[i] * pc[i];
  }
  let r = 0;
  let s = 0;
  for (const i of order) {
    r += size[i];
    s += (2 * r - size[i]) * size[i] * pc[i];
  }
  return s / (N * T) - 1;
}
