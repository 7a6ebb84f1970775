/**
 * Fellegi–Sunter record linkage (as Splink does it): u probabilities from random pairs (almost all
 * non-matches), m probabilities by expectation–maximisation over the blocked candidate pairs with
 * u held fixed, match weights log2(m/u) summed over fields plus the prior log-odds, and a
 * term-frequency adjustment for agreeing surnames (agreeing on 王 is weaker evidence than on 隋).
 * Pure.
 */
import { FIELDS, LEVELS, type LinkField, type Levels } from './compare.js';

export type Probabilities = Record<LinkField, number[]>;

export interface Model {
  /** prior probability that a candidate pair is a match */
  lambda: number;
  m: Probabilities;
  u: Probabilities;
}

function table(fill: (f: LinkField, k: number) => number): Probabilities {
  const out = {} as Probabilities;
  for (const f of FIELDS) out[f] = Array.from({ length: LEVELS[f] }, (_, k) => fill(f, k));
  return out;
}

/** u: the share of random pairs at each level (half a pair added to every level so none is zero). */
export function estimateU(randomPairs: readonly Levels[]): Probabilities {
  const counts = table(() => 0.5);
  for (const p of randomPairs) for (const f of FIELDS) if (p[f] !== null) counts[f][p[f]!]++;
  return table((f, k) => counts[f][k] / counts[f].reduce((a, b) => a + b, 0));
}

/** Starting m: most matches agree exactly, a few at each lower level. */
export function initialM(): Probabilities {
  return table((f, k) => {
    const n = LEVELS[f];
    const w = Array.from({ length: n }, (_, i) => (i === n - 1 ? 0.85 : 0.15 / (n - 1)));
    return w[k];
  });
}

export interface EmResult {
  model: Model;
  iterations: number;
  converged: boolean;
}

/**
 * EM for m and λ with u fixed. `prior` pseudo-counts (a Dirichlet prior centred on initialM) keep
 * m sensible when there are few candidate pairs. `fields` limits the model to some fields: pairs
 * found by a blocking rule agree on the rule's fields whether they match or not, so (as Splink
 * does) those fields are left out of the EM run on that rule's pairs. `fixedM` fixes m and
 * estimates λ only.
 */
export function estimateM(
  pairs: readonly Levels[],
  u: Probabilities,
  opts: { maxIterations?: number; tolerance?: number; lambda?: number; prior?: number; fields?: readonly LinkField[]; fixedM?: Probabilities } = {},
): EmResult {
  const maxIt = opts.maxIterations ?? 100;
  const tol = opts.tolerance ?? 1e-5;
  const prior = opts.prior ?? 2;
  const fields = opts.fields ?? FIELDS;
  let lambda = opts.lambda ?? 0.1;
  let m = opts.fixedM ?? initialM();
  const m0 = initialM();
  if (pairs.length === 0) return { model: { lambda, m, u }, iterations: 0, converged: true };
  // Pairs with the same levels have the same posterior: EM runs over the distinct patterns (a few
  // hundred at most), each counted as often as it occurs.
  const { levels, count } = patterns(pairs);
  const g = new Float64Array(levels.length);
  for (let it = 1; it <= maxIt; it++) {
    // E: posterior match probability of each pattern.
    let gsum = 0;
    for (let i = 0; i < levels.length; i++) {
      let lm = Math.log(lambda);
      let lu = Math.log(1 - lambda);
      for (const f of fields) {
        const l = levels[i][f];
        if (l === null) continue;
        lm += Math.log(m[f][l]);
        lu += Math.log(u[f][l]);
      }
      g[i] = 1 / (1 + Math.exp(lu - lm));
      gsum += count[i] * g[i];
    }
    const nextLambdaOnly = Math.min(0.999, Math.max(1e-6, gsum / pairs.length));
    if (opts.fixedM) {
      const d = Math.abs(nextLambdaOnly - lambda);
      lambda = nextLambdaOnly;
      if (d < tol) return { model: { lambda, m, u }, iterations: it, converged: true };
      continue;
    }
    // M: expected level frequencies among matches.
    const next = table((f, k) => prior * m0[f][k]);
    for (let i = 0; i < levels.length; i++) for (const f of fields) if (levels[i][f] !== null) next[f][levels[i][f]!] += count[i] * g[i];
    let delta = 0;
    for (const f of fields) {
      const s = next[f].reduce((a, b) => a + b, 0);
      for (let k = 0; k < LEVELS[f]; k++) {
        next[f][k] /= s;
        delta = Math.max(delta, Math.abs(next[f][k] - m[f][k]));
      }
    }
    for (const f of FIELDS) if (!fields.includes(f)) next[f] = m[f];
    const nextLambda = nextLambdaOnly;
    delta = Math.max(delta, Math.abs(nextLambda - lambda));
    m = next;
    lambda = nextLambda;
    if (delta < tol) return { model: { lambda, m, u }, iterations: it, converged: true };
  }
  return { model: { lambda, m, u }, iterations: maxIt, converged: false };
}

/** The distinct level patterns among `pairs` and how often each occurs. */
function patterns(pairs: readonly Levels[]): { levels: Levels[]; count: Float64Array } {
  const index = new Map<string, number>();
  const levels: Levels[] = [];
  const counts: number[] = [];
  for (const p of pairs) {
    let key = '';
    for (const f of FIELDS) key += `${p[f] ?? '-'},`;
    const i = index.get(key);
    if (i === undefined) {
      index.set(key, levels.length);
      levels.push(p);
      counts.push(1);
    } else counts[i]++;
  }
  return { levels, count: Float64Array.from(counts) };
}

export interface Weight {
  /** total match weight in bits: prior log-odds plus every field's log2(m/u) */
  total: number;
  parts: Record<LinkField, number>;
  /** posterior match probability */
  probability: number;
}

/**
 * Match weight of a pair. `surnameFrequency` is the agreeing surname's share of all persons: it
 * replaces u for an exact surname agreement (term-frequency adjustment).
 */
export function matchWeight(levels: Levels, model: Model, surnameFrequency?: number): Weight {
  const parts = {} as Record<LinkField, number>;
  let total = Math.log2(model.lambda / (1 - model.lambda));
  for (const f of FIELDS) {
    const l = levels[f];
    if (l === null) {
      parts[f] = 0;
      continue;
    }
    let u = model.u[f][l];
    if (f === 'surname' && l === LEVELS.surname - 1 && surnameFrequency !== undefined && surnameFrequency > 0) u = Math.max(surnameFrequency, 1e-6);
    parts[f] = Math.log2(model.m[f][l] / u);
    total += parts[f];
  }
  return { total, parts, probability: 1 / (1 + 2 ** -total) };
}
