/**
 * Everything the income model needs for one year, looked up once: calibration factors and the
 * year's parameter values (so the per-household code does no table searches).
 */
import {
  DEPOSIT_GROWTH, DEPOSIT_RATE, DIBAO_STANDARD_PLACEHOLDER, EMPLOYEE_SI, HOUSE_PRICE_URBAN, LAND_SUBSIDY,
  MORTGAGE_RATE, PENSION_LEVEL, POVERTY_LINE, RESIDENT_MEDICAL_PREMIUM, RESIDENT_PENSION, SECURITIES_INDEX,
  SPECIAL_DEDUCTIONS, interpolate,
} from './params-income.js';
import { ruralHousePrice } from './property.js';
import type { City } from './types.js';

export interface YearParams {
  year: number;
  /** calibration factors, [urban, rural] */
  wageScale: [number, number];
  businessScale: [number, number];
  propertyScale: [number, number];
  supportScale: [number, number];
  pensionScale: number;
  /** reference monthly wage for social-insurance bases, fen */
  averageWageFen: number;
  /** 元 per month before the pension scale */
  pensionLevel: number;
  residentPensionFen: number;
  residentMedicalFen: number;
  /** 低保 standard 元/month [urban, rural] (PLACEHOLDER) */
  dibaoStandard: [number, number];
  povertyLine: number;
  depositIndex: number;
  depositRate: number;
  securitiesIndex: number;
  mortgageRate: number;
  /** house value relative to the end of 2020 [urban, rural] */
  housePriceIndex: [number, number];
  landSubsidy: number;
  unemploymentRate: number;
  employerRate: number;
  deductions: ReturnType<typeof SPECIAL_DEDUCTIONS>;
}

export function depositIndex(y: number): number {
  let f = 1;
  for (let t = 2021; t <= y; t++) f *= 1 + DEPOSIT_GROWTH(t);
  for (let t = y + 1; t <= 2020; t++) f /= 1 + DEPOSIT_GROWTH(t);
  return f;
}

/** Parameters of year y with explicit factors (used by the calibration while it solves them). */
export function makeYearParams(y: number, f: Pick<YearParams, 'wageScale' | 'businessScale' | 'propertyScale' | 'supportScale' | 'pensionScale' | 'averageWageFen'>): YearParams {
  if (!(y in POVERTY_LINE)) throw new Error(`year ${y} outside 2010–2024`);
  const er = EMPLOYEE_SI.employer;
  return {
    year: y,
    wageScale: [...f.wageScale],
    businessScale: [...f.businessScale],
    propertyScale: [...f.propertyScale],
    supportScale: [...f.supportScale],
    pensionScale: f.pensionScale,
    averageWageFen: f.averageWageFen,
    pensionLevel: interpolate(PENSION_LEVEL, y),
    residentPensionFen: RESIDENT_PENSION[y] * 100,
    residentMedicalFen: RESIDENT_MEDICAL_PREMIUM[y] * 100,
    dibaoStandard: [DIBAO_STANDARD_PLACEHOLDER.urban[y], DIBAO_STANDARD_PLACEHOLDER.rural[y]],
    povertyLine: POVERTY_LINE[y],
    depositIndex: depositIndex(y),
    depositRate: DEPOSIT_RATE[y],
    securitiesIndex: SECURITIES_INDEX[y],
    mortgageRate: MORTGAGE_RATE[y],
    housePriceIndex: [HOUSE_PRICE_URBAN[y] / HOUSE_PRICE_URBAN[2020], ruralHousePrice(y) / ruralHousePrice(2020)],
    landSubsidy: LAND_SUBSIDY(y),
    unemploymentRate: EMPLOYEE_SI.unemployment(y),
    employerRate: er.pension(y) + er.medical + er.unemployment + er.injury,
    deductions: SPECIAL_DEDUCTIONS(y),
  };
}

/** Parameters of year y with the city's solved calibration factors. */
export function yearParams(city: City, y: number): YearParams {
  const c = city.calibration;
  const i = y - 2010;
  if (i < 0 || i >= c.pensionScale.length) throw new Error(`year ${y} outside 2010–2024`);
  return makeYearParams(y, {
    wageScale: [c.wageScale[0][i], c.wageScale[1][i]],
    businessScale: [c.businessScale[0][i], c.businessScale[1][i]],
    propertyScale: [c.propertyScale[0][i], c.propertyScale[1][i]],
    supportScale: [c.supportScale[0][i], c.supportScale[1][i]],
    pensionScale: c.pensionScale[i],
    averageWageFen: Math.round(c.averageWage[i] * 100),
  });
}
