import { describe, expect, it } from 'vitest';
import { calc } from './test-helpers.js';

describe('minimum wage flag', () => {
  it('Liaoning tiers from 2024-05-01: flags a wage under the tier of the area', () => {
    const r = calc({
      year: 2024,
      people: { u: { wage_monthly: 1800 }, r: { wage_monthly: 1800 }, n: {} },
      households: { hu: { members: ['u', 'n'], area: 'urban' }, hr: { members: ['r'], area: 'rural' } },
    });
    // urban tier (placeholder setting: 2) 1,900 from May; nothing in force before
    expect(r.people.u.minimum_wage_monthly).toEqual([0, 0, 0, 0, 1900, 1900, 1900, 1900, 1900, 1900, 1900, 1900]);
    expect(r.people.u.below_minimum_wage_months).toBe(8);
    // rural tier 3: 1,700
    expect(r.people.r.below_minimum_wage_months).toBe(0);
    // no wage, no flag
    expect(r.people.n.below_minimum_wage_months).toBe(0);
    expect(r.placeholders.map((p) => p.name)).toContain('minimum_wage.tier_urban');
  });
});
