import { describe, expect, it } from 'vitest';
import { computeValues } from './compute.js';
import type { DefinitionRow, EntryRow } from './indicators.repository.js';
import { ElementStore, perCapita, publishable, type ElementValue } from './sources.js';
import { countTasks } from './tasks.js';

const def = (code: string, numerator: string, denominator: string | null = null, factor = 1): DefinitionRow => ({
  code, name_zh: code, name_en: code, unit: '', periodicity: 'year', numerator, denominator, factor, decimals: 0, source: 'survey', department: null, definition: '', better: 'higher',
  headline: null, sort: 0, version: 1, updated_at: '', updated_by: '',
});
const survey = (value: number, se: number): ElementValue => ({ value, se, ci: [value - 1.96 * se, value + 1.96 * se], n: 100, suppressed: false, kind: 'survey', label: '住户收支调查', href: null, synthetic: false });
const entry = (indicator: string, period: string, value: number): EntryRow => ({
  id: 1, indicator, period, region_code: '211000', value, note: null, status: 'approved', department_id: null, entered_by: 'a', entered_at: '', reviewed_by: 'b', reviewed_at: '', review_comment: null, synthetic: 1, source_label: '市统计局（演示）',
});

describe('computing indicator values', () => {
  it('quarters year to date: approved quarter entries count, growth on the same quarter a year before, 全年 against the previous year', () => {
    const store = new ElementStore();
    store.set('survey.income_pc.urban', '2025-Q3', '211000', survey(33000, 300));
    store.set('survey.income_pc.urban', '2024-Q3', '211000', survey(30000, 300));
    store.set('survey.income_pc.urban', '2025-Q4', '211000', survey(46200, 400));
    const defs = [def('urban', 'survey.income_pc.urban'), def('coop', 'admin.coop'), def('coop.new', 'ind.coop - ind.coop@-1')];
    const entries = [entry('urban', '2024', 42000), entry('coop', '2024-Q2', 50), entry('coop', '2025-Q2', 58), { ...entry('coop', '2025-Q3', 99), status: 'pending' }];
    const v = computeValues({ definitions: defs, store, entries: entries.filter((e) => e.status === 'approved'), lastYear: 2025, regions: ['211000'] });
    const get = (code: string, period: string) => v.find((x) => x.code === code && x.period === period);
    expect(get('urban', '2025-Q3')!.value).toBe(33000);
    expect(get('urban', '2025-Q3')!.se).toBe(300);
    expect(get('urban', '2025-Q3')!.growth).toBeCloseTo(0.1, 12); // 33,000 / 30,000 − 1
    expect(get('urban', '2025-Q4')!.growth).toBeCloseTo(0.1, 12); // 46,200 / 42,000 (2024 annual; no 2024-Q4) − 1
    expect(get('urban', '2025')).toBeUndefined(); // no annual element: a quarter does not make a year
    expect(get('coop', '2025-Q2')!.value).toBe(58);
    expect(get('coop', '2025-Q2')!.source_kind).toBe('admin');
    expect(get('coop', '2025-Q2')!.growth).toBeCloseTo(0.16, 12); // 58 / 50 − 1
    expect(get('coop.new', '2025-Q2')!.value).toBe(8); // @-1 of a quarter: the same quarter a year before
    expect(get('coop', '2025-Q3')).toBeUndefined();
    expect(get('coop', '2025-Q1')).toBeUndefined();
  });

  it('months only for monthly indicators: approved month entries count, growth and @-1 on the same month a year before', () => {
    const store = new ElementStore();
    const monthly = { ...def('jobs', 'admin.jobs'), periodicity: 'month' };
    const defs = [monthly, { ...def('jobs.change', 'ind.jobs - ind.jobs@-1'), periodicity: 'month' }, def('coop', 'admin.coop')];
    const entries = [entry('jobs', '2024-01', 1200), entry('jobs', '2025-01', 1260), entry('jobs', '2025-02', 1300), entry('coop', '2025-03', 7)];
    const v = computeValues({ definitions: defs, store, entries, lastYear: 2025, regions: ['211000'] });
    const get = (code: string, period: string) => v.find((x) => x.code === code && x.period === period);
    expect(v.filter((x) => x.code === 'jobs').map((x) => x.period).sort()).toEqual(['2024-01', '2025-01', '2025-02']);
    expect(get('jobs', '2025-01')!.growth).toBeCloseTo(0.05, 12); // 1,260 / 1,200 − 1
    expect(get('jobs', '2025-02')!.growth).toBeNull(); // no February 2024
    expect(get('jobs.change', '2025-01')!.value).toBe(60); // @-1 of a month: the same month a year before
    expect(get('coop', '2025-03')).toBeUndefined(); // a yearly indicator is not evaluated per month
  });

  it('passes SE and CI through a single element, scaled by the factor', () => {
    const store = new ElementStore();
    store.set('survey.middle_share', '2023', '211000', survey(0.4, 0.01));
    const v = computeValues({ definitions: [def('middle.share', 'survey.middle_share', null, 100)], store, entries: [], lastYear: 2023, regions: ['211000'] });
    expect(v).toHaveLength(1);
    expect(v[0].value).toBeCloseTo(40, 12);
    expect(v[0].se).toBeCloseTo(1, 12);
    expect([v[0].ci_lo, v[0].ci_hi].map((x) => Math.round(x! * 1000) / 1000)).toEqual([38.04, 41.96]);
  });

  it('ratio of two indicators: delta-method SE, falls back to approved entries before the survey, growth year on year', () => {
    const store = new ElementStore();
    store.set('survey.income_pc.urban', '2023', '211000', survey(40000, 800));
    store.set('survey.income_pc.rural', '2023', '211000', survey(20000, 600));
    const defs = [def('ratio', 'ind.urban', 'ind.rural'), def('urban', 'survey.income_pc.urban'), def('rural', 'survey.income_pc.rural')];
    const v = computeValues({ definitions: defs, store, entries: [entry('urban', '2022', 36000), entry('rural', '2022', 18000)], lastYear: 2023, regions: ['211000'] });
    const get = (code: string, period: string) => v.find((x) => x.code === code && x.period === period)!;
    expect(get('ratio', '2022').value).toBe(2);
    expect(get('ratio', '2022').source_kind).toBe('admin');
    expect(get('ratio', '2022').synthetic).toBe(1);
    expect(get('urban', '2022').source_label).toBe('市统计局（演示）');
    const r = get('ratio', '2023');
    expect(r.value).toBe(2);
    // se = 2 × sqrt((800/40000)² + (600/20000)²) = 2 × sqrt(0.0004 + 0.0009) = 0.0721110
    expect(r.se!).toBeCloseTo(2 * Math.sqrt(0.0013), 12);
    expect(get('urban', '2023').growth!).toBeCloseTo(40000 / 36000 - 1, 12);
    expect(v.filter((x) => x.code === 'ratio').map((x) => x.period)).toEqual(['2022', '2023']);
  });

  it('a suppressed element gives a suppressed value, not a number', () => {
    const store = new ElementStore();
    store.set('registry.income_pc.rural', '2023', '211002', { ...survey(0, 0), value: null, se: null, ci: null, suppressed: true, kind: 'registry' });
    const v = computeValues({ definitions: [def('x', 'registry.income_pc.rural')], store, entries: [], lastYear: 2023, regions: ['211002'] });
    expect(v).toHaveLength(1);
    expect([v[0].value, v[0].suppressed]).toEqual([null, 1]);
  });
});

