/** 时间轴: each task from start to deadline, its progress, its milestones and today's line. */
import { Alert, Space, Spin, Typography } from 'antd';
import { Suspense, lazy, useEffect, useState } from 'react';
import { planApi, type Milestone, type TaskSummary } from './api';
import { usePlanI18n } from './messages';
import { localToday } from './periods';

const TimelineChart = lazy(() => import('./TimelineChart'));

export function Timeline({ tasks, onOpen }: { tasks: TaskSummary[]; onOpen: (id: number) => void }) {
  const { t } = usePlanI18n();
  const [milestones, setMilestones] = useState<Map<number, Milestone[]>>(new Map());
  const [loading, setLoading] = useState(true);

  const planId = tasks[0]?.planId;
  useEffect(() => {
    let stop = false;
    if (planId === undefined) {
      setLoading(false);
      return;
    }
    setLoading(true);
    // One request for the whole plan; a failure just shows no milestones.
    planApi
      .planMilestones(planId)
      .then((byTask) => !stop && setMilestones(new Map(Object.entries(byTask).map(([id, ms]) => [Number(id), ms]))))
      .catch(() => undefined)
      .finally(() => !stop && setLoading(false));
    return () => {
      stop = true;
    };
  }, [planId]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('timeline.hint')} />
      {loading && <Typography.Text type="secondary">{t('timeline.loadingMilestones')}</Typography.Text>}
      <Suspense fallback={<Spin style={{ display: 'block', margin: 40 }} />}>
        <TimelineChart tasks={tasks} milestones={milestones} today={localToday()} onOpen={onOpen} />
      </Suspense>
    </Space>
  );
}
