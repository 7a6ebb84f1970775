/**
 * 监测报告 panel, embedded by the indicators dashboard: download the monitoring report (.docx) and its
 * tables (.xlsx) for the region and year shown, for the year, a quarter or a month, with download
 * progress; a drawer with the report's narrative templates (one textarea per section, preview with the
 * current data, save, reset to default) for users the server allows to edit (city analysts and supervisors;
 * the button is hidden from everybody else).
 * Also exports TableExportButton for the dashboard's per-chart export (?table=NAME).
 */
import { DownloadOutlined, EditOutlined, FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Button, Collapse, Drawer, Input, Progress, Segmented, Select, Space, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorText } from '../../../i18n';
import { downloadWithProgress, reportApi, type ReportQuery, type ReportSection, type ReportTable, type ReportTemplate, type ReportTemplates } from './api';
import { useReportI18n, type ReportT } from './messages';

export interface ReportPanelProps {
  /** region code, e.g. 211000 (the server checks the user's scope) */
  region: string;
  year: number;
}

type Kind = 'year' | 'quarter' | 'month';

export function periodsOf(kind: Kind, year: number): string[] {
  if (kind === 'year') return [String(year)];
  if (kind === 'quarter') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

function periodLabel(p: string, locale: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(p);
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  // quarters are year to date, as NBS publishes income (一季度, 上半年, 前三季度, 全年)
  if (locale === 'en-US') return q ? `${q[1]} ${['Q1', 'H1', 'Q1–Q3', 'Q1–Q4'][Number(q[2]) - 1]}` : m ? `${m[1]}-${m[2]}` : p;
  return q ? `${q[1]}年${['一季度', '上半年', '前三季度', '全年（四季度累计）'][Number(q[2]) - 1]}` : m ? `${m[1]}年${Number(m[2])}月` : `${p}年`;
}

interface DownloadState {
  what: 'docx' | 'xlsx';
  received: number;
  total: number | null;
}

function useDownload(t: ReportT, locale: string) {
  const { message } = App.useApp();
  const [state, setState] = useState<DownloadState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (what: 'docx' | 'xlsx', url: string, fallback: string) => {
      setError(null);
      setState({ what, received: 0, total: null });
      try {
        const name = await downloadWithProgress(url, fallback, (received, total) => setState({ what, received, total }));
        void message.success(t('report.downloaded', { name }));
      } catch (e) {
        setError(errorText(locale as never, e));
      } finally {
        setState(null);
      }
    },
    [t, locale, message],
  );
  return { state, error, run };
}

function DownloadProgress({ state, t }: { state: DownloadState; t: ReportT }) {
  const pct = state.total ? Math.min(100, Math.round((100 * state.received) / state.total)) : 0;
  return (
    <Space orientation="vertical" size={2} style={{ width: 260 }} data-testid="report-progress">
      <Typography.Text type="secondary">{state.received === 0 ? t('report.downloading') : t('report.received', { kb: Math.round(state.received / 1024) })}</Typography.Text>
      <Progress percent={pct} status="active" size="small" />
    </Space>
  );
}

