/**
 * Work attributes: sector, occupation, vocational qualification, earnings and business latents,
 * pension entitlement, bonus months, self-employed insurance, farmland. Latent units are 2018-level
 * 元 (wages per month, business per year); the calibration rescales them year by year.
 */
import { yearOf } from './dates.js';
import type { Geography } from './geography.js';
import {
  CAREER,
  COUNTY_SECTOR_TILT,
  MANUAL_SECTORS,
  PUBLIC_SECTORS,
  SECTORS,
  SECTOR_WEIGHTS,
  SELF_EMPLOYED_SECTORS,
  SKILLED_SECTORS,
} from './params-population.js';
import { BUSINESS_MODEL, SELF_EMPLOYED_SI, WAGE_MODEL } from './params-income.js';
import { KEY_BIT } from './key-groups.js';
import { Rng, cumulative } from './rng.js';
import type { Households, Persons } from './types.js';

const QUAL_LEVEL_CUM = cumulative([0.03, 0.07, 0.2, 0.35, 0.35]); // levels 1..5
const SELF_SECTOR_KEYS = Object.keys(SELF_EMPLOYED_SECTORS);
const SELF_SECTOR_CUM = cumulative(Object.values(SELF_EMPLOYED_SECTORS));

function sectorCums(geo: Geography) {
  // per county × urban/rural × education band (0 graduate, 1 middle, 2 basic)
  return geo.counties.map((c) =>
    [SECTOR_WEIGHTS.urban, SECTOR_WEIGHTS.rural].map((base) =>
      [0, 1, 2].map((band) =>
        cumulative(
          base.map((w, i) => {
            const s = SECTORS[i];
            const tilt = COUNTY_SECTOR_TILT[c.code]?.[s] ?? 1;
            const skill = SKILLED_SECTORS.has(s) ? [3, 0.8, 0.15][band] : MANUAL_SECTORS.has(s) ? [0.5, 1.1, 1.3][band] : 1;
            return w * tilt * skill;
          }),
        ),
      ),
    ),
  );
}

function occupationFor(r: Rng, sector: string, edu: number): number {
  const graduate = edu <= 20 ? 0.45 : edu === 30 ? 0.3 : edu === 40 ? 0.12 : 0.03;
  const pro = graduate * (SKILLED_SECTORS.has(sector) ? 1.6 : sector === 'D' || sector === 'C' ? 0.6 : 0.4);
  const head = 0.03 + (edu <= 20 ? 0.04 : 0);
  const clerk = sector === 'S' ? 0.45 : sector === 'J' ? 0.4 : 0.1;
  const x = r.float();
  if (x < head) return 1;
  if (x < head + pro) return 2;
  if (x < head + pro + clerk) return 3;
  if (sector === 'A') return 5;
  return 'BCDE'.includes(sector) ? 6 : 4;
}

export function assignLabour(geo: Geography, hh: Households, ps: Persons, seed: number): void {
  const r = new Rng(seed ^ 0x1ab0);
  const cums = sectorCums(geo);
  for (let h = 0; h < hh.count; h++) {
    const urban = hh.urban[h] === 1;
    const county = geo.villages.county[hh.village[h]];
    const fortune = WAGE_MODEL.householdSigma * r.normal();
    const first = hh.first[h];
    const end = first + hh.size[h];
    let land = 0;
    for (let p = first; p < end; p++) {
      const edu = ps.education[p];
      const career = ps.career[p];
      const born = yearOf(ps.birth[p]);
      const female = ps.sex[p] === 2;
      if (career === CAREER.employee) {
        const band = edu <= 30 ? 0 : edu <= 60 ? 1 : 2;
        const si = r.pickCumulative(cums[county][urban ? 0 : 1][band]);
        const s = SECTORS[si];
        ps.sector[p] = si + 1;
        const occ = occupationFor(r, s, edu);
        ps.occupation[p] = occ;
        if (occ === 6 || occ === 4) {
          const pq = (occ === 6 ? 0.35 : 0.2) * (edu === 40 ? 1.6 : 1) * (ps.formal[p] ? 1 : 0.4);
          if (r.chance(pq)) ps.qualification[p] = 1 + r.pickCumulative(QUAL_LEVEL_CUM);
        }
        const logw =
          Math.log(urban ? 3500 : 3000) +
          WAGE_MODEL.sector[s] +
          WAGE_MODEL.education[edu] +
          WAGE_MODEL.occupation[occ] +
          WAGE_MODEL.qualification[ps.qualification[p]] +
          (female ? WAGE_MODEL.female : 0) +
          (ps.formal[p] ? 0 : WAGE_MODEL.informal) +
          fortune +
          WAGE_MODEL.sigma * r.normal() -
          WAGE_MODEL.sigma ** 2 / 2;
        ps.wageLatent[p] = Math.exp(logw);
        const isPublic = PUBLIC_SECTORS.has(s);
        ps.bonusMonths[p] = !ps.formal[p] ? 0 : isPublic ? 1 + r.float() : r.chance(0.5) ? 3 * r.float() : 0;
        ps.pensionLatent[p] = ps.formal[p] ? Math.min(3, Math.max(0.5, 0.6 + (0.4 * ps.wageLatent[p]) / 3500)) * (isPublic ? 1.25 : 1) : 0;
      } else if (career === CAREER.selfEmployed) {
        const s = SELF_SECTOR_KEYS[r.pickCumulative(SELF_SECTOR_CUM)];
        ps.sector[p] = SECTORS.indexOf(s) + 1;
        ps.occupation[p] = r.chance(0.15) ? 1 : 4;
        ps.bizLatent[p] = Math.exp(
          Math.log(urban ? 40000 : 30000) + 0.5 * WAGE_MODEL.education[edu] + fortune + BUSINESS_MODEL.sigma * r.normal() - BUSINESS_MODEL.sigma ** 2 / 2,
        );
        ps.selfInsured[p] = r.chance(SELF_EMPLOYED_SI.participation) ? 1 : 0;
        ps.pensionLatent[p] = ps.selfInsured[p] ? 0.55 : 0;
      } else if (career === CAREER.farmer) {
        ps.sector[p] = 1;
        ps.occupation[p] = 5;
        const young = born >= 1965 && born <= 1995 && edu <= 70;
        const large = young && r.chance(0.05);
        const [lo, hi] = BUSINESS_MODEL.newFarmerLand;
        const mu = large ? lo + r.float() * (hi - lo) : 5 * Math.exp(0.5 * r.normal());
        if (large) ps.keyGroups[p] |= 1 << KEY_BIT.newFarmer;
        land += mu;
        // farm net income ≈ 650 元/mu plus livestock and sidelines (2018 level)
        ps.bizLatent[p] = mu * 650 * Math.exp(0.25 * r.normal()) + Math.exp(Math.log(6000) + fortune + BUSINESS_MODEL.farmSigma * r.normal());
      } else if ((career === CAREER.unemployed || career === CAREER.inactive) && urban && born <= 1975 && r.chance(0.85)) {
        // laid-off state-enterprise workers who kept their pension entitlement
        ps.pensionLatent[p] = 0.6;
      }
    }
    hh.landMu[h] = land;
  }
}
