/** The ECharts drawing of the timeline; loaded lazily (echarts is fetched only when this tab opens). */
import { CustomChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Milestone, TaskSummary } from './api';
import { labelled, usePlanI18n } from './messages';
import { COLOUR_STYLE, colourKey } from './status';

echarts.use([CustomChart, ScatterChart, GridComponent, TooltipComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer]);

const ROW = 24;
const ts = (d: string) => Date.parse(`${d}T00:00:00`);

export interface TimelineChartProps {
  tasks: TaskSummary[];
  milestones: Map<number, Milestone[]>;
  today: string;
  onOpen: (id: number) => void;
}

export default function TimelineChart({ tasks, milestones, today, onOpen }: TimelineChartProps) {
  const { t, locale } = usePlanI18n();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const openRef = useRef(onOpen);
  openRef.current = onOpen;

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas', locale: locale === 'en-US' ? 'EN' : 'ZH' });
    chart.current = c;
    c.on('click', (p) => {
      const id = (p.data as { taskId?: number } | undefined)?.taskId;
      if (id) openRef.current(id);
    });
    const onResize = () => c.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      c.dispose();
      chart.current = null;
    };
  }, [locale]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    const rows = [...tasks].sort((a, b) => a.seq - b.seq);
    const labels = rows.map((r) => `${r.seq}. ${r.title.length > 14 ? `${r.title.slice(0, 14)}…` : r.title}`);
    const bars = rows.map((r, i) => ({
      taskId: r.id,
      name: `${r.ref} ${r.title}`,
      value: [i, ts(r.startDate), ts(r.deadline), r.progress],
      colour: r.status.colour,
      tip: `${r.ref} ${r.title}<br/>${r.startDate} → ${r.deadline}<br/>${t('progress.tip', { p: r.progress, planned: r.status.planned })}<br/>${t(colourKey(r.status.colour))}`,
    }));
    const points = rows.flatMap((r, i) =>
      (milestones.get(r.id) ?? []).map((m) => ({
        taskId: r.id,
        value: [ts(m.dueDate), i],
        tip: `${r.ref} ${labelled(locale, t('timeline.milestone'))}${m.title}<br/>${m.dueDate}${m.targetValue != null ? `　${m.targetValue}${m.targetUnit ?? ''}` : ''}${m.proposed ? `（${t('ms.proposed')}）` : ''}`,
        itemStyle: { color: m.proposed ? '#8c8c8c' : '#1d4f91' },
      })),
    );
    const MONTH = 30 * 86_400_000;
    const from = Math.min(...rows.map((r) => ts(r.startDate)), ts(today)) - MONTH;
    const to = Math.max(...rows.map((r) => ts(r.deadline)), ts(today)) + MONTH;
    c.setOption(
      {
        animation: false,
        grid: { left: 200, right: 40, top: 40, bottom: 50 },
        tooltip: { trigger: 'item', formatter: (p: { data: { tip: string } }) => p.data.tip },
        // Open on the tasks' own span; milestones from other years stay reachable by zooming out.
        dataZoom: [
          { type: 'slider', xAxisIndex: 0, height: 18, bottom: 10, filterMode: 'none', startValue: from, endValue: to },
          { type: 'inside', xAxisIndex: 0, filterMode: 'none', startValue: from, endValue: to },
        ],
        xAxis: { type: 'time', position: 'top', splitLine: { show: true, lineStyle: { color: '#f0f0f0' } } },
        yAxis: { type: 'category', data: labels, inverse: true, axisTick: { show: false }, axisLabel: { fontSize: 12 } },
        series: [
          {
            type: 'custom',
            clip: true,
            encode: { x: [1, 2], y: 0 },
            data: bars,
            renderItem: (_params: unknown, api: {
              value: (i: number) => number;
              coord: (v: number[]) => number[];
              size: (v: number[]) => number[];
            }) => {
              const i = api.value(0);
              const start = api.coord([api.value(1), i]);
              const end = api.coord([api.value(2), i]);
              const h = api.size([0, 1])[1] * 0.55;
              const width = Math.max(1, end[0] - start[0]);
              const colour = COLOUR_STYLE[bars[i].colour];
              return {
                type: 'group',
                children: [
                  { type: 'rect', shape: { x: start[0], y: start[1] - h / 2, width, height: h }, style: { fill: colour.strong, opacity: 0.22 } },
                  { type: 'rect', shape: { x: start[0], y: start[1] - h / 2, width: (width * Math.min(100, api.value(3))) / 100, height: h }, style: { fill: colour.strong } },
                ],
              };
            },
          },
          {
            type: 'scatter',
            symbol: 'diamond',
            symbolSize: 12,
            data: points,
            z: 5,
            markLine: {
              symbol: 'none',
              silent: true,
              data: [{ xAxis: ts(today) }],
              label: { formatter: t('timeline.today'), position: 'end', color: '#cf1322' },
              lineStyle: { color: '#cf1322', type: 'dashed', width: 2 },
            },
          },
        ],
      },
      true,
    );
    c.resize({ height: rows.length * ROW + 100 });
  }, [tasks, milestones, today, t, locale]);

  return <div ref={el} data-testid="timeline-chart" style={{ width: '100%', height: tasks.length * ROW + 100 }} />;
}
