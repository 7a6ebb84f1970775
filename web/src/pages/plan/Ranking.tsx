/** 单位排名: the server's ranking, one table per kind of unit (市直部门, 县(市)区, …), with the rule beside it. */
import { Alert, Card, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import type { RankingRow } from './api';
import { usePlanI18n, type PlanKey } from './messages';

const KIND_ORDER = ['department', 'county_government', 'central_unit', 'party', 'mass_org', 'bank', 'regulator', 'association'];

export function kindGroups(rows: readonly RankingRow[]): { kind: string; rows: RankingRow[] }[] {
  const byKind = new Map<string, RankingRow[]>();
  for (const r of rows) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  const pos = (k: string) => (KIND_ORDER.includes(k) ? KIND_ORDER.indexOf(k) : KIND_ORDER.length);
  return [...byKind.entries()]
    .sort(([a], [b]) => pos(a) - pos(b) || a.localeCompare(b))
    .map(([kind, rs]) => ({ kind, rows: [...rs].sort((a, b) => (a.rank || 999) - (b.rank || 999) || a.departmentName.localeCompare(b.departmentName, 'zh')) }));
}

export function Ranking({ rows, loading }: { rows: RankingRow[]; loading: boolean }) {
  const { t } = usePlanI18n();
  const groups = useMemo(() => kindGroups(rows), [rows]);
  const kindLabel = (k: string) => (KIND_ORDER.includes(k) ? t(`kind.${k}` as PlanKey) : k);
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

  const columns: TableColumnsType<RankingRow> = [
    {
      title: t('ranking.rank'),
      dataIndex: 'rank',
      width: 70,
      align: 'center',
      render: (v: number) => (v ? <b>{v}</b> : <Typography.Text type="secondary">{t('ranking.notRanked')}</Typography.Text>),
    },
    { title: t('ranking.unit'), dataIndex: 'departmentName' },
    { title: t('ranking.lead'), dataIndex: 'leadTasks', width: 90, align: 'right' },
    { title: t('ranking.coop'), dataIndex: 'cooperatingTasks', width: 90, align: 'right' },
    {
      title: t('ranking.onTime'),
      key: 'onTime',
      width: 140,
      align: 'right',
      render: (_, r) => (r.reportsDue ? `${r.reportsOnTime}/${r.reportsDue}（${pct(r.onTimeRate)}）` : '—'),
    },
    { title: t('ranking.avgProgress'), dataIndex: 'avgProgress', width: 100, align: 'right', render: (v: number, r) => (r.leadTasks ? `${v}%` : '—') },
    { title: t('ranking.closed'), dataIndex: 'closed', width: 70, align: 'right' },
    {
      title: t('ranking.redYellow'),
      key: 'ry',
      width: 90,
      align: 'center',
      render: (_, r) => (
        <span>
          <Typography.Text type={r.red ? 'danger' : 'secondary'}>{r.red}</Typography.Text> / <Typography.Text type={r.yellow ? 'warning' : 'secondary'}>{r.yellow}</Typography.Text>
        </span>
      ),
    },
    { title: t('ranking.score'), dataIndex: 'score', width: 80, align: 'right', render: (v: number, r) => (r.leadTasks ? <b>{v}</b> : '—') },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('ranking.rule.title')} description={t('ranking.rule')} />
      {groups.map((g) => (
        <Card key={g.kind} size="small" title={`${kindLabel(g.kind)}（${g.rows.length}）`} data-testid={`ranking-${g.kind}`}>
          <Table<RankingRow> rowKey="departmentId" size="small" loading={loading} columns={columns} dataSource={g.rows} pagination={false} />
        </Card>
      ))}
      {!loading && groups.length === 0 && <Table<RankingRow> columns={columns} dataSource={[]} />}
    </Space>
  );
}
