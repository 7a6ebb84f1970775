/**
 * Computes every indicator for every year and region from its data elements and writes the values
 * cache (ind_values, ind_extras). Definitions are evaluated in dependency order (`ind.X` elements
 * refer to other indicators); a formula without data falls back to the indicator's approved manual
 * entry. SE/CI pass through a single survey element (scaled by the factor); for a ratio of two
 * elements the delta method gives an approximate SE (covariance ignored).
 */
import { nowIso } from '../../shared/time.js';
import type { IndicatorSource } from '../../shared/api/indicators.js';
import { elementsOf, indicatorValue, parseFormula, type Node } from './formula.js';
import type { DefinitionRow, EntryRow, ValueRow } from './indicators.repository.js';
import { CITY, ElementStore, REGIONS, type Distribution, type ElementValue, type KeyGroupFigure } from './sources.js';

export const FIRST_YEAR = 2010;

export interface ComputeInputs {
  definitions: DefinitionRow[];
  store: ElementStore;
  entries: EntryRow[];
  lastYear: number;
  regions?: string[];
}

interface Parsed {
  def: DefinitionRow;
  num: Node;
  den: Node | null;
  deps: string[];
}

function parsed(defs: DefinitionRow[]): Parsed[] {
  const out: Parsed[] = [];
  for (const def of defs) {
    try {
      const num = parseFormula(def.numerator);
      const den = def.denominator ? parseFormula(def.denominator) : null;
      const deps = [...elementsOf(num), ...(den ? elementsOf(den) : [])].filter((e) => e.code.startsWith('ind.')).map((e) => e.code.slice(4));
      out.push({ def, num, den, deps });
    } catch {
      // an invalid stored formula cannot happen through the API (validated); skip it rather than fail every indicator
    }
  }
  return out;
}

/** Evaluation order: an indicator after the indicators it refers to (cycles are left out). */
export function order(ps: Parsed[]): Parsed[] {
  const byCode = new Map(ps.map((p) => [p.def.code, p]));
  const done = new Set<string>();
  const out: Parsed[] = [];
  for (let pass = 0; pass < ps.length + 1 && out.length < ps.length; pass++) {
    for (const p of ps) {
      if (done.has(p.def.code)) continue;
      if (p.deps.every((d) => done.has(d) || !byCode.has(d))) {
        done.add(p.def.code);
        out.push(p);
      }
    }
  }
  return out;
}

const single = (n: Node) => (n.kind === 'el' ? n : null);

/**
 * The periods computed: each year, then its quarters year to date ('2025-Q3' = 前三季度, the NBS way of
 * publishing quarterly income). A quarter has a value only where its elements or an approved entry exist.
 * With `months` (only indicators whose periodicity is 'month', to keep the cost bounded) also '2025-01' …
 * '2025-12'; likewise a month has a value only where its elements or an approved entry exist.
 */
