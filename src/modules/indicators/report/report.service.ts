/**
 * 收入增长监测报告: the dashboard (region scope and permissions are the indicators service's) turned into
 * .docx and .xlsx, with the narrative templates analysts edit. Every download and template change is audited.
 *
 * Who may edit the templates: analysts (统计局 / 调查队) and supervisors (督查室 / 发改委) whose scope is the whole
 * city — the templates are the city's, used for every county's report. Department liaisons hold
 * indicators.enter for their own figures but do not write the city's report.
 */
import { levelOf } from '../../../shared/region-scope.js';
import type { Dashboard } from '../../../shared/api/indicators.js';
import { AppError } from '../../app-error.js';
import type { Actor, AuditService } from '../../audit/audit.service.js';
import type { SettingsService } from '../../settings/settings.service.js';
import type { IndicatorsService, IndicatorUser } from '../indicators.service.js';
import { reportDocx, previewSection, reportTitle } from './docx.js';
import { buildReportModel } from './model.js';
import { ReportTemplateStore, type TemplateVersion } from './report-templates.store.js';
import type { TableName } from './tables.js';
import { defaultTemplate, REPORT_SECTIONS, SECTION_TITLES, validateTemplate, type ReportSection } from './templates.js';
import { reportWorkbook } from './xlsx.js';

export interface ReportQuery {
  region?: string;
  year?: number;
  period?: string;
}

export interface TemplateView {
  section: ReportSection;
  title: string;
  source: string;
  defaultSource: string;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface GeneratedFile {
  buffer: Buffer;
  fileName: string;
  asciiName: string;
  contentType: string;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const EDIT_ROLES = new Set(['analyst', 'supervisor']);

export function canEditTemplates(u: Pick<IndicatorUser, 'roles' | 'regionCode'>): boolean {
  return u.roles.some((r) => EDIT_ROLES.has(r)) && ['prefecture', 'province'].includes(levelOf(u.regionCode));
}

/** The period asked must lie in the year asked (or gives the year when none is). */
export function resolvePeriod(q: ReportQuery): { year: number | undefined; period: string | undefined } {
  if (!q.period) return { year: q.year, period: q.year ? String(q.year) : undefined };
  const py = Number(q.period.slice(0, 4));
  if (q.year !== undefined && q.year !== py) throw new AppError(400, 'PERIOD_MISMATCH', `报告期 ${q.period} 不在 ${q.year} 年内`);
  return { year: py, period: q.period };
}

export class ReportService {
  readonly store: ReportTemplateStore;

  constructor(
    private readonly indicators: IndicatorsService,
    settings: SettingsService,
    private readonly audit: AuditService,
  ) {
    this.store = new ReportTemplateStore(settings);
  }

  async templates(): Promise<TemplateView[]> {
    const all = await this.store.all();
    return REPORT_SECTIONS.map((s) => this.view(s, all[s].at(-1) ?? null));
  }

  private view(section: ReportSection, v: TemplateVersion | null): TemplateView {
    const def = defaultTemplate(section);
    return { section, title: SECTION_TITLES[section], source: v?.source ?? def, defaultSource: def, version: v?.version ?? 0, updatedBy: v?.by ?? null, updatedAt: v?.at ?? null };
  }

  async currentSources(): Promise<Record<ReportSection, string>> {
    const t = await this.templates();
    return Object.fromEntries(t.map((x) => [x.section, x.source])) as Record<ReportSection, string>;
  }

  async saveTemplate(user: IndicatorUser, section: ReportSection, source: string | null, actor: Actor): Promise<TemplateView> {
    if (!canEditTemplates(user)) {
      await this.audit.record(actor, { action: 'indicators.report.template.save', outcome: 'denied', objectType: 'report_template', objectId: section });
      throw new AppError(403, 'FORBIDDEN', '只有市级统计分析人员和督查人员可以修改监测报告模板');
    }
    if (source !== null) {
      try {
        validateTemplate(section, source);
      } catch (e) {
        await this.audit.record(actor, { action: 'indicators.report.template.save', outcome: 'failure', objectType: 'report_template', objectId: section, detail: { error: (e as Error).message } });
        throw e;
      }
    }
    const v = await this.store.save(section, source, user.username);
    await this.audit.record(actor, { action: 'indicators.report.template.save', objectType: 'report_template', objectId: section, detail: { version: v.version, reset: source === null, length: source?.length ?? 0 } });
    return this.view(section, v);
  }

  async preview(user: IndicatorUser, section: ReportSection, source: string, q: ReportQuery, actor: Actor): Promise<string> {
    const { year, period } = resolvePeriod(q);
    const d = await this.indicators.dashboard(user, { region: q.region, year, ...(period?.includes('-Q') && { period }) });
    await this.audit.record(actor, { action: 'indicators.report.template.preview', objectType: 'report_template', objectId: section, regionCode: d.region.code });
    return previewSection(d, section, source, period);
  }

  private async dashboardFor(user: IndicatorUser, q: ReportQuery): Promise<{ d: Dashboard; period: string }> {
    const { year, period } = resolvePeriod(q);
    const d = await this.indicators.dashboard(user, { region: q.region, year, ...(period?.includes('-Q') && { period }) });
    return { d, period: period ?? String(d.year) };
  }

  async docx(user: IndicatorUser, q: ReportQuery, actor: Actor): Promise<GeneratedFile> {
    const { d, period } = await this.dashboardFor(user, q);
    const t0 = performance.now();
    const buffer = await reportDocx(d, { period, templates: await this.currentSources() });
    const m = buildReportModel(d, period);
    await this.audit.record(actor, { action: 'indicators.report.docx', objectType: 'indicators_report', objectId: `${d.region.code}/${period}`, regionCode: d.region.code, detail: { bytes: buffer.length, ms: Math.round(performance.now() - t0) } });
    return { buffer, fileName: `${reportTitle(m)}.docx`, asciiName: `income-report-${d.region.code}-${period}.docx`, contentType: DOCX_TYPE };
  }

  async xlsx(user: IndicatorUser, q: ReportQuery & { table?: TableName }, actor: Actor): Promise<GeneratedFile> {
    const { d, period } = await this.dashboardFor(user, q);
    const buffer = await reportWorkbook(d, { period, table: q.table });
    const m = buildReportModel(d, period);
    await this.audit.record(actor, { action: 'indicators.report.xlsx', objectType: 'indicators_report', objectId: `${d.region.code}/${period}${q.table ? `/${q.table}` : ''}`, regionCode: d.region.code, detail: { bytes: buffer.length, table: q.table ?? null } });
    const base = `${m.region.name}${m.periodText}收入监测表${q.table ? `-${q.table}` : ''}`;
    return { buffer, fileName: `${base}.xlsx`, asciiName: `income-tables-${d.region.code}-${period}${q.table ? `-${q.table}` : ''}.xlsx`, contentType: XLSX_TYPE };
  }
}

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 Chinese name. */
export function contentDisposition(fileName: string, asciiName: string): string {
  const enc = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${enc}`;
}
