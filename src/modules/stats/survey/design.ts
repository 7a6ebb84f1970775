/**
 * A survey design as R's survey::svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~fpc)
 * holds it for ultimate-cluster (with-replacement first stage) variance estimation.
 */

/** Single-PSU strata handling, R's options(survey.lonely.psu = ...). */
export type LonelyPsu = 'fail' | 'remove' | 'certainty' | 'average' | 'adjust';

export type Labels = ArrayLike<string | number>;

export interface DesignSpec {
  /** Sampling weights (1 / inclusion probability), one per row, >= 0. */
  weights: Float64Array;
  /** Stratum label per row; none: one stratum. */
  strata?: Labels | null;
  /** First-stage sampling unit (PSU) label per row; none: every row is its own PSU. */
  psu?: Labels | null;
  /**
   * Finite population correction per row, constant within a stratum: either the number of PSUs in the
   * stratum's population (all values >= 1) or the first-stage sampling fraction (all values <= 1),
   * as in svydesign(fpc = ).
   */
  fpc?: ArrayLike<number> | null;
  /** PSU labels are only unique within strata (svydesign(nest = TRUE)). Default false, as in R. */
  nest?: boolean;
  lonelyPsu?: LonelyPsu;
}

/** One calibration step, kept for the variance (R's design$postStrata list). */
export type CalibrationStep =
  | { kind: 'poststrata'; group: Int32Array; weights: Float64Array; oldWeights: Float64Array }
  | { kind: 'raking'; margins: { group: Int32Array; weights: Float64Array }[] }
  | { kind: 'greg'; /** n × p model matrix, column-major */ x: Float64Array; p: number; sqrtW: Float64Array; w: Float64Array };

export interface SurveyDesign {
  readonly n: number;
  /** Current analysis weights (after any calibration). */
  readonly weights: Float64Array;
  /** Stratum code 0..nStrata−1 per row. */
  readonly stratum: Int32Array;
  /** PSU code 0..nPsu−1 per row (unique across strata). */
  readonly psu: Int32Array;
  readonly nStrata: number;
  readonly nPsu: number;
  readonly stratumLabels: string[];
  /** Sampled PSUs per stratum in the whole design (R's fpc$sampsize). */
  readonly psuCount: Int32Array;
  /** Population PSUs per stratum (R's fpc$popsize), or null without fpc. */
  readonly popSize: Float64Array | null;
  readonly hasStrata: boolean;
  readonly lonelyPsu: LonelyPsu;
  readonly calibration: readonly CalibrationStep[];
}

export class DesignError extends Error {}

/** Codes 0..k−1 for labels in order of first appearance. */
export function encode(labels: Labels, n: number): { codes: Int32Array; levels: string[] } {
  if (labels.length !== n) throw new DesignError('design variables differ in length');
  const map = new Map<string, number>();
  const levels: string[] = [];
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = String(labels[i]);
    let c = map.get(key);
    if (c === undefined) {
      c = levels.length;
      map.set(key, c);
      levels.push(key);
    }
    codes[i] = c;
  }
  return { codes, levels };
}

