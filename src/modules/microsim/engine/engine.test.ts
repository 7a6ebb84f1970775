import { describe, expect, it } from 'vitest';
import {
  annualSum, applyScale, calculate, EngineError, explainHousehold, householdSum, parseParameterYaml, parseReformText,
  ParameterSet, runPopulation, Collector, TaxBenefitSystem, type Population, type VariableDef,
} from './index.js';

const YAML = `
programme: toy
label: {zh: 玩具税, en: Toy tax}
parameters:
  tax:
    threshold:
      label: {zh: 起征点, en: Threshold}
      unit: yuan/month
      values:
        - {from: 2018-01-01, value: 3500, ref: 旧法}
        - {from: 2018-10-01, value: 5000, ref: 新法}
    table:
      values:
        - from: 2018-01-01
          ref: 税率表
          brackets: [{to: 3000, rate: 0.03, quick: 0}, {to: 12000, rate: 0.1, quick: 210}, {rate: 0.2, quick: 1410}]
  benefit:
    amount:
      values: [{from: 2018-01-01, value: 100, ref: 占位, placeholder: true}]
`;

let taxRuns = 0;
const wage: VariableDef = { name: 'wage', entity: 'person', period: 'month', unit: 'yuan', label: { zh: '工资', en: 'wage' }, input: { default: 0 } };
const tax: VariableDef = {
  name: 'tax',
  entity: 'person',
  period: 'month',
  unit: 'yuan',
  label: { zh: '税', en: 'tax' },
  deps: ['wage'],
  formula: (ctx) => {
    taxRuns++;
    const w = ctx.get('wage');
    for (let m = 1; m <= 12; m++) {
      const t = ctx.num('toy.tax.threshold', m);
      const s = ctx.scale('toy.tax.table', m);
      for (let p = 0; p < ctx.n; p++) ctx.out[p * 12 + m - 1] = applyScale(s, w[p * 12 + m - 1] - t);
    }
  },
};
/** cumulative state: tax withheld so far, carried month to month */
const cumulative: VariableDef = {
  name: 'cumulative_tax',
  entity: 'person',
  period: 'month',
  unit: 'yuan',
  label: { zh: '累计', en: 'cumulative' },
  deps: ['tax'],
  formula: (ctx) => {
    const t = ctx.get('tax');
    for (let p = 0; p < ctx.n; p++) {
      let s = 0;
      for (let m = 0; m < 12; m++) ctx.out[p * 12 + m] = s += t[p * 12 + m];
    }
  },
};
const taxAnnual = annualSum('tax_annual', tax, { zh: '年税', en: 'annual tax' });
const hhTax = householdSum('household_tax', taxAnnual, { zh: '户税', en: 'household tax' });
const benefit: VariableDef = {
  name: 'benefit',
  entity: 'household',
  period: 'year',
  unit: 'yuan',
  label: { zh: '补助', en: 'benefit' },
  deps: ['household_tax'],
  formula: (ctx) => {
    const a = ctx.num('toy.benefit.amount');
    const t = ctx.get('household_tax');
    for (let h = 0; h < ctx.n; h++) {
      ctx.out[h] = t[h] === 0 ? a : 0;
      if (ctx.tracing && t[h] === 0) ctx.note(h, 'no tax paid: benefit due');
    }
  },
  alternatives: {
    double: { label: { zh: '双倍', en: 'double' }, deps: ['household_tax'], formula: (ctx) => ctx.out.fill(2 * ctx.num('toy.benefit.amount')) },
  },
};
const params = new ParameterSet(parseParameterYaml(YAML, 'toy.yaml').parameters);
const system = new TaxBenefitSystem([wage, tax, cumulative, taxAnnual, hhTax, benefit], params);

function population(wages: number[], householdOf: number[]): Population {
  const persons = wages.length;
  const w = new Float64Array(persons * 12);
  wages.forEach((x, p) => w.fill(x, p * 12, p * 12 + 12));
  return { persons, households: Math.max(...householdOf) + 1, personHousehold: Int32Array.from(householdOf), inputs: { wage: w } };
}

