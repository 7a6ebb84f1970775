/**
 * 导入方案 (supervisors): the file is read in the browser and sent as base64 with the supervision period.
 * Shows what the parser made of it (tasks, warnings with line numbers), a duplicate, or the server's error.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Modal, Result, Select, Space, Table, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../../i18n';
import { planApi, type ImportResult, type PeriodType, type PlanSummary } from './api';
import { PLAN_FILE, fileToBase64 } from './files';
import { usePlanI18n } from './messages';

interface Values {
  range: [Dayjs, Dayjs];
  periodType: PeriodType;
}

type Warning = PlanSummary['warnings'][number];

/** Supervision from today for a year, unless the supervisor picks other dates. */
const defaultRange = (): [Dayjs, Dayjs] => [dayjs().startOf('day'), dayjs().startOf('day').add(1, 'year')];

export function ImportPlan({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: (planId: number) => void }) {
  const { t, locale } = usePlanI18n();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  function reset() {
    form.resetFields();
    setFile(null);
    setFileError(null);
    setError(null);
    setResult(null);
  }

  async function submit(v: Values) {
    if (!file) {
      setFileError(t('import.file.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await planApi.importPlan({
        fileBase64: await fileToBase64(file),
        fileName: file.name,
        startDate: v.range[0].format('YYYY-MM-DD'),
        endDate: v.range[1].format('YYYY-MM-DD'),
        periodType: v.periodType,
      });
      setResult(r);
      onImported(r.plan.id);
    } catch (e) {
      setError(errorText(locale, e));
    } finally {
      setBusy(false);
    }
  }

  const close = () => {
    reset();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('import.title')}
      width={720}
      onCancel={close}
      destroyOnHidden
      footer={
        result ? (
          <Button type="primary" onClick={close}>
            {t('import.open')}
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>{locale === 'en-US' ? 'Cancel' : '取消'}</Button>
            <Button type="primary" loading={busy} onClick={() => form.submit()}>
              {t('import.submit')}
            </Button>
          </Space>
        )
      }
    >
      {result ? (
        <ImportOutcome result={result} />
      ) : (
        <Form<Values> form={form} layout="vertical" initialValues={{ periodType: 'month', range: defaultRange() }} onFinish={(v) => void submit(v)}>
          <Form.Item label={t('import.file')} required validateStatus={fileError ? 'error' : undefined} help={fileError ?? t('import.file.hint')}>
            <Upload.Dragger
              accept=".txt,.docx"
              maxCount={1}
              fileList={file ? [{ uid: 'plan', name: file.name, size: file.size, status: 'done' }] : []}
              beforeUpload={(f) => {
                if (!PLAN_FILE.test(f.name)) {
                  setFileError(t('import.file.type'));
                  return Upload.LIST_IGNORE;
                }
                setFile(f);
                setFileError(null);
                setError(null);
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('import.file.pick')}</p>
            </Upload.Dragger>
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="range" label={t('import.range')} rules={[{ required: true, message: t('import.range.required') }]}>
              <DatePicker.RangePicker />
            </Form.Item>
            <Form.Item name="periodType" label={t('plan.periodType')}>
              <Select
                style={{ width: 140 }}
                options={(['month', 'quarter', 'half'] as const).map((p) => ({ value: p, label: t(`plan.periodType.${p}`) }))}
              />
            </Form.Item>
          </Space>
          {error && <Alert type="error" showIcon title={t('import.failed')} description={error} data-testid="import-error" />}
        </Form>
      )}
    </Modal>
  );
}

function ImportOutcome({ result }: { result: ImportResult }) {
  const { t } = usePlanI18n();
  const { plan, duplicate } = result;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-result">
      {duplicate ? (
        <Alert type="warning" showIcon title={t('import.duplicate', { title: plan.title })} data-testid="import-duplicate" />
      ) : (
        <Result status="success" style={{ padding: 16 }} title={t('import.done', { n: plan.taskCount })} subTitle={[plan.title, plan.docNumber].filter(Boolean).join('　')} />
      )}
      <Typography.Title level={5}>{t('import.warnings')}</Typography.Title>
      <Table<Warning>
        size="small"
        rowKey={(w) => `${w.line}|${w.code}|${w.message}`}
        dataSource={plan.warnings}
        pagination={false}
        scroll={{ y: 240 }}
        locale={{ emptyText: t('import.warnings.none') }}
        columns={[
          { title: '', dataIndex: 'line', width: 90, render: (n: number) => t('import.warning.line', { n }) },
          { title: '', dataIndex: 'message' },
        ]}
        showHeader={false}
      />
    </Space>
  );
}
