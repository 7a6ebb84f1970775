import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  bootstrap,
  calibrate,
  degreesOfFreedom,
  jk1,
  jkn,
  postStratify,
  quantiles,
  rake,
  repMean,
  repRatio,
  repTotal,
  replicateDesign,
  sortSample,
  surveyDesign,
  svyGini,
  svyMean,
  svyQuantile,
  svyRatio,
  svyTotal,
  type LonelyPsu,
  type ReplicateDesign,
  type SurveyDesign,
} from '../../src/modules/stats/index.js';

/** Values computed by R's survey package (make-reference.R); see that script for each case. */
const ref = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'survey-reference.json'), 'utf8')) as Reference;

interface Result {
  stat: 'mean' | 'total' | 'ratio' | 'quantile' | 'gini';
  y: string;
  x?: string;
  qrule?: 'math' | 'hf7';
  domain: { by: string; value: string } | null;
  estimate?: number;
  se?: number;
  df?: number;
  values?: { p: number; estimate: number; ci: [number | null, number | null]; se: number | null }[];
}
interface Case {
  name: string;
  data: Record<string, (number | string)[]>;
  design: { weights: string; strata?: string; psu?: string; fpc?: string; nest?: boolean; lonely?: LonelyPsu; replicate?: string };
  results: Result[];
  error?: string;
  calibration?: Calibration[];
  weights?: number[];
  scale?: number;
  rscales?: number[];
  replicateWeights?: number[][];
}
type Calibration =
  | { kind: 'poststratify'; group: string; population: Record<string, number> }
  | { kind: 'rake'; margins: { group: string; population: Record<string, number> }[] }
  | { kind: 'calibrate'; calfun: 'linear' | 'raking'; columns: string[]; totals: number[] };
interface Reference {
  generated: Record<string, string>;
  quantileRules: { ps: number[]; cases: { y: number[]; w: number[]; math: number[]; hf7: number[] }[] };
  cases: Case[];
}

const num = (c: Case, col: string) => Float64Array.from(c.data[col] as number[]);

