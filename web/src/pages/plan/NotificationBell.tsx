/** 提醒: the bell with unread reminders; each can open its task and be marked read. Supervisors can run the check now. */
import { BellOutlined, SyncOutlined } from '@ant-design/icons';
import { App, Badge, Button, Empty, Popover, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/useApi';
import { errorText } from '../../i18n';
import { planApi, type PlanNotification } from './api';
import { usePlanI18n, type PlanKey } from './messages';

const KIND_COLOUR: Record<string, string> = { deadline_soon: 'gold', report_due: 'blue', overdue: 'red', overdue_escalation: 'magenta' };
const KNOWN = new Set(Object.keys(KIND_COLOUR));

export function NotificationBell({ canSupervise, onOpenTask }: { canSupervise: boolean; onOpenTask: (id: number) => void }) {
  const { t, locale } = usePlanI18n();
  const { message } = App.useApp();
  const list = useApi<PlanNotification[]>('/api/notifications');
  const [open, setOpen] = useState(false);
  const [scanning, setScanning] = useState(false);
  const items = list.data ?? [];
  const unread = items.filter((n) => !n.readAt).length;

  async function markRead(n: PlanNotification) {
    try {
      await planApi.markRead(n.id);
      list.reload();
    } catch (e) {
      message.error(errorText(locale, e));
    }
  }

  async function markAllRead() {
    try {
      await planApi.markAllRead();
      list.reload();
    } catch (e) {
      message.error(errorText(locale, e));
    }
  }

  async function scan() {
    setScanning(true);
    try {
      const { added } = await planApi.scan();
      message.success(t('notify.scanned', { n: added }));
      list.reload();
    } catch (e) {
      message.error(errorText(locale, e));
    } finally {
      setScanning(false);
    }
  }

  const content = (
    <div style={{ width: 420, maxHeight: 420, overflow: 'auto' }} data-testid="notifications">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.none')} />
      ) : (
        items.map((n) => (
          <div key={n.id} style={{ padding: '8px 4px', borderBottom: '1px solid #f0f0f0', opacity: n.readAt ? 0.55 : 1 }}>
            <Space size={4} style={{ marginBottom: 4 }}>
              <Tag color={KIND_COLOUR[n.kind] ?? 'default'}>{KNOWN.has(n.kind) ? t(`notify.kind.${n.kind}` as PlanKey) : n.kind}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {new Date(n.createdAt).toLocaleString(locale, { hour12: false })}
              </Typography.Text>
            </Space>
            <div>
              {n.taskId ? (
                <Typography.Link
                  onClick={() => {
                    setOpen(false);
                    onOpenTask(n.taskId!);
                  }}
                >
                  {n.message}
                </Typography.Link>
              ) : (
                n.message
              )}
            </div>
            {!n.readAt && (
              <Button size="small" type="link" style={{ padding: 0 }} onClick={() => void markRead(n)}>
                {t('notify.markRead')}
              </Button>
            )}
          </div>
        ))
      )}
    </div>
  );

  return (
    <Space>
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        placement="bottomRight"
        title={
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            {t('notify.title')}
            {unread > 0 && (
              <Button size="small" type="link" onClick={() => void markAllRead()}>
                {t('notify.markAllRead')}
              </Button>
            )}
          </Space>
        }
        content={content}
      >
        <Badge count={unread} size="small">
          <Button icon={<BellOutlined />} aria-label={t('notify.title')} data-testid="notify-bell">
            {t('notify.title')}
          </Button>
        </Badge>
      </Popover>
      {canSupervise && (
        <Button icon={<SyncOutlined />} loading={scanning} onClick={() => void scan()}>
          {t('notify.scan')}
        </Button>
      )}
    </Space>
  );
}
