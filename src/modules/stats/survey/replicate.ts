import { gini as sampleGini } from '../inequality.js';
import { sortPairsInPlace } from '../sort.js';
import { DesignError, type SurveyDesign } from './design.js';
import { finish, type Estimate, type EstimateOptions } from './estimators.js';

/**
 * Replicate-weight variance, as R's svrepdesign / as.svrepdesign and svrVar:
 *   V = scale · Σ_r rscale_r · (θ_r − θ̄)²,  θ̄ = mean of the replicates (or θ̂ when mse).
 * Replicate weights here are full analysis weights (R's combined.weights = TRUE).
 */
export interface ReplicateDesign {
  readonly n: number;
  readonly weights: Float64Array;
  readonly replicates: readonly Float64Array[];
  readonly scale: number;
  readonly rscales: Float64Array;
  readonly mse: boolean;
  readonly type: 'JK1' | 'JKn' | 'bootstrap' | 'other';
}

export function replicateDesign(spec: {
  weights: Float64Array;
  replicates: Float64Array[];
  scale: number;
  rscales?: Float64Array;
  mse?: boolean;
  type?: ReplicateDesign['type'];
}): ReplicateDesign {
  const n = spec.weights.length;
  for (const r of spec.replicates) if (r.length !== n) throw new DesignError('replicate weights differ in length from the weights');
  return {
    n,
    weights: spec.weights,
    replicates: spec.replicates,
    scale: spec.scale,
    rscales: spec.rscales ?? new Float64Array(spec.replicates.length).fill(1),
    mse: spec.mse ?? false,
    type: spec.type ?? 'other',
  };
}

function psuOfStratum(d: SurveyDesign): { stratum: Int32Array; members: number[][] } {
  const stratum = new Int32Array(d.nPsu);
  for (let i = 0; i < d.n; i++) stratum[d.psu[i]] = d.stratum[i];
  const members: number[][] = Array.from({ length: d.nStrata }, () => []);
  // PSUs in order of first appearance, as R's unique()
  const seen = new Uint8Array(d.nPsu);
  for (let i = 0; i < d.n; i++) {
    const p = d.psu[i];
    if (!seen[p]) {
      seen[p] = 1;
      members[d.stratum[i]].push(p);
    }
  }
  return { stratum, members };
}

function fpcFactor(d: SurveyDesign, h: number): number {
  if (!d.popSize) return 1;
  const N = d.popSize[h];
  return (N - d.psuCount[h]) / N;
}

/** Delete-one-PSU jackknife for an unstratified design (as.svrepdesign(type = "JK1")). */
export function jk1(d: SurveyDesign): ReplicateDesign {
  if (d.hasStrata) throw new DesignError("Can't use JK1 for a stratified design (use JKn)");
  const n = d.nPsu;
  const f = fpcFactor(d, 0);
  const replicates: Float64Array[] = [];
  if (!(f === 0)) {
    const { members } = psuOfStratum(d);
    for (const p of members[0]) {
      const r = new Float64Array(d.n);
      for (let i = 0; i < d.n; i++) r[i] = d.psu[i] === p ? 0 : (d.weights[i] * n) / (n - 1);
      replicates.push(r);
    }
  }
  return replicateDesign({ weights: d.weights, replicates, scale: (f * (n - 1)) / n, type: 'JK1' });
}

/** Stratified delete-one-PSU jackknife (as.svrepdesign(type = "JKn")), lonely strata as R's jknweights. */
export function jkn(d: SurveyDesign): ReplicateDesign {
  const { members } = psuOfStratum(d);
  const replicates: Float64Array[] = [];
  const rscales: number[] = [];
  const nstrat = d.nStrata;
  for (let h = 0; h < nstrat; h++) {
    const psus = members[h];
    const nh = psus.length;
    const f = fpcFactor(d, h);
    if (f === 0) continue; // exhaustively sampled: no replicates (survey.drop.replicates)
    if (nh === 1) {
      if (d.lonelyPsu === 'fail') throw new DesignError(`Stratum ${d.stratumLabels[h]} has only one PSU`);
      if (d.lonelyPsu !== 'adjust') continue;
      const r = new Float64Array(d.n);
      for (let i = 0; i < d.n; i++) r[i] = d.stratum[i] === h ? 0 : (d.weights[i] * nstrat) / (nstrat - 1);
      replicates.push(r);
      rscales.push((nstrat - 1) / nstrat);
      continue;
    }
    for (const p of psus) {
      const r = new Float64Array(d.n);
      for (let i = 0; i < d.n; i++) {
        r[i] = d.stratum[i] !== h ? d.weights[i] : d.psu[i] === p ? 0 : (d.weights[i] * nh) / (nh - 1);
      }
      replicates.push(r);
      rscales.push((f * (nh - 1)) / nh);
    }
  }
  if (replicates.length === 0) throw new DesignError('All strata were exhaustively sampled: you have the whole population');
  const scale = replicates.length < d.nPsu && d.lonelyPsu === 'average' ? d.nPsu / replicates.length : 1;
  return replicateDesign({ weights: d.weights, replicates, scale, rscales: Float64Array.from(rscales), type: 'JKn' });
}

