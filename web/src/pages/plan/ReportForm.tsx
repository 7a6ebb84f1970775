/**
 * A liaison's progress report: period (current one by default), what was done, percent, indicator values
 * for the task's targets, 申请办结 (lead unit at 100%), attachments uploaded once the report exists.
 */
import { PaperClipOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Slider, Space, Typography, Upload, type UploadFile } from 'antd';
import { useMemo, useState } from 'react';
import { errorText } from '../../i18n';
import { planApi, type PeriodType, type ReportInput, type TaskDetail } from './api';
import { ATTACHMENT_ACCEPT, attachmentProblem } from './files';
import { usePlanI18n } from './messages';
import { localToday, recentPeriods } from './periods';

interface Values {
  period: string;
  content: string;
  percent: number;
  indicators: Record<string, number | null | undefined>;
  requestClose: boolean;
}

/** The request body from the form: indicator values only where one was entered; 申请办结 only when allowed. */
export function toReportInput(v: Values, canClose: boolean): ReportInput {
  return {
    period: v.period,
    content: v.content.trim(),
    percent: v.percent,
    indicators: Object.entries(v.indicators ?? {})
      .filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]))
      .map(([id, value]) => ({ milestoneId: Number(id), value })),
    requestClose: canClose && v.percent === 100 && !!v.requestClose,
  };
}

export function ReportForm({ task, periodType, onSubmitted, today = localToday() }: { task: TaskDetail; periodType: PeriodType; onSubmitted: () => void; today?: string }) {
  const { t, locale } = usePlanI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const periods = useMemo(() => recentPeriods(today, periodType), [today, periodType]);
  const percent = Form.useWatch('percent', form) ?? task.progress;
  const isLead = task.myRole !== null && task.myRole !== 'cooperating';
  const withTargets = task.milestones.filter((m) => m.targetValue != null);

  if (task.closedAt) return <Alert type="info" showIcon title={t('report.closed')} />;

  async function submit(v: Values) {
    setBusy(true);
    setError(null);
    try {
      const { id } = await planApi.submitReport(task.id, toReportInput(v, isLead));
      for (const f of files) {
        try {
          await planApi.uploadAttachment(id, f.originFileObj as Blob, f.name);
        } catch (e) {
          message.warning(t('report.attachFailed', { name: f.name, error: errorText(locale, e) }), 8);
        }
      }
      message.success(t('report.submitted'));
      form.resetFields();
      setFiles([]);
      onSubmitted();
    } catch (e) {
      setError(errorText(locale, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      data-testid="report-form"
      initialValues={{ period: periods[0], content: '', percent: task.progress, indicators: {}, requestClose: false }}
      onFinish={(v) => void submit(v)}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={isLead ? t('report.lead.hint') : t('report.coop.hint')} />
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="period" label={t('report.period')} rules={[{ required: true }]}>
            <Select options={periods.map((p) => ({ value: p, label: p }))} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label={t('report.percent')} required>
            <Row gutter={12} align="middle">
              <Col flex="auto">
                <Form.Item name="percent" noStyle>
                  <Slider min={0} max={100} marks={{ 0: '0', 50: '50', 100: '100' }} />
                </Form.Item>
              </Col>
              <Col flex="90px">
                <Form.Item name="percent" noStyle>
                  <InputNumber min={0} max={100} precision={0} aria-label={t('report.percent')} style={{ width: 80 }} />
                </Form.Item>
              </Col>
            </Row>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="content" label={t('report.content')} rules={[{ required: true, whitespace: true, message: t('report.content.required') }]}>
        <Input.TextArea rows={5} maxLength={20000} showCount placeholder={t('report.content.placeholder')} />
      </Form.Item>
      {withTargets.length > 0 && (
        <Form.Item label={t('report.indicators')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {withTargets.map((m) => (
              <Space key={m.id} wrap>
                <Typography.Text style={{ display: 'inline-block', minWidth: 260 }}>
                  {m.title}{' '}
                  <Typography.Text type="secondary">
                    （{m.dueDate}，{t('report.indicator.target', { v: `${m.targetValue}${m.targetUnit ?? ''}` })}）
                  </Typography.Text>
                </Typography.Text>
                <Form.Item name={['indicators', String(m.id)]} noStyle>
                  <InputNumber aria-label={m.title} suffix={m.targetUnit ?? undefined} style={{ width: 140 }} />
                </Form.Item>
              </Space>
            ))}
          </Space>
        </Form.Item>
      )}
      {isLead && percent === 100 && (
        <Form.Item name="requestClose" valuePropName="checked">
          <Checkbox>{t('report.requestClose')}</Checkbox>
        </Form.Item>
      )}
      <Form.Item label={t('report.attachments')} extra={t('report.attachments.hint')}>
        <Upload
          multiple
          accept={ATTACHMENT_ACCEPT}
          fileList={files}
          beforeUpload={(file) => {
            const problem = attachmentProblem(file);
            if (problem) {
              message.error(t(problem === 'size' ? 'report.attachments.tooBig' : 'report.attachments.type', { name: file.name }));
              return Upload.LIST_IGNORE;
            }
            setFiles((fs) => [...fs, { uid: file.uid, name: file.name, size: file.size, status: 'done', originFileObj: file }]);
            return false;
          }}
          onRemove={(f) => setFiles((fs) => fs.filter((x) => x.uid !== f.uid))}
        >
          <Button icon={<PaperClipOutlined />}>{t('report.attachments.pick')}</Button>
        </Upload>
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={busy}>
        {t('report.submit')}
      </Button>
    </Form>
  );
}
