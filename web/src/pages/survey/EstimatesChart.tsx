/** Charts of the estimates, loaded lazily (echarts is fetched only when the estimates open). */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Estimates } from './api';
import { useSurveyI18n } from './messages';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function useChart(option: echarts.EChartsCoreOption, locale: string) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas', locale: locale === 'en-US' ? 'EN' : 'ZH' });
    c.setOption(option);
    const onResize = () => c.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      c.dispose();
    };
  }, [option, locale]);
  return el;
}

export default function EstimatesChart({ data }: { data: Estimates }) {
  const { t, locale } = useSurveyI18n();
  const rows = data.rows.filter((r) => r.disposable.estimate !== null);
  const comps = ['wage', 'business', 'property', 'transfer'] as const;
  const components = useChart(
    {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 60, right: 16, top: 36, bottom: 48 },
      xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', name: '元' },
      series: comps.map((k) => ({ name: t(`est.${k}`), type: 'bar', stack: 'd', data: rows.map((r) => (r[k].estimate === null ? null : Math.round(r[k].estimate!))) })),
    },
    locale,
  );
  const q = data.quintiles;
  const quintiles = useChart(
    {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 16, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: [t('est.q1'), t('est.q2'), t('est.q3'), t('est.q4'), t('est.q5')] },
      yAxis: { type: 'value', name: '元' },
      series: q.map((row) => ({ name: row.label, type: 'bar', data: row.groups.map((g) => (g.estimate === null ? null : Math.round(g.estimate))) })),
    },
    locale,
  );
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }} data-testid="estimates-chart">
      <div style={{ flex: '1 1 420px' }}>
        <div style={{ fontWeight: 600 }}>{t('est.chart.components')}</div>
        <div ref={components} style={{ height: 300 }} />
      </div>
      <div style={{ flex: '1 1 320px' }}>
        <div style={{ fontWeight: 600 }}>{t('est.chart.quintiles')}</div>
        <div ref={quintiles} style={{ height: 300 }} />
      </div>
    </div>
  );
}
