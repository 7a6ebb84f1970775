/**
 * The channels as data: department, sensitivity, the saved column mapping (editable JSON), and the
 * personal-information impact assessment (PIPL art. 55) each sensitive channel needs before import.
 */
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Table, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/useApi';
import { errorText } from '../../i18n';
import { registryApi, type Channel } from './api';
import { useRegistryI18n } from './messages';

export function Channels({ canEdit }: { canEdit: boolean }) {
  const { t, locale } = useRegistryI18n();
  const channels = useApi<Channel[]>('/api/registry/channels');
  const [pia, setPia] = useState<Channel | null>(null);
  const [mapping, setMapping] = useState<{ channel: Channel; text: string } | null>(null);
  const [form] = Form.useForm();

  const filePia = async () => {
    const v = await form.validateFields();
    try {
      await registryApi.filePia(pia!.code, { ...v, assessedOn: v.assessedOn.format('YYYY-MM-DD'), validUntil: v.validUntil.format('YYYY-MM-DD') });
      setPia(null);
      channels.reload();
    } catch (e) {
      void message.error(errorText(locale, e));
    }
  };
  const saveMapping = async () => {
    try {
      await registryApi.saveMapping(mapping!.channel.code, JSON.parse(mapping!.text));
      void message.success(t('ch.mapping.saved'));
      setMapping(null);
      channels.reload();
    } catch (e) {
      void message.error(e instanceof SyntaxError ? e.message : errorText(locale, e));
    }
  };
  return (
    <div>
      {channels.error && <Alert type="error" showIcon title={errorText(locale, channels.error)} />}
      <Table
        size="small" rowKey="code" loading={channels.loading} dataSource={channels.data} pagination={false}
        columns={[
          { title: t('ch.code'), dataIndex: 'code' },
          { title: t('ch.name'), dataIndex: 'name' },
          { title: t('ch.department'), dataIndex: 'department' },
          { title: t('ch.record'), key: 'rec', render: (_: unknown, c: Channel) => String(c.mapping.record) },
          { title: t('ch.sensitive'), dataIndex: 'sensitive', render: (v: boolean) => (v ? t('yes') : t('no')) },
          { title: t('ch.pia'), key: 'pia', render: (_: unknown, c: Channel) => (c.pia ? <Tag color="green">{t('ch.pia.until', { d: c.pia.validUntil })}</Tag> : <Tag color={c.sensitive ? 'red' : 'default'}>{t('ch.pia.none')}</Tag>) },
          {
            title: t('col.action'), key: 'a',
            render: (_: unknown, c: Channel) =>
              canEdit && (
                <>
                  <Button size="small" onClick={() => { form.resetFields(); setPia(c); }}>{t('ch.pia.file')}</Button>{' '}
                  <Button size="small" onClick={() => setMapping({ channel: c, text: JSON.stringify(c.mapping, null, 2) })}>{t('ch.mapping')}</Button>
                </>
              ),
          },
        ]}
      />
      <Modal open={pia !== null} title={`${t('ch.pia.file')} · ${pia?.name ?? ''}`} onOk={filePia} onCancel={() => setPia(null)} okText={t('ok')} cancelText={t('cancel')} width={640}>
        <Form form={form} layout="vertical" initialValues={{ riskLevel: 'medium' }}>
          {(['purpose', 'legalBasis', 'dataItems', 'risks', 'measures'] as const).map((f) => (
            <Form.Item key={f} name={f} label={t(`pia.${f}`)} rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          ))}
          <Form.Item name="riskLevel" label={t('pia.riskLevel')}>
            <Select options={(['low', 'medium', 'high'] as const).map((r) => ({ value: r, label: t(`risk.${r}`) }))} />
          </Form.Item>
          <Form.Item name="assessor" label={t('pia.assessor')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="assessedOn" label={t('pia.assessedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="validUntil" label={t('pia.validUntil')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={mapping !== null} title={`${t('ch.mapping')} · ${mapping?.channel.name ?? ''}`} onOk={saveMapping} onCancel={() => setMapping(null)} okText={t('ch.mapping.save')} cancelText={t('cancel')} width={760}>
        <Typography.Paragraph type="secondary">{t('ch.mapping.hint')}</Typography.Paragraph>
        <Input.TextArea rows={20} style={{ fontFamily: 'monospace', fontSize: 12 }} value={mapping?.text} onChange={(e) => setMapping(mapping && { ...mapping, text: e.target.value })} />
      </Modal>
    </div>
  );
}
