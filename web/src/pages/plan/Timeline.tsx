/** 时间轴: each task from start to deadline, its progress, its milestones and today's line. */
import { Alert, Space, Spin, Typography } from 'antd';
import { Suspense, lazy, useEffect, useState } from 'react';
import { planApi, type Milestone, type TaskSummary } from './api';
import { usePlanI18n } from './messages';
import { localToday } from './periods';

const TimelineChart = lazy(() => import('./TimelineChart'));

/** Milestones come with each task's detail: fetched a few at a time. */
async function loadMilestones(ids: number[], onEach: (id: number, ms: Milestone[]) => void, signal: { stop: boolean }) {
  const queue = [...ids];
  const worker = async () => {
    while (queue.length && !signal.stop) {
      const id = queue.shift()!;
      try {
        onEach(id, (await planApi.task(id)).milestones);
      } catch {
        // a task that cannot be read just shows no milestones
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

export function Timeline({ tasks, onOpen }: { tasks: TaskSummary[]; onOpen: (id: number) => void }) {
  const { t } = usePlanI18n();
  const [milestones, setMilestones] = useState<Map<number, Milestone[]>>(new Map());
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const signal = { stop: false };
    const found = new Map<number, Milestone[]>();
    setLoading(true);
    void loadMilestones(tasks.map((x) => x.id), (id, ms) => ms.length && found.set(id, ms), signal).then(() => {
      if (signal.stop) return;
      setMilestones(found);
      setLoading(false);
    });
    return () => {
      signal.stop = true;
    };
  }, [tasks]);

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
