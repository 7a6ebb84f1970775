import { describe, expect, it } from 'vitest';
import { demoHistory } from './demo-history.js';
import { taskStatus } from './status.js';

describe('demo supervision history', () => {
  const today = '2026-11-27';
  const h = demoHistory(58, '2026-01-01', '2027-12-31', today);
  it('is deterministic and covers every task', () => {
    expect(h).toHaveLength(58);
    expect(demoHistory(58, '2026-01-01', '2027-12-31', today)).toEqual(h);
  });
  it('never reports the future, and progress never falls', () => {
    for (const t of h) {
      for (const r of t.reports) expect(r.submittedOn < today).toBe(true);
      const ps = t.reports.map((r) => r.percent);
      expect([...ps].sort((a, b) => a - b)).toEqual(ps);
    }
  });
  it('gives the screens a mix of all four colours', () => {
    const colours = new Set(
      h.map((t) => {
        const approved = t.reports.filter((r) => r.approved);
        const progress = approved.length ? approved[approved.length - 1].percent : 0;
        return taskStatus({ startDate: t.startDate, deadline: t.deadline, progress, closed: !!t.closedOn }, today).colour;
      }),
    );
    expect([...colours].sort()).toEqual(['done', 'green', 'red', 'yellow']);
  });
});
