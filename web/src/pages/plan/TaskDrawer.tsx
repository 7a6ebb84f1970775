/** One task in a drawer: overview and milestones, report history with review, the report form, close-out. */
import { CheckCircleOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Drawer, Input, Result, Space, Spin, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/useApi';
import { errorText } from '../../i18n';
import { planApi, type PeriodType, type TaskDetail as Detail } from './api';
import { usePlanI18n } from './messages';
import { Milestones } from './Milestones';
import { ReportForm } from './ReportForm';
import { ReportHistory } from './ReportHistory';
import { StatusTag } from './StatusBits';
import { TaskDetail } from './TaskDetail';
import { TaskSettings } from './TaskSettings';

export type DrawerTab = 'info' | 'reports' | 'submit';

interface Props {
  taskId: number | null;
  tab?: DrawerTab;
  periodType: PeriodType;
  canSupervise: boolean;
  canReport: boolean;
  onClose: () => void;
  /** Something changed on the server (report, review, close): the lists reload. */
  onChanged: () => void;
}

export function TaskDrawer({ taskId, tab, periodType, canSupervise, canReport, onClose, onChanged }: Props) {
  const { t } = usePlanI18n();
  const detail = useApi<Detail>(taskId ? `/api/tasks/${taskId}` : null);
  const task = detail.data?.id === taskId ? detail.data : undefined;
  const [active, setActive] = useState<DrawerTab>(tab ?? 'info');
  const pending = task?.reports.filter((r) => r.kind === 'consolidated' && r.status === 'submitted').length ?? 0;
  const mayReport = canReport && !!task?.myRole && !task.closedAt;

  useEffect(() => {
    if (!task) return;
    setActive(tab ?? (canSupervise && pending > 0 ? 'reports' : 'info'));
  }, [task?.id, tab]);

  const changed = () => {
    detail.reload();
    onChanged();
  };

  const notFound = detail.error instanceof ApiError && detail.error.status === 404;

  return (
    <Drawer
      open={taskId !== null}
      onClose={onClose}
      size={920}
      destroyOnHidden
      title={task ? `${task.ref}　${task.title}` : ''}
      extra={task && <Space>
        <StatusTag status={task.status} />
        {canSupervise && <CloseActions task={task} onChanged={changed} />}
      </Space>}
    >
      {detail.error && !task ? (
        <Result status={notFound ? '404' : 'error'} title={notFound ? t('task.notFound') : detail.error.message} />
      ) : !task ? (
        <Spin style={{ display: 'block', marginTop: 80 }} />
      ) : (
        <Tabs
          activeKey={active}
          onChange={(k) => setActive(k as DrawerTab)}
          items={[
            {
              key: 'info',
              label: t('detail.tab.info'),
              children: (
                <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                  <TaskDetail task={task} />
                  <Milestones taskId={task.id} milestones={task.milestones} canSupervise={canSupervise} onChanged={changed} />
                  {canSupervise && !task.closedAt && <TaskSettings task={task} onChanged={changed} />}
                </Space>
              ),
            },
            {
              key: 'reports',
              label: (
                <Badge count={canSupervise ? pending : 0} size="small" offset={[8, -2]}>
                  {t('detail.tab.reports', { n: task.reports.length })}
                </Badge>
              ),
              children: <ReportHistory task={task} canSupervise={canSupervise} onChanged={changed} />,
            },
            ...(mayReport
              ? [{ key: 'submit', label: t('detail.tab.submit'), children: <ReportForm task={task} periodType={periodType} onSubmitted={() => { changed(); setActive('reports'); }} /> }]
              : []),
          ]}
        />
      )}
    </Drawer>
  );
}

/** 办结销号 once the lead unit asked for it at 100% (approved); 重新打开 for a closed task. */
function CloseActions({ task, onChanged }: { task: Detail; onChanged: () => void }) {
  const { t, locale } = usePlanI18n();
  const { modal, message } = App.useApp();

  function ask(kind: 'close' | 'reopen') {
    let comment = '';
    modal.confirm({
      title: t(kind === 'close' ? 'detail.close' : 'detail.reopen'),
      content: (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <span>{t(kind === 'close' ? 'detail.close.confirm' : 'detail.reopen.confirm')}</span>
          <Input.TextArea rows={2} maxLength={2000} aria-label={t('detail.comment')} placeholder={t('detail.comment')} onChange={(e) => (comment = e.target.value)} />
        </Space>
      ),
      okText: t(kind === 'close' ? 'detail.close' : 'detail.reopen'),
      onOk: async () => {
        try {
          await (kind === 'close' ? planApi.close(task.id, comment) : planApi.reopen(task.id, comment));
          message.success(t(kind === 'close' ? 'detail.closed' : 'detail.reopened'));
          onChanged();
        } catch (e) {
          message.error(errorText(locale, e));
        }
      },
    });
  }

  if (task.closedAt)
    return (
      <Button icon={<UndoOutlined />} onClick={() => ask('reopen')}>
        {t('detail.reopen')}
      </Button>
    );
  if (task.closeRequested && task.progress >= 100)
    return (
      <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => ask('close')}>
        {t('detail.close')}
      </Button>
    );
  return task.closeRequested ? <Alert type="info" title={t('task.closeRequested')} /> : null;
}
