/**
 * Middle-income group (中等收入群体) share.
 *
 * NBS (2019, 2018 prices): a household of three with an annual income of 100,000–500,000 元. The band
 * applies to a reference household size; how other sizes compare is a setting:
 *   - 'per-capita' (default): per-capita income against band / referenceSize
 *     (33,333–166,667 元 per person for the default band);
 *   - 'equivalence': household income / sqrt(size) against band / sqrt(referenceSize)
 *     (the OECD square-root scale);
 *   - 'household': household income against the band, whatever the size.
 * The band is in `priceYear` prices; `priceFactor` (CPI of the data year / CPI of the price year)
 * moves it to the data year. A household is middle-income when lower <= income < upper.
 * The share is of persons (each household weighted by weight × size) unless unit = 'household'.
 */
export interface MiddleIncomeSettings {
  lower: number;
  upper: number;
  referenceSize: number;
  convention: 'per-capita' | 'equivalence' | 'household';
  unit: 'person' | 'household';
  priceYear: number;
  priceFactor: number;
}

export const NBS_MIDDLE_INCOME: MiddleIncomeSettings = {
  lower: 100_000,
  upper: 500_000,
  referenceSize: 3,
  convention: 'per-capita',
  unit: 'person',
  priceYear: 2018,
  priceFactor: 1,
};

export interface HouseholdIncomes {
  /** Household annual disposable income (元). */
  income: Float64Array;
  /** Resident members. */
  size: Float64Array;
  /** Household weight (default 1). */
  weight?: Float64Array;
}

export interface MiddleIncomeResult {
  share: number;
  below: number;
  above: number;
  /** The band actually applied to each convention's comparable income. */
  comparableLower: number;
  comparableUpper: number;
}

export function middleIncomeShare(h: HouseholdIncomes, settings: Partial<MiddleIncomeSettings> = {}): MiddleIncomeResult {
  const s = { ...NBS_MIDDLE_INCOME, ...settings };
  if (!(s.lower < s.upper)) throw new RangeError('middle-income band: lower must be below upper');
  if (!(s.referenceSize > 0)) throw new RangeError('reference household size must be positive');
  const scale =
    s.convention === 'per-capita' ? s.referenceSize : s.convention === 'equivalence' ? Math.sqrt(s.referenceSize) : 1;
  const lo = (s.lower * s.priceFactor) / scale;
  const hi = (s.upper * s.priceFactor) / scale;
  let total = 0;
  let mid = 0;
  let below = 0;
  for (let i = 0; i < h.income.length; i++) {
    const m = h.size[i];
    if (!(m > 0)) throw new RangeError(`household ${i + 1}: size must be positive`);
    const x =
      s.convention === 'per-capita' ? h.income[i] / m : s.convention === 'equivalence' ? h.income[i] / Math.sqrt(m) : h.income[i];
    const wt = (h.weight ? h.weight[i] : 1) * (s.unit === 'person' ? m : 1);
    total += wt;
    if (x < lo) below += wt;
    else if (x < hi) mid += wt;
  }
  return {
    share: mid / total,
    below: below / total,
    above: (total - mid - below) / total,
    comparableLower: lo,
    comparableUpper: hi,
  };
}