/** Relative agreement; `null` from R (NA) must be NaN here. */
function close(actual: number, expected: number | null, tol: number, what: string) {
  if (expected === null) {
    expect(actual, what).toBeNaN();
    return;
  }
  const scale = Math.max(Math.abs(expected), Math.abs(actual));
  if (scale < 1e-12) return;
  expect(Math.abs(actual - expected) / scale, `${what}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(tol);
}

function buildDesign(c: Case): SurveyDesign {
  let d = surveyDesign({
    weights: num(c, c.design.weights),
    strata: c.design.strata ? c.data[c.design.strata] : null,
    psu: c.design.psu ? c.data[c.design.psu] : null,
    fpc: c.design.fpc ? num(c, c.design.fpc) : null,
    nest: c.design.nest,
    lonelyPsu: c.design.lonely ?? 'fail',
  });
  for (const step of c.calibration ?? []) {
    if (step.kind === 'poststratify') d = postStratify(d, c.data[step.group], step.population);
    else if (step.kind === 'rake') d = rake(d, step.margins.map((m) => ({ group: c.data[m.group], population: m.population })));
    else {
      const columns = step.columns.map((name) => {
        if (name === '1') return new Float64Array(d.n).fill(1);
        const [col, level] = name.split('=');
        if (level !== undefined) return Float64Array.from(c.data[col], (v) => (String(v) === level ? 1 : 0));
        return num(c, col);
      });
      d = calibrate(d, columns, step.totals, { calfun: step.calfun, epsilon: 1e-14, maxit: 100 });
    }
  }
  return d;
}

function domainValues(d: SurveyDesign, y: Float64Array, domain: Uint8Array | null) {
  const keep = Array.from(y.keys()).filter((i) => (!domain || domain[i]) && d.weights[i] > 0);
  return sortSample(Float64Array.from(keep, (i) => y[i]), Float64Array.from(keep, (i) => d.weights[i]));
}

function domainMask(c: Case, r: Result): Uint8Array | null {
  if (!r.domain) return null;
  const { by, value } = r.domain;
  return Uint8Array.from(c.data[by], (v) => (String(v) === value ? 1 : 0));
}

const label = (r: Result) => `${r.stat}(${r.y}${r.x ? '/' + r.x : ''})${r.qrule ? ' ' + r.qrule : ''}${r.domain ? ` [${r.domain.by}=${r.domain.value}]` : ''}`;

describe(`R survey ${ref.generated.survey} reference (${ref.generated.r})`, () => {
  for (const c of ref.cases.filter((x) => !x.design.replicate)) {
    describe(c.name, () => {
      if (c.error) {
        it('fails like R', () => {
          const d = buildDesign(c);
          expect(() => svyMean(d, num(c, 'api00'))).toThrow(c.error);
        });
        return;
      }
      const d = buildDesign(c);
      if (c.weights) {
        it('calibrated weights', () => {
          c.weights!.forEach((w, i) => close(d.weights[i], w, 1e-9, `weight ${i + 1}`));
        });
      }
      for (const r of c.results) {
        it(label(r), () => {
          const domain = domainMask(c, r);
          const y = num(c, r.y);
          if (r.stat === 'quantile') {
            const q = svyQuantile(d, y, r.values!.map((v) => v.p), { domain, rule: r.qrule });
            expect(degreesOfFreedom(d, domain)).toBe(r.df);
            const sorted = domainValues(d, y, domain);
            q.forEach((e, i) => {
              const v = r.values![i];
              close(e.estimate, v.estimate, 1e-9, `q${v.p}`);
              if (r.qrule === 'math' && v.ci[0] !== null && e.pInterval[0] * sorted.N < sorted.w[0] && e.ci[0] !== v.ci[0]) {
                // Documented deviation (quantile.ts): for p·N below the first unit's weight, survey 4.1's
                // qrule returns the second value; we return the first.
                expect(e.ci[0]).toBe(sorted.y[0]);
                expect(v.ci[0]).toBe(sorted.y[1]);
                return;
              }
              close(e.ci[0], v.ci[0], 1e-6, `q${v.p} lower`);
              close(e.ci[1], v.ci[1], 1e-6, `q${v.p} upper`);
              close(e.se, v.se, 1e-6, `q${v.p} se`);
            });
            return;
          }
          const e =
            r.stat === 'mean'
              ? svyMean(d, y, { domain })
              : r.stat === 'total'
                ? svyTotal(d, y, { domain })
                : r.stat === 'ratio'
                  ? svyRatio(d, y, num(c, r.x!), { domain })
                  : svyGini(d, y, { domain });
          close(e.estimate, r.estimate!, 1e-9, 'estimate');
          // R's Gini SE comes from a numerical derivative (central differences): agreement to ~1e-8
          close(e.se, r.se!, r.stat === 'gini' ? 1e-6 : 1e-9, 'se');
        });
      }
    });
  }

  for (const c of ref.cases.filter((x) => x.design.replicate)) {
    describe(c.name, () => {
      const d = buildDesign(c);
      let rd: ReplicateDesign;
      if (c.design.replicate === 'JK1') rd = jk1(d);
      else if (c.design.replicate === 'JKn') rd = jkn(d);
      else {
        rd = replicateDesign({
          weights: d.weights,
          replicates: c.replicateWeights!.map((w) => Float64Array.from(w)),
          scale: c.scale!,
          rscales: Float64Array.from(c.rscales!),
          type: 'bootstrap',
        });
        it('our bootstrap has R scale factor', () => close(bootstrap(d, c.rscales!.length).scale, c.scale!, 1e-12, 'scale'));
      }
      if (c.scale !== undefined && c.design.replicate === 'JK1') it('scale', () => close(rd.scale, c.scale!, 1e-12, 'scale'));
      for (const r of c.results) {
        it(label(r), () => {
          const domain = domainMask(c, r);
          const y = num(c, r.y);
          const e =
            r.stat === 'mean'
              ? repMean(rd, y, { domain })
              : r.stat === 'total'
                ? repTotal(rd, y, { domain })
                : repRatio(rd, y, num(c, r.x!), { domain });
          close(e.estimate, r.estimate!, 1e-9, 'estimate');
          close(e.se, r.se!, 1e-9, 'se');
        });
      }
    });
  }

  describe('weighted quantile rules (survey qrule_math, qrule_hf7; R quantile type 7)', () => {
    ref.quantileRules.cases.forEach((q, k) => {
      it(`data set ${k + 1}`, () => {
        const s = sortSample(Float64Array.from(q.y), Float64Array.from(q.w));
        const math = quantiles(s, ref.quantileRules.ps, 'math');
        const hf7 = quantiles(s, ref.quantileRules.ps, 'hf7');
        ref.quantileRules.ps.forEach((p, i) => {
          close(math[i], q.math[i], 1e-12, `math ${p}`);
          close(hf7[i], q.hf7[i], 1e-12, `hf7 ${p}`);
        });
      });
    });
  });
});
