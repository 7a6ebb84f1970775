/** Small pieces shown wherever a task appears: its status tag, progress against 序时进度, the colour legend. */
import { Space, Tag, Tooltip, Typography } from 'antd';
import type { TaskColour, TaskSummary } from './api';
import { usePlanI18n } from './messages';
import { COLOURS, COLOUR_STYLE, colourKey, statusReason } from './status';

export function StatusTag({ status }: { status: TaskSummary['status'] }) {
  const { t } = usePlanI18n();
  return (
    <Tooltip title={statusReason(t, status)}>
      <Tag color={COLOUR_STYLE[status.colour].tag} data-colour={status.colour} style={{ marginInlineEnd: 0 }}>
        {t(colourKey(status.colour))}
      </Tag>
    </Tooltip>
  );
}

/** Actual progress as a filled bar, planned progress as a dark tick on it. */
export function ProgressVsPlanned({ progress, status, width = 120 }: { progress: number; status: TaskSummary['status']; width?: number }) {
  const { t } = usePlanI18n();
  const colour = COLOUR_STYLE[status.colour].strong;
  const tip = t('progress.tip', { p: progress, planned: status.planned });
  return (
    <Tooltip title={tip}>
      <div role="meter" aria-label={tip} aria-valuenow={progress} aria-valuemin={0} aria-valuemax={100} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
        <div style={{ position: 'relative', width, height: 10, background: '#f0f0f0', borderRadius: 5, flex: 'none' }}>
          <div style={{ width: `${Math.min(100, progress)}%`, height: '100%', background: colour, borderRadius: 5 }} />
          <div
            style={{ position: 'absolute', left: `calc(${Math.min(100, status.planned)}% - 1px)`, top: -3, width: 2, height: 16, background: '#262626' }}
          />
        </div>
        <span style={{ fontSize: 12, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          {progress}%<Typography.Text type="secondary" style={{ fontSize: 12 }}> / {status.planned}%</Typography.Text>
        </span>
      </div>
    </Tooltip>
  );
}

export function ColourLegend({ counts }: { counts?: Record<TaskColour, number> }) {
  const { t } = usePlanI18n();
  return (
    <Space size={12} wrap data-testid="colour-legend">
      {COLOURS.map((c) => (
        <span key={c} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          <span style={{ width: 12, height: 12, borderRadius: 2, background: COLOUR_STYLE[c].strong, display: 'inline-block' }} />
          {t(colourKey(c))}
          {counts && <b>{counts[c]}</b>}
        </span>
      ))}
      <Typography.Text type="secondary">{t('role.legend')}</Typography.Text>
      <Tooltip title={t('legend.rule')}>
        <Typography.Text type="secondary" style={{ cursor: 'help', borderBottom: '1px dotted' }}>
          ┃ {t('matrix.progress')}
        </Typography.Text>
      </Tooltip>
    </Space>
  );
}
