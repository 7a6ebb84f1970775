import type { Estimates, ReviewLevel, SurveySettings } from '../../shared/api/survey.js';
import { LIAOYANG_DIVISIONS } from '../regions/liaoyang-divisions.js';
import { notFound } from '../app-error.js';
import type { SettingsService } from '../settings/settings.service.js';
import { estimateTables, growthColumns, VALUE_KEYS, type DomainDef, type PeriodUnits, type ValueKey } from './estimate.js';
import { parsePeriod, previousYear, type Period } from './periods.js';
import { residentCount } from './residents.js';
import { unitOf } from './review.service.js';
import { presenceOf, type SampleService } from './sample.service.js';
import type { HouseholdRow, SurveyRepository } from './survey.repository.js';

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = { minHouseholds: 20, maxCv: 0.1, action: 'flag', approvalLevel: 'county', quintileUnit: 'household', level: 0.95 };
const SETTINGS_KEY = 'survey.settings';
const COUNTIES = LIAOYANG_DIVISIONS.filter((d) => d.level === 'county');

/** Loads a period's approved data, turns entries into household totals by component, and estimates. */
export class EstimatesService {
  constructor(
    readonly repo: SurveyRepository,
    private readonly samples: SampleService,
    private readonly settingsService: SettingsService,
  ) {}

  async settings(): Promise<SurveySettings> {
    return { ...DEFAULT_SURVEY_SETTINGS, ...(await this.settingsService.get<Partial<SurveySettings>>(SETTINGS_KEY, {})) };
  }

  async setSettings(s: SurveySettings, by: string): Promise<void> {
    await this.settingsService.set(SETTINGS_KEY, s, by);
  }

  /** Households whose every month of the period is approved at `level`, with their totals (元). */
  async periodUnits(sampleId: number, p: Period, level: ReviewLevel): Promise<{ units: PeriodUnits; excluded: number }> {
    const households = (await this.repo.households({ sampleId })).filter((h) => h.status !== 'reserve');
    const [monthRows, approvals] = await Promise.all([this.repo.monthsOfSample(sampleId, p.months), this.repo.approvals(sampleId, p.months)]);
    const monthStatus = new Map(monthRows.map((m) => [`${m.household_id}:${m.month}`, m.status]));
    const approved = new Set(approvals.filter((a) => a.status === 'approved').map((a) => `${a.level}:${a.unit_code}:${a.month}`));
    const ok = (h: HouseholdRow, month: string) =>
      level === 'household' ? monthStatus.get(`${h.id}:${month}`) === 'approved' : approved.has(`${level}:${unitOf(h, level)}:${month}`) && monthStatus.get(`${h.id}:${month}`) === 'approved';
    const complete = new Set(households.filter((h) => p.months.every((month) => ok(h, month))).map((h) => h.id));
    const items = await this.samples.itemsFor(p.year);
    const sums = await this.repo.sums(p.months[0], p.months[p.months.length - 1]);
    const totals = new Map<number, Record<ValueKey, number>>();
    const hasItem = new Set<string>();
    for (const r of sums) {
      if (!complete.has(r.household_id)) continue;
      const it = items.get(r.item_code);
      if (!it) continue;
      let t = totals.get(r.household_id);
      if (!t) totals.set(r.household_id, (t = { wage: 0, business: 0, property: 0, transfer: 0, consumption: 0 }));
      const fen = Number(r.total);
      if (it.component) t[it.component] += it.sign * fen;
      else if (it.kind === 'consumption') t.consumption += fen;
      hasItem.add(`${r.household_id}:${r.item_code}`);
    }
    await this.addQuestionnaires(p, complete, totals, hasItem);
    const { members, absences } = await this.repo.allMembersOf(sampleId);
    const presence = presenceOf(members, absences);
    const rows: { h: HouseholdRow; m: number; t: Record<ValueKey, number> }[] = [];
    for (const h of households) {
      if (!complete.has(h.id)) continue;
      const m = residentCount(presence.get(h.id) ?? [], p.start, p.end);
      if (m === 0) continue;
      rows.push({ h, m, t: totals.get(h.id) ?? { wage: 0, business: 0, property: 0, transfer: 0, consumption: 0 } });
    }
    const n = rows.length;
    const values = Object.fromEntries(VALUE_KEYS.map((k) => [k, Float64Array.from(rows, (r) => r.t[k] / 100)])) as Record<ValueKey, Float64Array>;
    return {
      units: {
        id: rows.map((r) => r.h.id),
        weight: Float64Array.from(rows, (r) => r.h.design_weight),
        stratum: rows.map((r) => r.h.stratum),
        psu: rows.map((r) => r.h.psu),
        members: Float64Array.from(rows, (r) => r.m),
        values,
        domains: rows.map((r) => ['all', r.h.urban ? 'urban' : 'rural', r.h.county_code]),
      },
      excluded: households.filter((h) => h.status === 'active').length - n,
    };
  }