export function ReportPanel({ region, year }: ReportPanelProps) {
  const { t, locale } = useReportI18n();
  const [kind, setKind] = useState<Kind>('year');
  const [period, setPeriod] = useState<string>(String(year));
  const [drawer, setDrawer] = useState(false);
  const [templates, setTemplates] = useState<ReportTemplates | null>(null);
  const { state, error, run } = useDownload(t, locale);

  useEffect(() => {
    setPeriod((p) => (p.startsWith(String(year)) ? p : periodsOf(kind, year)[0]!));
  }, [year, kind]);
  useEffect(() => {
    reportApi.templates().then(setTemplates, () => setTemplates(null));
  }, []);

  const q: ReportQuery = { region, year, period };
  const options = useMemo(() => periodsOf(kind, year).map((p) => ({ value: p, label: periodLabel(p, locale) })), [kind, year, locale]);
  const busy = state !== null;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="report-panel">
      <Space wrap>
        <Segmented<Kind>
          value={kind}
          options={(['year', 'quarter', 'month'] as const).map((k) => ({ value: k, label: t(`report.kind.${k}`) }))}
          onChange={(k) => {
            setKind(k);
            setPeriod(periodsOf(k, year)[0]!);
          }}
          data-testid="report-kind"
        />
        {kind !== 'year' && <Select style={{ width: 160 }} value={period} options={options} onChange={setPeriod} aria-label={t('report.period')} data-testid="report-period" />}
        <Button type="primary" icon={<FileWordOutlined />} loading={busy && state?.what === 'docx'} disabled={busy} onClick={() => void run('docx', reportApi.docxUrl(q), `收入增长监测报告-${period}.docx`)} data-testid="report-docx">
          {t('report.download')}
        </Button>
        <Button icon={<FileExcelOutlined />} loading={busy && state?.what === 'xlsx'} disabled={busy} onClick={() => void run('xlsx', reportApi.xlsxUrl(q), `收入增长监测表-${period}.xlsx`)} data-testid="report-xlsx">
          {t('report.exportXlsx')}
        </Button>
        {templates?.canEdit && (
          <Button icon={<EditOutlined />} onClick={() => setDrawer(true)} data-testid="report-templates">
            {t('report.editTemplates')}
          </Button>
        )}
      </Space>
      {state && <DownloadProgress state={state} t={t} />}
      {error && <Alert type="error" showIcon title={error} />}
      {templates && (
        <TemplateDrawer open={drawer} onClose={() => setDrawer(false)} data={templates} onChange={setTemplates} query={q} />
      )}
    </Space>
  );
}

/** One table of the report as .xlsx, for a chart's export button on the dashboard. */
export function TableExportButton({ region, year, table, period }: { region: string; year: number; table: ReportTable; period?: string }) {
  const { t, locale } = useReportI18n();
  const { state, error, run } = useDownload(t, locale);
  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      loading={state !== null}
      title={error ?? undefined}
      danger={!!error}
      onClick={() => void run('xlsx', reportApi.xlsxUrl({ region, year, period, table }), `${table}-${period ?? year}.xlsx`)}
      data-testid={`export-${table}`}
    >
      {t('report.exportXlsx')}
    </Button>
  );
}

/** The template fields and helpers (src/modules/indicators/report/model.ts and templates.ts), for the drawer's help. */
const FIELDS: [string, string][] = [
  ['periodText · regionWord · region.name · reportDate', '报告期（2025年第三季度）· 全市/全县/全区 · 地区名称 · 报告日期'],
  ['headline.urban / rural / all / ratio / gini / middle / poor / coop', '核心指标；每项有 .text（带单位）.valueText .value .growth .growthWords（增长6.4%）.ciText .source'],
  ['doubling（#each）', 'name baseYear baseText latestText multipleText achieved —— 与2010年相比的翻番情况'],
  ['quintiles', 'lowText highText highToLowText topShareText bottomShareText —— 五等份'],
  ['counties（#each）· countyHigh · countyLow · countyFastestRural · countyHighToLowText', 'name 及 urban / rural / all / ratio（各为指标，有 .text 等）'],
  ['keyGroups（#each）· keyGroupsBelowAll · keyGroupsAboveAll · fastestGroup', 'name income（指标）ratioText comparedWords'],
  ['targets（#each）· targetsBehind · targetCounts.achieved / on_track / at_risk / off_track / no_data', 'title planRef statusText latestPeriod latestText targetText requiredText trendText projectedText'],
  ['tasks', 'total red yellow green done redShareText redGroups（label red）'],
  ['{{yuan x}} {{num x 2}} {{pct x}} {{abspct x}} {{growth x}} {{status s}} {{join list "name" "、"}} {{seq}} {{sub}}', '格式化函数：元、数字、百分比、绝对值百分比、增长/下降、目标状态、连接列表、一是/二是…、（一）/（二）…'],
  ['{{#if (has x)}} {{#if (gt a b)}} lt eq neq and or not', '条件：有值、大于、小于、等于、不等于、且、或、非；段落之间空一行'],
];

