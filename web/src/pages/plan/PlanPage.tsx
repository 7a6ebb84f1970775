/**
 * 方案督办: the plan header (choice of plan, counts, import, exports, reminders) and the views as tabs.
 * State lives in the URL: ?plan=ID&tab=matrix|mine|overdue|ranking|timeline&task=ID (the drawer);
 * ?mine=1 opens 我的任务.
 */
import { Alert, Card, Empty, Result, Spin, Tabs } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/useApi';
import { errorText } from '../../i18n';
import { useMe } from '../../session/SessionContext';
import type { PlanSummary, RankingRow, TaskSummary } from './api';
import { ImportPlan } from './ImportPlan';
import { usePlanI18n, type PlanKey } from './messages';
import { MyTasks } from './MyTasks';
import { OverdueList } from './OverdueList';
import { PlanHeader } from './PlanHeader';
import { Ranking } from './Ranking';
import { TaskDrawer, type DrawerTab } from './TaskDrawer';
import { TaskMatrix } from './TaskMatrix';
import { Timeline } from './Timeline';

type Tab = 'matrix' | 'mine' | 'overdue' | 'ranking' | 'timeline';
const TABS: Tab[] = ['matrix', 'mine', 'overdue', 'ranking', 'timeline'];

export default function PlanPage() {
  const { t, locale } = usePlanI18n();
  const me = useMe();
  const canSupervise = me.permissions.includes('plan.supervise');
  const canReport = me.permissions.includes('plan.report');
  const [params, setParams] = useSearchParams();
  const [importing, setImporting] = useState(false);
  const plans = useApi<PlanSummary[]>('/api/plans');

  const list = plans.data ?? [];
  const wanted = Number(params.get('plan'));
  const plan = list.find((p) => p.id === wanted) ?? [...list].sort((a, b) => b.id - a.id)[0];
  const tabParam = params.get('tab') as Tab | null;
  const tab: Tab = tabParam && TABS.includes(tabParam) ? tabParam : params.get('mine') === '1' || (canReport && !canSupervise) ? 'mine' : 'matrix';
  const taskId = Number(params.get('task')) || null;

  const update = useCallback(
    (change: Record<string, string | null>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(change)) v === null ? next.delete(k) : next.set(k, v);
          return next;
        },
        { replace: false },
      ),
    [setParams],
  );
  const openTask = useCallback((id: number, report?: boolean) => update({ task: String(id), report: report ? '1' : null }), [update]);

  if (plans.loading && !plans.data) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (plans.error) return <Alert type="error" showIcon title={errorText(locale, plans.error)} />;

  // The dialog stays at one place in the tree, so its result survives the first plan appearing.
  return (
    <>
      {plan ? (
        <div>
          <PlanHeader
            plans={list}
            plan={plan}
            canSupervise={canSupervise}
            onSelect={(id) => update({ plan: String(id), task: null })}
            onImport={() => setImporting(true)}
            onOpenTask={openTask}
          />
          <Card style={{ marginTop: 16 }} styles={{ body: { paddingTop: 4 } }}>
            <PlanViews
              key={plan.id}
              plan={plan}
              tab={tab}
              canSupervise={canSupervise}
              canReport={canReport}
              taskId={taskId}
              drawerTab={params.get('report') === '1' ? 'submit' : undefined}
              onTab={(k) => update({ tab: k, mine: null })}
              onOpen={openTask}
              onCloseTask={() => update({ task: null, report: null })}
              onChanged={plans.reload}
            />
          </Card>
        </div>
      ) : (
        <Card>
          <Result
            status="info"
            title={t('plan.none')}
            subTitle={canSupervise ? t('plan.none.supervisor') : t('plan.none.other')}
            extra={canSupervise && <PlanHeader.ImportButton onClick={() => setImporting(true)} />}
          />
        </Card>
      )}
      <ImportPlan
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(id) => {
          plans.reload();
          update({ plan: String(id), tab: 'matrix', task: null });
        }}
      />
    </>
  );
}

interface ViewsProps {
  plan: PlanSummary;
  tab: Tab;
  canSupervise: boolean;
  canReport: boolean;
  taskId: number | null;
  drawerTab?: DrawerTab;
  onTab: (t: Tab) => void;
  onOpen: (id: number, report?: boolean) => void;
  onCloseTask: () => void;
  onChanged: () => void;
}

function PlanViews({ plan, tab, canSupervise, canReport, taskId, drawerTab, onTab, onOpen, onCloseTask, onChanged }: ViewsProps) {
  const { t, locale } = usePlanI18n();
  const [version, setVersion] = useState(0);
  const all = useApi<TaskSummary[]>(`/api/plans/${plan.id}/tasks`);
  const mine = useApi<TaskSummary[]>(tab === 'mine' ? `/api/plans/${plan.id}/tasks` : null, { mine: 1 });
  const overdue = useApi<TaskSummary[]>(tab === 'overdue' ? `/api/plans/${plan.id}/tasks` : null, { overdue: 1 });
  const ranking = useApi<RankingRow[]>(tab === 'ranking' ? `/api/plans/${plan.id}/ranking` : null);

  // After a report, review or close-out every list is stale.
  const { reload: r1 } = all;
  const { reload: r2 } = mine;
  const { reload: r3 } = overdue;
  const { reload: r4 } = ranking;
  useEffect(() => {
    if (version === 0) return;
    r1();
    r2();
    r3();
    r4();
  }, [version, r1, r2, r3, r4]);
  const changed = useCallback(() => {
    setVersion((v) => v + 1);
    onChanged();
  }, [onChanged]);

  const tasks = all.data ?? [];
  const error = all.error ?? mine.error ?? overdue.error ?? ranking.error;
  const visibleTabs = useMemo(() => TABS.filter((k) => k !== 'mine' || canReport), [canReport]);

  const body = (k: Tab) => {
    if (k !== tab) return null;
    if (k === 'matrix') return all.loading && !all.data ? <Spin /> : <TaskMatrix tasks={tasks} onOpen={onOpen} />;
    if (k === 'mine') return <MyTasks tasks={mine.data ?? []} loading={mine.loading} canReport={canReport} onOpen={onOpen} />;
    if (k === 'overdue') return <OverdueList tasks={overdue.data ?? []} loading={overdue.loading} onOpen={onOpen} />;
    if (k === 'ranking') return <Ranking rows={ranking.data ?? []} loading={ranking.loading} />;
    return tasks.length ? <Timeline tasks={tasks} onOpen={onOpen} /> : <Empty />;
  };

  return (
    <>
      {error && <Alert type="error" showIcon title={errorText(locale, error)} style={{ margin: '12px 0' }} />}
      <Tabs
        activeKey={tab}
        onChange={(k) => onTab(k as Tab)}
        items={visibleTabs.map((k) => ({ key: k, label: t(`tab.${k}` as PlanKey), children: body(k) }))}
      />
      <TaskDrawer
        taskId={taskId}
        tab={drawerTab}
        periodType={plan.periodType}
        canSupervise={canSupervise}
        canReport={canReport}
        onClose={onCloseTask}
        onChanged={changed}
      />
    </>
  );
}
