/** Account management for the security administrator: create, edit, disable, unlock, reset password or two-factor. */
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Dropdown, Input, Modal, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { ROLE_LABELS } from '../../../../src/shared/roles';
import { api } from '../../api/client';
import type { CreatedUser, Department, Region, ResetPasswordResponse, UserSummary } from '../../api/types';
import { useApi } from '../../api/useApi';
import { errorText, useI18n } from '../../i18n';
import { useMe } from '../../session/SessionContext';
import { UserForm } from './UserForm';

interface OneTimePassword {
  username: string;
  password: string;
}

export default function Users() {
  const { t, locale } = useI18n();
  const me = useMe();
  const { modal, message } = App.useApp();
  const users = useApi<UserSummary[]>('/api/users');
  const regions = useApi<Region[]>('/api/regions');
  const departments = useApi<Department[]>('/api/departments');
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<UserSummary | null | undefined>(undefined);
  const [shown, setShown] = useState<OneTimePassword | null>(null);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    const all = users.data ?? [];
    return q ? all.filter((u) => u.username.includes(q) || u.displayName.toLowerCase().includes(q)) : all;
  }, [users.data, search]);

  function confirmAction(title: string, content: string, run: () => Promise<void>) {
    modal.confirm({
      title,
      content,
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        run().catch((e) => {
          message.error(errorText(locale, e));
        }),
    });
  }

  function actions(u: UserSummary) {
    const self = u.id === me.id;
    const items = [
      { key: 'reset', label: t('users.action.resetPassword') },
      { key: 'unlock', label: t('users.action.unlock'), disabled: !u.locked },
      { key: 'totp', label: t('users.action.resetTotp'), disabled: !u.totpEnabled },
      { key: 'toggle', label: u.disabled ? t('users.action.enable') : t('users.action.disable'), danger: !u.disabled, disabled: self },
    ];
    const onClick = ({ key }: { key: string }) => {
      const who = `${u.displayName}（${u.username}）`;
      if (key === 'reset')
        confirmAction(t('users.action.resetPassword'), t('users.confirm.resetPassword', { who }), async () => {
          const r = await api.post<ResetPasswordResponse>(`/api/users/${u.id}/reset-password`);
          setShown({ username: u.username, password: r.password });
          users.reload();
        });
      if (key === 'unlock')
        confirmAction(t('users.action.unlock'), t('users.confirm.unlock', { who }), async () => {
          await api.post(`/api/users/${u.id}/unlock`);
          message.success(t('users.done.unlock'));
          users.reload();
        });
      if (key === 'totp')
        confirmAction(t('users.action.resetTotp'), t('users.confirm.resetTotp', { who }), async () => {
          await api.post(`/api/users/${u.id}/reset-totp`);
          message.success(t('users.done.resetTotp'));
          users.reload();
        });
      if (key === 'toggle')
        confirmAction(
          u.disabled ? t('users.action.enable') : t('users.action.disable'),
          t(u.disabled ? 'users.confirm.enable' : 'users.confirm.disable', { who }),
          async () => {
            await api.patch<UserSummary>(`/api/users/${u.id}`, { disabled: !u.disabled });
            users.reload();
          },
        );
    };
    return (
      <Space size="small">
        <Typography.Link onClick={() => setEditing(u)}>{t('common.edit')}</Typography.Link>
        <Dropdown menu={{ items, onClick }}>
          <Typography.Link>{t('common.more')}</Typography.Link>
        </Dropdown>
      </Space>
    );
  }

  const columns: TableColumnsType<UserSummary> = [
    { title: t('user.username'), dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username) },
    { title: t('user.displayName'), dataIndex: 'displayName' },
    { title: t('user.department'), dataIndex: 'departmentName', render: (v: string | null) => v ?? '—' },
    { title: t('user.region'), dataIndex: 'regionName' },
    {
      title: t('user.roles'),
      dataIndex: 'roles',
      render: (roles: UserSummary['roles']) => roles.map((r) => <Tag key={r}>{locale === 'en-US' ? ROLE_LABELS[r].en : ROLE_LABELS[r].zh}</Tag>),
    },
    {
      title: t('users.status'),
      key: 'status',
      render: (_, u) => (
        <Space size={4} wrap>
          {u.disabled ? <Tag color="red">{t('users.status.disabled')}</Tag> : <Tag color="green">{t('users.status.active')}</Tag>}
          {u.locked && <Tag color="orange">{t('users.status.locked')}</Tag>}
          {u.totpEnabled && <Tag color="blue">{t('users.status.totp')}</Tag>}
        </Space>
      ),
    },
    { title: t('users.createdAt'), dataIndex: 'createdAt', render: (v: string) => new Date(v).toLocaleDateString(locale) },
    { title: t('common.actions'), key: 'actions', render: (_, u) => actions(u) },
  ];

  const onCreated = (c: CreatedUser) => {
    setEditing(undefined);
    message.success(t('users.done.created', { name: c.user.displayName }));
    if (c.initialPassword) setShown({ username: c.user.username, password: c.initialPassword });
    users.reload();
  };

  return (
    <Card
      title={t('nav.admin.users')}
      extra={
        <Space>
          <Input.Search allowClear placeholder={t('users.search')} onChange={(e) => setSearch(e.target.value)} style={{ width: 220 }} />
          <Button icon={<ReloadOutlined />} onClick={users.reload}>
            {t('common.refresh')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('users.create')}
          </Button>
        </Space>
      }
    >
      {users.error && <Alert type="error" showIcon title={errorText(locale, users.error)} style={{ marginBottom: 16 }} />}
      <Table<UserSummary> rowKey="id" size="middle" loading={users.loading} columns={columns} dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
      <UserForm
        open={editing !== undefined}
        user={editing ?? null}
        regions={regions.data ?? []}
        departments={departments.data ?? []}
        onCancel={() => setEditing(undefined)}
        onCreated={onCreated}
        onUpdated={() => {
          setEditing(undefined);
          message.success(t('common.saved'));
          users.reload();
        }}
      />
      <Modal
        open={shown !== null}
        title={t('users.password.once.title', { username: shown?.username ?? '' })}
        onCancel={() => setShown(null)}
        footer={<Button type="primary" onClick={() => setShown(null)}>{t('users.password.once.done')}</Button>}
        mask={{ closable: false }}
      >
        <Alert type="warning" showIcon title={t('users.password.once.warning')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph copyable={{ text: shown?.password }} code style={{ fontSize: 18 }} data-testid="one-time-password">
          {shown?.password}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
