/**
 * Parameter files: YAML text → parameter definitions (pure; the file reading is in
 * ../params-files.ts). One file per programme:
 *
 *   programme: iit
 *   label: {zh: 个人所得税, en: Individual income tax}
 *   parameters:
 *     comprehensive:                      # groups nest; names join with dots
 *       basic_deduction:
 *         label: {zh: 基本减除费用, en: Basic deduction}
 *         unit: yuan/year
 *         values:
 *           - {from: 2019-01-01, value: 60000, ref: 《中华人民共和国个人所得税法》第六条}
 *       annual_table:
 *         values:
 *           - from: 2019-01-01
 *             ref: …
 *             brackets: [{to: 36000, rate: 0.03, quick: 0}, …, {rate: 0.45, quick: 181920}]
 *
 * Every value needs `from` and `ref`; `placeholder: true` marks figures an administrator must
 * replace with the official ones. The parameter's full name is `programme.group.name`.
 */
import { parse } from 'yaml';
import { makeScale, parseDate, type DatedValue, type ParameterDef, type ParamValue } from './parameters.js';
import { EngineError, type Label } from './types.js';

export interface ParameterFile {
  programme: string;
  label: Label;
  description?: string;
  parameters: ParameterDef[];
}

const GROUP_META = new Set(['label', 'description']);
const NAME = /^[a-z][a-z0-9_]*$/;

export function parseParameterYaml(text: string, source = 'parameters'): ParameterFile {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new EngineError(`${source}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!isObject(doc)) throw new EngineError(`${source}: expected a mapping at the top level`);
  const programme = doc.programme;
  if (typeof programme !== 'string' || !NAME.test(programme)) throw new EngineError(`${source}: "programme" must be a lower-case name`);
  const parameters: ParameterDef[] = [];
  if (!isObject(doc.parameters)) throw new EngineError(`${source}: "parameters" must be a mapping`);
  walk(doc.parameters, programme, source, parameters);
  return {
    programme,
    label: parseLabel(doc.label, `${source}: label`, programme),
    description: typeof doc.description === 'string' ? doc.description : undefined,
    parameters,
  };
}

function walk(node: Record<string, unknown>, prefix: string, source: string, out: ParameterDef[]): void {
  for (const [key, child] of Object.entries(node)) {
    if (GROUP_META.has(key)) continue;
    const name = `${prefix}.${key}`;
    if (!NAME.test(key)) throw new EngineError(`${source}: ${name}: names are lower-case letters, digits and _`);
    if (!isObject(child)) throw new EngineError(`${source}: ${name}: expected a group or a parameter with "values"`);
    if ('values' in child) out.push(parseLeaf(child, name, source));
    else walk(child, name, source, out);
  }
}

function parseLeaf(node: Record<string, unknown>, name: string, source: string): ParameterDef {
  const where = `${source}: ${name}`;
  if (!Array.isArray(node.values) || node.values.length === 0) throw new EngineError(`${where}: "values" must be a non-empty list`);
  const values = node.values.map((v, i) => parseDatedValue(v, `${where} value ${i + 1}`));
  const seen = new Set<number>();
  for (const v of values) {
    if (seen.has(v.from)) throw new EngineError(`${where}: two values from the same date`);
    seen.add(v.from);
  }
  return {
    name,
    label: parseLabel(node.label, `${where}: label`, name),
    unit: typeof node.unit === 'string' ? node.unit : '',
    description: typeof node.description === 'string' ? node.description : undefined,
    values: values.sort((a, b) => a.from - b.from),
  };
}

/** One dated entry: {from, value | brackets, ref, placeholder?, note?}. */
export function parseDatedValue(v: unknown, where: string, defaultRef?: string): DatedValue {
  if (!isObject(v)) throw new EngineError(`${where}: expected {from, value, ref}`);
  const from = parseDate(v.from, where);
  const ref = v.ref ?? defaultRef;
  if (typeof ref !== 'string' || ref.trim() === '') throw new EngineError(`${where}: every value needs its legal reference "ref"`);
  let value: ParamValue | null;
  if ('brackets' in v) {
    if (!Array.isArray(v.brackets)) throw new EngineError(`${where}: "brackets" must be a list`);
    value = makeScale(
      v.brackets.map((b, i) => {
        if (!isObject(b)) throw new EngineError(`${where}: bracket ${i + 1} must be {to, rate, quick}`);
        return { to: b.to as number | null | undefined, rate: b.rate as number, quick: b.quick as number | undefined };
      }),
      where,
    );
  } else if ('value' in v) {
    value = parseScalar(v.value, where);
  } else {
    throw new EngineError(`${where}: needs "value" or "brackets"`);
  }
  const out: DatedValue = { from, value, ref };
  if (v.placeholder === true) out.placeholder = true;
  if (typeof v.note === 'string') out.note = v.note;
  return out;
}

function parseScalar(x: unknown, where: string): ParamValue | null {
  if (x === null) return null;
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new EngineError(`${where}: value must be finite`);
    return x;
  }
  if (typeof x === 'boolean' || typeof x === 'string') return x;
  throw new EngineError(`${where}: value must be a number, true/false, a word or null`);
}

export function parseLabel(x: unknown, where: string, fallback: string): Label {
  if (x === undefined) return { zh: fallback, en: fallback };
  if (typeof x === 'string') return { zh: x, en: x };
  if (isObject(x) && typeof x.zh === 'string' && typeof x.en === 'string') return { zh: x.zh, en: x.en };
  throw new EngineError(`${where}: expected {zh, en}`);
}

export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Date);
}