export function surveyDesign(spec: DesignSpec): SurveyDesign {
  const weights = spec.weights;
  const n = weights.length;
  for (let i = 0; i < n; i++) {
    if (!(weights[i] >= 0) || !Number.isFinite(weights[i])) throw new DesignError(`row ${i + 1}: weight must be a non-negative number`);
  }
  const hasStrata = spec.strata != null;
  const st = hasStrata ? encode(spec.strata!, n) : { codes: new Int32Array(n), levels: ['1'] };
  const psuLabels = spec.psu != null ? encode(spec.psu, n) : null;
  const psuLabel = psuLabels ? psuLabels.codes : Int32Array.from({ length: n }, (_, i) => i);
  const nLabels = psuLabels ? psuLabels.levels.length : n;
  if (nLabels === 1 && !(spec.nest && hasStrata)) throw new DesignError('Design has only one primary sampling unit');

  // PSU code per row; with nest the PSU is the (stratum, label) pair.
  const psu = new Int32Array(n);
  let nPsu = 0;
  if (spec.nest) {
    const map = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const key = st.codes[i] * nLabels + psuLabel[i];
      let c = map.get(key);
      if (c === undefined) map.set(key, (c = nPsu++));
      psu[i] = c;
    }
  } else {
    const psuStratum = new Int32Array(nLabels).fill(-1);
    for (let i = 0; i < n; i++) {
      const p = psuLabel[i];
      if (psuStratum[p] === -1) psuStratum[p] = st.codes[i];
      else if (psuStratum[p] !== st.codes[i]) {
        throw new DesignError('Clusters not nested in strata at top level; you may want nest = TRUE.');
      }
      psu[i] = p;
    }
    nPsu = nLabels;
  }
  const nStrata = st.levels.length;
  const psuStratumOf = new Int32Array(nPsu);
  for (let i = 0; i < n; i++) psuStratumOf[psu[i]] = st.codes[i];
  const psuCount = new Int32Array(nStrata);
  for (let p = 0; p < nPsu; p++) psuCount[psuStratumOf[p]]++;

  let popSize: Float64Array | null = null;
  if (spec.fpc != null) {
    const fpc = spec.fpc;
    if (fpc.length !== n) throw new DesignError('fpc and weights differ in length');
    let anyAbove = false;
    let allAtLeast1 = true;
    for (let i = 0; i < n; i++) {
      if (!(fpc[i] > 0)) throw new DesignError(`row ${i + 1}: fpc must be positive`);
      if (fpc[i] > 1) anyAbove = true;
      if (fpc[i] < 1) allAtLeast1 = false;
    }
    if (anyAbove !== allAtLeast1) throw new DesignError('Must have all fpc >= 1 (population sizes) or all fpc <= 1 (sampling fractions)');
    popSize = new Float64Array(nStrata).fill(NaN);
    for (let i = 0; i < n; i++) {
      const h = st.codes[i];
      const N = anyAbove ? fpc[i] : psuCount[h] / fpc[i];
      if (Number.isNaN(popSize[h])) popSize[h] = N;
      else if (popSize[h] !== N) throw new DesignError(`row ${i + 1}: fpc varies within stratum ${st.levels[h]}`);
    }
    for (let h = 0; h < nStrata; h++) {
      if (popSize[h] < psuCount[h]) throw new DesignError(`stratum ${st.levels[h]}: FPC implies more than 100% sampling`);
    }
  }
  return {
    n,
    // R keeps probabilities and uses weights 1/prob = 1/(1/w), which can differ from w in the last bit;
    // quantiles at exact cumulative-weight ties depend on that bit, so keep R's round trip.
    weights: Float64Array.from(weights, (w) => 1 / (1 / w)),
    stratum: st.codes,
    psu,
    nStrata,
    nPsu,
    stratumLabels: st.levels,
    psuCount,
    popSize,
    hasStrata,
    lonelyPsu: spec.lonelyPsu ?? 'fail',
    calibration: [],
  };
}

/** The same design with new weights and one more calibration step (for calibrate.ts). */
export function withCalibration(d: SurveyDesign, weights: Float64Array, step: CalibrationStep): SurveyDesign {
  return { ...d, weights, calibration: [...d.calibration, step] };
}

/** The same design with another single-PSU rule. */
export function withLonelyPsu(d: SurveyDesign, lonelyPsu: LonelyPsu): SurveyDesign {
  return { ...d, lonelyPsu };
}

/**
 * Degrees of freedom, R's degf(): PSUs minus strata among rows with non-zero weight in the domain
 * (for an uncalibrated design R drops the rows outside a domain; a calibrated one zeroes them).
 */
export function degreesOfFreedom(d: SurveyDesign, domain?: Uint8Array | null): number {
  const psuSeen = new Uint8Array(d.nPsu);
  const stSeen = new Uint8Array(d.nStrata);
  let psus = 0;
  let strata = 0;
  for (let i = 0; i < d.n; i++) {
    if (domain && !domain[i]) continue;
    if (d.weights[i] === 0) continue;
    const id = d.psu[i];
    if (!psuSeen[id]) {
      psuSeen[id] = 1;
      psus++;
    }
    if (!stSeen[d.stratum[i]]) {
      stSeen[d.stratum[i]] = 1;
      strata++;
    }
  }
  return psus - strata;
}
