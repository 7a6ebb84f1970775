import { describe, expect, it } from 'vitest';
import { sortOrder, sortPairsInPlace, sortWithWeights } from './sort.js';
import { seeded } from './test-util/random.js';

function check(values: Float64Array) {
  const weights = Float64Array.from(values, (_, i) => i); // the weight is the input position
  const { y, w } = sortWithWeights(values, weights);
  const expected = Float64Array.from(values).sort();
  let mismatch = -1;
  for (let i = 0; i < y.length && mismatch < 0; i++) if (y[i] !== expected[i]) mismatch = i;
  expect(mismatch, 'first position differing from a comparison sort').toBe(-1);
  // every weight travelled with its value, and no input position is lost or repeated
  let travelled = true;
  for (let i = 0; i < y.length; i++) travelled &&= values[w[i]] === y[i];
  expect(travelled).toBe(true);
  expect(new Set(w).size).toBe(values.length);
  const order = sortOrder(values);
  let ordered = true;
  for (let i = 1; i < order.length; i++) ordered &&= values[order[i - 1]] <= values[order[i]];
  expect(ordered).toBe(true);
  expect(new Set(order).size).toBe(values.length);
}

describe('radix sort of float64 with a payload', () => {
  const r = seeded(7);
  it('small arrays, negatives, zeros, infinities', () => {
    check(new Float64Array([]));
    check(new Float64Array([3]));
    check(new Float64Array([3, -1, 0, -0, Infinity, -Infinity, 2.5, -2.5, 1e-300, -1e300, 5e-324]));
  });
  it('lognormal incomes (the fast bucket path)', () => {
    check(Float64Array.from({ length: 200_000 }, () => Math.exp(10 + 0.8 * Math.sqrt(-2 * Math.log(r())) * Math.cos(2 * Math.PI * r()))));
  });
  it('many ties and integer values', () => {
    check(Float64Array.from({ length: 150_000 }, () => Math.floor(r() * 50) * 100));
  });
  it('a narrow range sharing the high word (the general MSD path)', () => {
    check(Float64Array.from({ length: 100_000 }, () => 1000 + r() * 1e-9));
  });
  it('a heavy tail and mixed signs', () => {
    check(Float64Array.from({ length: 120_000 }, (_, i) => (i % 5 === 0 ? -1 : 1) * 1000 * Math.pow(r() + 1e-12, -1 / 1.2)));
  });
  it('all negative', () => {
    check(Float64Array.from({ length: 100_000 }, () => -Math.exp(5 + 5 * r())));
  });
  it('values outside the sampled range go to the end buckets', () => {
    const v = Float64Array.from({ length: 100_000 }, () => r());
    v[12345] = 1e12;
    v[54321] = -1e12;
    check(v);
  });
  it('rejects NaN with its position', () => {
    const v = Float64Array.from({ length: 100_000 }, () => r());
    v[777] = NaN;
    expect(() => sortPairsInPlace(v, new Float64Array(v.length))).toThrow('value 777 is NaN');
    expect(() => sortOrder(new Float64Array([1, NaN]))).toThrow('NaN');
  });
});
