/** 调查估计: the published table by area with precision, the 五等份 table, charts and the .xlsx export. */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Segmented, Select, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useApi } from '../../api/useApi';
import { errorText } from '../../i18n';
import type { DomainRow, EstimateCell, Estimates as EstimatesData, SampleSummary } from './api';
import { surveyApi } from './api';
import { useSurveyI18n, type SurveyKey } from './messages';
import { periodKind, periodLabel, periodsOf, type PeriodKind } from './periods';

const EstimatesChart = lazy(() => import('./EstimatesChart'));
const LEVELS = { household: ['调查员', 'enumerator'], township: ['乡镇（街道）', 'township'], county: ['县（市、区）', 'county'], city: ['市', 'city'] } as const;

function money(c: EstimateCell | null | undefined) {
  if (!c) return '';
  if (c.estimate === null) return '…';
  return `${Math.round(c.estimate).toLocaleString('en-US')}${c.flags.length ? '*' : ''}`;
}
function pct(c: EstimateCell | null | undefined) {
  if (!c || c.estimate === null) return c ? '…' : '—';
  return `${(c.estimate * 100).toFixed(1)}%${c.se !== null ? ` ±${(c.se * 100).toFixed(1)}` : ''}`;
}

export function Estimates({ sample, period, onPeriod }: { sample: SampleSummary; period: string; onPeriod: (p: string) => void }) {
  const { t, locale } = useSurveyI18n();
  const kind = periodKind(period);
  const est = useApi<EstimatesData>('/api/survey/estimates', { sampleId: sample.id, period });
  const options = useMemo(() => periodsOf(kind, sample.yearFrom, sample.yearTo).map((p) => ({ value: p, label: periodLabel(p, locale) })), [kind, sample, locale]);
  const d = est.data;
  const cell = (k: 'disposable' | 'wage' | 'business' | 'property' | 'transfer' | 'consumption' | 'median', title: SurveyKey) => ({
    title: t(title),
    key: k,
    align: 'right' as const,
    render: (r: DomainRow) => (
      <Tooltip title={r[k].estimate !== null && r[k].se !== null ? `${t('est.se')} ${Math.round(r[k].se!)}；${t('est.cv')} ${r[k].cv === null ? '—' : (r[k].cv! * 100).toFixed(1) + '%'}` : undefined}>
        <span data-testid={`est-${r.domain}-${k}`}>{money(r[k])}</span>
      </Tooltip>
    ),
  });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="estimates">
      <Space wrap>
        <Segmented<PeriodKind>
          value={kind}
          options={(['year', 'quarter', 'month'] as const).map((k) => ({ value: k, label: t(`est.kind.${k}`) }))}
          onChange={(k) => onPeriod(periodsOf(k, sample.yearFrom, sample.yearTo).find((p) => p.startsWith(period.slice(0, 4))) ?? String(sample.yearTo))}
        />
        <Select style={{ width: 160 }} value={period} options={options} onChange={onPeriod} aria-label={t('est.period')} data-testid="period-select" />
        <Button icon={<DownloadOutlined />} href={surveyApi.exportUrl(sample.id, period)} data-testid="export-xlsx">
          {t('est.export')}
        </Button>
        {d && <Tag color={d.calibrated ? 'green' : 'default'}>{t(d.calibrated ? 'est.calibrated' : 'est.uncalibrated')}</Tag>}
        {d && !d.cpi && <Tag>{t('est.noCpi')}</Tag>}
      </Space>
      {est.error && <Alert type="error" showIcon title={errorText(locale, est.error)} />}
      {est.loading && !d && <Spin />}
      {d && (
        <>
          <Table<DomainRow>
            size="small"
            rowKey="domain"
            pagination={false}
            loading={est.loading}
            scroll={{ x: 1200 }}
            dataSource={d.rows}
            onRow={(r) => ({ 'data-testid': `est-row-${r.domain}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('est.domain'), key: 'label', fixed: 'left', render: (r: DomainRow) => <b>{r.label}</b> },
              cell('disposable', 'est.disposable'),
              cell('wage', 'est.wage'),
              cell('business', 'est.business'),
              cell('property', 'est.property'),
              cell('transfer', 'est.transfer'),
              cell('consumption', 'est.consumption'),
              cell('median', 'est.median'),
              { title: t('est.growth'), key: 'g', align: 'right', render: (r: DomainRow) => pct(r.growthNominal) },
              { title: t('est.realGrowth'), key: 'rg', align: 'right', render: (r: DomainRow) => pct(r.growthReal) },
              { title: t('est.se'), key: 'se', align: 'right', render: (r: DomainRow) => (r.disposable.se === null ? '' : Math.round(r.disposable.se).toLocaleString('en-US')) },
              { title: t('est.cv'), key: 'cv', align: 'right', render: (r: DomainRow) => (r.disposable.cv === null ? '' : `${(r.disposable.cv * 100).toFixed(1)}%`) },
              { title: t('est.ci'), key: 'ci', align: 'right', render: (r: DomainRow) => (r.disposable.ci[0] === null ? '' : `${Math.round(r.disposable.ci[0]!).toLocaleString('en-US')} – ${Math.round(r.disposable.ci[1]!).toLocaleString('en-US')}`) },
              { title: t('est.n'), key: 'n', align: 'right', render: (r: DomainRow) => <span data-testid={`est-${r.domain}-n`}>{r.households}</span> },
            ]}
          />
          <Typography.Text type="secondary" data-testid="est-legend">
            {t('est.legend', { n: d.settings.minHouseholds, cv: Math.round(d.settings.maxCv * 100), level: LEVELS[d.approvalLevel][locale === 'en-US' ? 1 : 0] })}
            {d.excluded > 0 && `　${t('est.excluded', { n: d.excluded })}`}
          </Typography.Text>
          <Card size="small" title={t('est.quintiles')}>
            <Table
              size="small"
              rowKey="domain"
              pagination={false}
              dataSource={d.quintiles}
              columns={[
                { title: t('est.domain'), dataIndex: 'label' },
                ...[1, 2, 3, 4, 5].map((g) => ({ title: t(`est.q${g}` as SurveyKey), key: `q${g}`, align: 'right' as const, render: (r: EstimatesData['quintiles'][number]) => money(r.groups[g - 1]) })),
              ]}
            />
          </Card>
          <Suspense fallback={<Spin />}>
            <EstimatesChart data={d} />
          </Suspense>
        </>
      )}
    </Space>
  );
}
