import { DesignError, encode, withCalibration, type Labels, type SurveyDesign } from './design.js';
import { solve } from './linalg.js';

/**
 * Calibration of design weights to known population totals, as R survey's postStratify(), rake()
 * and calibrate(). Each returns a new design whose weights are calibrated and which remembers the
 * step, so that variances use residuals from the calibration (see variance.ts: residualize).
 */

/** Population totals by label of a grouping variable. */
export type PopulationTotals = Record<string, number> | Map<string, number>;

function totalsMap(t: PopulationTotals): Map<string, number> {
  return t instanceof Map ? new Map([...t].map(([k, v]) => [String(k), v])) : new Map(Object.entries(t));
}

/**
 * Post-stratification: weights in each post-stratum g are multiplied by N_g / N̂_g.
 * A post-stratum in the sample but not in the population is an error, and so (unless `partial`)
 * is one in the population but not in the sample, as in R.
 */
export function postStratify(d: SurveyDesign, group: Labels, population: PopulationTotals, partial = false): SurveyDesign {
  const { codes, levels } = encode(group, d.n);
  const pop = totalsMap(population);
  const sampleTotal = new Float64Array(levels.length);
  for (let i = 0; i < d.n; i++) sampleTotal[codes[i]] += d.weights[i];
  const factor = new Float64Array(levels.length);
  for (let g = 0; g < levels.length; g++) {
    const N = pop.get(levels[g]);
    if (N === undefined || N === 0) {
      if (sampleTotal[g] !== 0) throw new DesignError(`post-stratum ${levels[g]} is in the sample but not in the population totals`);
      factor[g] = NaN;
      continue;
    }
    factor[g] = N / sampleTotal[g];
  }
  if (!partial) {
    const present = new Set(levels);
    for (const [k, v] of pop) {
      if (v !== 0 && !present.has(k)) throw new DesignError(`post-stratum ${k} is absent from the sample (use partial to ignore it)`);
    }
  }
  const weights = new Float64Array(d.n);
  for (let i = 0; i < d.n; i++) weights[i] = 1 / (1 / d.weights[i] / factor[codes[i]]); // R: prob / reweight
  return withCalibration(d, weights, { kind: 'poststrata', group: codes, weights, oldWeights: d.weights });
}

export interface RakeControl {
  /** Iterations (R default 10). */
  maxit?: number;
  /** Stop when no cell of the joint table of margins moves by epsilon or more (R default 1, in weight
   * units; a value below 1 is taken as a fraction of the total weight). */
  epsilon?: number;
}

/**
 * Raking (iterative proportional fitting) over several margins, exactly as R's rake(): each sweep
 * post-stratifies on every margin in turn; it stops when the joint weighted table moves less than
 * epsilon. The variance uses survey's raking residuals (10 back-fitting sweeps over the margins).
 */
export function rake(
  d: SurveyDesign,
  margins: { group: Labels; population: PopulationTotals }[],
  control: RakeControl = {},
): SurveyDesign & { rakeIterations: number; rakeConverged: boolean } {
  const maxit = control.maxit ?? 10;
  let epsilon = control.epsilon ?? 1;
  if (epsilon < 1) epsilon *= d.weights.reduce((a, b) => a + b, 0);
  const coded = margins.map((m) => encode(m.group, d.n));
  // joint cells of all margin variables
  const joint = new Int32Array(d.n);
  const cells = new Map<string, number>();
  for (let i = 0; i < d.n; i++) {
    const key = coded.map((c) => c.codes[i]).join('\u0001');
    let c = cells.get(key);
    if (c === undefined) cells.set(key, (c = cells.size));
    joint[i] = c;
  }
  const table = (w: Float64Array) => {
    const t = new Float64Array(cells.size);
    for (let i = 0; i < d.n; i++) t[joint[i]] += w[i];
    return t;
  };
  let current = d;
  let old = table(d.weights);
  let iter = 0;
  let converged = false;
  let steps: { group: Int32Array; weights: Float64Array }[] = [];
  while (iter < maxit) {
    steps = [];
    for (const m of margins) {
      current = postStratify(current, m.group, m.population);
      const s = current.calibration[current.calibration.length - 1];
      if (s.kind === 'poststrata') steps.push({ group: s.group, weights: s.weights });
    }
    const now = table(current.weights);
    let delta = 0;
    for (let c = 0; c < now.length; c++) delta = Math.max(delta, Math.abs(old[c] - now[c]));
    if (delta < epsilon) {
      converged = true;
      break;
    }
    old = now;
    iter++;
  }
  const out = withCalibration(d, current.weights, { kind: 'raking', margins: steps });
  return { ...out, rakeIterations: iter, rakeConverged: converged };
}

