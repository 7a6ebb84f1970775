/** ECharts options of the dashboard panels, built from the dashboard data (pure: no echarts import). */
import { LIAOYANG_SCHEMATIC, SCHEMATIC_MAP_NAME } from './countyMap';
import type { CountyRow, Dashboard, KeyGroupRow } from './api';
import type { IndT } from './messages';

type Opt = Record<string, unknown>;
const round = (v: number | null) => (v === null ? null : Math.round(v));

const SERIES_COLOURS: Record<string, string> = { 'income.pc.urban': '#1d4f91', 'income.pc.rural': '#52a447' };

/** Urban and rural income 2010 → year, each with its doubling path (dashed) and the 95% CI in the tooltip. */
export function seriesOption(d: Dashboard, t: IndT, nameOf: (code: string) => string): Opt {
  const income = d.series.filter((s) => s.code === 'income.pc.urban' || s.code === 'income.pc.rural');
  const years = [...new Set([...income.flatMap((s) => s.points.map((p) => Number(p.period.slice(0, 4)))), ...d.doublingPath.flatMap((p) => p.points.map((x) => x.year))])].sort((a, b) => a - b);
  const series: Opt[] = [];
  for (const s of income) {
    const by = new Map(s.points.map((p) => [Number(p.period.slice(0, 4)), p]));
    series.push({ name: nameOf(s.code), type: 'line', color: SERIES_COLOURS[s.code], symbolSize: 5, data: years.map((y) => round(by.get(y)?.value ?? null)) });
  }
  for (const p of d.doublingPath) {
    const by = new Map(p.points.map((x) => [x.year, x.value]));
    series.push({ name: `${nameOf(p.code)}·${t('col.path')}`, type: 'line', color: SERIES_COLOURS[p.code], lineStyle: { type: 'dashed', width: 1 }, symbol: 'none', data: years.map((y) => round(by.get(y) ?? null)) });
  }
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 64, right: 16, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', name: '元' },
    series,
  };
}

/** Every series that is not an income level (the urban-rural ratio). */
export function ratioOption(d: Dashboard, nameOf: (code: string) => string): Opt {
  const others = d.series.filter((s) => s.code !== 'income.pc.urban' && s.code !== 'income.pc.rural');
  const years = [...new Set(others.flatMap((s) => s.points.map((p) => p.period.slice(0, 4))))].sort();
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 24, bottom: 28 },
    xAxis: { type: 'category', data: years },
    yAxis: { type: 'value', scale: true },
    series: others.map((s) => {
      const by = new Map(s.points.map((p) => [p.period.slice(0, 4), p.value]));
      return { name: nameOf(s.code), type: 'line', color: '#b5651d', data: years.map((y) => by.get(y) ?? null) };
    }),
  };
}

export function quintileOption(d: Dashboard, t: IndT): Opt {
  const q = d.quintiles!;
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 64, right: 16, top: 24, bottom: 28 },
    xAxis: { type: 'category', data: (['q1', 'q2', 'q3', 'q4', 'q5'] as const).map((k) => t(k)) },
    yAxis: { type: 'value', name: '元' },
    series: [{ type: 'bar', color: '#1d4f91', data: q.means.map((m) => Math.round(m)), label: { show: true, position: 'top', formatter: (p: { dataIndex: number }) => `${(q.shares[p.dataIndex]! * 100).toFixed(1)}%` } }],
  };
}

export function lorenzOption(d: Dashboard, t: IndT): Opt {
  const l = d.lorenz!;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 32, bottom: 28 },
    xAxis: { type: 'value', min: 0, max: 1 },
    yAxis: { type: 'value', min: 0, max: 1 },
    series: [
      { name: t('lorenz.equality'), type: 'line', symbol: 'none', color: '#999', lineStyle: { type: 'dashed' }, data: [[0, 0], [1, 1]] },
      { name: t('gini', { g: l.gini.value === null ? '—' : l.gini.value.toFixed(3) }), type: 'line', color: '#cf1322', areaStyle: { opacity: 0.08 }, data: l.points },
    ],
  };
}

export function countyBarOption(rows: CountyRow[], t: IndT): Opt {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 64, right: 16, top: 36, bottom: 40 },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 6 ? 20 : 0 } },
    yAxis: { type: 'value', name: '元' },
    series: [
      { name: t('col.urban'), type: 'bar', color: '#1d4f91', data: rows.map((r) => round(r.urban.value)) },
      { name: t('col.rural'), type: 'bar', color: '#52a447', data: rows.map((r) => round(r.rural.value)) },
      { name: t('col.all'), type: 'bar', color: '#faad14', data: rows.map((r) => round(r.all.value)) },
    ],
  };
}

/** The schematic map coloured by all residents' per-capita income; regions are matched by code. */
export function countyMapOption(rows: CountyRow[], highlight: string | null): Opt {
  // every unit is labelled, also those without a figure (a county user's dashboard has only its own)
  const names = new Map([...LIAOYANG_SCHEMATIC.features.map((f) => [f.properties.code, f.properties.name] as const), ...rows.map((r) => [r.region, r.name] as const)]);
  const values = rows.map((r) => r.all.value).filter((v): v is number => v !== null);
  return {
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${names.get(p.name) ?? p.name}<br/>${Number.isFinite(p.value) ? Math.round(p.value).toLocaleString('en-US') + ' 元' : '—'}` },
    visualMap: values.length ? { min: Math.min(...values), max: Math.max(...values), left: 0, bottom: 0, calculable: false, itemHeight: 80, inRange: { color: ['#e6f0ff', '#1d4f91'] }, text: ['高', '低'] } : undefined,
    series: [
      {
        type: 'map',
        map: SCHEMATIC_MAP_NAME,
        nameProperty: 'code',
        roam: false,
        label: { show: true, fontSize: 10, formatter: (p: { name: string }) => names.get(p.name) ?? p.name },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        select: { disabled: true },
        data: rows.map((r) => ({ name: r.region, value: r.all.value ?? NaN, ...(highlight === r.region && { itemStyle: { borderColor: '#cf1322', borderWidth: 2 } }) })),
      },
    ],
  };
}

export function keyGroupOption(rows: KeyGroupRow[], allIncome: number | null, locale: string, t: IndT): Opt {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 150, right: 32, top: 16, bottom: 28 },
    xAxis: { type: 'value', name: '元' },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => (locale === 'en-US' ? r.label.en : r.label.zh)) },
    series: [
      {
        type: 'bar',
        color: '#1d4f91',
        data: rows.map((r) => round(r.income.value)),
        markLine: allIncome === null ? undefined : { symbol: 'none', label: { formatter: t('col.all') }, lineStyle: { color: '#cf1322' }, data: [{ xAxis: Math.round(allIncome) }] },
      },
    ],
  };
}

export function taskOption(rows: { label: string; red: number; yellow: number; green: number; done: number }[], t: IndT): Opt {
  const colours = { red: '#cf1322', yellow: '#faad14', green: '#52a447', done: '#8c8c8c' } as const;
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 170, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), axisLabel: { width: 160, overflow: 'truncate' } },
    series: (['red', 'yellow', 'green', 'done'] as const).map((k) => ({ name: t(`col.${k}`), type: 'bar', stack: 's', color: colours[k], data: rows.map((r) => r[k]) })),
  };
}
