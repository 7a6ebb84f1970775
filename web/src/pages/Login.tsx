/** Sign-in: username and password, then the six-digit TOTP code when the account has two-factor login. */
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, request } from '../api/client';
import type { LoginRequest, LoginResponse } from '../api/types';
import { CenteredPage } from '../components/CenteredPage';
import { errorText, useI18n, type MessageKey } from '../i18n';
import { useSession } from '../session/SessionContext';

const NOTICE_KEYS: Record<string, { key: MessageKey; type: 'info' | 'warning' | 'error' }> = {
  SESSION_EXPIRED: { key: 'login.notice.expired', type: 'warning' },
  LOGGED_OUT: { key: 'login.notice.loggedOut', type: 'info' },
  PASSWORD_CHANGED: { key: 'login.notice.passwordChanged', type: 'info' },
  NETWORK_ERROR: { key: 'error.NETWORK_ERROR', type: 'error' },
};

interface Credentials {
  username: string;
  password: string;
}

export default function Login() {
  const { t, locale } = useI18n();
  const { signedIn, notice } = useSession();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [creds, setCreds] = useState<Credentials | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(body: LoginRequest) {
    setBusy(true);
    setError(null);
    try {
      const res = await request<LoginResponse>('/api/auth/login', { method: 'POST', body, allowUnauthorized: true });
      signedIn(res.user);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'TOTP_REQUIRED') {
        setCreds({ username: body.username, password: body.password });
        setStep('totp');
      } else {
        setError(errorText(locale, e));
        if (e instanceof ApiError && step === 'totp' && e.code !== 'TOTP_INVALID') setStep('password');
      }
    } finally {
      setBusy(false);
    }
  }

  const shownNotice = !error && notice && NOTICE_KEYS[notice.code];

  return (
    <CenteredPage>
      <Card style={{ width: 400, boxShadow: '0 8px 24px rgba(0,0,0,0.18)' }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <Typography.Title level={2} style={{ marginBottom: 4, letterSpacing: 4 }}>
            {t('app.short')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.title')}</Typography.Text>
        </div>
        {shownNotice && <Alert style={{ marginBottom: 16 }} type={shownNotice.type} title={t(shownNotice.key)} showIcon />}
        {error && <Alert role="alert" style={{ marginBottom: 16 }} type="error" title={error} showIcon />}

        {step === 'password' ? (
          <Form<Credentials>
            layout="vertical"
            requiredMark={false}
            initialValues={creds ?? undefined}
            onFinish={(v) => void submit({ username: v.username.trim(), password: v.password })}
          >
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.username.required') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={64} />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.password.required') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={256} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
        ) : (
          <Form<{ totp: string }>
            layout="vertical"
            requiredMark={false}
            onFinish={(v) => creds && void submit({ ...creds, totp: v.totp.trim() })}
          >
            <Typography.Paragraph type="secondary">{t('login.totp.hint')}</Typography.Paragraph>
            <Form.Item
              name="totp"
              label={t('login.totp')}
              rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('login.totp.format') }]}
            >
              <Input prefix={<SafetyOutlined />} autoComplete="one-time-code" inputMode="numeric" maxLength={6} autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              {t('login.verify')}
            </Button>
            <Button type="link" block onClick={() => (setStep('password'), setError(null))}>
              {t('login.back')}
            </Button>
          </Form>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 24, marginBottom: 0, fontSize: 12 }}>
          {t('login.banner')}
        </Typography.Paragraph>
      </Card>
    </CenteredPage>
  );
}