  /**
   * Items the diary does not cover, from the year's questionnaires: the imputed net rent of an
   * owner-occupied dwelling (property income, in kind) and the depreciation of productive fixed
   * assets (a business cost), pro rata for the period; skipped where the diary already has them.
   */
  private async addQuestionnaires(p: Period, complete: Set<number>, totals: Map<number, Record<ValueKey, number>>, hasItem: Set<string>): Promise<void> {
    const share = p.months.length / 12;
    const qs = await this.repo.questionnairesOfYear(p.year, ['housing', 'business']);
    for (const q of qs) {
      if (!complete.has(q.household_id)) continue;
      const t = totals.get(q.household_id) ?? { wage: 0, business: 0, property: 0, transfer: 0, consumption: 0 };
      totals.set(q.household_id, t);
      const data = JSON.parse(q.data);
      if (q.kind === 'housing' && data.tenure === 'owned' && !hasItem.has(`${q.household_id}:3106`)) {
        t.property += Math.round(Math.max(0, data.marketRentYuan * 12 - (data.upkeepYuan ?? 0)) * 100 * share);
      }
      if (q.kind === 'business' && !hasItem.has(`${q.household_id}:2301`)) {
        let annual = 0;
        for (const b of data.businesses ?? []) for (const a of b.assets ?? []) if (a.acquiredYear <= p.year && p.year < a.acquiredYear + a.lifeYears) annual += a.valueYuan / a.lifeYears;
        t.business -= Math.round(annual * 100 * share);
      }
    }
  }

  async populationTotals(year: number): Promise<Map<string, number> | null> {
    const rows = await this.repo.population(year);
    return rows.length ? new Map(rows.map((r) => [r.stratum, Number(r.persons)])) : null;
  }

  async cpiFor(period: string): Promise<number | null> {
    const all = await this.repo.cpi();
    return (all.find((c) => c.period === period) ?? all.find((c) => c.period === period.slice(0, 4)))?.value ?? null;
  }

  /** The published tables of a period: levels, components, median, 五等份, growth; SE, CV, CI. */
  async estimate(sampleId: number, periodKey: string, overrides: Partial<SurveySettings> = {}): Promise<Estimates> {
    if (!(await this.repo.sample(sampleId))) throw notFound('样本');
    const settings = { ...(await this.settings()), ...overrides };
    const period = parsePeriod(periodKey);
    const prevKey = previousYear(periodKey);
    const domains: DomainDef[] = [{ key: 'all', label: '全市' }, { key: 'urban', label: '城镇' }, { key: 'rural', label: '农村' }, ...COUNTIES.map((c) => ({ key: c.code, label: c.name }))];
    const cpi = await this.cpiFor(periodKey);
    const o = { settings, domains, quintileDomains: ['all', 'urban', 'rural'], totals: await this.populationTotals(period.year), cpi };
    const cur = await this.periodUnits(sampleId, period, settings.approvalLevel);
    const table = estimateTables(cur.units, o);
    const prev = await this.periodUnits(sampleId, parsePeriod(prevKey), settings.approvalLevel);
    if (prev.units.id.length >= 2) {
      const before = estimateTables(prev.units, { ...o, totals: await this.populationTotals(period.year - 1) });
      growthColumns(table.rows, before.rows, cur.units, prev.units, o);
    }
    return {
      sampleId,
      period: periodKey,
      previousPeriod: prevKey,
      months: period.months,
      approvalLevel: settings.approvalLevel,
      calibrated: table.calibrated,
      cpi,
      settings: { minHouseholds: settings.minHouseholds, maxCv: settings.maxCv, action: settings.action, quintileUnit: settings.quintileUnit, level: settings.level },
      rows: table.rows,
      quintiles: table.quintiles,
      excluded: Math.max(0, cur.excluded),
    };
  }
}
