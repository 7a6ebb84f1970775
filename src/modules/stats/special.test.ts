import { describe, expect, it } from 'vitest';
import { betaIncomplete, integrate, lbeta, pt, qnorm, qt } from './special.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('distribution functions against R 4.2.2', () => {
  it('qt, qnorm, pt', () => {
    expect(rel(qt(0.975, 14), 2.144786687917803913)).toBeLessThan(1e-14);
    expect(rel(qt(0.975, 197), 1.972079033778501023)).toBeLessThan(1e-14);
    expect(rel(qt(0.025, 3), -3.182446305283709087)).toBeLessThan(1e-14);
    expect(rel(qt(0.9, 1), 3.077683537175254447)).toBeLessThan(1e-14);
    expect(rel(qt(0.99, 2), 6.9645567342832706)).toBeLessThan(1e-14);
    expect(rel(qt(0.975, 1000), 1.962339080826407622)).toBeLessThan(1e-14);
    expect(rel(qnorm(0.975), 1.959963984540053605)).toBeLessThan(1e-15);
    expect(rel(qnorm(1e-10), -6.361340902404055697)).toBeLessThan(1e-15);
    expect(rel(pt(1.5, 7), 0.911350756505014958)).toBeLessThan(1e-14);
    expect(rel(pt(-2.5, 30), 0.009057824534033353)).toBeLessThan(1e-13);
    expect(qt(0.975, Infinity)).toBe(qnorm(0.975));
  });
  it('incomplete beta: closed forms and numerical integration, including b <= 0', () => {
    expect(rel(betaIncomplete(0.3, 1, 2.5), (1 - 0.7 ** 2.5) / 2.5)).toBeLessThan(1e-14);
    expect(rel(betaIncomplete(0.3, 1, -0.5), (1 - 0.7 ** -0.5) / -0.5)).toBeLessThan(1e-14);
    expect(rel(betaIncomplete(0.6, 0.7, 1), 0.6 ** 0.7 / 0.7)).toBeLessThan(1e-14);
    expect(rel(betaIncomplete(0.8, 0.5, 0.5), 2 * Math.asin(Math.sqrt(0.8)))).toBeLessThan(1e-13);
    for (const [x, a, b] of [[0.3, 2, 3], [0.7, 1.5, 1.5], [0.4, 1.2, -0.4], [0.9, 3, 0.2]]) {
      const num = integrate((p) => p ** (a - 1) * (1 - p) ** (b - 1), 0, x, 1e-13);
      expect(rel(betaIncomplete(x, a, b), num)).toBeLessThan(1e-9);
    }
    expect(rel(betaIncomplete(1, 2, 3), Math.exp(lbeta(2, 3)))).toBeLessThan(1e-14);
    expect(betaIncomplete(0.5, -0.2, 1)).toBe(Infinity);
  });
});
