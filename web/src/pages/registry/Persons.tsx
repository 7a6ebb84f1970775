/** Person search by ID number or name, within the user's scope; results masked. */
import { Alert, Button, Empty, Input, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../i18n';
import { registryApi, type PersonListItem } from './api';
import { useRegistryI18n } from './messages';

export function Persons({ onOpen }: { onOpen: (id: number) => void }) {
  const { t, locale } = useRegistryI18n();
  const [by, setBy] = useState<'id' | 'name'>('id');
  const [text, setText] = useState('');
  const [rows, setRows] = useState<PersonListItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const search = async () => {
    if (!text.trim()) return;
    setBusy(true);
    try {
      setRows(await registryApi.search(by === 'id' ? { idNumber: text } : { name: text }));
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Space wrap>
        <Segmented value={by} onChange={(v) => setBy(v as 'id' | 'name')} options={[{ value: 'id', label: t('search.by.id') }, { value: 'name', label: t('search.by.name') }]} />
        <Input.Search
          style={{ width: 340 }}
          placeholder={t(by === 'id' ? 'search.placeholder.id' : 'search.placeholder.name')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={search}
          enterButton={t('search.go')}
          loading={busy}
          allowClear
        />
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('search.note')}
      </Typography.Paragraph>
      {error !== null && <Alert type="error" showIcon title={errorText(locale, error)} />}
      {rows !== null &&
        (rows.length === 0 ? (
          <Empty description={t('search.none')} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            dataSource={rows}
            pagination={false}
            columns={[
              { title: t('col.id'), dataIndex: 'idNumber', render: (v: string | null) => v ?? t('noId') },
              { title: t('col.name'), dataIndex: 'name' },
              { title: t('col.sex'), dataIndex: 'sex', render: (v: number | null) => (v === 1 ? t('sex.1') : v === 2 ? t('sex.2') : '') },
              { title: t('col.birth'), dataIndex: 'birthDate' },
              { title: t('col.region'), dataIndex: 'regionCode' },
              { title: t('col.action'), key: 'a', render: (_: unknown, r: PersonListItem) => <Button size="small" onClick={() => onOpen(r.id)}>{t('open')}</Button> },
            ]}
          />
        ))}
    </div>
  );
}
