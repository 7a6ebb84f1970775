/** Reference directory: the administrative regions in the user's scope and the departments and units. */
import { Alert, Card, Col, Input, Row, Table, Tag, Tree, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { regionTree, type RegionNode } from '../../api/regions';
import type { Department, Region } from '../../api/types';
import { useApi } from '../../api/useApi';
import { errorText, useI18n, type MessageKey } from '../../i18n';

const KIND_KEYS: Record<string, MessageKey> = {
  department: 'dept.kind.department',
  county_government: 'dept.kind.county_government',
  bank: 'dept.kind.bank',
  association: 'dept.kind.association',
  regulator: 'dept.kind.regulator',
  central_unit: 'dept.kind.central_unit',
  party: 'dept.kind.party',
  mass_org: 'dept.kind.mass_org',
};

const LEVEL_KEYS: Record<string, MessageKey> = {
  prefecture: 'region.level.prefecture',
  county: 'region.level.county',
  township: 'region.level.township',
  village: 'region.level.village',
};

export default function Directory() {
  const { t, locale } = useI18n();
  const regions = useApi<Region[]>('/api/regions');
  const departments = useApi<Department[]>('/api/departments');
  const [q, setQ] = useState('');

  const tree = useMemo(() => {
    const label = (n: RegionNode): RegionNode & { title: string } => ({
      ...n,
      title: `${n.region.name}  ${n.region.code}${LEVEL_KEYS[n.region.level] ? ` · ${t(LEVEL_KEYS[n.region.level])}` : ''}`,
      children: n.children?.map(label),
    });
    return regionTree(regions.data ?? []).map(label);
  }, [regions.data, t]);

  const depts = useMemo(() => {
    const s = q.trim();
    const all = departments.data ?? [];
    return s ? all.filter((d) => d.name.includes(s) || d.code.includes(s) || d.aliases.some((a) => a.includes(s))) : all;
  }, [departments.data, q]);

  const regionName = useMemo(() => new Map((regions.data ?? []).map((r) => [r.code, r.name])), [regions.data]);

  const columns: TableColumnsType<Department> = [
    { title: t('dept.name'), dataIndex: 'name', width: 200 },
    { title: t('dept.code'), dataIndex: 'code', width: 120 },
    { title: t('dept.kind'), dataIndex: 'kind', width: 140, render: (k: string) => (KIND_KEYS[k] ? t(KIND_KEYS[k]) : k) },
    { title: t('dept.region'), dataIndex: 'regionCode', width: 110, render: (c: string) => regionName.get(c) ?? c },
    {
      title: t('dept.aliases'),
      dataIndex: 'aliases',
      render: (a: string[]) => a.map((x) => <Tag key={x}>{x}</Tag>),
    },
  ];

  return (
    <Row gutter={24}>
      <Col xs={24} xl={8} style={{ marginBottom: 24 }}>
        <Card title={t('directory.regions')} extra={<Typography.Text type="secondary">{t('common.total', { total: regions.data?.length ?? 0 })}</Typography.Text>}>
          {regions.error && <Alert type="error" showIcon title={errorText(locale, regions.error)} />}
          {tree.length > 0 && <Tree treeData={tree} defaultExpandedKeys={tree.map((n) => n.key)} showLine height={640} />}
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        <Card
          title={t('directory.departments')}
          extra={<Input.Search allowClear placeholder={t('directory.departments.search')} onChange={(e) => setQ(e.target.value)} style={{ width: 240 }} />}
        >
          {departments.error && <Alert type="error" showIcon title={errorText(locale, departments.error)} style={{ marginBottom: 16 }} />}
          <Table<Department> rowKey="id" size="small" loading={departments.loading} columns={columns} dataSource={depts} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
        </Card>
      </Col>
    </Row>
  );
}
