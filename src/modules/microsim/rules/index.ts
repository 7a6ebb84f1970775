/** Every variable of the Chinese tax-benefit rules, and the system built from them and the parameters. */
import { TaxBenefitSystem, type ParameterSet, type VariableDef } from '../engine/index.js';
import { DIBAO } from './dibao.js';
import { IIT_ANNUAL } from './iit/annual.js';
import { IIT_WITHHOLDING } from './iit/withholding.js';
import { INCOME } from './income.js';
import { HOUSEHOLD_INPUTS, PERSON_INPUTS } from './inputs.js';
import { MINIMUM_WAGE } from './minimum-wage.js';
import { SOCIAL_INSURANCE } from './social-insurance.js';

export const VARIABLES: VariableDef[] = [
  ...PERSON_INPUTS, ...HOUSEHOLD_INPUTS, ...SOCIAL_INSURANCE, ...IIT_WITHHOLDING, ...IIT_ANNUAL, ...DIBAO, ...MINIMUM_WAGE, ...INCOME,
];

export function buildSystem(params: ParameterSet): TaxBenefitSystem {
  return new TaxBenefitSystem(VARIABLES, params);
}

export { bonusSeparateTax, labourWithholding, authorWithholding, royaltyWithholding, nonResidentBonusTax, afterExpenses } from './iit/calc.js';
