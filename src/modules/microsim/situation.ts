/**
 * One situation (a few people and households, as the `calc` command and the household calculator
 * take it) → a population → every computed variable, as JSON. Pure.
 *
 *   {"year": 2024,
 *    "people": {"p1": {"wage_monthly": 30000 | [12 numbers], "bonus_annual": 36000,
 *                      "labour_remuneration": [2000, {"month": 6, "amount": 5000}],
 *                      "referrals": [{"date": "2024-02-03", "outcome": "refused_without_reason"}], …}},
 *    "households": {"h1": {"members": ["p1"], "area": "urban", …}},
 *    "reform": {…} (optional)}
 */
import { EngineError, formatDate, parseReform, Simulation, type Population, type Reform, type TaxBenefitSystem } from './engine/index.js';
import { REFERRAL_OUTCOME, refusalStreaks, type ReferralOutcome } from './rules/referrals.js';

export class SituationError extends Error {}

/** Payment lists (`[a, b]` = January, February; or `{month, amount}`) for these monthly inputs. */
const PAYMENT_LISTS: Record<string, string> = {
  labour_remuneration: 'labour_remuneration_monthly',
  author_fees: 'author_fees_monthly',
  royalties: 'royalties_monthly',
  rental_income: 'rental_income_monthly',
};

export interface Situation {
  year: number;
  population: Population;
  reform?: Reform;
}

type Json = Record<string, unknown>;
const isObj = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

export function parseSituation(system: TaxBenefitSystem, doc: unknown, loadReform?: (ref: string) => Reform): Situation {
  if (!isObj(doc)) throw new SituationError('the situation must be a JSON object with "year", "people" and "households"');
  const year = doc.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2009 || year > 2100) throw new SituationError('"year" must be a whole year from 2009 (parameters start in 2008)');
  if (!isObj(doc.people) || Object.keys(doc.people).length === 0) throw new SituationError('"people" must map person ids to their inputs');
  const households = doc.households === undefined ? {} : doc.households;
  if (!isObj(households)) throw new SituationError('"households" must map household ids to {members, area, …}');

  // households in the given order, then one-person households for people not listed in any
  const people = doc.people;
  const memberOf = new Map<string, string>();
  const hhOrder: { id: string; members: string[]; data: Json }[] = [];
  for (const [hid, h] of Object.entries(households)) {
    if (!isObj(h) || !Array.isArray(h.members) || h.members.length === 0) throw new SituationError(`household ${hid}: "members" must list person ids`);
    for (const m of h.members) {
      if (typeof m !== 'string' || !(m in people)) throw new SituationError(`household ${hid}: member ${JSON.stringify(m)} is not in "people"`);
      if (memberOf.has(m)) throw new SituationError(`person ${m} is a member of both ${memberOf.get(m)} and ${hid}`);
      memberOf.set(m, hid);
    }
    hhOrder.push({ id: hid, members: h.members as string[], data: h });
  }
  for (const pid of Object.keys(people)) if (!memberOf.has(pid)) hhOrder.push({ id: pid, members: [pid], data: {} });

  const personIds = hhOrder.flatMap((h) => h.members);
  const np = personIds.length;
  const nh = hhOrder.length;
  const pop: Population = {
    persons: np,
    households: nh,
    personHousehold: Int32Array.from(hhOrder.flatMap((h, i) => h.members.map(() => i))),
    inputs: {},
    given: {},
    personIds,
    householdIds: hhOrder.map((h) => h.id),
  };
  const countNoShow = system.params.entry('dibao.sanction.count_no_show', year * 10000 + 1231)?.value !== false;
  personIds.forEach((pid, row) => {
    const data = people[pid];
    if (!isObj(data)) throw new SituationError(`person ${pid}: expected an object of inputs`);
    for (const [key, value] of Object.entries(data)) {
      const where = `person ${pid}: ${key}`;
      if (key === 'referrals') {
        const s = referralStreaks(value, year, countNoShow, where);
        setValue(system, pop, 'job_refusal_streak_initial', row, s.initial, where);
        setValue(system, pop, 'job_refusal_streak_monthly', row, s.monthly, where);
      } else if (key in PAYMENT_LISTS) {
        setValue(system, pop, PAYMENT_LISTS[key], row, payments(value, where), where);
      } else {
        setValue(system, pop, key, row, value, where, 'person');
      }
    }
  });
  hhOrder.forEach((h, row) => {
    for (const [key, value] of Object.entries(h.data)) {
      if (key === 'members') continue;
      const where = `household ${h.id}: ${key}`;
      if (key === 'area') {
        if (value !== 'urban' && value !== 'rural') throw new SituationError(`${where} must be "urban" or "rural"`);
        setValue(system, pop, 'urban', row, value === 'urban' ? 1 : 0, where);
      } else {
        setValue(system, pop, key, row, value, where, 'household');
      }
    }
  });
  // a column given for every row needs no formula: drop its mask
  for (const name of Object.keys(pop.given!)) if (pop.given![name].every((x) => x === 1)) delete pop.given![name];

  let reform: Reform | undefined;
  if (doc.reform !== undefined && doc.reform !== null) {
    try {
      reform = typeof doc.reform === 'string' ? loadReform?.(doc.reform) : parseReform(doc.reform, 'reform');
    } catch (e) {
      throw new SituationError((e as Error).message);
    }
    if (!reform) throw new SituationError('"reform" names a file, which only the command line can read');
  }
  return { year, population: pop, reform };
}

