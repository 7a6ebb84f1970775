/**
 * Demo data for the indicators (first start, after the registry and survey demo): the statistics
 * bureau's published series for the years before the survey, the 市农委's cooperative counts, and the
 * key-group rosters — all derived from the synthetic city and flagged synthetic. They enter through
 * the same manual-entry path a real city uses (approved entries with a source label), never as values.
 */
import type { Actor } from '../audit/audit.service.js';
import type { RegistryService } from '../registry/registry.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { SurveyService } from '../survey/survey.service.js';
import type { IndicatorsService } from './indicators.service.js';
import { CITY, MIDDLE_PER_CAPITA } from './sources.js';

export const DEMO_STATS_LABEL = '市统计局 公布数（演示数据：由合成城市推算，非真实统计）';
export const DEMO_COOP_LABEL = '市农委 报送（演示数据，非真实统计）';
export const DEMO_GROUP_LABEL = '重点群体名册（演示数据：合成城市的人员标记）';
/** Synthetic year-end counts of land-share cooperatives of 1,000 mu or more (target: +10 in 2018, 80 by 2022). */
export const DEMO_COOPS: Record<number, number> = { 2016: 31, 2017: 36, 2018: 47, 2019: 55, 2020: 61, 2021: 68, 2022: 76, 2023: 82, 2024: 87 };

export interface IndicatorsDemoReport {
  entries: number;
  groupMembers: number;
  values: number;
  seconds: number;
}

export async function loadIndicatorsDemo(
  s: { indicators: IndicatorsService; registry: RegistryService; survey: SurveyService; settings: SettingsService },
  opts: { scale?: number; seed?: number; actor: Actor; onProgress?: (step: string) => void },
): Promise<IndicatorsDemoReport> {
  const t0 = Date.now();
  const p = opts.onProgress ?? (() => {});
  const ind = s.indicators;
  await ind.ensureSeeded();
  if ((await ind.repo.entries({ indicator: 'income.pc.urban' })).some((e) => e.synthetic === 1)) {
    return { entries: 0, groupMembers: 0, values: await ind.repo.valueCount(), seconds: 0 };
  }
  const reg = await s.settings.get<{ seed: number; scale: number } | null>('registry.demo', null);
  const scale = reg?.scale ?? opts.scale ?? 0.01;
  const demo = await import('../demo/index.js');
  p('generate');
  const city = demo.generateCity({ seed: reg?.seed ?? opts.seed ?? demo.DEFAULT_SEED, scale });
  const firstSurveyYear = (await s.survey.repo.samples())[0]?.year_from ?? 2023;
  const at = new Date().toISOString();
  const rows: Parameters<IndicatorsService['repo']['insertEntries']>[0] = [];
  const entry = (indicator: string, year: number, value: number, department: number | null, label: string) =>
    rows.push({
      indicator, period: String(year), region_code: CITY, value, note: '演示数据', status: 'approved', department_id: department, entered_by: 'system', entered_at: at,
      reviewed_by: 'system', reviewed_at: at, review_comment: null, synthetic: 1, source_label: label,
    });
  const depts = await s.registry.handle.db.selectFrom('departments').select(['id', 'code']).execute();
  const dept = (code: string) => depts.find((d) => d.code === code)?.id ?? null;
  p('history');
  for (let y = 2010; y < firstSurveyYear; y++) {
    const sum = demo.summariseYear(city, y);
    const round = (x: number) => Math.round(x);
    entry('income.pc.urban', y, round(sum.perCapita.urban.disposable), dept('statistics'), DEMO_STATS_LABEL);
    entry('income.pc.rural', y, round(sum.perCapita.rural.disposable), dept('statistics'), DEMO_STATS_LABEL);
    entry('income.pc.all', y, round(sum.perCapita.all.disposable), dept('statistics'), DEMO_STATS_LABEL);
    entry('inequality.gini', y, Math.round(sum.gini * 1000) / 1000, dept('statistics'), DEMO_STATS_LABEL);
    entry('poverty.rural.headcount', y, round(sum.ruralPoor / city.scale), dept('statistics'), DEMO_STATS_LABEL);
    entry('dibao.recipients', y, round((sum.dibaoRecipients.urban + sum.dibaoRecipients.rural) / city.scale), dept('civil_affairs'), DEMO_STATS_LABEL);
    entry('middle.share', y, Math.round(middleShare(demo, city, y) * 1000) / 10, dept('statistics'), DEMO_STATS_LABEL);
  }
  for (const [y, n] of Object.entries(DEMO_COOPS)) entry('coop.land_share', Number(y), n, dept('agriculture'), DEMO_COOP_LABEL);
  await ind.repo.insertEntries(rows);
  p('groups');
  let groupMembers = 0;
  if ((await ind.repo.groupMemberCount()) === 0 && reg) {
    const members: { group_key: string; id_bidx: string; source_label: string; synthetic: number }[] = [];
    const ps = city.persons;
    for (let i = 0; i < ps.count; i++) {
      const bits = ps.keyGroups[i];
      if (!bits) continue;
      const bidx = s.registry.protector.idIndex(demo.residentIdOf(city, i));
      for (const g of demo.KEY_GROUPS) if (bits & (1 << g.bit)) members.push({ group_key: g.key, id_bidx: bidx, source_label: DEMO_GROUP_LABEL, synthetic: 1 });
    }
    await ind.repo.insertGroupMembers(members);
    groupMembers = members.length;
  }
  await s.registry.audit.record(opts.actor, { action: 'indicators.demo.load', objectType: 'indicator', regionCode: CITY, detail: { entries: rows.length, groupMembers, synthetic: true } });
  p('compute');
  const rep = await ind.recompute();
  return { entries: rows.length, groupMembers, values: rep.values, seconds: (Date.now() - t0) / 1000 };
}

/** Share of persons in middle-income households (per-capita band of sources.ts) in the synthetic city. */
function middleShare(demo: typeof import('../demo/index.js'), city: import('../demo/index.js').City, year: number): number {
  const P = demo.yearParams(city, year);
  const buf = new demo.HouseholdPlan();
  let inBand = 0;
  let persons = 0;
  for (let h = 0; h < city.households.count; h++) {
    const b = demo.planHousehold(city, h, P, buf);
    if (b.members === 0) continue;
    const pc = b.disposable() / 100 / b.members;
    persons += b.members;
    if (pc >= MIDDLE_PER_CAPITA[0] && pc < MIDDLE_PER_CAPITA[1]) inBand += b.members;
  }
  return persons ? inBand / persons : 0;
}