function TemplateDrawer({ open, onClose, data, onChange, query }: { open: boolean; onClose: () => void; data: ReportTemplates; onChange: (d: ReportTemplates) => void; query: ReportQuery }) {
  const { t, locale } = useReportI18n();
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);

  const replace = (tpl: ReportTemplate) => onChange({ ...data, templates: data.templates.map((x) => (x.section === tpl.section ? tpl : x)) });
  const act = async (section: ReportSection, what: 'preview' | 'save' | 'reset') => {
    const source = drafts[section] ?? data.templates.find((x) => x.section === section)!.source;
    setBusy(`${section}.${what}`);
    setErrors((e) => ({ ...e, [section]: '' }));
    try {
      if (what === 'preview') {
        const r = await reportApi.preview(section, source, query);
        setPreview((p) => ({ ...p, [section]: r.text }));
      } else {
        const saved = await reportApi.save(section, what === 'reset' ? null : source);
        replace(saved);
        setDrafts((d) => ({ ...d, [section]: saved.source }));
        void message.success(what === 'reset' ? t('report.resetDone') : t('report.saved', { v: saved.version }));
      }
    } catch (e) {
      setErrors((x) => ({ ...x, [section]: errorText(locale, e) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Drawer open={open} onClose={onClose} size={720} title={t('report.templates')} data-testid="template-drawer">
      <Typography.Paragraph type="secondary">{t('report.templates.help')}</Typography.Paragraph>
      <Collapse
        size="small"
        style={{ marginBottom: 12 }}
        items={[{ key: 'fields', label: t('report.variables'), children: (
          <dl style={{ margin: 0, fontSize: 12 }}>
            {FIELDS.map(([k, v]) => (
              <div key={k} style={{ marginBottom: 6 }}>
                <dt><Typography.Text code>{k}</Typography.Text></dt>
                <dd style={{ marginLeft: 12 }}>{v}</dd>
              </div>
            ))}
          </dl>
        ) }]}
      />
      {!data.canEdit && <Alert type="info" showIcon title={t('report.readOnly')} style={{ marginBottom: 12 }} />}
      <Tabs
        items={data.templates.map((tpl) => ({
          key: tpl.section,
          label: tpl.title,
          children: (
            <Space orientation="vertical" style={{ width: '100%' }} data-testid={`template-${tpl.section}`}>
              <Typography.Text type="secondary">
                {tpl.version === 0 ? t('report.default') : t('report.version', { v: tpl.version, by: tpl.updatedBy ?? '', at: tpl.updatedAt?.slice(0, 16).replace('T', ' ') ?? '' })}
              </Typography.Text>
              <Input.TextArea
                value={drafts[tpl.section] ?? tpl.source}
                onChange={(e) => setDrafts((d) => ({ ...d, [tpl.section]: e.target.value }))}
                autoSize={{ minRows: 10, maxRows: 24 }}
                readOnly={!data.canEdit}
                style={{ fontFamily: 'monospace' }}
                aria-label={tpl.title}
              />
              {errors[tpl.section] && <Alert type="error" showIcon title={errors[tpl.section]} />}
              <Space>
                <Button onClick={() => void act(tpl.section, 'preview')} loading={busy === `${tpl.section}.preview`} data-testid={`template-preview-${tpl.section}`}>
                  {t('report.preview')}
                </Button>
                {data.canEdit && (
                  <>
                    <Button type="primary" onClick={() => void act(tpl.section, 'save')} loading={busy === `${tpl.section}.save`} data-testid={`template-save-${tpl.section}`}>
                      {t('report.save')}
                    </Button>
                    <Button onClick={() => void act(tpl.section, 'reset')} loading={busy === `${tpl.section}.reset`} disabled={tpl.version === 0 && drafts[tpl.section] === undefined} data-testid={`template-reset-${tpl.section}`}>
                      {t('report.reset')}
                    </Button>
                  </>
                )}
              </Space>
              {preview[tpl.section] !== undefined && (
                <div style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 12, border: '1px solid #eee', fontFamily: '仿宋, FangSong, serif' }} data-testid={`preview-${tpl.section}`}>
                  {preview[tpl.section]}
                </div>
              )}
            </Space>
          ),
        }))}
      />
    </Drawer>
  );
}

export default ReportPanel;
