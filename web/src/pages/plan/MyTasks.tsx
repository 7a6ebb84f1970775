/** 我的任务: the tasks the liaison's unit leads or cooperates on, with a report button each. */
import { EditOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { TaskSummary } from './api';
import { usePlanI18n } from './messages';
import { ProgressVsPlanned, StatusTag } from './StatusBits';

export function MyTasks({ tasks, loading, canReport, onOpen }: { tasks: TaskSummary[]; loading: boolean; canReport: boolean; onOpen: (id: number, report?: boolean) => void }) {
  const { t } = usePlanI18n();
  const columns: TableColumnsType<TaskSummary> = [
    { title: t('matrix.seq'), dataIndex: 'seq', width: 64, sorter: (a, b) => a.seq - b.seq },
    {
      title: t('matrix.measure'),
      key: 'title',
      render: (_, r) => (
        <Typography.Link onClick={() => onOpen(r.id)}>
          <Typography.Text type="secondary">{r.ref}</Typography.Text> {r.title}
        </Typography.Link>
      ),
    },
    {
      title: t('task.myRole'),
      dataIndex: 'myRole',
      width: 110,
      render: (v: TaskSummary['myRole']) => (v ? <Tag color={v === 'cooperating' ? 'default' : 'processing'}>{t(`role.${v}`)}</Tag> : '—'),
    },
    { title: t('task.status'), key: 'status', width: 100, render: (_, r) => <StatusTag status={r.status} />, sorter: (a, b) => a.status.behind - b.status.behind },
    { title: t('task.progress'), key: 'progress', width: 200, render: (_, r) => <ProgressVsPlanned progress={r.progress} status={r.status} width={90} /> },
    { title: t('task.deadline'), dataIndex: 'deadline', width: 110 },
    { title: t('task.lastReport'), dataIndex: 'lastReportOn', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: '',
      key: 'act',
      width: 130,
      render: (_, r) =>
        canReport && !r.closedAt ? (
          <Button size="small" type="primary" icon={<EditOutlined />} onClick={() => onOpen(r.id, true)} data-testid={`report-${r.seq}`}>
            {t('task.report')}
          </Button>
        ) : null,
    },
  ];
  return <Table<TaskSummary> rowKey="id" size="middle" loading={loading} columns={columns} dataSource={tasks} pagination={false} />;
}
