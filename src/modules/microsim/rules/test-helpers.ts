/** Test helpers: the real parameter files and rules, one situation at a time. */
import { loadParameters } from '../params-files.js';
import { computeSituation, parseSituation, type SituationResult } from '../situation.js';
import { buildSystem } from './index.js';

export const PARAMS = loadParameters();
export const SYSTEM = buildSystem(PARAMS);

export function calc(doc: unknown): SituationResult {
  return computeSituation(SYSTEM, parseSituation(SYSTEM, doc));
}

/** One person (id p) living alone. */
export function person(year: number, inputs: Record<string, unknown>, household: Record<string, unknown> = {}) {
  const r = calc({ year, people: { p: inputs }, households: { h: { members: ['p'], ...household } } });
  return { p: r.people.p, h: r.households.h, result: r };
}