export function periodsOf(first: number, last: number, months = false): string[] {
  const out: string[] = [];
  for (let y = first; y <= last; y++) {
    out.push(String(y), `${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`);
    if (months) for (let m = 1; m <= 12; m++) out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

/** `code@-k`: the same period k years earlier (a year, the same quarter year to date, or the same month). */
export function lagged(period: string, lag: number): string {
  return lag === 0 ? period : String(Number(period.slice(0, 4)) - lag) + period.slice(4);
}

/** Every indicator value for FIRST_YEAR..lastYear (years and quarters year to date) and each region. Pure over its inputs. */
export function computeValues(inp: ComputeInputs): ValueRow[] {
  const regions = inp.regions ?? REGIONS;
  const at = nowIso();
  const store = inp.store;
  const entry = new Map<string, EntryRow>();
  for (const e of inp.entries) entry.set(ElementStore.key(e.indicator, e.period, e.region_code), e);
  for (const e of inp.entries) {
    store.set(`admin.${e.indicator}`, e.period, e.region_code, adminElement(e));
  }
  const out: ValueRow[] = [];
  for (const p of order(parsed(inp.definitions))) {
    const code = p.def.code;
    for (const region of regions) {
      const byPeriod = new Map<string, ElementValue & { value: number | null }>();
      for (const period of periodsOf(FIRST_YEAR, inp.lastYear, p.def.periodicity === 'month')) {
        const used: ElementValue[] = [];
        const lookup = (el: string, lag: number) => {
          const v = store.get(el, lagged(period, lag), region);
          if (v) used.push(v);
          return v && !v.suppressed ? v.value : null;
        };
        let value = indicatorValue({ numerator: p.num, denominator: p.den, factor: p.def.factor }, lookup);
        let meta: ElementValue | null = null;
        if (value !== null && used.length) {
          const first = used[0];
          const kind: IndicatorSource = used.some((u) => u.kind !== first.kind) ? (p.def.source as IndicatorSource) : first.kind;
          let se: number | null = null;
          let ci: [number, number] | null = null;
          const a = single(p.num);
          const b = p.den ? single(p.den) : null;
          const ea = a ? store.get(a.code, lagged(period, a.lag), region) : undefined;
          const eb = b ? store.get(b.code, lagged(period, b.lag), region) : undefined;
          const f = Math.abs(p.def.factor);
          if (a && !p.den && ea?.se != null) {
            se = ea.se * f;
            ci = ea.ci ? (p.def.factor >= 0 ? [ea.ci[0] * p.def.factor, ea.ci[1] * p.def.factor] : [ea.ci[1] * p.def.factor, ea.ci[0] * p.def.factor]) : null;
          } else if (a && b && ea?.value && eb?.value && (ea.se != null || eb.se != null)) {
            se = Math.abs(value) * Math.sqrt(((ea.se ?? 0) / ea.value) ** 2 + ((eb.se ?? 0) / eb.value) ** 2);
            ci = [value - 1.959964 * se, value + 1.959964 * se];
          }
          const labels = [...new Set(used.map((u) => u.label))];
          meta = { value, se, ci, n: used.length === 1 || (a && !p.den) ? first.n : null, suppressed: false, kind, label: labels.join('；'), href: first.href, synthetic: used.some((u) => u.synthetic) };
        } else if (value === null && used.some((u) => u.suppressed)) {
          meta = { ...used.find((u) => u.suppressed)!, value: null, se: null, ci: null, suppressed: true };
        }
        if (value === null) {
          const e = entry.get(ElementStore.key(code, period, region));
          if (e) {
            value = e.value;
            meta = adminElement(e);
          }
        }
        if (meta) byPeriod.set(period, { ...meta, value });
      }
      for (const [period, m] of byPeriod) {
        // growth on the same period a year before (全年 = Q4 year to date: the previous year's annual value when its Q4 is missing)
        const prev = byPeriod.get(lagged(period, 1))?.value ?? (period.endsWith('-Q4') ? byPeriod.get(String(Number(period.slice(0, 4)) - 1))?.value : undefined);
        const growth = m.value !== null && prev ? m.value / prev - 1 : null;
        store.set(`ind.${code}`, period, region, m);
        out.push({
          code, period, region_code: region, value: m.value, se: m.se, ci_lo: m.ci?.[0] ?? null, ci_hi: m.ci?.[1] ?? null, n: m.n, suppressed: m.suppressed ? 1 : 0,
          growth, source_kind: m.kind, source_label: m.label, href: m.href, synthetic: m.synthetic ? 1 : 0, computed_at: at,
        });
      }
    }
  }
  return out;
}

export function adminElement(e: EntryRow): ElementValue {
  return {
    value: e.value, se: null, ci: null, n: null, suppressed: false, kind: 'admin',
    label: e.source_label ?? `管理员录入（${e.entered_by}，${e.reviewed_by ?? ''}审核）`, href: `/indicators/entries?indicator=${encodeURIComponent(e.indicator)}`, synthetic: e.synthetic === 1,
  };
}

export interface ComputeResult {
  values: ValueRow[];
  extras: { kind: string; period: string; region_code: string; data: string; computed_at: string }[];
}

export function extrasRows(distributions: Map<string, Distribution>, keyGroups: Map<string, KeyGroupFigure[]>): ComputeResult['extras'] {
  const at = nowIso();
  const out: ComputeResult['extras'] = [];
  for (const [k, d] of distributions) {
    const [, period, region] = k.split('|');
    out.push({ kind: 'distribution', period, region_code: region, data: JSON.stringify(d), computed_at: at });
  }
  for (const [k, g] of keyGroups) {
    const [period, region] = k.split('|');
    out.push({ kind: 'keyGroups', period, region_code: region, data: JSON.stringify(g), computed_at: at });
  }
  return out;
}

export { CITY };
