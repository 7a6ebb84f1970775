import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrate, surveyDesign, svyRatio } from '../stats/index.js';
import { estimateTables, growthColumns, type EstimateOptions, type PeriodUnits } from './estimate.js';
import { seededRandom } from './sampling.js';

/** R survey 4.1 values committed by the statistics engine (test/r-reference/make-reference.R). */
const ref = JSON.parse(readFileSync(new URL('../../../test/r-reference/survey-reference.json', import.meta.url), 'utf8')) as {
  cases: { name: string; data: Record<string, (string | number)[]>; results: { stat: string; y: string; x?: string; qrule?: string; domain: { value: string } | null; estimate?: number; se?: number; values?: { p: number; estimate: number; se: number; ci: number[] }[] }[] }[];
};
const nested = ref.cases.find((c) => c.name === 'constructed-nested')!;

const SETTINGS: EstimateOptions['settings'] = { minHouseholds: 3, maxCv: 1, action: 'flag', quintileUnit: 'household', level: 0.95 };
const zeros = (n: number) => new Float64Array(n);

function unitsFromR(members: 'data' | 'one'): PeriodUnits {
  const d = nested.data;
  const n = d.w.length;
  const income = Float64Array.from(d.income as number[]);
  return {
    id: Array.from({ length: n }, (_, i) => i + 1),
    weight: Float64Array.from(d.w as number[]),
    stratum: d.stratum.map(String),
    psu: d.psu.map(String),
    members: members === 'one' ? new Float64Array(n).fill(1) : Float64Array.from(d.members as number[]),
    values: { wage: income, business: zeros(n), property: zeros(n), transfer: zeros(n), consumption: zeros(n) },
    domains: d.group.map((g) => ['all', `g${g}`]),
  };
}
const opts = (o: Partial<EstimateOptions> = {}): EstimateOptions => ({
  settings: SETTINGS,
  domains: [{ key: 'all', label: '全体' }, { key: 'gx', label: 'x' }, { key: 'gy', label: 'y' }],
  quintileDomains: ['all'],
  totals: null,
  cpi: null,
  ...o,
});
const rel = (a: number | null, b: number) => Math.abs((a as number) - b) / Math.abs(b);

describe('survey estimates equal R survey (via the statistics engine reference)', () => {
  it('per-capita income is svyratio(~income, ~members), overall and in a domain', () => {
    const t = estimateTables(unitsFromR('data'), opts());
    for (const [key, value] of [['all', null], ['gx', 'x']] as const) {
      const r = nested.results.find((x) => x.stat === 'ratio' && (x.domain?.value ?? null) === value)!;
      const row = t.rows.find((x) => x.domain === key)!;
      expect(rel(row.disposable.estimate, r.estimate!)).toBeLessThan(1e-12);
      expect(rel(row.disposable.se, r.se!)).toBeLessThan(1e-9);
      expect(row.wage.estimate).toBe(row.disposable.estimate);
    }
  });

  it('the median is svyquantile(~income, 0.5) with R’s Woodruff interval', () => {
    const t = estimateTables(unitsFromR('one'), opts());
    for (const [key, value] of [['all', null], ['gx', 'x']] as const) {
      const r = nested.results.find((x) => x.stat === 'quantile' && x.qrule === 'math' && (x.domain?.value ?? null) === value)!;
      const q = r.values!.find((v) => v.p === 0.5)!;
      const m = t.rows.find((x) => x.domain === key)!.median;
      expect(m.estimate).toBe(q.estimate);
      expect(rel(m.se, q.se)).toBeLessThan(1e-9);
      expect(m.ci).toEqual(q.ci);
    }
  });
});

