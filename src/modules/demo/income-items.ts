/**
 * Income items (NBS components), in fen per member per month, and helpers over item vectors.
 */

/** Items, in fen per member per month. Household-level items sit on the head's row. */
export const ITEM = {
  /** 工资性收入 (regular wages plus year-end bonus) */
  wage: 0,
  /** 经营净收入 */
  business: 1,
  /** 财产性收入: interest */
  interest: 2,
  /** dividends */
  dividends: 3,
  /** rent received from dwellings let out */
  rent: 4,
  /** 自有住房折算净租金 (imputed net rent of owner-occupied housing) */
  imputedRent: 5,
  /** 财产性支出: housing-loan interest */
  propertyExpense: 6,
  /** 养老金或离退休金 (employee pension or resident basic pension) */
  pension: 7,
  /** 最低生活保障金 */
  dibao: 8,
  /** 政策性生产补贴 and other public subsidies */
  subsidies: 9,
  /** support from relatives elsewhere and other transfers received */
  otherTransfers: 10,
  /** 转移性支出: personal income tax */
  iit: 11,
  /** 转移性支出: social insurance and housing provident fund paid by the person */
  socialInsurance: 12,
} as const;
export const ITEM_KEYS = [
  'wage', 'business', 'interest', 'dividends', 'rent', 'imputed_rent', 'property_expense',
  'pension', 'dibao', 'subsidies', 'other_transfers', 'iit', 'social_insurance',
] as const;
export const NI = ITEM_KEYS.length;
export const MAX_MEMBERS = 8;

/** Disposable income of one item vector (fen): market + net property + net transfers. */
export function disposable(v: Float64Array, o: number): number {
  return (
    v[o] + v[o + 1] + v[o + 2] + v[o + 3] + v[o + 4] + v[o + 5] - v[o + 6] +
    v[o + 7] + v[o + 8] + v[o + 9] + v[o + 10] - v[o + 11] - v[o + 12]
  );
}

/** Splits an annual amount (fen) over months with weights, integer fen summing exactly to the total. */
export function splitByWeights(total: number, weights: ArrayLike<number>, out: Float64Array, offset: number, stride: number, item: number): void {
  let wsum = 0;
  for (let m = 0; m < 12; m++) wsum += weights[m];
  if (wsum <= 0 || total === 0) return;
  let cum = 0;
  let given = 0;
  for (let m = 0; m < 12; m++) {
    cum += weights[m];
    const upTo = Math.round((total * cum) / wsum);
    out[offset + m * stride + item] += upTo - given;
    given = upTo;
  }
}
