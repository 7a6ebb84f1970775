/** Typed calls to the policy-evaluation API (shapes from src/shared/api/microsim.ts; types only, no zod in the bundle). */
import { api, buildUrl, request } from '../../api/client';
import type {
  CalcRequest, CalcResponse, Override, Programme, ReformInput, ReformResults, Run, RunSummary, Scenario, ScenarioInput, ShippedReform, SimulateRequest,
} from '../../../../src/shared/api/microsim';

export type {
  Bracket, CalcRequest, CalcResponse, DatedValue, DecileResult, ExampleHousehold, Explanation, ExplanationStep, GroupResult, Label, Override, Parameter, ParamValue,
  PovertyResult, ProgrammeBudget, Programme, ReformInput, ReformResults, Run, RunSummary, Scenario, ScenarioInput, ShippedReform, SimulateRequest, WinnersLosers,
} from '../../../../src/shared/api/microsim';

/** The same limits as MICROSIM_YEARS / MICROSIM_SCALE on the server (kept here so zod stays out of the bundle). */
export const YEARS = { from: 2010, to: 2024 } as const;
export const SCALES = [0.01, 0.02, 0.05, 0.1] as const;
export const DEFAULT_SCALE = 0.05;

export type SimulateResult = ReformResults & { runId: number };

export const policyApi = {
  parameters: () => api.get<{ programmes: Programme[] }>('/api/microsim/parameters'),
  reforms: () => api.get<ShippedReform[]>('/api/microsim/reforms'),
  prepare: (year: number, scale: number) => api.post<{ ready: boolean }>('/api/microsim/prepare', { year, scale }),
  simulate: (body: SimulateRequest) => api.post<SimulateResult>('/api/microsim/simulate', body),
  calc: (body: CalcRequest) => api.post<CalcResponse>('/api/microsim/calc', body),
  runs: () => api.get<RunSummary[]>('/api/microsim/runs'),
  run: (id: number) => api.get<Run>(`/api/microsim/runs/${id}`),
  exportUrl: (id: number) => buildUrl(`/api/microsim/runs/${id}/export.xlsx`),
  scenarios: () => api.get<Scenario[]>('/api/microsim/scenarios'),
  saveScenario: (id: number | null, body: ScenarioInput) =>
    id === null ? api.post<{ id: number }>('/api/microsim/scenarios', body) : api.put<{ id: number }>(`/api/microsim/scenarios/${id}`, body),
  deleteScenario: (id: number) => request(`/api/microsim/scenarios/${id}`, { method: 'DELETE' }),
};

/** A reform as the editor holds it (the API's input shape with every part present). */
export interface Draft {
  name: string;
  label: { zh: string; en: string };
  description: string;
  parameters: Record<string, Override>;
  formulas: Record<string, string>;
}

export function emptyDraft(): Draft {
  return { name: '', label: { zh: '', en: '' }, description: '', parameters: {}, formulas: {} };
}

/** A saved scenario's or a stored run's reform, for editing. */
export function draftOf(r: ReformInput): Draft {
  return { name: r.name, label: { zh: r.label?.zh ?? '', en: r.label?.en ?? '' }, description: r.description ?? '', parameters: { ...(r.parameters ?? {}) }, formulas: { ...(r.formulas ?? {}) } };
}

/** A shipped reform, for editing: its dated values as inputs ({from, value | brackets, ref}). */
export function draftOfShipped(r: ShippedReform): Draft {
  const parameters: Record<string, Override> = {};
  for (const [k, o] of Object.entries(r.parameters)) {
    if ('scale' in o) parameters[k] = { scale: o.scale };
    else if ('value' in o) parameters[k] = Array.isArray(o.value) ? { values: [{ from: '0001-01-01', brackets: o.value }] } : { value: o.value ?? 0 };
    else parameters[k] = { values: o.values.map((v) => (Array.isArray(v.value) ? { from: v.from, brackets: v.value, ref: v.ref } : { from: v.from, value: v.value, ref: v.ref })) };
  }
  return { name: r.name, label: { ...r.label }, description: r.description ?? '', parameters, formulas: { ...r.formulas } };
}

export function reformOf(d: Draft): ReformInput {
  const zh = d.label.zh.trim() || d.name.trim();
  return {
    name: d.name.trim(),
    label: { zh, en: d.label.en.trim() || zh },
    ...(d.description.trim() ? { description: d.description.trim() } : {}),
    parameters: d.parameters,
    formulas: d.formulas,
  };
}
