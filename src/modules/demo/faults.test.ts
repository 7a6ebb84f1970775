import { describe, expect, it } from 'vitest';
import { checkResidentId, makeResidentId, upgradeLegacyId } from '../../shared/resident-id.js';
import { CHANNEL_FAULT_RATES } from './channels/common.js';
import { FAULT_KINDS, faultyIdentity, rowFaults, toFullWidth, toTraditional, withTypo, type FaultKind } from './faults.js';
import { Rng } from './rng.js';

const asOf = '2025-01-01';

/** |observed − expected| within 4 binomial standard deviations (plus 1 for tiny expectations). */
function expectRate(observed: number, n: number, p: number) {
  const sd = Math.sqrt(n * p * (1 - p));
  expect(Math.abs(observed - n * p)).toBeLessThanOrEqual(4 * sd + 1);
}

describe('faultyIdentity', () => {
  const rates = CHANNEL_FAULT_RATES.dibao;
  const r = new Rng(3);
  const n = 60_000;
  const people = Array.from({ length: n }, () => {
    const female = r.chance(0.5);
    const y = 1930 + r.int(90);
    const id = makeResidentId('211002', `${y}${String(1 + r.int(12)).padStart(2, '0')}${String(1 + r.int(28)).padStart(2, '0')}`, female ? 2 + 2 * r.int(499) : 1 + 2 * r.int(500));
    return { id, name: ['刘伟', '张丽', '王静', '陈华'][r.int(4)], born: y };
  });
  const out = people.map((x, i) => ({ ...x, f: faultyIdentity(99, 3, i, x.id, x.name, rates) }));
  const count = (k: FaultKind) => out.filter((o) => o.f.faults.includes(k)).length;

  it('applies each identity fault at its stated rate among eligible persons', () => {
    expectRate(count('missing_id'), n, rates.missing_id);
    expectRate(count('wrong_check'), n, rates.wrong_check);
    expectRate(count('full_width'), n, rates.full_width);
    const born1900s = out.filter((o) => o.born <= 1999).length;
    expectRate(count('legacy_15'), born1900s, rates.legacy_15);
    expectRate(count('lowercase_x'), out.filter((o) => o.f.xEligible).length, rates.lowercase_x);
    expectRate(count('name_typo') + count('name_traditional'), n, rates.name_typo + rates.name_traditional);
  });
  it('each fault has the form a registry must repair or reject', () => {
    const problems: string[] = [];
    const fail = (o: (typeof out)[number], why: string) => problems.push(`${o.id} → ${o.f.id} ${o.f.name} [${o.f.faults}]: ${why}`);
    for (const o of out) {
      const f = o.f.faults;
      const c = checkResidentId(o.f.id, { asOf });
      if (f.includes('missing_id')) {
        if (o.f.id !== '') fail(o, 'not empty');
      } else if (f.includes('wrong_check')) {
        if (c.ok || c.error !== 'BAD_CHECK_CHARACTER') fail(o, 'check character not wrong');
      } else if (!c.ok || c.value.id !== o.id) {
        fail(o, 'does not normalise to the true ID');
      } else {
        if (f.includes('legacy_15') && upgradeLegacyId(o.f.id.replace('x', 'X')) !== o.id) fail(o, 'legacy');
        if (f.includes('full_width') && !c.fixes.includes('FULL_WIDTH')) fail(o, 'full width');
        if (f.includes('lowercase_x') && !o.f.id.endsWith('x')) fail(o, 'lower x');
        if (f.length === 0 && o.f.id !== o.id) fail(o, 'changed without a fault');
      }
      if (f.includes('name_traditional') && o.f.name !== toTraditional(o.name)) fail(o, 'traditional');
      if (f.includes('name_typo') && Array.from(o.f.name).filter((ch, i) => ch !== Array.from(o.name)[i]).length !== 1) fail(o, 'typo');
      if (!f.includes('name_typo') && !f.includes('name_traditional') && o.f.name !== o.name) fail(o, 'name changed');
    }
    expect(problems).toEqual([]);
    expect(out.some((o) => o.f.faults.length > 0)).toBe(true);
  });
  it('is the same for the same person and channel, and differs between channels', () => {
    const a = people.slice(0, 2000).map((x, i) => faultyIdentity(99, 3, i, x.id, x.name, rates));
    const b = people.slice(0, 2000).map((x, i) => faultyIdentity(99, 3, i, x.id, x.name, rates));
    const c = people.slice(0, 2000).map((x, i) => faultyIdentity(99, 4, i, x.id, x.name, rates));
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });
});

describe('row faults and helpers', () => {
  it('spaces and duplicates occur at their rates', () => {
    const rates = CHANNEL_FAULT_RATES['social-insurance'];
    let spaces = 0;
    let dup = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const f = rowFaults(5, 2, i, rates);
      if (f.spaces) spaces++;
      if (f.duplicate) dup++;
    }
    expectRate(spaces, n, rates.spaces);
    expectRate(dup, n, rates.duplicate_row);
  });
  it('full width, traditional and typo transforms', () => {
    expect(toFullWidth('21100219800101001X')).toBe('２１１００２１９８００１０１００１Ｘ');
    expect(toTraditional('刘国华')).toBe('劉國華');
    expect(withTypo('王伟', 0.9)).toBe('王玮');
    expect(withTypo('么', 0.5)).toBe('么');
  });
  it('every channel states a rate for every fault kind', () => {
    for (const rates of Object.values(CHANNEL_FAULT_RATES)) expect(Object.keys(rates).sort()).toEqual([...FAULT_KINDS].sort());
  });
});
