/** The audit trail for the auditor: filter, page through, verify the hash chain, export to Excel. */
import { DownloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, buildUrl } from '../../api/client';
import type { AuditQuery, AuditRecord, AuditVerifyResult, Paged } from '../../api/types';
import { useApi } from '../../api/useApi';
import { errorText, useI18n, type MessageKey } from '../../i18n';
import { actionLabel } from './auditActions';

interface FilterValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  username?: string;
  action?: string;
  outcome?: 'success' | 'failure' | 'denied';
}

const OUTCOME: Record<string, { color: string; key: MessageKey }> = {
  success: { color: 'green', key: 'audit.outcome.success' },
  failure: { color: 'red', key: 'audit.outcome.failure' },
  denied: { color: 'orange', key: 'audit.outcome.denied' },
};

export function toQuery(v: FilterValues): AuditQuery {
  return {
    from: v.range?.[0]?.toISOString(),
    to: v.range?.[1]?.toISOString(),
    username: v.username?.trim() || undefined,
    action: v.action?.trim() || undefined,
    outcome: v.outcome,
  };
}

export default function Audit() {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<AuditQuery>({});
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const list = useApi<Paged<AuditRecord>>('/api/audit', { ...filters, ...page });
  const [verify, setVerify] = useState<{ busy: boolean; result?: AuditVerifyResult; error?: string }>({ busy: false });

  async function runVerify() {
    setVerify({ busy: true });
    try {
      setVerify({ busy: false, result: await api.get<AuditVerifyResult>('/api/audit/verify') });
    } catch (e) {
      setVerify({ busy: false, error: errorText(locale, e) });
    }
  }

  const columns: TableColumnsType<AuditRecord> = [
    { title: t('audit.ts'), dataIndex: 'ts', width: 180, render: (v: string) => new Date(v).toLocaleString(locale, { hour12: false }) },
    { title: t('audit.user'), dataIndex: 'username', render: (v: string | null) => v ?? '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (v: string) => (
        <span title={v}>
          {actionLabel(v, locale)}
          {actionLabel(v, locale) !== v && <Typography.Text type="secondary"> {v}</Typography.Text>}
        </span>
      ),
    },
    {
      title: t('audit.object'),
      key: 'object',
      render: (_, r) => (r.objectType ? `${r.objectType}${r.objectId ? ` #${r.objectId}` : ''}` : '—'),
    },
    { title: t('audit.region'), dataIndex: 'regionCode', render: (v: string | null) => v ?? '—' },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      render: (v: string) => (OUTCOME[v] ? <Tag color={OUTCOME[v].color}>{t(OUTCOME[v].key)}</Tag> : <Tag>{v}</Tag>),
    },
    { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
  ];

  const exportHref = buildUrl('/api/audit/export.xlsx', { ...filters });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Form<FilterValues>
          form={form}
          layout="inline"
          onFinish={(v) => {
            setFilters(toQuery(v));
            setPage((p) => ({ ...p, page: 1 }));
          }}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="range" label={t('audit.range')}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item name="username" label={t('audit.user')}>
            <Input allowClear maxLength={64} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="action" label={t('audit.action')} rules={[{ pattern: /^\s*[a-z._]*\s*$/, message: t('audit.action.rule') }]}>
            <Input allowClear maxLength={64} style={{ width: 160 }} placeholder="auth.login" />
          </Form.Item>
          <Form.Item name="outcome" label={t('audit.outcome')}>
            <Select
              allowClear
              style={{ width: 110 }}
              options={Object.entries(OUTCOME).map(([value, o]) => ({ value, label: t(o.key) }))}
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
                setPage((p) => ({ ...p, page: 1 }));
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      <Card
        title={t('nav.admin.audit')}
        extra={
          <Space>
            <Button icon={<SafetyCertificateOutlined />} loading={verify.busy} onClick={() => void runVerify()}>
              {t('audit.verify')}
            </Button>
            <Button icon={<DownloadOutlined />} href={exportHref} download>
              {t('audit.export')}
            </Button>
          </Space>
        }
      >
        {verify.result &&
          (verify.result.ok ? (
            <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('audit.verify.ok', { count: verify.result.count })} data-testid="audit-verify" />
          ) : (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="audit-verify"
              title={t('audit.verify.broken', { count: verify.result.count, id: verify.result.break?.id ?? '?' })}
              description={verify.result.break?.reason}
            />
          ))}
        {verify.error && <Alert type="error" showIcon title={verify.error} style={{ marginBottom: 16 }} />}
        {list.error && <Alert type="error" showIcon title={errorText(locale, list.error)} style={{ marginBottom: 16 }} />}
        <Table<AuditRecord>
          rowKey="id"
          size="small"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          expandable={{
            expandedRowRender: (r) => (
              <Space orientation="vertical" size={4}>
                <Typography.Text type="secondary">{t('audit.detail')}</Typography.Text>
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(r.detail, null, 2)}</pre>
                <Typography.Text type="secondary" copyable={{ text: r.hash }}>
                  {t('audit.hash')}: <code>{r.hash}</code>
                </Typography.Text>
              </Space>
            ),
          }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, ps) => setPage({ page: ps !== page.pageSize ? 1 : p, pageSize: ps }),
          }}
        />
      </Card>
    </Space>
  );
}
