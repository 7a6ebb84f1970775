/** 样本户: the sample's strata, its households (search, status), refusals with replacement, the roster. */
import { Alert, App, Button, Card, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/useApi';
import { errorText } from '../../i18n';
import { surveyApi, type Household, type SampleSummary } from './api';
import { useSurveyI18n, type SurveyKey } from './messages';
import { RosterDrawer } from './RosterDrawer';

const COLOUR = { active: 'green', refused: 'red', reserve: 'default', exited: 'default' } as const;

export function Households({ sample, canCollect, onOpenDiary }: { sample: SampleSummary; canCollect: boolean; onOpenDiary: (id: number) => void }) {
  const { t, locale } = useSurveyI18n();
  const { message } = App.useApp();
  const [status, setStatus] = useState<string>('active');
  const [q, setQ] = useState('');
  const [refusing, setRefusing] = useState<Household | null>(null);
  const [reason, setReason] = useState('');
  const [roster, setRoster] = useState<Household | null>(null);
  const list = useApi<Household[]>('/api/survey/households', { sampleId: sample.id, status, q: q || undefined });

  async function refuse() {
    if (!refusing) return;
    try {
      const r = await surveyApi.refuse(refusing.id, reason.trim());
      message.success(r.replacement ? t('hh.refuse.done', { code: r.replacement.code }) : t('hh.refuse.none'));
      setRefusing(null);
      setReason('');
      list.reload();
    } catch (e) {
      message.error(errorText(locale, e));
    }
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text data-testid="sample-summary">
        {t('hh.sample', { name: sample.name, from: sample.yearFrom, to: sample.yearTo, active: sample.counts.active, refused: sample.counts.refused, replaced: sample.counts.replaced })}
      </Typography.Text>
      <Card size="small" title={t('hh.strata')}>
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={sample.strata}
          columns={[
            { title: t('stratum.code'), key: 'c', render: (s: SampleSummary['strata'][number]) => `${s.countyName} ${t(s.urban ? 'urban' : 'rural')}` },
            { title: t('stratum.units'), dataIndex: 'frameUnits', align: 'right' },
            { title: t('stratum.size'), dataIndex: 'frameHouseholds', align: 'right' },
            { title: t('stratum.psus'), dataIndex: 'psus', align: 'right' },
            { title: t('stratum.households'), dataIndex: 'households', align: 'right' },
          ]}
        />
      </Card>
      <Space wrap>
        <Select value={status} style={{ width: 120 }} onChange={setStatus} options={(['active', 'refused', 'reserve'] as const).map((s) => ({ value: s, label: t(`hh.status.${s}`) }))} />
        <Input.Search allowClear placeholder={t('hh.search')} onSearch={setQ} style={{ width: 280 }} />
      </Space>
      {list.error && <Alert type="error" showIcon title={errorText(locale, list.error)} />}
      <Table<Household>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('hh.code'), dataIndex: 'code' },
          { title: t('hh.head'), dataIndex: 'headName' },
          { title: t('hh.village'), dataIndex: 'villageName' },
          { title: t('hh.stratum'), dataIndex: 'stratum' },
          { title: t('hh.weight'), key: 'w', align: 'right', render: (h: Household) => h.designWeight.toFixed(1) },
          { title: t('hh.rotation'), dataIndex: 'rotationGroup', align: 'right' },
          { title: t('hh.status'), key: 's', render: (h: Household) => <Space size={2}><Tag color={COLOUR[h.status]}>{t(`hh.status.${h.status}` as SurveyKey)}</Tag>{h.replacesId && <Tag>{t('hh.replaces', { id: h.replacesId })}</Tag>}{h.refusalReason && <Typography.Text type="secondary">{h.refusalReason}</Typography.Text>}</Space> },
          {
            title: '',
            key: 'a',
            render: (h: Household) => (
              <Space size={4}>
                {h.status === 'active' && <Button size="small" onClick={() => onOpenDiary(h.id)} data-testid={`open-diary-${h.id}`}>{t('hh.open')}</Button>}
                <Button size="small" onClick={() => setRoster(h)}>{t('hh.roster')}</Button>
                {canCollect && h.status === 'active' && <Button size="small" danger onClick={() => setRefusing(h)}>{t('hh.refuse')}</Button>}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={!!refusing} title={`${t('hh.refuse')} ${refusing?.code ?? ''}`} onCancel={() => setRefusing(null)} onOk={() => void refuse()} okButtonProps={{ disabled: reason.trim().length < 2 }}>
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('hh.refuse.reason')} aria-label={t('hh.refuse.reason')} />
      </Modal>
      <RosterDrawer household={roster} year={sample.yearTo} onClose={() => setRoster(null)} />
    </Space>
  );
}
