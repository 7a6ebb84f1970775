/** Password change: forced after an administrator reset or expiry, or chosen from the user menu. */
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { CenteredPage } from '../components/CenteredPage';
import { errorText, useI18n } from '../i18n';
import { useSession } from '../session/SessionContext';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePassword({ forced = false }: { forced?: boolean }) {
  const { t, locale } = useI18n();
  const { refresh, expire, logout } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(v: Values) {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success(t('password.done'));
      form.resetFields();
      const me = await refresh();
      if (!me) expire({ code: 'PASSWORD_CHANGED', message: '' });
    } catch (e) {
      setError(errorText(locale, e));
    } finally {
      setBusy(false);
    }
  }

  const card = (
    <Card
      title={t('password.title')}
      style={{ width: 480, maxWidth: '100%' }}
      extra={forced && <Button type="link" onClick={() => void logout()}>{t('header.logout')}</Button>}
    >
      {forced && <Alert type="warning" showIcon title={t('password.forced')} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{t('password.policy')}</Typography.Paragraph>
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16, whiteSpace: 'pre-line' }} />}
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('login.password.required') }]}>
          <Input.Password autoComplete="current-password" maxLength={256} />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} rules={[{ required: true, message: t('password.new.required') }]}>
          <Input.Password autoComplete="new-password" maxLength={256} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirm.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={256} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
  return forced ? <CenteredPage>{card}</CenteredPage> : card;
}
