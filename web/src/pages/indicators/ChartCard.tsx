/**
 * One dashboard panel: a chart with a 图/表 toggle showing the same figures as a table, the export of
 * that table (.xlsx from the report endpoint), and under it where every figure comes from (linked) and
 * what it means (the indicator's definition).
 */
import { Card, Segmented, Skeleton, Space, Table, Typography } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { IndicatorDefinition, IndicatorValue } from './api';
import { useIndI18n } from './messages';
import { TableExportButton } from './report/ReportPanel';
import type { ReportTable } from './report/api';

export interface TableColumn {
  key: string;
  title: string;
  align?: 'left' | 'right';
}

export interface TableSpec {
  columns: TableColumn[];
  rows: Record<string, string | number | null>[];
}

export interface ChartCardProps {
  id: string;
  title: string;
  chart: ReactNode;
  table: TableSpec;
  /** the report table exported by the export button */
  exportTable?: ReportTable;
  region: string;
  year: number;
  sources: IndicatorValue['source'][];
  definitions: IndicatorDefinition[];
  note?: ReactNode;
  height?: number;
}

/** A source link: in-platform links open in the app. */
export function SourceLink({ source }: { source: IndicatorValue['source'] }) {
  if (!source.href) return <span>{source.label}</span>;
  if (source.href.startsWith('/')) return <Link to={source.href}>{source.label}</Link>;
  return (
    <a href={source.href} target="_blank" rel="noreferrer">
      {source.label}
    </a>
  );
}

function uniqueSources(sources: IndicatorValue['source'][]): IndicatorValue['source'][] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const k = `${s.label}|${s.href}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function ChartCard({ id, title, chart, table, exportTable, region, year, sources, definitions, note, height = 300 }: ChartCardProps) {
  const { t, locale } = useIndI18n();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const srcs = uniqueSources(sources);
  return (
    <Card
      size="small"
      title={title}
      data-testid={`panel-${id}`}
      extra={
        <Space size={8}>
          <Segmented<'chart' | 'table'>
            size="small"
            value={view}
            onChange={setView}
            options={[
              { value: 'chart', label: t('view.chart') },
              { value: 'table', label: t('view.table') },
            ]}
            data-testid={`toggle-${id}`}
          />
          {exportTable && <TableExportButton region={region} year={year} table={exportTable} />}
        </Space>
      }
    >
      {view === 'chart' ? (
        <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>
          <div style={{ height }}>{chart}</div>
        </Suspense>
      ) : (
        <Table
          size="small"
          pagination={false}
          scroll={{ y: height + 40 }}
          rowKey="__key"
          dataSource={table.rows.map((r, i) => ({ ...r, __key: i }))}
          columns={table.columns.map((c) => ({ key: c.key, dataIndex: c.key, title: c.title, align: c.align }))}
          data-testid={`table-${id}`}
        />
      )}
      {note}
      <div style={{ marginTop: 8, fontSize: 12, color: 'rgba(0,0,0,0.55)' }} data-testid={`sources-${id}`}>
        {srcs.length > 0 && (
          <div>
            {t('ind.source')}：
            {srcs.map((s, i) => (
              <span key={`${s.label}${i}`}>
                {i > 0 && '；'}
                <SourceLink source={s} />
              </span>
            ))}
          </div>
        )}
        {definitions.map((d) => (
          <Typography.Paragraph key={d.code} type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
            {t('ind.definition')}（{locale === 'en-US' ? d.name.en : d.name.zh}）：{d.definition}
          </Typography.Paragraph>
        ))}
      </div>
    </Card>
  );
}
