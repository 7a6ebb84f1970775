/**
 * 住户收支调查. A household's own account gets the phone diary, full screen. Enumerators and reviewers
 * get tabs: diary (of a chosen household), households, review, conflicts, estimates, settings.
 * State lives in the URL: ?tab=…&household=ID&date=YYYY-MM-DD&period=…&month=YYYY-MM.
 */
import { Alert, Card, Result, Spin, Tabs } from 'antd';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/useApi';
import { errorText } from '../../i18n';
import { useMe } from '../../session/SessionContext';
import type { Household, SampleSummary, SurveyMe } from './api';
import { Conflicts } from './Conflicts';
import { Diary } from './Diary';
import { Estimates } from './Estimates';
import { Households } from './Households';
import { useSurveyI18n, type SurveyKey } from './messages';
import { defaultPeriod } from './periods';
import { Review } from './Review';
import { Settings } from './Settings';

type Tab = 'diary' | 'households' | 'review' | 'conflicts' | 'estimates' | 'settings';

export default function SurveyPage() {
  const { t, locale } = useSurveyI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (change: Record<string, string | null>) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(change)) v === null ? next.delete(k) : next.set(k, v);
        return next;
      }),
    [setParams],
  );
  const survey = useApi<SurveyMe>('/api/survey/me');
  const staff = me.permissions.includes('survey.read') || me.permissions.includes('survey.collect');
  const samples = useApi<SampleSummary[]>(staff ? '/api/survey/samples' : null);
  const householdId = Number(params.get('household')) || null;
  const chosen = useApi<Household>(staff && householdId ? `/api/survey/households/${householdId}` : null);

  if (survey.loading && !survey.data) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (survey.error) return <Alert type="error" showIcon title={errorText(locale, survey.error)} />;
  const mine = survey.data?.household;
  if (mine && !survey.data?.level) {
    return <Diary household={mine} fullScreen initialDate={params.get('date') ?? undefined} onDate={(d) => update({ date: d })} />;
  }
  if (samples.loading && !samples.data) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const sample = samples.data?.find((s) => s.id === survey.data?.sampleId) ?? samples.data?.[0];
  if (!sample) return <Card><Result status="info" title={t('survey.title')} subTitle={t('survey.noSample')} /></Card>;

  const canCollect = me.permissions.includes('survey.collect');
  const canReview = canCollect || me.permissions.includes('survey.review');
  const tabs: Tab[] = [...(canCollect ? (['diary'] as const) : []), 'households', ...(canReview ? (['review'] as const) : []), 'conflicts', ...(me.permissions.includes('survey.read') ? (['estimates'] as const) : []), 'settings'];
  const wanted = params.get('tab') as Tab | null;
  const tab: Tab = wanted && tabs.includes(wanted) ? wanted : canCollect ? 'households' : 'estimates';
  const period = params.get('period') ?? defaultPeriod(sample.lastApprovedMonth, Math.min(sample.yearTo, new Date().getFullYear() - 1));
  const openDiary = (id: number, month?: string) => update({ tab: 'diary', household: String(id), ...(month && { date: `${month}-01` }) });

  const body = (k: Tab) => {
    if (k !== tab) return null;
    if (k === 'diary') {
      if (!householdId) return <Alert type="info" showIcon title={t('diary.pick')} />;
      if (chosen.error) return <Alert type="error" showIcon title={errorText(locale, chosen.error)} />;
      return chosen.data ? <Diary key={chosen.data.id} household={chosen.data} initialDate={params.get('date') ?? undefined} onDate={(d) => update({ date: d })} /> : <Spin />;
    }
    if (k === 'households') return <Households sample={sample} canCollect={canCollect} onOpenDiary={(id) => openDiary(id)} />;
    if (k === 'review') return <Review sampleId={sample.id} month={params.get('month') ?? undefined} onOpenDiary={openDiary} />;
    if (k === 'conflicts') return <Conflicts sampleId={sample.id} canResolve={canCollect} />;
    if (k === 'estimates') return <Estimates sample={sample} period={period} onPeriod={(p) => update({ period: p })} />;
    return <Settings canEdit={me.permissions.includes('survey.review') && me.region.level === 'prefecture'} year={Number(period.slice(0, 4))} />;
  };
  return (
    <Card title={t('survey.title')} styles={{ body: { paddingTop: 4 } }}>
      <Tabs activeKey={tab} onChange={(k) => update({ tab: k })} items={tabs.map((k) => ({ key: k, label: t(`tab.${k}` as SurveyKey), children: body(k) }))} />
    </Card>
  );
}
