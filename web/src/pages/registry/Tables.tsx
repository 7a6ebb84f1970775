/**
 * Statistical tables with disclosure control: per-capita disposable income by NBS component for the
 * regions under a chosen region, urban and rural, and persons by income band. Hidden cells show
 * "—" with the reason on hover; the Excel export carries the same cells.
 */
import { Alert, Button, Card, InputNumber, Select, Space, Spin, Table, Tooltip, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import type { Region } from '../../api/types';
import { useApi } from '../../api/useApi';
import { errorText } from '../../i18n';
import { useMe } from '../../session/SessionContext';
import { exportUrls, type BandTable, type IncomeTable, type Overview } from './api';
import { useRegistryI18n, type RegistryKey } from './messages';

const COLUMNS = ['wage', 'business', 'property', 'transfer', 'disposable'] as const;

export function Tables() {
  const { t, locale } = useRegistryI18n();
  const me = useMe();
  const overview = useApi<Overview>('/api/registry/overview');
  const regions = useApi<Region[]>('/api/regions');
  const [year, setYear] = useState<number | null>(null);
  const [parent, setParent] = useState<string>(me.region.code);
  const [level, setLevel] = useState<string | undefined>(undefined);
  const y = year ?? overview.data?.years[0] ?? null;
  const q = y === null ? null : { year: y, parent, ...(level && { level }) };
  const income = useApi<IncomeTable>(q ? '/api/registry/tables/income' : null, q ?? undefined);
  const groups = useApi<IncomeTable>(q ? '/api/registry/tables/groups' : null, q ?? undefined);
  const bands = useApi<BandTable>(q ? '/api/registry/tables/bands' : null, q ?? undefined);
  const parents = useMemo(() => (regions.data ?? []).filter((r) => ['prefecture', 'county', 'township'].includes(r.level)), [regions.data]);

  if (overview.loading && !overview.data) return <Spin />;
  if (y === null) return <Alert type="info" showIcon title={t('tables.noYear')} />;
  const money = (v: number | null, reason?: string) =>
    v === null ? (
      <Tooltip title={reason ? t(`tables.hidden.${reason}` as RegistryKey) : ''}>
        <span style={{ color: '#999' }}>—</span>
      </Tooltip>
    ) : (
      v.toLocaleString(locale, { minimumFractionDigits: 0, maximumFractionDigits: 0 })
    );
  const incomeColumns = [
    { title: t('tables.region'), key: 'name', render: (_: unknown, r: IncomeTable['rows'][number]) => (r.isParent ? <b>{r.name}</b> : r.name) },
    { title: t('tables.households'), dataIndex: 'households', align: 'right' as const },
    { title: t('tables.persons'), dataIndex: 'persons', align: 'right' as const },
    ...COLUMNS.map((c) => ({
      title: t(`comp.${c}` as RegistryKey),
      key: c,
      align: 'right' as const,
      render: (_: unknown, r: IncomeTable['rows'][number]) => money(r.perCapita[c] ?? null, r.hidden[c]),
    })),
    { title: t('tables.median'), dataIndex: 'median', align: 'right' as const, render: (v: number | null) => (v === null ? '' : money(v)) },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <span>{t('tables.year')}</span>
        <InputNumber min={2010} max={2030} value={y} onChange={(v) => setYear(v ?? null)} />
        <span>{t('tables.region')}</span>
        <Select style={{ width: 220 }} value={parent} onChange={(v) => { setParent(v); setLevel(undefined); }} options={parents.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))} showSearch optionFilterProp="label" />
        <span>{t('tables.level')}</span>
        <Select style={{ width: 160 }} value={level} allowClear placeholder="—" onChange={setLevel} options={['county', 'township', 'village'].map((l) => ({ value: l, label: t(`level.${l}` as RegistryKey) }))} />
        <Button icon={<FileExcelOutlined />} href={exportUrls.tables({ year: y, parent, ...(level && { level }) })} download>
          {t('tables.export')}
        </Button>
      </Space>
      {[income.error, groups.error, bands.error].filter(Boolean).map((e, i) => <Alert key={i} type="error" showIcon title={errorText(locale, e)} />)}
      <Card size="small" title={t('tables.income')} extra={income.data && t('tables.suppressed', { p: income.data.suppressed.primary, s: income.data.suppressed.secondary })}>
        <Table size="small" rowKey="code" loading={income.loading} dataSource={income.data?.rows} columns={incomeColumns} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: true }} />
      </Card>
      <Card size="small" title={t('tables.groups')}>
        <Table size="small" rowKey="code" loading={groups.loading} dataSource={groups.data?.rows} columns={incomeColumns} pagination={false} />
      </Card>
      <Card size="small" title={t('tables.bands')}>
        <Table
          size="small" rowKey="code" loading={bands.loading} dataSource={bands.data?.rows} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: true }}
          columns={[
            { title: t('tables.region'), key: 'name', render: (_: unknown, r: BandTable['rows'][number]) => (r.isParent ? <b>{r.name}</b> : r.name) },
            { title: t('tables.persons'), dataIndex: 'persons', align: 'right' as const },
            ...(bands.data?.bands ?? []).map((b, i) => ({
              title: b.to === null ? `≥${b.from.toLocaleString(locale)}` : `${b.from.toLocaleString(locale)}–${b.to.toLocaleString(locale)}`,
              key: `b${i}`,
              align: 'right' as const,
              render: (_: unknown, r: BandTable['rows'][number]) => money(r.counts[i], r.hidden[i] ?? undefined),
            })),
          ]}
        />
      </Card>
      <Typography.Paragraph type="secondary">{t('tables.note')}</Typography.Paragraph>
    </Space>
  );
}
