/**
 * Zengshou income statistics engine: distribution, inequality, poverty, grouped-data Lorenz fits and
 * design-based survey estimates matching R's survey package. Pure functions over typed arrays.
 * Methods and formulas: docs/statistics.md.
 */
export { sortOrder, sortWithWeights, sortPairsInPlace, scanSorted, SortWorkspace, type SortedPairs, type SortedConsumer } from './sort.js';
export { prepareSample, sortSample, unitArrays, mean, StatsInputError, type IncomeInput, type SortedSample } from './sample.js';
export { quantile, quantiles, type QuantileRule } from './quantile.js';
export { selectQuantile } from './select.js';
export { groupSummary, groupOfSorted, lorenz, lorenzIncome, type GroupSummary } from './distribution.js';
export { gini, generalizedEntropy, theil, mld, s80s20, palma, lorenzPoints } from './inequality.js';
export { fgt, watts, povertyProfile, relativePoverty, type PovertyProfile, type WeightedValues } from './poverty.js';
export { middleIncomeShare, NBS_MIDDLE_INCOME, type MiddleIncomeSettings, type HouseholdIncomes, type MiddleIncomeResult } from './middle-income.js';
export { fitLorenz, fitGQ, fitBeta, groupedFromMeans, type GroupedData, type LorenzFit, type GroupedResult } from './lorenz-fit.js';
export { inequalitySummary, summarizeSorted, distributionScan, SummaryScan, DECILES, type InequalitySummary } from './summary.js';
export { readCsv, numericColumn, labelColumn, CsvError, type CsvTable } from './csv.js';
export { qnorm, qt, pt } from './special.js';
export {
  surveyDesign,
  degreesOfFreedom,
  withLonelyPsu,
  DesignError,
  type SurveyDesign,
  type DesignSpec,
  type LonelyPsu,
  type Labels,
} from './survey/design.js';
export { totalVariance } from './survey/variance.js';
export { svyTotal, svyMean, svyRatio, svyBy, domains, type Estimate, type EstimateOptions } from './survey/estimators.js';
export { svyQuantile, type QuantileEstimate, type QuantileOptions } from './survey/quantile.js';
export { svyGini, giniInfluence } from './survey/gini.js';
export {
  jk1,
  jkn,
  bootstrap,
  replicateDesign,
  replicateEstimate,
  repTotal,
  repMean,
  repRatio,
  repGini,
  type ReplicateDesign,
} from './survey/replicate.js';
export { postStratify, rake, calibrate, type PopulationTotals, type RakeControl, type CalibrateOptions } from './survey/calibrate.js';
