/**
 * The survey's part of the first start's demo: a sample of about 1,500 households drawn from the
 * demo city (panel 2023 to this year), two years of approved diaries (2023, 2024) with housing
 * questionnaires, population totals for calibration, a few refusals replaced from the reserve, and
 * demo accounts: an enumerator, a township and a county reviewer, and one household's own login.
 */
import type { Role } from '../../../shared/roles.js';
import { SYSTEM_ACTOR } from '../../audit/audit.service.js';
import type { City } from '../../demo/index.js';
import { SYSTEM_VIEWER } from '../access.js';
import { approveGenerated, insertGenerated } from '../bulk.js';
import type { SurveyService } from '../survey.service.js';
import { demoDiaries } from './diaries.js';
import { demoPopulation, demoSource } from './source.js';

export interface SurveyDemoReport {
  sampleId: number;
  households: number;
  entries: number;
  seconds: number;
  /** Accounts made here beyond those made through `createUser` (the household's own login). */
  accounts: { username: string; displayName: string; roles: Role[] }[];
}

export const DEMO_YEARS = [2023, 2024] as const;

const REFUSALS = ['户主以工作忙、不愿记账为由拒访', '老人独居，子女不同意参加调查', '多次上门无人应答'];

export async function loadSurveyDemo(
  survey: SurveyService,
  opts: { scale: number; city?: City; passwordHash: string; password: string; createUser: (u: { username: string; displayName: string; roles: Role[]; regionCode: string }) => Promise<void>; yearTo?: number; accounts?: boolean },
): Promise<SurveyDemoReport> {
  const t0 = Date.now();
  const { generateCity } = await import('../../demo/index.js');
  const city = opts.city ?? generateCity({ scale: opts.scale });
  const yearTo = Math.max(opts.yearTo ?? new Date().getUTCFullYear(), DEMO_YEARS[1]);
  const sampleId = await survey.samples.draw(
    { name: '辽阳市住户收支调查样本（合成演示数据）', yearFrom: DEMO_YEARS[0], yearTo, options: { targetHouseholds: 1500, householdsPerPsu: 10, reservesPerPsu: 5, seed: 2018 } },
    demoSource(city, DEMO_YEARS[0]),
    SYSTEM_ACTOR,
  );
  // a few refusals at the start, each replaced by the next reserve household of its PSU
  const first = await survey.repo.households({ sampleId, status: 'active' });
  for (let i = 0; i < REFUSALS.length; i++) await survey.samples.refuse(SYSTEM_VIEWER, first[17 + 211 * i].id, REFUSALS[i], SYSTEM_ACTOR);
  await survey.repo.db.updateTable('sv_households').set({ active_from: `${DEMO_YEARS[0]}-01-01` }).where('sample_id', '=', sampleId).where('replaces_id', 'is not', null).execute();

  const active = await survey.repo.households({ sampleId, status: 'active' });
  const pairs = active.map((h) => ({ id: h.id, h: Number(h.source_ref!.slice(5)) }));
  let entries = 0;
  let serial = 0;
  for (const year of DEMO_YEARS) {
    const d = demoDiaries(city, year, pairs, { detail: year === DEMO_YEARS[1] });
    await insertGenerated(survey.repo, d.entries, serial);
    serial += d.entries.length;
    entries += d.entries.length;
    const now = new Date().toISOString();
    await survey.repo.insertQuestionnaires(
      active.map((h) => {
        const rent = d.imputedRentYuan.get(h.id);
        const data = rent ? { tenure: 'owned', areaM2: h.urban ? 75 : 110, builtYear: null, marketRentYuan: rent, upkeepYuan: 0, heating: h.urban ? 'central' : 'own' } : { tenure: 'rented', areaM2: 55, builtYear: null, marketRentYuan: 0, upkeepYuan: 0, heating: 'central' };
        return { household_id: h.id, year, kind: 'housing', data: JSON.stringify(data), version: 1, updated_at: now, updated_by: 'demo' };
      }),
    );
    await approveGenerated(survey.repo, sampleId, active, Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`), 'city');
    await survey.setPopulation(demoPopulation(city, year).map((p) => ({ year, ...p })), SYSTEM_ACTOR);
  }

  if (opts.accounts === false) return { sampleId, households: active.length, entries, seconds: (Date.now() - t0) / 1000, accounts: [] };
  // accounts: the enumerator, reviewers and one household of a rural township
  const hh = active.find((h) => !h.urban && h.county_code === '211021') ?? active[0];
  const accounts: SurveyDemoReport['accounts'] = [];
  const add = (username: string, displayName: string, roles: Role[], regionCode: string) => opts.createUser({ username, displayName, roles, regionCode });
  await add('diaocha', '辅助调查员（演示）', ['enumerator'], hh.township_code);
  await add('xiangzhen', '乡镇调查审核员（演示）', ['analyst'], hh.township_code);
  await add('quxian', '县区调查审核员（演示）', ['analyst'], hh.county_code);
  const { userId } = await survey.createHouseholdLogin(SYSTEM_VIEWER, null, hh.id, { username: 'zhuhu', password: opts.password }, SYSTEM_ACTOR, { passwordHash: opts.passwordHash });
  if (userId) accounts.push({ username: 'zhuhu', displayName: `记账户 ${hh.code}`, roles: ['household'] });
  return { sampleId, households: active.length, entries, seconds: (Date.now() - t0) / 1000, accounts };
}

/** The step for the first start: scale as the registry's demo (ZENGSHOU_DEMO_SCALE, 0 skips); never stops the start. */
export async function surveyDemoStep(
  survey: SurveyService,
  opts: { passwordHash: string; password: string; createUser: (u: { username: string; displayName: string; roles: Role[]; regionCode: string }) => Promise<void>; scale?: number },
): Promise<SurveyDemoReport | { skipped: string } | { error: string }> {
  const scale = opts.scale ?? (process.env.VITEST ? 0 : Number(process.env.ZENGSHOU_DEMO_SCALE ?? 0.05));
  if (!(scale > 0)) return { skipped: 'scale 0' };
  try {
    return await loadSurveyDemo(survey, { ...opts, scale });
  } catch (e) {
    return { error: (e as Error).message ?? String(e) };
  }
}
