import { describe, expect, it } from 'vitest';
import { rng } from '../random.js';
import { FIELDS, LEVELS, type Levels } from './compare.js';
import { estimateM, estimateU, matchWeight, type Probabilities } from './fellegi-sunter.js';

const TRUE_M: Probabilities = { surname: [0.03, 0.07, 0.9], given: [0.04, 0.04, 0.12, 0.8], birth: [0.02, 0.08, 0.9], sex: [0.01, 0.99], place: [0.05, 0.15, 0.8], address: [0.3, 0.1, 0.6] };
const TRUE_U: Probabilities = { surname: [0.9, 0.03, 0.07], given: [0.95, 0.03, 0.015, 0.005], birth: [0.5, 0.3, 0.2], sex: [0.5, 0.5], place: [0.6, 0.3, 0.1], address: [0.97, 0.02, 0.01] };

function draw(p: number[], r: () => number): number {
  let x = r();
  for (let k = 0; k < p.length; k++) if ((x -= p[k]) < 0) return k;
  return p.length - 1;
}

function simulate(n: number, lambda: number, seed: number): Levels[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const match = r() < lambda;
    const l = {} as Levels;
    for (const f of FIELDS) l[f] = draw((match ? TRUE_M : TRUE_U)[f], r);
    return l;
  });
}

describe('Fellegi–Sunter', () => {
  it('estimates u as level shares of random pairs', () => {
    const u = estimateU(simulate(40000, 0, 1));
    for (const f of FIELDS) for (let k = 0; k < LEVELS[f]; k++) expect(u[f][k]).toBeCloseTo(TRUE_U[f][k], 1);
  });

  it('recovers m and the match share by EM with u fixed', () => {
    const pairs = simulate(20000, 0.2, 2);
    const em = estimateM(pairs, TRUE_U, { prior: 0 });
    expect(em.converged).toBe(true);
    expect(em.model.lambda).toBeGreaterThan(0.18);
    expect(em.model.lambda).toBeLessThan(0.22);
    for (const f of FIELDS) for (let k = 0; k < LEVELS[f]; k++) expect(Math.abs(em.model.m[f][k] - TRUE_M[f][k])).toBeLessThan(0.03);
  });

  it('gives the same estimates when every pair is there twice (patterns are counted, not lost), fields missing included', () => {
    const pairs = simulate(3000, 0.3, 3).map((l, i) => (i % 7 === 0 ? { ...l, address: null } : l));
    const once = estimateM(pairs, TRUE_U, { prior: 0 });
    const twice = estimateM([...pairs, ...pairs.slice().reverse()], TRUE_U, { prior: 0 });
    expect(twice.iterations).toBe(once.iterations);
    expect(twice.model.lambda).toBeCloseTo(once.model.lambda, 12);
    for (const f of FIELDS) for (let k = 0; k < LEVELS[f]; k++) expect(twice.model.m[f][k]).toBeCloseTo(once.model.m[f][k], 12);
    // λ alone with m fixed: the share of matches among the pairs.
    const fixed = estimateM(pairs, TRUE_U, { fixedM: TRUE_M });
    expect(fixed.model.lambda).toBeGreaterThan(0.27);
    expect(fixed.model.lambda).toBeLessThan(0.33);
  });

  it('sums log2(m/u) over fields plus the prior log-odds, and adjusts agreeing surnames by their frequency', () => {
    const model = { lambda: 0.2, m: TRUE_M, u: TRUE_U };
    const l: Levels = { surname: 2, given: 3, birth: 1, sex: 1, place: null, address: null };
    const expected = Math.log2(0.2 / 0.8) + Math.log2(0.9 / 0.07) + Math.log2(0.8 / 0.005) + Math.log2(0.08 / 0.3) + Math.log2(0.99 / 0.5);
    expect(matchWeight(l, model).total).toBeCloseTo(expected, 10);
    // 王 (7 %) and 隋 (0.1 %): same agreement, the rarer surname is log2(70) bits stronger evidence.
    const wang = matchWeight(l, model, 0.07).total;
    const sui = matchWeight(l, model, 0.001).total;
    expect(sui - wang).toBeCloseTo(Math.log2(70), 10);
    expect(matchWeight(l, model).probability).toBeCloseTo(1 / (1 + 2 ** -expected), 12);
  });
});