function setValue(system: TaxBenefitSystem, pop: Population, name: string, row: number, value: unknown, where: string, entity?: 'person' | 'household'): void {
  const v = system.variables.get(name);
  if (!v) {
    const near = [...system.variables.keys()].filter((k) => k.startsWith(name) || name.startsWith(k.split('_')[0] + '_')).slice(0, 3);
    throw new SituationError(`${where}: unknown variable${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`);
  }
  if (!v.input) throw new SituationError(`${where}: ${name} is computed and cannot be given`);
  if (entity && v.entity !== entity) throw new SituationError(`${where}: ${name} belongs to a ${v.entity}, not a ${entity}`);
  const rows = v.entity === 'person' ? pop.persons : pop.households;
  const k = v.period === 'month' ? 12 : 1;
  let col = pop.inputs[name];
  if (!col) {
    col = pop.inputs[name] = new Float64Array(rows * k).fill(v.input.default);
    if (v.formula) pop.given![name] = new Uint8Array(rows);
  }
  const num = (x: unknown, w: string): number => {
    const n = typeof x === 'boolean' ? (x ? 1 : 0) : x;
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new SituationError(`${w} must be a number`);
    if (n < 0 && v.unit !== 'yuan') throw new SituationError(`${w} must not be negative`);
    return n;
  };
  if (k === 12 && Array.isArray(value)) {
    if (value.length !== 12) throw new SituationError(`${where} must be one number or 12 monthly numbers`);
    value.forEach((x, m) => (col![row * 12 + m] = num(x, `${where}[${m + 1}]`)));
  } else {
    col.fill(num(value, where), row * k, row * k + k);
  }
  if (v.formula) pop.given![name][row] = 1;
}

function payments(value: unknown, where: string): number[] {
  if (typeof value === 'number') return new Array(12).fill(value);
  if (!Array.isArray(value)) throw new SituationError(`${where} must be a list of payments`);
  if (value.length > 12 && value.some((x) => typeof x === 'number')) throw new SituationError(`${where}: more than 12 plain amounts; give {month, amount} objects`);
  const out = new Array<number>(12).fill(0);
  value.forEach((x, i) => {
    const w = `${where}[${i + 1}]`;
    const [month, amount] = typeof x === 'number' ? [i + 1, x] : isObj(x) ? [x.month, x.amount] : [NaN, NaN];
    if (typeof month !== 'number' || !Number.isInteger(month) || month < 1 || month > 12) throw new SituationError(`${w}: month must be 1–12`);
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) throw new SituationError(`${w}: amount must be a non-negative number`);
    out[month - 1] += amount;
  });
  return out;
}

function referralStreaks(value: unknown, year: number, countNoShow: boolean, where: string) {
  if (!Array.isArray(value)) throw new SituationError(`${where} must be a list of {date, outcome}`);
  const recs = value.map((r, i) => {
    const w = `${where}[${i + 1}]`;
    if (!isObj(r) || typeof r.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(r.date)) throw new SituationError(`${w}: date must be YYYY-MM-DD`);
    const code = REFERRAL_OUTCOME[r.outcome as ReferralOutcome];
    if (!code) throw new SituationError(`${w}: outcome must be one of ${Object.keys(REFERRAL_OUTCOME).join(', ')}`);
    return { date: Number(r.date.replaceAll('-', '')), code };
  });
  recs.sort((a, b) => a.date - b.date);
  return refusalStreaks(recs.map((r) => r.date), recs.map((r) => r.code), year, countNoShow);
}

export interface SituationResult {
  year: number;
  reform?: { name: string; label: { zh: string; en: string } };
  people: Record<string, Record<string, number | number[]>>;
  households: Record<string, Record<string, number | number[]>>;
  /** parameters in force that are placeholders an administrator must replace */
  placeholders: { name: string; from: string; ref: string }[];
}

/** Every computed variable (not the inputs) for each person and household. */
export function computeSituation(system: TaxBenefitSystem, s: Situation, reform = s.reform): SituationResult {
  const targets = [...system.variables.values()].filter((v) => v.formula).map((v) => v.name);
  let sim: Simulation;
  try {
    sim = new Simulation(system, s.population, s.year, { targets, reform });
    sim.load(0, s.population.households);
    sim.run();
  } catch (e) {
    if (e instanceof EngineError) throw new SituationError(e.message);
    throw e;
  }
  const pop = s.population;
  const people: SituationResult['people'] = {};
  const households: SituationResult['households'] = {};
  pop.personIds!.forEach((id) => (people[id] = {}));
  pop.householdIds!.forEach((id) => (households[id] = {}));
  for (const name of targets) {
    const v = system.variable(name);
    const ids = v.entity === 'person' ? pop.personIds! : pop.householdIds!;
    const into = v.entity === 'person' ? people : households;
    const col = sim.get(name);
    ids.forEach((id, r) => {
      into[id][name] = v.period === 'month' ? Array.from(col.subarray(r * 12, r * 12 + 12), round2) : round2(col[r]);
    });
  }
  return {
    year: s.year,
    ...(reform ? { reform: { name: reform.name, label: reform.label } } : {}),
    people,
    households,
    placeholders: sim.parametersUsed().filter((u) => u.placeholder).map((u) => ({ name: u.name, from: formatDate(u.from), ref: u.ref })),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100 + 0;
