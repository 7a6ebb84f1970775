/**
 * Households whose incomes follow a rule rather than the market model: the 2018 低保 roster (urban
 * and rural recipients at the published counts × scale) and the rural poor of 2018 (the published
 * count × scale). Both are drawn from the households with the lowest earning potential.
 */
import { PUBLISHED } from './published.js';
import { CAREER } from './params-population.js';
import { Rng } from './rng.js';
import { isMemberInYear } from './status.js';
import { HOUSEHOLD_FLAG, type Households, type Persons } from './types.js';

/** Earning potential per member (2018 元/month): wages, business, pensions; a ranking device only. */
export function potentialPerCapita(hh: Households, ps: Persons, h: number): number {
  let s = 0;
  const first = hh.first[h];
  const end = first + hh.size[h];
  for (let p = first; p < end; p++) {
    switch (ps.career[p]) {
      case CAREER.employee:
        s += ps.wageLatent[p] * (ps.formal[p] ? 1 : 0.6);
        break;
      case CAREER.selfEmployed:
      case CAREER.farmer:
        s += ps.bizLatent[p] / 12;
        break;
    }
    s += ps.pensionLatent[p] * 2000;
  }
  return s / hh.size[h];
}

function membersIn2018(hh: Households, ps: Persons, h: number): number {
  let n = 0;
  for (let p = hh.first[h]; p < hh.first[h] + hh.size[h]; p++) if (isMemberInYear(hh, ps, p, 2018)) n++;
  return n;
}

/** Makes every member an informal worker without employee pension (the household's history). */
function makeInformal(hh: Households, ps: Persons, h: number): void {
  for (let p = hh.first[h]; p < hh.first[h] + hh.size[h]; p++) {
    ps.formal[p] = 0;
    ps.pensionLatent[p] = 0;
    ps.bonusMonths[p] = 0;
    ps.selfInsured[p] = 0;
  }
}

export interface SpecialCounts {
  dibaoUrban: number;
  dibaoRural: number;
  poor: number;
}

export function selectSpecialHouseholds(hh: Households, ps: Persons, scale: number, seed: number): SpecialCounts {
  const r = new Rng(seed ^ 0xd1ba0);
  /** Eligible households of an area by ascending noisy potential; only the lowest `keep` are ordered. */
  const ranked = (urban: number, eligible: (h: number) => boolean, keep: number) => {
    const hs: number[] = [];
    const sc: number[] = [];
    for (let h = 0; h < hh.count; h++) {
      if (hh.urban[h] !== urban || !eligible(h)) continue;
      hs.push(h);
      sc.push(potentialPerCapita(hh, ps, h) * Math.exp(0.6 * r.normal()));
    }
    const sorted = Float64Array.from(sc).sort();
    const threshold = sorted[Math.min(sorted.length - 1, keep)];
    const list: { h: number; score: number }[] = [];
    for (let i = 0; i < hs.length; i++) if (sc[i] <= threshold) list.push({ h: hs[i], score: sc[i] });
    return list.sort((a, b) => a.score - b.score || a.h - b.h);
  };
  /** enough candidates for a target of persons (households average more than one member) */
  const keepFor = (persons: number) => Math.ceil(persons * 2) + 50;
  const noFormal = (h: number) => {
    for (let p = hh.first[h]; p < hh.first[h] + hh.size[h]; p++) if (ps.formal[p] || ps.pensionLatent[p] > 1) return false;
    return true;
  };
  const take = (list: { h: number }[], target: number, flag: number, onPick: (h: number) => void) => {
    let n = 0;
    for (const { h } of list) {
      if (n >= target) break;
      const m = membersIn2018(hh, ps, h);
      if (m === 0 || n + m > target + m / 2) continue;
      hh.flags[h] |= flag;
      makeInformal(hh, ps, h);
      onPick(h);
      n += m;
    }
    return n;
  };
  const roster = (h: number) => {
    hh.dibaoFrom[h] = Math.max(2010, 2018 - Math.floor(r.float() ** 2 * 9));
    hh.dibaoTo[h] = Math.min(2025, 2018 + 1 + Math.floor(-Math.log(1 - r.float()) * 4));
  };
  const du = PUBLISHED.dibao2018.urban * scale;
  const dr = PUBLISHED.dibao2018.rural * scale;
  const dibaoUrban = take(ranked(1, noFormal, keepFor(du)), du, HOUSEHOLD_FLAG.dibao, roster);
  const dibaoRural = take(ranked(0, noFormal, keepFor(dr)), dr, HOUSEHOLD_FLAG.dibao, roster);
  // rural poor: not on 低保, nobody aged 60+ in 2018 (whose resident pension alone would lift them)
  const poorEligible = (h: number) => {
    if (hh.flags[h] & HOUSEHOLD_FLAG.dibao || !noFormal(h)) return false;
    for (let p = hh.first[h]; p < hh.first[h] + hh.size[h]; p++) if (ps.birth[p] < 19580701) return false;
    return true;
  };
  const rp = PUBLISHED.ruralPoor2018 * scale;
  const poor = take(ranked(0, poorEligible, keepFor(rp)), rp, HOUSEHOLD_FLAG.poor, () => {});
  return { dibaoUrban, dibaoRural, poor };
}
