import { describe, expect, it } from 'vitest';
import { packHouseholds, unpackHouseholds } from './household-snapshot.js';
import type { HouseholdIncome } from './region-tables.js';

describe('packed household incomes', () => {
  const households: HouseholdIncome[] = [
    { regionCode: '211002016001', members: 3, components: [12_345_600, -250_000, 0, 4_000_000_000_00], urban: true },
    { regionCode: '211003004', members: 1, components: [0, 0, 7, -1], urban: null },
    { regionCode: '211002016001', members: 5, components: [1, 2, 3, 4], urban: false },
  ];

  it('gives back exactly what was packed: negative and beyond-int32 amounts, unknown urban-rural', () => {
    const p = packHouseholds(households);
    expect(p.regions).toEqual(['211002016001', '211003004']);
    expect(p.data.length).toBe(3 * 41);
    expect(unpackHouseholds(p)).toEqual(households);
  });

  it('reads a value that starts at any byte offset (as a driver may hand it over)', () => {
    const p = packHouseholds(households);
    const shifted = Buffer.alloc(p.data.length + 3);
    p.data.copy(shifted, 3);
    expect(unpackHouseholds({ regions: p.regions, data: shifted.subarray(3) })).toEqual(households);
  });

  it('refuses a damaged value', () => {
    const p = packHouseholds(households);
    expect(() => unpackHouseholds({ regions: p.regions, data: p.data.subarray(1) })).toThrow(/bad length/);
    expect(() => unpackHouseholds({ regions: ['211003004'], data: p.data })).toThrow(/out of range/);
  });
});