export interface CalibrateOptions {
  /** 'linear' (GREG, R's default) or 'raking' (exponential distance). */
  calfun?: 'linear' | 'raking';
  maxit?: number;
  /** Convergence: max |misfit|/(1 + |total|) below epsilon (R default 1e-7). */
  epsilon?: number;
}

/**
 * Generalised regression calibration (R's calibrate(design, formula, population, calfun)): new
 * weights w·g with Σ w·g·x = population totals for every column x of the model matrix.
 * linear: g = 1 + x'λ (closed form); raking: g = exp(x'λ) (Newton iterations, as survey's grake).
 * `columns` are the model matrix columns (include an intercept column of 1s if you want one);
 * `totals` the known population totals in the same order.
 */
export function calibrate(d: SurveyDesign, columns: Float64Array[], totals: number[], o: CalibrateOptions = {}): SurveyDesign {
  const p = columns.length;
  if (totals.length !== p) throw new DesignError('population totals and model columns differ in number');
  const n = d.n;
  for (const c of columns) if (c.length !== n) throw new DesignError('model column length differs from the design');
  const x = new Float64Array(n * p);
  columns.forEach((c, j) => x.set(c, j * n));
  const ww = d.weights;
  const sampleTotal = new Float64Array(p);
  for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) sampleTotal[j] += x[j * n + i] * ww[i];
  let g: Float64Array;
  if ((o.calfun ?? 'linear') === 'linear') {
    const A = crossprod(x, ww, n, p);
    const lambda = solve(A, Float64Array.from(totals, (t, j) => t - sampleTotal[j]), p);
    g = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 1;
      for (let j = 0; j < p; j++) s += x[j * n + i] * lambda[j];
      g[i] = s;
    }
  } else {
    g = grakeExp(x, ww, totals, sampleTotal, n, p, o.maxit ?? 50, o.epsilon ?? 1e-7);
  }
  const weights = new Float64Array(n);
  const sqrtW = new Float64Array(n);
  const wc = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    weights[i] = 1 / (1 / ww[i] / g[i]); // R: prob / g
    sqrtW[i] = Math.sqrt(ww[i]);
    wc[i] = g[i] * sqrtW[i];
  }
  return withCalibration(d, weights, { kind: 'greg', x, p, sqrtW, w: wc });
}

/** Row-major p × p matrix Σ_i v_i x_i x_i'. */
function crossprod(x: Float64Array, v: Float64Array, n: number, p: number): Float64Array {
  const A = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += x[a * n + i] * x[b * n + i] * v[i];
      A[a * p + b] = s;
      A[b * p + a] = s;
    }
  }
  return A;
}

function grakeExp(
  x: Float64Array,
  ww0: Float64Array,
  totals: number[],
  sampleTotal0: Float64Array,
  n: number,
  p: number,
  maxit: number,
  epsilon: number,
): Float64Array {
  // survey rescales weights first when every total is far above its sample estimate
  const scales = totals.map((t, j) => t / sampleTotal0[j]);
  let scale = 1;
  if (Math.min(...scales) > 20) scale = scales.reduce((a, b) => a + b, 0) / p;
  const ww = Float64Array.from(ww0, (w) => w * scale);
  const eta = new Float64Array(p);
  const g = new Float64Array(n).fill(1);
  const xeta = new Float64Array(n);
  const misfit = () => {
    const m = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += x[j * n + i] * ww[i] * g[i];
      m[j] = totals[j] - s;
    }
    return m;
  };
  const update = () => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += x[j * n + i] * eta[j];
      xeta[i] = s;
      g[i] = Math.exp(s);
    }
  };
  for (let iter = 1; ; iter++) {
    const v = Float64Array.from(ww, (w, i) => w * g[i]);
    const T = crossprod(x, v, n, p);
    let m = misfit();
    let deta = solve(T, m, p);
    for (let j = 0; j < p; j++) eta[j] += deta[j];
    update();
    let halvings = 0;
    while (halvings < maxit && g.some((gi) => !Number.isFinite(gi))) {
      deta = deta.map((d) => d / 2);
      for (let j = 0; j < p; j++) eta[j] -= deta[j];
      update();
      halvings++;
    }
    m = misfit();
    let worst = 0;
    for (let j = 0; j < p; j++) worst = Math.max(worst, Math.abs(m[j]) / (1 + Math.abs(totals[j])));
    if (worst < epsilon) break;
    if (iter >= maxit) throw new DesignError(`Calibration failed to converge: eps=${worst} in ${iter} iterations`);
  }
  return Float64Array.from(g, (gi) => gi * scale);
}
