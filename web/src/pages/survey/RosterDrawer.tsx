/** A household's roster (members, joining/leaving, absences), resident members by month, questionnaires, change log. */
import { Drawer, Empty, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/useApi';
import type { Household, Member, Paradata, Roster } from './api';
import { useSurveyI18n } from './messages';
import { Questionnaires } from './Questionnaires';

export function RosterDrawer({ household, year: initialYear, onClose }: { household: Household | null; year: number; onClose: () => void }) {
  const { t } = useSurveyI18n();
  const [year] = useState(initialYear);
  const roster = useApi<Roster>(household ? `/api/survey/households/${household.id}/roster` : null, { year });
  const para = useApi<Paradata[]>(household ? `/api/survey/households/${household.id}/paradata` : null);
  return (
    <Drawer open={!!household} onClose={onClose} size="large" title={`${t('roster.title')} ${household?.code ?? ''} ${household?.headName ?? ''}`}>
      {household && (
        <Tabs
          items={[
            {
              key: 'members',
              label: t('roster.title'),
              children: (
                <>
                  <Table<Member>
                    size="small"
                    rowKey="id"
                    pagination={false}
                    loading={roster.loading}
                    dataSource={roster.data?.members ?? []}
                    columns={[
                      { title: '#', dataIndex: 'seq' },
                      { title: t('roster.name'), dataIndex: 'name' },
                      { title: t('roster.relation'), dataIndex: 'relation' },
                      { title: t('roster.birth'), dataIndex: 'birthYear' },
                      { title: t('roster.student'), key: 's', render: (m: Member) => (m.supportedStudent ? <Tag>✓</Tag> : null) },
                      { title: t('roster.since'), dataIndex: 'since' },
                      { title: t('roster.until'), dataIndex: 'until' },
                      { title: t('roster.absences'), key: 'a', render: (m: Member) => m.absences.map((a) => `${a.from}～${a.to} ${a.reason}`).join('；') },
                    ]}
                  />
                  <h4 style={{ marginTop: 16 }}>{t('roster.residents')}</h4>
                  <div>{(roster.data?.residents ?? []).map((r) => <Tag key={r.month}>{r.month.slice(5)}月 {r.count}</Tag>)}</div>
                </>
              ),
            },
            { key: 'q', label: t('q.year', { year }), children: <Questionnaires householdId={household.id} year={year} /> },
            {
              key: 'log',
              label: t('roster.paradata'),
              children: para.data?.length ? (
                <Table<Paradata>
                  size="small"
                  rowKey="id"
                  dataSource={para.data}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    { title: 'ts', dataIndex: 'ts', render: (v: string) => v.slice(0, 19).replace('T', ' ') },
                    { title: 'user', dataIndex: 'username' },
                    { title: 'object', key: 'o', render: (p: Paradata) => `${p.objectType} ${p.objectId.slice(0, 13)}` },
                    { title: 'field', dataIndex: 'field' },
                    { title: 'old', dataIndex: 'oldValue', ellipsis: true },
                    { title: 'new', dataIndex: 'newValue', ellipsis: true },
                    { title: 'reason', dataIndex: 'reason', ellipsis: true },
                  ]}
                />
              ) : (
                <Empty />
              ),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
