/**
 * Poverty measures at a line z. A unit is poor when its income is strictly below the line
 * (World Bank PIP convention). Order does not matter, so any (y, w) arrays work.
 *
 *   FGT(α) = (1/N) Σ_{y<z} w·((z − y)/z)^α   (α = 0 headcount, 1 poverty gap, 2 severity)
 *   Watts  = (1/N) Σ_{y<z} w·ln(z/y)          (infinite if a poor unit has zero or negative income)
 */
export interface WeightedValues {
  y: Float64Array;
  w: Float64Array;
}

function checkLine(z: number) {
  if (!(z > 0) || !Number.isFinite(z)) throw new RangeError('the poverty line must be a positive number');
}

export function fgt(s: WeightedValues, z: number, alpha: number): number {
  checkLine(z);
  if (!(alpha >= 0)) throw new RangeError('FGT alpha must be >= 0');
  const { y, w } = s;
  let N = 0;
  let acc = 0;
  for (let i = 0; i < y.length; i++) {
    N += w[i];
    if (y[i] < z) {
      const g = (z - y[i]) / z;
      acc += w[i] * (alpha === 0 ? 1 : alpha === 1 ? g : alpha === 2 ? g * g : Math.pow(g, alpha));
    }
  }
  return acc / N;
}

export function watts(s: WeightedValues, z: number): number {
  checkLine(z);
  const { y, w } = s;
  let N = 0;
  let acc = 0;
  for (let i = 0; i < y.length; i++) {
    N += w[i];
    if (y[i] < z && w[i] > 0) acc += y[i] > 0 ? w[i] * Math.log(z / y[i]) : Infinity;
  }
  return acc / N;
}

export interface PovertyProfile {
  line: number;
  fgt0: number;
  fgt1: number;
  fgt2: number;
  watts: number;
}

/** All four measures in one pass. */
export function povertyProfile(s: WeightedValues, z: number): PovertyProfile {
  checkLine(z);
  const { y, w } = s;
  let N = 0;
  let h = 0;
  let g1 = 0;
  let g2 = 0;
  let wt = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w[i];
    N += wi;
    const yi = y[i];
    if (yi < z && wi > 0) {
      const g = (z - yi) / z;
      h += wi;
      g1 += wi * g;
      g2 += wi * g * g;
      wt += yi > 0 ? wi * Math.log(z / yi) : Infinity;
    }
  }
  return { line: z, fgt0: h / N, fgt1: g1 / N, fgt2: g2 / N, watts: wt / N };
}

/**
 * Relative poverty: the share below `fraction` × median (median by the "math" rule of quantile.ts,
 * passed in so that a sorted sample's median is computed once). Eurostat's at-risk-of-poverty rate
 * uses fraction 0.6.
 */
export function relativePoverty(s: WeightedValues, median: number, fraction = 0.6): { line: number; headcount: number } {
  if (!(fraction > 0)) throw new RangeError('fraction of the median must be positive');
  const line = fraction * median;
  return { line, headcount: fgt(s, line, 0) };
}
