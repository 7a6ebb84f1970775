import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { PARAMS_DIR, readReformFile } from '../params-files.js';
import { SYSTEM } from '../rules/test-helpers.js';
import { demoPopulation } from './demo.js';
import { runReform } from './run.js';
import type { PolicyPopulation, ReformResults } from './types.js';

// The demo city at scale 0.02 (about 32,000 synthetic residents), 2024.
let pp: PolicyPopulation;
let r: ReformResults;
beforeAll(() => {
  pp = demoPopulation(2024, { scale: 0.02 });
  r = runReform(SYSTEM, pp, { year: 2024, reform: readReformFile(join(PARAMS_DIR, 'reforms/dibao-plus-10.yaml')) });
}, 120_000);

describe('the demo city as a policy population', () => {
  it('holds every resident once, grouped by household, weighted up to the city', () => {
    expect(pp.persons).toBeGreaterThan(20000);
    for (let p = 1; p < pp.persons; p++) expect(pp.personHousehold[p] >= pp.personHousehold[p - 1]).toBe(true);
    expect(r.population.weightedPersons).toBeCloseTo(pp.persons / 0.02, 6);
    expect(pp.counties).toHaveLength(7);
    expect(pp.groups.map((g) => g.key)).toContain('hardshipAbleToWork');
  });
});

describe('低保 standard +10% on the demo city (issue 7)', () => {
  it('costs money, only in the 低保 budget', () => {
    expect(r.budget.netCost).toBeGreaterThan(0);
    const by = Object.fromEntries(r.budget.programmes.map((p) => [p.programme, p.change]));
    expect(by.dibao).toBeGreaterThan(0);
    expect(by.iit).toBe(0);
    expect(by.social_insurance).toBe(0);
  });

  it('concentrates the gains in the bottom deciles, with no losers', () => {
    const bottom3 = r.deciles.slice(0, 3).reduce((s, d) => s + d.shareOfGains, 0);
    expect(bottom3).toBeGreaterThan(0.8);
    expect(r.deciles[9].shareOfGains).toBeLessThan(0.01);
    expect(r.deciles[0].change).toBeGreaterThan(r.deciles[4].change);
    expect(r.winnersLosers.loseLess5 + r.winnersLosers.loseMore5).toBe(0);
    expect(r.winnersLosers.gainMore5).toBeGreaterThan(0);
  });

  it('lowers the poverty headcount and gap, and the Gini', () => {
    const dibaoLine = r.poverty.find((p) => p.key === 'dibao_standard')!;
    expect(dibaoLine.reform.headcount).toBeLessThan(dibaoLine.baseline.headcount);
    for (const p of r.poverty) {
      expect(p.reform.headcount).toBeLessThanOrEqual(p.baseline.headcount);
      expect(p.reform.gap).toBeLessThan(p.baseline.gap);
    }
    expect(r.inequality.gini.reform).toBeLessThan(r.inequality.gini.baseline);
  });

  it('helps the hardship group most among the key groups, and lists example households', () => {
    const hardship = r.keyGroups.find((g) => g.key === 'hardshipAbleToWork')!;
    for (const g of r.keyGroups) if (g !== hardship) expect(hardship.change).toBeGreaterThan(g.change);
    expect(r.counties.reduce((s, c) => s + c.persons, 0)).toBeCloseTo(r.population.weightedPersons, 6);
    expect(r.examples.length).toBeGreaterThan(2);
    expect(r.placeholders.map((p) => p.name)).toContain('dibao.standard.urban');
  });
});
