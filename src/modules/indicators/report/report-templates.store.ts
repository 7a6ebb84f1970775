/**
 * Edited report templates, kept in the settings key/value store (settings table, key
 * `indicators.report.templates`) with every version: who saved what and when; a reset to the shipped
 * default is a version too (source null). No table of its own: templates are few, small and rarely edited.
 */
import type { SettingsService } from '../../settings/settings.service.js';
import { nowIso } from '../../../shared/time.js';
import { REPORT_SECTIONS, type ReportSection } from './templates.js';

export const TEMPLATES_KEY = 'indicators.report.templates';
/** versions kept per section (older ones are dropped; the audit trail keeps every save) */
export const MAX_VERSIONS = 50;

export interface TemplateVersion {
  version: number;
  /** null: back to the shipped default */
  source: string | null;
  by: string;
  at: string;
}

type Stored = Partial<Record<ReportSection, TemplateVersion[]>>;

export class ReportTemplateStore {
  constructor(private readonly settings: SettingsService) {}

  async all(): Promise<Record<ReportSection, TemplateVersion[]>> {
    const s = await this.settings.get<Stored>(TEMPLATES_KEY, {});
    return Object.fromEntries(REPORT_SECTIONS.map((k) => [k, s[k] ?? []])) as Record<ReportSection, TemplateVersion[]>;
  }

  async latest(section: ReportSection): Promise<TemplateVersion | null> {
    return (await this.all())[section].at(-1) ?? null;
  }

  async save(section: ReportSection, source: string | null, by: string): Promise<TemplateVersion> {
    const s = await this.all();
    const list = s[section];
    const v: TemplateVersion = { version: (list.at(-1)?.version ?? 0) + 1, source, by, at: nowIso() };
    s[section] = [...list, v].slice(-MAX_VERSIONS);
    await this.settings.set(TEMPLATES_KEY, s, by);
    return v;
  }
}
