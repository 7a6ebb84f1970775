/**
 * Zengshou microsimulation engine: variables over entities and periods with vectorised formulas,
 * dated parameters with legal references, reforms, slice-by-slice population runs, explanations.
 * Pure: no I/O (parameter files are read by ../params-files.ts).
 */
export { EngineError, type Entity, type Period, type Unit, type Label, type Formula, type FormulaContext, type VariableDef } from './types.js';
export {
  ParameterSet, makeScale, applyScale, bracketOf, roundFen, parseDate, formatDate, valueToJson, isScale,
  type Scale, type ParamValue, type DatedValue, type ParameterDef, type ParamUse,
} from './parameters.js';
export { parseParameterYaml, type ParameterFile } from './param-yaml.js';
export { parseReform, parseReformText, applyReformParameters, type Reform, type ParamOverride, type FormulaOverride } from './reform.js';
export { TaxBenefitSystem, type Step } from './system.js';
export { householdIndex, sliceRanges, splitHouseholds, type Population, type HouseholdIndex, type Slice } from './population.js';
export { Simulation, type SimulationOptions, type StepTrace } from './simulation.js';
export { runPopulation, calculate, Collector, DEFAULT_PERSONS_PER_SLICE, type RunOptions } from './run.js';
export { explainHousehold, type HouseholdExplanation, type ExplanationStep, type ExplainedParameter, type ExplainOptions } from './explain.js';
export { annualSum, householdSum } from './aggregate.js';
