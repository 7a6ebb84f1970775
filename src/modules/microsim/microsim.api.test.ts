import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../db/test-databases.js';
import { createTestApp, type TestApp } from '../../server/test-app.js';
import type { CalcResponse, Parameter, Programme, ReformResults, Run, Scenario, ShippedReform } from '../../shared/api/microsim.js';
import { loadParameters } from './params-files.js';
import { demoPopulation } from './population/demo.js';
import { runReform } from './population/run.js';
import { buildSystem } from './rules/index.js';

const SCALE = 0.004;
const DIBAO_PLUS_10 = {
  name: 'dibao-plus-10',
  label: { zh: '低保标准提高10%', en: '低保 standards raised by 10%' },
  parameters: { 'dibao.standard.urban': { scale: 1.1 }, 'dibao.standard.rural': { scale: 1.1 } },
};
// PRODUCT.md worked case: wage 30,000/month, social insurance 4,500, special deductions 2,000
const WORKED = {
  year: 2024,
  people: { p1: { wage_monthly: 30000, social_insurance_employee_monthly: 4500, special_deductions_monthly: 2000 } },
  households: { h1: { members: ['p1'], area: 'urban' } },
};

describe.each(testDatabases())('policy evaluation API on $name', (db) => {
  let t: TestApp;
  let analyst: string;
  let other: string;
  let liaison: string;
  let run: ReformResults & { runId: number };
  beforeAll(async () => {
    t = await createTestApp(db);
    analyst = await t.userWithSession('test.analyst', ['analyst']);
    other = await t.userWithSession('test.analyst2', ['analyst']);
    liaison = await t.userWithSession('test.liaison', ['liaison'], '211000', 'finance');
  });
  afterAll(() => t.close());

  const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload && { payload }) });

  it('lists the dated parameters with their legal references, placeholders marked', async () => {
    const res = await api('GET', '/api/microsim/parameters', analyst);
    expect(res.statusCode).toBe(200);
    const params = new Map<string, Parameter>((res.json().programmes as Programme[]).flatMap((p) => p.parameters.map((x) => [x.name, x])));
    const basic = params.get('iit.comprehensive.basic_deduction')!;
    const v2019 = basic.values.find((v) => v.from === '2019-01-01')!;
    expect(v2019.value).toBe(60000);
    expect(v2019.ref).toContain('个人所得税法');
    expect(v2019.placeholder).toBe(false);
    const table = params.get('iit.comprehensive.annual_table')!.values.find((v) => v.from === '2019-01-01')!.value as { to: number | null; rate: number; quick: number }[];
    expect(table.map((b) => [b.to, b.rate, b.quick])).toEqual([
      [36000, 0.03, 0], [144000, 0.1, 2520], [300000, 0.2, 16920], [420000, 0.25, 31920], [660000, 0.3, 52920], [960000, 0.35, 85920], [null, 0.45, 181920],
    ]);
    const urban = params.get('dibao.standard.urban')!;
    expect(urban.values.every((v) => v.placeholder)).toBe(true);
    expect(urban.values.find((v) => v.from === '2024-01-01')!.value).toBe(790);
  });

  it('lists the shipped reforms', async () => {
    const reforms = (await api('GET', '/api/microsim/reforms', analyst)).json() as ShippedReform[];
    const d = reforms.find((r) => r.name === 'dibao-plus-10')!;
    expect(d.file).toBe('params/reforms/dibao-plus-10.yaml');
    expect(d.parameters).toEqual({ 'dibao.standard.urban': { scale: 1.1 }, 'dibao.standard.rural': { scale: 1.1 } });
    expect(reforms.map((r) => r.name)).toContain('si-base-combined-average');
  });

  it('computes one situation as `zengshou calc` does, with an explanation', async () => {
    const res = await api('POST', '/api/microsim/calc', analyst, WORKED);
    expect(res.statusCode).toBe(200);
    const c = res.json() as CalcResponse;
    expect(c.people.p1.iit_withheld_monthly).toEqual([555, 625, 1850, 1850, 1850, 1850, 1850, 2250, 3700, 3700, 3700, 3700]);
    expect(c.people.p1.iit_annual).toBe(27480);
    expect(c.households.h1.dibao_monthly).toEqual(new Array(12).fill(0));
    const step = c.explanation.steps.find((s) => s.variable === 'iit_wage_withheld_monthly')!;
    expect(step.refs?.join(' ')).toContain('2018年第61号');
    // each parameter value once per step, although the rule looks it up every month
    for (const s of c.explanation.steps) expect(new Set(s.parameters.map((p) => `${p.name}@${p.from}`)).size).toBe(s.parameters.length);
    expect(c.placeholders.map((p) => p.name)).toContain('dibao.standard.urban');
  });

  it('applies a reform to one household and gives the baseline beside it', async () => {
    // two rural members without income in 2024: (620 × 1.1 − 0) × 2 = 1,364 a month (placeholder standard 620)
    const res = await api('POST', '/api/microsim/calc', analyst, { year: 2024, people: { a: {}, b: {} }, households: { h: { members: ['a', 'b'], area: 'rural' } }, reform: DIBAO_PLUS_10 });
    const c = res.json() as CalcResponse;
    expect(c.households.h.dibao_monthly).toEqual(new Array(12).fill(1364));
    expect(c.baseline!.households.h.dibao_monthly).toEqual(new Array(12).fill(1240));
    expect(c.reform?.name).toBe('dibao-plus-10');
  });

  it('runs the +10% 低保 reform over the demo city: a cost, and fewer people under the 低保 line', async () => {
    expect((await api('POST', '/api/microsim/prepare', analyst, { year: 2024, scale: SCALE })).json()).toEqual({ ready: false });
    const res = await api('POST', '/api/microsim/simulate', analyst, { year: 2024, scale: SCALE, reform: DIBAO_PLUS_10 });
    expect(res.statusCode).toBe(200);
    run = res.json();
    expect(run.budget.netCost).toBeGreaterThan(0);
    const dibao = run.budget.programmes.find((p) => p.programme === 'dibao')!;
    expect(dibao.netCost).toBeCloseTo(run.budget.netCost, 2);
    const line = run.poverty.find((p) => p.key === 'dibao_standard')!;
    expect(line.reform.headcount!).toBeLessThan(line.baseline.headcount!);
    expect(run.deciles[0].change!).toBeGreaterThan(run.deciles[9].change!);
    expect(run.population.source.scale).toBe(SCALE);
    expect(run.runId).toBeGreaterThan(0);
    expect((await api('POST', '/api/microsim/prepare', analyst, { year: 2024, scale: SCALE })).json()).toEqual({ ready: true });
  });

  it('gives, on worker threads, exactly what runReform gives on one thread', async () => {
    const system = buildSystem(loadParameters());
    const reform = t.services.microsim.reform(DIBAO_PLUS_10);
    const one = JSON.parse(JSON.stringify(runReform(system, demoPopulation(2024, { scale: SCALE }), { year: 2024, reform }))) as ReformResults;
    const strip = (r: ReformResults) => ({ ...r, timing: null, runId: undefined });
    expect(strip(run)).toEqual(strip(one));
  });

  it('stores the run, exports it as a workbook, and audits both', async () => {
    const stored = (await api('GET', `/api/microsim/runs/${run.runId}`, other)).json() as Run;
    expect(stored.request.reform?.name).toBe('dibao-plus-10');
    expect(stored.results.budget.netCost).toBe(run.budget.netCost);
    const list = (await api('GET', '/api/microsim/runs', analyst)).json();
    expect(list[0]).toMatchObject({ id: run.runId, username: 'test.analyst', year: 2024, scale: SCALE, reformName: 'dibao-plus-10' });

    const x = await api('GET', `/api/microsim/runs/${run.runId}/export.xlsx`, analyst);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概要', '十等份', '受益受损', '不平等与贫困', '重点群体', '县市区', '典型家庭']);
    const summary = wb.getWorksheet('概要')!;
    const total = summary.getColumn(1).values.findIndex((v) => v === '合计财政净成本（元/年）');
    expect(summary.getRow(total).getCell(5).value).toBeCloseTo(run.budget.netCost, 2);
    const deciles = wb.getWorksheet('十等份')!;
    expect(deciles.getRow(4).values).toContain(run.deciles[0].baseline);
    expect(deciles.getRow(13).getCell(1).value).toBe(10);
    expect(wb.getWorksheet('县市区')!.getColumn(1).values).toContain('灯塔市');

    const audit = await t.services.audit.query({ limit: 100, offset: 0 });
    const actions = audit.rows.map((r) => `${r.action}:${r.username}`);
    expect(actions).toContain('microsim.simulate:test.analyst');
    expect(actions).toContain('microsim.export:test.analyst');
    expect(actions).toContain('microsim.calc:test.analyst');
  });

  it('refuses a liaison (no microsim.run) and anonymous callers', async () => {
    for (const [m, url, body] of [
      ['GET', '/api/microsim/parameters', undefined],
      ['POST', '/api/microsim/calc', WORKED],
      ['POST', '/api/microsim/simulate', { year: 2024, scale: SCALE }],
      ['GET', `/api/microsim/runs/${run.runId}/export.xlsx`, undefined],
    ] as const) {
      const res = await api(m, url, liaison, body);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/microsim/reforms' })).statusCode).toBe(401);
  });

  it('answers bad input with 400 and a stable code', async () => {
    const bad = async (url: string, body: object, code: string) => {
      const res = await api('POST', url, analyst, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    };
    await bad('/api/microsim/simulate', { year: 2030 }, 'VALIDATION_FAILED');
    await bad('/api/microsim/simulate', { year: 2024, scale: 0.5 }, 'SCALE_TOO_LARGE');
    await bad('/api/microsim/simulate', { year: 2024, scale: SCALE, reform: { name: 'x', parameters: { 'dibao.standard.suburban': { scale: 2 } } } }, 'UNKNOWN_PARAMETER');
    await bad('/api/microsim/simulate', { year: 2024, scale: SCALE, reform: { name: 'x', parameters: { 'dibao.standard.urban': { value: 'high' } } } }, 'WRONG_VALUE_TYPE');
    await bad('/api/microsim/simulate', { year: 2024, scale: SCALE, reform: { name: 'x', parameters: { 'dibao.standard.urban': { scale: 2, value: 1 } } } }, 'VALIDATION_FAILED');
    await bad('/api/microsim/simulate', { year: 2024, scale: SCALE, reform: { name: 'x', formulas: { dibao_employment_disregard_monthly: 'nonexistent' } } }, 'INVALID_REFORM');
    await bad('/api/microsim/calc', { year: 2024, people: { p1: { wage_monthyl: 5000 } } }, 'INVALID_SITUATION');
    await bad('/api/microsim/calc', { ...WORKED, explain: 'h9' }, 'UNKNOWN_HOUSEHOLD');
    await bad('/api/microsim/calc', { year: 2024, people: {} }, 'VALIDATION_FAILED');
    expect((await api('GET', '/api/microsim/runs/999999', analyst)).statusCode).toBe(404);
  });

  it('saves scenarios; only their author changes or deletes them; each change audited', async () => {
    const created = await api('POST', '/api/microsim/scenarios', analyst, { year: 2023, reform: { ...DIBAO_PLUS_10, name: '低保提标10%' } });
    expect(created.statusCode).toBe(200);
    const id = created.json().id as number;
    const seen = (await api('GET', '/api/microsim/scenarios', other)).json() as Scenario[];
    expect(seen.find((s) => s.id === id)).toMatchObject({ name: '低保提标10%', year: 2023, scale: 0.05, createdBy: 'test.analyst', mine: false });
    expect((await api('DELETE', `/api/microsim/scenarios/${id}`, other)).statusCode).toBe(403);
    expect((await api('PUT', `/api/microsim/scenarios/${id}`, analyst, { year: 2024, reform: { ...DIBAO_PLUS_10, name: '低保提标10%（2024）' } })).statusCode).toBe(200);
    const mine = (await api('GET', '/api/microsim/scenarios', analyst)).json() as Scenario[];
    expect(mine.find((s) => s.id === id)).toMatchObject({ name: '低保提标10%（2024）', year: 2024, mine: true });
    const badSave = await api('POST', '/api/microsim/scenarios', analyst, { year: 2024, reform: { name: 'y', parameters: { 'no.such': { scale: 1 } } } });
    expect(badSave.json().error.code).toBe('UNKNOWN_PARAMETER');
    expect((await api('DELETE', `/api/microsim/scenarios/${id}`, analyst)).statusCode).toBe(200);
    const audit = await t.services.audit.query({ limit: 100, offset: 0 });
    const acts = audit.rows.filter((r) => r.object_type === 'microsim_scenario').map((r) => r.action);
    expect(acts.sort()).toEqual(['microsim.scenario.create', 'microsim.scenario.delete', 'microsim.scenario.update']);
  });
});
