/** 目标进度: each target with base, goal, latest value, a status colour, the growth still needed per year, the trend and the projection. */
import { Table, Tag, Tooltip, Typography } from 'antd';
import type { IndicatorDefinition, Target } from './api';
import { STATUS_TAGS, fmtGrowth, fmtValue, periodLabel } from './format';
import { useIndI18n } from './messages';

export function goalText(tg: Target, def: IndicatorDefinition | undefined, t: (k: 'target.kind.multiple' | 'target.kind.at_most', v: Record<string, string | number>) => string): string {
  if (tg.kind === 'multiple') {
    const goal = tg.baseValue === null ? '' : ` = ${fmtValue(tg.baseValue * tg.targetValue, def)}`;
    return `${t('target.kind.multiple', { base: tg.baseYear, m: tg.targetValue })}${goal}`;
  }
  if (tg.kind === 'at_most') return t('target.kind.at_most', { v: fmtValue(tg.targetValue, def) });
  return fmtValue(tg.targetValue, def);
}

export function TargetsTable({ targets, defs, loading }: { targets: Target[]; defs: Map<string, IndicatorDefinition>; loading?: boolean }) {
  const { t, locale } = useIndI18n();
  return (
    <Table<Target>
      size="small"
      rowKey="id"
      loading={loading}
      pagination={false}
      dataSource={targets}
      locale={{ emptyText: t('targets.empty') }}
      onRow={(r) => ({ 'data-testid': `target-${r.id}` }) as never}
      scroll={{ x: 1000 }}
      columns={[
        {
          key: 'title',
          title: t('target.title'),
          render: (_, r) => (
            <div>
              <div>{r.title}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.planRef}
                {defs.get(r.indicator) && (
                  <Tooltip title={defs.get(r.indicator)!.definition}>
                    {' · '}
                    <span style={{ borderBottom: '1px dotted' }}>{locale === 'en-US' ? defs.get(r.indicator)!.name.en : defs.get(r.indicator)!.name.zh}</span>
                  </Tooltip>
                )}
              </Typography.Text>
            </div>
          ),
        },
        { key: 'base', title: t('target.base'), align: 'right', render: (_, r) => `${r.baseYear}：${fmtValue(r.baseValue, defs.get(r.indicator))}` },
        { key: 'goal', title: t('target.goal'), align: 'right', render: (_, r) => `${r.targetYear}：${goalText(r, defs.get(r.indicator), t)}` },
        { key: 'latest', title: t('target.latest'), align: 'right', render: (_, r) => (r.latest ? `${periodLabel(r.latest.period, locale)}：${fmtValue(r.latest.value, defs.get(r.indicator))}` : '—') },
        {
          key: 'status',
          title: t('target.status'),
          render: (_, r) => (
            <Tag color={STATUS_TAGS[r.status]} data-testid={`target-status-${r.id}`}>
              {t(`status.${r.status}`)}
            </Tag>
          ),
        },
        { key: 'required', title: t('target.required'), align: 'right', render: (_, r) => fmtGrowth(r.requiredAnnualGrowth) },
        { key: 'trend', title: t('target.trend'), align: 'right', render: (_, r) => fmtGrowth(r.trendAnnualGrowth) },
        { key: 'projected', title: t('target.projected'), align: 'right', render: (_, r) => fmtValue(r.projectedValue, defs.get(r.indicator)) },
      ]}
    />
  );
}
