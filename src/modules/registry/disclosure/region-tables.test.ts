import { describe, expect, it } from 'vitest';
import { bandOf, regionBandTable } from './band-tables.js';
import { COLUMNS, regionIncomeTable, type HouseholdIncome, type IncomeTable, type RegionNode } from './region-tables.js';

// city → counties A, B → townships → villages
const REGIONS: RegionNode[] = [
  { code: '211000', name: '市', level: 'prefecture', parentCode: null },
  { code: '211002', name: 'A县', level: 'county', parentCode: '211000' },
  { code: '211003', name: 'B县', level: 'county', parentCode: '211000' },
  { code: '211002001', name: 'A1镇', level: 'township', parentCode: '211002' },
  { code: '211002002', name: 'A2镇', level: 'township', parentCode: '211002' },
  { code: '211003001', name: 'B1镇', level: 'township', parentCode: '211003' },
  { code: '211002001001', name: 'A1甲村', level: 'village', parentCode: '211002001' },
  { code: '211002001002', name: 'A1乙村', level: 'village', parentCode: '211002001' },
  { code: '211002001003', name: 'A1丙村', level: 'village', parentCode: '211002001' },
  { code: '211002002001', name: 'A2甲村', level: 'village', parentCode: '211002002' },
  { code: '211003001001', name: 'B1甲村', level: 'village', parentCode: '211003001' },
];

function households(): HouseholdIncome[] {
  const out: HouseholdIncome[] = [];
  const add = (regionCode: string, n: number, wage: number) => {
    for (let i = 0; i < n; i++) out.push({ regionCode, members: 2 + (i % 3), components: [wage * 100 + i * 1000, 5000_00, 1200_00 - i * 10, 3000_00], urban: true });
  };
  add('211002001001', 12, 30000);
  add('211002001002', 11, 28000);
  add('211002001003', 2, 90000); // too few for a village (10)
  add('211002002001', 15, 25000);
  add('211003001001', 20, 20000);
  return out;
}

const totalsOf = (t: IncomeTable) =>
  new Map(t.rows.map((r) => [r.code, Object.fromEntries(COLUMNS.map((c) => [c, r.perCapita[c] === null ? null : r.perCapita[c]! * r.persons])) as Record<string, number | null>]));

describe('region income tables', () => {
  it('computes per-capita income by component as Σ households / Σ members', () => {
    const t = regionIncomeTable(REGIONS, households(), '211000', 'county');
    const hh = households().filter((h) => h.regionCode.startsWith('211003'));
    const persons = hh.reduce((a, h) => a + h.members, 0);
    const wage = hh.reduce((a, h) => a + h.components[0], 0) / persons / 100;
    const b = t.rows.find((r) => r.code === '211003')!;
    expect(b.persons).toBe(persons);
    expect(b.perCapita.wage).toBeCloseTo(wage, 2);
    expect(b.perCapita.disposable).toBeCloseTo(hh.reduce((a, h) => a + h.components.reduce((x, y) => x + y, 0), 0) / persons / 100, 2);
    expect(t.rows[0]).toMatchObject({ code: '211000', isParent: true, households: 60 });
  });

  it('hides a village with too few households and enough neighbours that subtraction cannot recover it', () => {
    const villages = regionIncomeTable(REGIONS, households(), '211002001', 'village');
    const c = villages.rows.find((r) => r.code === '211002001003')!;
    for (const col of COLUMNS) expect(c.hidden[col]).toBe('count');
    // The attacker: every published total (per-capita × persons), the township row, and any other table.
    const townships = regionIncomeTable(REGIONS, households(), '211002', 'township');
    const published = [totalsOf(villages), totalsOf(townships), totalsOf(regionIncomeTable(REGIONS, households(), '211000', 'county'))];
    const value = (code: string, col: string) => published.map((m) => m.get(code)?.[col]).find((x) => x !== undefined && x !== null) ?? null;
    for (const row of villages.rows.filter((r) => !r.isParent)) {
      for (const col of COLUMNS) {
        if (!row.hidden[col]) continue;
        // Parent minus published siblings: possible only when this is the one hidden sibling.
        const parent = value('211002001', col);
        const siblings = villages.rows.filter((r) => !r.isParent && r.code !== row.code);
        const unknownSiblings = siblings.filter((s) => value(s.code, col) === null);
        expect(parent === null || unknownSiblings.length > 0, `${row.code} ${col} from the township total`).toBe(true);
        // Disposable minus the other components of the row.
        const others = COLUMNS.filter((x) => x !== col);
        expect(others.some((x) => value(row.code, x) === null), `${row.code} ${col} from its row`).toBe(true);
      }
    }
    // The township is shown the same way in both tables it appears in.
    expect(villages.rows[0].hidden).toEqual(townships.rows.find((r) => r.code === '211002001')!.hidden);
  });

  it('gives each large published row the person-weighted median of household per-capita income', () => {
    // By hand: every member of a household is one person with the household's per-capita income;
    // the median is the smallest income that at least half the persons have or fall below.
    const hh = households();
    const byHand = (prefix: string) => {
      const persons = hh.filter((h) => h.regionCode.startsWith(prefix.replace(/0+$/, ''))).flatMap((h) => Array<number>(h.members).fill(h.components.reduce((a, b) => a + b, 0) / h.members / 100));
      persons.sort((a, b) => a - b);
      return persons[Math.ceil(persons.length / 2) - 1];
    };
    for (const [parent, level] of [['211000', 'county'], ['211002', 'township'], ['211002001', 'village']] as const) {
      const t = regionIncomeTable(REGIONS, hh, parent, level);
      for (const row of t.rows) {
        if (row.households >= 10 && !row.hidden.disposable) expect(row.median, row.code).toBeCloseTo(byHand(row.code), 6);
        else expect(row.median, row.code).toBeNull();
      }
      expect(t.rows.filter((r) => r.median !== null).length).toBeGreaterThan(0);
    }
  });

  it('hides a cell where one household holds more than 85 % of it', () => {
    const hh = households();
    hh.push({ regionCode: '211003001001', members: 3, components: [0, 90_000_000_00, 0, 0], urban: true });
    const t = regionIncomeTable(REGIONS, hh, '211003', 'township');
    expect(t.rows.find((r) => r.code === '211003001')!.hidden.business).toBe('dominance');
    expect(t.rows.find((r) => r.code === '211003001')!.hidden.wage).toBeUndefined();
  });
});

describe('income distribution tables', () => {
  it('puts each household’s members in the band of its per-capita income and suppresses small bands', () => {
    expect(bandOf(-100, [0, 5000, 10000])).toBe(0);
    expect(bandOf(5000, [0, 5000, 10000])).toBe(1);
    expect(bandOf(25000, [0, 5000, 10000])).toBe(2);
    const t = regionBandTable(REGIONS, households(), '211000', 'county');
    const city = t.rows[0];
    const visible = city.counts.filter((c): c is number => c !== null);
    expect(visible.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(city.persons);
    for (const r of t.rows) {
      const hiddenBands = r.hidden.filter((h) => h !== null).length;
      expect(hiddenBands === 0 || hiddenBands >= 2).toBe(true);
    }
  });
});
