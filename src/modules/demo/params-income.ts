/**
 * Assumptions for incomes, property, social insurance and 低保 in the demo city. Published figures
 * come from published.ts; everything here is an assumption (see ASSUMPTIONS.md), and the 低保
 * standards are PLACEHOLDERS, not Liaoyang's real standards.
 */
import { PUBLISHED } from './published.js';

export const YEARS = Array.from({ length: 15 }, (_, i) => 2010 + i);

const D = PUBLISHED.disposableIncome;
/** Ratio of 2020 to 2010 per-capita disposable income (the plan's doubling target; assumed). */
export const DOUBLING_RATIO = { urban: 1.97, rural: 2.03 };

/**
 * Target per-capita disposable income by year (元): published 2018 and 2023; 2017 from the published
 * growth on 2017; 2019–2022 geometric between 2018 and 2023; 2024 continues that rate; 2010 so that
 * 2020 / 2010 = DOUBLING_RATIO; 2011–2016 geometric between 2010 and 2017.
 */
function targetPath(area: 'urban' | 'rural'): Record<number, number> {
  const y18 = D[area][2018];
  const y23 = D[area][2023];
  const g = Math.pow(y23 / y18, 1 / 5);
  const out: Record<number, number> = {};
  for (let y = 2018; y <= 2024; y++) out[y] = y18 * Math.pow(g, y - 2018);
  out[2023] = y23;
  out[2017] = y18 / (1 + PUBLISHED.growth2018[area]);
  out[2010] = out[2020] / DOUBLING_RATIO[area];
  const g0 = Math.pow(out[2017] / out[2010], 1 / 7);
  for (let y = 2011; y <= 2016; y++) out[y] = out[2010] * Math.pow(g0, y - 2010);
  return out;
}
export const TARGET_DISPOSABLE = { urban: targetPath('urban'), rural: targetPath('rural') };

/** Linear interpolation through anchor years. */
export function interpolate(anchors: Record<number, number>, year: number): number {
  const ys = Object.keys(anchors).map(Number).sort((a, b) => a - b);
  if (year <= ys[0]) return anchors[ys[0]];
  if (year >= ys[ys.length - 1]) return anchors[ys[ys.length - 1]];
  for (let i = 1; i < ys.length; i++) {
    if (year <= ys[i]) {
      const t = (year - ys[i - 1]) / (ys[i] - ys[i - 1]);
      return anchors[ys[i - 1]] * (1 - t) + anchors[ys[i]] * t;
    }
  }
  return anchors[ys[ys.length - 1]];
}

/** Shares of disposable income from wages, net business and net property income (rest: net transfers). */
export const COMPONENT_SHARES = {
  urban: {
    wage: { 2010: 0.66, 2018: 0.58, 2024: 0.56 },
    business: { 2010: 0.11, 2018: 0.11, 2024: 0.115 },
    property: { 2010: 0.05, 2018: 0.07, 2024: 0.075 },
  },
  rural: {
    wage: { 2010: 0.3, 2018: 0.35, 2024: 0.43 },
    business: { 2010: 0.53, 2018: 0.43, 2024: 0.39 },
    property: { 2010: 0.02, 2018: 0.025, 2024: 0.03 },
  },
};

/** Wage model (log scale): sector, education and occupation premia, sex gap, dispersion. */
export const WAGE_MODEL = {
  sector: { A: -0.35, B: 0.15, C: 0.05, D: 0.3, E: -0.05, F: -0.15, G: 0.05, H: -0.3, I: 0.35, J: 0.45, K: 0, L: -0.1, M: 0.3, N: -0.1, O: -0.3, P: 0.15, Q: 0.2, R: 0, S: 0.15 } as Record<string, number>,
  education: { 10: 0.75, 20: 0.5, 30: 0.28, 40: 0.1, 60: 0.05, 70: 0, 80: -0.1, 90: -0.2 } as Record<number, number>,
  occupation: { 1: 0.55, 2: 0.15, 3: 0, 4: -0.05, 5: -0.1, 6: 0, 8: -0.1 } as Record<number, number>,
  qualification: [0, 0.35, 0.25, 0.15, 0.1, 0.05],
  female: -0.12,
  informal: -0.35,
  sigma: 0.6,
  householdSigma: 0.35,
  /** year-to-year individual noise */
  yearSigma: 0.06,
};
/** Age–earnings profile exp(a·(age−20) − b·(age−20)²), peaking in the mid-40s. */
export const AGE_PROFILE = { a: 0.045, b: 0.0009 };

