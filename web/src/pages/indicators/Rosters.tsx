/**
 * 重点群体名单: a city-level department uploads the ID numbers of a key group's members (.xlsx or .csv);
 * the server keeps blind indexes only, returns the rows it could not accept (masked, with the reason) and
 * recomputes the key-group figures. The table lists what each source has sent.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Checkbox, Form, Input, Select, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/useApi';
import { errorText } from '../../i18n';
import { useMe } from '../../session/SessionContext';
import { indicatorsApi, type RosterResult, type RosterSummary } from './api';
import { useIndI18n, type IndKey } from './messages';

const GROUPS = ['skilled', 'newFarmer', 'researcher', 'entrepreneur', 'manager', 'cadre', 'hardshipAbleToWork'] as const;

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

export function Rosters() {
  const { t, locale } = useIndI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ group: string; source: string; replace: boolean }>();
  const summary = useApi<RosterSummary>('/api/indicators/key-groups/rosters');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RosterResult | null>(null);
  const groupName = (g: string) => t(`group.${g}` as IndKey);

  const upload = async (file: File) => {
    let v: { group: string; source: string; replace: boolean };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setResult(null);
    try {
      const r = await indicatorsApi.roster(v.group, { source: v.source, fileName: file.name, contentBase64: await base64Of(file), replace: !!v.replace });
      setResult(r);
      summary.reload();
    } catch (e) {
      message.error(errorText(locale, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="rosters">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('roster.intro')}</Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={{ group: 'skilled', source: me.department?.name ?? '', replace: false }}>
        <Form.Item name="group" label={t('roster.group')} rules={[{ required: true, message: t('roster.required') }]}>
          <Select style={{ width: 200 }} options={GROUPS.map((g) => ({ value: g, label: groupName(g) }))} data-testid="roster-group" />
        </Form.Item>
        <Form.Item name="source" label={t('roster.source')} rules={[{ required: true, whitespace: true, message: t('roster.required') }]}>
          <Input style={{ width: 260 }} maxLength={60} placeholder={t('roster.source.placeholder')} data-testid="roster-source" />
        </Form.Item>
        <Form.Item name="replace" valuePropName="checked">
          <Checkbox data-testid="roster-replace">{t('roster.replace')}</Checkbox>
        </Form.Item>
      </Form>
      <Spin spinning={busy} description={t('roster.uploading')}>
        <Upload.Dragger accept=".xlsx,.csv" multiple={false} showUploadList={false} disabled={busy} beforeUpload={(f) => (void upload(f), false)} data-testid="roster-upload">
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{t('roster.file')}</p>
        </Upload.Dragger>
      </Spin>
      {result && (
        <Alert
          type={result.rejects.length ? 'warning' : 'success'}
          showIcon
          data-testid="roster-result"
          title={t('roster.result', { group: groupName(result.group), source: result.source, accepted: result.accepted, added: result.added, removed: result.removed, duplicates: result.duplicates, missing: result.notInRegistry })}
          description={
            result.rejects.length > 0 && (
              <>
                <Typography.Text>{t('roster.rejects', { n: result.rejects.length })}</Typography.Text>
                <Table
                  size="small"
                  rowKey="row"
                  pagination={result.rejects.length > 10 ? { pageSize: 10 } : false}
                  dataSource={result.rejects}
                  data-testid="roster-rejects"
                  columns={[
                    { title: t('roster.row'), dataIndex: 'row', width: 80 },
                    { title: t('roster.value'), dataIndex: 'value' },
                    { title: t('roster.reason'), dataIndex: 'reason' },
                  ]}
                />
              </>
            )
          }
        />
      )}
      <Table
        size="small"
        rowKey={(r) => `${r.group}|${r.source}|${r.synthetic}`}
        loading={summary.loading}
        dataSource={summary.data ?? []}
        pagination={false}
        locale={{ emptyText: t('roster.none') }}
        data-testid="roster-summary"
        columns={[
          { title: t('roster.group'), dataIndex: 'group', render: (g: string) => groupName(g) },
          { title: t('roster.source'), dataIndex: 'source', render: (s: string, r) => <Space size={4}>{s}{r.synthetic && <Tag color="purple">{t('ind.synthetic')}</Tag>}</Space> },
          { title: t('roster.members'), dataIndex: 'members', align: 'right', render: (n: number) => n.toLocaleString('en-US') },
          { title: t('roster.inRegistry'), dataIndex: 'inRegistry', align: 'right', render: (n: number) => n.toLocaleString('en-US') },
        ]}
      />
      {summary.error && <Alert type="error" showIcon title={errorText(locale, summary.error)} />}
    </Space>
  );
}
