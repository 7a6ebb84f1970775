/**
 * A tax-benefit system: the variable definitions and the parameters. Planning resolves which
 * variables a request needs and in which order (topological, with cycle detection), given which
 * variables the population supplies as input and which formulas a reform replaces.
 */
import type { ParameterSet } from './parameters.js';
import type { FormulaOverride, Reform } from './reform.js';
import { EngineError, type Formula, type VariableDef } from './types.js';

export interface Step {
  def: VariableDef;
  /** undefined: an input column (given or default) */
  formula?: Formula;
  deps: string[];
  /** name of the alternative formula a reform selected */
  alternative?: string;
  /** the formula was replaced by the reform (so the step is always recomputed) */
  replaced: boolean;
}

export class TaxBenefitSystem {
  readonly variables = new Map<string, VariableDef>();
  private readonly plans = new Map<string, Step[]>();

  constructor(
    variables: VariableDef[],
    readonly params: ParameterSet,
  ) {
    for (const v of variables) {
      if (this.variables.has(v.name)) throw new EngineError(`variable ${v.name} is defined twice`);
      if (!v.formula && !v.input) throw new EngineError(`variable ${v.name} has neither a formula nor an input default`);
      this.variables.set(v.name, v);
    }
    for (const v of variables) {
      for (const d of allDeps(v)) {
        if (!this.variables.has(d)) throw new EngineError(`variable ${v.name} depends on unknown variable ${d}`);
      }
    }
    // every base formula graph must be acyclic
    this.plan([...this.variables.keys()], new Set());
  }

  variable(name: string): VariableDef {
    const v = this.variables.get(name);
    if (!v) throw new EngineError(`unknown variable ${name}`);
    return v;
  }

  /**
   * The steps computing `targets`, dependencies first. Variables in `given` are read from the
   * population (their formulas and dependencies are not needed).
   */
  plan(targets: string[], given: ReadonlySet<string>, reform?: Reform): Step[] {
    // plans without replaced formulas depend only on the targets and the given inputs: memoised
    const key = reform && Object.keys(reform.formulas).length > 0 ? undefined : `${targets.join(',')}|${[...given].sort().join(',')}`;
    const memo = key === undefined ? undefined : this.plans.get(key);
    if (memo) return memo;
    const order: Step[] = [];
    const state = new Map<string, 1 | 2>(); // 1 visiting, 2 done
    const path: string[] = [];
    const visit = (name: string) => {
      const s = state.get(name);
      if (s === 2) return;
      if (s === 1) {
        const cycle = [...path.slice(path.indexOf(name)), name];
        throw new EngineError(`dependency cycle: ${cycle.join(' → ')}`);
      }
      const def = this.variable(name);
      state.set(name, 1);
      path.push(name);
      const step = this.stepFor(def, given.has(name), reform?.formulas[name]);
      for (const d of step.deps) visit(d);
      path.pop();
      state.set(name, 2);
      order.push(step);
    };
    for (const t of targets) visit(t);
    if (key !== undefined) {
      if (this.plans.size > 100) this.plans.clear();
      this.plans.set(key, order);
    }
    return order;
  }

  private stepFor(def: VariableDef, given: boolean, override: FormulaOverride | undefined): Step {
    if (given && !override) return { def, deps: [], replaced: false };
    if (override !== undefined) {
      if (typeof override === 'string') {
        const alt = def.alternatives?.[override];
        if (!alt) {
          const known = Object.keys(def.alternatives ?? {});
          throw new EngineError(`variable ${def.name} has no alternative formula "${override}"${known.length ? ` (known: ${known.join(', ')})` : ''}`);
        }
        return { def, formula: alt.formula, deps: alt.deps ?? [], alternative: override, replaced: true };
      }
      for (const d of override.deps ?? []) this.variable(d);
      return { def, formula: override.formula, deps: override.deps ?? [], replaced: true };
    }
    return { def, formula: def.formula, deps: def.formula ? (def.deps ?? []) : [], replaced: false };
  }
}

function allDeps(v: VariableDef): string[] {
  const out = [...(v.deps ?? [])];
  for (const a of Object.values(v.alternatives ?? {})) out.push(...(a.deps ?? []));
  return out;
}
