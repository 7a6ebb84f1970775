/**
 * The person page: identity (masked unless unmasked with a purpose), household, incomes by year and
 * NBS component, property, social insurance, 低保, the source files and rows, linkage history.
 * Every opening is a read the server audits.
 */
import { Alert, Button, Descriptions, Drawer, Input, Modal, Space, Spin, Table, Tag, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/useApi';
import { errorText } from '../../i18n';
import { registryApi, type PersonPage } from './api';
import { useRegistryI18n, yuan, type RegistryKey } from './messages';

const COMPONENTS = ['wage', 'business', 'property', 'transfer'] as const;

export function PersonDrawer({ id, canUnmask, canLink, onOpen, onClose }: { id: number; canUnmask: boolean; canLink: boolean; onOpen: (id: number) => void; onClose: () => void }) {
  const { t, locale } = useRegistryI18n();
  const loaded = useApi<PersonPage>(`/api/registry/persons/${id}`);
  const [unmasked, setUnmasked] = useState<PersonPage | null>(null);
  const [asking, setAsking] = useState<'unmask' | 'unmerge' | null>(null);
  const [purpose, setPurpose] = useState('');
  useEffect(() => setUnmasked(null), [id]);
  const p = unmasked ?? loaded.data;

  const submit = async () => {
    try {
      if (asking === 'unmask') setUnmasked(await registryApi.unmask(id, purpose));
      else if (asking === 'unmerge') {
        await registryApi.unmerge(id, purpose);
        loaded.reload();
      }
      setAsking(null);
      setPurpose('');
    } catch (e) {
      void message.error(errorText(locale, e));
    }
  };
  const sexText = (s: number | null) => (s === 1 ? t('sex.1') : s === 2 ? t('sex.2') : '');

  return (
    <Drawer open width={880} title={t('person.title')} onClose={onClose} destroyOnHidden>
      {loaded.loading && !p && <Spin />}
      {loaded.error && <Alert type="error" showIcon title={errorText(locale, loaded.error)} />}
      {p && (
        <Space orientation="vertical" style={{ width: '100%' }} size="large">
          {p.requestedId !== p.id && <Alert type="info" showIcon title={t('person.mergedFrom', { id: p.requestedId })} />}
          {unmasked && <Alert type="warning" showIcon title={t('person.unmasked')} />}
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label={t('col.name')}>{p.name}</Descriptions.Item>
            <Descriptions.Item label={t('col.id')}>{p.idNumber ?? t('noId')}</Descriptions.Item>
            <Descriptions.Item label={t('col.sex')}>{sexText(p.sex)}</Descriptions.Item>
            <Descriptions.Item label={t('col.birth')}>{p.birthDate}</Descriptions.Item>
            <Descriptions.Item label={t('col.region')}>{p.regionCode}</Descriptions.Item>
            <Descriptions.Item label={t('person.relation')}>{p.relation}</Descriptions.Item>
            <Descriptions.Item label={t('person.address')}>{p.address}</Descriptions.Item>
            <Descriptions.Item label={t('person.phone')}>{p.phone}</Descriptions.Item>
            {p.residence && <Descriptions.Item label={t('person.residence')}>{t(`residence.${p.residence}` as RegistryKey)}</Descriptions.Item>}
          </Descriptions>
          <Space>
            {canUnmask && !unmasked && <Button onClick={() => setAsking('unmask')}>{t('person.unmask')}</Button>}
            {canLink && p.requestedId !== p.id && <Button danger onClick={() => setAsking('unmerge')}>{t('person.unmerge')}</Button>}
          </Space>

          {p.household && (
            <section>
              <Typography.Title level={5}>{t('person.household')}</Typography.Title>
              <Table
                size="small" rowKey="id" pagination={false} dataSource={p.household.members}
                columns={[
                  { title: t('col.name'), dataIndex: 'name', render: (v: string, m: { id: number }) => (m.id === p.id ? <b>{v}</b> : <a onClick={() => onOpen(m.id)}>{v}</a>) },
                  { title: t('person.relation'), dataIndex: 'relation' },
                  { title: t('col.sex'), dataIndex: 'sex', render: sexText },
                  { title: t('col.birth'), dataIndex: 'birthYear' },
                ]}
              />
            </section>
          )}

          <section>
            <Typography.Title level={5}>{t('person.incomes')}</Typography.Title>
            <IncomeByYear page={p} />
          </section>

          {p.property.length > 0 && (
            <section>
              <Typography.Title level={5}>{t('person.property')}</Typography.Title>
              <Table
                size="small" rowKey="id" pagination={false} dataSource={p.property}
                columns={[
                  { title: t('person.kind'), dataIndex: 'kind' },
                  { title: t('person.value'), dataIndex: 'valueFen', align: 'right', render: (v: number) => yuan(v, locale) },
                  { title: t('person.area'), dataIndex: 'area' },
                  { title: t('person.address'), dataIndex: 'address' },
                  { title: t('person.ref'), dataIndex: 'ref' },
                  { title: t('person.channel'), dataIndex: 'channel' },
                ]}
              />
            </section>
          )}
          {p.socialInsurance.length > 0 && (
            <section>
              <Typography.Title level={5}>{t('person.si')}</Typography.Title>
              <Table
                size="small" rowKey={(r) => `${r.year}-${r.scheme}`} pagination={false} dataSource={p.socialInsurance}
                columns={[
                  { title: t('person.year'), dataIndex: 'year' },
                  { title: t('person.kind'), dataIndex: 'scheme' },
                  { title: t('person.months'), dataIndex: 'months' },
                  { title: t('person.personal'), dataIndex: 'personalFen', align: 'right', render: (v: number) => yuan(v, locale) },
                  { title: t('person.employer'), dataIndex: 'employerFen', align: 'right', render: (v: number) => yuan(v, locale) },
                ]}
              />
            </section>
          )}
          {p.dibao.length > 0 && (
            <section>
              <Typography.Title level={5}>{t('person.dibao')}</Typography.Title>
              <Table
                size="small" rowKey="year" pagination={false} dataSource={p.dibao}
                columns={[
                  { title: t('person.year'), dataIndex: 'year' },
                  { title: t('person.months'), dataIndex: 'months' },
                  { title: t('person.benefit'), dataIndex: 'benefitFen', align: 'right', render: (v: number) => yuan(v, locale) },
                ]}
              />
            </section>
          )}
          <section>
            <Typography.Title level={5}>{t('person.sources')}</Typography.Title>
            <Table
              size="small" rowKey="batchId" pagination={false} dataSource={p.sources}
              columns={[
                { title: t('person.channel'), dataIndex: 'channelName' },
                { title: t('person.file'), dataIndex: 'fileName' },
                { title: t('person.records'), dataIndex: 'records' },
                { title: t('person.rows'), key: 'rows', render: (_: unknown, s: { firstRow: number; lastRow: number }) => (s.firstRow === s.lastRow ? s.firstRow : `${s.firstRow}–${s.lastRow}`) },
              ]}
            />
          </section>
          {p.linkage.length > 0 && (
            <section>
              <Typography.Title level={5}>{t('person.linkage')}</Typography.Title>
              {p.linkage.map((l, i) => (
                <div key={i}>
                  <Tag color={l.action === 'merge' ? 'blue' : 'orange'}>{t(l.action === 'merge' ? 'merge.merge' : 'merge.unmerge')}</Tag>
                  {l.at.slice(0, 16).replace('T', ' ')} · {l.fromId} → {l.intoId} · {t(`method.${l.method}` as RegistryKey)} · {l.by}
                  {l.reason ? ` · ${l.reason}` : ''}
                </div>
              ))}
            </section>
          )}
        </Space>
      )}
      <Modal open={asking !== null} title={t(asking === 'unmerge' ? 'person.unmerge' : 'person.unmask')} onOk={submit} onCancel={() => setAsking(null)} okText={t('ok')} cancelText={t('cancel')} okButtonProps={{ disabled: purpose.trim().length < (asking === 'unmask' ? 4 : 2) }}>
        <Typography.Paragraph>{t(asking === 'unmerge' ? 'person.unmerge.reason' : 'person.unmask.purpose')}</Typography.Paragraph>
        <Input.TextArea rows={3} value={purpose} onChange={(e) => setPurpose(e.target.value)} maxLength={500} />
      </Modal>
    </Drawer>
  );
}

/** Years as rows, NBS components (net) as columns, disposable income last. */
function IncomeByYear({ page }: { page: PersonPage }) {
  const { t, locale } = useRegistryI18n();
  const years = [...new Set(page.incomes.map((i) => i.year))].sort((a, b) => b - a);
  const data = years.map((year) => {
    const row: Record<string, number> = { year };
    for (const c of COMPONENTS) row[c] = page.incomes.filter((i) => i.year === year && i.component === c).reduce((a, i) => a + i.signedFen, 0);
    row.disposable = COMPONENTS.reduce((a, c) => a + row[c], 0);
    return row;
  });
  return (
    <Table
      size="small" rowKey="year" pagination={false} dataSource={data}
      expandable={{
        expandedRowRender: (r) => (
          <Table
            size="small" rowKey={(i) => `${i.item}-${i.channel}`} pagination={false} dataSource={page.incomes.filter((i) => i.year === r.year)}
            columns={[
              { title: t('person.item'), dataIndex: 'item' },
              { title: t('person.channel'), dataIndex: 'channel' },
              { title: t('person.records'), dataIndex: 'records' },
              { title: t('person.amount'), dataIndex: 'signedFen', align: 'right', render: (v: number) => yuan(v, locale) },
            ]}
          />
        ),
      }}
      columns={[
        { title: t('person.year'), dataIndex: 'year' },
        ...COMPONENTS.map((c) => ({ title: t(`comp.${c}` as RegistryKey), dataIndex: c, align: 'right' as const, render: (v: number) => yuan(v, locale) })),
        { title: t('person.disposable'), dataIndex: 'disposable', align: 'right' as const, render: (v: number) => <b>{yuan(v, locale)}</b> },
      ]}
    />
  );
}