export const BUSINESS_MODEL = { sigma: 0.9, farmSigma: 0.5, newFarmerLand: [50, 300] as [number, number] };

/** Average urban employee pension before the balancing factor (元/month, assumed path). */
export const PENSION_LEVEL = { 2010: 1400, 2014: 2000, 2018: 2600, 2024: 3100 };
/** 城乡居民基础养老金 (元/month, approximate Liaoning amounts; assumed). */
export const RESIDENT_PENSION: Record<number, number> = {
  2010: 55, 2011: 55, 2012: 55, 2013: 60, 2014: 70, 2015: 85, 2016: 90, 2017: 100, 2018: 108, 2019: 113,
  2020: 118, 2021: 125, 2022: 135, 2023: 145, 2024: 165,
};
/** 城乡居民医保 individual premium (元/person/year, close to the national minimums). */
export const RESIDENT_MEDICAL_PREMIUM: Record<number, number> = {
  2010: 30, 2011: 40, 2012: 60, 2013: 70, 2014: 90, 2015: 120, 2016: 150, 2017: 180, 2018: 220, 2019: 250,
  2020: 280, 2021: 320, 2022: 350, 2023: 380, 2024: 400,
};
export const RESIDENT_PENSION_CONTRIBUTION = { amount: 200, participation: 0.7 };

/** Employee social insurance, personal rates (pension, medical, unemployment) and base bounds. */
export const EMPLOYEE_SI = {
  pension: 0.08,
  medical: 0.02,
  unemployment: (year: number) => (year <= 2015 ? 0.01 : 0.005),
  employer: { pension: (year: number) => (year <= 2018 ? 0.2 : 0.16), medical: 0.08, unemployment: 0.005, injury: 0.005 },
  baseFloor: 0.6,
  baseCeiling: 3,
};
/** Flexible employment (个体): pension 20 % and medical 6 % of 60 % of the average wage, if insured. */
export const SELF_EMPLOYED_SI = { pension: 0.2, medical: 0.06, baseShare: 0.6, participation: 0.5 };

/** 低保 standards, 元 per person per month. PLACEHOLDER values, not Liaoyang's published standards. */
export const DIBAO_STANDARD_PLACEHOLDER = {
  urban: { 2010: 280, 2011: 310, 2012: 350, 2013: 390, 2014: 430, 2015: 470, 2016: 510, 2017: 550, 2018: 590, 2019: 630, 2020: 670, 2021: 700, 2022: 730, 2023: 760, 2024: 790 } as Record<number, number>,
  rural: { 2010: 130, 2011: 160, 2012: 200, 2013: 230, 2014: 260, 2015: 300, 2016: 340, 2017: 380, 2018: 420, 2019: 460, 2020: 500, 2021: 530, 2022: 560, 2023: 590, 2024: 620 } as Record<number, number>,
};
/** PLACEHOLDER 低保 rules: minimum benefit share of the standard; wage disregard per employed member. */
export const DIBAO_RULES = { minBenefitShare: 0.1, wageDisregardShareOfStandard: 0.3 };

/**
 * Rural poverty line, 元 per person per year (2,300 at 2010 prices). 2014–2016, 2019, 2020 from the
 * CSV; 2011–2013, 2017, 2018 are NBS nominal values not in the CSV; 2021–2024 keep the 2020 line.
 */
