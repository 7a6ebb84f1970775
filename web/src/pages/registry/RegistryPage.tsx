/**
 * 个人收入和财产信息系统: overview, person search and person page, statistical tables, imports with
 * quarantine, the linkage review queue and the channels. The tab lives in the URL (?tab=…), the
 * open person too (?person=ID). Tabs show only what the user's permissions allow.
 */
import { Alert, Card, Tabs, Typography } from 'antd';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../../session/SessionContext';
import { Channels } from './Channels';
import { Imports } from './Imports';
import { useRegistryI18n, type RegistryKey } from './messages';
import { Overview } from './Overview';
import { PersonDrawer } from './PersonDrawer';
import { Persons } from './Persons';
import { Review } from './Review';
import { Tables } from './Tables';

type Tab = 'overview' | 'persons' | 'tables' | 'imports' | 'review' | 'channels';

export default function RegistryPage() {
  const { t } = useRegistryI18n();
  const me = useMe();
  const can = (p: string) => me.permissions.includes(p as never);
  const [params, setParams] = useSearchParams();
  const tabs: { key: Tab; label: RegistryKey; show: boolean }[] = [
    { key: 'overview', label: 'tab.overview', show: true },
    { key: 'persons', label: 'tab.persons', show: can('registry.read') },
    { key: 'tables', label: 'tab.tables', show: can('registry.read') },
    { key: 'imports', label: 'tab.imports', show: can('registry.import') },
    { key: 'review', label: 'tab.review', show: can('registry.link') },
    { key: 'channels', label: 'tab.channels', show: true },
  ];
  const visible = tabs.filter((x) => x.show);
  const wanted = params.get('tab') as Tab | null;
  const tab: Tab = visible.some((x) => x.key === wanted) ? wanted! : 'overview';
  const personId = Number(params.get('person')) || null;
  const update = useCallback(
    (change: Record<string, string | null>) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(change)) v === null ? next.delete(k) : next.set(k, v);
        return next;
      }),
    [setParams],
  );
  const openPerson = useCallback((id: number) => update({ person: String(id) }), [update]);

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('reg.title')}
      </Typography.Title>
      <Alert type="info" showIcon title={t('reg.synthetic')} style={{ marginBottom: 12 }} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => update({ tab: k })}
          items={visible.map((x) => ({
            key: x.key,
            label: t(x.label),
            children:
              x.key === tab ? (
                x.key === 'overview' ? (
                  <Overview />
                ) : x.key === 'persons' ? (
                  <Persons onOpen={openPerson} />
                ) : x.key === 'tables' ? (
                  <Tables />
                ) : x.key === 'imports' ? (
                  <Imports />
                ) : x.key === 'review' ? (
                  <Review onOpen={openPerson} />
                ) : (
                  <Channels canEdit={can('registry.import')} />
                )
              ) : null,
          }))}
        />
      </Card>
      {personId !== null && can('registry.read') && (
        <PersonDrawer id={personId} canUnmask={can('registry.unmask')} canLink={can('registry.link')} onOpen={openPerson} onClose={() => update({ person: null })} />
      )}
    </div>
  );
}