describe('engine', () => {
  it('computes dated parameters per month, cumulative state and annual / household sums', () => {
    const r = calculate(system, population([10000, 0, 4000], [0, 1, 1]), 2018, ['cumulative_tax', 'household_tax', 'benefit']);
    // Jan–Sep: (10000 − 3500)·10% − 210 = 440; Oct–Dec: (10000 − 5000)·10% − 210 = 290
    expect(Array.from(r.cumulative_tax.subarray(0, 12))).toEqual([440, 880, 1320, 1760, 2200, 2640, 3080, 3520, 3960, 4250, 4540, 4830]);
    // person 3: (4000 − 3500)·3% = 15 for 9 months, nothing from October
    expect(r.cumulative_tax[2 * 12 + 11]).toBeCloseTo(135, 9);
    expect(Array.from(r.household_tax)).toEqual([4830, expect.closeTo(135, 9)]);
    expect(Array.from(r.benefit)).toEqual([0, 0]);
  });

  it('orders dependencies whatever the definition order', () => {
    const s = new TaxBenefitSystem([benefit, hhTax, taxAnnual, cumulative, tax, wage], params);
    const plan = s.plan(['benefit'], new Set()).map((x) => x.def.name);
    expect(plan).toEqual(['wage', 'tax', 'tax_annual', 'household_tax', 'benefit']);
    // a variable given as input needs none of its dependencies
    expect(s.plan(['benefit'], new Set(['household_tax'])).map((x) => x.def.name)).toEqual(['household_tax', 'benefit']);
  });

  it('reports a dependency cycle with its path', () => {
    const a: VariableDef = { ...tax, name: 'a', deps: ['b'], formula: () => {} };
    const b: VariableDef = { ...tax, name: 'b', deps: ['c'], formula: () => {} };
    const c: VariableDef = { ...tax, name: 'c', deps: ['a'], formula: () => {} };
    expect(() => new TaxBenefitSystem([wage, a, b, c], params)).toThrow('dependency cycle: a → b → c → a');
  });

  it('rejects unknown and undeclared dependencies', () => {
    expect(() => new TaxBenefitSystem([{ ...tax, deps: ['nothing'] }], params)).toThrow('unknown variable nothing');
    const sneaky: VariableDef = { ...tax, name: 'sneaky', deps: [], formula: (ctx) => void ctx.get('wage') };
    const s = new TaxBenefitSystem([wage, sneaky], params);
    expect(() => calculate(s, population([1], [0]), 2018, ['sneaky'])).toThrow('not among its declared deps');
  });

  it('gives the same results slice by slice as in one piece', () => {
    const n = 5000;
    const wages = Array.from({ length: n }, (_, i) => (i * 7919) % 30000);
    const hh = Array.from({ length: n }, (_, i) => Math.floor(i / 3));
    const pop = population(wages, hh);
    const whole = calculate(system, pop, 2018, ['benefit', 'tax_annual']);
    const col = new Collector(system, pop, ['benefit', 'tax_annual']);
    runPopulation(system, pop, { year: 2018, targets: ['benefit', 'tax_annual'], personsPerSlice: 100, onSlice: (_, b) => col.collect(b) });
    expect(col.columns.benefit).toEqual(whole.benefit);
    expect(col.columns.tax_annual).toEqual(whole.tax_annual);
  });

  it('tells formulas which inputs nobody gave', () => {
    const seen: (number | undefined)[] = [];
    const probe: VariableDef = { ...tax, name: 'probe', deps: ['wage', 'extra'], formula: (ctx) => void seen.push(ctx.constant('wage'), ctx.constant('extra')) };
    const extra: VariableDef = { ...wage, name: 'extra', input: { default: 7 } };
    calculate(new TaxBenefitSystem([wage, extra, probe], params), population([1], [0]), 2018, ['probe']);
    expect(seen).toEqual([undefined, 7]);
  });

  it('replaces computed values only for the rows given', () => {
    const pop = population([10000, 10000], [0, 1]);
    pop.inputs.tax_annual = new Float64Array([0, 999]);
    pop.given = { tax_annual: new Uint8Array([0, 1]) };
    const s = new TaxBenefitSystem([wage, tax, { ...taxAnnual, input: { default: 0 } }, hhTax, benefit], params);
    const r = calculate(s, pop, 2019, ['household_tax']);
    expect(Array.from(r.household_tax)).toEqual([290 * 12, 999]);
  });
});

describe('reforms', () => {
  const pop = population([10000, 0], [0, 1]);

  it('scales parameters and recomputes only what depends on them', () => {
    const reform = parseReformText('name: more\nparameters:\n  toy.benefit.amount: {scale: 1.1}\n');
    taxRuns = 0;
    const out: number[][] = [];
    runPopulation(system, pop, {
      year: 2018,
      targets: ['benefit'],
      reforms: [reform],
      onSlice: (_, b, [r]) => out.push(Array.from(b.get('benefit')), Array.from(r.get('benefit'))),
    });
    expect(out[0]).toEqual([0, 100]);
    expect(out[1][1]).toBeCloseTo(110, 9);
    expect(taxRuns).toBe(1); // the tax was not recomputed for the reform
  });

  it('recomputes a formula whose parameter changed, and all that depends on it', () => {
    const reform = parseReformText('name: high\nparameters:\n  toy.tax.threshold: {value: 20000}\n');
    taxRuns = 0;
    let benefits: number[] = [];
    runPopulation(system, pop, { year: 2018, targets: ['benefit'], reforms: [reform], onSlice: (_, __, [r]) => (benefits = Array.from(r.get('benefit'))) });
    expect(taxRuns).toBe(2);
    expect(benefits).toEqual([100, 100]);
  });

  it('replaces dated values from the override date on', () => {
    const reform = parseReformText('name: q\nparameters:\n  toy.tax.threshold:\n    values: [{from: 2018-07-01, value: 10000}]\n');
    const r = calculate(system, pop, 2018, ['tax'], reform);
    expect(Array.from(r.tax.subarray(0, 12))).toEqual([440, 440, 440, 440, 440, 440, 0, 0, 0, 0, 0, 0]);
  });

  it('selects an alternative formula by name', () => {
    const r = calculate(system, pop, 2018, ['benefit'], parseReformText('{"name": "d", "formulas": {"benefit": "double"}}'));
    expect(Array.from(r.benefit)).toEqual([200, 200]);
    expect(() => calculate(system, pop, 2018, ['benefit'], parseReformText('{"name": "d", "formulas": {"benefit": "triple"}}'))).toThrow(
      'no alternative formula "triple" (known: double)',
    );
  });

  it('rejects unknown parameters and malformed overrides', () => {
    expect(() => calculate(system, pop, 2018, ['tax'], parseReformText('name: x\nparameters: {toy.nope: {value: 1}}'))).toThrow('unknown parameter toy.nope');
    expect(() => parseReformText('name: x\nparameters: {toy.tax.threshold: {scale: 1, value: 2}}')).toThrow('exactly one of');
    expect(() => parseReformText('parameters: {}')).toThrow('"name" is required');
  });
});

