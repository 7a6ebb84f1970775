/**
 * The canonical (clean) records of the demo city, table by table, as lazily generated rows:
 * what a loader streams into the database and what the canonical CSV files contain. Money in
 * integer fen; ids are the table indices (pid, hid, employer_id, …); every person row carries
 * synthetic = 1.
 */
import { isoDate } from './dates.js';
import { HouseholdYear, computeHousehold } from './income.js';
import { HouseholdPlan, planHousehold, planItemTotals } from './income-plan.js';
import { ITEM_KEYS, NI } from './income-items.js';
import { EDUCATION_LABELS } from './params-population.js';
import { dwellingValue, housePriceIndex, mortgageOutstanding } from './property.js';
import {
  birthDateOf, countyCodeOfVillage, dwellingAddress, householdAddress, keyGroupKeys, personName, propertyCertificate,
  propertyUnitNumber, residentIdOf, sectorCode, villageCode,
} from './render.js';
import { statusAt } from './status.js';
import { HOUSEHOLD_FLAG, type City } from './types.js';
import { yearParams } from './year-params.js';

export type Cell = string | number;

export interface CanonicalTable {
  /** file stem, e.g. "persons" or "income-monthly-2023" */
  name: string;
  columns: readonly string[];
  /** rows in a stable order (deterministic) */
  rows(): Generator<Cell[]>;
}

const ITEM_COLUMNS = ITEM_KEYS.map((k) => `${k}_fen`);

export function canonicalTables(city: City, year: number): CanonicalTable[] {
  return [
    regions(city),
    households(city),
    persons(city, year),
    employers(city),
    dwellings(city, year),
    vehicles(city),
    financialAssets(city, year),
    incomeMonthly(city, year),
    socialInsurance(city, year),
    dibao(city, year),
    referrals(city),
    householdIncomeAnnual(city),
  ];
}

function regions(city: City): CanonicalTable {
  const g = city.geography;
  return {
    name: 'regions',
    columns: ['code', 'name', 'level', 'parent_code', 'urban_rural_code'],
    *rows() {
      yield ['211000', '辽阳市', 'prefecture', '210000', ''];
      for (const c of g.counties) yield [c.code, c.name, 'county', '211000', ''];
      for (const t of g.townships) yield [t.code, t.name, 'township', g.counties[t.county].code, ''];
      for (let v = 0; v < g.villages.count; v++) {
        yield [g.villages.code[v], g.villages.name[v], 'village', g.townships[g.villages.township[v]].code, g.villages.urbanRural[v]];
      }
    },
  };
}

function households(city: City): CanonicalTable {
  const hh = city.households;
  const g = city.geography;
  return {
    name: 'households',
    columns: ['hid', 'village_code', 'township_code', 'county_code', 'urban', 'urban_rural_code', 'address', 'size', 'left_year',
      'dibao_from', 'dibao_to', 'poor_2018', 'migrant', 'renter', 'land_mu', 'synthetic'],
    *rows() {
      for (let h = 0; h < hh.count; h++) {
        const v = hh.village[h];
        const f = hh.flags[h];
        yield [h, villageCode(city, v), g.townships[g.villages.township[v]].code, countyCodeOfVillage(city, v), hh.urban[h],
          g.villages.urbanRural[v], householdAddress(city, h), hh.size[h], hh.leftYear[h] || '', hh.dibaoFrom[h] || '', hh.dibaoTo[h] || '',
          f & HOUSEHOLD_FLAG.poor ? 1 : 0, f & HOUSEHOLD_FLAG.migrant ? 1 : 0, f & HOUSEHOLD_FLAG.renter ? 1 : 0,
          Math.round(hh.landMu[h] * 10) / 10, 1];
      }
    },
  };
}

