/** 设置: publication thresholds, the approval level estimates use, the quintile unit, CPI and population totals. */
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/useApi';
import { errorText } from '../../i18n';
import { surveyApi, type SurveySettings } from './api';
import { useSurveyI18n } from './messages';

export function Settings({ canEdit, year }: { canEdit: boolean; year: number }) {
  const { t, locale } = useSurveyI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SurveySettings>();
  const settings = useApi<SurveySettings>('/api/survey/settings');
  const cpi = useApi<{ period: string; value: number }[]>('/api/survey/cpi');
  const pop = useApi<{ year: number; stratum: string; persons: number; households: number }[]>('/api/survey/population', { year });
  const [period, setPeriod] = useState('');
  const [value, setValue] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      message.success(t('settings.saved'));
    } catch (e) {
      setError(errorText(locale, e));
    }
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error} />}
      <Card size="small" title={t('settings.estimates')}>
        <Form form={form} layout="inline" disabled={!canEdit} onFinish={(v) => void run(() => surveyApi.saveSettings({ ...settings.data!, ...v }))}>
          <Form.Item name="minHouseholds" label={t('settings.minHouseholds')}><InputNumber min={3} max={1000} /></Form.Item>
          <Form.Item name="maxCv" label={t('settings.maxCv')}><InputNumber min={0.01} max={1} step={0.01} /></Form.Item>
          <Form.Item name="action" label={t('settings.action')}>
            <Select style={{ width: 110 }} options={[{ value: 'flag', label: t('settings.action.flag') }, { value: 'suppress', label: t('settings.action.suppress') }]} />
          </Form.Item>
          <Form.Item name="approvalLevel" label={t('settings.approvalLevel')}>
            <Select style={{ width: 150 }} options={(['household', 'township', 'county', 'city'] as const).map((l) => ({ value: l, label: t(`review.level.${l}`) }))} />
          </Form.Item>
          <Form.Item name="quintileUnit" label={t('settings.quintileUnit')}>
            <Select style={{ width: 90 }} options={[{ value: 'household', label: t('settings.unit.household') }, { value: 'person', label: t('settings.unit.person') }]} />
          </Form.Item>
          <Button type="primary" htmlType="submit">{t('settings.save')}</Button>
        </Form>
      </Card>
      <Card size="small" title={t('settings.cpi')}>
        <Space wrap>
          <Input placeholder={t('settings.cpi.period')} value={period} onChange={(e) => setPeriod(e.target.value.trim())} style={{ width: 260 }} disabled={!canEdit} data-testid="cpi-period" />
          <InputNumber placeholder={t('settings.cpi.value')} value={value} min={50} max={200} step={0.1} onChange={(v) => setValue(v)} disabled={!canEdit} data-testid="cpi-value" />
          <Button disabled={!canEdit || !period || value === null} onClick={() => void run(async () => { await surveyApi.setCpi(period, value!); cpi.reload(); })} data-testid="cpi-save">
            {t('settings.save')}
          </Button>
        </Space>
        <Table size="small" rowKey="period" pagination={false} dataSource={cpi.data ?? []} columns={[{ title: t('est.period'), dataIndex: 'period' }, { title: t('settings.cpi.value'), dataIndex: 'value' }]} style={{ marginTop: 8, maxWidth: 400 }} />
      </Card>
      <Card size="small" title={`${t('settings.population')} ${year}`}>
        <Table size="small" rowKey="stratum" pagination={false} dataSource={pop.data ?? []} columns={[{ title: t('stratum.code'), dataIndex: 'stratum' }, { title: 'persons', dataIndex: 'persons', align: 'right' }, { title: 'households', dataIndex: 'households', align: 'right' }]} style={{ maxWidth: 500 }} />
      </Card>
    </Space>
  );
}
