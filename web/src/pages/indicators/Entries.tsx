/**
 * 指标填报: a department's liaison enters the value of an administrative indicator (e.g. 市农委's count of
 * land-share cooperatives) for a period and region; it counts only after a supervisor approves it. The
 * supervisor approves or returns with a reason. The server checks who may enter what and where.
 */
import { App, Alert, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/useApi';
import { errorText } from '../../i18n';
import { useMe } from '../../session/SessionContext';
import { indicatorsApi, type IndicatorDefinition, type ManualEntry } from './api';
import { fmtValue, periodLabel } from './format';
import { useIndI18n } from './messages';

const PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
const STATUS_COLOUR = { submitted: 'processing', approved: 'success', returned: 'error' } as const;

interface FormValues {
  indicator: string;
  period: string;
  region: string;
  value: number;
  note?: string;
}

/** The administrative indicators this user reports: their department's, or every one when none is theirs. */
export function enterable(defs: readonly IndicatorDefinition[], departmentCode: string | null | undefined): IndicatorDefinition[] {
  const admin = defs.filter((d) => d.source === 'admin');
  const own = admin.filter((d) => d.department !== null && d.department === departmentCode);
  return own.length > 0 ? own : admin;
}

export function Entries({ regions }: { regions: { code: string; name: string }[] }) {
  const { t, locale } = useIndI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const defs = useApi<IndicatorDefinition[]>('/api/indicators/definitions');
  const entries = useApi<ManualEntry[]>('/api/indicators/entries');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [returning, setReturning] = useState<ManualEntry | null>(null);
  const [comment, setComment] = useState('');
  const canReview = me.permissions.includes('plan.supervise');
  const options = useMemo(() => enterable(defs.data ?? [], me.department?.code), [defs.data, me.department]);
  const byCode = useMemo(() => new Map((defs.data ?? []).map((d) => [d.code, d])), [defs.data]);
  const regionName = (code: string) => regions.find((r) => r.code === code)?.name ?? code;
  const chosen = byCode.get(Form.useWatch('indicator', form) ?? '');

  const submit = async (v: FormValues) => {
    setBusy(true);
    setError(null);
    try {
      await indicatorsApi.enter({ indicator: v.indicator, period: v.period.trim(), region: v.region, value: v.value, ...(v.note?.trim() && { note: v.note.trim() }) });
      void message.success(t('entry.submitted'));
      form.resetFields(['value', 'note']);
      entries.reload();
    } catch (e) {
      setError(errorText(locale, e));
    } finally {
      setBusy(false);
    }
  };

  const review = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await action();
      void message.success(done);
      entries.reload();
    } catch (e) {
      setError(errorText(locale, e));
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="entries">
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} />}
      {defs.error && <Alert type="error" showIcon title={errorText(locale, defs.error)} />}
      {me.permissions.includes('indicators.enter') && (
        <Card size="small" title={t('entry.new')}>
          {defs.data && options.length === 0 ? (
            <Typography.Text type="secondary">{t('entry.none')}</Typography.Text>
          ) : (
            <Form<FormValues> form={form} layout="inline" onFinish={(v) => void submit(v)} initialValues={{ period: String(new Date().getFullYear()), region: me.region.code }} data-testid="entry-form">
              <Form.Item name="indicator" label={t('entry.indicator')} rules={[{ required: true, message: t('entry.indicator') }]}>
                <Select style={{ width: 260 }} loading={defs.loading} options={options.map((d) => ({ value: d.code, label: locale === 'en-US' ? d.name.en : d.name.zh }))} aria-label={t('entry.indicator')} />
              </Form.Item>
              <Form.Item name="period" label={t('entry.period')} tooltip={t('entry.period.hint')} rules={[{ required: true, pattern: PERIOD, message: t('entry.period.invalid') }]}>
                <Input style={{ width: 110 }} aria-label={t('entry.period')} />
              </Form.Item>
              <Form.Item name="region" label={t('entry.region')} rules={[{ required: true }]}>
                <Select style={{ width: 150 }} options={regions.map((r) => ({ value: r.code, label: r.name }))} aria-label={t('entry.region')} />
              </Form.Item>
              <Form.Item name="value" label={t('entry.value')} rules={[{ required: true, message: t('entry.value') }]} extra={chosen?.unit ? t('entry.unit', { unit: chosen.unit }) : undefined}>
                <InputNumber style={{ width: 140 }} precision={chosen?.decimals} aria-label={t('entry.value')} />
              </Form.Item>
              <Form.Item name="note" label={t('entry.note')}>
                <Input style={{ width: 220 }} maxLength={500} aria-label={t('entry.note')} />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="entry-submit">
                  {t('entry.submit')}
                </Button>
              </Form.Item>
            </Form>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('entry.counts')}
          </Typography.Text>
        </Card>
      )}
      <Card size="small" title={t('entry.list')}>
        <Table<ManualEntry>
          size="small"
          rowKey="id"
          loading={entries.loading}
          dataSource={entries.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(r) => ({ 'data-testid': `entry-${r.id}` }) as never}
          columns={[
            { key: 'indicator', title: t('entry.indicator'), render: (_, r) => (byCode.get(r.indicator) ? (locale === 'en-US' ? byCode.get(r.indicator)!.name.en : byCode.get(r.indicator)!.name.zh) : r.indicator) },
            { key: 'period', title: t('entry.period'), render: (_, r) => periodLabel(r.period, locale) },
            { key: 'region', title: t('entry.region'), render: (_, r) => regionName(r.region) },
            { key: 'value', title: t('entry.value'), align: 'right', render: (_, r) => `${fmtValue(r.value, byCode.get(r.indicator))} ${byCode.get(r.indicator)?.unit ?? ''}` },
            { key: 'status', title: t('entry.status'), render: (_, r) => <Tag color={STATUS_COLOUR[r.status]}>{t(`entry.status.${r.status}`)}</Tag> },
            { key: 'by', title: t('entry.enteredBy'), render: (_, r) => `${r.enteredBy} ${r.enteredAt.slice(0, 16).replace('T', ' ')}` },
            { key: 'review', title: t('entry.review'), render: (_, r) => (r.reviewedBy ? `${r.reviewedBy}${r.reviewComment ? `：${r.reviewComment}` : ''}` : r.note ?? '') },
            ...(canReview
              ? [
                  {
                    key: 'actions',
                    title: '',
                    render: (_: unknown, r: ManualEntry) =>
                      r.status === 'submitted' && (
                        <Space>
                          <Button size="small" type="primary" onClick={() => void review(() => indicatorsApi.approve(r.id), t('entry.approved'))} data-testid={`approve-${r.id}`}>
                            {t('entry.approve')}
                          </Button>
                          <Button size="small" danger onClick={() => (setReturning(r), setComment(''))} data-testid={`return-${r.id}`}>
                            {t('entry.return')}
                          </Button>
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        open={returning !== null}
        title={t('entry.return')}
        okText={t('entry.return')}
        okButtonProps={{ danger: true, disabled: comment.trim() === '' }}
        onCancel={() => setReturning(null)}
        onOk={() => {
          const r = returning!;
          setReturning(null);
          void review(() => indicatorsApi.return(r.id, comment.trim()), t('entry.returned'));
        }}
      >
        <Input.TextArea value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('entry.return.required')} aria-label={t('entry.return.comment')} maxLength={500} />
      </Modal>
    </Space>
  );
}
