/**
 * Special functions needed by the statistics: log-gamma, incomplete beta, the normal and Student t
 * quantiles (for confidence intervals, to R's precision), and numerical integration.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; relative error ~1e-15). */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  x -= 1;
  let a = LANCZOS[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Stirling remainder lgamma(x) − [(x − ½)ln x − x + ½ln 2π], x >= 10. */
function lgammacor(x: number): number {
  const x2 = 1 / (x * x);
  return (1 / x) * (1 / 12 - x2 * (1 / 360 - x2 * (1 / 1260 - x2 * (1 / 1680 - x2 * (1 / 1188)))));
}

/** ln B(a, b), without the cancellation of lgamma differences for large arguments (as R's lbeta). */
export function lbeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    const corr = lgammacor(p) + lgammacor(q) - lgammacor(p + q);
    return -0.5 * Math.log(q) + 0.5 * Math.log(2 * Math.PI) + corr + (p - 0.5) * Math.log(p / (p + q)) + q * Math.log1p(-p / (p + q));
  }
  if (q >= 10) {
    const corr = lgammacor(q) - lgammacor(p + q);
    return lgamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/** Continued fraction for the regularized incomplete beta (modified Lentz). */
function betacf(x: number, a: number, b: number): number {
  const TINY = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b), a, b > 0. */
export function betaRegularized(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - lbeta(a, b));
  if (x < (a + 1) / (a + b + 2)) return (front * betacf(x, a, b)) / a;
  return 1 - (front * betacf(1 - x, b, a)) / b;
}

/**
 * Incomplete beta integral B(x; a, b) = ∫_0^x p^(a−1) (1−p)^(b−1) dp for 0 <= x < 1, a > 0 and any b
 * (the Beta Lorenz curve needs b <= 0 too). Series x^a Σ (1−b)_n x^n / (n! (a+n)).
 * Infinite when a <= 0 (the integrand is not integrable at 0).
 */
export function betaIncomplete(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (!(a > 0)) return Infinity;
  if (x >= 1) return b > 0 ? Math.exp(lbeta(a, b)) : Infinity;
  if (b > 0 && x > 0.5) return Math.exp(lbeta(a, b)) * betaRegularized(x, a, b);
  let term = 1; // (1-b)_n x^n / n!
  let sum = 1 / a;
  for (let n = 1; n < 100000; n++) {
    term *= ((n - b) * x) / n;
    const add = term / (a + n);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return Math.pow(x, a) * sum;
}

/** Standard normal quantile (Wichura, AS 241; relative accuracy ~1e-16), as R's qnorm. */
export function qnorm(p: number): number {
  if (p <= 0) return p === 0 ? -Infinity : NaN;
  if (p >= 1) return p === 1 ? Infinity : NaN;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
          133.14166789178437745) * r + 3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
        42.313330701600911252) * r + 1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
        4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
        2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    val =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
        5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
        0.59983220655588793769) * r + 1);
  }
  return q < 0 ? -val : val;
}

/** Student t distribution function P(T <= t) with df degrees of freedom (df = Infinity: normal). */
export function pt(t: number, df: number): number {
  if (df === Infinity) return 0.5 * erfc(-t / Math.SQRT2);
  const x = df / (df + t * t);
  const tail = 0.5 * betaRegularized(x, df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

function dt(t: number, df: number): number {
  // Γ((ν+1)/2)/(Γ(ν/2)√(νπ)) = 1/(√ν B(ν/2, ½))
  return Math.exp(-lbeta(df / 2, 0.5) - 0.5 * Math.log(df) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** Student t quantile, refined by Newton steps on pt to near machine precision (df = Infinity: qnorm). */
export function qt(p: number, df: number): number {
  if (!(df > 0)) return NaN;
  if (df === Infinity || df > 1e7) return qnorm(p);
  if (p <= 0 || p >= 1) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  if (p === 0.5) return 0;
  // Work in the lower tail for accuracy, then reflect.
  const lower = p < 0.5;
  const pp = lower ? p : 1 - p;
  let t: number;
  if (df === 1) t = Math.tan(Math.PI * (pp - 0.5));
  else if (df === 2) t = (2 * pp - 1) / Math.sqrt(2 * pp * (1 - pp));
  else {
    // Cornish–Fisher start
    const z = qnorm(pp);
    const g1 = (z ** 3 + z) / 4;
    const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
    const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
    t = z + g1 / df + g2 / df ** 2 + g3 / df ** 3;
  }
  for (let i = 0; i < 50; i++) {
    const f = pt(t, df) - pp;
    const step = f / dt(t, df);
    t -= step;
    if (Math.abs(step) <= 1e-15 * Math.abs(t)) break;
  }
  return lower ? t : -t;
}

/** Complementary error function (Numerical Recipes erfc via Chebyshev, ~1.2e-7) refined where needed. */
function erfc(x: number): number {
  // high-precision via the incomplete gamma relation: erfc(x) = Q(1/2, x^2) for x >= 0
  if (x < 0) return 2 - erfc(-x);
  if (x === 0) return 1;
  return gammaQHalf(x * x);
}

/** Q(1/2, x) = Γ(1/2, x)/Γ(1/2), by series for small x and continued fraction otherwise. */
function gammaQHalf(x: number): number {
  const a = 0.5;
  const gln = lgamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let del = sum;
    let ap = a;
    for (let n = 0; n < 10000; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-17) break;
    }
    return 1 - sum * Math.exp(-x + a * Math.log(x) - gln);
  }
  const TINY = 1e-300;
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return Math.exp(-x + a * Math.log(x) - gln) * h;
}

/** ∫_a^b f by adaptive Gauss–Kronrod (7–15), to a relative tolerance. */
export function integrate(f: (x: number) => number, a: number, b: number, tol = 1e-12, depth = 0): number {
  const XK = [0.991455371120813, 0.949107912342759, 0.864864423359769, 0.741531185599394, 0.586087235467691, 0.405845151377397, 0.207784955007898, 0];
  const WK = [0.022935322010529, 0.063092092629979, 0.104790010322250, 0.140653259715525, 0.169004726639267, 0.190350578064785, 0.204432940075298, 0.209482141084728];
  const WG = [0.129484966168870, 0.279705391489277, 0.381830050505119, 0.417959183673469];
  const c = (a + b) / 2;
  const h = (b - a) / 2;
  let k = WK[7] * f(c);
  let g = WG[3] * f(c);
  for (let i = 0; i < 7; i++) {
    const dx = h * XK[i];
    const fs = f(c - dx) + f(c + dx);
    k += WK[i] * fs;
    if (i % 2 === 1) g += WG[(i - 1) / 2] * fs;
  }
  k *= h;
  g *= h;
  if (depth > 40 || Math.abs(k - g) <= tol * Math.max(Math.abs(k), 1e-300)) return k;
  return integrate(f, a, c, tol, depth + 1) + integrate(f, c, b, tol, depth + 1);
}
