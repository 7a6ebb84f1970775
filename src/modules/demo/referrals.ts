/**
 * Job referrals (就业推荐) for 低保 members able to work, from 2018 (the plan's 低保-employment link):
 * dated offers from enterprises in the same county with an offered wage and an outcome. About a fifth
 * of members are reluctant and often refuse without reason, so some reach the 3-refusal sanction.
 */
import { dayNumber, civilFromDays } from './dates.js';
import type { Geography } from './geography.js';
import { ableToWorkAge } from './key-groups.js';
import { MIN_WAGE, REFERRALS } from './params-income.js';
import { STATUS } from './params-population.js';
import { Rng, hashU01 } from './rng.js';
import { householdPresent, statusAt } from './status.js';
import { EMPLOYER_KIND, HOUSEHOLD_FLAG, type Employers, type Households, type Persons, type Referrals } from './types.js';

export const REFERRAL_OUTCOME = { accepted: 1, refusedWithReason: 2, refusedWithoutReason: 3, noShow: 4 } as const;
export const REFERRAL_OUTCOME_LABELS = ['', '接受', '有正当理由拒绝', '无正当理由拒绝', '未到岗'];

const ABLE_STATUS = new Set<number>([STATUS.employee, STATUS.selfEmployed, STATUS.farmer, STATUS.unemployed, STATUS.inactive]);

function poisson(r: Rng, lambda: number): number {
  const l = Math.exp(-lambda);
  let k = 0;
  let p = r.float();
  while (p > l) {
    k++;
    p *= r.float();
  }
  return k;
}

export function buildReferrals(geo: Geography, hh: Households, ps: Persons, em: Employers, seed: number, lastYear: number): Referrals {
  const r = new Rng(seed ^ 0x4ef3);
  const byCounty: number[][] = geo.counties.map(() => []);
  for (let e = 0; e < em.count; e++) if (em.kind[e] === EMPLOYER_KIND.enterprise) byCounty[em.county[e]].push(e);
  const person: number[] = [];
  const date: number[] = [];
  const employer: number[] = [];
  const wage: number[] = [];
  const outcome: number[] = [];
  for (let h = 0; h < hh.count; h++) {
    if (!(hh.flags[h] & HOUSEHOLD_FLAG.dibao)) continue;
    const county = geo.villages.county[hh.village[h]];
    const pool = byCounty[county].length ? byCounty[county] : byCounty.flat();
    for (let p = hh.first[h]; p < hh.first[h] + hh.size[h]; p++) {
      const reluctant = hashU01(seed, p, 0x3ef) < REFERRALS.reluctantShare;
      for (let y = Math.max(REFERRALS.fromYear, hh.dibaoFrom[h]); y <= Math.min(lastYear, hh.dibaoTo[h]); y++) {
        if (!householdPresent(hh, ps, h, y) || !ableToWorkAge(ps, p, y) || !ABLE_STATUS.has(statusAt(ps, p, y, 6))) continue;
        const n = poisson(r, REFERRALS.perYear);
        const days: number[] = [];
        for (let j = 0; j < n; j++) days.push(r.int(365));
        days.sort((a, b) => a - b);
        for (const d of days) {
          person.push(p);
          date.push(civilFromDays(dayNumber(y, 1, 1) + d));
          employer.push(pool.length ? pool[r.int(pool.length)] : -1);
          wage.push(Math.round((MIN_WAGE[y] * (1.05 + 0.45 * r.float())) / 10) * 10);
          const x = r.float();
          const unjust = reluctant ? REFERRALS.unjustifiedRefusal.reluctant : REFERRALS.unjustifiedRefusal.other;
          outcome.push(
            x < unjust ? REFERRAL_OUTCOME.refusedWithoutReason
              : x < unjust + REFERRALS.justifiedRefusal ? REFERRAL_OUTCOME.refusedWithReason
                : x < unjust + REFERRALS.justifiedRefusal + REFERRALS.noShow ? REFERRAL_OUTCOME.noShow
                  : REFERRAL_OUTCOME.accepted,
          );
        }
      }
    }
  }
  return {
    count: person.length,
    person: Int32Array.from(person),
    date: Int32Array.from(date),
    employer: Int32Array.from(employer),
    wage: Int32Array.from(wage),
    outcome: Uint8Array.from(outcome),
  };
}