/** A synthetic survey: 6 strata × 5 PSUs × 10 households. */
function synthetic(seed: number, scale = 1): PeriodUnits {
  const r = seededRandom(seed);
  const n = 300;
  const u: PeriodUnits = {
    id: [], weight: new Float64Array(n), stratum: [], psu: [], members: new Float64Array(n),
    values: { wage: zeros(n), business: zeros(n), property: zeros(n), transfer: zeros(n), consumption: zeros(n) }, domains: [],
  };
  for (let i = 0; i < n; i++) {
    const h = Math.floor(i / 50);
    const urban = h % 2 === 0;
    u.id.push(i + 1);
    u.weight[i] = 80 + 40 * h + Math.floor(r() * 20);
    u.stratum.push(`S${h}`);
    u.psu.push(String(Math.floor(i / 10)));
    u.members[i] = 1 + Math.floor(r() * 5);
    u.values.wage[i] = scale * u.members[i] * (urban ? 30000 : 12000) * Math.exp(0.5 * (r() - 0.5));
    u.values.business[i] = scale * (urban ? 2000 : 9000) * r();
    u.values.property[i] = scale * 1500 * r();
    u.values.transfer[i] = scale * (4000 * r() - 1500);
    u.values.consumption[i] = 0.7 * (u.values.wage[i] + u.values.business[i]);
    u.domains.push(['all', urban ? 'urban' : 'rural', `c${h >> 1}`]);
  }
  return u;
}