/** xoshiro128** pseudo-random numbers, seeded, for reproducible bootstrap weights. */
export function rng(seed: number): () => number {
  let a = seed >>> 0 || 1;
  let b = (seed * 2654435761) >>> 0 || 2;
  let c = 0x9e3779b9;
  let dd = 0x85ebca6b;
  const next = () => {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    dd ^= b;
    b ^= c;
    a ^= dd;
    c ^= t;
    dd = rotl(dd, 11);
    return r / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();
  return next;
}
function rotl(x: number, k: number) {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Canty–Davison bootstrap (as.svrepdesign(type = "bootstrap"), survey's bootweights): in each
 * stratum n_h PSUs are drawn with replacement; a PSU's multiplier is how often it was drawn.
 * scale = ñ/((ñ − 1)(R − 1)) with ñ the harmonic mean of the n_h. Our generator is not R's, so the
 * replicates differ from R's draw; the variance formula is the same.
 */
export function bootstrap(d: SurveyDesign, replicates = 50, seed = 1): ReplicateDesign {
  const { members } = psuOfStratum(d);
  const random = rng(seed);
  const mult = new Float64Array(d.nPsu);
  const reps: Float64Array[] = [];
  for (let r = 0; r < replicates; r++) {
    mult.fill(0);
    for (const psus of members) {
      for (let k = 0; k < psus.length; k++) mult[psus[Math.floor(random() * psus.length)]]++;
    }
    const w = new Float64Array(d.n);
    for (let i = 0; i < d.n; i++) w[i] = d.weights[i] * mult[d.psu[i]];
    reps.push(w);
  }
  let inv = 0;
  for (const psus of members) inv += 1 / psus.length;
  const hm = members.length / inv;
  return replicateDesign({ weights: d.weights, replicates: reps, scale: hm / ((hm - 1) * (replicates - 1)), type: 'bootstrap' });
}

/** svrVar for one statistic. */
export function replicateVarianceOf(rd: ReplicateDesign, estimate: number, thetas: ArrayLike<number>): number {
  let centre = estimate;
  if (!rd.mse) {
    let s = 0;
    let k = 0;
    for (let r = 0; r < thetas.length; r++) {
      if (rd.rscales[r] > 0) {
        s += thetas[r];
        k++;
      }
    }
    centre = s / k;
  }
  let v = 0;
  for (let r = 0; r < thetas.length; r++) v += (thetas[r] - centre) ** 2 * rd.rscales[r];
  return v * rd.scale;
}

/** Any statistic θ(weights) with its replicate variance; weights outside the domain are zeroed. */
export function replicateEstimate(
  rd: ReplicateDesign,
  statistic: (w: Float64Array) => number,
  o: EstimateOptions = {},
): Estimate {
  const dom = o.domain;
  const masked = (w: Float64Array) => {
    if (!dom) return w;
    const m = new Float64Array(w.length);
    for (let i = 0; i < w.length; i++) if (dom[i]) m[i] = w[i];
    return m;
  };
  const est = statistic(masked(rd.weights));
  const thetas = rd.replicates.map((w) => statistic(masked(w)));
  let n = rd.n;
  if (dom) {
    n = 0;
    for (let i = 0; i < rd.n; i++) if (dom[i]) n++;
  }
  return finish(est, replicateVarianceOf(rd, est, thetas), n, o);
}

export function repTotal(rd: ReplicateDesign, y: Float64Array, o: EstimateOptions = {}): Estimate {
  return replicateEstimate(rd, (w) => dot(w, y), o);
}

export function repMean(rd: ReplicateDesign, y: Float64Array, o: EstimateOptions = {}): Estimate {
  return replicateEstimate(rd, (w) => dot(w, y) / sum(w), o);
}

export function repRatio(rd: ReplicateDesign, num: Float64Array, den: Float64Array, o: EstimateOptions = {}): Estimate {
  return replicateEstimate(rd, (w) => dot(w, num) / dot(w, den), o);
}

/** Gini (PRODUCT.md formula) with replicate variance. */
export function repGini(rd: ReplicateDesign, y: Float64Array, o: EstimateOptions = {}): Estimate {
  return replicateEstimate(
    rd,
    (w) => {
      const ys = new Float64Array(y);
      const ws = new Float64Array(w);
      sortPairsInPlace(ys, ws);
      return sampleGini({ y: ys, w: ws, N: sum(ws), T: dot(ws, ys), sorted: true });
    },
    o,
  );
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
