/** The overview of one task: where it sits in the plan, its text, status, units and owners. */
import { Descriptions, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { TaskDetail as Detail, TaskUnit } from './api';
import { usePlanI18n } from './messages';
import { statusReason } from './status';
import { ProgressVsPlanned, StatusTag } from './StatusBits';

export function TaskDetail({ task }: { task: Detail }) {
  const { t } = usePlanI18n();
  const unitColumns: TableColumnsType<TaskUnit> = [
    {
      title: t('task.role'),
      dataIndex: 'role',
      width: 110,
      render: (v: TaskUnit['role']) => <Tag color={v === 'cooperating' ? 'default' : 'processing'}>{t(`role.${v}`)}</Tag>,
    },
    {
      title: t('task.unit'),
      dataIndex: 'name',
      render: (v: string, u) =>
        u.unmapped ? (
          <span>
            {v} <Tag color="error">{t('matrix.unmapped')}</Tag>
          </span>
        ) : (
          v
        ),
    },
    { title: t('task.owner'), dataIndex: 'ownerName', width: 140, render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('task.owner.none')}</Typography.Text> },
  ];
  const units = [...task.units].sort((a, b) => Number(a.role === 'cooperating') - Number(b.role === 'cooperating'));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={2}
        bordered
        items={[
          { key: 'group', label: t('task.group'), children: task.pathTitles.slice(0, -1).join(' › ') || task.group, span: 2 },
          { key: 'status', label: t('task.status'), children: <Space><StatusTag status={task.status} />{statusReason(t, task.status)}</Space> },
          { key: 'progress', label: t('task.progress'), children: <ProgressVsPlanned progress={task.progress} status={task.status} /> },
          { key: 'start', label: t('task.start'), children: task.startDate },
          {
            key: 'deadline',
            label: t('task.deadline'),
            children: (
              <span>
                {task.deadline}{' '}
                {!task.closedAt && (
                  <Typography.Text type={task.status.overdue ? 'danger' : 'secondary'}>
                    {task.status.overdue ? t('task.daysOverdue.n', { n: -task.status.daysLeft }) : t('task.daysLeft', { n: task.status.daysLeft })}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          { key: 'last', label: t('task.lastReport'), children: task.lastReportOn ?? '—' },
          {
            key: 'close',
            label: t('task.myRole'),
            children: task.myRole ? t(`role.${task.myRole}`) : '—',
          },
        ]}
      />
      {(task.closeRequested || task.closedAt) && (
        <Space>
          {task.closedAt ? <Tag color="blue">{t('task.closedAt', { d: task.closedAt.slice(0, 10) })}</Tag> : <Tag color="purple">{t('task.closeRequested')}</Tag>}
        </Space>
      )}
      <div>
        <Typography.Title level={5}>
          {t('task.text')}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
            {t('task.line', { n: task.line })}
            {task.etc && `；${t('task.etc')}`}
          </Typography.Text>
        </Typography.Title>
        <Typography.Paragraph style={{ background: '#fafafa', padding: 12, border: '1px solid #f0f0f0', whiteSpace: 'pre-wrap', marginBottom: 0 }}>{task.text}</Typography.Paragraph>
      </div>
      <div>
        <Typography.Title level={5}>{t('task.units')}</Typography.Title>
        <Table<TaskUnit> rowKey="id" size="small" columns={unitColumns} dataSource={units} pagination={false} />
      </div>
    </Space>
  );
}
