/** Create or edit an account: name, department, region scope, roles, and (new accounts) an optional password. */
import { Alert, Checkbox, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ROLES, ROLE_LABELS } from '../../../../src/shared/roles';
import { api } from '../../api/client';
import { regionTree } from '../../api/regions';
import type { CreatedUser, Department, Region, Role, UpdateUserRequest, UserSummary } from '../../api/types';
import { errorText, useI18n } from '../../i18n';

export interface Values {
  username: string;
  displayName: string;
  departmentId?: number | null;
  regionCode: string;
  roles: Role[];
  password?: string;
}

interface Props {
  open: boolean;
  /** The account to edit; null to create one. */
  user: UserSummary | null;
  regions: Region[];
  departments: Department[];
  onCancel: () => void;
  onCreated: (created: CreatedUser) => void;
  onUpdated: (user: UserSummary) => void;
}

/** Only what changed: the server refuses a change of one's own roles, and a new scope or role ends the user's sessions. */
export function changes(user: UserSummary, v: Values): UpdateUserRequest {
  const patch: UpdateUserRequest = {};
  if (v.displayName.trim() !== user.displayName) patch.displayName = v.displayName.trim();
  if ((v.departmentId ?? null) !== user.departmentId) patch.departmentId = v.departmentId ?? null;
  if (v.regionCode !== user.regionCode) patch.regionCode = v.regionCode;
  const sameRoles = v.roles.length === user.roles.length && v.roles.every((r) => user.roles.includes(r));
  if (!sameRoles) patch.roles = v.roles;
  return patch;
}

export function UserForm({ open, user, regions, departments, onCancel, onCreated, onUpdated }: Props) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const tree = useMemo(() => regionTree(regions), [regions]);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (user) {
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        departmentId: user.departmentId,
        regionCode: user.regionCode,
        roles: user.roles,
      });
    }
  }, [open, user, form]);

  async function submit() {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (user) {
        const patch = changes(user, v);
        if (Object.keys(patch).length === 0) return onCancel();
        onUpdated(await api.patch<UserSummary>(`/api/users/${user.id}`, patch));
      } else {
        const created = await api.post<CreatedUser>('/api/users', {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          departmentId: v.departmentId ?? null,
          regionCode: v.regionCode,
          roles: v.roles,
          ...(v.password ? { password: v.password } : {}),
        });
        onCreated(created);
      }
    } catch (e) {
      setError(errorText(locale, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={user ? t('users.edit.title', { name: user.displayName }) : t('users.create.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onCancel}
      width={640}
      destroyOnHidden
    >
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16, whiteSpace: 'pre-line' }} />}
      <Form<Values> form={form} layout="vertical" requiredMark="optional" initialValues={{ roles: [] }}>
        <Form.Item
          name="username"
          label={t('user.username')}
          extra={!user && t('users.username.hint')}
          rules={[{ required: true, pattern: /^[a-z][a-z0-9_.-]{2,63}$/, message: t('users.username.rule') }]}
        >
          <Input disabled={!!user} autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, whitespace: true, message: t('users.displayName.required') }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('user.department')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
            placeholder={t('users.department.placeholder')}
          />
        </Form.Item>
        <Form.Item name="regionCode" label={t('user.region')} extra={t('users.region.hint')} rules={[{ required: true, message: t('users.region.required') }]}>
          <TreeSelect treeData={tree} showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandAll={false} placeholder={t('users.region.placeholder')} />
        </Form.Item>
        <Form.Item name="roles" label={t('user.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('users.roles.required') }]}>
          <Checkbox.Group
            options={ROLES.map((r) => ({ value: r, label: locale === 'en-US' ? ROLE_LABELS[r].en : ROLE_LABELS[r].zh }))}
          />
        </Form.Item>
        {!user && (
          <Form.Item name="password" label={t('users.password')} extra={t('users.password.hint')}>
            <Input.Password autoComplete="new-password" maxLength={256} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
