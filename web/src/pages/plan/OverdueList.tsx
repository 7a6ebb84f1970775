/** 逾期任务: open tasks past their deadline, longest overdue first. */
import { Empty, Table, Typography, type TableColumnsType } from 'antd';
import type { TaskSummary } from './api';
import { leadNames } from './matrix';
import { usePlanI18n } from './messages';
import { ProgressVsPlanned } from './StatusBits';

export function OverdueList({ tasks, loading, onOpen }: { tasks: TaskSummary[]; loading: boolean; onOpen: (id: number) => void }) {
  const { t } = usePlanI18n();
  const rows = [...tasks].sort((a, b) => a.status.daysLeft - b.status.daysLeft || a.seq - b.seq);
  const columns: TableColumnsType<TaskSummary> = [
    { title: t('matrix.seq'), dataIndex: 'seq', width: 64 },
    {
      title: t('matrix.measure'),
      key: 'title',
      render: (_, r) => (
        <Typography.Link onClick={() => onOpen(r.id)}>
          <Typography.Text type="secondary">{r.ref}</Typography.Text> {r.title}
        </Typography.Link>
      ),
    },
    { title: t('task.leads'), key: 'leads', width: 220, render: (_, r) => leadNames(r).join('、') || '—' },
    { title: t('task.deadline'), dataIndex: 'deadline', width: 110 },
    {
      title: t('task.daysOverdue'),
      key: 'days',
      width: 100,
      render: (_, r) => <Typography.Text type="danger">{t('task.daysOverdue.n', { n: -r.status.daysLeft })}</Typography.Text>,
    },
    { title: t('task.progress'), key: 'progress', width: 200, render: (_, r) => <ProgressVsPlanned progress={r.progress} status={r.status} width={90} /> },
    { title: t('task.lastReport'), dataIndex: 'lastReportOn', width: 110, render: (v: string | null) => v ?? '—' },
  ];
  return (
    <Table<TaskSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: <Empty description={t('overdue.none')} /> }}
    />
  );
}
