/**
 * Imports: upload a channel file (progress follows the server's stream), the batches, and each
 * batch's rejected rows — masked, fixable after stating a purpose, re-submittable, downloadable.
 */
import { Alert, Button, Card, Input, Modal, Progress, Select, Space, Table, Tag, Typography, Upload, message } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useApi } from '../../api/useApi';
import { errorText } from '../../i18n';
import { exportUrls, registryApi, uploadChannelFile, type Batch, type Channel, type ImportEvent, type QuarantineRow } from './api';
import { useRegistryI18n, type RegistryKey } from './messages';

export function Imports() {
  const { t, locale } = useRegistryI18n();
  const channels = useApi<Channel[]>('/api/registry/channels');
  const batches = useApi<Batch[]>('/api/registry/batches');
  const [channel, setChannel] = useState<string>();
  const [file, setFile] = useState<File | null>(null);
  const [event, setEvent] = useState<ImportEvent | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [openBatch, setOpenBatch] = useState<number | null>(null);
  const [download, setDownload] = useState<number | null>(null);
  const [purpose, setPurpose] = useState('');
  const chosen = channels.data?.find((c) => c.code === channel);

  const start = async () => {
    if (!channel || !file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await uploadChannelFile(channel, file, setEvent);
      const rep = r.report;
      setResult(
        rep.duplicate
          ? t('imp.duplicate', { id: rep.batchId })
          : `${t('imp.done', { id: rep.batchId, ok: rep.rowsOk, bad: rep.rowsRejected, rec: rep.recordsAdded, p: rep.personsAdded })}${r.linkage ? `；${t('imp.linked', { a: r.linkage.autoMerged, r: r.linkage.review })}` : ''}`,
      );
      batches.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const progress = event?.type === 'progress' ? event : null;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Space wrap>
          <Select style={{ width: 260 }} placeholder={t('imp.channel')} value={channel} onChange={setChannel} options={(channels.data ?? []).filter((c) => c.active).map((c) => ({ value: c.code, label: c.name }))} />
          <Upload accept=".csv,.txt,.xlsx" maxCount={1} beforeUpload={(f) => { setFile(f); return false; }} onRemove={() => setFile(null)}>
            <Button icon={<UploadOutlined />}>{t('imp.file')}</Button>
          </Upload>
          <Button type="primary" disabled={!channel || !file || busy || (chosen?.sensitive && !chosen.pia)} loading={busy} onClick={start}>
            {t('imp.start')}
          </Button>
        </Space>
        {chosen?.sensitive && !chosen.pia && <Alert style={{ marginTop: 8 }} type="warning" showIcon title={t('imp.needPia')} />}
        {busy && progress && (
          <div style={{ marginTop: 12 }}>
            <Typography.Text>{t(`imp.phase.${progress.phase}` as RegistryKey)}</Typography.Text>
            <Progress percent={progress.totalBytes ? Math.min(100, Math.round((100 * progress.bytesRead) / progress.totalBytes)) : 0} status="active" />
            <Typography.Text type="secondary">{t('imp.rows', { n: progress.rowsRead, ok: progress.rowsOk, bad: progress.rowsRejected })}</Typography.Text>
          </div>
        )}
        {result && <Alert style={{ marginTop: 8 }} type="success" showIcon title={result} />}
        {error !== null && <Alert style={{ marginTop: 8 }} type="error" showIcon title={errorText(locale, error)} />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('imp.atomic')}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('batches.title')}>
        <Table
          size="small" rowKey="id" loading={batches.loading} dataSource={batches.data} pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '#', dataIndex: 'id' },
            { title: t('imp.channel'), dataIndex: 'channelName' },
            { title: t('batches.file'), dataIndex: 'fileName' },
            { title: t('batches.rows'), key: 'rows', render: (_: unknown, b: Batch) => `${b.rowsRead} / ${b.rowsOk} / ${b.rowsRejected}` },
            { title: t('batches.records'), dataIndex: 'recordsAdded' },
            { title: t('batches.when'), dataIndex: 'finishedAt', render: (v: string) => v.slice(0, 16).replace('T', ' ') },
            { title: t('batches.by'), dataIndex: 'importedBy' },
            {
              title: t('batches.rejects'),
              key: 'rej',
              render: (_: unknown, b: Batch) =>
                b.openRejects > 0 ? (
                  <Space>
                    <Button size="small" onClick={() => setOpenBatch(b.id)}>{`${b.openRejects}`}</Button>
                    <Button size="small" icon={<DownloadOutlined />} onClick={() => setDownload(b.id)} title={t('batches.download')} />
                  </Space>
                ) : (
                  <Tag>0</Tag>
                ),
            },
          ]}
        />
      </Card>
      {openBatch !== null && <Quarantine batchId={openBatch} onClose={() => { setOpenBatch(null); batches.reload(); }} />}
      <Modal open={download !== null} title={t('batches.download')} onCancel={() => setDownload(null)} footer={null}>
        <Typography.Paragraph>{t('batches.download.purpose')}</Typography.Paragraph>
        <Input value={purpose} onChange={(e) => setPurpose(e.target.value)} maxLength={200} />
        <Button style={{ marginTop: 12 }} type="primary" disabled={purpose.trim().length < 4} href={download === null ? undefined : exportUrls.rejects(download, purpose)} download onClick={() => setTimeout(() => setDownload(null), 100)}>
          {t('batches.download')}
        </Button>
      </Modal>
    </Space>
  );
}

