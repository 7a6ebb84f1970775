import { betaIncomplete, lbeta } from './special.js';

/**
 * Lorenz curves fitted to grouped data (quintile or decile shares), as the World Bank's PovcalNet /
 * PIP does (Datt 1998, "Computational tools for poverty measurement and analysis", FCND DP 50):
 *
 *  General Quadratic (Villaseñor & Arnold 1989): L(1 − L) = a(p² − L) + bL(p − 1) + c(p − L),
 *    estimated by OLS without intercept on the points except (1, 1);
 *  Beta (Kakwani 1980): L(p) = p − θ p^γ (1 − p)^δ, OLS of ln(p − L) on ln p and ln(1 − p).
 *
 * Gini, headcount, poverty gap and severity at a line z follow from the fitted parameters in closed
 * form (Datt's Table 2); each fit reports whether it passes the World Bank's validity checks. `fitLorenz` returns both and picks the one PovcalNet would use: among valid fits, the one with
 * the smaller sum of squared residuals of L (over all points for the Gini; over the points up to the
 * headcount for poverty).
 */
export interface GroupedData {
  /** Cumulative population shares, ascending, in (0, 1]. */
  p: number[];
  /** Cumulative income shares at p. */
  l: number[];
  /** Mean income (needed for poverty measures). */
  mean: number;
}

export interface LorenzFit {
  model: 'GQ' | 'Beta';
  params: Record<string, number>;
  valid: boolean;
  /** Σ (L_fit(p_i) − L_i)² over all points. */
  sse: number;
  gini: number;
  L: (p: number) => number;
  /** L'(p) */
  slope: (p: number) => number;
  /** L''(p) */
  curvature: (p: number) => number;
  poverty: (line: number) => { headcount: number; gap: number; severity: number };
}

/** Cumulative shares from group means and population shares (equal groups by default). */
export function groupedFromMeans(means: number[], populationShares?: number[]): GroupedData {
  const k = means.length;
  const pop = populationShares ?? means.map(() => 1 / k);
  const total = means.reduce((s, m, i) => s + m * pop[i], 0);
  const p: number[] = [];
  const l: number[] = [];
  let cp = 0;
  let cl = 0;
  for (let i = 0; i < k; i++) {
    cp += pop[i];
    cl += (means[i] * pop[i]) / total;
    p.push(cp);
    l.push(cl);
  }
  p[k - 1] = 1;
  l[k - 1] = 1;
  return { p, l, mean: total / pop.reduce((a, b) => a + b, 0) };
}

/** OLS without intercept: coefficients of y on the columns xs. */
function ols(xs: number[][], y: number[]): number[] {
  const k = xs.length;
  const A = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => xs[i].reduce((s, v, t) => s + v * xs[j][t], 0)));
  const b = xs.map((x) => x.reduce((s, v, t) => s + v * y[t], 0));
  // Gaussian elimination with partial pivoting
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    [A[c], A[piv]] = [A[piv], A[c]];
    [b[c], b[piv]] = [b[piv], b[c]];
    for (let r = c + 1; r < k; r++) {
      const f = A[r][c] / A[c][c];
      for (let j = c; j < k; j++) A[r][j] -= f * A[c][j];
      b[r] -= f * b[c];
    }
  }
  const x = new Array<number>(k).fill(0);
  for (let r = k - 1; r >= 0; r--) {
    let s = b[r];
    for (let j = r + 1; j < k; j++) s -= A[r][j] * x[j];
    x[r] = s / A[r][r];
  }
  return x;
}

function interior(g: GroupedData): { p: number[]; l: number[] } {
  const p: number[] = [];
  const l: number[] = [];
  g.p.forEach((pi, i) => {
    if (pi > 0 && pi < 1) {
      p.push(pi);
      l.push(g.l[i]);
    }
  });
  if (p.length < 3) throw new RangeError('a Lorenz fit needs at least 3 points strictly between 0 and 1');
  return { p, l };
}

function sseOf(g: GroupedData, L: (p: number) => number, upTo = 1): number {
  let s = 0;
  g.p.forEach((pi, i) => {
    if (pi <= upTo) s += (L(pi) - g.l[i]) ** 2;
  });
  return s;
}

