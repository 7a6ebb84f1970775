/**
 * The dashboard's ECharts, loaded lazily in their own chunk (the page paints its cards before echarts
 * arrives). Only the charts and components used here are registered. The county map is the project's
 * schematic geometry (countyMap.ts), registered with echarts.registerMap: no map tiles, no network.
 */
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { LIAOYANG_SCHEMATIC, SCHEMATIC_MAP_NAME } from './countyMap';

echarts.use([BarChart, LineChart, MapChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);
echarts.registerMap(SCHEMATIC_MAP_NAME, LIAOYANG_SCHEMATIC as never);

export type Option = echarts.EChartsCoreOption;

export function EChart({ option, locale, testId }: { option: Option; locale: string; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    let chart: echarts.ECharts | undefined;
    try {
      chart = echarts.init(el.current, undefined, { renderer: 'canvas', locale: locale === 'en-US' ? 'EN' : 'ZH' });
      chart.setOption(option);
    } catch {
      // no canvas (a test DOM): the table view still has the figures
      return;
    }
    const onResize = () => chart?.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [option, locale]);
  return <div ref={el} style={{ width: '100%', height: '100%' }} data-testid={testId} />;
}

export default EChart;
