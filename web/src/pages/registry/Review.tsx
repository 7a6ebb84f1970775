/** The linkage review queue: pairs between the thresholds, compared field by field, for a person to decide. */
import { Alert, Button, Descriptions, Empty, List, Space, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/useApi';
import { errorText } from '../../i18n';
import { registryApi, type ReviewItem } from './api';
import { useRegistryI18n, type RegistryKey } from './messages';

const LEVEL_COLOUR = ['red', 'orange', 'green', 'green'];
const MAX_LEVEL: Record<string, number> = { surname: 2, given: 3, birth: 2, sex: 1, place: 2, address: 2 };

export function Review({ onOpen }: { onOpen: (id: number) => void }) {
  const { t, locale } = useRegistryI18n();
  const items = useApi<ReviewItem[]>('/api/registry/links', { status: 'pending' });
  const [running, setRunning] = useState(false);
  const decide = async (id: number, d: 'confirm' | 'reject') => {
    try {
      await registryApi.decide(id, d);
      items.reload();
    } catch (e) {
      void message.error(errorText(locale, e));
    }
  };
  const run = async () => {
    setRunning(true);
    try {
      const r = await registryApi.runLinkage();
      void message.success(t('rv.ran', { c: r.compared, a: r.autoMerged, r: r.review }));
      items.reload();
    } catch (e) {
      void message.error(errorText(locale, e));
    } finally {
      setRunning(false);
    }
  };
  const side = (s: ReviewItem['left']) => (
    <Descriptions size="small" column={1}>
      <Descriptions.Item label={t('col.name')}><a onClick={() => onOpen(s.id)}>{s.name}</a></Descriptions.Item>
      <Descriptions.Item label={t('col.birth')}>{s.birthDate}</Descriptions.Item>
      <Descriptions.Item label={t('col.sex')}>{s.sex === 1 ? t('sex.1') : s.sex === 2 ? t('sex.2') : ''}</Descriptions.Item>
      <Descriptions.Item label={t('col.region')}>{s.regionCode}</Descriptions.Item>
      <Descriptions.Item label={t('col.id')}>{s.hasIdNumber ? t('yes') : t('noId')}</Descriptions.Item>
    </Descriptions>
  );
  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('rv.title')}</Typography.Title>
        <Button onClick={run} loading={running}>{t('rv.run')}</Button>
      </Space>
      {items.error && <Alert type="error" showIcon title={errorText(locale, items.error)} />}
      {items.data && items.data.length === 0 ? (
        <Empty description={t('rv.none')} />
      ) : (
        <List
          loading={items.loading}
          dataSource={items.data ?? []}
          renderItem={(it) => (
            <List.Item
              actions={[
                <Button key="c" type="primary" onClick={() => decide(it.linkId, 'confirm')}>{t('rv.confirm')}</Button>,
                <Button key="r" onClick={() => decide(it.linkId, 'reject')}>{t('rv.reject')}</Button>,
              ]}
            >
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1.2fr', gap: 16, width: '100%' }}>
                <div><Typography.Text type="secondary">{t('rv.record')}</Typography.Text>{side(it.left)}</div>
                <div><Typography.Text type="secondary">{t('rv.candidate')}</Typography.Text>{side(it.right)}</div>
                <div>
                  <div>{t('rv.weight')}: <b>{it.weight.toFixed(1)}</b> · {t('rv.prob')}: {(it.probability * 100).toFixed(1)}%</div>
                  <div style={{ marginTop: 6 }}>
                    {Object.entries(it.levels).map(([f, l]) => (
                      <Tag key={f} color={l === null ? 'default' : l === MAX_LEVEL[f] ? 'green' : LEVEL_COLOUR[Math.min(l, 1)]}>
                        {t(`field.${f}` as RegistryKey)}: {l === null ? '—' : l}/{MAX_LEVEL[f]}
                      </Tag>
                    ))}
                  </div>
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