describe('parameter files', () => {
  it('reads dated values, scales and placeholders', () => {
    const p = new ParameterSet(parseParameterYaml(YAML).parameters);
    expect(p.at('toy.tax.threshold', 20180930)).toBe(3500);
    expect(p.at('toy.tax.threshold', 20181001)).toBe(5000);
    expect(() => p.at('toy.tax.threshold', 20171231)).toThrow('no value in force on 2017-12-31');
    expect(p.entry('toy.benefit.amount', 20200101)?.placeholder).toBe(true);
    expect(p.def('toy.tax.threshold').label).toEqual({ zh: '起征点', en: 'Threshold' });
  });

  it('insists on a legal reference, valid dates and continuous quick deductions', () => {
    const leaf = (v: string) => `programme: t\nparameters:\n  x:\n    values:\n      - ${v}\n`;
    expect(() => parseParameterYaml(leaf('{from: 2019-01-01, value: 1}'), 'f.yaml')).toThrow('f.yaml: t.x value 1: every value needs its legal reference "ref"');
    expect(() => parseParameterYaml(leaf('{from: 2019-13-01, value: 1, ref: r}'))).toThrow('invalid date');
    expect(() => parseParameterYaml(leaf('{from: 2019-01-01, ref: r, brackets: [{to: 36000, rate: 0.03}, {rate: 0.1, quick: 2500}]}'))).toThrow(
      'quick deduction 2500 should be 2520',
    );
    expect(() => parseParameterYaml('programme: t\nparameters: {x: {values: [{from: 2019-01-01, value: 1, ref: r}, {from: 2019-01-01, value: 2, ref: r}]}}')).toThrow('same date');
    expect(() => parseParameterYaml('a: [')).toThrow('not valid YAML');
  });
});

describe('explanations', () => {
  it('lists each rule with the parameters it used and the amounts it gave', () => {
    const pop = population([10000, 0], [0, 1]);
    pop.personIds = ['张三 (synthetic)', '李四 (synthetic)'];
    pop.householdIds = ['h1', 'h2'];
    const e = explainHousehold(system, pop, 1, { year: 2018, targets: ['benefit'] });
    expect(e.household).toBe('h2');
    expect(e.members).toEqual(['李四 (synthetic)']);
    const b = e.steps.find((s) => s.variable === 'benefit')!;
    expect(b.values).toEqual([{ id: 'h2', value: 100 }]);
    expect(b.notes).toEqual([{ id: 'h2', text: 'no tax paid: benefit due' }]);
    expect(b.parameters).toEqual([
      { name: 'toy.benefit.amount', label: { zh: 'toy.benefit.amount', en: 'toy.benefit.amount' }, date: '2018-01-01', from: '2018-01-01', value: 100, ref: '占位', placeholder: true },
    ]);
    // zero-valued steps are left out; the tax step of household 1 shows both thresholds
    expect(e.steps.map((s) => s.variable)).toEqual(['benefit']);
    const e0 = explainHousehold(system, pop, 0, { year: 2018, targets: ['benefit'] });
    const t = e0.steps.find((s) => s.variable === 'tax')!;
    expect(t.parameters.filter((u) => u.name === 'toy.tax.threshold').map((u) => [u.date, u.value, u.ref])).toContainEqual(['2018-10-01', 5000, '新法']);
    expect(t.values[0].value).toEqual([440, 440, 440, 440, 440, 440, 440, 440, 440, 290, 290, 290]);
  });

  it('is an EngineError for bad requests', () => {
    expect(() => calculate(system, population([1], [0]), 1800, ['tax'])).toThrow(EngineError);
  });
});
