import { beforeAll, describe, expect, it } from 'vitest';
import { generateCity } from './city.js';
import { PUBLISHED, nationalQuintileRatios } from './published.js';
import { summariseYear, type YearSummary } from './summary.js';

const scale = 0.05;
const s: Record<number, YearSummary> = {};
beforeAll(() => {
  const city = generateCity({ seed: 2018, scale });
  for (const y of [2010, 2018, 2020, 2023]) s[y] = summariseYear(city, y);
}, 120_000);

describe('calibration at scale 0.05 (published figures)', () => {
  it('urban and rural per-capita disposable income hit 2018 and 2023 within 1 %', () => {
    const D = PUBLISHED.disposableIncome;
    for (const y of [2018, 2023] as const) {
      expect(Math.abs(s[y].perCapita.urban.disposable / D.urban[y] - 1)).toBeLessThan(0.01);
      expect(Math.abs(s[y].perCapita.rural.disposable / D.rural[y] - 1)).toBeLessThan(0.01);
    }
  });
  it('the four components add up to disposable income', () => {
    const c = s[2018].perCapita.urban;
    expect(c.wage + c.business + c.property + c.transfer).toBeCloseTo(c.disposable, 6);
  });
  it('2010 → 2020 grows about 7 % a year nominal, close to doubling', () => {
    for (const a of ['urban', 'rural'] as const) {
      const ratio = s[2020].perCapita[a].disposable / s[2010].perCapita[a].disposable;
      expect(ratio).toBeGreaterThan(1.9);
      expect(ratio).toBeLessThan(2.1);
      const cagr = Math.pow(ratio, 1 / 10) - 1;
      expect(cagr).toBeGreaterThan(0.065);
      expect(cagr).toBeLessThan(0.075);
    }
  });
  it('the quintile shape follows the national quintile ratios (each group within 25 %, same order)', () => {
    for (const y of [2018, 2023] as const) {
      const national = nationalQuintileRatios(y);
      const ours = s[y].quintileRatios;
      for (let g = 0; g < 5; g++) expect(Math.abs(ours[g] / national[g] - 1)).toBeLessThan(0.25);
      for (let g = 1; g < 5; g++) expect(ours[g]).toBeGreaterThan(ours[g - 1]);
      expect(ours[4] / ours[0]).toBeGreaterThan(8);
      expect(ours[4] / ours[0]).toBeLessThan(16);
    }
  });
  it('低保 recipients in 2018 match 23,000 urban and 49,000 rural × scale', () => {
    const d = s[2018].dibaoRecipients;
    expect(Math.abs(d.urban - PUBLISHED.dibao2018.urban * scale)).toBeLessThanOrEqual(5);
    expect(Math.abs(d.rural - PUBLISHED.dibao2018.rural * scale)).toBeLessThanOrEqual(5);
  });
  it('rural poor in 2018 match 1,650 × scale, and nobody is below the line from 2020', () => {
    expect(Math.abs(s[2018].ruralPoor - PUBLISHED.ruralPoor2018 * scale)).toBeLessThanOrEqual(5);
    expect(s[2020].ruralPoor).toBe(0);
    expect(s[2023].ruralPoor).toBe(0);
  });
  it('city-wide 2023 income is close to the published 32,671', () => {
    expect(Math.abs(s[2023].perCapita.all.disposable / PUBLISHED.disposableIncome.all[2023] - 1)).toBeLessThan(0.02);
  });
});
