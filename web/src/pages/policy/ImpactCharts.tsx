/** The dashboard's charts, loaded lazily (echarts is fetched only when results are shown): deciles, and winners/losers. */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { ReformResults, WinnersLosers } from './api';
import { WL_KEYS } from './format';
import { usePolicyI18n, type PolicyKey } from './messages';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const WL_COLOURS: Record<keyof WinnersLosers, string> = { loseMore5: '#a8071a', loseLess5: '#ff7875', noChange: '#d9d9d9', gainLess5: '#95de64', gainMore5: '#237804' };

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

export default function ImpactChart({ results, kind }: { results: ReformResults; kind: 'deciles' | 'winners' }) {
  const { t, locale } = usePolicyI18n();
  const option = useMemo<echarts.EChartsCoreOption>(() => {
    const d = results.deciles;
    if (kind === 'deciles') {
      return {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 64, right: 64, top: 40, bottom: 32 },
        xAxis: { type: 'category', data: d.map((x) => t('results.decileN', { n: x.decile })) },
        yAxis: [
          { type: 'value', name: t('results.meanChange') },
          { type: 'value', name: t('results.relChange'), axisLabel: { formatter: '{value}%' } },
        ],
        series: [
          { name: t('results.meanChange'), type: 'bar', data: d.map((x) => (x.change === null ? null : Math.round(x.change * 10) / 10)), itemStyle: { color: '#1d4f91' } },
          { name: t('results.relChange'), type: 'bar', yAxisIndex: 1, data: d.map((x) => (x.relativeChange === null ? null : Math.round(x.relativeChange * 10000) / 100)), itemStyle: { color: '#69b1ff' } },
        ],
      };
    }
    const rows = [{ label: t('results.all'), w: results.winnersLosers }, ...d.map((x) => ({ label: t('results.decileN', { n: x.decile }), w: x.winnersLosers }))];
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v}%` },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: rows.map((r) => r.label) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: WL_KEYS.map((k) => ({
        name: t(`wl.${k}` as PolicyKey),
        type: 'bar',
        stack: 'wl',
        itemStyle: { color: WL_COLOURS[k] },
        data: rows.map((r) => (r.w[k] === null ? null : Math.round(r.w[k]! * 10000) / 100)),
      })),
    };
  }, [results, kind, t]);
  const el = useChart(option, locale);
  return <div ref={el} style={{ height: 320 }} data-testid={`chart-${kind}`} />;
}
