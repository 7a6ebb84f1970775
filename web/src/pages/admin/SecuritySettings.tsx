/** Security policy (等保 level 3 defaults): password rules, idle timeout, lockout, audit retention. */
import { Alert, App, Button, Card, Form, InputNumber, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { SecuritySettings as Settings } from '../../api/types';
import { useApi } from '../../api/useApi';
import { errorText, useI18n, type MessageKey } from '../../i18n';

/** Field, label, unit and the bounds the server's schema enforces. */
const FIELDS: { name: keyof Settings; label: MessageKey; unit: MessageKey; min: number; max: number }[] = [
  { name: 'passwordMinLength', label: 'security.passwordMinLength', unit: 'unit.chars', min: 8, max: 64 },
  { name: 'passwordMinClasses', label: 'security.passwordMinClasses', unit: 'unit.classes', min: 2, max: 4 },
  { name: 'passwordMaxAgeDays', label: 'security.passwordMaxAgeDays', unit: 'unit.days', min: 0, max: 365 },
  { name: 'idleTimeoutMinutes', label: 'security.idleTimeoutMinutes', unit: 'unit.minutes', min: 5, max: 120 },
  { name: 'lockoutThreshold', label: 'security.lockoutThreshold', unit: 'unit.times', min: 3, max: 10 },
  { name: 'lockoutWindowMinutes', label: 'security.lockoutWindowMinutes', unit: 'unit.minutes', min: 5, max: 60 },
  { name: 'lockoutMinutes', label: 'security.lockoutMinutes', unit: 'unit.minutes', min: 5, max: 1440 },
  { name: 'auditRetentionDays', label: 'security.auditRetentionDays', unit: 'unit.days', min: 184, max: 3650 },
];

export default function SecuritySettings() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const settings = useApi<Settings>('/api/settings/security');
  const [form] = Form.useForm<Settings>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  async function save(v: Settings) {
    setBusy(true);
    setError(null);
    try {
      form.setFieldsValue(await api.put<Settings>('/api/settings/security', v));
      message.success(t('common.saved'));
    } catch (e) {
      setError(errorText(locale, e));
    } finally {
      setBusy(false);
    }
  }

  if (settings.loading && !settings.data) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  return (
    <Card title={t('nav.admin.security')} style={{ maxWidth: 760 }}>
      <Alert type="info" showIcon title={t('security.intro')} style={{ marginBottom: 24 }} />
      {(error || settings.error) && (
        <Alert role="alert" type="error" showIcon title={error ?? errorText(locale, settings.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<Settings> form={form} labelCol={{ span: 10 }} wrapperCol={{ span: 14 }} onFinish={(v) => void save(v)}>
        {FIELDS.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={t(f.label)}
            extra={t('security.range', { min: f.min, max: f.max })}
            rules={[{ required: true, type: 'integer', min: f.min, max: f.max, message: t('security.range', { min: f.min, max: f.max }) }]}
          >
            <InputNumber min={f.min} max={f.max} precision={0} suffix={t(f.unit)} style={{ width: 180 }} />
          </Form.Item>
        ))}
        <Form.Item wrapperCol={{ offset: 10 }}>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('common.save')}
            </Button>
            <Button onClick={() => settings.data && form.setFieldsValue(settings.data)}>{t('common.reset')}</Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