function persons(city: City, year: number): CanonicalTable {
  const ps = city.persons;
  return {
    name: 'persons',
    columns: ['pid', 'hid', 'synthetic', 'name', 'sex', 'birth_date', 'id_number', 'relation', 'hukou_type', 'hukou_village_code',
      'hukou_region_code', 'education', 'education_label', 'career', 'formal', 'sector', 'occupation', 'employer_id', 'qualification_level',
      'key_groups', 'status', 'only_child', 'parent_birth_year', 'self_insured'],
    *rows() {
      for (let p = 0; p < ps.count; p++) {
        yield [p, ps.household[p], 1, personName(city, p), ps.sex[p], birthDateOf(city, p), residentIdOf(city, p), ps.relation[p],
          ps.hukouType[p], ps.hukouVillage[p] >= 0 ? villageCode(city, ps.hukouVillage[p]) : '', city.regionCodes[ps.hukouRegion[p]],
          ps.education[p], EDUCATION_LABELS[ps.education[p]], ps.career[p], ps.formal[p], sectorCode(ps.sector[p]), ps.occupation[p] || '',
          ps.employer[p] >= 0 ? ps.employer[p] : '', ps.qualification[p] || '', keyGroupKeys(ps.keyGroups[p]), statusAt(ps, p, year, 6),
          ps.onlyChild[p], ps.parentBirthYear[p] || '', ps.selfInsured[p]];
      }
    },
  };
}

function employers(city: City): CanonicalTable {
  const e = city.employers;
  return {
    name: 'employers',
    columns: ['employer_id', 'credit_code', 'name', 'kind', 'sector', 'county_code', 'village_code', 'owner_pid', 'employees', 'housing_fund_rate_pct', 'synthetic'],
    *rows() {
      for (let i = 0; i < e.count; i++) {
        yield [i, e.creditCode[i], e.name[i], e.kind[i], sectorCode(e.sector[i]), city.geography.counties[e.county[i]].code,
          villageCode(city, e.village[i]), e.owner[i] >= 0 ? e.owner[i] : '', e.employees[i], e.hpfRate[i], 1];
      }
    },
  };
}

function dwellings(city: City, year: number): CanonicalTable {
  const d = city.dwellings;
  const vu = city.geography.villages.urban;
  return {
    name: 'dwellings',
    columns: ['dwelling_id', 'hid', 'owner_pid', 'village_code', 'address', 'area_m2', 'acquired_year', 'use', 'registered', 'certificate_no',
      'unit_no', 'value_2020_fen', 'value_fen', 'value_year', 'mortgage_principal_fen', 'mortgage_years', 'mortgage_outstanding_fen'],
    *rows() {
      for (let i = 0; i < d.count; i++) {
        const value = dwellingValue(d, i, year, housePriceIndex(vu[d.village[i]] === 1, year));
        yield [i, d.household[i], d.owner[i], villageCode(city, d.village[i]), dwellingAddress(city, i), d.area[i], d.acquired[i], d.use[i],
          d.registered[i], d.registered[i] ? propertyCertificate(city, i) : '', propertyUnitNumber(city, i), Math.round(d.value2020[i] * 100),
          Math.round(value * 100), year, Math.round(d.mortgagePrincipal[i] * 100), d.mortgageYears[i] || '', Math.round(mortgageOutstanding(d, i, year) * 100)];
      }
    },
  };
}

function vehicles(city: City): CanonicalTable {
  const v = city.vehicles;
  return {
    name: 'vehicles',
    columns: ['vehicle_id', 'hid', 'owner_pid', 'kind', 'price_fen', 'year'],
    *rows() {
      for (let i = 0; i < v.count; i++) yield [i, v.household[i], v.owner[i], v.kind[i], Math.round(v.price[i] * 100), v.year[i]];
    },
  };
}

function financialAssets(city: City, year: number): CanonicalTable {
  const P = yearParams(city, year);
  const hh = city.households;
  return {
    name: `financial-assets-${year}`,
    columns: ['hid', 'year', 'deposits_fen', 'securities_fen'],
    *rows() {
      for (let h = 0; h < hh.count; h++) {
        yield [h, year, Math.round(hh.deposits2020[h] * P.depositIndex * 100), Math.round(hh.securities2020[h] * P.securitiesIndex * 100)];
      }
    },
  };
}

