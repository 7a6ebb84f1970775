import { DesignError, type CalibrationStep, type SurveyDesign } from './design.js';
import { qr, qrResidual, type QR } from './linalg.js';

/**
 * Variance of an estimated total Σ z_i, where z_i is a row's linearised score already multiplied by
 * its weight (R's x/prob), by the ultimate-cluster formula of survey::svyrecvar with one stage:
 *
 *   V = Σ_h f_h · n_h/(n_h − 1) · Σ_i (t_hi − t̄_h)²,   t_hi = Σ z over PSU i of stratum h,
 *
 * with f_h = (N_h − n_h)/N_h under an fpc (else 1), t̄_h the mean over all n_h PSUs of the stratum
 * (PSUs with no row in the domain count as zeros), and single-PSU strata per `lonelyPsu` exactly as
 * survey's onestrat/onestage: 'fail' stops, 'remove'/'certainty' contribute 0, 'adjust' centres at 0
 * (scale f_h), 'average' multiplies the sum by (strata present)/(strata with > 1 PSU).
 *
 * Domains follow subset(): for an uncalibrated design only rows in the domain take part (strata
 * without them are absent); for a calibrated design all rows stay, with zero scores outside.
 * Calibration steps first replace z by residuals, as svyrecvar does with design$postStrata.
 */
export function totalVariance(d: SurveyDesign, z: Float64Array, domain?: Uint8Array | null): number {
  if (z.length !== d.n) throw new DesignError('score length differs from the design');
  let x = z;
  let rows = domain ?? null;
  if (d.calibration.length > 0) {
    x = residualize(d, z);
    rows = null;
  }
  const psuTotal = new Float64Array(d.nPsu);
  const psuPresent = new Uint8Array(d.nPsu);
  const stratumPresent = new Uint8Array(d.nStrata);
  for (let i = 0; i < d.n; i++) {
    if (rows && !rows[i]) continue;
    const p = d.psu[i];
    psuTotal[p] += x[i];
    psuPresent[p] = 1;
    stratumPresent[d.stratum[i]] = 1;
  }
  const sum = new Float64Array(d.nStrata);
  const nSub = new Int32Array(d.nStrata);
  const psuStratum = new Int32Array(d.nPsu);
  for (let i = 0; i < d.n; i++) psuStratum[d.psu[i]] = d.stratum[i];
  for (let p = 0; p < d.nPsu; p++) {
    if (!psuPresent[p]) continue;
    sum[psuStratum[p]] += psuTotal[p];
    nSub[psuStratum[p]]++;
  }
  const ss = new Float64Array(d.nStrata);
  for (let p = 0; p < d.nPsu; p++) {
    if (!psuPresent[p]) continue;
    const h = psuStratum[p];
    const dev = psuTotal[p] - sum[h] / Math.max(d.psuCount[h], nSub[h]);
    ss[h] += dev * dev;
  }
  let v = 0;
  let nstrat = 0;
  let nok = 0;
  for (let h = 0; h < d.nStrata; h++) {
    if (!stratumPresent[h]) continue;
    nstrat++;
    const nPSU = d.psuCount[h];
    const f = d.popSize ? (d.popSize[h] === Infinity ? 1 : (d.popSize[h] - nPSU) / d.popSize[h]) : 1;
    if (f < 1e-7) {
      nok++; // self-representing stratum: no variance, and not a lonely one
      continue;
    }
    const mean = sum[h] / Math.max(nPSU, nSub[h]);
    // padded PSUs (in the design, not in the domain) are zeros: each adds mean²
    const pad = Math.max(0, nPSU - nSub[h]);
    const centred = ss[h] + pad * mean * mean;
    if (nPSU > 1) {
      v += ((f * nPSU) / (nPSU - 1)) * centred;
      nok++;
      continue;
    }
    switch (d.lonelyPsu) {
      case 'fail':
        throw new DesignError(`Stratum (${d.stratumLabels[h]}) has only one PSU at stage 1`);
      case 'certainty':
      case 'remove':
        v += f * centred; // a single PSU centred on itself: 0
        nok++;
        break;
      case 'adjust': {
        // not centred: deviations from zero (the population mean of a score)
        let raw = 0;
        for (let p = 0; p < d.nPsu; p++) if (psuPresent[p] && psuStratum[p] === h) raw += psuTotal[p] * psuTotal[p];
        v += f * raw;
        nok++;
        break;
      }
      case 'average':
        break; // NA in R: left out, the total is rescaled below
    }
  }
  return nok === 0 ? NaN : (v * nstrat) / nok;
}

const factorCache = new WeakMap<CalibrationStep, QR>();

/** Replaces scores by residuals of each calibration step, in order (svyrecvar's postStrata loop). */
export function residualize(d: SurveyDesign, z: Float64Array): Float64Array {
  let x: Float64Array = new Float64Array(z);
  for (const step of d.calibration) {
    if (step.kind === 'poststrata') {
      const k = maxCode(step.group) + 1;
      const num = new Float64Array(k);
      const den = new Float64Array(k);
      for (let i = 0; i < d.n; i++) {
        let psw = step.weights[i];
        const oldw = step.oldWeights[i];
        if (psw === 0 && oldw === 0) psw = 1;
        num[step.group[i]] += (x[i] * oldw) / psw;
        den[step.group[i]] += oldw;
      }
      for (let i = 0; i < d.n; i++) {
        let psw = step.weights[i];
        if (psw === 0 && step.oldWeights[i] === 0) psw = 1;
        const g = step.group[i];
        x[i] -= (num[g] / den[g]) * psw;
      }
    } else if (step.kind === 'raking') {
      for (let iter = 0; iter < 10; iter++) {
        for (const m of step.margins) {
          const k = maxCode(m.group) + 1;
          const sum = new Float64Array(k);
          const cnt = new Float64Array(k);
          for (let i = 0; i < d.n; i++) {
            sum[m.group[i]] += x[i] / m.weights[i];
            cnt[m.group[i]]++;
          }
          for (let i = 0; i < d.n; i++) x[i] -= m.weights[i] * (sum[m.group[i]] / cnt[m.group[i]]);
        }
      }
    } else {
      let f = factorCache.get(step);
      if (!f) {
        const a = new Float64Array(step.x.length);
        for (let j = 0; j < step.p; j++) for (let i = 0; i < d.n; i++) a[j * d.n + i] = step.x[j * d.n + i] * step.sqrtW[i];
        f = qr(a, d.n, step.p);
        factorCache.set(step, f);
      }
      const r = new Float64Array(d.n);
      for (let i = 0; i < d.n; i++) r[i] = x[i] / step.w[i];
      const e = qrResidual(f, r);
      for (let i = 0; i < d.n; i++) e[i] *= step.w[i];
      x = e;
    }
  }
  return x;
}

function maxCode(a: Int32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i];
  return m;
}
