/**
 * Least squares by Householder QR, for calibration (residuals of the calibration regression, as R's
 * qr.resid) and for solving small systems. Matrices are column-major Float64Arrays.
 */
export interface QR {
  n: number;
  /** Columns kept (full rank subset, in order). */
  cols: number[];
  /** Householder vectors, one per kept column (length n, zero above the diagonal). */
  v: Float64Array[];
}

/**
 * QR of the n × p matrix `a` (column-major). A column whose remaining norm is below `tol` times its
 * original norm is dropped as collinear (R's dqrdc2 pivots such columns out with tol = 1e-7).
 */
export function qr(a: Float64Array, n: number, p: number, tol = 1e-7): QR {
  const work = new Float64Array(a);
  const v: Float64Array[] = [];
  const cols: number[] = [];
  for (let j = 0; j < p; j++) {
    const col = work.subarray(j * n, (j + 1) * n);
    // apply previous reflections to this column
    let orig = 0;
    for (let i = 0; i < n; i++) orig += col[i] * col[i];
    orig = Math.sqrt(orig);
    for (const h of v) applyReflection(h, col, n);
    const k = v.length; // row index of the new pivot
    let norm = 0;
    for (let i = k; i < n; i++) norm += col[i] * col[i];
    norm = Math.sqrt(norm);
    if (norm <= tol * orig || norm === 0 || k >= n) continue;
    const h = new Float64Array(n);
    const alpha = col[k] > 0 ? -norm : norm;
    h[k] = col[k] - alpha;
    for (let i = k + 1; i < n; i++) h[i] = col[i];
    let hn = 0;
    for (let i = k; i < n; i++) hn += h[i] * h[i];
    hn = Math.sqrt(hn);
    if (hn === 0) continue;
    for (let i = k; i < n; i++) h[i] /= hn;
    v.push(h);
    cols.push(j);
  }
  return { n, cols, v };
}

function applyReflection(h: Float64Array, x: Float64Array, n: number) {
  let dot = 0;
  for (let i = 0; i < n; i++) dot += h[i] * x[i];
  if (dot === 0) return;
  dot *= 2;
  for (let i = 0; i < n; i++) x[i] -= dot * h[i];
}

/** Residual of y after least-squares projection on the columns of the factorised matrix. */
export function qrResidual(f: QR, y: Float64Array): Float64Array {
  const r = new Float64Array(y);
  for (const h of f.v) applyReflection(h, r, f.n);
  // zero the fitted part (first k coordinates), then transform back
  for (let i = 0; i < f.v.length; i++) r[i] = 0;
  for (let j = f.v.length - 1; j >= 0; j--) applyReflection(f.v[j], r, f.n);
  return r;
}

/** Solves the symmetric positive (semi)definite p × p system A x = b (row-major A) by Gaussian elimination with pivoting. */
export function solve(A: Float64Array, b: Float64Array, p: number): Float64Array {
  const m = new Float64Array(A);
  const x = new Float64Array(b);
  const perm = Array.from({ length: p }, (_, i) => i);
  for (let c = 0; c < p; c++) {
    let best = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(m[perm[r] * p + c]) > Math.abs(m[perm[best] * p + c])) best = r;
    [perm[c], perm[best]] = [perm[best], perm[c]];
    const pr = perm[c];
    const piv = m[pr * p + c];
    if (Math.abs(piv) < 1e-300) throw new RangeError('singular system in calibration');
    for (let r = c + 1; r < p; r++) {
      const rr = perm[r];
      const f = m[rr * p + c] / piv;
      if (f === 0) continue;
      for (let k = c; k < p; k++) m[rr * p + k] -= f * m[pr * p + k];
      x[rr] -= f * x[pr];
    }
  }
  const out = new Float64Array(p);
  for (let c = p - 1; c >= 0; c--) {
    const pr = perm[c];
    let s = x[pr];
    for (let k = c + 1; k < p; k++) s -= m[pr * p + k] * out[k];
    out[c] = s / m[pr * p + c];
  }
  return out;
}