export const POVERTY_LINE: Record<number, number> = {
  2010: 2300, 2011: 2536, 2012: 2625, 2013: 2736, 2014: 2800, 2015: 2855, 2016: 2952, 2017: 2952, 2018: 2995,
  2019: 3218, 2020: 4000, 2021: 4000, 2022: 4000, 2023: 4000, 2024: 4000,
};
/** Rural households are kept at or above this multiple of the line from 2018 (family support). */
export const POVERTY_FLOOR_FROM = { year: 2018, multiple: 1.05 };

/** Property: urban housing price (元/m²), deposit and securities indices (2020 = 1), yields. */
export const HOUSE_PRICE_URBAN: Record<number, number> = {
  2010: 3800, 2011: 4300, 2012: 4600, 2013: 4900, 2014: 5100, 2015: 4800, 2016: 4600, 2017: 4900, 2018: 5300,
  2019: 5500, 2020: 5600, 2021: 5700, 2022: 5400, 2023: 5000, 2024: 4700,
};
export const HOUSE_PRICE_RURAL_2010 = 800;
export const HOUSE_PRICE_RURAL_GROWTH = 0.04;
export const DEPOSIT_GROWTH = (year: number) => (year <= 2020 ? 0.09 : year <= 2023 ? 0.1 : 0.08);
export const SECURITIES_INDEX: Record<number, number> = {
  2010: 0.8, 2011: 0.65, 2012: 0.62, 2013: 0.62, 2014: 0.85, 2015: 1.05, 2016: 0.9, 2017: 0.95, 2018: 0.8,
  2019: 0.95, 2020: 1, 2021: 1.05, 2022: 0.92, 2023: 0.88, 2024: 0.95,
};
export const DEPOSIT_RATE: Record<number, number> = {
  2010: 0.02, 2011: 0.026, 2012: 0.026, 2013: 0.025, 2014: 0.024, 2015: 0.019, 2016: 0.016, 2017: 0.016,
  2018: 0.016, 2019: 0.016, 2020: 0.016, 2021: 0.016, 2022: 0.015, 2023: 0.013, 2024: 0.011,
};
export const MORTGAGE_RATE: Record<number, number> = {
  2010: 0.06, 2011: 0.068, 2012: 0.065, 2013: 0.062, 2014: 0.061, 2015: 0.052, 2016: 0.046, 2017: 0.048,
  2018: 0.052, 2019: 0.052, 2020: 0.05, 2021: 0.05, 2022: 0.044, 2023: 0.04, 2024: 0.036,
};
export const YIELDS = { dividend: 0.02, rent: 0.025, imputedRent: 0.02 };

/** Agricultural subsidies per mu (元/year): 粮食直补 + 农资综合补贴 to 2015, 耕地地力保护补贴 from 2016. */
export const LAND_SUBSIDY = (year: number) => (year <= 2015 ? 90 : 130);

/** Special additional deductions (元/month) by year, PRODUCT.md. */
export const SPECIAL_DEDUCTIONS = (year: number) => ({
  childEducation: year >= 2023 ? 2000 : 1000,
  infantCare: year >= 2023 ? 2000 : year >= 2022 ? 1000 : 0,
  elderlyOnlyChild: year >= 2023 ? 3000 : 2000,
  elderlyShared: year >= 2023 ? 1500 : 1000,
  housingLoan: 1000,
  rent: 1100, // cities with more than 1 million residents (assumed for Liaoyang)
});

/** Monthly minimum wage assumed for Liaoyang's tier (元), used for job-referral wage offers (assumed). */
export const MIN_WAGE: Record<number, number> = {
  2010: 900, 2011: 900, 2012: 1100, 2013: 1100, 2014: 1200, 2015: 1200, 2016: 1300, 2017: 1300, 2018: 1480,
  2019: 1480, 2020: 1480, 2021: 1480, 2022: 1580, 2023: 1580, 2024: 1700,
};
/** Job referrals for 低保 members able to work: yearly mean, outcome shares (assumed). */
export const REFERRALS = { fromYear: 2018, perYear: 2.2, reluctantShare: 0.2, unjustifiedRefusal: { reluctant: 0.6, other: 0.12 }, justifiedRefusal: 0.2, noShow: 0.08 };