function Quarantine({ batchId, onClose }: { batchId: number; onClose: () => void }) {
  const { t, locale } = useRegistryI18n();
  const rows = useApi<QuarantineRow[]>('/api/registry/quarantine', { batchId, status: 'open' });
  const [editing, setEditing] = useState<QuarantineRow | null>(null);
  const [asking, setAsking] = useState<number | null>(null);
  const [purpose, setPurpose] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const unmask = async () => {
    try {
      const r = await registryApi.unmaskedRow(asking!, purpose);
      setEditing(r);
      setValues(r.values);
      setAsking(null);
    } catch (e) {
      void message.error(errorText(locale, e));
    }
  };
  const save = async () => {
    try {
      await registryApi.fixRow(editing!.id, values);
      setEditing(null);
      rows.reload();
    } catch (e) {
      void message.error(errorText(locale, e));
    }
  };
  const resubmit = async () => {
    try {
      const r = await registryApi.resubmit(batchId);
      void message.success(t('q.resubmitted', { a: r.accepted, r: r.stillRejected }));
      rows.reload();
    } catch (e) {
      void message.error(errorText(locale, e));
    }
  };
  return (
    <Modal open width={1000} title={t('q.title', { id: batchId })} onCancel={onClose} footer={<Button type="primary" onClick={resubmit}>{t('q.resubmit')}</Button>}>
      {rows.error && <Alert type="error" showIcon title={errorText(locale, rows.error)} />}
      <Table
        size="small" rowKey="id" loading={rows.loading} dataSource={rows.data} pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: t('q.none') }}
        columns={[
          { title: t('q.row'), dataIndex: 'rowNo' },
          { title: t('q.reasons'), key: 'r', render: (_: unknown, r: QuarantineRow) => r.reasons.map((p, i) => <div key={i}>{p.message}</div>) },
          { title: t('q.values'), key: 'v', render: (_: unknown, r: QuarantineRow) => <Typography.Text style={{ fontSize: 12 }}>{Object.entries(r.values).filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`).join('；')}</Typography.Text> },
          {
            title: t('col.action'), key: 'a',
            render: (_: unknown, r: QuarantineRow) => (
              <Space>
                <Button size="small" onClick={() => { setAsking(r.id); setPurpose(''); }}>{t('q.fix')}</Button>
                <Button size="small" onClick={async () => { await registryApi.dismiss([r.id]); rows.reload(); }}>{t('q.dismiss')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={asking !== null} title={t('q.fix')} onOk={unmask} onCancel={() => setAsking(null)} okButtonProps={{ disabled: purpose.trim().length < 4 }} okText={t('ok')} cancelText={t('cancel')}>
        <Typography.Paragraph>{t('q.fix.purpose')}</Typography.Paragraph>
        <Input value={purpose} onChange={(e) => setPurpose(e.target.value)} maxLength={200} />
      </Modal>
      <Modal open={editing !== null} title={t('q.fix')} onOk={save} onCancel={() => setEditing(null)} okText={t('q.save')} cancelText={t('cancel')} width={720}>
        {editing && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {editing.reasons.map((p, i) => <Alert key={i} type="warning" title={p.message} />)}
            {Object.keys(editing.values).map((k) => (
              <div key={k} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                <span style={{ width: 220, textAlign: 'right' }}>{k}</span>
                <Input value={values[k] ?? ''} onChange={(e) => setValues({ ...values, [k]: e.target.value })} />
              </div>
            ))}
          </Space>
        )}
      </Modal>
    </Modal>
  );
}
