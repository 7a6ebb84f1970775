/**
 * The server ends a session after `minutes` without a request. Warn two minutes before, offer to
 * continue (one request restarts the server's timer), and return to the login page when it runs out.
 * The server refreshes a session's last-seen time at most once a minute, so this side counts one
 * minute short: the warning never comes after the server has already ended the session.
 */
import { Button, Modal, Space } from 'antd';
import { useEffect, useState } from 'react';
import { lastApiActivity } from '../api/client';
import { useI18n } from '../i18n';
import { useSession } from '../session/SessionContext';

const SERVER_TOUCH_SLACK_MS = 60_000;

export function warnBeforeMs(minutes: number): number {
  return Math.min(2 * 60_000, (minutes * 60_000) / 4);
}

export function IdleWarning({ minutes }: { minutes: number }) {
  const { t } = useI18n();
  const { refresh, logout, expire } = useSession();
  const lifetime = minutes * 60_000 - SERVER_TOUCH_SLACK_MS;
  const [remaining, setRemaining] = useState(lifetime);

  useEffect(() => {
    const timer = setInterval(() => {
      const left = lastApiActivity() + lifetime - Date.now();
      setRemaining(left);
      if (left <= 0) {
        clearInterval(timer);
        void logout().then(() => expire({ code: 'SESSION_EXPIRED', message: t('error.SESSION_EXPIRED') }));
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [lifetime, logout, expire, t]);

  const open = remaining > 0 && remaining <= warnBeforeMs(minutes);
  return (
    <Modal
      open={open}
      title={t('idle.title')}
      closable={false}
      mask={{ closable: false }}
      footer={
        <Space>
          <Button onClick={() => void logout()}>{t('header.logout')}</Button>
          <Button type="primary" onClick={() => void refresh()}>
            {t('idle.continue')}
          </Button>
        </Space>
      }
    >
      {t('idle.body', { seconds: Math.max(0, Math.ceil(remaining / 1000)) })}
    </Modal>
  );
}
