/** Two-factor enrolment, required of administrators and auditors before anything else. */
import { Alert, Button, Card, Form, Input, QRCode, Space, Spin, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Me, TotpSetupResponse } from '../api/types';
import { CenteredPage } from '../components/CenteredPage';
import { errorText, useI18n } from '../i18n';
import { useSession } from '../session/SessionContext';

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP", easier to type into a phone. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

export default function TotpEnrol() {
  const { t, locale } = useI18n();
  const { signedIn, logout } = useSession();
  const [setup, setSetup] = useState<TotpSetupResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api
      .post<TotpSetupResponse>('/api/auth/totp/setup')
      .then((s) => !cancelled && setSetup(s))
      .catch((e) => !cancelled && setError(errorText(locale, e)));
    return () => {
      cancelled = true;
    };
    // one secret per visit; changing the language must not issue a new one
  }, []);

  async function enable(code: string) {
    setBusy(true);
    setError(null);
    try {
      signedIn(await api.post<Me>('/api/auth/totp/enable', { code }));
    } catch (e) {
      setError(errorText(locale, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <CenteredPage>
      <Card title={t('totp.title')} style={{ width: 560, maxWidth: '100%' }} extra={<Button type="link" onClick={() => void logout()}>{t('header.logout')}</Button>}>
        <Typography.Paragraph>{t('totp.why')}</Typography.Paragraph>
        {error && <Alert role="alert" type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
        {!setup ? (
          !error && <Spin style={{ display: 'block', margin: 32 }} />
        ) : (
          <Steps
            orientation="vertical"
            size="small"
            current={-1}
            items={[
              { status: 'process', title: t('totp.step.app'), content: t('totp.step.app.body') },
              {
                status: 'process',
                title: t('totp.step.scan'),
                content: (
                  <Space align="start" size="large" wrap>
                    <QRCode value={setup.uri} size={168} bordered />
                    <div>
                      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                        {t('totp.manual')}
                      </Typography.Paragraph>
                      <Typography.Text code copyable={{ text: setup.secret }} data-testid="totp-secret" style={{ fontSize: 15 }}>
                        {groupSecret(setup.secret)}
                      </Typography.Text>
                    </div>
                  </Space>
                ),
              },
              {
                status: 'process',
                title: t('totp.step.code'),
                content: (
                  <Form<{ code: string }> layout="inline" onFinish={(v) => void enable(v.code.trim())} style={{ marginTop: 8 }}>
                    <Form.Item
                      name="code"
                      label={t('login.totp')}
                      rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('login.totp.format') }]}
                    >
                      <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} style={{ width: 120 }} />
                    </Form.Item>
                    <Button type="primary" htmlType="submit" loading={busy}>
                      {t('totp.enable')}
                    </Button>
                  </Form>
                ),
              },
            ]}
          />
        )}
      </Card>
    </CenteredPage>
  );
}
