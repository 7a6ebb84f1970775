import { beforeAll, describe, expect, it } from 'vitest';
import { generateCity } from './city.js';
import { ITEM, NI } from './income-items.js';
import { planItemTotals } from './income-plan.js';
import { HouseholdYear, computeHousehold } from './income.js';
import { annualComprehensiveTax } from './tax.js';
import type { City } from './types.js';
import { yearParams } from './year-params.js';

let city: City;
beforeAll(() => {
  city = generateCity({ seed: 11, scale: 0.004 });
});

describe('monthly spread equals the annual plan', () => {
  it.each([2010, 2011, 2018, 2019, 2022, 2023])('every household and item in %i', (y) => {
    const P = yearParams(city, y);
    const buf = new HouseholdYear();
    const totals = new Float64Array(NI);
    let checked = 0;
    for (let h = 0; h < city.households.count; h++) {
      computeHousehold(city, h, P, buf);
      planItemTotals(buf.plan, totals);
      for (let i = 0; i < NI; i++) {
        if (buf.total(i) !== totals[i]) throw new Error(`household ${h} item ${i}: monthly ${buf.total(i)} ≠ plan ${totals[i]}`);
      }
      expect(buf.disposableTotal()).toBe(buf.plan.disposable());
      checked++;
    }
    expect(checked).toBe(city.households.count);
  });

  it('cumulative withholding over the months equals the annual table on the year total (2023)', () => {
    const P = yearParams(city, 2023);
    const buf = new HouseholdYear();
    let employees = 0;
    for (let h = 0; h < city.households.count; h++) {
      computeHousehold(city, h, P, buf);
      for (let k = 0; k < buf.size; k++) {
        if (!buf.plan.formal[k]) continue;
        let withheld = 0;
        let taxable = 0;
        for (let m = 1; m <= 12; m++) {
          const i = k * 12 + m - 1;
          if (buf.regularWage[i] === 0) continue;
          withheld += buf.wageTax[i];
          taxable += buf.regularWage[i] - 500000 - buf.siPension[i] - buf.siMedical[i] - buf.siUnemployment[i] - buf.hpf[i] - buf.plan.specialDeduction[k];
        }
        expect(withheld).toBe(annualComprehensiveTax(Math.max(0, taxable)));
        employees++;
      }
    }
    expect(employees).toBeGreaterThan(100);
  });

  it('amounts are integer fen and nobody is paid before birth', () => {
    const P = yearParams(city, 2015);
    const buf = new HouseholdYear();
    let nonInteger = 0;
    let paidUnborn = 0;
    let unborn = 0;
    for (let h = 0; h < city.households.count; h++) {
      computeHousehold(city, h, P, buf);
      for (let i = 0; i < buf.size * 12 * NI; i++) if (!Number.isInteger(buf.v[i])) nonInteger++;
      for (let k = 0; k < buf.size; k++) {
        const p = city.households.first[h] + k;
        if (city.persons.birth[p] > 20151231) {
          unborn++;
          if (buf.annual(k, ITEM.wage) + buf.annual(k, ITEM.pension) !== 0) paidUnborn++;
        }
      }
    }
    expect(nonInteger).toBe(0);
    expect(unborn).toBeGreaterThan(0);
    expect(paidUnborn).toBe(0);
  });
});
