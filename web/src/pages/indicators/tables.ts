/** The table view of each dashboard panel: the same figures as the chart, with CI, n and source (pure). */
import type { Dashboard, IndicatorDefinition, IndicatorValue } from './api';
import type { TableSpec } from './ChartCard';
import { fmtCi, fmtGrowth, fmtShare, fmtValue } from './format';
import type { IndT } from './messages';

type Defs = Map<string, IndicatorDefinition>;
const cell = (v: IndicatorValue | undefined, defs: Defs) => (!v ? null : v.suppressed ? '*' : fmtValue(v.value, defs.get(v.code)));

export function seriesTable(d: Dashboard, defs: Defs, t: IndT): TableSpec {
  const get = (code: string) => new Map((d.series.find((s) => s.code === code)?.points ?? []).map((p) => [p.period.slice(0, 4), p]));
  const urban = get('income.pc.urban');
  const rural = get('income.pc.rural');
  const path = (code: string) => new Map((d.doublingPath.find((p) => p.code === code)?.points ?? []).map((p) => [String(p.year), p.value]));
  const up = path('income.pc.urban');
  const rp = path('income.pc.rural');
  const years = [...new Set([...urban.keys(), ...rural.keys(), ...up.keys()])].sort();
  return {
    columns: [
      { key: 'year', title: t('col.year') },
      { key: 'urban', title: t('col.urban'), align: 'right' },
      { key: 'urbanCi', title: `${t('col.urban')} ${t('col.ci')}`, align: 'right' },
      { key: 'urbanPath', title: `${t('col.urban')} ${t('col.path')}`, align: 'right' },
      { key: 'rural', title: t('col.rural'), align: 'right' },
      { key: 'ruralCi', title: `${t('col.rural')} ${t('col.ci')}`, align: 'right' },
      { key: 'ruralPath', title: `${t('col.rural')} ${t('col.path')}`, align: 'right' },
    ],
    rows: years.map((y) => ({
      year: y,
      urban: cell(urban.get(y), defs),
      urbanCi: urban.get(y) ? fmtCi(urban.get(y)!, defs.get('income.pc.urban')) : '',
      urbanPath: up.has(y) ? fmtValue(up.get(y)!, { unit: '元', decimals: 0 }) : '',
      rural: cell(rural.get(y), defs),
      ruralCi: rural.get(y) ? fmtCi(rural.get(y)!, defs.get('income.pc.rural')) : '',
      ruralPath: rp.has(y) ? fmtValue(rp.get(y)!, { unit: '元', decimals: 0 }) : '',
    })),
  };
}

export function ratioTable(d: Dashboard, defs: Defs, t: IndT): TableSpec {
  const others = d.series.filter((s) => s.code !== 'income.pc.urban' && s.code !== 'income.pc.rural');
  const years = [...new Set(others.flatMap((s) => s.points.map((p) => p.period.slice(0, 4))))].sort();
  return {
    columns: [{ key: 'year', title: t('col.year') }, ...others.map((s) => ({ key: s.code, title: defs.get(s.code)?.name.zh ?? s.code, align: 'right' as const }))],
    rows: years.map((y) => Object.fromEntries([['year', y], ...others.map((s) => [s.code, cell(s.points.find((p) => p.period.startsWith(y)), defs)])])),
  };
}

export function quintileTable(d: Dashboard, t: IndT): TableSpec {
  const q = d.quintiles!;
  return {
    columns: [
      { key: 'group', title: t('col.group') },
      { key: 'mean', title: t('col.mean'), align: 'right' },
      { key: 'share', title: t('col.share'), align: 'right' },
    ],
    rows: (['q1', 'q2', 'q3', 'q4', 'q5'] as const).map((k, i) => ({ group: t(k), mean: fmtValue(q.means[i] ?? null, { unit: '元', decimals: 0 }), share: fmtShare(q.shares[i]) })),
  };
}

export function lorenzTable(d: Dashboard, t: IndT): TableSpec {
  const l = d.lorenz!;
  const g = l.gini;
  return {
    columns: [
      { key: 'pop', title: t('col.popShare'), align: 'right' },
      { key: 'inc', title: t('col.incShare'), align: 'right' },
    ],
    rows: [
      ...l.points.map(([p, s]) => ({ pop: fmtShare(p), inc: fmtShare(s) })),
      { pop: t('gini', { g: g.value === null ? '—' : g.value.toFixed(3) }), inc: g.ci ? `${t('col.ci')} ${g.ci[0].toFixed(3)} – ${g.ci[1].toFixed(3)}` : '' },
    ],
  };
}

export function countyTable(d: Dashboard, defs: Defs, t: IndT): TableSpec {
  return {
    columns: [
      { key: 'name', title: t('col.region') },
      { key: 'code', title: t('col.code') },
      { key: 'urban', title: t('col.urban'), align: 'right' },
      { key: 'urbanCi', title: `${t('col.urban')} ${t('col.ci')}`, align: 'right' },
      { key: 'rural', title: t('col.rural'), align: 'right' },
      { key: 'ruralCi', title: `${t('col.rural')} ${t('col.ci')}`, align: 'right' },
      { key: 'all', title: t('col.all'), align: 'right' },
      { key: 'ratio', title: t('col.ratio'), align: 'right' },
    ],
    rows: d.counties.map((c) => ({
      name: c.name,
      code: c.region,
      urban: cell(c.urban, defs),
      urbanCi: fmtCi(c.urban, defs.get(c.urban.code)),
      rural: cell(c.rural, defs),
      ruralCi: fmtCi(c.rural, defs.get(c.rural.code)),
      all: cell(c.all, defs),
      ratio: fmtValue(c.ratio.value, defs.get(c.ratio.code) ?? { unit: '', decimals: 2 }),
    })),
  };
}

export function keyGroupTable(d: Dashboard, locale: string, t: IndT): TableSpec {
  return {
    columns: [
      { key: 'group', title: t('col.group') },
      { key: 'income', title: t('col.income'), align: 'right' },
      { key: 'growth', title: t('col.growth'), align: 'right' },
      { key: 'ratio', title: t('col.ratioToAll'), align: 'right' },
      { key: 'n', title: t('col.n'), align: 'right' },
    ],
    rows: d.keyGroups.map((g) => ({
      group: locale === 'en-US' ? g.label.en : g.label.zh,
      income: g.income.suppressed ? '*' : fmtValue(g.income.value, { unit: '元', decimals: 0 }),
      growth: fmtGrowth(g.income.growth),
      ratio: g.ratioToAll === null ? '—' : g.ratioToAll.toFixed(2),
      n: g.income.suppressed ? '*' : g.income.n,
    })),
  };
}

export function taskTable(d: Dashboard, t: IndT): TableSpec {
  const tasks = d.tasks!;
  const row = (kind: string, r: { label: string; red: number; yellow: number; green: number; done: number }) => ({ kind, label: r.label, red: r.red, yellow: r.yellow, green: r.green, done: r.done });
  return {
    columns: [
      { key: 'kind', title: t('col.key') },
      { key: 'label', title: t('col.group') },
      { key: 'red', title: t('col.red'), align: 'right' },
      { key: 'yellow', title: t('col.yellow'), align: 'right' },
      { key: 'green', title: t('col.green'), align: 'right' },
      { key: 'done', title: t('col.done'), align: 'right' },
    ],
    rows: [...tasks.byGroup.map((r) => row(t('tasks.byGroup'), r)), ...tasks.byAction.map((r) => row(t('tasks.byAction'), r)), row('', tasks.total)],
  };
}
