/**
 * Property: dwellings (own residence, second homes rented out or vacant), vehicles, deposits and
 * securities, correlated with the household's earning potential. Values are stated at the end of
 * 2020 and moved to other years with the price indices of params-income.ts.
 */
import { yearOf } from './dates.js';
import type { Geography } from './geography.js';
import { HOUSE_PRICE_RURAL_2010, HOUSE_PRICE_RURAL_GROWTH, HOUSE_PRICE_URBAN } from './params-income.js';
import { CAREER } from './params-population.js';
import { ROADS } from './names.js';
import { Rng } from './rng.js';
import { potentialPerCapita } from './special.js';
import { allocDwellings, allocVehicles, trim } from './tables.js';
import { HOUSEHOLD_FLAG, type Dwellings, type Households, type Persons, type Vehicles } from './types.js';

/** Relative urban price level by county (city core dearest; assumed). */
const COUNTY_PRICE: Record<string, number> = {
  '211002': 1.15, '211003': 1.05, '211004': 1.0, '211005': 0.8, '211011': 0.95, '211021': 0.75, '211081': 0.8,
};
export const ruralHousePrice = (year: number) => HOUSE_PRICE_RURAL_2010 * Math.pow(1 + HOUSE_PRICE_RURAL_GROWTH, year - 2010);

/** Dwelling value in a year (0 before acquisition), from the urban or rural price index (2020 = 1). */
export function dwellingValue(d: Dwellings, i: number, year: number, priceIndex: number): number {
  return d.acquired[i] > year ? 0 : d.value2020[i] * priceIndex;
}

export function housePriceIndex(urban: boolean, year: number): number {
  return urban ? HOUSE_PRICE_URBAN[year] / HOUSE_PRICE_URBAN[2020] : ruralHousePrice(year) / ruralHousePrice(2020);
}

/** Outstanding mortgage principal at the start of a year (straight-line amortisation). */
export function mortgageOutstanding(d: Dwellings, i: number, year: number): number {
  const P = d.mortgagePrincipal[i];
  if (P === 0 || year < d.acquired[i]) return 0;
  const left = 1 - (year - d.acquired[i]) / d.mortgageYears[i];
  return left > 0 ? P * left : 0;
}

