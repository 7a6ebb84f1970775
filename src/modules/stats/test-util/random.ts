/** Seeded uniform random numbers for tests (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal distribution function (Abramowitz–Stegun 7.1.26 is too coarse; series / continued fraction). */
export function pnorm(x: number): number {
  const erf = (t: number): number => {
    if (Math.abs(t) < 3) {
      let sum = t;
      let term = t;
      for (let n = 1; n < 200; n++) {
        term *= (-t * t) / n;
        sum += term / (2 * n + 1);
      }
      return (2 / Math.sqrt(Math.PI)) * sum;
    }
    // continued fraction for erfc
    const a = Math.abs(t);
    let f = 0;
    for (let k = 60; k >= 1; k--) f = k / 2 / (a + f);
    return Math.sign(t) * (1 - Math.exp(-a * a) / Math.sqrt(Math.PI) / (a + f));
  };
  return 0.5 * (1 + erf(x / Math.SQRT2));
}