describe('survey estimates equal the statistics engine on the same data', () => {
  it('calibrates to persons by stratum and estimates ratios exactly as calibrate() + svyRatio()', () => {
    const u = synthetic(3);
    const totals = new Map([0, 1, 2, 3, 4, 5].map((h) => [`S${h}`, 20000 + 5000 * h]));
    const t = estimateTables(u, opts({ domains: [{ key: 'all', label: '全体' }, { key: 'urban', label: '城镇' }, { key: 'c1', label: '县1' }], totals }));
    expect(t.calibrated).toBe(true);
    // the calibrated weights reproduce the population totals (an independent property)
    for (const [s, total] of totals) {
      let sum = 0;
      for (let i = 0; i < u.id.length; i++) if (u.stratum[i] === s) sum += t.design!.weights[i] * u.members[i];
      expect(sum).toBeCloseTo(total, 6);
    }
    const base = surveyDesign({ weights: u.weight, strata: u.stratum, psu: u.psu.map((p, i) => `${u.stratum[i]}|${p}`), lonelyPsu: 'adjust' });
    const strata = [...totals.keys()].sort();
    const cal = calibrate(base, strata.map((s) => Float64Array.from(u.members, (m, i) => (u.stratum[i] === s ? m : 0))), strata.map((s) => totals.get(s)!));
    const Y = Float64Array.from(u.values.wage, (w, i) => w + u.values.business[i] + u.values.property[i] + u.values.transfer[i]);
    const urban = Uint8Array.from(u.domains, (d) => (d.includes('urban') ? 1 : 0));
    const e = svyRatio(cal, Y, u.members, { domain: urban });
    const row = t.rows.find((x) => x.domain === 'urban')!;
    expect(row.disposable.estimate).toBe(e.estimate);
    expect(row.disposable.se).toBe(e.se);
    expect(row.disposable.ci).toEqual(e.ci);
    expect(row.households).toBe(150);
    const b = svyRatio(cal, u.values.business, u.members, { domain: urban });
    expect(row.business.estimate).toBe(b.estimate);
    // components add up to disposable income
    const sum = row.wage.estimate! + row.business.estimate! + row.property.estimate! + row.transfer.estimate!;
    expect(sum).toBeCloseTo(row.disposable.estimate!, 6);
  });

  it('forms 五等份 of equal weight and reports each group’s per-capita income (hand-computed)', () => {
    // twenty one-stratum households, equal weights; per-capita incomes 20…1 thousand: four per group
    const n = 20;
    const members = Float64Array.from({ length: n }, (_, i) => 1 + (i % 3));
    const Y = Float64Array.from(members, (m, i) => m * 1000 * (20 - i));
    const u: PeriodUnits = {
      id: Array.from({ length: n }, (_, i) => i + 1), weight: new Float64Array(n).fill(50), stratum: new Array(n).fill('A'), psu: Array.from({ length: n }, (_, i) => String(i)),
      members, values: { wage: Y, business: zeros(n), property: zeros(n), transfer: zeros(n), consumption: zeros(n) }, domains: new Array(n).fill(['all']),
    };
    const t = estimateTables(u, opts({ settings: { ...SETTINGS, minHouseholds: 1 }, domains: [{ key: 'all', label: '全体' }] }));
    const g = t.quintiles[0].groups;
    // lowest group: per-capita 1000…4000, households 19…16: Σ Y / Σ m over them
    const expected = [19, 15, 11, 7, 3].map((top) => {
      const hs = [top, top - 1, top - 2, top - 3];
      return hs.reduce((a, i) => a + Y[i], 0) / hs.reduce((a, i) => a + members[i], 0);
    });
    expect(g.map((c) => c.estimate)).toEqual(expected.map((x) => expect.closeTo(x, 9)));
    expect(g.every((c) => c.n === 4)).toBe(true);
  });

  it('gives growth 10% with zero standard error when every household earns 10% more, and real growth by the CPI', () => {
    const prev = synthetic(5);
    const cur = synthetic(5, 1.1);
    const o = opts({ domains: [{ key: 'all', label: '全体' }, { key: 'rural', label: '乡村' }], cpi: 102 });
    const t0 = estimateTables(prev, o);
    const t1 = estimateTables(cur, o);
    growthColumns(t1.rows, t0.rows, cur, prev, o);
    for (const row of t1.rows) {
      expect(row.growthNominal!.estimate).toBeCloseTo(0.1, 12);
      expect(row.growthNominal!.se).toBeLessThan(1e-12);
      expect(row.growthReal!.estimate).toBeCloseTo(1.1 / 1.02 - 1, 12);
    }
  });

  it('gives a positive growth standard error when households change differently', () => {
    const prev = synthetic(5);
    const cur = synthetic(6, 1.05);
    const o = opts({ domains: [{ key: 'all', label: '全体' }] });
    const t0 = estimateTables(prev, o);
    const t1 = estimateTables(cur, o);
    growthColumns(t1.rows, t0.rows, cur, prev, o);
    const g = t1.rows[0].growthNominal!;
    expect(g.estimate).toBeCloseTo(t1.rows[0].disposable.estimate! / t0.rows[0].disposable.estimate! - 1, 12);
    expect(g.se).toBeGreaterThan(0);
    expect(g.ci[0]!).toBeLessThan(g.estimate!);
    expect(t1.rows[0].growthReal).toBeNull(); // no CPI entered
  });

  it('flags or suppresses cells with few households or a high CV, by setting', () => {
    const u = synthetic(8);
    // county c0 holds 100 sample households
    const flag = estimateTables(u, opts({ settings: { ...SETTINGS, minHouseholds: 101, maxCv: 0.001 }, domains: [{ key: 'c0', label: '县0' }] }));
    expect(flag.rows[0].disposable.flags).toEqual(['few', 'cv']);
    expect(flag.rows[0].disposable.estimate).not.toBeNull();
    const sup = estimateTables(u, opts({ settings: { ...SETTINGS, minHouseholds: 101, action: 'suppress' }, domains: [{ key: 'c0', label: '县0' }] }));
    expect(sup.rows[0].disposable).toMatchObject({ estimate: null, se: null, flags: ['few', 'suppressed'] });
    // two households: never published, whatever the setting
    u.domains[0] = [...u.domains[0], 'tiny'];
    u.domains[1] = [...u.domains[1], 'tiny'];
    const tiny = estimateTables(u, opts({ settings: { ...SETTINGS, minHouseholds: 1 }, domains: [{ key: 'tiny', label: '两户' }] }));
    expect(tiny.rows[0].disposable).toMatchObject({ estimate: null, n: 2, flags: ['suppressed'] });
  });
});