export function buildProperty(geo: Geography, hh: Households, ps: Persons, seed: number): { dwellings: Dwellings; vehicles: Vehicles } {
  const r = new Rng(seed ^ 0x9f0e7);
  const d = allocDwellings(Math.ceil(hh.count * 1.3) + 10);
  const v = allocVehicles(Math.ceil(hh.count * 1.2) + 10);
  let nd = 0;
  let nv = 0;
  const addVehicle = (h: number, kind: number, price: number, year: number, who: number) => {
    v.household[nv] = h;
    v.owner[nv] = who;
    v.kind[nv] = kind;
    v.price[nv] = Math.round(price);
    v.year[nv] = year;
    nv++;
  };
  const urbanVillagesByCounty: number[][] = geo.counties.map(() => []);
  for (let i = 0; i < geo.villages.count; i++) if (geo.villages.urban[i]) urbanVillagesByCounty[geo.villages.county[i]].push(i);

  const addDwelling = (h: number, owner: number, village: number, urban: boolean, area: number, acquired: number, use: number, wealth: number) => {
    const county = geo.counties[geo.villages.county[village]].code;
    const price2020 = urban ? HOUSE_PRICE_URBAN[2020] * COUNTY_PRICE[county] : ruralHousePrice(2020);
    d.household[nd] = h;
    d.owner[nd] = owner;
    d.village[nd] = village;
    d.area[nd] = Math.round(area * 100) / 100;
    d.value2020[nd] = Math.round(area * price2020 * Math.exp(0.2 * r.normal() + 0.1 * Math.log(wealth)));
    d.acquired[nd] = acquired;
    d.use[nd] = use;
    d.registered[nd] = urban || r.chance(0.35) ? 1 : 0;
    if (urban && acquired >= 2008 && r.chance(0.55)) {
      const price = d.value2020[nd] * (HOUSE_PRICE_URBAN[Math.min(2024, Math.max(2010, acquired))] / HOUSE_PRICE_URBAN[2020]);
      d.mortgagePrincipal[nd] = Math.round(price * (0.5 + 0.2 * r.float()));
      d.mortgageYears[nd] = 20 + 5 * r.int(3);
    }
    d.addrStreet[nd] = urban ? r.int(ROADS.length) : 1 + r.int(12);
    d.addrNo[nd] = 1 + r.int(urban ? 300 : 120);
    d.addrRoom[nd] = urban ? (1 + r.int(18)) * 100 + 1 + r.int(4) : 0;
    return nd++;
  };

  for (let h = 0; h < hh.count; h++) {
    const urban = hh.urban[h] === 1;
    const first = hh.first[h];
    const size = hh.size[h];
    const headBorn = yearOf(ps.birth[first]);
    const wealth = Math.max(0.2, potentialPerCapita(hh, ps, h) / 3000);
    const spouse = size > 1 && ps.relation[first + 1] === 10 ? first + 1 : -1;
    const owner = spouse >= 0 && r.chance(0.3) ? spouse : first;
    const migrant = (hh.flags[h] & HOUSEHOLD_FLAG.migrant) !== 0;
    const renter = urban ? r.chance(migrant ? 0.6 : 0.16) : r.chance(migrant ? 0.5 : 0.03);
    // household address (own residence or rented place)
    hh.addrStreet[h] = urban ? r.int(ROADS.length) : 1 + r.int(12);
    hh.addrNo[h] = 1 + r.int(urban ? 300 : 120);
    hh.addrRoom[h] = urban ? (1 + r.int(18)) * 100 + 1 + r.int(4) : 0;
    if (renter) {
      hh.flags[h] |= HOUSEHOLD_FLAG.renter;
    } else {
      const area = urban ? Math.min(250, Math.max(35, 45 + 55 * Math.exp(0.3 * r.normal()) * Math.sqrt(wealth) + 6 * size)) : Math.min(220, Math.max(50, 70 + 40 * r.float() + 8 * size));
      const acquired = Math.min(2024, Math.max(1985, headBorn + 24 + Math.floor(r.float() * 22)));
      const i = addDwelling(h, owner, hh.village[h], urban, area, acquired, 1, wealth);
      d.addrStreet[i] = hh.addrStreet[h];
      d.addrNo[i] = hh.addrNo[h];
      d.addrRoom[i] = hh.addrRoom[h];
      if (d.mortgagePrincipal[i] > 0) hh.flags[h] |= HOUSEHOLD_FLAG.mortgage;
    }
    // second home for better-off households
    if (wealth > 1.3 && r.chance(Math.min(0.5, 0.18 * wealth))) {
      const county = geo.villages.county[hh.village[h]];
      const pool = urbanVillagesByCounty[county].length ? urbanVillagesByCounty[county] : urbanVillagesByCounty[0];
      const area = 50 + 60 * r.float();
      addDwelling(h, owner, pool[r.int(pool.length)], true, area, 2003 + r.int(20), r.chance(0.5) ? 2 : 3, wealth);
    }
    // vehicles
    if (r.chance(Math.min(0.85, (urban ? 0.3 : 0.2) * Math.sqrt(wealth)))) {
      addVehicle(h, 1, 80000 * Math.exp(0.4 * r.normal()) * Math.sqrt(wealth), 2008 + r.int(17), owner);
    }
    for (let p = first; p < first + size; p++) {
      if (ps.career[p] === CAREER.selfEmployed && r.chance(0.2)) addVehicle(h, 2, 60000 * Math.exp(0.3 * r.normal()), 2010 + r.int(15), p);
      if (ps.career[p] === CAREER.farmer && hh.landMu[h] > 10 && r.chance(0.4)) addVehicle(h, 3, 30000 * Math.exp(0.4 * r.normal()) * Math.sqrt(hh.landMu[h] / 10), 2010 + r.int(15), p);
    }
    // financial assets (end of 2020)
    const annualIncome = potentialPerCapita(hh, ps, h) * 12 * size;
    const poorish = (hh.flags[h] & (HOUSEHOLD_FLAG.dibao | HOUSEHOLD_FLAG.poor)) !== 0;
    hh.deposits2020[h] = poorish ? Math.round(2000 * r.float()) : Math.round(annualIncome * 1.2 * Math.exp(0.9 * r.normal() - 0.4));
    hh.securities2020[h] = !poorish && r.chance(urban ? Math.min(0.5, 0.1 * wealth) : 0.02) ? Math.round(annualIncome * 0.8 * Math.exp(r.normal())) : 0;
  }
  return { dwellings: trim(d, nd), vehicles: trim(v, nv) };
}