export function fitGQ(g: GroupedData): LorenzFit {
  const { p, l } = interior(g);
  const y = l.map((li) => li * (1 - li));
  const x1 = p.map((pi, i) => pi * pi - l[i]);
  const x2 = p.map((pi, i) => l[i] * (pi - 1));
  const x3 = p.map((pi, i) => pi - l[i]);
  const [a, b, c] = ols([x1, x2, x3], y);
  const e = -(a + b + c + 1);
  const m = b * b - 4 * a;
  const n = 2 * b * e - 4 * c;
  const r = Math.sqrt(n * n - 4 * m * e * e);
  const s1 = (r - n) / (2 * m);
  const s2 = -(r + n) / (2 * m);
  // The fitted conic need not pass exactly through (1, 1): L(1) = min(1, a + c). It is used as fitted.
  const Q = (q: number) => Math.max(0, m * q * q + n * q + e * e);
  const L = (q: number) => (q <= 0 ? 0 : -0.5 * (b * q + e + Math.sqrt(Q(q))));
  const slope = (q: number) => -b / 2 - (2 * m * q + n) / (4 * Math.sqrt(Q(q)));
  const curvature = (q: number) => (r * r) / (8 * Q(q) ** 1.5);
  // G = 1 − 2∫L = 1 + b/2 + e + ∫_0^1 √Q, with √Q(1) = |a + c − 1| and √Q(0) = |e| (Datt 1998, in the
  // general form that does not assume a + c >= 1, as PIP computes it)
  const e1 = Math.abs(a + c - 1);
  const base = 1 + b / 2 + e + ((2 * m + n) / (4 * m)) * e1 - (n * Math.abs(e)) / (4 * m);
  let gini: number;
  if (m < 0) {
    const s1c = Math.min(1, Math.max(-1, (2 * m + n) / r));
    gini = base + ((r * r) / (8 * m)) * (Math.asin(s1c) - Math.asin(n / r)) / Math.sqrt(-m);
  } else {
    gini =
      base -
      ((r * r) / (8 * Math.sqrt(m) ** 3)) * Math.log(Math.abs((2 * m + n + 2 * Math.sqrt(m) * e1) / (n + 2 * Math.sqrt(m) * Math.abs(e))));
  }
  // PIP's check (Datt 1998 section 4): e < 0, c >= 0, convexity conditions on m and n, and a + c >= 0.9
  const normal =
    e <= 0 &&
    c >= 0 &&
    (m < 0 || (m > 0 && m < (n * n) / (4 * e * e) && n >= 0) || (m > 0 && m < -n / 2 && m < (n * n) / (4 * e * e)));
  const valid = normal && a + c >= 0.9;
  const poverty = (line: number) => {
    const zm = line / g.mean;
    const bz = b + 2 * zm;
    let H = -(1 / (2 * m)) * (n + (r * bz) / Math.sqrt(bz * bz - m));
    H = Math.min(1, Math.max(0, H));
    const LH = L(H);
    const gap = H - LH / zm;
    const severity = 2 * gap - H - (1 / (zm * zm)) * (a * H + b * LH - (r / 16) * Math.log((1 - H / s1) / (1 - H / s2)));
    return { headcount: H, gap, severity };
  };
  return { model: 'GQ', params: { a, b, c, e, m, n, r }, valid, sse: sseOf(g, L), gini, L, slope, curvature, poverty };
}

export function fitBeta(g: GroupedData): LorenzFit {
  const { p, l } = interior(g);
  const y = p.map((pi, i) => Math.log(pi - l[i]));
  const [c0, gamma, delta] = ols([p.map(() => 1), p.map(Math.log), p.map((pi) => Math.log(1 - pi))], y);
  const theta = Math.exp(c0);
  const L = (q: number) => (q <= 0 ? 0 : q >= 1 ? 1 : q - theta * q ** gamma * (1 - q) ** delta);
  const slope = (q: number) => 1 - theta * q ** gamma * (1 - q) ** delta * (gamma / q - delta / (1 - q));
  const curvature = (q: number) =>
    theta * q ** gamma * (1 - q) ** delta * ((gamma * (1 - gamma)) / (q * q) + (2 * gamma * delta) / (q * (1 - q)) + (delta * (1 - delta)) / ((1 - q) ** 2));
  const gini = 2 * theta * Math.exp(lbeta(1 + gamma, 1 + delta));
  // PIP's check: non-negative slope at 0.001 and 0.051, non-negative curvature on 0.001, 0.051, …, 0.951
  let valid = theta > 0 && slope(0.001) >= 0 && slope(0.051) >= 0;
  for (let q = 0.001; valid && q < 0.999; q += 0.05) valid = curvature(q) >= 0;
  const poverty = (line: number) => {
    const zm = line / g.mean;
    // L' is increasing on a valid curve: bisect L'(H) = z/μ
    let lo = 1e-15;
    let hi = 1 - 1e-15;
    if (slope(lo) >= zm) return { headcount: 0, gap: 0, severity: 0 };
    if (slope(hi) <= zm) hi = 1;
    for (let i = 0; i < 200 && hi - lo > 1e-16; i++) {
      const mid = (lo + hi) / 2;
      if (slope(mid) < zm) lo = mid;
      else hi = mid;
    }
    const H = (lo + hi) / 2;
    const gap = H - L(H) / zm;
    const k = 1 - 1 / zm; // 1 − μ/z
    const severity =
      k * (2 * gap - k * H) +
      ((theta * theta) / (zm * zm)) *
        (gamma * gamma * betaIncomplete(H, 2 * gamma - 1, 2 * delta + 1) -
          2 * gamma * delta * betaIncomplete(H, 2 * gamma, 2 * delta) +
          delta * delta * betaIncomplete(H, 2 * gamma + 1, 2 * delta - 1));
    return { headcount: H, gap, severity };
  };
  return { model: 'Beta', params: { theta, gamma, delta }, valid, sse: sseOf(g, L), gini, L, slope, curvature, poverty };
}

export interface GroupedResult {
  gq: LorenzFit;
  beta: LorenzFit;
  /** Model used for distribution statistics (Gini), or null if neither fit is valid. */
  distributionModel: LorenzFit | null;
  gini: number;
  /** Poverty at the line, from the model chosen for poverty. */
  poverty?: { model: 'GQ' | 'Beta'; headcount: number; gap: number; severity: number };
}

export function fitLorenz(g: GroupedData, line?: number): GroupedResult {
  const gq = fitGQ(g);
  const beta = fitBeta(g);
  const valid = [gq, beta].filter((f) => f.valid && Number.isFinite(f.gini));
  const distributionModel = valid.length === 0 ? null : valid.reduce((x, y) => (y.sse < x.sse ? y : x));
  const out: GroupedResult = { gq, beta, distributionModel, gini: distributionModel ? distributionModel.gini : NaN };
  if (line !== undefined && valid.length > 0) {
    const scored = valid.map((f) => {
      const pov = f.poverty(line);
      return { f, pov, sse: sseOf(g, f.L, Math.max(pov.headcount, g.p[0])) };
    });
    const best = scored.reduce((x, y) => (y.sse < x.sse ? y : x));
    out.poverty = { model: best.f.model, ...best.pov };
  }
  return out;
}