describe('registry disclosure control for indicator cells', () => {
  it('suppresses fewer than 3 households, or one household over 85%', () => {
    expect(publishable([1, 2], 3, 0.85)).toBe(false);
    expect(publishable([1, 1, 98], 3, 0.85)).toBe(false);
    expect(publishable([10, 10, 80], 3, 0.85)).toBe(true);
  });

  it('per-capita income = Σ income ÷ Σ members (fen → 元)', () => {
    const hs = [
      { hid: 1, region: '211002001001', urban: true, members: 2, disposable: 6_000_000 },
      { hid: 2, region: '211002001001', urban: true, members: 3, disposable: 6_000_000 },
      { hid: 3, region: '211002001002', urban: true, members: 1, disposable: 3_000_000 },
    ];
    // (60,000 + 60,000 + 30,000) ÷ 6 = 25,000
    expect(perCapita(hs, 3, 0.85)).toEqual({ value: 25000, n: 3, suppressed: false });
    expect(perCapita(hs.slice(0, 2), 3, 0.85)).toEqual({ value: null, n: 2, suppressed: true });
  });
});

describe('task status summary', () => {
  it('counts by group of the seven key groups and by supporting action', () => {
    const t = (group: string, section: string, colour: 'red' | 'yellow' | 'green' | 'done') => ({ group, section, status: { colour } as never });
    const c = countTasks([
      t('技能人才激励计划', '二、激发七大重点群体活力', 'red'),
      t('技能人才激励计划', '二、激发七大重点群体活力', 'green'),
      t('就业促进行动', '三、实施六大支撑行动', 'done'),
    ]);
    expect(c.byGroup).toEqual([{ key: '技能人才激励计划', label: '技能人才激励计划', red: 1, yellow: 0, green: 1, done: 0 }]);
    expect(c.byAction).toEqual([{ key: '就业促进行动', label: '就业促进行动', red: 0, yellow: 0, green: 0, done: 1 }]);
    expect(c.total).toMatchObject({ red: 1, green: 1, done: 1, yellow: 0 });
  });
});
