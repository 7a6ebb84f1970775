/** The supervisor's settings of a task: start and deadline, each unit's owner, and a department for unit names the directory did not know. */
import { SaveOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/useApi';
import type { Department } from '../../../../src/shared/api/directory';
import { errorText } from '../../i18n';
import { planApi, type TaskDetail } from './api';
import { usePlanI18n } from './messages';

interface Values {
  startDate: Dayjs;
  deadline: Dayjs;
  owners: Record<number, number | null>;
  mappings: Record<number, number | undefined>;
}

function Members({ departmentId, value, onChange }: { departmentId: number; value?: number | null; onChange?: (v: number | null) => void }) {
  const { t } = usePlanI18n();
  const members = useApi<{ id: number; displayName: string; username: string }[]>(`/api/departments/${departmentId}/members`);
  return (
    <Select
      allowClear
      style={{ width: 240 }}
      placeholder={t('settings.noOwner')}
      loading={members.loading}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={(members.data ?? []).map((m) => ({ value: m.id, label: `${m.displayName}（${m.username}）` }))}
    />
  );
}

export function TaskSettings({ task, onChanged }: { task: TaskDetail; onChanged: () => void }) {
  const { t, locale } = usePlanI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const departments = useApi<Department[]>('/api/departments');
  const unmapped = task.units.filter((u) => u.unmapped);

  useEffect(() => {
    form.setFieldsValue({
      startDate: dayjs(task.startDate),
      deadline: dayjs(task.deadline),
      owners: Object.fromEntries(task.units.map((u) => [u.id, u.ownerUserId])),
      mappings: {},
    });
  }, [task, form]);

  async function save(v: Values) {
    setSaving(true);
    try {
      await planApi.updateTask(task.id, {
        startDate: v.startDate.format('YYYY-MM-DD'),
        deadline: v.deadline.format('YYYY-MM-DD'),
        owners: task.units.filter((u) => u.departmentId != null).map((u) => ({ unitId: u.id, userId: v.owners?.[u.id] ?? null })),
        unitMappings: Object.entries(v.mappings ?? {})
          .filter(([, d]) => d != null)
          .map(([unitId, departmentId]) => ({ unitId: Number(unitId), departmentId: departmentId! })),
      });
      message.success(t('settings.saved'));
      onChanged();
    } catch (e) {
      message.error(errorText(locale, e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div data-testid="task-settings">
      <Typography.Title level={5}>{t('settings.title')}</Typography.Title>
      <Form form={form} layout="horizontal" labelCol={{ flex: '140px' }} onFinish={(v) => void save(v)}>
        <Space wrap>
          <Form.Item name="startDate" label={t('settings.start')} rules={[{ required: true }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="deadline" label={t('settings.deadline')} rules={[{ required: true }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
        </Space>
        {task.units
          .filter((u) => u.departmentId != null)
          .map((u) => (
            <Form.Item key={u.id} name={['owners', u.id]} label={`${u.name}${t('settings.ownerSuffix')}`}>
              <Members departmentId={u.departmentId!} />
            </Form.Item>
          ))}
        {unmapped.map((u) => (
          <Form.Item key={u.id} name={['mappings', u.id]} label={`${u.name}${t('settings.mapSuffix')}`} extra={t('settings.mapHint')}>
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: 280 }}
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
          {t('settings.save')}
        </Button>
      </Form>
    </div>
  );
}
