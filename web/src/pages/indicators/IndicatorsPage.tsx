/**
 * 指标与目标. Tabs: the monitoring dashboard, the targets table, and manual entry of administrative
 * indicators (for liaisons and supervisors). Region, year and period live in the URL (?region=&year=&quarter=&tab=);
 * a quarter is year to date, as NBS publishes income (一季度, 上半年, 前三季度; 全年 = the year).
 * A city user picks the city or one of its counties; a county user sees only their own county (the
 * server enforces the scope; the page does not offer what it would refuse).
 */
import { Card, Select, Space, Tabs } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { Region } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useMe } from '../../session/SessionContext';
import type { Dashboard as DashboardData, Target } from './api';
import { Dashboard } from './Dashboard';
import { Rosters } from './Rosters';
import { Entries } from './Entries';
import { definitionMap, yearOptions } from './format';
import { useIndI18n } from './messages';
import { TargetsTable } from './TargetsTable';

type Tab = 'dashboard' | 'targets' | 'entries' | 'rosters';
/** 全年, 一季度, 上半年, 前三季度 (quarters year to date), then the months (for month-periodicity indicators) */
const QUARTERS = ['', 'Q1', 'Q2', 'Q3'] as const;
const MONTHS = Array.from({ length: 12 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`);
/** the URL's ?quarter= value as an API period of the year */
const periodOf = (year: number, q: string) => (q.startsWith('M') ? `${year}-${q.slice(1)}` : `${year}-${q}`);

function TargetsTab({ region, defs }: { region: string; defs: DashboardData['definitions'] }) {
  const targets = useApi<Target[]>('/api/indicators/targets', { region });
  const map = useMemo(() => definitionMap(defs), [defs]);
  return <TargetsTable targets={targets.data ?? []} defs={map} loading={targets.loading} />;
}

export default function IndicatorsPage() {
  const { t } = useIndI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  // deep links such as /indicators/entries?indicator=… (source links of administrative figures)
  const sub = useParams()['*'] ?? '';
  const update = useCallback(
    (change: Record<string, string | null>) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(change)) v === null ? next.delete(k) : next.set(k, v);
        return next;
      }),
    [setParams],
  );
  const [loaded, setLoaded] = useState<DashboardData | null>(null);
  const isCity = me.region.level === 'prefecture';
  // counties for the region picker: asked only after the dashboard painted, and only by city users
  const counties = useApi<Region[]>(isCity && loaded ? '/api/regions' : null, { parent: me.region.code, level: 'county' });
  const regions = useMemo(() => {
    const own = { code: me.region.code, name: me.region.name };
    if (!isCity) return [own];
    const fromApi = (counties.data ?? []).filter((r) => r.level === 'county' && r.parentCode === me.region.code).map((r) => ({ code: r.code, name: r.name }));
    const fromDashboard = loaded?.region.level === 'city' ? loaded.counties.map((c) => ({ code: c.region, name: c.name })) : loaded ? [{ code: loaded.region.code, name: loaded.region.name }] : [];
    const list = fromApi.length > 0 ? fromApi : fromDashboard;
    return [own, ...list.filter((r) => r.code !== own.code)];
  }, [me.region, isCity, counties.data, loaded]);

  // undefined = the user's own region, which the server takes by default (and boot.js can ask for ahead)
  const region = isCity ? (params.get('region') ?? undefined) : undefined;
  const yearParam = Number(params.get('year')) || undefined;
  const quarterParam = /^(Q[1-3]|M(0[1-9]|1[0-2]))$/.test(params.get('quarter') ?? '') ? params.get('quarter')! : null;
  const canEnter = me.permissions.includes('indicators.enter');
  const tabs: Tab[] = ['dashboard', 'targets', ...(canEnter ? (['entries'] as const) : []), ...(canEnter && isCity ? (['rosters'] as const) : [])];
  const wanted = (params.get('tab') ?? sub.split('/')[0]) as Tab | null;
  const tab: Tab = wanted && tabs.includes(wanted) ? wanted : 'dashboard';
  const shownYear = yearParam ?? loaded?.year;
  const period = quarterParam && yearParam ? periodOf(yearParam, quarterParam) : undefined;
  const onLoaded = useCallback((d: DashboardData) => setLoaded(d), []);

  const selectors = (
    <Space wrap>
      <Select
        style={{ width: 170 }}
        value={region ?? me.region.code}
        disabled={!isCity}
        options={regions.map((r) => ({ value: r.code, label: r.name }))}
        onChange={(v) => update({ region: v === me.region.code ? null : v })}
        aria-label={t('ind.region')}
        data-testid="region-select"
      />
      <Select
        style={{ width: 120 }}
        value={shownYear}
        placeholder={t('ind.year.latest')}
        options={yearOptions().map((y) => ({ value: y, label: String(y) }))}
        onChange={(v) => update({ year: String(v) })}
        aria-label={t('ind.year')}
        data-testid="year-select"
      />
      <Select
        style={{ width: 120 }}
        value={quarterParam ?? ''}
        options={[
          ...QUARTERS.map((q) => ({ value: q, label: t(`ind.period.${q || 'year'}`) })),
          ...MONTHS.map((m) => ({ value: m, label: t('ind.period.month', { n: Number(m.slice(1)) }) })),
        ]}
        onChange={(v) => update(v ? { quarter: v, year: String(shownYear ?? new Date().getFullYear()) } : { quarter: null })}
        aria-label={t('ind.period')}
        data-testid="period-select"
      />
    </Space>
  );

  return (
    <Card title={t('ind.title')} extra={selectors} styles={{ body: { paddingTop: 4 } }} data-testid="indicators-page">
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k === 'dashboard' ? null : k })}
        items={tabs.map((k) => ({
          key: k,
          label: t(`tab.${k}`),
          children:
            k !== tab ? null : k === 'dashboard' ? (
              <Dashboard region={region} year={yearParam} period={period} onLoaded={onLoaded} />
            ) : k === 'targets' ? (
              <TargetsTab region={region ?? me.region.code} defs={loaded?.definitions ?? []} />
            ) : k === 'rosters' ? (
              <Rosters />
            ) : (
              <Entries regions={regions} />
            ),
        }))}
      />
    </Card>
  );
}
