/**
 * Job referral records → the run of consecutive unjustified refusals at the start of a year and at
 * the end of each month, the inputs of the 低保 sanction. A refusal with a valid reason or an
 * accepted job ends the run; a no-show counts as a refusal when the setting says so.
 */
export const REFERRAL_OUTCOME = { accepted: 1, refused_with_reason: 2, refused_without_reason: 3, no_show: 4 } as const;
export type ReferralOutcome = keyof typeof REFERRAL_OUTCOME;

export interface RefusalStreaks {
  initial: number;
  /** 12 values: the run at the end of each month */
  monthly: number[];
}

/** `dates` yyyymmdd and `outcomes` (REFERRAL_OUTCOME codes) of one person, in date order. */
export function refusalStreaks(dates: ArrayLike<number>, outcomes: ArrayLike<number>, year: number, countNoShow: boolean): RefusalStreaks {
  let run = 0;
  let i = 0;
  const n = dates.length;
  const apply = (o: number) => {
    if (o === REFERRAL_OUTCOME.refused_without_reason || (o === REFERRAL_OUTCOME.no_show && countNoShow)) run++;
    else if (o === REFERRAL_OUTCOME.accepted || o === REFERRAL_OUTCOME.refused_with_reason) run = 0;
  };
  const start = year * 10000;
  while (i < n && dates[i] < start) apply(outcomes[i++]);
  const initial = run;
  const monthly = new Array<number>(12);
  for (let m = 1; m <= 12; m++) {
    const end = start + (m + 1) * 100;
    while (i < n && dates[i] < end) apply(outcomes[i++]);
    monthly[m - 1] = run;
  }
  return { initial, monthly };
}
