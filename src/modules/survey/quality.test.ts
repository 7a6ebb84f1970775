import { describe, expect, it } from 'vitest';
import { CLASSIFICATIONS } from './classification.js';
import { applyComments, checkMonth, type MonthFacts } from './quality.js';

const items = new Map(CLASSIFICATIONS[0].items.map((i) => [i.code, i]));
const facts = (p: Partial<MonthFacts> = {}): MonthFacts => ({
  month: '2024-07',
  entries: [
    { id: 'a', date: '2024-07-05', itemCode: '1101', amountFen: 500000 },
    { id: 'b', date: '2024-07-06', itemCode: '5101', amountFen: 12000 },
  ],
  items,
  residentMembers: 3,
  residentMembersBefore: 3,
  declaredMembers: 3,
  declaredMembersBefore: 3,
  wageHistory: [480000, 500000, 520000],
  stratumWagePerCapita: Array.from({ length: 20 }, (_, i) => 100000 + 10000 * i),
  missingDays: [],
  ...p,
});
const codes = (f: MonthFacts) => checkMonth(f).map((i) => `${i.severity}:${i.code}`);

describe('quality rules', () => {
  it('passes an ordinary month', () => {
    expect(checkMonth(facts())).toEqual([]);
  });

  it('blocks a month without entries, a negative amount, an unknown item and a household without residents', () => {
    expect(codes(facts({ entries: [] }))).toEqual(['error:MONTH_EMPTY']);
    expect(codes(facts({ entries: [{ id: 'n', date: '2024-07-01', itemCode: '5101', amountFen: -500 }] }))).toEqual(['error:NEGATIVE_AMOUNT']);
    expect(codes(facts({ entries: [{ id: 'u', date: '2024-07-01', itemCode: '9999', amountFen: 500 }] }))).toEqual(['error:UNKNOWN_ITEM']);
    expect(codes(facts({ residentMembers: 0, declaredMembers: null }))).toEqual(['error:NO_RESIDENT_MEMBER']);
    expect(checkMonth(facts({ residentMembers: 0, declaredMembers: null }))[0].message).toContain('不能提交');
  });

  it('warns about a wage far from the household’s history (more than three times, or under a third)', () => {
    expect(codes(facts({ entries: [{ id: 'w', date: '2024-07-05', itemCode: '1102', amountFen: 1_600_000 }] }))).toEqual(['warning:WAGE_HISTORY']);
    expect(codes(facts({ entries: [{ id: 'w', date: '2024-07-05', itemCode: '1101', amountFen: 1_400_000 }] }))).toEqual([]);
    expect(codes(facts({ entries: [{ id: 'w', date: '2024-07-05', itemCode: '1101', amountFen: 150_000 }] }))).toEqual(['warning:WAGE_HISTORY']);
    // too little history: no judgement
    expect(codes(facts({ wageHistory: [10000, 10000], entries: [{ id: 'w', date: '2024-07-05', itemCode: '1101', amountFen: 900_000 }] }))).toEqual([]);
  });

  it('warns about a per-capita wage above three times the stratum’s 95th percentile', () => {
    // stratum values 1,000 … 2,900 元: p95 = 2,800 元; 3 members × 8,500 = 25,500 元 → 8,500 per capita > 8,400
    const f = facts({ wageHistory: [], entries: [{ id: 'w', date: '2024-07-05', itemCode: '1101', amountFen: 2_550_000 }] });
    expect(codes(f)).toEqual(['warning:WAGE_STRATUM']);
    expect(codes({ ...f, entries: [{ id: 'w', date: '2024-07-05', itemCode: '1101', amountFen: 2_500_000 }] })).toEqual([]);
  });

  it('warns when the declared member count changes without a roster change', () => {
    expect(codes(facts({ declaredMembers: 4 }))).toEqual(['warning:MEMBERS_CHANGED']);
    // the roster changed as well (a birth): the new count matches, nothing to say
    expect(codes(facts({ declaredMembers: 4, residentMembers: 4 }))).toEqual([]);
    expect(codes(facts({ declaredMembers: 2, declaredMembersBefore: null }))).toEqual(['warning:MEMBERS_MISMATCH']);
  });

  it('warns about very large single amounts and many days without entries', () => {
    const big = facts({ entries: [...facts().entries, { id: 'x', date: '2024-07-09', itemCode: '5401', amountFen: 6_000_000 }] });
    expect(checkMonth(big).map((i) => i.key)).toEqual(['LARGE_AMOUNT:x']);
    expect(codes(facts({ missingDays: Array.from({ length: 11 }, (_, i) => `2024-07-${10 + i}`) }))).toEqual(['warning:MISSING_DAYS']);
  });

  it('needs a comment on every warning', () => {
    const issues = checkMonth(facts({ declaredMembers: 4, missingDays: Array.from({ length: 12 }, () => 'd') }));
    expect(applyComments(issues, { MEMBERS_CHANGED: '母亲住院' }).missing).toEqual(['MISSING_DAYS']);
    const done = applyComments(issues, { MEMBERS_CHANGED: '母亲住院', MISSING_DAYS: ' 外出探亲 ' });
    expect(done.missing).toEqual([]);
    expect(done.issues.find((i) => i.code === 'MISSING_DAYS')!.comment).toBe('外出探亲');
  });
});
