import { describe, expect, it } from 'vitest';
import { drawSample, planStrata, ppsSystematic, seededRandom, systematic, type FrameUnit } from './sampling.js';

const unit = (code: string, county: string, ur: string, size: number): FrameUnit => ({ code, name: code, countyCode: county, townshipCode: code.slice(0, 9), urbanRuralCode: ur, size });

describe('sample selection', () => {
  it('selects PSUs by systematic PPS on cumulated sizes (hand-computed)', () => {
    // interval 50, points 12.5 and 62.5: the second unit (10–30] and the fourth (60–100]
    expect(ppsSystematic([10, 20, 30, 40], 2, 0.25)).toEqual([1, 3]);
    // a unit larger than the interval is hit twice
    expect(ppsSystematic([5, 90, 5], 2, 0.5)).toEqual([1, 1]);
    expect(ppsSystematic([5, 90, 5], 2, 0.01)).toEqual([0, 1]);
  });

  it('selects households systematically (interval 10/3 from 0.5: 1, 5, 8) and all when too few', () => {
    expect(systematic(10, 3, 0.5)).toEqual([1, 5, 8]);
    expect(systematic(4, 6, 0.3)).toEqual([0, 1, 2, 3]);
  });

  it('allocates PSUs to county × urban/rural strata in proportion to size, at least two each', () => {
    const frame = [
      unit('211002016001', '211002', '111', 600), unit('211002016002', '211002', '111', 400),
      unit('211021101201', '211021', '220', 150), unit('211021101202', '211021', '210', 50),
      unit('211021101203', '211021', '220', 100), unit('211021101001', '211021', '121', 100),
      unit('211021101002', '211021', '122', 100),
    ];
    const strata = planStrata(frame, 10, 2);
    // with 12 PSUs the remainders decide: 8.0, 2.4, 1.6 → 8, 2, 2
    expect(planStrata(frame, 12, 2).map((x) => x.psus)).toEqual([8, 2, 2]);
    // with 13: 8.67, 2.6, 1.73 → floors 8, 2, 2 (min) and the largest remainder (0.67) gets the 13th
    expect(planStrata(frame, 13, 2).map((x) => x.psus)).toEqual([9, 2, 2]);
    expect(strata.map((s) => [s.code, s.size, s.psus])).toEqual([
      ['211002-U', 1000, 6], // 10 × 1000/1500 = 6.67: floor 6, no PSU left for its remainder
      ['211021-R', 300, 2], // exactly 2
      ['211021-U', 200, 2], // 1.33 raised to the minimum of 2
    ]);
  });

  it('gives design weights that add up to the households of each stratum when the listing equals the size', () => {
    const r = seededRandom(7);
    const frame: FrameUnit[] = [];
    for (let i = 0; i < 40; i++) frame.push(unit(`2110021010${String(i).padStart(2, '0')}`, '211002', i % 3 ? '111' : '220', 20 + Math.floor(r() * 200)));
    frame.push(unit('211002101099', '211002', '111', 2000)); // large enough to be hit twice
    const s = drawSample(frame, (i) => frame[i].size, { targetHouseholds: 200, householdsPerPsu: 10, reservesPerPsu: 3, rotationGroups: 5, minPsusPerStratum: 2, seed: 11 });
    for (const st of s.strata) {
      const sampled = s.households.filter((h) => h.reserveRank === 0 && h.psu.stratum === st.code);
      const sum = sampled.reduce((a, h) => a + h.weight, 0);
      expect(sum).toBeCloseTo(st.size, 6);
      expect(new Set(s.psus.filter((p) => p.stratum === st.code).map((p) => p.label)).size).toBe(st.psus);
    }
    const big = s.psus.filter((p) => p.label.startsWith('211002101099#'));
    expect(big.length).toBeGreaterThanOrEqual(2);
    // no household is drawn twice; reserves are other households of the same unit
    const keys = s.households.map((h) => `${h.psu.unit}:${h.position}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(s.households.filter((h) => h.reserveRank === 0).map((h) => h.rotationGroup))).toEqual(new Set([1, 2, 3, 4, 5]));
    // the same seed draws the same sample
    const again = drawSample(frame, (i) => frame[i].size, { targetHouseholds: 200, householdsPerPsu: 10, reservesPerPsu: 3, rotationGroups: 5, minPsusPerStratum: 2, seed: 11 });
    expect(again.households.map((h) => h.position)).toEqual(s.households.map((h) => h.position));
  });
});
