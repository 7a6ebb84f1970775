/**
 * Reforms: a named set of parameter overrides and, where needed, replaced formulas. From YAML or
 * JSON (the same shape):
 *
 *   name: dibao-plus-10
 *   label: {zh: 低保标准提高10%, en: 低保 standard +10%}
 *   description: …
 *   parameters:
 *     dibao.standard.urban: {scale: 1.1}                        # every dated value × 1.1
 *     iit.comprehensive.basic_deduction: {value: 72000}          # one value, at all dates
 *     social_insurance.base.reference: {values: [{from: 2024-01-01, value: combined}]}
 *   formulas:
 *     dibao_employment_disregard_monthly: fixed_amount            # an alternative the variable defines
 *
 * `values` replaces the baseline from its earliest date on (earlier baseline values stay).
 */
import { parse } from 'yaml';
import { isObject, parseDatedValue, parseLabel } from './param-yaml.js';
import { isScale, type DatedValue, type ParameterDef, type ParameterSet } from './parameters.js';
import { EngineError, type Formula, type Label } from './types.js';

export type ParamOverride = { scale: number } | { value: DatedValue['value'] } | { values: DatedValue[] };
export type FormulaOverride = string | { deps?: string[]; formula: Formula };

export interface Reform {
  name: string;
  label: Label;
  description?: string;
  parameters: Record<string, ParamOverride>;
  formulas: Record<string, FormulaOverride>;
}

export function parseReformText(text: string, source = 'reform'): Reform {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new EngineError(`${source}: not valid YAML or JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  return parseReform(doc, source);
}

export function parseReform(doc: unknown, source = 'reform'): Reform {
  if (!isObject(doc)) throw new EngineError(`${source}: a reform is a mapping with name, label, parameters`);
  const name = doc.name;
  if (typeof name !== 'string' || name.trim() === '') throw new EngineError(`${source}: "name" is required`);
  const ref = `改革方案 reform "${name}"`;
  const parameters: Record<string, ParamOverride> = {};
  const ps = doc.parameters ?? {};
  if (!isObject(ps)) throw new EngineError(`${source}: "parameters" must be a mapping of parameter name → override`);
  for (const [p, o] of Object.entries(ps)) {
    const where = `${source}: ${p}`;
    if (!isObject(o)) throw new EngineError(`${where}: override must be {scale}, {value} or {values}`);
    const keys = ['scale', 'value', 'values'].filter((k) => k in o);
    if (keys.length !== 1) throw new EngineError(`${where}: give exactly one of scale, value, values`);
    if ('scale' in o) {
      if (typeof o.scale !== 'number' || !Number.isFinite(o.scale)) throw new EngineError(`${where}: scale must be a number`);
      parameters[p] = { scale: o.scale };
    } else if ('value' in o) {
      parameters[p] = { value: parseDatedValue({ from: '0001-01-01', value: o.value, ref }, where).value };
    } else {
      if (!Array.isArray(o.values) || o.values.length === 0) throw new EngineError(`${where}: values must be a non-empty list`);
      parameters[p] = { values: o.values.map((v, i) => parseDatedValue(v, `${where} value ${i + 1}`, ref)) };
    }
  }
  const formulas: Record<string, FormulaOverride> = {};
  const fs = doc.formulas ?? {};
  if (!isObject(fs)) throw new EngineError(`${source}: "formulas" must be a mapping of variable → alternative name`);
  for (const [v, alt] of Object.entries(fs)) {
    if (typeof alt !== 'string') throw new EngineError(`${source}: formulas.${v} must name an alternative formula`);
    formulas[v] = alt;
  }
  return {
    name,
    label: parseLabel(doc.label, `${source}: label`, name),
    description: typeof doc.description === 'string' ? doc.description : undefined,
    parameters,
    formulas,
  };
}

/** The parameter set with the reform's overrides applied. */
export function applyReformParameters(params: ParameterSet, reform: Reform): ParameterSet {
  const ref = `改革方案 reform "${reform.name}"`;
  const replaced: ParameterDef[] = [];
  for (const [name, o] of Object.entries(reform.parameters)) {
    if (!params.has(name)) throw new EngineError(`reform ${reform.name}: unknown parameter ${name}`);
    const d = params.def(name);
    let values: DatedValue[];
    if ('scale' in o) {
      values = d.values.map((v) => ({ ...v, value: scaleValue(v.value, o.scale, name), ref: `${v.ref}; ${ref} ×${o.scale}` }));
    } else if ('value' in o) {
      values = [{ from: 10101, value: o.value, ref }];
    } else {
      const start = Math.min(...o.values.map((v) => v.from));
      values = [...d.values.filter((v) => v.from < start), ...o.values];
    }
    replaced.push({ ...d, values: values.sort((a, b) => a.from - b.from) });
  }
  return params.with(replaced);
}

function scaleValue(v: DatedValue['value'], k: number, name: string): DatedValue['value'] {
  if (v === null) return null;
  if (typeof v === 'number') return v * k;
  if (isScale(v)) {
    return { kind: 'scale', to: v.to.map((x) => x * k), rate: v.rate, quick: v.quick.map((x) => x * k) };
  }
  throw new EngineError(`cannot scale parameter ${name}: its values are not numbers`);
}

/** Names of parameters a reform changes (for deciding which variables to recompute). */
export function reformParameterNames(reform: Reform | undefined): Set<string> {
  return new Set(reform ? Object.keys(reform.parameters) : []);
}