/** Person × month rows for every member of a present household: status, items (fen), special deductions. */
function incomeMonthly(city: City, year: number): CanonicalTable {
  return {
    name: `income-monthly-${year}`,
    columns: ['pid', 'hid', 'year', 'month', 'status', ...ITEM_COLUMNS, 'special_deductions_fen'],
    *rows() {
      const P = yearParams(city, year);
      const buf = new HouseholdYear();
      const ps = city.persons;
      for (let h = 0; h < city.households.count; h++) {
        computeHousehold(city, h, P, buf);
        for (let k = 0; k < buf.size; k++) {
          if (!buf.isMember[k]) continue;
          const p = city.households.first[h] + k;
          for (let m = 1; m <= 12; m++) {
            const o = buf.at(k, m);
            const row: Cell[] = [p, h, year, m, statusAt(ps, p, year, m)];
            for (let i = 0; i < NI; i++) row.push(buf.v[o + i]);
            row.push(buf.regularWage[k * 12 + m - 1] > 0 ? buf.plan.specialDeduction[k] : 0);
            yield row;
          }
        }
      }
    },
  };
}

function socialInsurance(city: City, year: number): CanonicalTable {
  return {
    name: `social-insurance-${year}`,
    columns: ['pid', 'employer_id', 'year', 'month', 'scheme', 'base_fen', 'pension_fen', 'medical_fen', 'unemployment_fen', 'housing_fund_fen', 'employer_fen'],
    *rows() {
      const P = yearParams(city, year);
      const buf = new HouseholdYear();
      for (let h = 0; h < city.households.count; h++) {
        computeHousehold(city, h, P, buf);
        for (let k = 0; k < buf.size; k++) {
          const p = city.households.first[h] + k;
          for (let m = 1; m <= 12; m++) {
            const i = k * 12 + m - 1;
            if (buf.siBase[i] === 0) continue;
            const e = city.persons.employer[p];
            yield [p, e >= 0 ? e : '', year, m, buf.plan.formal[k] ? 'employee' : 'flexible', buf.siBase[i], buf.siPension[i], buf.siMedical[i],
              buf.siUnemployment[i], buf.hpf[i], buf.siEmployer[i]];
          }
        }
      }
    },
  };
}

function dibao(city: City, year: number): CanonicalTable {
  return {
    name: `dibao-${year}`,
    columns: ['hid', 'year', 'month', 'area', 'members', 'standard_fen', 'benefit_fen'],
    *rows() {
      const P = yearParams(city, year);
      const plan = new HouseholdPlan();
      for (let h = 0; h < city.households.count; h++) {
        if (!(city.households.flags[h] & HOUSEHOLD_FLAG.dibao)) continue;
        planHousehold(city, h, P, plan);
        if (!plan.onRoster || plan.members === 0) continue;
        const urban = plan.urban;
        for (let m = 1; m <= 12; m++) yield [h, year, m, urban ? 'urban' : 'rural', plan.members, P.dibaoStandard[urban ? 0 : 1] * 100, plan.dibaoMonthly];
      }
    },
  };
}

function referrals(city: City): CanonicalTable {
  const r = city.referrals;
  return {
    name: 'dibao-referrals',
    columns: ['referral_id', 'pid', 'hid', 'date', 'employer_id', 'offered_wage_fen', 'outcome'],
    *rows() {
      for (let i = 0; i < r.count; i++) {
        yield [i, r.person[i], city.persons.household[r.person[i]], isoDate(r.date[i]), r.employer[i] >= 0 ? r.employer[i] : '', r.wage[i] * 100, r.outcome[i]];
      }
    },
  };
}

/** Household × year (2010–2024) annual totals by item, members counted that year, disposable income. */
function householdIncomeAnnual(city: City): CanonicalTable {
  return {
    name: 'household-income-annual',
    columns: ['hid', 'year', 'members', 'urban', 'county_code', ...ITEM_COLUMNS, 'disposable_fen'],
    *rows() {
      const plan = new HouseholdPlan();
      const totals = new Float64Array(NI);
      for (let y = 2010; y <= 2024; y++) {
        const P = yearParams(city, y);
        for (let h = 0; h < city.households.count; h++) {
          planHousehold(city, h, P, plan);
          if (plan.members === 0) continue;
          const row: Cell[] = [h, y, plan.members, city.households.urban[h], countyCodeOfVillage(city, city.households.village[h])];
          planItemTotals(plan, totals);
          for (let i = 0; i < NI; i++) row.push(totals[i]);
          row.push(plan.disposable());
          yield row;
        }
      }
    },
  };
}
