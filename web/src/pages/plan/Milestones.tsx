/** 节点目标: proposed ones (found by the parser) wait for a supervisor to confirm or delete them. */
import { CheckOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../../i18n';
import { planApi, type Milestone } from './api';
import { usePlanI18n } from './messages';

interface NewMilestone {
  title: string;
  dueDate: Dayjs;
  targetValue?: number | null;
  targetUnit?: string;
}

export function Milestones({ taskId, milestones, canSupervise, onChanged }: { taskId: number; milestones: Milestone[]; canSupervise: boolean; onChanged: () => void }) {
  const { t, locale } = usePlanI18n();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<NewMilestone>();

  const run = (p: Promise<unknown>) =>
    p.then(onChanged).catch((e) => {
      message.error(errorText(locale, e));
    });

  const columns: TableColumnsType<Milestone> = [
    {
      title: t('ms.title'),
      dataIndex: 'title',
      render: (v: string, m) => (
        <span>
          {v}{' '}
          {m.proposed && (
            <Tooltip title={t('ms.proposed.tip')}>
              <Tag color="warning">{t('ms.proposed')}</Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
    { title: t('ms.due'), dataIndex: 'dueDate', width: 110 },
    {
      title: t('ms.target'),
      key: 'target',
      width: 120,
      render: (_, m) => (m.targetValue != null ? `${m.targetValue}${m.targetUnit ?? ''}${m.cumulative ? `（${t('ms.cumulative')}）` : ''}` : '—'),
    },
    { title: t('ms.actual'), dataIndex: 'actualValue', width: 90, render: (v: number | null, m) => (v != null ? `${v}${m.targetUnit ?? ''}` : '—') },
  ];
  if (canSupervise)
    columns.push({
      title: '',
      key: 'act',
      width: 150,
      render: (_, m) =>
        m.proposed ? (
          <Space size={4}>
            <Button size="small" icon={<CheckOutlined />} onClick={() => void run(planApi.confirmMilestone(m.id))}>
              {t('ms.confirm')}
            </Button>
            <Popconfirm title={t('ms.delete.confirm')} onConfirm={() => run(planApi.deleteMilestone(m.id))}>
              <Button size="small" danger icon={<DeleteOutlined />}>
                {t('ms.delete')}
              </Button>
            </Popconfirm>
          </Space>
        ) : (
          <Popconfirm title={t('ms.delete.confirm')} onConfirm={() => run(planApi.deleteMilestone(m.id))}>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('ms.delete')} />
          </Popconfirm>
        ),
    });

  async function add(v: NewMilestone) {
    await run(
      planApi.addMilestone(taskId, {
        title: v.title,
        dueDate: v.dueDate.format('YYYY-MM-DD'),
        targetValue: v.targetValue ?? null,
        targetUnit: v.targetUnit?.trim() || null,
        cumulative: false,
      }),
    );
    form.resetFields();
    setAdding(false);
  }

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('ms.title')}
        </Typography.Title>
        {canSupervise && !adding && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('ms.add')}
          </Button>
        )}
      </Space>
      {adding && (
        <Form<NewMilestone> form={form} layout="inline" onFinish={(v) => void add(v)} style={{ margin: '8px 0', rowGap: 8 }}>
          <Form.Item name="title" rules={[{ required: true, whitespace: true, message: t('ms.add.title') }]}>
            <Input placeholder={t('ms.add.title')} maxLength={200} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="dueDate" rules={[{ required: true, message: t('ms.due') }]}>
            <DatePicker placeholder={t('ms.due')} />
          </Form.Item>
          <Form.Item name="targetValue">
            <InputNumber placeholder={t('ms.target')} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="targetUnit">
            <Input placeholder={t('ms.add.unit')} maxLength={20} style={{ width: 70 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('ms.add')}
          </Button>
          <Button onClick={() => setAdding(false)}>×</Button>
        </Form>
      )}
      <Table<Milestone>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={milestones}
        pagination={false}
        style={{ marginTop: 8 }}
        locale={{ emptyText: t('ms.none') }}
      />
    </div>
  );
}
