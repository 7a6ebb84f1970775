/**
 * A weighted policy population (struct of typed arrays, persons grouped by household) with the
 * groupings results are broken down by, and the result of a reform run: one JSON-serialisable
 * object the API returns unchanged.
 */
import type { Label, Population } from '../engine/index.js';

export interface PolicyPopulation extends Population {
  /** grossing-up weight of each household (1 / scale for the demo city) */
  householdWeight: Float64Array;
  /** county (县市区) index of each household */
  householdCounty: Uint16Array;
  counties: { code: string; name: string }[];
  /** bit i set = the person belongs to groups[i] */
  personGroups: Uint8Array;
  groups: { key: string; label: Label }[];
  source: { kind: 'demo' | 'registry' | 'survey'; description: string; year: number; scale?: number; seed?: number };
}

/** Persons weighted, by the relative change in their household's disposable income. */
export interface WinnersLosers {
  /** gain more than 5% */
  gainMore5: number;
  /** gain between 0.1% and 5% */
  gainLess5: number;
  /** within ±0.1% */
  noChange: number;
  loseLess5: number;
  loseMore5: number;
}

export interface PovertyResult {
  key: string;
  label: Label;
  /** 元 per person per year; for lines that differ by household (the 低保 standard) the population mean */
  line: number;
  baseline: { headcount: number; gap: number };
  reform: { headcount: number; gap: number };
}

export interface DecileResult {
  decile: number;
  households: number;
  persons: number;
  /** mean per-capita disposable income, 元 per year */
  baseline: number;
  reform: number;
  /** mean change per person, 元 per year, and relative to the baseline mean */
  change: number;
  relativeChange: number;
  /** the decile's share of the total net gain (negative for net losses) */
  shareOfGains: number;
  winnersLosers: WinnersLosers;
}

/** The same measures for a key group, a county or an area. */
export interface GroupResult {
  key: string;
  label: Label;
  households: number;
  persons: number;
  baseline: number;
  reform: number;
  change: number;
  relativeChange: number;
  winnersLosers: WinnersLosers;
  /** null for an empty group */
  gini: { baseline: number | null; reform: number | null };
  /** share of the group's persons below the last relative poverty line (null for an empty group) */
  poverty: { baseline: number | null; reform: number | null };
  /** the group's per-capita share of its households' net cost to public budgets, 元 per year */
  budgetEffect: number;
}

export interface ProgrammeBudget {
  programme: string;
  label: Label;
  /** 'revenue' (tax, contributions) or 'spending' (benefits); 元 per year, weighted */
  kind: 'revenue' | 'spending';
  baseline: number;
  reform: number;
  change: number;
  /** cost to public budgets: spending change − revenue change */
  netCost: number;
}

export interface ExampleHousehold {
  household: number;
  id: string;
  why: string;
  county: string;
  urban: boolean;
  members: number;
  decile: number;
  baseline: { disposable: number; iit: number; socialInsurance: number; dibao: number };
  reform: { disposable: number; iit: number; socialInsurance: number; dibao: number };
  change: number;
  relativeChange: number;
}

export interface ReformResults {
  year: number;
  reform: { name: string; label: Label; description?: string } | null;
  population: { source: PolicyPopulation['source']; households: number; persons: number; weightedHouseholds: number; weightedPersons: number };
  /** net cost to public budgets, 元 per year (positive = the reform costs money) */
  budget: { netCost: number; programmes: ProgrammeBudget[] };
  /** per-capita disposable income, 元 per person per year */
  income: { baselineMean: number; reformMean: number; change: number; relativeChange: number };
  decileUnit: 'household' | 'person';
  deciles: DecileResult[];
  winnersLosers: WinnersLosers;
  /** Gini over persons; Theil T over persons with positive income (it is undefined otherwise) */
  inequality: { gini: { baseline: number; reform: number }; theil: { baseline: number; reform: number } };
  poverty: PovertyResult[];
  middleIncome: { baseline: number; reform: number; band: { lower: number; upper: number; referenceSize: number; priceYear: number } };
  minimumWage: { baseline: number; reform: number };
  keyGroups: GroupResult[];
  counties: GroupResult[];
  areas: GroupResult[];
  examples: ExampleHousehold[];
  /** parameters in force that are placeholders */
  placeholders: { name: string; from: string; ref: string }[];
  timing: { simulateMs: number; resultsMs: number };
}
