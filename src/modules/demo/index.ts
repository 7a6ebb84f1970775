/**
 * The synthetic demo city (issue 4): a deterministic, calibrated Liaoyang of 1,604,580 residents at
 * scale 1. Pure: nothing here does I/O; writers/ writes files. See README.md for the API.
 */
export { DEFAULT_SEED, generateCity, type GenerateOptions, type GenerateStage } from './city.js';
export type { Calibration, City, Dwellings, Employers, Households, Persons, Referrals, Vehicles } from './types.js';
export { EMPLOYER_KIND, HOUSEHOLD_FLAG } from './types.js';
export { HouseholdYear, computeHousehold } from './income.js';
export { HouseholdPlan, planHousehold, planItemTotals } from './income-plan.js';
export { ITEM, ITEM_KEYS, NI } from './income-items.js';
export { yearParams, type YearParams } from './year-params.js';
export { summariseYear, type YearSummary, type Components } from './summary.js';
export { canonicalTables, type CanonicalTable, type Cell } from './records.js';
export { channelSpecs, CHANNEL_FAULT_RATES, type ChannelKey, type ChannelRow, type ChannelSpec } from './channels/index.js';
export { FAULT_KINDS, type FaultKind, type FaultRates } from './faults.js';
export { statusAt, isMemberInYear, householdPresent, careerMonths } from './status.js';
export { KEY_BIT, hasKeyGroup, ableToWorkAge } from './key-groups.js';
export { REFERRAL_OUTCOME, REFERRAL_OUTCOME_LABELS } from './referrals.js';
export { specialDeductionsMonthly } from './deductions.js';
export {
  SYNTHETIC_MARKER, SYNTHETIC_MARKER_ZH, birthDateOf, dwellingAddress, householdAddress, keyGroupKeys, personName, residentIdOf,
  socialInsuranceNumber, villagePlace,
} from './render.js';
export {
  CAREER, EDUCATION_LABELS, KEY_GROUPS, OCCUPATION_LABELS, QUALIFICATION_LABELS, RELATION, SECTORS, SECTOR_LABELS, STATUS, STATUS_LABELS,
} from './params-population.js';
export { DIBAO_STANDARD_PLACEHOLDER, POVERTY_LINE, TARGET_DISPOSABLE } from './params-income.js';
export { PUBLISHED, nationalQuintileRatios } from './published.js';
